"""Read and write graphs: Turtle out in a canonical order, any RDF syntax in."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.errors import UserError, one_line


def write_turtle(graph: Graph, path: Path) -> None:
    """Write the graph as Turtle; the same graph always gives the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(graph.serialize(format="turtle"), encoding="utf-8")


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
