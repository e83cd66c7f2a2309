"""`kg export`: each RDF format reads back as the same graph; a store's keep its named graphs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.network.export import FORMATS, NAMED_GRAPHS
from kg.rdf.tokens import NAME_TOKENS
from kg.store.build import build_store
from kg.store.terms import ENTITIES, article_graph_iri
from tests.conftest import ROOT, run_kg

SYNTAX = {"turtle": "turtle", "nt": "nt", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}
ARTICLES = ["d01-lahat-netralitas-asn.txt", "d09-sukadana-mou-kejari-lamtim.txt"]


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build two demo articles into a store (graph.ttl of the same build in out/ beside it)."""
    pytest.importorskip("pyoxigraph")
    root = tmp_path_factory.mktemp("export")
    build_store([ROOT / "sources" / n for n in ARTICLES], root / "out", root / "store")
    return root / "store"


def _union(path: Path, fmt: str) -> tuple[Graph, set[str]]:
    """Read an export back: the union of its triples but the name-token key's (an index over the
    graph, kept in a named graph of its own), and the names of its graphs."""
    if fmt not in NAMED_GRAPHS:
        return Graph().parse(path, format=SYNTAX[fmt]), set()
    ds = Dataset()
    ds.parse(path, format=SYNTAX[fmt])
    union = Graph()
    for s, p, o, g in ds.quads():
        if str(g) != NAME_TOKENS:
            union.add((s, p, o))
    return union, {str(g.identifier) for g in ds.graphs() if len(g)}


def test_the_rdf_formats_are_registered() -> None:
    assert set(SYNTAX) <= set(FORMATS)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(SYNTAX))
def test_a_graph_file_exports_to_the_same_graph(demo_build: Path, demo_graph: Graph, fmt: str,
                                                tmp_path: Path) -> None:
    out = tmp_path / f"graph{FORMATS[fmt][1]}"
    done = run_kg("export", "--graph", str(demo_build / "graph.ttl"), "--format", fmt,
                  "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert isomorphic(_union(out, fmt)[0], demo_graph)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(SYNTAX))
def test_a_store_exports_its_named_graphs(small_store: Path, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"store{FORMATS[fmt][1]}"
    done = run_kg("export", "--store", str(small_store), "--format", fmt, "--out", str(out))
    assert done.returncode == 0, done.stderr
    union, names = _union(out, fmt)
    assert isomorphic(union, Graph().parse(small_store.parent / "out" / "graph.ttl"))
    if fmt in NAMED_GRAPHS:
        assert names == {str(ENTITIES), NAME_TOKENS,
                         *(str(article_graph_iri(n.rsplit(".", 1)[0])) for n in ARTICLES)}


@pytest.mark.slow
def test_jsonld_has_a_context_of_our_prefixes(small_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.jsonld"
    assert run_kg("export", "--store", str(small_store), "--format", "jsonld",
                  "--out", str(out)).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["@context"]["kg"] == "https://w3id.org/kg-news/ontology#"
    assert data["@context"]["schema"] == "https://schema.org/"


@pytest.mark.slow
def test_nquads_are_sorted_and_the_same_twice(small_store: Path, tmp_path: Path) -> None:
    texts = []
    for n in range(2):
        out = tmp_path / f"g{n}.nq"
        assert run_kg("export", "--store", str(small_store), "--format", "nquads",
                      "--out", str(out)).returncode == 0
        texts.append(out.read_text(encoding="utf-8"))
    lines = texts[0].splitlines()
    assert texts[0] == texts[1] and lines == sorted(lines)
    assert all("XMLSchema#integer" not in line for line in lines if "nif-core#beginIndex" in line)
