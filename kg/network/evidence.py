"""Read texts and evidence sentences out of the RDF graph, in a stable order."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypedDict

from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.rdf.namespaces import NIF, SDO


class Evidence(TypedDict):
    """A sentence that supports a node or an edge, and where it was read."""

    text: str
    article: str | None
    begin: int | None
    end: int | None
    url: str | None


def local(term: Node | str) -> str:
    """Return the local name of an IRI."""
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def text(graph: Graph, node: Node, prop: URIRef) -> str | None:
    """Return the first value of a property as text, in a stable order."""
    values = texts(graph, node, prop)
    return values[0] if values else None


def texts(graph: Graph, node: Node, prop: URIRef) -> list[str]:
    """Return the distinct values of a property as sorted text."""
    return sorted({str(value) for value in graph.objects(node, prop)})


def integer(graph: Graph, node: Node, prop: URIRef) -> int | None:
    """Return an integer property, or None when absent or not a number."""
    value = graph.value(node, prop)
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


def pair_key(pair: tuple[Node, Node]) -> tuple[str, str]:
    """Order term pairs by text: rdflib terms of different kinds do not always compare."""
    return str(pair[0]), str(pair[1])


def evidence(graph: Graph, sources: Iterable[Node]) -> list[Evidence]:
    """Return the evidence sentences among `sources`, ordered by article and offset."""
    found = [sentence(graph, s) for s in set(sources) if (s, NIF.anchorOf, None) in graph]
    return sorted(found, key=lambda e: (e["article"] or "", e["begin"] or 0, e["end"] or 0))


def sentence(graph: Graph, node: Node) -> Evidence:
    """Return one evidence sentence with its article and the article's URL."""
    article = graph.value(node, SDO.isPartOf)
    return Evidence(
        text=text(graph, node, NIF.anchorOf) or "",
        article=str(article) if article is not None else None,
        begin=integer(graph, node, NIF.beginIndex),
        end=integer(graph, node, NIF.endIndex),
        url=text(graph, article, SDO.url) if article is not None else None,
    )
