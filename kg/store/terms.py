"""Name the store's graphs and move terms between rdflib and Oxigraph (pyoxigraph)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.rdf.namespaces import KGR

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
ENTITIES = KGR["graph/entities"]
ARTICLE_GRAPHS = str(KGR["graph/article/"])


def article_graph_iri(article_id: str) -> URIRef:
    """Return the IRI of the named graph that holds one article's facts and evidence."""
    return URIRef(ARTICLE_GRAPHS + quote(article_id, safe="-_.~"))


def from_ox(term: Any) -> Node:
    """Turn a pyoxigraph term into an rdflib term (xsd:string literals become plain ones)."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))
