"""`kg push`: load the graph into any SPARQL 1.1 Graph Store (Oxigraph, Fuseki, GraphDB, ...).

Each graph goes in one HTTP PUT of N-Triples (Graph Store HTTP Protocol): a store's named
graphs (one per article, plus the merged entities) each to `?graph=IRI`, or a graph file to
the default graph (`?default`) or to the named graph given. PUT replaces a graph, so pushing
again after a build brings the server up to date with the articles that remain.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

NTRIPLES = "application/n-triples"


@dataclass(frozen=True)
class Pushed:
    """How many graphs and triples went to the server."""

    graphs: int
    triples: int


def graph_url(endpoint: str, graph: str | None) -> str:
    """Return the Graph Store URL of a named graph, or of the default graph when None."""
    joiner = "&" if "?" in endpoint else "?"
    return f"{endpoint}{joiner}default" if graph is None else \
        f"{endpoint}{joiner}graph={quote(graph, safe='')}"


def put(url: str, body: bytes, timeout: float) -> None:
    """Replace one graph on the server with N-Triples; fail with the server's reason."""
    request = urllib.request.Request(url, data=body, method="PUT",
                                     headers={"Content-Type": NTRIPLES})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as err:
        reason = err.read().decode("utf-8", errors="replace").strip()[:300]
        raise OSError(f"{url}: {err.code} {err.reason}: {reason}") from None
    except urllib.error.URLError as err:
        raise OSError(f"{url}: {err.reason}") from None


def file_payloads(path: Path, into: str | None) -> Iterator[tuple[str | None, bytes, int]]:
    """Yield a graph file as one N-Triples payload for the default graph or a named one."""
    from kg.rdf.files import read_graph

    graph = read_graph(path)
    yield into, graph.serialize(format="nt", encoding="utf-8"), len(graph)


def push(endpoint: str, store: Path | None = None, graph: Path = Path("build/graph.ttl"),
         into: str | None = None, timeout: float = 60) -> Pushed:
    """Push a store's named graphs (or a graph file) to a Graph Store endpoint."""
    if store is not None:
        from kg.store.oxigraph import graph_ntriples, open_store

        payloads: Iterator[tuple[str | None, bytes, int]] = graph_ntriples(
            open_store(store, read_only=True))
    else:
        payloads = file_payloads(graph, into)
    graphs = triples = 0
    for name, body, size in payloads:
        put(graph_url(endpoint, name), body, timeout)
        graphs, triples = graphs + 1, triples + size
    return Pushed(graphs, triples)
