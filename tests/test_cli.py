"""The command line as a user meets it: bad input reported in one line each, the rest built."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import DCTERMS

from tests.conftest import run_kg, spawn_kg

GOOD = ("BANDUNG, CONTOH.ID - Kepala Dinas Kesehatan Kota Bandung, dr. Sari Wulandari, "
        "M.Kes, membuka sosialisasi imunisasi di Aula Balai Kota Bandung, Selasa (4/6/2024).\n")


def _sources(folder: Path) -> Path:
    """Write two good articles and five broken ones."""
    folder.mkdir()
    (folder / "good-a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good-b.txt").write_text(GOOD.replace("Sari Wulandari", "Rina Marlina"),
                                       encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "bad-front.txt").write_text("---\nno colon here\n---\nTeks.\n", encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps({"id": "good-c", "text": GOOD.replace(
        "Sari Wulandari", "Dewi Lestari")}) + "\n{broken json\n", encoding="utf-8")
    (folder / "empty.html").write_text("<html><body><nav>Menu</nav></body></html>",
                                       encoding="utf-8")
    return folder


def test_broken_articles_are_reported_and_the_others_built(tmp_path: Path) -> None:
    src, out = _sources(tmp_path / "src"), tmp_path / "out"
    done = run_kg("build", str(src), "--out", str(out))
    assert done.returncode == 0, done.stderr
    problems = [line for line in done.stderr.splitlines() if line.startswith("kg: skipped")]
    assert len(problems) == 5, done.stderr
    assert all(len(line) < 300 for line in problems)
    for name in ("empty.txt", "binary.txt", "bad-front.txt", "feed.jsonl:2", "empty.html"):
        assert any(name in line for line in problems), name
    assert "3 articles read, 5 skipped" in done.stdout
    ids = {str(i) for i in Graph().parse(out / "graph.ttl").objects(None, DCTERMS.identifier)}
    assert {"good-a", "good-b", "good-c"} <= ids


def test_nothing_readable_fails_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    done = spawn_kg("build", str(tmp_path), "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("kg: nothing built")


def test_an_empty_build_leaves_the_previous_outputs_as_they_were(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_kg("build", "sources", "--out", str(out)).returncode == 0
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "explorer.html")}
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_kg("build", str(empty), "--out", str(out)).returncode == 1
    assert {name: (out / name).read_bytes() for name in before} == before


def test_a_write_that_fails_leaves_the_previous_file_and_no_partial_one(tmp_path: Path) -> None:
    from kg.rdf import files

    target = tmp_path / "graph.ttl"
    target.write_text("previous", encoding="utf-8")

    with pytest.raises(OSError), files.atomic_file(target) as file:
        file.write(b"new")  # half written, then the disk is full
        raise OSError("No space left on device")
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_missing_source_is_one_line_error(tmp_path: Path) -> None:
    done = spawn_kg("build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "no such file or folder" in done.stderr


def test_query_named_and_text(demo_build: Path) -> None:
    graph = str(demo_build / "graph.ttl")
    listed = run_kg("query", "--list")
    assert "holdings" in listed.stdout
    done = run_kg("query", "holdings", "--graph", graph, "--format", "csv")
    assert done.returncode == 0, done.stderr
    header, *rows = done.stdout.splitlines()
    assert header == "person,role,organization,reported,article"
    assert any("Kepala" in r for r in rows)
    count = run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?p a foaf:Person }", "--graph", graph,
                   "--format", "json")
    assert int(json.loads(count.stdout)[0]["n"]) > 20


def test_same_output_whatever_the_order(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    for folder, names in ((first, ("a1", "b2")), (second, ("b2", "a1"))):
        folder.mkdir()
        for n, name in enumerate(names):
            text = GOOD if name == "a1" else GOOD.replace("Sari Wulandari", "Rina Marlina")
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
            del n
    outs = []
    for folder in (first, second):
        assert run_kg("build", str(folder), "--out", str(folder / "out")).returncode == 0
        outs.append((folder / "out" / "graph.ttl").read_bytes())
    assert outs[0] == outs[1]


def test_an_article_over_max_bytes_is_reported_and_the_others_built(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "short.txt").write_text(GOOD, encoding="utf-8")
    (src / "long.txt").write_text(GOOD * 20, encoding="utf-8")
    (src / "feed.jsonl").write_text(json.dumps({"id": "long-line", "text": GOOD * 20}) + "\n",
                                    encoding="utf-8")
    for command in (["build", "--out", str(tmp_path / "out")], ["extract"]):
        done = run_kg(*command, str(src), "--max-bytes", "1000")
        assert done.returncode == 0, done.stderr
        problems = [line for line in done.stderr.splitlines() if line.startswith("kg: skipped")]
        assert sorted(problems) == [
            f"kg: skipped {src / name}: over the limit of 1000 bytes per article (see --max-bytes)"
            for name in ("feed.jsonl:1", "long.txt")]


def test_a_store_build_with_another_max_bytes_reads_the_sources_again(tmp_path: Path) -> None:
    src, store, out = tmp_path / "src", tmp_path / "store", tmp_path / "out"
    src.mkdir()
    (src / "short.txt").write_text(GOOD, encoding="utf-8")
    (src / "long.txt").write_text(GOOD * 20, encoding="utf-8")
    build = ["build", str(src), "--store", str(store), "--out", str(out)]
    done = run_kg(*build, "--max-bytes", "1000")
    assert done.returncode == 0 and "1 articles read, 1 skipped" in done.stdout, done.stderr
    done = run_kg(*build)
    assert done.returncode == 0 and "2 articles read, 0 skipped" in done.stdout, done.stderr
