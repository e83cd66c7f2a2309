"""A named question asked of a store without parameters is answered by its listing form, its
ORDER BY done in Python: the same rows, in the order the question asks for."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.rdf.prefixes import IRIS
from kg.rdf.tokens import add_tokens, maintain
from kg.store import params
from kg.store.query import LISTING, listing, named, order_key, rows, run, run_store, split_order
from tests.test_question_engines import TURTLE

ox = pytest.importorskip("pyoxigraph")


@pytest.fixture(scope="module")
def graph() -> Graph:
    """The small graph of test_question_engines with its name-token key."""
    return add_tokens(Graph().parse(data=TURTLE, format="turtle"))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small graph in a store's database, with its key."""
    folder = tmp_path_factory.mktemp("listings")
    db = ox.Store(str(folder / "oxigraph"))
    into = ox.NamedNode(IRIS["kgr"] + "graph/entities")
    db.extend(ox.Quad(t.subject, t.predicate, t.object, into)
              for t in ox.parse(TURTLE.encode(), format=ox.RdfFormat.TURTLE))
    maintain(db)
    db.flush()
    del db
    return folder


def test_every_question_has_a_listing_form_and_only_questions_are_named() -> None:
    from importlib.resources import files

    forms = {p.name.removesuffix(LISTING) for p in files("kg.queries").iterdir()
             if p.name.endswith(LISTING)}
    assert forms == set(named())
    assert all(listing(text) != text for text in named().values())
    assert listing("SELECT * { ?s ?p ?o }") == "SELECT * { ?s ?p ?o }"
    bound = params.bind(named()["timeline"], {"person": "hendri"})
    assert listing(bound) == bound  # with a parameter, the question as written


@pytest.mark.parametrize("name", sorted(named()))
def test_a_listing_form_gives_the_rows_of_its_question(graph: Graph, store: Path,
                                                       name: str) -> None:
    question = named()[name]
    columns, expected = rows(run(graph, question))
    assert expected, f"{name} found nothing"
    for engine_rows in (rows(run(graph, listing(question))), (columns, _oxigraph(store, listing(question)))):
        assert engine_rows[0] == columns
        assert _same(engine_rows[1]) == _same(expected)


@pytest.mark.parametrize("name", sorted(named()))
def test_the_store_answers_in_the_order_oxigraph_gives(store: Path, name: str) -> None:
    question = named()[name]
    expected = _oxigraph(store, question)  # the question as written, sorted by Oxigraph
    found = run_store(store, question)
    assert _same(found.rows) == _same(expected)
    keys = [found.columns.index(v) for v, _ in split_order(question)[1]]
    assert [[r[i] for i in keys] for r in found.rows] == [[r[i] for i in keys] for r in expected]


def _oxigraph(store: Path, sparql: str) -> list[list[str]]:
    """Rows of a query run by Oxigraph alone, in its order."""
    db = ox.Store.read_only(str(store / "oxigraph"))
    found = db.query(sparql, prefixes=IRIS, use_default_graph_as_union=True)
    return [["" if t is None else t.value for t in row] for row in found]


def _same(found: list[list[str]]) -> list[list[str]]:
    """Rows in any order, a GROUP_CONCAT's values (the timeline's articles) in any order."""
    return sorted([" ".join(sorted(v.split(" "))) for v in row] for row in found)


def test_only_a_final_order_by_of_variables_is_taken_out() -> None:
    body, keys = split_order("SELECT * { ?x ?p ?o } order by desc(?x) ASC( ?y ) ?z # why\n")
    assert body == "SELECT * { ?x ?p ?o } " and keys == [("x", True), ("y", False), ("z", False)]
    for kept in ("SELECT * { { SELECT ?x { ?x ?p ?o } ORDER BY ?x } }",
                 "SELECT * { ?x ?p ?o } ORDER BY ?x LIMIT 3",
                 "SELECT * { ?x ?p ?o } ORDER BY ?x OFFSET 3",
                 "SELECT * { ?x ?p ?o } ORDER BY LCASE(?x)",
                 "SELECT * { ?x ?p ?o } ORDER BY ?x + 1",
                 "SELECT * { ?x ?p ?o }"):
        assert split_order(kept) == (kept, [])


def test_terms_rank_as_sparql_orders_them() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    number = ox.NamedNode(xsd + "integer")
    terms = [ox.Literal("b"), ox.Literal("10", datatype=number), None, ox.NamedNode("http://x/a"),
             ox.Literal("9", datatype=number), ox.Literal("2.5", datatype=ox.NamedNode(xsd + "decimal")),
             ox.BlankNode("b0"), ox.Literal("A"), ox.Literal("2024-03-11", datatype=ox.NamedNode(xsd + "date")),
             ox.Literal("2024-01-31", datatype=ox.NamedNode(xsd + "date"))]
    ranked = [None if t is None else t.value for t in sorted(terms, key=order_key)]
    assert ranked[:3] == [None, "b0", "http://x/a"]
    assert ranked.index("2.5") < ranked.index("9") < ranked.index("10")
    assert ranked.index("A") < ranked.index("b")  # by code point, as Oxigraph compares
    assert ranked.index("2024-01-31") < ranked.index("2024-03-11")


def test_a_store_query_not_ordering_by_what_it_projects_is_sorted_by_oxigraph(store: Path) -> None:
    sparql = "SELECT ?n WHERE { ?p a foaf:Person ; rdfs:label ?n ; skos:altLabel ?a } ORDER BY ?a"
    assert run_store(store, sparql).rows == _oxigraph(store, sparql)
    numbers = "SELECT ?n WHERE { VALUES ?n { 10 9 100 } } ORDER BY DESC(?n)"
    assert run_store(store, numbers).rows == [["100"], ["10"], ["9"]]
