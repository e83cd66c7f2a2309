"""Write a graph in other formats for other tools: a registry of writers by format name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset, Graph

Writer = Callable[[Graph, Path], None]


def _rdflib(syntax: str) -> Writer:
    """Make a writer for an RDF syntax rdflib serialises."""
    def write(graph: Graph, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(graph.serialize(format=syntax), encoding="utf-8")
    return write


def _as_dataset(graph: Graph) -> Dataset:
    """Return the graph as a dataset: itself if it has named graphs, else its default graph."""
    if isinstance(graph, Dataset):
        return graph
    ds = Dataset()
    ds.default_graph += graph  # type: ignore[attr-defined]
    return ds


def _nquads(graph: Graph, path: Path) -> None:
    """Write N-Quads, one graph per article when the graph is a store's dataset; lines sorted."""
    lines = _as_dataset(graph).serialize(format="nquads").splitlines()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{line}\n" for line in sorted(set(lines)) if line), encoding="utf-8")


def _jsonld(graph: Graph, path: Path) -> None:
    """Write JSON-LD compacted with a context of our prefixes (named graphs kept as @graph)."""
    from kg.rdf.namespaces import PREFIXES

    context = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(graph.serialize(format="json-ld", context=context, auto_compact=True),
                    encoding="utf-8")


# Formats that keep a store's named graphs (one per article); the others write their union.
NAMED_GRAPHS = {"trig", "nquads", "jsonld"}
# format name -> (writer, usual file suffix)
FORMATS: dict[str, tuple[Writer, str]] = {
    "turtle": (_rdflib("turtle"), ".ttl"),
    "nt": (_rdflib("nt"), ".nt"),
    "trig": (_rdflib("trig"), ".trig"),
    "nquads": (_nquads, ".nq"),
    "jsonld": (_jsonld, ".jsonld"),
    "graphml": (lambda graph, path: _network("write_graphml")(graph, path), ".graphml"),
    "gexf": (lambda graph, path: _network("write_gexf")(graph, path), ".gexf"),
}


def _network(name: str) -> Writer:
    """Return a network writer of kg.network.netexport (networkx projection for Gephi), loaded late."""
    from kg.network import netexport

    writer: Writer = getattr(netexport, name)
    return writer


def export(graph: Graph, fmt: str, path: Path) -> None:
    """Write the graph to `path` in the named format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(sorted(FORMATS))}")
    FORMATS[fmt][0](graph, path)
