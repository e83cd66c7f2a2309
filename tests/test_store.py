"""The persistent store: incremental builds equal full ones, and an unchanged rebuild is cheap."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.pipeline import build
from kg.store import build as store_build
from kg.store import delta
from kg.store.build import build_store, content_hash
from kg.store.oxigraph import SERVING, graph_names, open_store, union_graph
from kg.store.terms import ENTITIES, article_graph_iri
from tests.conftest import ROOT, run_kg

pytest.importorskip("pyoxigraph")
pytestmark = pytest.mark.slow

SOURCES = ROOT / "sources"
PICK = ["d01-lahat-netralitas-asn.txt", "d02-ogan-ilir-rakor-pilkada.txt",
        "d05-kendal-pelantikan-kades-paw.txt", "d09-sukadana-mou-kejari-lamtim.txt",
        "d12-surabaya-sertijab-kapolres-lumajang.html", "kiriman-redaksi.jsonl"]


def _copy(folder: Path, names: list[str]) -> Path:
    """Copy some demo articles into a folder of their own."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SOURCES / name, folder / name)
    return folder


def _full(sources: Path, out: Path) -> Graph:
    """Build without a store and read back graph.ttl."""
    build([sources], out)
    return Graph().parse(out / "graph.ttl")


def _store_union(folder: Path) -> Graph:
    """Read the union of a store's graphs."""
    store = open_store(folder, read_only=True)
    try:
        return union_graph(store)
    finally:
        del store


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """Build a few demo articles into a fresh store; return sources, store and exports."""
    root = tmp_path_factory.mktemp("store")
    sources = _copy(root / "src", PICK)
    result = build_store([sources], root / "out", root / "store")
    assert result.extracted == result.articles > 5 and result.exported
    return sources, root / "store", root / "out"


def _quads(folder: Path) -> set[str]:
    """Read every quad of a store, graph names and all, as N-Quads lines."""
    store = open_store(folder, read_only=True)
    try:
        return {str(q) for q in store}
    finally:
        del store


def test_store_build_equals_a_full_build(first: tuple[Path, Path, Path], tmp_path: Path) -> None:
    sources, store, out = first
    full = _full(sources, tmp_path / "full")
    assert isomorphic(Graph().parse(out / "graph.ttl"), full)
    assert isomorphic(_store_union(store), full)


def test_quads_written_in_bulk_give_the_store_one_transaction_gives(
        first: tuple[Path, Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources, store, out = first
    monkeypatch.setattr(delta, "WAITING", 50)  # every article's quads, and the entities', in bulk
    build_store([sources], tmp_path / "out", tmp_path / "store")
    assert _quads(tmp_path / "store") == _quads(store)
    for name in ("graph.ttl", "explorer.html"):
        assert (tmp_path / "out" / name).read_bytes() == (out / name).read_bytes()


def test_adding_changing_and_deleting_gives_the_store_a_fresh_build_makes(tmp_path: Path) -> None:
    every = sorted(p.name for p in SOURCES.iterdir())
    added = [n for n in every if n.endswith(".txt")][-3:]
    first, later = [n for n in every if n not in {"aliases.tsv", *added}], ["aliases.tsv", *added]
    sources, store, out = _copy(tmp_path / "src", first), tmp_path / "store", tmp_path / "out"
    build_store([sources], None, store)
    for name in later:  # a new article, and the curated aliases: merges that rekey old articles
        shutil.copy(SOURCES / name, sources / name)
    (sources / first[0]).unlink()
    edited = sources / first[1]
    edited.write_text(edited.read_text(encoding="utf-8").replace("Kabupaten", "Kab."),
                      encoding="utf-8")
    result = build_store([sources], out, store)
    assert (result.extracted, result.removed) == (len(added) + 1, 1)
    fresh = build_store([sources], tmp_path / "fresh-out", tmp_path / "fresh")
    assert _quads(store) == _quads(tmp_path / "fresh")
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "fresh-out" / "graph.ttl").read_bytes()
    assert (result.entities, result.facts) == (fresh.entities, fresh.facts)
    assert isomorphic(Graph().parse(out / "graph.ttl"), _full(sources, tmp_path / "full"))


def test_every_triple_lies_in_one_graph(first: tuple[Path, Path, Path]) -> None:
    store = open_store(first[1], read_only=True)
    seen = Counter((q.subject, q.predicate, q.object) for q in store)
    names = graph_names(store)
    del store
    assert max(seen.values()) == 1
    assert ENTITIES in names
    assert article_graph_iri("d01-lahat-netralitas-asn") in names


def test_unchanged_rebuild_does_nothing(first: tuple[Path, Path, Path]) -> None:
    sources, store, out = first
    before = (out / "graph.ttl").stat().st_mtime_ns
    again = build_store([sources], out, store)
    assert again.unchanged and not again.exported and again.extracted == 0
    assert (out / "graph.ttl").stat().st_mtime_ns == before


def test_changes_are_incremental_and_equal_a_full_build(tmp_path: Path) -> None:
    sources = _copy(tmp_path / "src", PICK)
    store, out = tmp_path / "store", tmp_path / "out"
    build_store([sources], out, store)
    (sources / "d02-ogan-ilir-rakor-pilkada.txt").unlink()
    edited = sources / "d01-lahat-netralitas-asn.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("650", "700"), encoding="utf-8")
    shutil.copy(SOURCES / "d03-bandar-lampung-mou-bpjs.txt", sources)
    result = build_store([sources], out, store)
    assert (result.extracted, result.removed) == (2, 1)
    assert result.exported
    full = _full(sources, tmp_path / "full")
    assert isomorphic(Graph().parse(out / "graph.ttl"), full)
    assert isomorphic(_store_union(store), full)
    db = open_store(store, read_only=True)
    names = graph_names(db)
    del db
    assert article_graph_iri("d02-ogan-ilir-rakor-pilkada") not in names
    assert article_graph_iri("d03-bandar-lampung-mou-bpjs") in names


def test_a_new_export_folder_is_written_without_extracting(first: tuple[Path, Path, Path],
                                                          tmp_path: Path) -> None:
    sources, store, out = first
    again = build_store([sources], tmp_path / "elsewhere", store)
    assert again.exported and again.extracted == 0 and again.graphs == 0
    assert (tmp_path / "elsewhere" / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


def test_problems_are_reported_again_when_nothing_changed(tmp_path: Path) -> None:
    sources = _copy(tmp_path / "src", PICK[:1])
    (sources / "empty.txt").write_text("", encoding="utf-8")
    first = build_store([sources], tmp_path / "out", tmp_path / "store")
    again = build_store([sources], tmp_path / "out", tmp_path / "store")
    assert again.unchanged
    assert [p.source for p in again.problems] == [p.source for p in first.problems]
    assert any("empty.txt" in p.source for p in again.problems)


def test_content_hash_ignores_where_an_article_was_read(first: tuple[Path, Path, Path]) -> None:
    from dataclasses import replace

    from kg.ingest.load import load_articles

    article = load_articles([first[0] / PICK[0]])[0][0]
    assert content_hash(article) == content_hash(replace(article, source="elsewhere.txt"))
    assert content_hash(article) != content_hash(replace(article, text=article.text + " "))


def test_a_served_store_is_not_built_into(tmp_path: Path) -> None:
    sources = _copy(tmp_path / "src", PICK[:1])
    store = tmp_path / "store"
    store.mkdir()
    (store / SERVING).write_text(str(os.getpid()), encoding="utf-8")
    with pytest.raises(OSError, match="kg serve"):
        build_store([sources], tmp_path / "out", store)


def test_the_command_line_reports_an_unchanged_rebuild(tmp_path: Path) -> None:
    sources = _copy(tmp_path / "src", PICK[:2])
    args = ("build", str(sources), "--store", str(tmp_path / "store"), "--out", str(tmp_path / "out"))
    assert run_kg(*args).returncode == 0
    done = run_kg(*args)
    assert done.returncode == 0, done.stderr
    assert "0 extracted" in done.stdout and "kept (unchanged)" in done.stdout


def test_code_after_extraction_redoes_the_graph_not_the_extractions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _copy(tmp_path / "src", PICK[:2])
    out, store = tmp_path / "out", tmp_path / "store"
    build_store([sources], out, store)
    real = store_build.code_fingerprint
    monkeypatch.setattr(store_build, "code_fingerprint",
                        lambda extraction=True: real(extraction) + ("" if extraction else "+new"))
    again = build_store([sources], out, store)
    assert not again.unchanged and again.exported
    assert again.extracted == 0 and again.graphs == again.articles + 1  # every graph redone
    assert store_build.EXTRACTION >= {"records", "lexicons", "nlp", "ingest", "extract"}
    assert not store_build.EXTRACTION & {"identity", "rdf", "viz", "pipeline", "store"}


def _write(folder: Path, name: str, text: str) -> None:
    """Write an article of the test's own, dated."""
    (folder / name).write_text(f"---\npublished: 2024-03-01\n---\n{text}\n", encoding="utf-8")


def test_a_merge_a_new_article_brings_rewrites_the_old_ones_as_a_fresh_build(tmp_path: Path) -> None:
    sources = _copy(tmp_path / "src", PICK[:2])
    _write(sources, "a1.txt", "Kepala Dinas Sosial Kabupaten Lahat, A. Romzi, membuka rapat "
                              "koordinasi bersama Kapolres Lahat AKBP Budi Santoso.")
    store = tmp_path / "store"
    build_store([sources], None, store)
    _write(sources, "b1.txt", "Kepala Dinas Sosial Kabupaten Lahat, Ahmad Romzi, menutup rapat.")
    for step in ("merged", "apart again"):
        result = build_store([sources], None, store)
        fresh = tmp_path / f"fresh-{step}"
        build_store([sources], None, fresh)
        assert _quads(store) == _quads(fresh), step
        union = _store_union(store)
        romzi = {str(p) for p in union.subjects() if "/person/" in p and "romzi" in p}
        assert len(romzi) == 1 and romzi.pop().endswith("/ahmad-romzi") == (step == "merged")
        (sources / "b1.txt").unlink(missing_ok=True)
    assert result.removed == 1


def test_a_build_stopped_after_writing_the_graphs_leaves_no_trace_in_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.store.delta import Updater

    sources = _copy(tmp_path / "src", PICK[:2])
    store = tmp_path / "store"
    build_store([sources], None, store)
    shutil.copy(SOURCES / PICK[2], sources)
    finish = Updater.finish

    def stop(self: Updater) -> None:
        finish(self)
        raise KeyboardInterrupt  # the database has the new article, the index does not

    with monkeypatch.context() as patch:
        patch.setattr(Updater, "finish", stop)
        with pytest.raises(KeyboardInterrupt):
            build_store([sources], None, store)
    (sources / PICK[2]).unlink()  # gone before any build saw it whole
    build_store([sources], None, store)
    build_store([sources], None, tmp_path / "fresh")
    assert _quads(store) == _quads(tmp_path / "fresh")
