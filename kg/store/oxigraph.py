"""The persistent store on disk: an Oxigraph database with one named graph per article and one
graph of merged entities, beside its book-keeping. pyoxigraph is imported only when used.

A store folder holds `oxigraph/` (the database), `index.sqlite` (see kg.store.index),
`build.lock` (held by the one build that writes) and, while `kg serve` runs on it,
`serving.pid`.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH, XSD
from rdflib.term import Node

from kg.errors import UserError, one_line
from kg.rdf.graph import new_graph
from kg.rdf.namespaces import PREFIXES
from kg.store.terms import from_ox

if TYPE_CHECKING:
    import pyoxigraph as ox

DATABASE = "oxigraph"
INDEX = "index.sqlite"
SERVING = "serving.pid"
LOCK = "build.lock"
MISSING = "the store needs pyoxigraph: pip install 'kg[store]'"


def load_pyoxigraph() -> Any:
    """Import pyoxigraph, or say how to install it."""
    try:
        import pyoxigraph
    except ImportError:
        raise OSError(MISSING) from None
    return pyoxigraph


def database(folder: Path) -> Path:
    """Return the Oxigraph database folder of a store."""
    return folder / DATABASE


def present(folder: Path) -> bool:
    """Say whether a store's database is there (RocksDB, under Oxigraph, keeps a CURRENT file)."""
    return (database(folder) / "CURRENT").is_file()


def write_lock(folder: Path) -> int:
    """Take the store's write lock, or say which build holds it; return the lock's file."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    for _ in range(5):  # a reader's check holds it for an instant
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            time.sleep(0.1)
    else:
        holder = os.read(fd, 20).decode(errors="replace").strip() or "?"
        os.close(fd)
        raise UserError(f"another kg build (process {holder}) is writing the store {folder}: "
                        "wait for it to end")
    os.ftruncate(fd, 0)
    os.write(fd, str(os.getpid()).encode())
    return fd


def writer(folder: Path) -> str | None:
    """Return the process id of a build writing the store now, or None."""
    try:
        fd = os.open(folder / LOCK, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)  # let go when closed, below
        return None
    except BlockingIOError:
        return os.read(fd, 20).decode(errors="replace").strip() or "?"
    finally:
        os.close(fd)


def open_store(folder: Path, read_only: bool = False) -> ox.Store:
    """Open a store's database: read-write (created if need be) or read-only (must exist)."""
    ox = load_pyoxigraph()
    path = database(folder)
    if read_only and not present(folder):
        missing = f"the store {folder} has no database ({path})" if folder.is_dir() \
            else f"no kg store in {folder}"
        raise UserError(f"{missing}: kg build --store {folder} makes it from the sources")
    if read_only and (pid := writer(folder)):  # Oxigraph's reads would then be undefined
        raise UserError(f"a kg build (process {pid}) is writing the store {folder}: read it "
                        "once the build ends")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError) as err:  # RocksDB's checks on open: "Corruption: ..."
        raise UserError(f"the store's database {path} is damaged or unreadable "
                        f"({one_line(err)}): remove it, and kg build --store {folder} rebuilds "
                        "it from the sources") from None


def graph_names(store: ox.Store) -> set[URIRef]:
    """Return the names of the store's named graphs."""
    return {URIRef(g.value) for g in store.named_graphs()}


# Oxigraph keeps integers of these types as xsd:integer (same value, another datatype).
INTEGER_SUBTYPES = {XSD.nonNegativeInteger, XSD.positiveInteger, XSD.nonPositiveInteger,
                    XSD.negativeInteger, XSD.long, XSD.int, XSD.short, XSD.byte, XSD.unsignedLong,
                    XSD.unsignedInt, XSD.unsignedShort, XSD.unsignedByte}


@lru_cache(maxsize=1)
def declared_integer_types() -> dict[Node, URIRef]:
    """Map each property the SHACL shapes give an integer subtype (nif:beginIndex) to that type."""
    from kg.rdf.validate import shapes

    graph = shapes()
    return {path: dt for node, path in graph.subject_objects(SH.path)  # type: ignore[misc]
            for dt in graph.objects(node, SH.datatype) if dt in INTEGER_SUBTYPES}


def rdflib_triple(q: Any) -> tuple[Node, Node, Node]:
    """Read a quad's triple back into rdflib terms, with the integer types the shapes declare."""
    s, p, o = from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)
    declared = declared_integer_types()
    if p in declared and isinstance(o, Literal) and o.datatype == XSD.integer:
        o = Literal(str(o), datatype=declared[p])
    return s, p, o


def union_graph(store: ox.Store) -> Graph:
    """Read every named graph of the store into one rdflib graph (their union)."""
    g = new_graph()
    for q in store.quads_for_pattern(None, None, None, None):
        g.add(rdflib_triple(q))
    return g


def dataset(store: ox.Store) -> Dataset:
    """Read the store into an rdflib dataset, one named graph per article plus the entities."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True)
    graphs: dict[str, Graph] = {}
    for q in store.quads_for_pattern(None, None, None, None):
        name = q.graph_name.value
        if name not in graphs:
            graphs[name] = ds.graph(URIRef(name))
        graphs[name].add(rdflib_triple(q))
    return ds


def serving(folder: Path) -> int | None:
    """Return the process id of a `kg serve` running on the store, or None."""
    try:
        pid = int((folder / SERVING).read_text(encoding="utf-8").strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def rdflib_view(folder: Path) -> Dataset:
    """Open a store read-only as an rdflib dataset whose default graph is the union of all graphs;
    its SPARQL queries run in Oxigraph (through oxrdflib)."""
    try:
        from oxrdflib import OxigraphStore
    except ImportError:
        raise OSError(MISSING) from None
    store = OxigraphStore(store=open_store(folder, read_only=True))
    view = Dataset(store=store, default_union=True)
    for prefix, ns in PREFIXES.items():
        view.bind(prefix, ns, override=True)
    return view


def graph_ntriples(store: ox.Store) -> Iterator[tuple[str, bytes, int]]:
    """Yield each named graph's IRI, N-Triples (integer types as the shapes say) and size."""
    ox = load_pyoxigraph()
    declared = {str(p): ox.NamedNode(str(dt)) for p, dt in declared_integer_types().items()}
    for name in sorted(store.named_graphs(), key=lambda g: g.value):
        triples = []
        for q in store.quads_for_pattern(None, None, None, name):
            o = q.object
            if q.predicate.value in declared and isinstance(o, ox.Literal) \
                    and o.datatype.value == str(XSD.integer):
                o = ox.Literal(o.value, datatype=declared[q.predicate.value])
            triples.append(ox.Triple(q.subject, q.predicate, o))
        yield name.value, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), len(triples)
