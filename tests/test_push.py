"""`kg push` into a real SPARQL 1.1 Graph Store: an Oxigraph server the tests start on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from rdflib import Graph

from kg.store.build import build_store
from kg.store.oxigraph import graph_ntriples, open_store
from kg.store.push import graph_url, push
from kg.store.serve import free_port, oxigraph_binary, wait_for_port
from kg.store.terms import ENTITIES
from tests.conftest import ROOT, run_kg
from tests.test_serve import stop

pytest.importorskip("pyoxigraph")
pytestmark = pytest.mark.slow

PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Build two demo articles into a store; return it and its graph.ttl."""
    root = tmp_path_factory.mktemp("push")
    names = ["d01-lahat-netralitas-asn.txt", "d05-kendal-pelantikan-kades-paw.txt"]
    build_store([ROOT / "sources" / n for n in names], root / "out", root / "store")
    return root / "store", root / "out" / "graph.ttl"


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    """Start a read-write Oxigraph server on a free port of 127.0.0.1; stop it afterwards."""
    port = free_port()
    process = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "db"),
                                "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port("127.0.0.1", port, process, 30)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def ask(server: str, query: str) -> list[dict[str, str]]:
    """Run a SELECT on the server; return its rows as plain values."""
    request = urllib.request.Request(f"{server}/query?{urlencode({'query': query})}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        rows = json.loads(response.read())["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


def local_sizes(folder: Path) -> dict[str, int]:
    """Count the triples of each named graph of a local store."""
    db = open_store(folder, read_only=True)
    sizes = {g.value: sum(1 for _ in db.quads_for_pattern(None, None, None, g))
             for g in db.named_graphs()}
    del db
    return sizes


def test_push_a_store_keeps_its_named_graphs(server: str, store: tuple[Path, Path]) -> None:
    done = push(f"{server}/store", store=store[0])
    remote = {row["g"]: int(row["n"]) for row in ask(server, PER_GRAPH)}
    assert remote == local_sizes(store[0])
    assert str(ENTITIES) in remote
    assert done.graphs == len(remote) and done.triples == sum(remote.values())
    again = push(f"{server}/store", store=store[0])  # PUT replaces: pushing twice changes nothing
    assert again == done
    assert {row["g"]: int(row["n"]) for row in ask(server, PER_GRAPH)} == remote


def test_push_a_graph_file_through_the_command_line(server: str, store: tuple[Path, Path]) -> None:
    done = run_kg("push", "--endpoint", f"{server}/store", "--graph", str(store[1]))
    assert done.returncode == 0, done.stderr
    expected = len(Graph().parse(store[1]))
    assert f"pushed 1 graphs, {expected} triples" in done.stdout
    assert int(ask(server, DEFAULT)[0]["n"]) == expected
    named = run_kg("push", "--endpoint", f"{server}/store", "--graph", str(store[1]),
                   "--into", "https://example.org/demo")
    assert named.returncode == 0, named.stderr
    rows = ask(server, PER_GRAPH)
    assert {"g": "https://example.org/demo", "n": str(expected)} in rows


def test_pushed_offsets_keep_their_declared_type(store: tuple[Path, Path]) -> None:
    db = open_store(store[0], read_only=True)
    payloads = {name: body for name, body, _ in graph_ntriples(db)}
    del db
    text = b"".join(payloads.values()).decode()
    begins = [line for line in text.splitlines() if "nif-core#beginIndex" in line]
    assert begins and all("XMLSchema#nonNegativeInteger" in line for line in begins)


def test_a_refusing_server_is_one_line_error(server: str, store: tuple[Path, Path]) -> None:
    done = run_kg("push", "--endpoint", f"{server}/nowhere", "--graph", str(store[1]))
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and "nowhere" in done.stderr


def test_graph_urls() -> None:
    assert graph_url("http://h/store", None) == "http://h/store?default"
    assert graph_url("http://h/ds/data?x=1", "https://w3id.org/kg-news/id/graph/entities") == \
        "http://h/ds/data?x=1&graph=https%3A%2F%2Fw3id.org%2Fkg-news%2Fid%2Fgraph%2Fentities"
