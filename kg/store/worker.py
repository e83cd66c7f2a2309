"""A warm query worker of `kg serve`: `python -m kg.store.worker DATABASE` opens the database
read-only once and answers one query at a time, for as long as its stdin stays open.

A query comes as a line `KIND LIMIT SIZE` (KIND `tsv` for SELECT and ASK, `nt` for CONSTRUCT
and DESCRIBE) and SIZE bytes of UTF-8 SPARQL. The results are streamed back as they are
written, in the formats of Oxigraph's command line (TSV with its header line, or N-Triples),
in pieces `data SIZE` and SIZE bytes, at most LIMIT rows or triples: the serializer is stopped
on the first one beyond them, so the rest is not computed. The answer ends with `done STATUS
CUT SIZE` and SIZE bytes: status 200 (CUT 1 if results were left) and nothing, or the one-line
reason the query failed (400: it is not valid SPARQL), the pieces before it then void. The
default graph is the union of the store's graphs. The worker has no deadline of its own:
kg.store.runner kills it when a query's time is up, and starts another.
"""

from __future__ import annotations

import sys
from typing import IO, Any

from kg.store.questions import as_named

PIECE = 1 << 20  # a named question's answer is sent in pieces of a megabyte


class Enough(Exception):
    """The results reached their limit: the serializer is stopped here."""


class Lines:
    """A binary output that sends the first `limit` lines after `header` on, and stops the
    writer (raises Enough) on the first line beyond them."""

    def __init__(self, limit: int, header: int, replies: IO[bytes]) -> None:
        self.sent, self.wanted, self.replies = 0, limit + header, replies

    def write(self, data: bytes) -> int:
        """Send what fits; raise Enough once a line beyond the limit has begun."""
        chunk = bytes(data)
        lines = chunk.count(b"\n")
        if self.sent + lines < self.wanted:
            self.send(chunk)
            self.sent += lines
            return len(data)
        end = -1
        for _ in range(self.wanted - self.sent):
            end = chunk.index(b"\n", end + 1)
        self.send(chunk[:end + 1])
        self.sent = self.wanted
        if end + 1 < len(chunk):
            raise Enough
        return len(data)

    def send(self, chunk: bytes) -> None:
        """Send a piece of the results."""
        if chunk:
            self.replies.write(b"data %d\n" % len(chunk) + chunk)

    def flush(self) -> None:
        """Nothing to flush: each piece is sent whole."""


def answer(store: Any, query: str, graph: bool, limit: int, replies: IO[bytes]) -> bool:
    """Run a query; send its results (TSV or N-Triples), cut to `limit`; say whether cut. A
    named question asked without parameters is answered as `kg query --store` answers it
    (`named`)."""
    import pyoxigraph as ox

    if not graph and (question := as_named(query)) is not None:
        return named(store, question, limit, replies)
    results = store.query(query, use_default_graph_as_union=True)
    if graph != isinstance(results, ox.QueryTriples):
        raise ValueError("the query's form is not the one its text was read as")
    out = Lines(limit, 0 if graph else 1, replies)
    if isinstance(results, ox.QueryBoolean):
        out.send(results.serialize(format=ox.QueryResultsFormat.TSV) or b"")
        return False
    try:
        results.serialize(out, format=ox.RdfFormat.N_TRIPLES if graph
                          else ox.QueryResultsFormat.TSV)
    except Enough:
        return True
    return False


def named(store: Any, question: str, limit: int, replies: IO[bytes]) -> bool:
    """Answer a named question asked without parameters by its listing or pairs form, ordered
    by kg (kg.store.query.solutions): its TSV, cut to `limit`, sent in pieces; say whether cut."""
    from kg.store.query import Table, solutions

    found = solutions(store, question)
    if not isinstance(found, Table):
        raise ValueError("a named question selects")
    data = found.tsv(limit)
    for start in range(0, len(data), PIECE):
        replies.write(b"data %d\n" % len(data[start:start + PIECE]) + data[start:start + PIECE])
    return len(found.rows) > limit


def serve(store: Any, requests: IO[bytes], replies: IO[bytes]) -> None:
    """Answer queries until the requests end (kg serve has closed them or ended)."""
    while header := requests.readline():
        kind, limit, size = header.split()
        query = requests.read(int(size)).decode("utf-8", errors="replace")
        reason = b""
        try:
            cut = answer(store, query, kind == b"nt", int(limit), replies)
            status = b"200"
        except SyntaxError as err:  # pyoxigraph's parser: "error at 1:9: expected ..."
            status, reason, cut = b"400", str(err).encode(), False
        except Exception as err:  # noqa: BLE001 (any other failure is said, and the worker goes on)
            status, reason, cut = b"500", (str(err) or type(err).__name__).encode(), False
        replies.write(b"done %s %d %d\n" % (status, cut, len(reason)) + reason)
        replies.flush()


def main(argv: list[str]) -> int:
    """Open the database read-only and answer queries from stdin on stdout."""
    import pyoxigraph as ox

    serve(ox.Store.read_only(argv[0]), sys.stdin.buffer, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
