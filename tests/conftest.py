"""Shared fixtures: the demo build, made once per test session through the command line."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.cli import main
from kg.rdf.namespaces import KGR, PREFIXES

ROOT = Path(__file__).resolve().parent.parent
# Our prefixes, with the data namespace as base, so a test writes a graph as "<person/a> ...".
TURTLE_HEAD = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())) + \
    f"@base <{KGR}> .\n"


def run_kg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run the kg command line in this process (no interpreter and spaCy to start again),
    capturing what it prints and its exit status."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return subprocess.CompletedProcess(["kg", *args], status, out.getvalue(), err.getvalue())


def spawn_kg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run `python -m kg` in a process of its own, as a user would, capturing its output."""
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build sources/ into a fresh folder with `kg build`, and return the folder."""
    out = tmp_path_factory.mktemp("demo")
    done = run_kg("build", "sources", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="session")
def demo_graph(demo_build: Path) -> Graph:
    """Read the demo build's graph.ttl."""
    return Graph().parse(demo_build / "graph.ttl", format="turtle")
