"""Write a graph in other formats for other tools: a registry of writers by format name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from rdflib import Graph

from kg.rdf.files import write_jsonld, write_nquads, write_ntriples, write_rdf, write_turtle

Writer = Callable[[Graph, Path], None]

# Formats that keep a store's named graphs (one per article); the others write their union.
NAMED_GRAPHS = {"trig", "nquads", "jsonld"}
# format name -> (writer, usual file suffix)
FORMATS: dict[str, tuple[Writer, str]] = {
    "turtle": (write_turtle, ".ttl"),
    "nt": (write_ntriples, ".nt"),
    "trig": (partial(write_rdf, syntax="trig"), ".trig"),
    "nquads": (write_nquads, ".nq"),
    "jsonld": (write_jsonld, ".jsonld"),
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
