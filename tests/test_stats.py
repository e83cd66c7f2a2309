"""`kg stats` (central actors, co-attendance, communities, places) and the GraphML/GEXF export."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from kg.network.analytics import project
from kg.network.netexport import flat
from kg.network.stats import stats
from kg.network.stats_text import to_text
from tests.conftest import TURTLE_HEAD, run_kg

TURTLE = TURTLE_HEAD + """

<person/ani> a foaf:Person ; rdfs:label "Ani" .
<person/budi> a foaf:Person ; rdfs:label "Budi" .
<person/citra> a foaf:Person ; rdfs:label "Citra" .
<person/dodi> a foaf:Person ; rdfs:label "Dodi" .
<org/kpu> a org:Organization ; rdfs:label "KPU Lahat" ; schema:areaServed <place/lahat> .
<org/bawaslu> a org:Organization ; rdfs:label "Bawaslu Lahat" ; schema:areaServed <place/lahat> .
<role/ketua> rdfs:label "Ketua" .
<membership/m1> a org:Membership ; org:member <person/ani> ; org:organization <org/kpu> ;
    org:role <role/ketua> .
<event/e1> a schema:Event ; rdfs:label "Rapat pleno" ; schema:location <place/aula> ;
    schema:attendee <person/ani>, <person/budi>, <person/citra> ; schema:organizer <org/kpu> .
<event/e2> a schema:Event ; rdfs:label "Deklarasi" ; schema:location <place/aula> ;
    schema:attendee <person/ani>, <person/budi>, <org/bawaslu> .
<event/e3> a schema:Event ; rdfs:label "Apel" ; schema:location <place/pagaralam> ;
    schema:attendee <person/dodi> .
<place/aula> a schema:Place ; rdfs:label "Aula KPU" ; kg:placeLevel kg:Venue ;
    schema:containedInPlace <place/lahat> .
<place/lahat> a schema:Place ; rdfs:label "Lahat" ; kg:placeLevel kg:Regency ;
    schema:containedInPlace <place/sumsel> .
<place/sumsel> a schema:Place ; rdfs:label "Sumatera Selatan" ; kg:placeLevel kg:Province .
<place/pagaralam> a schema:Place ; rdfs:label "Pagar Alam" ; kg:placeLevel kg:City ;
    schema:containedInPlace <place/sumsel> .
"""
KGR = "https://w3id.org/kg-news/id/"


@pytest.fixture(scope="module")
def found() -> dict:
    """Return the measures of the sample graph."""
    return stats(Graph().parse(data=TURTLE, format="turtle"), top=10)


def test_most_central_persons_and_organisations(found: dict) -> None:
    persons = [r["label"] for r in found["persons"]]
    assert persons[0] == "Ani"  # two events and a role
    assert set(persons) == {"Ani", "Budi", "Citra", "Dodi"}
    ani = found["persons"][0]
    assert ani["events"] == 2
    assert ani["roles"] == ["Ketua at KPU Lahat"]
    assert ani["degree"] > found["persons"][-1]["degree"]
    kpu = next(r for r in found["organizations"] if r["label"] == "KPU Lahat")
    assert kpu["roles"] == ["Ketua: Ani"] and kpu["events"] == 1


def test_co_attendance_counts_shared_events(found: dict) -> None:
    pairs = {tuple(r["labels"]): r for r in found["co_attendance"]}
    assert pairs[("Ani", "Budi")]["count"] == 2
    assert pairs[("Ani", "Budi")]["events"] == ["Deklarasi", "Rapat pleno"]
    assert pairs[("Ani", "Citra")]["count"] == 1
    assert found["co_attendance"][0]["labels"] == ["Ani", "Budi"]
    assert not any("Dodi" in r["labels"] for r in found["co_attendance"])


def test_communities_and_places(found: dict) -> None:
    members = [m for c in found["communities"] for m in c["members"]]
    assert {"Ani", "Budi", "Rapat pleno", "Deklarasi"} <= set(members)
    assert len(members) == len(set(members))  # each actor in one community
    assert "Aula KPU" not in members  # places are not actors
    sizes = [c["size"] for c in found["communities"]]
    assert sizes == sorted(sizes, reverse=True) and min(sizes) >= 3
    places = {r["label"]: r for r in found["places"]}
    assert places["Aula KPU"]["events"] == 2
    assert places["Lahat"]["events"] == 2 and places["Lahat"]["organizations"] == 2
    assert places["Sumatera Selatan"]["events"] == 3  # events in places within it count too
    assert found["places"][0]["label"] == "Sumatera Selatan"


def test_text_has_every_section(found: dict) -> None:
    text = to_text(found)
    for title in ("Most central persons", "Most central organisations", "Co-attendance",
                  "Communities", "Places"):
        assert title in text
    assert "Ani & Budi" in text


def test_empty_graph_has_empty_measures() -> None:
    found = stats(Graph())
    assert found["persons"] == [] and found["communities"] == [] and found["places"] == []
    assert "(none)" in to_text(found)


def test_flat_attributes_suit_graphml() -> None:
    attrs = {"label": "Ani", "aliases": ["A", "B"], "url": None,
             "evidence": [{"text": "Ani hadir.", "article": None, "begin": 0, "end": 10, "url": None}]}
    assert flat(attrs) == {"label": "Ani", "aliases": "A | B", "evidence_count": 1,
                           "evidence": "Ani hadir."}


@pytest.mark.slow
def test_stats_command_on_the_demo(demo_build: Path) -> None:
    done = run_kg("stats", "--graph", str(demo_build / "graph.ttl"), "--format", "json", "--top", "5")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert len(found["persons"]) == 5 and len(found["organizations"]) == 5
    assert found["co_attendance"] and found["communities"] and found["places"]
    assert all(r["events"] >= 0 and r["degree"] > 0 for r in found["persons"])
    text = run_kg("stats", "--graph", str(demo_build / "graph.ttl"))
    assert text.returncode == 0 and "Most central persons" in text.stdout


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_export_of_the_demo(fmt: str, demo_build: Path, demo_graph: Graph,
                                     tmp_path: Path) -> None:
    out = tmp_path / f"demo.{fmt}"
    done = run_kg("export", "--graph", str(demo_build / "graph.ttl"), "--format", fmt,
                  "--out", str(out))
    assert done.returncode == 0, done.stderr
    read = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    g = project(demo_graph)
    assert read.number_of_nodes() == g.number_of_nodes()
    assert read.number_of_edges() == g.number_of_edges()
    node, attrs = next(iter(g.nodes(data=True)))
    assert read.nodes[node]["label"] == attrs["label"]
    assert read.nodes[node]["kind"] == attrs["kind"]
    relations = {d["relation"] for _, _, d in read.edges(data=True)}
    assert {"holds", "attends", "reported_in"} <= relations
