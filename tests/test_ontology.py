"""The ontology (ontology/kg.ttl) and the SHACL shapes (ontology/shapes.ttl).

- both files parse;
- every `kg:` term of kg/rdf/namespaces.py is declared, with English and Indonesian
  labels and comments, and the ontology declares no `kg:` term the code does not know;
- a small graph built by hand after docs/data-model.md conforms to the shapes, and
  broken variants of it fail with the expected messages;
- under OWL 2 RL (owlrl, a pyshacl dependency) that graph is consistent with the
  ontology, and a collective typed as an organisation is not.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, SH, Namespace

ROOT = Path(__file__).resolve().parents[1]
if importlib.util.find_spec("kg") is None:  # not installed in this environment
    sys.path.insert(0, str(ROOT))

import kg.rdf.namespaces as ns  # noqa: E402
from kg.rdf.namespaces import DCTERMS, FOAF, KG, KGR, NIF, ORG, PROV, RDF, RDFS, SKOS  # noqa: E402
from kg.vocab import EventKind  # noqa: E402

# schema.org, OWL-Time and XSD stay behind `ns.`: as module globals, pytest's collection
# probes them for `_mock_name`, which rdflib's DefinedNamespace answers with a warning.

ONTOLOGY_TTL = ROOT / "ontology" / "kg.ttl"
SHAPES_TTL = ROOT / "ontology" / "shapes.ttl"
ONTOLOGY_IRI = URIRef("https://w3id.org/kg-news/ontology")
KG_NS = str(KG._NS)

# Declared in kg.ttl, not yet in namespaces.py (the lead adds them there): the classes of
# the kg:participationRole and kg:placeLevel values. Once added, this set changes nothing.

CODE_TERMS = sorted(KG.__annotations__)
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


def kg_term(name: str) -> URIRef:
    return URIRef(KG_NS + name)


def declared_kg_terms(ontology: Graph) -> set[str]:
    return {
        str(s)[len(KG_NS):]
        for s, _, o in ontology.triples((None, RDF.type, None))
        if isinstance(s, URIRef) and str(s).startswith(KG_NS) and o in DECLARATION_TYPES
    }


def languages(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


# --- the files ------------------------------------------------------------------------


@pytest.mark.parametrize("path", [ONTOLOGY_TTL, SHAPES_TTL], ids=lambda p: p.name)
def test_file_parses(path: Path) -> None:
    assert len(Graph().parse(path, format="turtle")) > 0


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    for predicate in (OWL.versionInfo, DCTERMS.title, DCTERMS.description, DCTERMS.license):
        assert ontology.value(ONTOLOGY_IRI, predicate) is not None, predicate
    assert {"en", "id"} <= languages(ontology, ONTOLOGY_IRI, DCTERMS.title)
    assert {"en", "id"} <= languages(ontology, ONTOLOGY_IRI, DCTERMS.description)


# --- the ontology against the code ----------------------------------------------------


@pytest.mark.parametrize("name", CODE_TERMS)
def test_code_term_is_declared(ontology: Graph, name: str) -> None:
    term = kg_term(name)
    types = set(ontology.objects(term, RDF.type)) & DECLARATION_TYPES
    assert types, f"kg:{name} is not declared as a class, property or individual"
    assert {"en", "id"} <= languages(ontology, term, RDFS.label), f"kg:{name} labels"
    assert {"en", "id"} <= languages(ontology, term, RDFS.comment), f"kg:{name} comments"
    assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology


def test_ontology_declares_no_term_the_code_lacks(ontology: Graph) -> None:
    extra = declared_kg_terms(ontology) - set(CODE_TERMS)
    assert not extra, f"declared but not in namespaces.py: {extra}"


def test_every_kg_iri_in_the_ontology_is_declared(ontology: Graph) -> None:
    used = {
        str(node)[len(KG_NS):]
        for triple in ontology
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(KG_NS)
    }
    assert used <= declared_kg_terms(ontology)


def test_labels_are_unique_per_language(ontology: Graph) -> None:
    seen: dict[tuple[str, str | None], URIRef] = {}
    for name in declared_kg_terms(ontology):
        for label in ontology.objects(kg_term(name), RDFS.label):
            key = (str(label).casefold(), label.language)
            assert key not in seen, f"{label!r} labels both {seen[key]} and kg:{name}"
            seen[key] = kg_term(name)


def test_properties_have_domain_and_range(ontology: Graph) -> None:
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in ontology.subjects(RDF.type, kind):
            if str(prop).startswith(KG_NS):
                assert ontology.value(prop, RDFS.domain) is not None, prop
                assert ontology.value(prop, RDFS.range) is not None, prop
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        if str(prop).startswith(KG_NS):
            assert str(ontology.value(prop, RDFS.range)).startswith(str(ns.XSD)), prop


def test_alignment(ontology: Graph) -> None:
    for kind in EventKind:
        assert (ns.term(kind.term), RDFS.subClassOf, ns.SDO.Event) in ontology
    assert (KG.Evidence, RDFS.subClassOf, PROV.Entity) in ontology
    assert (KG.Collective, RDFS.subClassOf, FOAF.Group) in ontology
    assert (KG.Collective, OWL.disjointWith, ORG.Organization) in ontology
    # Outlets are deliberately not organisations (docs/data-model.md).
    assert (KG.NewsOutlet, RDFS.subClassOf, ns.SDO.Organization) not in ontology
    assert (KG.NewsOutlet, RDFS.subClassOf, ORG.Organization) not in ontology


@pytest.mark.parametrize(
    ("cls", "members"),
    [
        ("ParticipationRole", ["Attendee", "Organizer", "Speaker"]),
        ("PlaceLevel", ["Province", "Regency", "City", "District", "Village", "Venue"]),
    ],
)
def test_enumerations(ontology: Graph, cls: str, members: list[str]) -> None:
    for name in members:
        assert (KG[name], RDF.type, OWL.NamedIndividual) in ontology
        assert (kg_term(name), RDF.type, kg_term(cls)) in ontology


# --- the shapes against the ontology --------------------------------------------------


def test_shapes_use_only_declared_kg_terms(ontology: Graph, shapes: Graph) -> None:
    used: set[str] = set()
    for triple in shapes:
        for node in triple:
            if isinstance(node, URIRef) and str(node).startswith(KG_NS):
                used.add(str(node)[len(KG_NS):])
    for query in shapes.objects(None, SH.select):  # prefixed names inside SPARQL
        used |= set(re.findall(r"\bkg:(\w+)", str(query)))
    assert used, "the shapes should check some kg: terms"
    assert used <= declared_kg_terms(ontology)


def test_every_property_shape_has_a_message(shapes: Graph) -> None:
    for prop_shape in shapes.objects(None, SH.property):
        assert shapes.value(prop_shape, SH.message) is not None, shapes.value(prop_shape, SH.path)
    for constraint in shapes.objects(None, SH.sparql):
        assert shapes.value(constraint, SH.message) is not None


# --- validation -----------------------------------------------------------------------

TEXT = (
    "BANDUNG - Plt Kepala Dinas Pendidikan Kabupaten Bandung, Dr. H. Asep Suryana, M.Pd., "
    "membuka rapat koordinasi bersama 120 kepala sekolah di Pendopo Soreang, Senin (12/2)."
)
SENTENCE = TEXT  # one sentence, offsets 0..len(TEXT)


def node(path: str) -> URIRef:
    return KGR[path]


ARTICLE = node("article/2024-02-12-bandung")
OUTLET = node("outlet/pikiran-rakyat")
EVIDENCE = node(f"article/2024-02-12-bandung/s0-{len(SENTENCE)}")
PERSON = node("person/asep-suryana")
ORGANISATION = node("org/dinas-pendidikan-kabupaten-bandung")
ROLE = node("role/kepala")
MEMBERSHIP = node("membership/3f1c0d")
INTERVAL = node("membership/3f1c0d/during")
INSTANT = node("date/2024-02-12")
EVENT = node("event/9a7b2e")
PROVINCE = node("place/jawa-barat")
REGENCY = node("place/kabupaten-bandung")
VENUE = node("place/pendopo-soreang")
COLLECTIVE = node("collective/kepala-sekolah")
PARTICIPATIONS = {
    "speaker": (node("participation/aa01"), PERSON, KG.Speaker),
    "organizer": (node("participation/aa02"), ORGANISATION, KG.Organizer),
    "attendee": (node("participation/aa03"), COLLECTIVE, KG.Attendee),
}


def conforming_graph() -> Graph:
    """A small graph as docs/data-model.md describes it: one article, one of each node."""
    g = Graph()
    date = Literal("2024-02-12", datatype=ns.XSD.date)

    g.add((ARTICLE, RDF.type, ns.SDO.NewsArticle))
    g.add((ARTICLE, RDF.type, PROV.Entity))
    g.add((ARTICLE, DCTERMS.identifier, Literal("2024-02-12-bandung")))
    g.add((ARTICLE, ns.SDO.headline, Literal("Disdik Kabupaten Bandung gelar rakor")))
    g.add((ARTICLE, ns.SDO.url, URIRef("https://www.pikiran-rakyat.com/bandung/2024-02-12")))
    g.add((ARTICLE, ns.SDO.datePublished, date))
    g.add((ARTICLE, ns.SDO.publisher, OUTLET))
    g.add((ARTICLE, ns.SDO.locationCreated, REGENCY))

    g.add((OUTLET, RDF.type, KG.NewsOutlet))
    g.add((OUTLET, RDFS.label, Literal("Pikiran Rakyat")))
    g.add((OUTLET, ns.SDO.url, URIRef("https://www.pikiran-rakyat.com/")))

    g.add((EVIDENCE, RDF.type, NIF.Sentence))
    g.add((EVIDENCE, RDF.type, KG.Evidence))
    g.add((EVIDENCE, NIF.beginIndex, Literal(0, datatype=ns.XSD.nonNegativeInteger)))
    g.add((EVIDENCE, NIF.endIndex, Literal(len(SENTENCE), datatype=ns.XSD.nonNegativeInteger)))
    g.add((EVIDENCE, NIF.anchorOf, Literal(SENTENCE)))
    g.add((EVIDENCE, ns.SDO.isPartOf, ARTICLE))

    g.add((PERSON, RDF.type, FOAF.Person))
    g.add((PERSON, RDF.type, ns.SDO.Person))
    g.add((PERSON, RDFS.label, Literal("Asep Suryana")))
    g.add((PERSON, SKOS.altLabel, Literal("Dr. H. Asep Suryana, M.Pd.")))
    g.add((PERSON, ns.SDO.honorificPrefix, Literal("Dr. H.")))
    g.add((PERSON, ns.SDO.honorificSuffix, Literal("M.Pd.")))
    g.add((PERSON, PROV.wasDerivedFrom, ARTICLE))

    g.add((ORGANISATION, RDF.type, ORG.Organization))
    g.add((ORGANISATION, RDF.type, ORG.FormalOrganization))
    g.add((ORGANISATION, RDFS.label, Literal("Dinas Pendidikan Kabupaten Bandung")))
    g.add((ORGANISATION, SKOS.altLabel, Literal("Disdik Kabupaten Bandung")))
    g.add((ORGANISATION, ns.SDO.areaServed, REGENCY))
    g.add((ORGANISATION, PROV.wasDerivedFrom, ARTICLE))

    g.add((ROLE, RDF.type, ORG.Role))
    g.add((ROLE, RDF.type, SKOS.Concept))
    g.add((ROLE, RDFS.label, Literal("Kepala")))
    g.add((ROLE, SKOS.inScheme, KGR.roles))

    g.add((MEMBERSHIP, RDF.type, ORG.Membership))
    g.add((MEMBERSHIP, ORG.member, PERSON))
    g.add((MEMBERSHIP, ORG.organization, ORGANISATION))
    g.add((MEMBERSHIP, ORG.role, ROLE))
    g.add((MEMBERSHIP, ORG.memberDuring, INTERVAL))
    g.add((MEMBERSHIP, KG.roleQualifier, Literal("Plt")))
    # Explicitly typed on purpose: the same literal as "current" in RDF 1.1.
    g.add((MEMBERSHIP, KG.holdingStatus, Literal("current", datatype=ns.XSD.string)))
    g.add((MEMBERSHIP, PROV.wasDerivedFrom, EVIDENCE))

    g.add((INTERVAL, RDF.type, ns.TIME.Interval))
    g.add((INTERVAL, ns.TIME.inside, INSTANT))
    g.add((INSTANT, RDF.type, ns.TIME.Instant))
    g.add((INSTANT, ns.TIME.inXSDDate, date))

    g.add((EVENT, RDF.type, ns.SDO.Event))
    g.add((EVENT, RDF.type, KG.Meeting))
    g.add((EVENT, RDFS.label, Literal("Rapat koordinasi Disdik Kabupaten Bandung")))
    g.add((EVENT, ns.SDO.startDate, date))
    g.add((EVENT, KG.dateText, Literal("Senin (12/2)")))
    g.add((EVENT, KG.dateConflict, Literal(False)))
    g.add((EVENT, ns.SDO.location, VENUE))
    g.add((EVENT, ns.SDO.attendee, PERSON))  # the speaker is an attendee too
    g.add((EVENT, ns.SDO.attendee, COLLECTIVE))
    g.add((EVENT, ns.SDO.organizer, ORGANISATION))
    g.add((EVENT, ns.SDO.subjectOf, ARTICLE))
    g.add((EVENT, PROV.wasDerivedFrom, EVIDENCE))

    for participation, agent, role in PARTICIPATIONS.values():
        g.add((participation, RDF.type, KG.Participation))
        g.add((participation, KG.event, EVENT))
        g.add((participation, KG.participant, agent))
        g.add((participation, KG.participationRole, role))
        g.add((participation, PROV.wasDerivedFrom, EVIDENCE))

    for place, label, level, parent in (
        (PROVINCE, "Jawa Barat", KG.Province, None),
        (REGENCY, "Kabupaten Bandung", KG.Regency, PROVINCE),
        (VENUE, "Pendopo Soreang", KG.Venue, REGENCY),
    ):
        g.add((place, RDF.type, ns.SDO.Place))
        if level != KG.Venue:
            g.add((place, RDF.type, ns.SDO.AdministrativeArea))
        g.add((place, RDFS.label, Literal(label)))
        g.add((place, KG.placeLevel, level))
        if parent is not None:
            g.add((place, ns.SDO.containedInPlace, parent))

    g.add((COLLECTIVE, RDF.type, KG.Collective))
    g.add((COLLECTIVE, RDFS.label, Literal("kepala sekolah")))
    g.add((COLLECTIVE, SKOS.altLabel, Literal("para kepala sekolah")))
    g.add((COLLECTIVE, KG.memberCount, Literal(120)))
    return g


def messages(data: Graph, shapes: Graph) -> tuple[bool, list[str]]:
    conforms, report, text = validate(data, shacl_graph=shapes, inference="none")
    assert isinstance(report, Graph), text  # a ValidationFailure: the shapes are at fault
    found = [str(m) for m in report.objects(None, SH.resultMessage)]
    return conforms, found


def test_conforming_graph_passes(shapes: Graph) -> None:
    conforms, found = messages(conforming_graph(), shapes)
    assert conforms, found


def test_conforming_graph_passes_after_a_turtle_round_trip(shapes: Graph) -> None:
    data = Graph().parse(data=conforming_graph().serialize(format="turtle"), format="turtle")
    conforms, found = messages(data, shapes)
    assert conforms, found


def remove_member(g: Graph) -> None:
    g.remove((MEMBERSHIP, ORG.member, None))


def begin_after_end(g: Graph) -> None:
    g.set((EVIDENCE, NIF.beginIndex, Literal(90, datatype=ns.XSD.nonNegativeInteger)))
    g.set((EVIDENCE, NIF.endIndex, Literal(12, datatype=ns.XSD.nonNegativeInteger)))


def empty_evidence(g: Graph) -> None:
    g.set((EVIDENCE, NIF.endIndex, Literal(0, datatype=ns.XSD.nonNegativeInteger)))


def untyped_offset(g: Graph) -> None:
    g.set((EVIDENCE, NIF.beginIndex, Literal("0")))


def derived_from_article(g: Graph) -> None:
    g.remove((MEMBERSHIP, PROV.wasDerivedFrom, None))
    g.add((MEMBERSHIP, PROV.wasDerivedFrom, ARTICLE))


def unlabelled_role(g: Graph) -> None:
    g.remove((ROLE, RDFS.label, None))


def attendee_without_participation(g: Graph) -> None:
    participation = PARTICIPATIONS["attendee"][0]
    g.remove((participation, None, None))


def participation_without_triple(g: Graph) -> None:
    g.remove((EVENT, ns.SDO.organizer, ORGANISATION))


def participation_with_bad_role(g: Graph) -> None:
    participation = PARTICIPATIONS["organizer"][0]
    g.set((participation, KG.participationRole, KG.Province))


def event_with_datetime(g: Graph) -> None:
    g.set((EVENT, ns.SDO.startDate, Literal("2024-02-12T09:00:00", datatype=ns.XSD.dateTime)))


def two_identifiers(g: Graph) -> None:
    g.add((ARTICLE, DCTERMS.identifier, Literal("another")))


def unknown_holding_status(g: Graph) -> None:
    g.set((MEMBERSHIP, KG.holdingStatus, Literal("acting")))


def collective_as_organisation(g: Graph) -> None:
    g.add((COLLECTIVE, RDF.type, ORG.Organization))
    g.add((COLLECTIVE, RDFS.label, Literal("kepala sekolah")))


def outlet_as_organisation(g: Graph) -> None:
    g.add((OUTLET, RDF.type, ORG.Organization))


def place_with_two_levels(g: Graph) -> None:
    g.add((REGENCY, KG.placeLevel, KG.City))


def unlabelled_person(g: Graph) -> None:
    g.remove((PERSON, RDFS.label, None))


def blank_location(g: Graph) -> None:
    g.set((EVENT, ns.SDO.location, BNode()))


BREAKAGES: list[tuple[Callable[[Graph], None], str]] = [
    (remove_member, "A membership needs exactly one org:member, a foaf:Person."),
    (begin_after_end, "begins at 90 and ends at 12: nif:beginIndex must be less than nif:endIndex"),
    (empty_evidence, "nif:beginIndex must be less than nif:endIndex"),
    (untyped_offset, "exactly one nif:beginIndex, an xsd:nonNegativeInteger"),
    (derived_from_article, "each must be a kg:Evidence sentence"),
    (unlabelled_role, "A role needs at least one rdfs:label"),
    (attendee_without_participation, "no kg:Participation with a matching role gives its evidence"),
    (participation_without_triple, "lacks the matching schema:attendee / schema:organizer triple"),
    (participation_with_bad_role, "exactly one kg:participationRole"),
    (event_with_datetime, "The schema:startDate of an event must be an xsd:date."),
    (two_identifiers, "exactly one dcterms:identifier"),
    (unknown_holding_status, "The kg:holdingStatus of a membership must be one of"),
    (collective_as_organisation, "A collective must not be typed org:Organization"),
    (outlet_as_organisation, "A news outlet must not be typed org:Organization"),
    (place_with_two_levels, "A place has at most one kg:placeLevel"),
    (unlabelled_person, "A person needs at least one rdfs:label"),
    (blank_location, "The schema:location of an event must be a schema:Place."),
]


@pytest.mark.parametrize(("breakage", "expected"), BREAKAGES, ids=[b.__name__ for b, _ in BREAKAGES])
def test_broken_graph_fails_with_message(
    shapes: Graph, breakage: Callable[[Graph], None], expected: str
) -> None:
    data = conforming_graph()
    breakage(data)
    conforms, found = messages(data, shapes)
    assert not conforms
    assert any(expected in message for message in found), found


def test_untyped_offset_is_reported_once(shapes: Graph) -> None:
    """A string offset is a datatype error, not also a begin >= end error."""
    data = conforming_graph()
    untyped_offset(data)
    _, found = messages(data, shapes)
    assert not [message for message in found if "must be less than" in message], found


def test_membership_without_member_and_bad_evidence_together(shapes: Graph) -> None:
    """The two breakages the brief names, in one graph: both are reported."""
    data = conforming_graph()
    remove_member(data)
    begin_after_end(data)
    conforms, found = messages(data, shapes)
    assert not conforms
    assert "A membership needs exactly one org:member, a foaf:Person." in found
    assert (
        f"Evidence {EVIDENCE} begins at 90 and ends at 12: "
        "nif:beginIndex must be less than nif:endIndex." in found
    ), found


# --- the ontology under OWL 2 RL --------------------------------------------------------

# owlrl reports inconsistencies as nodes in this (DAML agents) vocabulary.
OWLRL_ERRORS = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")


def owl_rl_errors(data: Graph, ontology: Graph) -> list[str]:
    owlrl = pytest.importorskip("owlrl")
    closure = data + ontology
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    errors = closure.subjects(RDF.type, OWLRL_ERRORS.ErrorMessage)
    return [str(closure.value(error, OWLRL_ERRORS.error)) for error in errors]


def test_conforming_graph_is_consistent_with_the_ontology(ontology: Graph) -> None:
    assert owl_rl_errors(conforming_graph(), ontology) == []


def test_collective_organisation_is_inconsistent_with_the_ontology(ontology: Graph) -> None:
    data = conforming_graph()
    collective_as_organisation(data)
    errors = owl_rl_errors(data, ontology)
    assert any("disjoint" in error.lower() for error in errors), errors
