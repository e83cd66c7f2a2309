"""Deterministic IRIs: the same entity gets the same IRI, different ones different IRIs."""

from __future__ import annotations

import re

import pytest
from rdflib import URIRef

from kg.rdf import ids
from kg.vocab import Kind

BASE = "https://w3id.org/kg-news/id/"


def test_article_and_sentence_iris() -> None:
    assert ids.article("d01-lahat") == URIRef(BASE + "article/d01-lahat")
    assert ids.article("berita lahat/1") == URIRef(BASE + "article/berita%20lahat%2F1")
    assert ids.sentence("d01-lahat", 0, 84) == URIRef(BASE + "article/d01-lahat/s0-84")


@pytest.mark.parametrize("kind, key, path", [
    (Kind.PERSON, "wulan permatasari", "person/wulan-permatasari"),
    (Kind.ORGANIZATION, "kejari|16.09", "org/kejari/16.09"),
    (Kind.ORGANIZATION, "kodim|unit:0405 lahat", "org/kodim/unit:0405-lahat"),
    (Kind.PLACE, "16.04.09", "place/16.04.09"),
    (Kind.PLACE, "venue:aula kantor bupati@16.04", "place/venue:aula-kantor-bupati@16.04"),
    (Kind.EVENT, "d01#meeting", "event/d01/meeting"),
    (Kind.EVENT, "election:pilkada 2024", "event/election:pilkada-2024"),
    (Kind.ROLE, "kepala", "role/kepala"),
    (Kind.COLLECTIVE, "aparatur sipil negara", "collective/aparatur-sipil-negara"),
    (Kind.OUTLET, "sumselpost.id", "outlet/sumselpost.id"),
])
def test_entity_iris_are_readable_paths(kind: Kind, key: str, path: str) -> None:
    assert ids.entity(kind, key) == URIRef(BASE + path)


def test_a_key_outside_ascii_is_percent_encoded() -> None:
    iri = ids.entity(Kind.PERSON, "ni made ayu sukmawatī")
    assert iri == URIRef(BASE + "person/ni-made-ayu-sukmawat%C4%AB")
    assert re.fullmatch(r"[!-~]+", str(iri))


def test_digest_is_stable_short_and_unambiguous() -> None:
    assert ids.digest("a", "b") == ids.digest("a", "b")
    assert re.fullmatch(r"[0-9a-f]{16}", ids.digest("a", "b"))
    assert ids.digest("ab", "") != ids.digest("a", "b")
    assert ids.digest("a", "b") != ids.digest("b", "a")


def test_membership_and_participation_hash_all_their_parts() -> None:
    person, role, org = (ids.entity(Kind.PERSON, "yoga pratama"), ids.entity(Kind.ROLE, "kepala"),
                         ids.entity(Kind.ORGANIZATION, "polres|16.04"))
    other_org = ids.entity(Kind.ORGANIZATION, "polres|16.03")
    m = ids.membership(person, role, org)
    assert m == ids.membership(person, role, org)
    assert m != ids.membership(person, role, other_org)
    assert str(m).startswith(BASE + "membership/")
    event = ids.entity(Kind.EVENT, "d01#ceremony")
    p = ids.participation(event, person, "attendee")
    assert p == ids.participation(event, person, "attendee")
    assert p != ids.participation(event, person, "speaker")
    assert str(p).startswith(BASE + "participation/")


def test_day_iris() -> None:
    assert ids.day("2024-03-15") == URIRef(BASE + "date/2024-03-15")


def test_events_of_two_articles_get_two_iris() -> None:
    from kg.extract import extract
    from kg.ingest.article import make_article

    assert ids.article("berita lahat") != ids.article("berita-lahat")
    text = "Rapat koordinasi digelar di Aula Kantor Camat. Ketua KPU Lahat, Rudi Hartono, hadir.\n"
    keys = [extract(make_article(i, text, "t", {})).events[0].key
            for i in ("berita lahat", "berita-lahat")]
    assert ids.entity(Kind.EVENT, keys[0]) != ids.entity(Kind.EVENT, keys[1])
