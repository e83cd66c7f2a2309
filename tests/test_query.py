"""SPARQL over a graph: named questions, .rq files or text, rendered as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Graph

from kg.errors import UserError
from kg.store.query import named, render, resolve, rows, run
from tests.conftest import TURTLE_HEAD

# A small graph after docs/data-model.md; kgr: IRIs are relative to @base.
TURTLE = TURTLE_HEAD + """

<article/a1> a schema:NewsArticle ; dcterms:identifier "a1" .
<article/a1/s0-60> a nif:Sentence ; schema:isPartOf <article/a1> .
<article/a1/s61-120> a nif:Sentence ; schema:isPartOf <article/a1> .

<person/rosa-amelia> a foaf:Person ; rdfs:label "Rosa Amelia" .
<person/yoga-pratama> a foaf:Person ; rdfs:label "Yoga Pratama" .
<org/kejari/16.04> a org:Organization ; rdfs:label "Kejari Lahat" .
<org/polres/16.04> a org:Organization ; rdfs:label "Polres Lahat, \\"Satuan\\" Utama" .
<role/kepala> a org:Role ; rdfs:label "Kepala" .

<membership/m1> a org:Membership ; org:member <person/rosa-amelia> ;
    org:organization <org/kejari/16.04> ; org:role <role/kepala> ;
    org:memberDuring <membership/m1/during> ; prov:wasDerivedFrom <article/a1/s0-60> .
<membership/m1/during> time:inside <date/2024-03-11> .
<date/2024-03-11> time:inXSDDate "2024-03-11"^^xsd:date .
<membership/m2> a org:Membership ; org:member <person/yoga-pratama> ;
    org:organization <org/polres/16.04> ; org:role <role/kepala> ;
    prov:wasDerivedFrom <article/a1/s61-120> .

<event/a1/meeting> a schema:Event, kg:Meeting ; rdfs:label "Rapat koordinasi" ;
    schema:startDate "2024-03-11"^^xsd:date ; schema:subjectOf <article/a1> ;
    schema:attendee <person/yoga-pratama> .
<participation/p1> a kg:Participation ; kg:event <event/a1/meeting> ;
    kg:participant <person/yoga-pratama> ; kg:participationRole kg:Speaker .
"""

PEOPLE = """SELECT ?name WHERE { ?p a foaf:Person ; rdfs:label ?name } ORDER BY ?name"""


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(data=TURTLE, format="turtle")


def test_named_questions_ship_with_the_package() -> None:
    questions = named()
    assert {"holdings", "events", "attendance"} <= set(questions)
    assert all("SELECT" in text for text in questions.values())


def test_resolve_a_named_question() -> None:
    assert resolve("holdings") == named()["holdings"]


def test_resolve_a_query_file(tmp_path: Path) -> None:
    path = tmp_path / "orang.rq"
    path.write_text(PEOPLE, encoding="utf-8")
    assert resolve(str(path)) == PEOPLE


def test_resolve_text_and_paths_that_are_no_query_file(tmp_path: Path) -> None:
    assert resolve(PEOPLE) == PEOPLE
    with pytest.raises(UserError, match="no such query file"):
        resolve(str(tmp_path / "tidak-ada.rq"))
    with pytest.raises(UserError, match="did you mean 'timeline'"):
        resolve("timelin")
    other = tmp_path / "catatan.txt"
    other.write_text(PEOPLE, encoding="utf-8")
    assert resolve(str(other)) == str(other)


def test_run_declares_our_prefixes(graph: Graph) -> None:
    columns, data = rows(run(graph, PEOPLE))
    assert columns == ["name"]
    assert data == [["Rosa Amelia"], ["Yoga Pratama"]]


def test_the_holdings_question(graph: Graph) -> None:
    columns, data = rows(run(graph, resolve("holdings")))
    assert columns == ["person", "role", "organization", "reported", "article"]
    assert data == [["Rosa Amelia", "Kepala", "Kejari Lahat", "2024-03-11", "a1"],
                    ["Yoga Pratama", "Kepala", 'Polres Lahat, "Satuan" Utama', "", "a1"]]


def test_the_events_and_attendance_questions(graph: Graph) -> None:
    _, events = rows(run(graph, resolve("events")))
    assert events == [["Rapat koordinasi", "Meeting", "2024-03-11", "", "a1"]]
    _, attendance = rows(run(graph, resolve("attendance")))
    assert attendance == [["Rapat koordinasi", "2024-03-11", "", "Yoga Pratama", "Speaker"]]


def test_render_table(graph: Graph) -> None:
    table = render(run(graph, resolve("holdings")), "table").splitlines()
    assert table[0].split() == ["person", "role", "organization", "reported", "article"]
    assert set(table[1]) <= {"-", " "}
    assert len(table) == 4
    assert table[2].startswith("Rosa Amelia   Kepala  Kejari Lahat")
    widths = {len(line.rstrip()) for line in table[:2]}
    assert len(widths) == 1  # the rule is as wide as the header


def test_render_csv(graph: Graph) -> None:
    text = render(run(graph, resolve("holdings")), "csv")
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0] == ["person", "role", "organization", "reported", "article"]
    assert parsed[2] == ["Yoga Pratama", "Kepala", 'Polres Lahat, "Satuan" Utama', "", "a1"]
    assert not text.endswith("\n")


def test_render_json(graph: Graph) -> None:
    data = json.loads(render(run(graph, PEOPLE), "json"))
    assert data == [{"name": "Rosa Amelia"}, {"name": "Yoga Pratama"}]


def test_render_ask_and_construct(graph: Graph) -> None:
    assert render(run(graph, "ASK { ?p a foaf:Person }"), "table") == "true"
    assert render(run(graph, "ASK { ?p a kg:Collective }"), "json") == "false"
    turtle = render(run(graph, "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a foaf:Person ; "
                               "rdfs:label ?n }"), "table")
    built = Graph().parse(data=turtle, format="turtle")
    assert sorted(str(o) for o in built.objects()) == ["Rosa Amelia", "Yoga Pratama"]


def test_an_empty_result_renders_its_header(graph: Graph) -> None:
    result = run(graph, "SELECT ?x WHERE { ?x a kg:Collective }")
    assert render(result, "table").splitlines() == ["x", "-"]
