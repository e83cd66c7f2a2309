"""A warm query worker of `kg serve`: `python -m kg.store.worker DATABASE` opens the database
read-only once and answers one query at a time, for as long as its stdin stays open.

A query comes as a line `KIND LIMIT SIZE` (KIND `tsv` for SELECT and ASK, `nt` for CONSTRUCT
and DESCRIBE) and SIZE bytes of UTF-8 SPARQL; the answer as a line `STATUS CUT SIZE` and SIZE
bytes: with status 200, the results as Oxigraph's command line writes them (TSV with its
header line, or N-Triples), at most LIMIT rows or triples, CUT 1 if more were left, which are
then not computed; otherwise the one-line reason (400: the query is not valid SPARQL). The
default graph is the union of the store's graphs. The worker has no deadline of its own:
kg.store.runner kills it when a query's time is up, and starts another.
"""

from __future__ import annotations

import sys
from typing import IO, Any


class Enough(Exception):
    """The results reached their limit: the serializer is stopped here."""


class Lines:
    """A binary output that keeps the first `limit` lines after `header` and stops the writer
    (raises Enough) on the first line beyond them."""

    def __init__(self, limit: int, header: int) -> None:
        self.kept, self.wanted, self.parts = 0, limit + header, list[bytes]()

    def write(self, data: bytes) -> int:
        """Keep what fits; raise Enough once a line beyond the limit has begun."""
        chunk = bytes(data)
        lines = chunk.count(b"\n")
        if self.kept + lines >= self.wanted:
            end = -1
            for _ in range(self.wanted - self.kept):
                end = chunk.index(b"\n", end + 1)
            self.parts.append(chunk[:end + 1])
            self.kept = self.wanted
            if end + 1 < len(chunk):
                raise Enough
            return len(data)
        self.parts.append(chunk)
        self.kept += lines
        return len(data)

    def flush(self) -> None:
        """Nothing to flush: the lines are kept in memory."""


def answer(store: Any, query: str, graph: bool, limit: int) -> tuple[bytes, bool]:
    """Run a query; return its results (TSV or N-Triples), cut to `limit`, and whether cut."""
    import pyoxigraph as ox

    results = store.query(query, use_default_graph_as_union=True)
    if graph != isinstance(results, ox.QueryTriples):
        raise ValueError("the query's form is not the one its text was read as")
    if isinstance(results, ox.QueryBoolean):
        return results.serialize(format=ox.QueryResultsFormat.TSV) or b"", False
    out = Lines(limit, header=0 if graph else 1)
    try:
        results.serialize(out, format=ox.RdfFormat.N_TRIPLES if graph
                          else ox.QueryResultsFormat.TSV)
        cut = False
    except Enough:
        cut = True
    return b"".join(out.parts), cut


def serve(store: Any, requests: IO[bytes], replies: IO[bytes]) -> None:
    """Answer queries until the requests end (kg serve has closed them or ended)."""
    while header := requests.readline():
        kind, limit, size = header.split()
        query = requests.read(int(size)).decode("utf-8", errors="replace")
        try:
            body, cut = answer(store, query, kind == b"nt", int(limit))
            status = b"200"
        except SyntaxError as err:  # pyoxigraph's parser: "error at 1:9: expected ..."
            status, body, cut = b"400", str(err).encode(), False
        except Exception as err:  # noqa: BLE001 (any other failure is said, and the worker goes on)
            status, body, cut = b"500", (str(err) or type(err).__name__).encode(), False
        replies.write(b"%s %d %d\n" % (status, cut, len(body)) + body)
        replies.flush()


def main(argv: list[str]) -> int:
    """Open the database read-only and answer queries from stdin on stdout."""
    import pyoxigraph as ox

    serve(ox.Store.read_only(argv[0]), sys.stdin.buffer, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
