"""The networkx projection of the RDF graph, and the measures on it."""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph

from kg.network.analytics import RELATIONS, centrality, project
from tests.conftest import TURTLE_HEAD

# A small graph written as docs/data-model.md describes it; kgr: IRIs are relative to @base.
TURTLE = TURTLE_HEAD + """

<article/a1> a schema:NewsArticle, prov:Entity ;
    dcterms:identifier "a1" ;
    schema:headline "Kajari OKI hadiri rapat" ;
    schema:url "https://example.id/berita/a1" ;
    schema:datePublished "2024-03-01"^^xsd:date ;
    schema:publisher <outlet/contoh> ;
    schema:locationCreated <place/kayuagung> .

<outlet/contoh> a kg:NewsOutlet ; rdfs:label "Contoh News" .

<article/a1/s0-60> a nif:Sentence, kg:Evidence ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ;
    nif:endIndex "60"^^xsd:nonNegativeInteger ;
    nif:anchorOf "Kepala Kejaksaan Negeri OKI, Budi Santoso SH MH, hadir." ;
    schema:isPartOf <article/a1> .

<article/a1/s61-120> a nif:Sentence, kg:Evidence ;
    nif:beginIndex "61"^^xsd:nonNegativeInteger ;
    nif:endIndex "120"^^xsd:nonNegativeInteger ;
    nif:anchorOf "Rapat koordinasi digelar di Pendopo Kayuagung." ;
    schema:isPartOf <article/a1> .

<person/budi-santoso> a foaf:Person, schema:Person ;
    rdfs:label "Budi Santoso" ;
    skos:altLabel "Budi Santoso SH MH", "Budi Santoso" ;
    schema:honorificSuffix "SH", "MH" ;
    prov:wasDerivedFrom <article/a1> .

<org/kejaksaan-negeri-oki> a org:Organization, org:FormalOrganization ;
    rdfs:label "Kejaksaan Negeri OKI" ;
    skos:altLabel "Kejari OKI" ;
    schema:areaServed <place/oki> ;
    prov:wasDerivedFrom <article/a1> .

<role/kepala> a org:Role, skos:Concept ; rdfs:label "Kepala" ; skos:inScheme <roles> .

<membership/m1> a org:Membership ;
    org:member <person/budi-santoso> ;
    org:organization <org/kejaksaan-negeri-oki> ;
    org:role <role/kepala> ;
    org:memberDuring <membership/m1/during> ;
    kg:holdingStatus "current" ;
    prov:wasDerivedFrom <article/a1/s0-60> .

<membership/m1/during> a time:Interval ; time:inside <date/2024-03-01> .
<date/2024-03-01> a time:Instant ; time:inXSDDate "2024-03-01"^^xsd:date .

<event/e1> a schema:Event, kg:Meeting ;
    rdfs:label "Rapat koordinasi" ;
    schema:startDate "2024-03-01"^^xsd:date ;
    schema:location <place/pendopo> ;
    schema:attendee <person/budi-santoso> ;
    schema:subjectOf <article/a1> ;
    prov:wasDerivedFrom <article/a1/s61-120> .

<participation/p1> a kg:Participation ;
    kg:event <event/e1> ;
    kg:participant <person/budi-santoso> ;
    kg:participationRole kg:Attendee ;
    prov:wasDerivedFrom <article/a1/s0-60> .

<participation/p2> a kg:Participation ;
    kg:event <event/e1> ;
    kg:participant <person/budi-santoso> ;
    kg:participationRole kg:Speaker ;
    prov:wasDerivedFrom <article/a1/s61-120> .

<place/pendopo> a schema:Place ;
    rdfs:label "Pendopo – Kayuagung" ;
    kg:placeLevel kg:Venue ;
    schema:containedInPlace <place/kayuagung> .

<place/kayuagung> a schema:Place, schema:AdministrativeArea ;
    rdfs:label "Kayuagung" ; kg:placeLevel kg:District ;
    schema:containedInPlace <place/oki> .

<place/oki> a schema:Place, schema:AdministrativeArea ;
    rdfs:label "Ogan Komering Ilir" ; skos:altLabel "OKI" ; kg:placeLevel kg:Regency .

<collective/asn> a kg:Collective ; rdfs:label "ASN" ; kg:memberCount 40 .
"""

KGR = "https://w3id.org/kg-news/id/"
BUDI, KEJARI = KGR + "person/budi-santoso", KGR + "org/kejaksaan-negeri-oki"
EVENT, ARTICLE = KGR + "event/e1", KGR + "article/a1"
PENDOPO, KAYUAGUNG, OKI = KGR + "place/pendopo", KGR + "place/kayuagung", KGR + "place/oki"
ASN = KGR + "collective/asn"


@pytest.fixture(scope="module")
def g() -> nx.MultiDiGraph:
    """Return the projection of the sample graph."""
    return project(Graph().parse(data=TURTLE, format="turtle"))


def relations(g: nx.MultiDiGraph, source: str, target: str) -> set[str]:
    """Return the relations of the edges from source to target."""
    return {data["relation"] for data in g.get_edge_data(source, target, default={}).values()}


def test_nodes_have_kinds_labels_aliases_and_iris(g: nx.MultiDiGraph) -> None:
    kinds = {node: data["kind"] for node, data in g.nodes(data=True)}
    assert kinds == {
        BUDI: "person", KEJARI: "organization", EVENT: "event", ARTICLE: "article",
        PENDOPO: "place", KAYUAGUNG: "place", OKI: "place", ASN: "collective",
    }
    assert g.nodes[BUDI]["label"] == "Budi Santoso"
    assert g.nodes[BUDI]["aliases"] == ["Budi Santoso SH MH"]
    assert g.nodes[BUDI]["iri"] == BUDI
    assert g.nodes[KEJARI]["aliases"] == ["Kejari OKI"]


def test_roles_memberships_outlets_and_sentences_are_not_nodes(g: nx.MultiDiGraph) -> None:
    hidden = ("/role/", "/membership/", "/participation/", "/outlet/", "/date/", "/s0-")
    assert not any(part in node for node in g for part in hidden)


def test_node_details(g: nx.MultiDiGraph) -> None:
    assert g.nodes[ARTICLE]["label"] == "Kajari OKI hadiri rapat"
    assert g.nodes[ARTICLE]["url"] == "https://example.id/berita/a1"
    assert g.nodes[ARTICLE]["dates"] == ["2024-03-01"]
    assert g.nodes[ARTICLE]["outlet"] == "Contoh News"
    assert g.nodes[BUDI]["outlet"] is None
    assert g.nodes[EVENT]["subtype"] == "Meeting"
    assert g.nodes[EVENT]["dates"] == ["2024-03-01"]
    (evidence,) = g.nodes[EVENT]["evidence"]
    assert evidence["text"] == "Rapat koordinasi digelar di Pendopo Kayuagung."
    assert g.nodes[PENDOPO]["subtype"] == "Venue"
    assert g.nodes[PENDOPO]["label"] == "Pendopo – Kayuagung"


def test_membership_folds_into_a_holds_edge(g: nx.MultiDiGraph) -> None:
    (edge,) = g.get_edge_data(BUDI, KEJARI).values()
    assert edge["relation"] == "holds"
    assert edge["role"] == "Kepala"
    assert edge["status"] == "current"
    assert edge["qualifier"] is None
    assert edge["dates"] == ["2024-03-01"]
    assert edge["evidence"] == [{
        "text": "Kepala Kejaksaan Negeri OKI, Budi Santoso SH MH, hadir.",
        "article": ARTICLE, "begin": 0, "end": 60, "url": "https://example.id/berita/a1",
    }]


def test_participation_edges_carry_their_evidence(g: nx.MultiDiGraph) -> None:
    assert relations(g, BUDI, EVENT) == {"attends", "speaks"}
    edges = {d["relation"]: d for d in g.get_edge_data(BUDI, EVENT).values()}
    assert [e["begin"] for e in edges["attends"]["evidence"]] == [0]
    assert [e["begin"] for e in edges["speaks"]["evidence"]] == [61]


def test_places_events_and_reports(g: nx.MultiDiGraph) -> None:
    assert relations(g, EVENT, PENDOPO) == {"located_in"}
    assert relations(g, PENDOPO, KAYUAGUNG) == {"within"}
    assert relations(g, KAYUAGUNG, OKI) == {"within"}
    assert relations(g, KEJARI, OKI) == {"serves"}
    assert relations(g, EVENT, ARTICLE) == {"reported_in"}
    assert relations(g, ARTICLE, KAYUAGUNG) == {"filed_in"}
    assert relations(g, BUDI, ARTICLE) == {"reported_in"}
    (report,) = g.get_edge_data(EVENT, ARTICLE).values()
    assert [e["begin"] for e in report["evidence"]] == [61]


def test_every_edge_has_a_relation_and_evidence_list(g: nx.MultiDiGraph) -> None:
    for _, _, data in g.edges(data=True):
        assert data["relation"] in RELATIONS
        assert isinstance(data["evidence"], list)


def test_projection_is_deterministic() -> None:
    first = project(Graph().parse(data=TURTLE, format="turtle"))
    second = project(Graph().parse(data=TURTLE, format="turtle"))
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))


def test_dangling_links_are_dropped() -> None:
    extra = "<event/e1> schema:attendee <person/nobody> ."
    g = project(Graph().parse(data=TURTLE + extra, format="turtle"))
    assert KGR + "person/nobody" not in g
    assert relations(g, BUDI, EVENT) == {"attends", "speaks"}


def test_centrality_is_degree_on_the_undirected_simple_view(g: nx.MultiDiGraph) -> None:
    scores = centrality(g)
    assert set(scores) == set(g)
    assert scores[ARTICLE] == max(scores.values())  # person, org, event, dateline place
    assert scores[BUDI] == pytest.approx(3 / (len(g) - 1))  # org, event, article
    assert scores[ASN] == 0.0


def test_empty_graph_projects_to_empty() -> None:
    g = project(Graph())
    assert len(g) == 0
    assert centrality(g) == {}
