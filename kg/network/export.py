"""Write a graph in other formats for other tools: a registry of writers by format name.

The writers are loaded when they write, so that the command line lists the formats without
importing rdflib or networkx.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rdflib import Graph

Writer = Callable[["Graph", Path], None]

# Formats that keep a store's named graphs (one per article); the others write their union.
NAMED_GRAPHS = {"trig", "nquads", "jsonld"}
# format name -> (writer, usual file suffix)
def _rdf(name: str, **options: Any) -> Writer:
    """Return a writer of kg.rdf.files (rdflib), loaded when it writes."""
    def write(graph: Graph, path: Path) -> None:
        from kg.rdf import files

        getattr(files, name)(graph, path, **options)
    return write


def _network(name: str) -> Writer:
    """Return a network writer of kg.network.netexport (networkx projection for Gephi), loaded
    when it writes."""
    def write(graph: Graph, path: Path) -> None:
        from kg.network import netexport

        getattr(netexport, name)(graph, path)
    return write


FORMATS: dict[str, tuple[Writer, str]] = {
    "turtle": (_rdf("write_turtle"), ".ttl"),
    "nt": (_rdf("write_ntriples"), ".nt"),
    "trig": (_rdf("write_rdf", syntax="trig"), ".trig"),
    "nquads": (_rdf("write_nquads"), ".nq"),
    "jsonld": (_rdf("write_jsonld"), ".jsonld"),
    "graphml": (_network("write_graphml"), ".graphml"),
    "gexf": (_network("write_gexf"), ".gexf"),
}


def export(graph: Graph, fmt: str, path: Path) -> None:
    """Write the graph to `path` in the named format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(sorted(FORMATS))}")
    FORMATS[fmt][0](graph, path)
