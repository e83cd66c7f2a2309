"""Run SPARQL over a graph or a store: text, a .rq file, or a named question from kg/queries.

Over a store the answer goes straight from Oxigraph to the writer, and nothing here imports
rdflib: `kg query --store` starts in a fraction of the time a graph file needs. Over a graph
file, rdflib runs the query on the graph with its name-token key (kg.rdf.tokens).
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import UserError, one_line
from kg.rdf.prefixes import IRIS as PREFIXES
from kg.spill import collector_held
from kg.store.questions import LISTING as LISTING
from kg.store.questions import PAIRS as PAIRS
from kg.store.questions import as_named as as_named
from kg.store.questions import listing, named, pairs_form

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.query import Result


@dataclass
class Answer:
    """A query's answer as text: a SELECT's columns and rows, an ASK's truth or a graph."""

    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    truth: bool | None = None  # an ASK's answer
    turtle: str | None = None  # a CONSTRUCT's or DESCRIBE's graph


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


def _invalid(err: BaseException) -> UserError:
    """Say that a query does not parse."""
    return UserError(f"the query is not valid SPARQL: {one_line(err)}")


def run(graph: Graph, sparql: str) -> Result:
    """Run a query on an rdflib graph with our prefixes declared; a query that does not parse is
    the user's error."""
    from pyparsing import ParseException

    try:
        return graph.query(sparql, initNs=PREFIXES)
    except (ParseException, SyntaxError) as err:  # rdflib's parser
        raise _invalid(err) from err


def run_store(folder: Path, sparql: str) -> Answer:
    """Run a query on a store (the union of its graphs), its answer read straight from Oxigraph.

    A named question asked without parameters is answered by its listing form (`listing`), or
    from the side of its pairs (`pairs_form`). A final ORDER BY of projected variables is done
    here, on each value read once (`Table`): Oxigraph's sort reads both values from the
    database at every comparison, seconds for tens of thousands of rows.
    """
    from kg.store.database import open_store

    return ask_store(open_store(folder, read_only=True), sparql)


def ask_store(store: Any, sparql: str) -> Answer:
    """Run a query on an open store as `run_store` does (kg serve's workers call it too)."""
    found = solutions(store, sparql, text=True)
    if isinstance(found, Answer):
        return found
    with collector_held():
        return Answer(found.columns, found.text())


def solutions(store: Any, sparql: str, text: bool = False) -> Table | Answer:
    """Run a query on an open store: a SELECT's rows as a `Table`, in the order its question
    asks for (its listing or pairs form run in its place when it has one); an ASK's or a
    CONSTRUCT's answer as an `Answer`. With `text`, the pairs a question is answered from are
    made text at once (`Table.paired`)."""
    from kg.store.database import pyoxigraph

    ox = pyoxigraph()
    side = pairs_form(sparql)
    if side != sparql:
        sides = Table.read(store.query(side, prefixes=PREFIXES, use_default_graph_as_union=True))
        return sides.paired(sparql, text)
    sparql = listing(sparql)
    body, keys = split_order(sparql)
    try:
        result = store.query(body, prefixes=PREFIXES, use_default_graph_as_union=True)
        if keys and isinstance(result, ox.QuerySolutions) and not {
                v for v, _ in keys} <= {v.value for v in result.variables}:
            keys, result = [], store.query(sparql, prefixes=PREFIXES,
                                           use_default_graph_as_union=True)
    except SyntaxError as err:  # Oxigraph's parser
        raise _invalid(err) from err
    if isinstance(result, ox.QueryBoolean):
        return Answer(truth=bool(result))
    if isinstance(result, ox.QueryTriples):
        turtle = ox.serialize(result, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        return Answer(turtle=turtle.decode("utf-8"))
    found = Table.read(result)
    with collector_held():
        found.order([(found.columns.index(v), desc) for v, desc in keys])
    return found


class Table:
    """A SELECT's rows as Oxigraph writes them in TSV, a cell a term (N-Triples syntax; empty
    when unbound): Oxigraph writes them all at once, each distinct cell is read as a term
    once (`terms`), and rows are ordered and made text through them. Reading the solutions
    term by term instead makes a Python object of every value of every row."""

    def __init__(self, columns: list[str], rows: list[list[str]], terms: dict[str, Any],
                 written: bool = False) -> None:
        self.columns, self.rows, self.terms = columns, rows, terms
        self.written = written  # the rows are text already (`paired`)

    @classmethod
    def read(cls, result: Any) -> Table:
        """Read a SELECT's solutions (pyoxigraph's QuerySolutions) whole."""
        from kg.store.database import pyoxigraph

        ox = pyoxigraph()
        columns = [v.value for v in result.variables]
        data = result.serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8")
        lines = data.split("\n")[1:-1]  # a header line, and a line break after each row
        if not columns:  # no variable: a row is an empty line
            return cls(columns, [[] for _ in lines], {})
        with collector_held():
            rows = [line.split("\t") for line in lines]  # TSV escapes tabs and line breaks
            return cls(columns, rows, parse_cells(set(chain.from_iterable(rows))))

    def paired(self, question: str, text: bool) -> Table:
        """Answer a question kg pairs itself (kg.store.pairs) from these rows, the side of its
        pairs: the pairs' cells, or with `text` their text."""
        from kg.store import pairs

        rank = self.ranks({row[-1] for row in self.rows}).__getitem__  # the names' places
        with collector_held():
            if text:
                value = {c: "" if t is None else t.value for c, t in self.terms.items()}
                return Table(pairs.columns(question),
                             pairs.pair_rows(self.rows, rank, value.__getitem__), {}, True)
            cells = pairs.pair_rows(self.rows, rank, str)
        counts = parse_cells({row[2] for row in cells})  # a few numbers: the pairs' counts
        return Table(pairs.columns(question), cells, {**self.terms, **counts})

    def ranks(self, cells: Iterable[str]) -> dict[str, int]:
        """Number cells by their terms' places as SPARQL orders them, from 0 (equal terms, as 1
        and 1.0, in the same place)."""
        keyed = sorted((self.key(cell), cell) for cell in cells)
        ranks, place, last = {}, -1, None
        for key, cell in keyed:
            if key != last:
                place, last = place + 1, key
            ranks[cell] = place
        return ranks

    def key(self, cell: str) -> tuple[Any, ...]:
        """A cell's `order_key`, told without asking its term for more than its value when
        the cell is an IRI or a plain string (most cells)."""
        term = self.terms[cell]
        if cell[:1] == "<" and cell[:2] != "<<":  # an IRI, not a triple term
            return (2, term.value)
        if cell[:1] == '"' and cell[-1:] == '"':
            return (3, 2, term.value, _STRING, "")
        return order_key(term)

    def order(self, keys: list[tuple[int, bool]]) -> None:
        """Sort the rows by the columns of `keys` (each with whether it descends), rows tied in
        all of them kept in the engine's order: by one number a row, its key columns' places
        (`ranks`) in one mixed radix."""
        if not keys:
            return
        rows = self.rows
        ranks = self.ranks({row[c] for c, _ in keys for row in rows})
        size = len(ranks)
        score = {c: size - 1 - r for c, r in ranks.items()}  # a descending column's places
        number = [0] * len(rows)
        for column, desc in keys:
            place = (score if desc else ranks).__getitem__
            number = [n * size + place(row[column]) for n, row in zip(number, rows, strict=True)]
        self.rows = [rows[i] for i in sorted(range(len(rows)), key=number.__getitem__)]

    def text(self) -> list[list[str]]:
        """The rows as text: each term's value (an IRI's, a literal's lexical form), unbound
        empty."""
        if self.written:
            return self.rows
        value = {cell: "" if term is None else term.value for cell, term in self.terms.items()}
        return [list(map(value.__getitem__, row)) for row in self.rows]

    def tsv(self, limit: int | None = None) -> bytes:
        """The rows (the first `limit`) in SPARQL's TSV results format, as Oxigraph writes it."""
        rows = self.rows if limit is None else self.rows[:limit]
        header = "\t".join(f"?{c}" for c in self.columns)
        return "".join([header, "\n", *("\t".join(row) + "\n" for row in rows)]).encode("utf-8")


def parse_cells(cells: Iterable[str]) -> dict[str, Any]:
    """Read TSV cells as terms (None for an empty cell, an unbound value), each once."""
    from kg.store.database import pyoxigraph

    ox = pyoxigraph()
    cells = [c for c in cells if c]
    document = "".join(["?v\n", *(f"{c}\n" for c in cells)]).encode("utf-8")
    terms: dict[str, Any] = dict(zip(cells, (s[0] for s in ox.parse_query_results(
        document, format=ox.QueryResultsFormat.TSV)), strict=True))
    terms[""] = None
    return terms


# A final ORDER BY of variables alone, ascending or descending, with nothing after it but
# comments: it sorts the whole answer (a subquery's ORDER BY is followed by its closing brace).
_ORDER_KEY = r"(?:(?:ASC|DESC)\s*\(\s*\?\w+\s*\)|\?\w+)"
_FINAL_ORDER = re.compile(rf"\bORDER\s+BY((?:\s+{_ORDER_KEY})+)\s*(?:#[^\n]*\s*)*\Z",
                          re.IGNORECASE)
_KEY = re.compile(r"(ASC|DESC)?\s*\(?\s*\?(\w+)", re.IGNORECASE)


def split_order(sparql: str) -> tuple[str, list[tuple[str, bool]]]:
    """Split a query's final ORDER BY of variables from it: the query without it and its keys,
    (variable, descending) each; a query ordered otherwise (or not at all) is left whole."""
    found = _FINAL_ORDER.search(sparql)
    if not found or re.search(r"\b(LIMIT|OFFSET)\b", sparql[found.start():], re.IGNORECASE):
        return sparql, []
    keys = [(name, (way or "").upper() == "DESC") for way, name in _KEY.findall(found.group(1))]
    return sparql[:found.start()], keys


_NUMBERS = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in (
    "integer", "decimal", "float", "double", "int", "long", "short", "byte", "nonNegativeInteger",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte")}
_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def order_key(term: Any) -> tuple[Any, ...]:
    """Rank a term as SPARQL's ORDER BY does: unbound, blank nodes, IRIs, then literals; strings
    by their characters, then by their datatype's IRI and language (as Oxigraph compares them:
    "x"@lang before "x"), numbers by value, other literals (dates among them) by their lexical
    form within their datatype."""
    if term is None:
        return (0,)
    kind = type(term).__name__
    if kind == "BlankNode":
        return (1, term.value)
    if kind == "NamedNode":
        return (2, term.value)
    datatype = term.datatype.value
    if datatype in _NUMBERS:
        try:
            number = Decimal(term.value.strip())
        except InvalidOperation:  # an ill-typed value: after the numbers
            return (3, 1, datatype, term.value)
        if not number.is_nan():  # NaN compares with nothing: after the numbers too
            return (3, 0, "", number)
        return (3, 1, datatype, term.value)
    if datatype in (_STRING, _LANG_STRING):  # by characters, then "x"@lang before "x"
        return (3, 2, term.value, datatype, term.language or "")
    return (3, 3, datatype, term.value)


def answer(result: Result) -> Answer:
    """Read an rdflib query result as text."""
    if result.type == "ASK":
        return Answer(truth=bool(result.askAnswer))
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        return Answer(turtle=result.graph.serialize(format="turtle"))  # type: ignore[union-attr]  # a CONSTRUCT's result has its graph
    return Answer(*rows(result))


def rows(result: Result) -> tuple[list[str], list[list[str]]]:
    """Return an rdflib SELECT result's column names and rows as text."""
    columns = [str(v) for v in result.vars or []]
    return columns, [["" if v is None else str(v) for v in row] for row in result]  # type: ignore[union-attr]  # a SELECT's rows are ResultRows


def render(result: Answer | Result, fmt: str) -> str:
    """Render an answer (or an rdflib result) as a text table, CSV or JSON; ASK and CONSTRUCT
    in their own forms."""
    found: Any = result if isinstance(result, Answer) else answer(result)
    if found.truth is not None:
        return "true" if found.truth else "false"
    if found.turtle is not None:
        return found.turtle
    columns, data = found.columns, found.rows
    if fmt == "json":
        return json.dumps([dict(zip(columns, r, strict=True)) for r in data], ensure_ascii=False, indent=2)
    if fmt == "csv":
        return write_csv([columns, *data])
    widths = [max([len(c), *(len(r[i]) for r in data)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in data]
    return "\n".join(lines)


def write_csv(rows: list[list[str]]) -> str:
    """Write rows as CSV, as Python's csv writer does: when no field holds a comma, a quote or a
    line break (the count of each in the rows joined as they are tells), and rows have more
    than one field (a lone empty field is quoted), the rows joined as they are: 0.2 s for 476 816
    rows, where the writer takes 0.7 s."""
    if not rows:
        return ""
    joined = "\n".join(map(",".join, rows))
    width = len(rows[0])
    if width > 1 and len(set(map(len, rows))) == 1 and '"' not in joined and \
            "\r" not in joined and joined.count(",") == len(rows) * (width - 1) and \
            joined.count("\n") == len(rows) - 1:
        return joined
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().rstrip("\n")
