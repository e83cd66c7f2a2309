"""The persistent store on disk: an Oxigraph database with one named graph per article and one
graph of merged entities, beside its book-keeping. pyoxigraph is imported only when used.

A store folder holds `oxigraph/` (the database), `index.sqlite` (see kg.store.index) and,
while `kg serve` runs on it, `serving.pid`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph, URIRef

from kg.rdf.graph import new_graph
from kg.rdf.namespaces import PREFIXES
from kg.store.terms import from_ox, quads

if TYPE_CHECKING:
    import pyoxigraph as ox

DATABASE = "oxigraph"
INDEX = "index.sqlite"
SERVING = "serving.pid"
MISSING = "the store needs pyoxigraph: pip install 'kg[store]'"


def _pyoxigraph() -> Any:
    """Import pyoxigraph, or say how to install it."""
    try:
        import pyoxigraph
    except ImportError:
        raise OSError(MISSING) from None
    return pyoxigraph


def database(folder: Path) -> Path:
    """Return the Oxigraph database folder of a store."""
    return folder / DATABASE


def open_store(folder: Path, read_only: bool = False) -> ox.Store:
    """Open a store's database: read-write (created if need be) or read-only (must exist)."""
    ox = _pyoxigraph()
    path = database(folder)
    if read_only:
        if not path.is_dir():
            raise FileNotFoundError(f"no kg store in {folder}: make one with kg build --store {folder}")
        return ox.Store.read_only(str(path))
    folder.mkdir(parents=True, exist_ok=True)
    return ox.Store(str(path))


def replace_graph(store: ox.Store, name: URIRef, graph: Graph) -> None:
    """Replace the content of a named graph with the triples of an rdflib graph."""
    ox = _pyoxigraph()
    store.remove_graph(ox.NamedNode(str(name)))
    store.extend(list(quads(graph, name)))


def remove_graph(store: ox.Store, name: URIRef) -> None:
    """Remove a named graph and its triples."""
    store.remove_graph(_pyoxigraph().NamedNode(str(name)))


def graph_names(store: ox.Store) -> set[URIRef]:
    """Return the names of the store's named graphs."""
    return {URIRef(g.value) for g in store.named_graphs()}


def union_graph(store: ox.Store) -> Graph:
    """Read every named graph of the store into one rdflib graph (their union)."""
    g = new_graph()
    for q in store.quads_for_pattern(None, None, None, None):
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
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
        graphs[name].add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
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
    view = Dataset(store=OxigraphStore(store=open_store(folder, read_only=True)), default_union=True)
    for prefix, ns in PREFIXES.items():
        view.bind(prefix, ns, override=True)
    return view
