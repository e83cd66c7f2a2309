"""`kg serve`: a read-only, bounded and closed SPARQL 1.1 Protocol endpoint over a store.

A small WSGI application, served by waitress, answers the protocol and runs each query in a
warm worker process (kg.store.runner, kg.store.worker: the store's database opened read-only
once, a worker killed when its query reaches `--timeout`, at most `--jobs` queries at once). It

- refuses updates (403), whatever the form they come in, so the data stay unchanged, and
  queries that could send a request elsewhere (SERVICE: 403; kg.store.screen);
- reads at most `limit` results and writes them in the format the client asked for (JSON,
  XML, CSV, TSV; Turtle, N-Triples, RDF/XML, JSON-LD), saying in `X-KG-Truncated` whether
  rows were cut;
- serves Oxigraph's query page (YASGUI) at `/`, read at start from Oxigraph's server, which
  runs for that moment only;
- serves the explorer at /explorer, a page per slice of the store (kg.store.views).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from kg.errors import UserError
from kg.rdf.namespaces import PREFIXES
from kg.store.oxigraph import SERVING, database, serving
from kg.store.runner import Refused, Runner, tied
from kg.store.screen import form, reaches_out
from kg.store.views import PATH, Pages

StartResponse = Callable[..., Any]
QUERY_PATHS = {"/query", "/sparql"}
PAGE = {"/", "/yasgui.min.js", "/yasgui.min.css", "/logo.svg"}  # Oxigraph's query page
MAX_BODY = 1 << 20  # a query of more than a megabyte is refused
RESULT_TYPES = {"application/sparql-results+json": "JSON", "application/json": "JSON",
                "application/sparql-results+xml": "XML", "application/xml": "XML",
                "text/csv": "CSV", "text/tab-separated-values": "TSV"}
GRAPH_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES",
               "text/plain": "N_TRIPLES", "application/rdf+xml": "RDF_XML",
               "application/ld+json": "JSON_LD"}
READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"
NO_SERVICE = ("SERVICE is refused: this endpoint sends no request elsewhere (a name with "
              "'service' in it is refused too: write it as a full <IRI>)")


@dataclass(frozen=True)
class Answer:
    """A response: status, content type, extra headers and body."""

    status: str
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def oxigraph_binary() -> str:
    """Find Oxigraph's command-line binary (installed with kg[store], beside this Python)."""
    beside = Path(sysconfig.get_path("scripts")) / "oxigraph"
    found = shutil.which("oxigraph") or (str(beside) if beside.is_file() else None)
    if not found:
        raise OSError("kg serve needs the oxigraph server: pip install 'kg[store]'")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """Return a port free on the host now."""
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def wait_for_port(host: str, port: int, process: subprocess.Popen[bytes], seconds: float) -> None:
    """Wait until a server listens on the port; fail if its process ends or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise OSError(f"the oxigraph server stopped: {process.stderr.read().decode()[-500:]}"
                          if process.stderr else "the oxigraph server stopped")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise OSError(f"the oxigraph server did not listen on {host}:{port} within {seconds:.0f} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a server process we started: terminate, then kill if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def accepted(header: str) -> list[str]:
    """List the media types of an Accept header, most wanted first (q=0 left out)."""
    ranked = []
    for position, item in enumerate(header.split(",")):
        kind, *options = [part.strip() for part in item.split(";")]
        q = 1.0
        for option in options:
            name, _, value = option.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if kind and q > 0:
            ranked.append((-q, position, kind.lower()))
    return [kind for _, _, kind in sorted(ranked)]


def choose(header: str, offered: dict[str, str], default: str) -> tuple[str, str]:
    """Choose the media type to answer in (and its pyoxigraph format name) from an Accept header."""
    wanted = accepted(header) or ["*/*"]
    for kind in wanted:
        if kind in offered:
            return kind, offered[kind]
        if kind in {"*/*", "application/*", "text/*"}:
            return default, offered[default]
    raise Refused("406 Not Acceptable", f"none of {header!r} can be given; try one of "
                  f"{', '.join(sorted(offered))}")


def read_request(environ: dict[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    """Return the query of a SPARQL Protocol request and its other parameters; refuse updates."""
    args = parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    query = None
    if environ["REQUEST_METHOD"] == "POST":
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length > MAX_BODY:
            raise Refused("413 Content Too Large", "a query is at most 1 MB")
        body = environ["wsgi.input"].read(length).decode("utf-8", errors="replace")
        kind = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if kind == "application/sparql-update":
            raise Refused("403 Forbidden", READ_ONLY)
        if kind == "application/sparql-query":
            query = body
        elif kind == "application/x-www-form-urlencoded":
            args += parse_qsl(body, keep_blank_values=True)
        else:
            raise Refused("415 Unsupported Media Type", "send application/sparql-query or a form")
    elif environ["REQUEST_METHOD"] not in {"GET", "HEAD"}:
        raise Refused("405 Method Not Allowed", "use GET or POST")
    if any(name in {"update", "using-graph-uri", "using-named-graph-uri"} for name, _ in args):
        raise Refused("403 Forbidden", READ_ONLY)
    queries = [value for name, value in args if name == "query"]
    if query is None and len(queries) != 1:
        raise Refused("400 Bad Request", "give exactly one query")
    return query if query is not None else queries[0], [(n, v) for n, v in args if n != "query"]


def results_answer(data: bytes, accept: str, limit: int, truncated: bool) -> Answer:
    """Turn TSV results (or a boolean) into the client's format."""
    import pyoxigraph as ox

    kind, name = choose(accept, RESULT_TYPES, "application/sparql-results+json")
    parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.TSV)
    body = parsed.serialize(format=getattr(ox.QueryResultsFormat, name))
    return Answer("200 OK", kind, body, _bounds(limit, truncated))  # type: ignore[arg-type]  # pyoxigraph: serialize returns bytes when given no output


def graph_answer(data: bytes, accept: str, limit: int, truncated: bool) -> Answer:
    """Turn N-Triples into the client's RDF format."""
    import pyoxigraph as ox

    kind, name = choose(accept, GRAPH_TYPES, "text/turtle")
    triples = [q.triple for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
    body = ox.serialize(triples, format=getattr(ox.RdfFormat, name),
                        prefixes={p: str(ns) for p, ns in PREFIXES.items()})
    return Answer("200 OK", kind, body or b"", _bounds(limit, truncated))


def _bounds(limit: int, truncated: bool) -> tuple[tuple[str, str], ...]:
    """Say in headers what the result limit is and whether this result was cut to it."""
    return (("X-KG-Result-Limit", str(limit)), ("X-KG-Truncated", "true" if truncated else "false"))


def query_page() -> dict[str, Answer]:
    """Read Oxigraph's query page (YASGUI) and its files from its server, run for that moment."""
    port = free_port()
    process = subprocess.Popen([*tied(), oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port("127.0.0.1", port, process, 30)
        pages = {}
        for path in PAGE:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
                pages[path] = Answer("200 OK", response.headers.get("Content-Type", "text/html"),
                                     response.read())
        return pages
    finally:
        stop(process)


class Endpoint:
    """The WSGI application: bounded queries, run by workers; updates and SERVICE refused."""

    def __init__(self, runner: Runner, pages: dict[str, Answer], limit: int, timeout: float,
                 cors: bool = False, explorer: Pages | None = None) -> None:
        self.runner, self.pages, self.limit, self.timeout = runner, pages, limit, timeout
        self.cors, self.explorer = cors, explorer

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """Answer one request."""
        try:
            answer = self.answer(environ)
        except Refused as err:
            answer = Answer(err.status, "text/plain; charset=utf-8", f"{err}\n".encode())
        headers = [("Content-Type", answer.content_type), ("Content-Length", str(len(answer.body))),
                   *answer.headers]
        if self.cors:
            headers += [("Access-Control-Allow-Origin", "*"),
                        ("Access-Control-Allow-Headers", "Accept, Content-Type")]
        start_response(answer.status, headers)
        return [b"" if environ["REQUEST_METHOD"] == "HEAD" else answer.body]

    def answer(self, environ: dict[str, Any]) -> Answer:
        """Route a request: queries, the query page, and refusals of everything else."""
        path, method = environ.get("PATH_INFO", "/"), environ["REQUEST_METHOD"]
        if method == "OPTIONS" and self.cors:
            return Answer("204 No Content", "text/plain", b"")
        if path in QUERY_PATHS:
            return self.query(environ)
        if method not in {"GET", "HEAD"} or path in {"/update", "/store"}:
            raise Refused("403 Forbidden", READ_ONLY)
        if path in self.pages:
            return self.pages[path]
        if path == PATH and self.explorer is not None:
            status, page = self.explorer.answer(environ.get("QUERY_STRING", ""))
            return Answer(status, "text/html; charset=utf-8", page,
                          (("X-Content-Type-Options", "nosniff"),))
        raise Refused("404 Not Found", f"the SPARQL endpoint is /query, the explorer {PATH}")

    def query(self, environ: dict[str, Any]) -> Answer:
        """Run a query and give at most `limit` results in the asked format."""
        query, args = read_request(environ)
        if any(name in {"default-graph-uri", "named-graph-uri"} for name, _ in args):
            raise Refused("400 Bad Request", "default-graph-uri and named-graph-uri are not "
                          "supported: the default graph is the union of the store's graphs; "
                          "use FROM or GRAPH in the query")
        if reaches_out(query):
            raise Refused("403 Forbidden", NO_SERVICE)
        graph = form(query) in {"CONSTRUCT", "DESCRIBE"}
        data, truncated = self.runner.run(query, graph, self.limit, self.timeout)
        accept = environ.get("HTTP_ACCEPT", "")
        if graph:
            return graph_answer(data, accept, self.limit, truncated)
        return results_answer(data, accept, self.limit, truncated)


def _raise_exit(signum: int, frame: Any) -> None:
    """Turn a termination signal into a clean exit."""
    raise SystemExit(0)


def listen(host: str, port: int, app: Endpoint, threads: int) -> Any:
    """Bind waitress to the address; a port out of range or in use is the user's error."""
    from waitress import create_server

    if not 0 <= port <= 65535:
        raise UserError(f"--port {port}: a port is a number from 0 to 65535 (0: any free one)")
    try:
        return create_server(app, host=host, port=port, threads=threads, ident="kg")
    except OSError as err:
        raise UserError(f"cannot listen on {host} port {port}: {err.strerror or err}") from None


def serve(folder: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30,
          limit: int = 10000, cors: bool = False, jobs: int = 8,
          announce: Callable[[str], None] = print) -> None:
    """Serve the store until interrupted; announce the endpoint's URL once it listens."""
    if timeout <= 0 or jobs < 1:
        raise UserError(f"--timeout must be above 0 and --jobs at least 1 (given {timeout:g} and "
                        f"{jobs})")
    if (pid := serving(folder)) is not None:
        raise UserError(f"kg serve (process {pid}) is already serving {folder}")
    explorer = Pages(folder, timeout)  # a missing or damaged store is said here, in one line
    runner = Runner(database(folder), jobs)
    # Requests beyond the query slots wait in waitress's threads, within their --timeout.
    server = listen(host, port, Endpoint(runner, query_page(), limit, timeout, cors, explorer),
                    4 * jobs)
    pid_file = folder / SERVING
    try:
        runner.start()  # warm before the first query
        pid_file.write_text(str(os.getpid()), encoding="utf-8")
        signal.signal(signal.SIGTERM, _raise_exit)
        where = f"[{host}]" if ":" in host else host
        listening = server.effective_port
        announce(f"kg: SPARQL endpoint http://{where}:{listening}/query "
                 f"(read-only; timeout {timeout:g} s, at most {limit} results, {jobs} queries "
                 f"at once); explorer http://{where}:{listening}{PATH}")
        sys.stdout.flush()
        server.run()
    finally:
        server.close()
        runner.close()
        if serving(folder) == os.getpid():
            pid_file.unlink(missing_ok=True)
