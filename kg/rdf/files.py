"""Read and write graph files: Turtle and N-Triples out in a canonical order (written by
Oxigraph's serializer, tens of times faster than rdflib's), the other RDF syntaxes, any in; and
terms moved between rdflib and Oxigraph (pyoxigraph)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.errors import UserError, one_line
from kg.rdf.namespaces import KGR, PREFIXES

# The prefixes Turtle writes names with. Our own IRIs (kgr:) are paths ("person/budi"), which
# Turtle could only write as "kgr:person\/budi": they are written whole, as rdflib did.
TURTLE_PREFIXES = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items()) if ns != KGR}


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


def from_ox(term: Any) -> Node:
    """Turn a pyoxigraph term into an rdflib term (xsd:string literals become plain ones)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))


# Oxigraph keeps integers of these types as xsd:integer (same value, another datatype).
INTEGER_SUBTYPES = {XSD.nonNegativeInteger, XSD.positiveInteger, XSD.nonPositiveInteger,
                    XSD.negativeInteger, XSD.long, XSD.int, XSD.short, XSD.byte, XSD.unsignedLong,
                    XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte}


@lru_cache(maxsize=1)
def declared_integer_types() -> dict[Node, URIRef]:
    """Map each property the SHACL shapes give an integer subtype (nif:beginIndex) to that type."""
    from kg.rdf.validate import shapes

    graph = shapes()
    return {path: dt for node, path in graph.subject_objects(SH.path)
            for dt in graph.objects(node, SH.datatype) if isinstance(dt, URIRef) and dt in INTEGER_SUBTYPES}


def rdflib_triple(q: Any) -> tuple[Node, Node, Node]:
    """Read a quad's triple back into rdflib terms, with the integer types the shapes declare."""
    s, p, o = from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)
    declared = declared_integer_types()
    if p in declared and isinstance(o, Literal) and o.datatype == XSD.integer:
        o = Literal(str(o), datatype=declared[p])
    return s, p, o


def _sorted_triples(graph: Graph) -> list[ox.Triple]:
    """Return the graph's triples in a canonical order: by subject, its types first, then by
    predicate and object (as N-Triples spell them), so a subject's triples stay together."""
    terms: dict[Node, tuple[str, Any]] = {}  # each term converted once: most recur

    def term(t: Node) -> tuple[str, Any]:
        found = terms.get(t)
        if found is None:
            converted = to_ox(t)
            found = terms[t] = (str(converted), converted)
        return found

    rows = []
    for s, p, o in graph:
        (sk, sx), (pk, px), (ok, ox_) = term(s), term(p), term(o)
        rows.append(((sk, p != RDF.type, pk, ok), sx, px, ox_))
    rows.sort(key=lambda row: row[0])
    return [ox.Triple(s, p, o) for _, s, p, o in rows]


def memory_store(graph: Graph) -> ox.Store:
    """Load a graph into an Oxigraph store in memory, to read parts of it by its indexes."""
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in _sorted_triples(graph))
    return store


def write_turtle(graph: Graph, path: Path) -> None:
    """Write the graph as Turtle; the same graph always gives the same bytes."""
    text = ox.serialize(_sorted_triples(graph), format=ox.RdfFormat.TURTLE,  # type: ignore[union-attr]  # pyoxigraph.serialize returns bytes when given no output
                        prefixes=TURTLE_PREFIXES).decode("utf-8")
    lines = text.split("\n")
    header = [line for line in lines if line.startswith("@prefix ")]
    body = lines[len(header):]  # the serializer writes its prefixes first, in an order of its own
    write_atomically(path, "\n".join([*sorted(header), "", *body]))


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
