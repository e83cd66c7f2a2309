"""Run SPARQL over a graph: text, a .rq file, or a named question from kg/queries."""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from importlib.resources import files
from pathlib import Path

from pyparsing import ParseException
from rdflib import Graph
from rdflib.query import Result

from kg.errors import UserError, one_line
from kg.rdf.namespaces import PREFIXES


def named() -> dict[str, str]:
    """Return the named questions, by name."""
    folder = files("kg.queries")
    return {p.name[:-3]: p.read_text("utf-8") for p in folder.iterdir() if p.name.endswith(".rq")}


def resolve(text_or_name: str) -> str:
    """Turn a named question, a file path or SPARQL text into SPARQL text."""
    questions = named()
    if text_or_name in questions:
        return questions[text_or_name]
    path = Path(text_or_name)
    if path.suffix in {".rq", ".sparql"}:
        if not path.is_file():
            raise UserError(f"no such query file: {path}")
        return path.read_text(encoding="utf-8")
    if re.fullmatch(r"[\w-]+", text_or_name):  # one bare word is no SPARQL: a mistyped name
        close = difflib.get_close_matches(text_or_name, questions, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise UserError(f"no named question {text_or_name!r}: {hint}kg query --list lists them")
    return text_or_name


def run(graph: Graph, sparql: str) -> Result:
    """Run a query with our prefixes declared; a query that does not parse is the user's error."""
    try:
        return graph.query(sparql, initNs=PREFIXES)
    except (ParseException, SyntaxError) as err:  # rdflib's parser; Oxigraph's, for a store
        raise UserError(f"the query is not valid SPARQL: {one_line(err)}") from err


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
