"""Run SPARQL over a graph: text, a .rq file, or a named question from kg/queries."""

from __future__ import annotations

import csv
import io
import json
from importlib.resources import files
from pathlib import Path

from rdflib import Graph
from rdflib.query import Result

from kg.rdf.namespaces import PREFIXES


def named() -> dict[str, str]:
    """Return the named questions, by name."""
    folder = files("kg.queries")
    return {p.name[:-3]: p.read_text("utf-8") for p in folder.iterdir() if p.name.endswith(".rq")}


def resolve(text_or_name: str) -> str:
    """Turn a named question, a file path or SPARQL text into SPARQL text."""
    if text_or_name in named():
        return named()[text_or_name]
    path = Path(text_or_name)
    if path.suffix in {".rq", ".sparql"} and path.is_file():
        return path.read_text(encoding="utf-8")
    return text_or_name


def run(graph: Graph, sparql: str) -> Result:
    """Run a query with our prefixes declared."""
    return graph.query(sparql, initNs=PREFIXES)


def rows(result: Result) -> tuple[list[str], list[list[str]]]:
    """Return a SELECT result's column names and rows as text."""
    columns = [str(v) for v in result.vars or []]
    return columns, [["" if v is None else str(v) for v in row] for row in result]


def render(result: Result, fmt: str) -> str:
    """Render a SELECT result as a text table, CSV or JSON; ASK and CONSTRUCT in their own forms."""
    if result.type == "ASK":
        return "true" if result.askAnswer else "false"
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        return result.graph.serialize(format="turtle")
    columns, data = rows(result)
    if fmt == "json":
        return json.dumps([dict(zip(columns, r)) for r in data], ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([columns, *data])
        return out.getvalue().rstrip("\n")
    widths = [max([len(c), *(len(r[i]) for r in data)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in data]
    return "\n".join(lines)
