"""`kg explore`: a slice of a store around a name, as an offline explorer page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from kg.rdf.namespaces import KGR, NIF, RDF
from kg.store.build import build_store
from kg.store.oxigraph import open_store
from kg.store.slice import ENTITIES, around
from tests.conftest import ROOT, run_kg
from tests.test_browser import browser, open_offline, search  # noqa: F401 - fixtures

pytest.importorskip("pyoxigraph")
pytestmark = pytest.mark.slow

ARTICLES = ["d01-lahat-netralitas-asn.txt", "d05-kendal-pelantikan-kades-paw.txt",
            "d02-ogan-ilir-rakor-pilkada.txt"]
DARMAJI = f"{KGR}person/darmaji"  # Kepala Desa Sidorejo in d05


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build a few demo articles into a store."""
    root = tmp_path_factory.mktemp("explore")
    (root / "src").mkdir()
    for name in ARTICLES:
        shutil.copy(ROOT / "sources" / name, root / "src" / name)
    build_store([root / "src"], None, root / "store")
    return root / "store"


def _around(folder: Path, name: str, hops: int, **limit: int) -> tuple[Graph, list[str], bool]:
    db = open_store(folder, read_only=True)
    try:
        return around(db, name, hops, **limit)
    finally:
        del db


def _entities(graph: Graph) -> set[str]:
    return {str(s) for s in graph.subjects(RDF.type) if str(s).startswith(ENTITIES)}


def test_a_slice_holds_the_named_their_facts_and_what_those_tie_them_to(store: Path) -> None:
    graph, seeds, cut = _around(store, "DARMAJI", 1)
    assert seeds == [DARMAJI] and not cut
    entities = _entities(graph)
    assert any("/org/desa/" in e for e in entities)  # the village he heads, one hop out
    assert not any("/event/" in e or "lahat" in e for e in entities)  # other reports' world
    assert any("/membership/" in str(s) for s in graph.subjects())
    assert any(graph.subjects(RDF.type, NIF.Sentence))  # the evidence, for the side panel
    assert _entities(_around(store, "Darmaji", 0)[0]) == {DARMAJI}
    assert entities < _entities(_around(store, "Darmaji", 3)[0])


def test_a_slice_stops_at_its_limit_and_says_so(store: Path) -> None:
    named = len(_around(store, "Kabupaten", 0)[1])
    graph, seeds, cut = _around(store, "Kabupaten", 2, limit=named + 3)
    assert cut and len(_entities(graph) - set(seeds)) <= 3


def test_explore_writes_a_page_and_refuses_a_name_it_does_not_find(store: Path,
                                                                   tmp_path: Path) -> None:
    page = tmp_path / "darmaji.html"
    done = run_kg("explore", "--store", str(store), "--around", "Darmaji", "--out", str(page))
    assert done.returncode == 0, done.stderr
    assert "1 named like 'Darmaji'" in done.stdout and page.is_file()
    missing = run_kg("explore", "--store", str(store), "--around", "Zzyzx", "--out", str(page))
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    assert "no person or organisation" in missing.stderr


@pytest.fixture
def page(store: Path, tmp_path: Path) -> Iterator[Path]:
    """Write the page of Darmaji's neighbourhood, two hops out."""
    path = tmp_path / "slice.html"
    assert run_kg("explore", "--store", str(store), "--around", "Darmaji", "--hops", "2",
                  "--out", str(path)).returncode == 0
    yield path


def test_the_slice_page_opens_offline_and_finds_him(browser, page: Path) -> None:  # noqa: F811
    opened = open_offline(browser, page)
    try:
        assert any("Darmaji" in line for line in search(opened.page, "darmaji"))
        opened.clean()
    finally:
        opened.page.context.close()
