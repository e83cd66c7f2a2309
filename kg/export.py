"""Write a graph in other formats for other tools: a registry of writers by format name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

Writer = Callable[[Graph, Path], None]


def _rdflib(syntax: str) -> Writer:
    """Make a writer for an RDF syntax rdflib serialises."""
    def write(graph: Graph, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(graph.serialize(format=syntax), encoding="utf-8")
    return write


# format name -> (writer, usual file suffix)
FORMATS: dict[str, tuple[Writer, str]] = {
    "turtle": (_rdflib("turtle"), ".ttl"),
    "nt": (_rdflib("nt"), ".nt"),
}


def export(graph: Graph, fmt: str, path: Path) -> None:
    """Write the graph to `path` in the named format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(sorted(FORMATS))}")
    FORMATS[fmt][0](graph, path)
