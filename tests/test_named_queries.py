"""Named questions: listed, each answering on the demo build, parameters bound safely."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.rdf.tokens import add_tokens
from kg.store import params
from kg.store.build import build_store
from kg.store.query import named, rows, run
from tests.conftest import ROOT, run_kg

QUESTIONS = ["role-holders", "event-attendees", "timeline", "institutions-at-events",
             "co-attendance"]
ECHO = """# Echo a parameter back.
# param text: any text
SELECT ?value WHERE { VALUES ?param_text { UNDEF } BIND (?param_text AS ?value) }"""


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build sources/ into a store (its exports, the same as kg build's, in out/ beside it)."""
    pytest.importorskip("pyoxigraph")
    root = tmp_path_factory.mktemp("named")
    build_store([ROOT / "sources"], root / "out", root / "store")
    return root / "store"


def _csv(text: str) -> list[list[str]]:
    """Read CSV output."""
    return list(csv.reader(io.StringIO(text)))


def test_list_shows_the_questions_and_their_parameters() -> None:
    done = run_kg("query", "--list")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert len(lines) >= 5 + 3
    for name in [*QUESTIONS, "holdings", "attendance", "events"]:
        assert any(line.startswith(f"{name}: ") for line in lines), name
    assert any("timeline" in line and "--param person=" in line for line in lines)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(named()))
def test_each_question_answers_on_the_demo_build(demo_graph: Graph, name: str) -> None:
    columns, data = rows(run(demo_graph, named()[name]))
    assert columns and data, f"{name} returned no rows on the demo build"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(named()))
def test_the_store_answers_as_the_graph_file(demo_store: Path, name: str) -> None:
    graph = demo_store.parent / "out" / "graph.ttl"
    from_file = run_kg("query", name, "--graph", str(graph), "--format", "csv")
    from_store = run_kg("query", name, "--store", str(demo_store), "--format", "csv")
    assert from_file.returncode == from_store.returncode == 0, from_store.stderr
    file_rows, store_rows = _csv(from_file.stdout), _csv(from_store.stdout)
    assert file_rows[0] == store_rows[0]
    assert sorted(map(tuple, file_rows[1:])) == sorted(map(tuple, store_rows[1:]))


@pytest.mark.slow
@pytest.mark.parametrize("name, args, column, expected", [
    ("timeline", ["person=hendrik"], "person", "hendrik"),
    ("role-holders", ["role=kepala"], "role", "kepala"),
    ("event-attendees", ["event=deklarasi"], "event", "deklarasi"),
    ("co-attendance", ["participant=HENDRIK"], "participant", "hendrik"),
])
def test_parameters_narrow_the_answer(demo_build: Path, name: str, args: list[str], column: str,
                                      expected: str) -> None:
    graph = str(demo_build / "graph.ttl")
    every = _csv(run_kg("query", name, "--graph", graph, "--format", "csv").stdout)
    some = _csv(run_kg("query", name, "--graph", graph, "--format", "csv",
                       *(a for arg in args for a in ("--param", arg))).stdout)
    at = some[0].index(column)
    assert 0 < len(some) - 1 < len(every) - 1
    assert all(expected in row[at].lower() for row in some[1:])


@pytest.mark.slow
def test_region_and_month(demo_graph: Graph) -> None:
    every = rows(run(demo_graph, named()["institutions-at-events"]))[1]
    months = sorted({row[3][:7] for row in every if row[3]})
    month = months[0]
    in_month = rows(run(demo_graph, params.bind(named()["institutions-at-events"],
                                                {"month": month})))[1]
    assert in_month and all(row[3].startswith(month) for row in in_month)
    place = next(row[4] for row in every if row[4])
    by_code = rows(run(demo_graph, params.bind(named()["institutions-at-events"],
                                               {"region": "99.99"})))[1]
    assert by_code == []
    assert place


@pytest.mark.slow
def test_a_region_code_matches_places_inside_it(demo_graph: Graph) -> None:
    keyed = add_tokens(Graph() + demo_graph)  # the name-token key, as kg query adds it
    codes = rows(run(demo_graph, """SELECT DISTINCT ?code WHERE {
        ?e schema:location/schema:containedInPlace+ ?r . ?r dcterms:identifier ?code .
        ?p kg:event ?e ; kg:participant ?o . ?o a org:Organization }"""))[1]
    code = sorted(c[0] for c in codes)[0]
    found = rows(run(keyed, params.bind(named()["institutions-at-events"], {"region": code})))
    assert found[1]


def test_unknown_or_malformed_parameters_are_errors() -> None:
    with pytest.raises(ValueError, match="takes person"):
        params.bind(named()["timeline"], {"who": "x"})
    with pytest.raises(ValueError, match="key=value"):
        params.parse(["no-equals-sign"])
    assert params.parse(["a=b=c", "month=2024-01"]) == {"a": "b=c", "month": "2024-01"}
    done = run_kg("query", "holdings", "--param", "x=1")
    assert done.returncode == 1 and "takes none" in done.stderr


def _echo(value: str) -> tuple[list[list[str]], list[str]]:
    """Bind a value into the echo question and run it in rdflib and in Oxigraph."""
    import pyoxigraph

    sparql = params.bind(ECHO, {"text": value})
    in_oxigraph = [s["value"].value for s in pyoxigraph.Store().query(sparql)]
    return rows(run(Graph(), sparql))[1], in_oxigraph


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\\"),
               max_size=40))
def test_any_value_is_bound_as_one_literal(value: str) -> None:
    pytest.importorskip("pyoxigraph")
    assert _echo(value) == ([[value]], [value])


@pytest.mark.parametrize("attack", [
    '" } ?s ?p ?o . FILTER (true) } #', '"" } } DELETE WHERE { ?s ?p ?o } #',
    '"""\n} UNION { ?s ?p ?o }', "x' } #", "'''\r\n?s ?p ?o"])
def test_injection_attempts_stay_text(attack: str) -> None:
    pytest.importorskip("pyoxigraph")
    assert _echo(attack) == ([[attack]], [attack])


@pytest.mark.parametrize("value", ["\\u0022 } ?s ?p ?o #", "back\\slash"])
def test_backslashes_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match="backslash"):
        params.bind(ECHO, {"text": value})


@pytest.mark.slow
def test_the_store_takes_parameters_too(demo_store: Path) -> None:
    done = run_kg("query", "timeline", "--store", str(demo_store), "--param", "person=hendrik",
                  "--format", "csv")
    assert done.returncode == 0, done.stderr
    data = _csv(done.stdout)
    assert len(data) > 1 and all("hendrik" in row[0].lower().split() for row in data[1:])
