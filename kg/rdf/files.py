"""Read and write graph files: Turtle and N-Triples out in a canonical order (written by
Oxigraph's serializer, tens of times faster than rdflib's), the other RDF syntaxes, any in; and
terms moved between rdflib and Oxigraph (pyoxigraph)."""

from __future__ import annotations

import glob
import io
import os
import select
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from itertools import groupby, islice
from pathlib import Path
from typing import IO, Any, AnyStr

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.errors import UserError, one_line
from kg.rdf.namespaces import KGR, PREFIXES

# The prefixes Turtle writes names with. Our own IRIs (kgr:) are paths ("person/budi"), which
# Turtle could only write as "kgr:person\/budi": they are written whole, as rdflib did.
TURTLE_PREFIXES = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items()) if ns != KGR}
TYPE = f"<{RDF.type}>"
_FIRST, _THEN = "\x01", "\x02"  # the marks of a sort key (see `_keys`)
RUN = 200_000  # N-Triples lines sorted in memory at a time (see `write_sorted_ntriples`)
CHUNK = 10_000  # lines written at a time
BLOCK = 1 << 20  # bytes of lines read from each sorted run at a time (see `merge_runs`)


def write_atomically(path: Path, text: str) -> None:
    """Write a file beside its place, then rename it there: a reader (or a failed write) never
    sees half a file, and the previous one stays until the new one is whole."""
    with atomic_file(path) as file:
        file.write(text.encode("utf-8"))


@contextmanager
def atomic_file(path: Path) -> Iterator[IO[bytes]]:
    """Open a file beside `path` to write in binary, and rename it there once written whole (see
    `write_atomically`): for outputs written a part at a time, never held whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with partial.open("wb") as file:
            yield file
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def write_rdf(graph: Graph, path: Path, syntax: str = "turtle") -> None:
    """Write the graph in an RDF syntax rdflib serialises."""
    write_atomically(path, graph.serialize(format=syntax))


def to_ox(term: Node) -> Any:
    """Turn an rdflib term into a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = ox.NamedNode(term.datatype) if term.datatype else None
        return ox.Literal(str(term), datatype=datatype)
    raise ValueError(f"cannot write the term {term!r}")


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


# Oxigraph keeps integers of these types as xsd:integer (same value, another datatype).
INTEGER_SUBTYPES = {XSD.nonNegativeInteger, XSD.positiveInteger, XSD.nonPositiveInteger,
                    XSD.negativeInteger, XSD.long, XSD.int, XSD.short, XSD.byte, XSD.unsignedLong,
                    XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte}


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def declared_integer_types() -> dict[Node, URIRef]:
    """Map each property the SHACL shapes give an integer subtype (nif:beginIndex) to that type."""
    from kg.rdf.validate import shapes

    graph = shapes()
    return {path: dt for node, path in graph.subject_objects(SH.path)
            for dt in graph.objects(node, SH.datatype) if isinstance(dt, URIRef) and dt in INTEGER_SUBTYPES}


class Terms:
    """Turn pyoxigraph terms into rdflib's (`from_ox`), each once: most recur (types,
    predicates, days). A triple read back gets the integer types the shapes declare, unless
    `declared` is false."""

    def __init__(self, declared: bool = True) -> None:
        self._known: dict[Any, Node] = {}
        self._declared = declared_integer_types() if declared else {}

    def term(self, t: Any) -> Node:
        """Return the rdflib term of a pyoxigraph term."""
        known = self._known.get(t)
        if known is None:
            known = self._known[t] = from_ox(t)
        return known

    def triple(self, q: Any) -> tuple[Node, Node, Node]:
        """Read a quad's (or a triple's) triple back into rdflib terms."""
        p, o = self.term(q.predicate), self.term(q.object)
        if p in self._declared and isinstance(o, Literal) and o.datatype == XSD.integer:
            o = Literal(str(o), datatype=self._declared[p])
        return self.term(q.subject), p, o


def from_ox(term: Any) -> Node:
    """Turn a pyoxigraph term into the rdflib term rdflib's own parsers make of it (a plain
    string has no datatype)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))
    raise ValueError(f"cannot read the term {term!r}")


def read_ntriples(data: bytes) -> Graph:
    """Read N-Triples into a graph, parsed by Oxigraph (rdflib's parser took minutes for a
    million triples) and loaded in bulk."""
    from kg.rdf.graph import new_graph

    terms = Terms(declared=False)
    return new_graph(dict.fromkeys(
        (terms.term(t.subject), terms.term(t.predicate), terms.term(t.object))  # type: ignore[misc]  # N-Triples' subjects and predicates are IRIs
        for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)))


def _keys(triples: Iterable[tuple[Node, Node, Node]]) -> list[str]:
    """Return triples as N-Triples lines, each as its sort key, sorted: the canonical order is by
    subject, its types first, then by predicate and object, each term spelt as Oxigraph spells
    it, so a subject's triples stay together (the lines are built here, where most terms recur,
    and parsed by Oxigraph).

    A key is the line with a mark after its subject's space: _FIRST before a type, _THEN before
    any other predicate. No term holds a space or is spelt as the start of another one followed
    by a space, so the keys sort as the (subject, type first, line) triples would, without a
    tuple for each line; and as their UTF-8 bytes do. The marks are control characters, which
    Oxigraph spells escaped in a term, so that a run of keys is made lines at once (`_lines`)."""
    spelt: dict[Node, str] = {}  # each term converted once: most recur
    known = spelt.get

    def spell(t: Node) -> str:
        found = spelt[t] = str(to_ox(t))
        return found

    keys = []
    for s, p, o in triples:  # a term is looked up here, and spelt by `spell` the first time
        predicate = known(p) or spell(p)
        keys.append(f"{known(s) or spell(s)} {_FIRST if predicate == TYPE else _THEN}{predicate} "
                    f"{known(o) or spell(o)} .\n")
    spelt.clear()  # the terms spelt are in the keys now
    keys.sort()
    return keys


def _line(key: AnyStr) -> AnyStr:
    """Return the N-Triples line of a sort key (text or UTF-8 bytes)."""
    cut = key.index(" " if isinstance(key, str) else b" ") + 1
    return key[:cut] + key[cut + 1:]


def _lines(keys: bytes) -> bytes:
    """Return the N-Triples lines of sort keys given as UTF-8 bytes, as many as they are (see
    `_line`): the marks are the only control characters in them."""
    return keys.replace(_FIRST.encode(), b"").replace(_THEN.encode(), b"")


def ntriples_lines(triples: Iterable[tuple[Node, Node, Node]]) -> list[str]:
    """Return triples as N-Triples lines in the canonical order (see `_keys`)."""
    return [_line(key) for key in _keys(triples)]


def _sorted_ntriples(graph: Graph) -> bytes:
    """Return the graph's triples as N-Triples in the canonical order (see `_keys`)."""
    return "".join(ntriples_lines(graph)).encode("utf-8")


def write_sorted_ntriples(triples: Iterable[Any], path: Path, run: int = RUN) -> None:
    """Write triples (of rdflib terms; some may come more than once) as an N-Triples file, each
    once and in the canonical order (see `_keys`), taking them as they come: a run of them at a
    time is spelt, sorted and written beside the file, and the runs are merged into it, so that
    no more than a run's lines are held at once."""
    given = iter(triples)
    _write_runs(iter(lambda: _keys(set(islice(given, run))), []), path)
    merge_key_runs(path)


def write_sorted_keys(keys: Iterable[list[str]], path: Path, run: int = RUN) -> None:
    """Write as `write_sorted_ntriples` does triples given as their sort keys (see `_keys`; some
    may come more than once), spelt already (`kg.rdf.lines`), in lists: a run is the lists that
    bring its keys to `run` or more."""
    write_key_runs(keys, path, run=run)
    merge_key_runs(path)


def write_key_runs(keys: Iterable[list[str]], path: Path, part: str = "", run: int = RUN
                   ) -> None:
    """Write the runs of sorted keys of `write_sorted_keys` beside `path`, named after it and
    `part`, for `merge_key_runs` to merge: processes that each spell a part of the keys write
    their runs side by side."""
    given = iter(keys)

    def sorted_run() -> list[str]:
        found: set[str] = set()
        for some in given:
            found.update(some)
            if len(found) >= run:
                break
        return sorted(found)

    _write_runs(iter(sorted_run, []), path, part)


def _write_runs(runs_of_keys: Iterator[list[str]], path: Path, part: str = "") -> None:
    """Write each run of sorted keys beside `path` (see `write_key_runs`), each let go before the
    next is made."""
    number = 0  # not enumerate's: its tuple would hold the last run while the next is made
    for keys in runs_of_keys:
        with path.with_name(f"{path.name}.run.{part}{number}").open("wb") as written:
            for start in range(0, len(keys), CHUNK):
                written.write("".join(keys[start:start + CHUNK]).encode("utf-8"))
        del keys
        number += 1


def merge_key_runs(path: Path) -> None:
    """Merge the runs of keys written beside `path` (`write_key_runs`), of every part, into it
    as N-Triples lines, a key found in several runs written once."""
    runs = sorted(path.parent.glob(f"{glob.escape(path.name)}.run.*"))
    merge_runs(runs, path, _lines)  # the keys sort as their UTF-8 bytes do


def typed_subjects(ntriples: Path, types: Iterable[Node]) -> int:
    """Count the subjects of an N-Triples file in the canonical order (see `_keys`: a subject's
    lines together) that have one of the given types, reading it a line at a time."""
    wanted = {f"{TYPE} {to_ox(t)} .\n".encode() for t in types}
    found, last = 0, b""
    with ntriples.open("rb") as file:
        for line in file:
            subject, _, rest = line.partition(b" ")
            if rest in wanted and subject != last:
                found, last = found + 1, subject
    return found


def merge_runs(runs: list[Path], path: Path, spell: Callable[[bytes], bytes] | None = None) -> None:
    """Merge files of sorted lines into one file, a line found in several runs written once (as
    `spell` writes a chunk of lines, if given), and delete the runs."""
    files = [r.open("rb") for r in runs]
    try:
        with path.open("wb") as out:
            for chunk in _merged(files):
                out.write(spell(chunk) if spell else chunk)
    finally:
        for file in files:
            file.close()
        for r in runs:
            r.unlink(missing_ok=True)


def _merged(files: Sequence[IO[bytes]]) -> Iterator[bytes]:
    """Yield the lines of files of sorted lines merged, each line once, some lines at a time:
    each file's lines are read a block at a time, and the lines of every block up to the least
    of the blocks' last lines are sorted together (the sort merges the sorted blocks in C, where
    a merge line by line in Python took most of the time)."""
    blocks: list[list[bytes]] = [[] for _ in files]  # lines read and not yet merged, per file
    last = None  # the last line given
    while True:
        for n, file in enumerate(files):
            if not blocks[n]:
                blocks[n] = file.readlines(BLOCK)
        read = [block for block in blocks if block]
        if not read:
            return
        bound = min(block[-1] for block in read)  # every line after it is read later, or left
        merged: list[bytes] = []
        for n, block in enumerate(blocks):
            cut = bisect_right(block, bound)
            merged += block[:cut]
            blocks[n] = block[cut:]
        lines = [line for line, _ in groupby(sorted(merged))]  # sorted, each once
        if lines[0] == last:  # given at the end of the lines before
            del lines[0]
        last = lines[-1]
        yield b"".join(lines)


def _sorted_triples(graph: Graph) -> Any:
    """Return the graph's triples, as Oxigraph reads them, in the canonical order."""
    return ox.parse(_sorted_ntriples(graph), format=ox.RdfFormat.N_TRIPLES)


def write_turtle(graph: Graph, path: Path) -> None:
    """Write the graph as Turtle; the same graph always gives the same bytes."""
    with atomic_file(path) as file:
        _turtle(_sorted_triples(graph), file)


def turtle_from_ntriples(ntriples: Path | IO[bytes], path: Path) -> None:
    """Write as Turtle a graph given in N-Triples in the canonical order (`ntriples_lines`), a
    file's path or the file opened, as `write_turtle` writes it: read and written a part at a
    time, never held whole."""
    with atomic_file(path) as file:
        _turtle(ox.parse(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES)
                if isinstance(ntriples, Path) else
                ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES), file)


class Growing:
    """A file that one process writes (`writing`) while processes forked from it read it as it
    grows (`reader`): a read waits for more until the writer says the file is whole, so that
    what reads it a part at a time can start as its first part is written."""

    WAIT = 0.02  # seconds a reader waits for more before it looks again

    def __init__(self, path: Path) -> None:
        self.path = path
        path.touch()
        self._whole, self._told = os.pipe()  # the writer tells its readers, once done

    def __enter__(self) -> Growing:
        return self

    def __exit__(self, *exc: object) -> None:
        self._close_told()
        os.close(self._whole)

    @contextmanager
    def writing(self) -> Iterator[Path]:
        """Write the file within (by its path); then its readers are told that it is whole, or,
        on an error, that it never will be."""
        try:
            yield self.path
            os.write(self._told, b"1")
        finally:
            self._close_told()

    def reader(self) -> IO[bytes]:
        """Open the file to read as it is written (where it is not written: a reader in this
        process waits for nothing once the file is written)."""
        self._close_told()
        return io.BufferedReader(_GrowingReader(self.path.open("rb"), self._whole))

    def _close_told(self) -> None:
        """Close this process's end of the writer's word."""
        if self._told >= 0:
            os.close(self._told)
            self._told = -1


class _GrowingReader(io.RawIOBase):
    """The bytes of a file that another process writes (see `Growing`), read as they come."""

    def __init__(self, file: io.BufferedReader, whole: int) -> None:
        self._file, self._whole, self._ended = file, whole, False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        """Read what is written and not read yet, waiting for some until the file is whole."""
        while not (read := self._file.readinto(buffer)) and not self._ended:
            if select.select([self._whole], [], [], Growing.WAIT)[0]:
                if os.read(self._whole, 1) != b"1":
                    raise OSError(f"{self._file.name} was not written whole")
                self._ended = True
        return read

    def close(self) -> None:
        self._file.close()
        super().close()


def _turtle(triples: Any, file: IO[bytes]) -> None:
    """Write Oxigraph's triples to a file as Turtle, our prefixes first in their order."""
    with _PrefixesSorted(file) as sorted_file:
        ox.serialize(triples, sorted_file, format=ox.RdfFormat.TURTLE,  # type: ignore[arg-type]  # a writer is all it needs
                     prefixes=TURTLE_PREFIXES)


class _PrefixesSorted:
    """A binary writer that passes Turtle on to a file, the prefixes it starts with sorted and an
    empty line after them (the serializer writes its prefixes in an order of its own)."""

    def __init__(self, file: IO[bytes]) -> None:
        self._file = file
        self._head: bytearray | None = bytearray()  # the start, until the prefixes are all read

    def __enter__(self) -> _PrefixesSorted:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self._release()

    def write(self, data: bytes) -> int:
        """Write bytes, holding back the start until past the prefixes."""
        if self._head is None:
            self._file.write(data)
        else:
            self._head += data
            if b"\n" in self._head and not self._head.split(b"\n")[-2].startswith(b"@prefix "):
                self._release()
        return len(data)

    def flush(self) -> None:
        """Flush what is past the prefixes (the serializer flushes when done)."""
        if self._head is None:
            self._file.flush()

    def _release(self) -> None:
        """Write the prefixes sorted, an empty line, then the rest of the start."""
        head, self._head = self._head, None
        if head is None:
            return
        lines = bytes(head).split(b"\n")
        prefixes = [line for line in lines[:-1] if line.startswith(b"@prefix ")]
        rest = b"\n".join(lines[len(prefixes):])
        self._file.write(b"".join(line + b"\n" for line in sorted(prefixes)) + b"\n" + rest)


def write_ntriples(graph: Graph, path: Path) -> None:
    """Write the graph as N-Triples, one triple a line in a canonical order."""
    write_atomically(path, ox.serialize(_sorted_triples(graph),  # type: ignore[union-attr]  # pyoxigraph.serialize returns bytes when given no output
                                        format=ox.RdfFormat.N_TRIPLES).decode("utf-8"))


def _as_dataset(graph: Graph) -> Dataset:
    """Return the graph as a dataset: itself if it has named graphs, else its default graph."""
    if isinstance(graph, Dataset):
        return graph
    ds = Dataset()
    ds.default_graph += graph
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
