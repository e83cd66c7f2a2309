"""The vocabulary (kg/vocab.py): every name tied to a term its namespace declares, and the
closed lists of the ontology (kinds of event, participation roles, place levels) exactly the
vocabulary's."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SDO

from kg import vocab
from kg.rdf.namespaces import KG, term

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl"
TERMS = (vocab.Kind, vocab.Relation, vocab.ParticipationRole, vocab.EventKind, vocab.PlaceLevel,
         vocab.HoldingStatus, vocab.BylineRole, vocab.MentionType)
MEMBERS = [m for enum in TERMS for m in enum]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def _one_of(ontology: Graph, cls: URIRef) -> set[URIRef]:
    """Return the members of the closed list a class is declared equivalent to."""
    listed = ontology.value(ontology.value(cls, OWL.equivalentClass), OWL.oneOf)
    return {URIRef(m) for m in Collection(ontology, listed)}


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_each_name_is_a_declared_term(member: vocab.Term, ontology: Graph) -> None:
    iri = term(member.term)
    if member.term.startswith("kg:"):
        assert (iri, RDFS.isDefinedBy, URIRef("https://w3id.org/kg-news/ontology")) in ontology


def test_a_misspelt_term_is_refused() -> None:
    with pytest.raises(KeyError, match="kg:Meting"):
        term("kg:Meting")
    with pytest.raises(KeyError, match="schema:Evnt"):
        term("schema:Evnt")


def test_event_kinds_are_the_ontology_s_kinds_of_event(ontology: Graph) -> None:
    declared = {c for c in ontology.subjects(RDFS.subClassOf, SDO.Event) if c in KG}
    assert {term(k.term) for k in vocab.EventKind} == declared
    assert all(term(k.term) == KG[k] for k in vocab.EventKind)  # the name is the class's


def test_participation_roles_are_the_closed_list(ontology: Graph) -> None:
    assert {term(r.term) for r in vocab.ParticipationRole} == _one_of(ontology, KG.ParticipationRole)
    for role in vocab.ParticipationRole:
        assert (term(role.term), RDFS.seeAlso, term(role.predicate)) in ontology


def test_place_levels_are_the_closed_list(ontology: Graph) -> None:
    assert {term(level.term) for level in vocab.PlaceLevel} == _one_of(ontology, KG.PlaceLevel)


def test_kinds_of_our_own_are_classes(ontology: Graph) -> None:
    for kind in vocab.Kind:
        if kind.term.startswith("kg:"):
            assert (term(kind.term), RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("enum", [*TERMS, vocab.ChunkKind], ids=lambda e: e.__name__)
def test_names_are_distinct_strings(enum: type[StrEnum]) -> None:
    assert len(enum.__members__) == len({str(m) for m in enum})  # no member an alias of another
    assert all(isinstance(m, str) and json.dumps(m) == f'"{m.value}"' for m in enum)


def test_one_concept_has_one_name() -> None:
    """A mention type is named as the kind of node its term is; a chunk as the type it lists
    as of its own (a venue lists as a place)."""
    for mention in vocab.MentionType:
        if mention.name in vocab.Kind.__members__:
            assert vocab.Kind[mention.name].term == mention.term, mention
    assert {m.name for m in vocab.MentionType} - set(vocab.Kind.__members__) == {"DATE"}
    for chunk in vocab.ChunkKind:
        if chunk.mention is not None and chunk != vocab.ChunkKind.VENUE:
            assert chunk.name == chunk.mention.name, chunk


def test_each_chunk_lists_as_a_mention_type_or_none() -> None:
    assert {c.mention for c in vocab.ChunkKind} - {None} == set(vocab.MentionType) - {
        vocab.MentionType.ROLE, vocab.MentionType.DATE}  # titles give roles; dates are not chunks
    assert vocab.ChunkKind.TITLE.mention is None and vocab.ChunkKind.NAME.mention is None


def test_iri_segments_are_distinct() -> None:
    assert len({k.segment for k in vocab.Kind}) == len(vocab.Kind)
    assert vocab.Kind.ORGANIZATION.segment == "org"  # IRIs keep their short form
