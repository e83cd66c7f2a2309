"""Every term of ../shared/CONTRACT.md is in the demo build, asserted, readable by plain SPARQL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph

from tests.conftest import ROOT, run_kg

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
"""

CONTRACT = {
    "person": "?p a foaf:Person ; rdfs:label ?l .",
    "organisation": "?o a org:Organization ; rdfs:label ?l .",
    "alias": "?x skos:altLabel ?l .",
    # The inner group makes rdflib start from the memberships: flat, it joins every person with
    # every organisation first and takes 20 s to answer.
    "membership": """{ ?m a org:Membership ; org:member ?p ; org:organization ?o ; org:role ?r . }
                     ?p a foaf:Person . ?o a org:Organization . ?r a org:Role ; rdfs:label ?rl .""",
    "membership time": "?m a org:Membership ; org:memberDuring ?i . ?i a time:Interval .",
    "event": """?e a schema:Event ; rdfs:label ?l ; schema:startDate ?d ; schema:location ?pl .
                ?pl a schema:Place . FILTER (datatype(?d) = xsd:date)""",
    "attendee": "?e a schema:Event ; schema:attendee ?x .",
    "organizer": "?e a schema:Event ; schema:organizer ?x .",
    "place hierarchy": "?p a schema:Place ; schema:containedInPlace ?q . ?q a schema:Place .",
    "article": """?a a schema:NewsArticle ; dcterms:identifier ?id ; schema:url ?u ;
                  schema:datePublished ?d .""",
    "membership evidence": """?m a org:Membership ; prov:wasDerivedFrom ?s .
                              ?s nif:beginIndex ?b ; nif:endIndex ?e ; schema:isPartOf ?a .
                              ?a a schema:NewsArticle .""",
    "event evidence": "?e a schema:Event ; prov:wasDerivedFrom ?s . ?s schema:isPartOf ?a .",
    "attendance evidence": """?n kg:event ?e ; kg:participant ?x ; prov:wasDerivedFrom ?s .
                              ?e schema:attendee ?x .""",
}


@pytest.mark.parametrize("term", sorted(CONTRACT))
def test_contract_term_is_in_the_demo_graph(demo_graph: Graph, term: str) -> None:
    query = PREFIXES + "PREFIX kg: <https://w3id.org/kg-news/ontology#>\nASK { " + \
        CONTRACT[term] + " }"
    assert demo_graph.query(query).askAnswer, f"no {term} in the demo graph"


def test_evidence_offsets_point_into_the_articles(demo_graph: Graph) -> None:
    from kg.ingest.load import load_articles

    articles = {a.id: a for a in load_articles([ROOT / "sources"])[0]}
    rows = demo_graph.query(PREFIXES + """
        SELECT ?id ?b ?e ?text WHERE { ?s nif:beginIndex ?b ; nif:endIndex ?e ;
          nif:anchorOf ?text ; schema:isPartOf/dcterms:identifier ?id }""")
    checked = 0
    for row in rows:
        assert articles[str(row.id)].text[int(row.b):int(row.e)] == str(row.text)
        checked += 1
    assert checked > 50


def test_every_source_format_is_in_the_graph(demo_graph: Graph) -> None:
    from rdflib.namespace import DCTERMS

    ids = {str(i) for i in demo_graph.objects(None, DCTERMS.identifier)}
    for ident in ("d01-lahat-netralitas-asn", "d05-kendal-pelantikan-kades-paw",
                  "k02-makassar-pelantikan-pj-bupati-sidrap", "d12-surabaya-sertijab-kapolres-lumajang"):
        assert ident in ids, f"{ident} (txt, cp1252 txt, jsonl record, html page) is built"


@pytest.mark.slow
def test_demo_graph_validates(demo_build: Path) -> None:
    done = run_kg("validate", str(demo_build / "graph.ttl"))
    assert done.returncode == 0, done.stdout[-3000:]
    assert "conforms" in done.stdout


def test_explorer_is_one_offline_file(demo_build: Path) -> None:
    page = (demo_build / "explorer.html").read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in page.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", page)
    assert not re.search(r"@import", page)


def test_extract_prints_one_json_line_per_article(tmp_path: Path) -> None:
    text = "LAHAT, CONTOH.ID - Ketua KPU Kabupaten Lahat, Rudi Hartono, membuka rapat pleno.\n"
    (tmp_path / "a01.txt").write_text(text, encoding="utf-8")
    done = run_kg("extract", str(tmp_path), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a01"]
    mentions = {(m["text"], m["type"]) for m in records[0]["mentions"]}
    assert ("Rudi Hartono", "PERSON") in mentions
    assert ("Ketua", "ROLE") in mentions
    assert not any(m["end"] <= len("LAHAT, CONTOH.ID - ") and m["type"] != "PLACE"
                   for m in records[0]["mentions"]), "the dateline is no person or institution"
    for m in records[0]["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
