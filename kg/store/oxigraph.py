"""The persistent store on disk: an Oxigraph database with one named graph per article and one
graph of merged entities, beside its book-keeping, read and written with rdflib terms.
pyoxigraph is imported only when used; kg.store.database opens the database (and is what
this module re-exports for the store's other modules).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import XSD

from kg.rdf.files import Terms, declared_integer_types
from kg.rdf.graph import new_graph
from kg.rdf.namespaces import PREFIXES
from kg.rdf.tokens import NAME_TOKENS
from kg.store.database import (  # noqa: F401 (re-exported: the store's modules import them here)
    DATABASE,
    INDEX,
    SERVING,
    database,
    open_store,
    present,
    pyoxigraph,
    serving,
    write_lock,
)

if TYPE_CHECKING:
    import pyoxigraph as ox


def graph_names(store: ox.Store) -> set[URIRef]:
    """Return the names of the store's named graphs."""
    return {URIRef(g.value) for g in store.named_graphs()}


def union_graph(store: ox.Store) -> Graph:
    """Read the store's graph into one rdflib graph: the union of its named graphs but the
    name-token key's, which is an index over the graph rather than part of it."""
    g, terms = new_graph(), Terms()
    for q in store.quads_for_pattern(None, None, None, None):
        if q.graph_name.value != NAME_TOKENS:  # type: ignore[union-attr]  # every quad the builds write is in a named graph
            g.add(terms.triple(q))
    return g


def dataset(store: ox.Store) -> Dataset:
    """Read the store into an rdflib dataset, one named graph per article plus the entities."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True)
    graphs: dict[str, Graph] = {}
    terms = Terms()
    for q in store.quads_for_pattern(None, None, None, None):
        name = q.graph_name.value  # type: ignore[union-attr]  # every quad the builds write is in a named graph
        if name not in graphs:
            graphs[name] = ds.graph(URIRef(name))
        graphs[name].add(terms.triple(q))
    return ds


def graph_ntriples(store: ox.Store) -> Iterator[tuple[str, bytes, int]]:
    """Yield each named graph's IRI, N-Triples (integer types as the shapes say) and size."""
    ox = pyoxigraph()
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
