"""Deterministic IRIs: the same entity gets the same IRI whatever the order of the input."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

from kg.rdf.namespaces import KGR
from kg.vocab import Kind


def digest(*parts: str) -> str:
    """Hash parts into a short stable identifier."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _segment(key: str) -> str:
    """Write an entity key as a readable IRI path: "kejari|16.09" -> "kejari/16.09".

    Keys are folded (lower case, single spaces, no hyphens), so the mapping stays one to one.
    """
    return quote(key.replace(" ", "-").replace("|", "/").replace("#", "/"), safe="-_.~:@/")


# Entities and articles recur in most of a graph's triples: their IRIs are made once each (and
# shared, which keeps a large graph smaller), the most recent ones kept.
CACHED = 1 << 16


@lru_cache(maxsize=CACHED)
def article(ident: str) -> URIRef:
    """Return an article's IRI."""
    return KGR[f"{Kind.ARTICLE.segment}/{quote(ident, safe='-_.~')}"]


def sentence(ident: str, start: int, end: int) -> URIRef:
    """Return the IRI of a sentence of an article."""
    return URIRef(f"{article(ident)}/s{start}-{end}")


@lru_cache(maxsize=CACHED)
def entity(kind: Kind, key: str) -> URIRef:
    """Return the IRI of a person, organisation, place, collective, role, event or outlet."""
    return KGR[f"{kind.segment}/{_segment(key)}"]


def membership(person: URIRef, role: URIRef, org: URIRef) -> URIRef:
    """Return the IRI of a person's membership in a role at an organisation."""
    return KGR[f"{Kind.MEMBERSHIP.segment}/{digest(person, role, org)}"]


def participation(event: URIRef, participant: URIRef, role: str) -> URIRef:
    """Return the IRI of a participant's part in an event."""
    return KGR[f"participation/{digest(event, participant, role)}"]


def day(value: str) -> URIRef:
    """Return the IRI of a calendar day (yyyy-mm-dd)."""
    return KGR[f"date/{value}"]
