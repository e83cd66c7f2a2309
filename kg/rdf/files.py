"""Read and write graph files: Turtle out in a canonical order, the other RDF syntaxes, any in."""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import UserError, one_line


def write_atomically(path: Path, text: str) -> None:
    """Write a file beside its place, then rename it there: a reader (or a failed write) never
    sees half a file, and the previous one stays until the new one is whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def write_rdf(graph: Graph, path: Path, syntax: str = "turtle") -> None:
    """Write the graph in an RDF syntax rdflib serialises."""
    write_atomically(path, graph.serialize(format=syntax))


def write_turtle(graph: Graph, path: Path) -> None:
    """Write the graph as Turtle; the same graph always gives the same bytes."""
    write_rdf(graph, path, "turtle")


def _as_dataset(graph: Graph) -> Dataset:
    """Return the graph as a dataset: itself if it has named graphs, else its default graph."""
    if isinstance(graph, Dataset):
        return graph
    ds = Dataset()
    ds.default_graph += graph  # type: ignore[attr-defined]
    return ds


def write_nquads(graph: Graph, path: Path) -> None:
    """Write N-Quads, one graph per article when the graph is a store's dataset; lines sorted."""
    lines = _as_dataset(graph).serialize(format="nquads").splitlines()
    write_atomically(path, "".join(f"{line}\n" for line in sorted(set(lines)) if line))


def write_jsonld(graph: Graph, path: Path) -> None:
    """Write JSON-LD compacted with a context of our prefixes (named graphs kept as @graph)."""
    from kg.rdf.namespaces import PREFIXES

    context = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
    write_atomically(path, graph.serialize(format="json-ld", context=context, auto_compact=True))


def read_graph(path: Path) -> Graph:
    """Read a graph from a file, its syntax guessed from the file name (Turtle by default)."""
    from rdflib.util import guess_format

    syntax = guess_format(str(path)) or "turtle"
    graph = Graph()
    try:
        graph.parse(path, format=syntax)
    except OSError:
        raise
    except Exception as err:  # each of rdflib's parsers fails with an error type of its own
        raise UserError(f"{path} is not a valid {syntax} file: {one_line(err)}") from err
    return graph
