"""Records to triples: a small Extraction built by hand maps to the graph docs/data-model.md
describes, compared as graphs (the difference is printed when they differ)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date

from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.rdf.graph import build_graph, merge
from kg.rdf.namespaces import KG, KGR, PREFIXES, RDF, RDFS, SDO, SKOS
from kg.records import (
    Article,
    Attendance,
    Collective,
    EventFact,
    Extraction,
    Holding,
    Organization,
    Person,
    Place,
    Sentence,
)
from tests.conftest import TURTLE_HEAD

TEXT = ("LAHAT, SUMSELPOST.ID - Kejari Lahat menggelar penyuluhan hukum di Aula Kejari, "
        "Senin (11/3/2024).\n"
        "Kepala Kejari Lahat, Rosa Amelia, S.H., mengatakan penyuluhan diikuti 40 Kades.")
BREAK = TEXT.index("\n")
S1 = Sentence(0, BREAK, TEXT[:BREAK])
S2 = Sentence(BREAK + 1, len(TEXT), TEXT[BREAK + 1:])
ARTICLE = Article(id="a1", text=TEXT, source="a1.txt", url="https://contoh.example/a1",
                  outlet="sumselpost.id", title="Kejari Lahat Gelar Penyuluhan Hukum",
                  published=date(2024, 3, 11), dateline="LAHAT", body_start=23)
VENUE = "venue:aula kejari@16.04"
EXTRACTION = Extraction(
    article=ARTICLE,
    sentences=(S1, S2),
    persons=(Person("rosa amelia", "Rosa Amelia", ("Rosa Amelia, S.H.",), (), ("S.H.",)),),
    organizations=(Organization("kejari|16.04", "Kejari Lahat", ("Kejaksaan Negeri Lahat",),
                                "16.04"),),
    places=(Place("16", "Provinsi Sumatera Selatan", "province", ("Sumatera Selatan",), "16"),
            Place("16.04", "Kabupaten Lahat", "regency", ("Lahat",), "16.04", "16"),
            Place(VENUE, "Aula Kejari", "venue", (), None, "16.04")),
    holdings=(Holding("rosa amelia", "Kepala", "kejari|16.04", S2),),
    events=(EventFact("a1#socialisation", "Penyuluhan hukum", "Socialisation", (S1, S2),
                      (date(2024, 3, 11),), ("Senin (11/3/2024)",), VENUE),),
    attendances=(Attendance("kejari|16.04", "organization", "a1#socialisation", "organizer", S1),
                 Attendance("rosa amelia", "person", "a1#socialisation", "speaker", S2),
                 Attendance("kepala desa", "collective", "a1#socialisation", "attendee", S2)),
    collectives=(Collective("kepala desa", "Kepala Desa", (), 40),),
    dateline="16.04",
    reported=date(2024, 3, 11),
)


def sha(*iris: str) -> str:
    """Hash IRIs the way docs/data-model.md says: SHA-1 of the parts, 16 hex digits."""
    return hashlib.sha1("\x1f".join(iris).encode("utf-8")).hexdigest()[:16]


K = str(KGR)
MEMBERSHIP = sha(f"{K}person/rosa-amelia", f"{K}role/kepala", f"{K}org/kejari/16.04")
EVENT = f"{K}event/a1/socialisation"
PART_ORG = sha(EVENT, f"{K}org/kejari/16.04", "organizer")
PART_PERSON = sha(EVENT, f"{K}person/rosa-amelia", "speaker")
PART_GROUP = sha(EVENT, f"{K}collective/kepala-desa", "attendee")

EXPECTED = TURTLE_HEAD + f"""

<article/a1> a schema:NewsArticle, prov:Entity ;
    dcterms:identifier "a1" ;
    schema:headline "Kejari Lahat Gelar Penyuluhan Hukum" ;
    schema:url "https://contoh.example/a1"^^xsd:anyURI ;
    schema:datePublished "2024-03-11"^^xsd:date ;
    schema:publisher <outlet/sumselpost.id> ;
    schema:locationCreated <place/16.04> .
<outlet/sumselpost.id> a kg:NewsOutlet ; rdfs:label "sumselpost.id" .

<article/a1/s0-{S1.end}> a nif:Sentence, kg:Evidence ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "{S1.end}"^^xsd:nonNegativeInteger ;
    nif:anchorOf {json.dumps(S1.text)} ;
    schema:isPartOf <article/a1> .
<article/a1/s{S2.start}-{S2.end}> a nif:Sentence, kg:Evidence ;
    nif:beginIndex "{S2.start}"^^xsd:nonNegativeInteger ;
    nif:endIndex "{S2.end}"^^xsd:nonNegativeInteger ;
    nif:anchorOf {json.dumps(S2.text)} ;
    schema:isPartOf <article/a1> .

<person/rosa-amelia> a foaf:Person, schema:Person ;
    rdfs:label "Rosa Amelia" ; skos:altLabel "Rosa Amelia, S.H." ;
    schema:honorificSuffix "S.H." ;
    prov:wasDerivedFrom <article/a1> .

<org/kejari/16.04> a org:Organization, org:FormalOrganization ;
    rdfs:label "Kejari Lahat" ; skos:altLabel "Kejaksaan Negeri Lahat" ;
    schema:areaServed <place/16.04> ;
    prov:wasDerivedFrom <article/a1> .

<place/16> a schema:Place, schema:AdministrativeArea ;
    dcterms:identifier "16" ; rdfs:label "Provinsi Sumatera Selatan" ;
    skos:altLabel "Sumatera Selatan" ; kg:placeLevel kg:Province .
<place/16.04> a schema:Place, schema:AdministrativeArea ;
    dcterms:identifier "16.04" ; rdfs:label "Kabupaten Lahat" ; skos:altLabel "Lahat" ;
    kg:placeLevel kg:Regency ; schema:containedInPlace <place/16> .
<place/venue:aula-kejari@16.04> a schema:Place ;
    rdfs:label "Aula Kejari" ; kg:placeLevel kg:Venue ; schema:containedInPlace <place/16.04> .

<collective/kepala-desa> a kg:Collective ; rdfs:label "Kepala Desa" ; kg:memberCount 40 .

<role/kepala> a org:Role, skos:Concept ; rdfs:label "Kepala" ; skos:inScheme <roles> .
<roles> a skos:ConceptScheme ; rdfs:label "Roles in Indonesian public office"@en .

<membership/{MEMBERSHIP}> a org:Membership ;
    org:member <person/rosa-amelia> ; org:organization <org/kejari/16.04> ;
    org:role <role/kepala> ; org:memberDuring <membership/{MEMBERSHIP}/during> ;
    kg:holdingStatus "current" ;
    prov:wasDerivedFrom <article/a1/s{S2.start}-{S2.end}> .
<membership/{MEMBERSHIP}/during> a time:Interval ; time:inside <date/2024-03-11> .
<date/2024-03-11> a time:Instant ; time:inXSDDate "2024-03-11"^^xsd:date .

<event/a1/socialisation> a schema:Event, kg:Socialisation ;
    rdfs:label "Penyuluhan hukum" ;
    schema:startDate "2024-03-11"^^xsd:date ;
    kg:dateText "Senin (11/3/2024)" ;
    schema:location <place/venue:aula-kejari@16.04> ;
    schema:subjectOf <article/a1> ;
    prov:wasDerivedFrom <article/a1/s0-{S1.end}>, <article/a1/s{S2.start}-{S2.end}> ;
    schema:organizer <org/kejari/16.04> ;
    schema:attendee <person/rosa-amelia>, <collective/kepala-desa> .

<participation/{PART_ORG}> a kg:Participation ;
    kg:event <event/a1/socialisation> ; kg:participant <org/kejari/16.04> ;
    kg:participationRole kg:Organizer ; prov:wasDerivedFrom <article/a1/s0-{S1.end}> .
<participation/{PART_PERSON}> a kg:Participation ;
    kg:event <event/a1/socialisation> ; kg:participant <person/rosa-amelia> ;
    kg:participationRole kg:Speaker ; prov:wasDerivedFrom <article/a1/s{S2.start}-{S2.end}> .
<participation/{PART_GROUP}> a kg:Participation ;
    kg:event <event/a1/socialisation> ; kg:participant <collective/kepala-desa> ;
    kg:participationRole kg:Attendee ; prov:wasDerivedFrom <article/a1/s{S2.start}-{S2.end}> .
"""


def assert_same_graph(got: Graph, want: Graph) -> None:
    """Compare two graphs; on failure print the triples only one of them has."""
    if isomorphic(got, want):
        return
    _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
    def show(triples: Graph) -> list[str]:
        return sorted("  " + " ".join(term.n3() for term in t) for t in triples)

    lines = ["only in the built graph:", *show(only_got),
             "only in the expected graph:", *show(only_want)]
    raise AssertionError("\n".join(lines))


def expected() -> Graph:
    return Graph().parse(data=EXPECTED, format="turtle")


def test_a_hand_made_extraction_maps_to_the_data_model() -> None:
    assert_same_graph(build_graph([EXTRACTION]), expected())


def test_the_graph_binds_our_prefixes() -> None:
    namespaces = dict(build_graph([EXTRACTION]).namespaces())
    for prefix, ns in PREFIXES.items():
        assert str(namespaces[prefix]) == str(ns)


def test_two_dates_make_a_date_conflict() -> None:
    node = URIRef(EVENT)
    two = replace(EXTRACTION.events[0], dates=(date(2024, 3, 11), date(2024, 3, 12)))
    g = build_graph([replace(EXTRACTION, events=(two,))])
    assert set(g.objects(node, KG.dateConflict)) == {Literal(True)}
    assert set(g.objects(node, SDO.startDate)) == {Literal(date(2024, 3, 11)),
                                                   Literal(date(2024, 3, 12))}
    assert set(build_graph([EXTRACTION]).objects(node, KG.dateConflict)) == set()


def test_an_undated_event_has_no_start_date_nor_place() -> None:
    undated = replace(EXTRACTION.events[0], dates=(), date_text=(), place=None)
    g = build_graph([replace(EXTRACTION, events=(undated,))])
    node = URIRef(EVENT)
    assert (node, RDF.type, SDO.Event) in g
    assert set(g.objects(node, SDO.startDate)) == set()
    assert set(g.objects(node, SDO.location)) == set()


def test_an_acting_holding_keeps_its_qualifier_and_status() -> None:
    holding = replace(EXTRACTION.holdings[0], qualifier="Plt", status="former")
    g = build_graph([replace(EXTRACTION, holdings=(holding,), reported=None)])
    node = URIRef(f"{K}membership/{MEMBERSHIP}")
    assert set(g.objects(node, KG.roleQualifier)) == {Literal("Plt")}
    assert set(g.objects(node, KG.holdingStatus)) == {Literal("former")}
    # without a reporting date the interval is not placed in time
    interval = URIRef(f"{K}membership/{MEMBERSHIP}/during")
    assert set(g.predicate_objects(interval)) == {(RDF.type, URIRef(
        "http://www.w3.org/2006/time#Interval"))}


def test_an_alias_equal_to_the_label_is_not_repeated() -> None:
    person = Person("rosa amelia", "Rosa Amelia", ("Rosa Amelia", "Bu Rosa"))
    g = build_graph([replace(EXTRACTION, persons=(person,))])
    node = URIRef(f"{K}person/rosa-amelia")
    assert set(g.objects(node, SKOS.altLabel)) == {Literal("Bu Rosa")}
    assert set(g.objects(node, RDFS.label)) == {Literal("Rosa Amelia")}


def test_a_place_without_code_is_no_administrative_area() -> None:
    place = Place("village:tanjung sirih", "Desa Tanjung Sirih", "village", (), None, "16.04")
    g = build_graph([replace(EXTRACTION, places=(*EXTRACTION.places, place))])
    node = URIRef(f"{K}place/village:tanjung-sirih")
    assert set(g.objects(node, RDF.type)) == {SDO.Place}
    assert set(g.objects(node, KG.placeLevel)) == {KG.Village}
    assert set(g.objects(node, SDO.containedInPlace)) == {URIRef(f"{K}place/16.04")}


def test_the_same_entity_from_two_articles_is_one_node() -> None:
    second = replace(
        EXTRACTION,
        article=replace(ARTICLE, id="a2", title="Kejari Lahat Buka Posko"),
        persons=(Person("rosa amelia", "Rosa Amelia", ("Bu Rosa",)),),
        organizations=(Organization("kejari|16.04", "Kejaksaan Negeri Lahat", ("Kejari",),
                                    "16.04"),),
        events=(replace(EXTRACTION.events[0], key="a2#socialisation"),),
        attendances=(),
    )
    g = build_graph([second, EXTRACTION])
    person = URIRef(f"{K}person/rosa-amelia")
    org = URIRef(f"{K}org/kejari/16.04")
    assert set(g.objects(person, RDFS.label)) == {Literal("Rosa Amelia")}
    assert set(g.objects(person, SKOS.altLabel)) == {Literal("Rosa Amelia, S.H."),
                                                     Literal("Bu Rosa")}
    assert set(g.objects(person, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))) == {
        URIRef(f"{K}article/a1"), URIRef(f"{K}article/a2")}
    assert set(g.objects(org, RDFS.label)) == {Literal("Kejaksaan Negeri Lahat")}
    assert set(g.objects(org, SKOS.altLabel)) == {Literal("Kejari Lahat"), Literal("Kejari")}
    assert len(set(g.subjects(RDF.type, SDO.Event))) == 2


def test_merge_picks_the_label_whatever_the_order() -> None:
    a = Organization("kpu|16.72", "KPU Pagaralam", ("KPU",))
    b = Organization("kpu|16.72", "KPU Kota Pagar Alam", ("Komisi Pemilihan Umum",))
    assert merge([a, b]) == merge([b, a])
    (merged,) = merge([a, b])
    assert merged.name == "KPU Kota Pagar Alam"
    assert set(merged.aliases) == {"KPU Pagaralam", "KPU", "Komisi Pemilihan Umum"}
