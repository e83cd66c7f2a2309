"""`kg serve` over HTTP: SPARQL Protocol queries answered, updates refused, results bounded."""

from __future__ import annotations

import csv
import io
import json
import os
import select
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pytest
from rdflib import Graph

from kg.store.build import build_store
from kg.store.oxigraph import SERVING
from kg.store.serve import accepted, choose
from tests.conftest import ROOT

pytest.importorskip("pyoxigraph")
pytestmark = pytest.mark.slow

PERSONS = "SELECT ?p ?name WHERE { ?p a foaf:Person ; rdfs:label ?name } ORDER BY ?name"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
PREFIXES = ("PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build three demo articles into a store."""
    root = tmp_path_factory.mktemp("serve")
    names = ["d01-lahat-netralitas-asn.txt", "d02-ogan-ilir-rakor-pilkada.txt",
             "d09-sukadana-mou-kejari-lamtim.txt"]
    build_store([ROOT / "sources" / n for n in names], root / "out", root / "store")
    return root / "store"


def start(store: Path, *options: str) -> tuple[subprocess.Popen[str], str]:
    """Start `kg serve` on a free port of 127.0.0.1 and return it with its endpoint URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0", *options],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 60)  # it prints its URL once listening
    line = process.stdout.readline() if ready else ""
    if not line.startswith("kg: SPARQL endpoint"):
        stop(process)
        pytest.fail(f"kg serve did not start within 60 s: {line}")
    return process, line.split()[3]


def stop(process: subprocess.Popen[str]) -> None:
    """Stop the server we started, by its process id."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@pytest.fixture(scope="module")
def endpoint(store: Path) -> Iterator[str]:
    """Serve the store with a small result limit for the tests of this module."""
    process, url = start(store, "--limit", "5", "--timeout", "2")
    try:
        yield url
    finally:
        stop(process)
    assert not (store / SERVING).exists()


def get(url: str, query: str, accept: str = "application/sparql-results+json"
        ) -> tuple[int, dict[str, str], bytes]:
    """Send a query by GET; return status, headers and body."""
    request = urllib.request.Request(f"{url}?{urlencode({'query': query})}",
                                     headers={"Accept": accept})
    return _send(request)


def post(url: str, body: bytes, content_type: str, accept: str = "application/sparql-results+json"
         ) -> tuple[int, dict[str, str], bytes]:
    """Send a POST; return status, headers and body."""
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": content_type, "Accept": accept})
    return _send(request)


def _send(request: urllib.request.Request) -> tuple[int, dict[str, str], bytes]:
    """Send a request with a bounded wait; header names in lower case."""
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            headers = {k.lower(): v for k, v in response.headers.items()}
            return response.status, headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def count(url: str) -> int:
    """Count the triples the endpoint serves."""
    status, _, body = get(url, COUNT)
    assert status == 200
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_binds_to_loopback_and_prints_its_url(endpoint: str) -> None:
    parsed = urlparse(endpoint)
    assert parsed.hostname == "127.0.0.1" and parsed.path == "/query"


def test_get_query_with_json_results(endpoint: str) -> None:
    status, headers, body = get(endpoint, PREFIXES + PERSONS)
    assert status == 200
    assert headers["content-type"].startswith("application/sparql-results+json")
    data = json.loads(body)
    assert data["head"]["vars"] == ["p", "name"]
    assert len(data["results"]["bindings"]) == 5  # the limit
    assert headers["x-kg-truncated"] == "true" and headers["x-kg-result-limit"] == "5"


def test_post_forms_and_direct_queries(endpoint: str) -> None:
    form = urlencode({"query": COUNT}).encode()
    status, _, body = post(endpoint, form, "application/x-www-form-urlencoded")
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"]
    status, headers, body = post(endpoint, COUNT.encode(), "application/sparql-query", "text/csv")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(body.decode())))[0] == ["n"]
    assert headers["x-kg-truncated"] == "false"


@pytest.mark.parametrize("accept, marker", [
    ("application/sparql-results+xml", b"<sparql"), ("text/tab-separated-values", b"?p\t?name"),
    ("text/csv", b"p,name")])
def test_other_result_formats(endpoint: str, accept: str, marker: bytes) -> None:
    status, headers, body = get(endpoint, PREFIXES + PERSONS, accept)
    assert status == 200 and headers["content-type"].startswith(accept)
    assert marker in body


@pytest.mark.parametrize("accept, syntax", [("text/turtle", "turtle"),
                                            ("application/n-triples", "nt")])
def test_construct_and_describe(endpoint: str, accept: str, syntax: str) -> None:
    query = PREFIXES + "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a foaf:Person ; rdfs:label ?n }"
    status, headers, body = get(endpoint, query, accept)
    assert status == 200 and headers["content-type"].startswith(accept)
    assert len(Graph().parse(data=body.decode(), format=syntax)) == 5
    status, _, body = get(endpoint, "DESCRIBE <https://w3id.org/kg-news/id/role/kepala>", accept)
    assert status == 200 and len(Graph().parse(data=body.decode(), format=syntax)) > 0


def test_ask(endpoint: str) -> None:
    status, _, body = get(endpoint, "ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True


@pytest.mark.parametrize("how", ["form", "sparql-update", "get", "store"])
def test_updates_are_refused_and_the_data_unchanged(endpoint: str, how: str) -> None:
    before = count(endpoint)
    update = "DELETE WHERE { ?s ?p ?o }"
    if how == "form":
        status, _, body = post(endpoint, urlencode({"update": update}).encode(),
                               "application/x-www-form-urlencoded")
    elif how == "sparql-update":
        status, _, body = post(endpoint, update.encode(), "application/sparql-update")
    elif how == "get":
        query = urlencode({"update": update})
        status, _, body = _send(urllib.request.Request(f"{endpoint}?{query}"))
    else:
        status, _, body = post(endpoint.replace("/query", "/store?default"), b"<a:b> <a:c> <a:d> .",
                               "application/n-triples")
    assert status == 403 and b"read-only" in body
    assert count(endpoint) == before > 0


def test_bad_queries_and_formats_are_errors(endpoint: str) -> None:
    status, _, body = get(endpoint, "SELEC ?x")
    assert status == 400 and body
    status, _, _ = get(endpoint, COUNT, "image/png")
    assert status == 406


def test_a_long_query_times_out(endpoint: str) -> None:
    started = time.monotonic()
    status, _, _ = get(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert status >= 400
    assert time.monotonic() - started < 25


def test_the_query_page_is_served(endpoint: str) -> None:
    with urllib.request.urlopen(endpoint.replace("/query", "/"), timeout=10) as response:
        assert b"yasgui" in response.read().lower()


def test_accept_headers_are_ranked() -> None:
    assert accepted("text/csv;q=0.5, application/sparql-results+json") == [
        "application/sparql-results+json", "text/csv"]
    assert choose("*/*", {"text/turtle": "TURTLE"}, "text/turtle") == ("text/turtle", "TURTLE")
    assert accepted("text/csv;q=0") == []
