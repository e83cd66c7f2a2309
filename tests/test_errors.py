"""A user's mistake is one line on standard error and a documented exit code, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_kg, spawn_kg

BAD_TURTLE = '@prefix ex: <http://example.org/> .\nex:a ex:b "never closed .\n'


def _one_line(done: subprocess.CompletedProcess[str], code: int = 1) -> str:
    """Check a run failed with the code and one line of standard error; return that line."""
    assert done.returncode == code, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    return lines[0]


@pytest.fixture(scope="module")
def bad_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write a Turtle file with an unterminated string."""
    path = tmp_path_factory.mktemp("bad") / "graph.ttl"
    path.write_text(BAD_TURTLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("args", [
    ("query", "SELECT * WHERE { ?s ?p ?o }", "--graph"), ("stats", "--graph"), ("validate",),
    ("export", "--format", "nt", "--graph")], ids=lambda a: a[0])
def test_a_malformed_graph_file_is_one_line(bad_graph: Path, args: tuple[str, ...]) -> None:
    line = _one_line(run_kg(*args, str(bad_graph)))
    assert line.startswith(f"kg: {args[0]}: {bad_graph} is not a valid turtle file")
    assert "line 2" in line


def test_a_query_that_does_not_parse_is_one_line(demo_build: Path) -> None:
    line = _one_line(run_kg("query", "SELEC ?x", "--graph", str(demo_build / "graph.ttl")))
    assert "not valid SPARQL" in line


def test_a_mistyped_question_names_the_closest_and_the_list() -> None:
    line = _one_line(run_kg("query", "holdingz"))
    assert "'holdings'" in line and "kg query --list" in line
    assert "kg query --list" in _one_line(run_kg("query", "zzzz"))
    assert "no such query file" in _one_line(run_kg("query", "missing.rq"))


def test_explaining_nobody_fails_in_one_line() -> None:
    sources = ROOT / "sources" / "d01-lahat-netralitas-asn.txt"
    line = _one_line(run_kg("explain", "Nobody Atall", str(sources)))
    assert "no entity is named like 'Nobody Atall'" in line


def test_a_closed_output_pipe_ends_quietly(demo_build: Path) -> None:
    """`kg stats | head`: the reader is gone before kg writes; kg says nothing of a broken pipe."""
    kg = subprocess.Popen([sys.executable, "-m", "kg", "stats", "--graph",
                           str(demo_build / "graph.ttl")], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert kg.stdout is not None and kg.stderr is not None
    kg.stdout.close()
    stderr = kg.stderr.read().decode()
    assert kg.wait(120) == 141
    assert stderr == "", stderr


def test_debug_shows_the_traceback(bad_graph: Path) -> None:
    done = spawn_kg("--debug", "stats", "--graph", str(bad_graph))
    assert done.returncode == 1 and "Traceback" in done.stderr
