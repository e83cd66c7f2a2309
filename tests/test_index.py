"""A store that trusts nothing it reads: no pickle, a checked schema, one writer at a time, and
a damaged or missing part said in one line, with how to rebuild it."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from kg.errors import UserError
from kg.store.build import build_store
from kg.store.index import VERSION, Index
from kg.store.oxigraph import DATABASE, INDEX, open_store, write_lock
from tests.conftest import ROOT, run_kg

pytest.importorskip("pyoxigraph")

ARTICLE = ROOT / "sources" / "d01-lahat-netralitas-asn.txt"
OLD_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (id TEXT PRIMARY KEY, hash TEXT NOT NULL, extraction BLOB NOT NULL,
                       graph TEXT);
CREATE TABLE files (path TEXT PRIMARY KEY, hash TEXT NOT NULL);
"""


class Planted:
    """A pickle that, once loaded, writes a file: what a planted record could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return Path.touch, (str(self.marker),)  # type: ignore[return-value]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build one demo article into a store; return the folder holding sources/, store/, out/."""
    root = tmp_path_factory.mktemp("index")
    (root / "sources").mkdir()
    shutil.copy(ARTICLE, root / "sources")
    build_store([root / "sources"], root / "out", root / "store")
    return root


@pytest.fixture
def copy(built: Path, tmp_path: Path) -> Path:
    """Copy the built store, its sources and exports for one test to damage."""
    return Path(shutil.copytree(built, tmp_path / "copy"))


def _one_line(done: subprocess.CompletedProcess[str], *words: str) -> None:
    """Check a run failed with exit 1 and one line naming the words."""
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert all(w in lines[0] for w in words), lines[0]


def test_extractions_are_kept_as_json(built: Path) -> None:
    with sqlite3.connect(built / "store" / INDEX) as db:
        (blob,), = db.execute("SELECT extraction FROM articles")
        assert db.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert json.loads(zlib.decompress(blob))["article"]["id"] == ARTICLE.stem


def test_an_old_index_of_pickles_is_never_unpickled(copy: Path) -> None:
    path, marker = copy / "store" / INDEX, copy / "pwned"
    path.unlink()
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
        db.execute("INSERT INTO articles VALUES ('x', 'h', ?, NULL)",
                   (zlib.compress(pickle.dumps(Planted(marker))),))
    with Index(path) as index:
        assert index.extractions() == []
    result = build_store([copy / "sources"], copy / "out", copy / "store")
    assert result.extracted == 1 and not marker.exists()


@pytest.mark.parametrize("planted", ["pickle", "wrong types", "not zlib"])
def test_a_planted_record_is_refused(copy: Path, planted: str) -> None:
    marker = copy / "pwned"
    blob = {"pickle": zlib.compress(pickle.dumps(Planted(marker))),
            "wrong types": zlib.compress(b'{"article": {"id": 1, "text": [], "source": "s"}}'),
            "not zlib": b"\x80\x04junk"}[planted]
    with sqlite3.connect(copy / "store" / INDEX) as db:
        db.execute("UPDATE articles SET extraction = ?", (blob,))
    with Index(copy / "store" / INDEX) as index, pytest.raises(UserError, match="is damaged"):
        index.extractions()
    assert not marker.exists()


def test_a_damaged_index_is_one_line(copy: Path) -> None:
    (copy / "store" / INDEX).write_bytes(b"not a database" * 100)
    done = run_kg("build", str(copy / "sources"), "--store", str(copy / "store"), "--out",
                  str(copy / "out"))
    _one_line(done, "index", "is damaged", "kg build --store")


def test_an_index_of_a_newer_kg_is_refused(copy: Path) -> None:
    with sqlite3.connect(copy / "store" / INDEX) as db:
        db.execute(f"PRAGMA user_version = {VERSION + 1}")
    with pytest.raises(UserError, match="newer kg"):
        Index(copy / "store" / INDEX)


@pytest.mark.parametrize("command", ["query", "serve", "export"])
def test_a_damaged_database_is_one_line(copy: Path, command: str) -> None:
    (copy / "store" / DATABASE / "CURRENT").write_text("garbage\n", encoding="utf-8")
    args = {"query": ("query", "holdings"), "serve": ("serve", "--port", "0"),
            "export": ("export", "--format", "nt", "--out", str(copy / "x.nt"))}[command]
    _one_line(run_kg(*args, "--store", str(copy / "store")), "is damaged", "kg build --store")


def test_a_deleted_database_is_said_and_rebuilt(copy: Path) -> None:
    build_store([copy / "sources"], copy / "out", copy / "store")  # the copy's own paths kept
    shutil.rmtree(copy / "store" / DATABASE)
    _one_line(run_kg("query", "holdings", "--store", str(copy / "store")), "has no database",
              "kg build --store")
    result = build_store([copy / "sources"], copy / "out", copy / "store")
    assert not result.unchanged and result.exported and result.graphs > 1
    store = open_store(copy / "store", read_only=True)
    assert len(store) > 100
    del store


def test_one_writer_at_a_time(copy: Path) -> None:
    held = write_lock(copy / "store")
    try:
        with pytest.raises(UserError, match=f"another kg build \\(process {os.getpid()}\\)"):
            build_store([copy / "sources"], copy / "out", copy / "store")
        with pytest.raises(UserError, match="is writing the store"):
            open_store(copy / "store", read_only=True)
    finally:
        os.close(held)
    assert build_store([copy / "sources"], copy / "out", copy / "store").extracted == 0


def test_two_fresh_builds_into_one_store(tmp_path: Path) -> None:
    """The issue's case: the second is told to wait, in one line; the first builds."""
    args = [sys.executable, "-m", "kg", "build", str(ARTICLE), "--store", str(tmp_path / "store"),
            "--out", str(tmp_path / "out")]
    runs = [subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    done = sorted((run.wait(600), *run.communicate()) for run in runs)
    assert [code for code, _, _ in done] == [0, 1], done
    assert "another kg build" in done[1][2] and len(done[1][2].strip().splitlines()) == 1
