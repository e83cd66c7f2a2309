"""Screening SPARQL text: its form, and SERVICE however it is written, outside strings and IRIs."""

from __future__ import annotations

import pytest

from kg.store.screen import form, reaches_out


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }",
    "select * { serVice SILENT <http://x/sparql> {} }",
    "SELECT * { \\u0053ERVICE <http://x/sparql> {} }",
    "SELECT * { ?s ?p 1SERVICE <http://x/sparql> {} }",
    "SELECT * { ?s ?p ?o . FILTER(?s < ?o) SERVICE <http://x/sparql> {} FILTER(?o > 1) }",
    "SELECT * { ?s ?p \"open\nSERVICE <http://x/sparql> {} }",
    "SELECT * { ?s schema:serviceType ?o }",  # refused too: it may hide the keyword
])
def test_service_is_found_however_written(query: str) -> None:
    assert reaches_out(query)


@pytest.mark.parametrize("query", [
    "SELECT ?service WHERE { ?service ?p \"SERVICE\" }",
    "SELECT * WHERE { ?s <http://schema.org/serviceType> '''a ' SERVICE''' } # SERVICE",
])
def test_service_in_strings_iris_comments_and_variables_is_no_service(query: str) -> None:
    assert not reaches_out(query)


@pytest.mark.parametrize("query, expected", [
    ("PREFIX select: <http://x/> CONSTRUCT { ?s ?p ?o } WHERE { SELECT * { ?s ?p ?o } }",
     "CONSTRUCT"),
    ("# SELECT\nDESCRIBE <http://x/a>", "DESCRIBE"), ("ask { ?s ?p ?o }", "ASK"),
    ("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "SELECT"), ("SELEC ?x", None)])
def test_form(query: str, expected: str | None) -> None:
    assert form(query) == expected
