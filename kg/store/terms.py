"""Name the store's graphs."""

from __future__ import annotations

from urllib.parse import quote

from rdflib import URIRef

from kg.rdf.namespaces import KGR

ENTITIES = KGR["graph/entities"]
ARTICLE_GRAPHS = str(KGR["graph/article/"])


def article_graph_iri(article_id: str) -> URIRef:
    """Return the IRI of the named graph that holds one article's facts and evidence."""
    return URIRef(ARTICLE_GRAPHS + quote(article_id, safe="-_.~"))
