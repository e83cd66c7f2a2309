"""`kg serve` over HTTP: queries answered, updates and SERVICE refused, results and time bounded."""

from __future__ import annotations

import csv
import io
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pytest
from rdflib import Graph

from kg.store.build import build_store
from kg.store.oxigraph import SERVING, database
from kg.store.runner import Refused, Runner
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
    assert process.stdout is not None and process.stderr is not None
    ready, _, _ = select.select([process.stdout], [], [], 60)  # it prints its URL once listening
    line = process.stdout.readline() if ready else ""
    if not line.startswith("kg: SPARQL endpoint"):
        stop(process)
        pytest.fail(f"kg serve did not start within 60 s: {line}{process.stderr.read()}")
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


HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture
def own_store(store: Path, tmp_path: Path) -> Path:
    """Copy the store for a server of a test's own (the module's endpoint serves the first)."""
    return Path(shutil.copytree(store, tmp_path / "store", ignore=shutil.ignore_patterns(SERVING)))


def _stat(pid: str) -> list[str]:
    """Read a process's /proc fields after its name (state, parent, ...); [] once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return []


def alive(pid: int) -> bool:
    """Say whether a process still runs (a zombie waiting to be reaped does not)."""
    fields = _stat(str(pid))
    return bool(fields) and fields[0] != "Z"


def children(pid: int) -> set[int]:
    """List the live processes a process started (from /proc: Linux only)."""
    return {int(p.name) for p in Path("/proc").iterdir()
            if p.name.isdigit() and _stat(p.name)[1:2] == [str(pid)] and alive(int(p.name))}


def timed(url: str, query: str, accept: str = "application/sparql-results+json"
          ) -> tuple[int, float]:
    """Send a query; return its status and how long the answer took."""
    started = time.monotonic()
    status, _, _ = get(url, query, accept)
    return status, time.monotonic() - started


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_cheap_query_is_answered_beside_heavy_ones_and_they_are_stopped(own_store: Path
                                                                          ) -> None:
    """The issue's measure: four heavy queries and a cheap one at once, --timeout 5."""
    process, url = start(own_store, "--timeout", "5")
    try:
        started = time.monotonic()
        with ThreadPoolExecutor(5) as pool:
            heavy = [pool.submit(timed, url, HEAVY) for _ in range(4)]
            while len(children(process.pid)) < 4 and time.monotonic() - started < 4:
                time.sleep(0.05)
            busy = children(process.pid)  # the warm worker and three more, each on a query
            assert len(busy) == 4, "the heavy queries are not all running"
            status, took = timed(url, COUNT)
            # answered beside the heavy ones, not after them: none has reached its timeout yet
            assert status == 200 and not any(future.done() for future in heavy), took
            for future in heavy:
                status, took = future.result(timeout=30)
                assert status == 504 and took < 8, (status, took)  # stopped at 5 s, not run out
        while any(alive(pid) for pid in busy) and time.monotonic() - started < 10:
            time.sleep(0.2)
        assert not any(alive(pid) for pid in busy), "stopped queries' workers still run"
        assert len(children(process.pid)) == 1  # the cheap query's worker, idle
        assert count(url) > 0
    finally:
        stop(process)


def test_beyond_the_jobs_a_query_waits_its_turn_within_its_timeout(own_store: Path) -> None:
    process, url = start(own_store, "--timeout", "3", "--jobs", "1")
    try:
        with ThreadPoolExecutor(1) as pool:
            heavy = pool.submit(timed, url, HEAVY)
            while not children(process.pid) and not heavy.done():
                time.sleep(0.05)
            time.sleep(1)  # the cheap query comes later, so time is left it after its wait
            status, took = timed(url, COUNT)  # waits for the one slot, freed at the timeout
            assert status == 200 and 1 < took < 3, (status, took)
            assert heavy.result(timeout=30)[0] == 504
    finally:
        stop(process)


def test_a_query_that_finds_no_free_slot_in_time_is_refused(store: Path) -> None:
    runner = Runner(database(store), jobs=1)
    runner.slots.acquire()  # one query holds the only slot
    with pytest.raises(Refused, match="busy") as refused:
        runner.run(COUNT, graph=False, limit=5, seconds=0.2)
    assert refused.value.status.startswith("503")


def test_a_worker_answers_query_after_query_and_is_replaced_once_stopped(store: Path) -> None:
    runner = Runner(database(store), jobs=1)
    try:
        first, cut = runner.run(COUNT, graph=False, limit=5, seconds=10)
        worker = next(iter(runner.workers))
        assert runner.run(COUNT, graph=False, limit=5, seconds=10) == (first, cut)
        assert runner.workers == {worker}  # warm: the same process, the database open
        with pytest.raises(Refused) as bad:
            runner.run("SELEC ?x", graph=False, limit=5, seconds=10)
        assert bad.value.status.startswith("400") and runner.workers == {worker}
        with pytest.raises(Refused) as stopped:
            runner.run(HEAVY, graph=False, limit=5, seconds=0.5)
        assert stopped.value.status.startswith("504") and worker.poll() is not None
        assert runner.run(COUNT, graph=False, limit=5, seconds=10) == (first, cut)
        assert worker not in runner.workers and len(runner.workers) == 1
    finally:
        runner.close()


def test_a_workers_results_are_cut_at_the_limit() -> None:
    pyoxigraph = pytest.importorskip("pyoxigraph")
    from kg.store.runner import read_reply
    from kg.store.worker import serve

    store = pyoxigraph.Store()
    for n in range(3000):  # more than one of the serializer's writes
        store.add(pyoxigraph.Quad(pyoxigraph.NamedNode(f"http://example.org/s{n}"),
                                  pyoxigraph.NamedNode("http://example.org/p"),
                                  pyoxigraph.Literal(f"value {n}"),
                                  pyoxigraph.NamedNode("http://example.org/g")))

    def ask(kind: str, limit: int, query: str) -> tuple[str, bytes, bool]:
        replies = io.BytesIO()
        serve(store, io.BytesIO(b"%s %d %d\n%s" % (kind.encode(), limit, len(query),
                                                    query.encode())), replies)
        replies.seek(0)
        return read_reply(replies)

    for limit in (0, 1, 7, 2999, 3000, 3001):
        status, rows, cut = ask("tsv", limit, "SELECT ?s ?o WHERE { ?s ?p ?o }")
        assert status == "200" and cut == (limit < 3000)
        assert rows.count(b"\n") == 1 + min(limit, 3000)
        assert rows.startswith(b"?s\t?o\n") and rows.endswith(b"\n")
        status, triples, cut = ask("nt", limit, "CONSTRUCT WHERE { ?s ?p ?o }")
        assert status == "200" and cut == (limit < 3000)
        assert triples.count(b"\n") == min(limit, 3000)
    assert ask("tsv", 0, "ASK { ?s ?p ?o }") == ("200", b"true", False)
    status, reason, _ = ask("tsv", 5, "SELEC ?x")
    assert status == "400" and reason.startswith(b"error at 1:")
    with pytest.raises(ValueError):
        read_reply(io.BytesIO(b"data 10\nshort"))


def test_served_counts_are_the_stores_as_the_build_left_it(endpoint: str, own_store: Path
                                                          ) -> None:
    """The workers open the database read-only: they see all the build wrote, as a
    read-write open does (which replays what the build's log holds)."""
    pyoxigraph = pytest.importorskip("pyoxigraph")
    written = pyoxigraph.Store(str(database(own_store)))
    triples = written.query(COUNT, use_default_graph_as_union=True)
    assert count(endpoint) == int(next(iter(triples))["n"].value) > 0


@pytest.mark.parametrize("keyword", ["SERVICE", "service", "\\u0053ERVICE"])
def test_service_is_refused_and_no_request_sent(endpoint: str, keyword: str) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(5)
        listener.settimeout(1)
        target = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        status, _, body = get(endpoint, f"SELECT * WHERE {{ {keyword} <{target}> {{ ?s ?p ?o }} }}")
        assert status == 403 and b"SERVICE is refused" in body
        with pytest.raises(TimeoutError):
            listener.accept()


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or not shutil.which("setpriv"),
                    reason="reads /proc; the parent-death signal is set with setpriv")
def test_no_query_outlives_kg_serve_killed_by_sigkill(own_store: Path) -> None:
    process, url = start(own_store, "--timeout", "60")
    try:
        threading.Thread(target=lambda: suppress_errors(get, url, HEAVY), daemon=True).start()
        threading.Thread(target=lambda: suppress_errors(get, url, HEAVY), daemon=True).start()
        deadline = time.monotonic() + 10
        while len(running := children(process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(running) == 2, "the heavy queries did not start"
        assert all(cpu(pid) < cpu(pid, after=1) for pid in running), "a worker is idle"
    finally:
        process.kill()
        process.wait(10)
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in running) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in running), "a query process outlived kg serve"


def cpu(pid: int, after: float = 0) -> int:
    """Read a process's CPU time so far (clock ticks), after waiting `after` seconds."""
    time.sleep(after)
    fields = _stat(str(pid))
    return int(fields[11]) + int(fields[12]) if fields else 0


def suppress_errors(send: Callable[..., object], *args: str) -> None:
    """Send a request whose connection will be cut."""
    try:
        send(*args)
    except OSError:
        pass


@pytest.mark.parametrize("port", ["99999", "-1", "in use"])
def test_a_bad_port_is_a_one_line_error(own_store: Path, port: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        number = str(taken.getsockname()[1]) if port == "in use" else port
        done = subprocess.run([sys.executable, "-m", "kg", "serve", "--store", str(own_store),
                               "--port", number], cwd=ROOT, capture_output=True, text=True,
                              timeout=60)
    assert done.returncode == 1 and not done.stdout
    assert len(done.stderr.strip().splitlines()) == 1 and number in done.stderr, done.stderr


def test_a_named_question_is_answered_as_kg_query_answers_it(endpoint: str, store: Path
                                                               ) -> None:
    """A named question's text, sent without parameters (its prefixes declared or not), or its
    name alone, is answered by its listing form and ordered as `kg query --store` orders it,
    cut at the limit."""
    from kg.store.query import named, run_store

    question = named()["attendance"]
    expected = run_store(store, question).rows
    assert len(expected) > 5
    for text in (question, PREFIXES + question, "attendance"):
        status, headers, body = post(endpoint, text.encode(), "application/sparql-query",
                                     "text/csv")
        assert status == 200, body
        found = list(csv.reader(io.StringIO(body.decode())))
        assert found[1:] == expected[:5] and headers["x-kg-truncated"] == "true"
