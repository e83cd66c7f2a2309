"""The name-token key: every word of every name, in lower case without accents, as a triple.

`?x kg:nameToken "hendri"` holds when "hendri" is a word of one of x's names (`rdfs:label`,
`skos:altLabel`) or, for a place, its Kemendagri code (`dcterms:identifier`, kept whole:
"16.04"). Named questions match a name parameter against it word by word, so that matching is
whole-word, case- and accent-insensitive, and starts from an index lookup in any engine.

The key is an index over the graph, not part of it: `graph.ttl` and the union exports never
hold it. A store keeps it in a named graph of its own (NAME_TOKENS), brought up to date by
every store build; `kg query --graph FILE` derives it in memory when it reads the file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from kg.rdf.prefixes import IRIS

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph

# The store's named graph that holds the key (it holds no article's facts).
NAME_TOKENS = IRIS["kgr"] + "graph/name-tokens"
KG_NAME_TOKEN = IRIS["kg"] + "nameToken"

# A word: a code of numbers joined by dots ("16.04", "0405"), or a run of letters and digits.
_WORD = re.compile(r"[0-9]+(?:\.[0-9]+)*|[^\W_]+")
RDFS_LABEL = IRIS["rdfs"] + "label"
SKOS_ALT_LABEL = IRIS["skos"] + "altLabel"
# The places' codes, with the place that bears each (its names are labels, like any other's).
RDF_TYPE, PLACE, IDENTIFIER = IRIS["rdf"] + "type", IRIS["schema"] + "Place", IRIS["dcterms"] + "identifier"
PLACE_CODES = f"SELECT ?s ?code WHERE {{ ?s <{RDF_TYPE}> <{PLACE}> ; <{IDENTIFIER}> ?code }}"


def words(text: str) -> list[str]:
    """Split a name into its words, lower case and without accents, each once, in order."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text)
                     if not unicodedata.combining(c)).casefold()
    return list(dict.fromkeys(_WORD.findall(folded)))


def _pairs(named: Iterable[tuple[Any, str]]) -> Iterator[tuple[Any, str]]:
    """Turn (subject, name) pairs into (subject, word) pairs."""
    for subject, name in named:
        for word in words(name):
            yield subject, word


def graph_tokens(graph: Graph) -> Iterator[tuple[Any, Any, Any]]:
    """Yield the key's triples for an rdflib graph (one read from a file)."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import DCTERMS, RDF, RDFS, SDO, SKOS

    named = [(s, str(o)) for p in (RDFS.label, SKOS.altLabel)
             for s, o in graph.subject_objects(p)]
    named += [(s, str(o)) for s in graph.subjects(RDF.type, SDO.Place)
              for o in graph.objects(s, DCTERMS.identifier)]
    token = URIRef(KG_NAME_TOKEN)
    for subject, word in sorted(set(_pairs(named))):
        yield subject, token, Literal(word)


def add_tokens(graph: Graph) -> Graph:
    """Add the key to an rdflib graph in place, so that named questions answer over it."""
    for triple in list(graph_tokens(graph)):
        graph.add(triple)
    return graph


def maintain(store: ox.Store) -> int:
    """Bring the store's key graph up to date with the names in its other graphs; return how
    many of its triples were added or removed (only those are written)."""
    import pyoxigraph as ox

    graph, token = ox.NamedNode(NAME_TOKENS), ox.NamedNode(KG_NAME_TOKEN)
    named = [(q.subject, q.object.value) for p in (RDFS_LABEL, SKOS_ALT_LABEL)  # type: ignore[union-attr]  # pyoxigraph: a SELECT's rows; no RDF-star triples in our data
             for q in store.quads_for_pattern(None, ox.NamedNode(p), None, None)]
    named += [(row[0], row[1].value) for row in store.query(  # type: ignore[union-attr]  # pyoxigraph: a SELECT's rows; no RDF-star triples in our data
        PLACE_CODES, prefixes=IRIS, use_default_graph_as_union=True)]
    wanted = set(_pairs(named))
    present = {(q.subject, q.object.value)  # type: ignore[union-attr]  # pyoxigraph: a SELECT's rows; no RDF-star triples in our data
               for q in store.quads_for_pattern(None, token, None, graph)}
    return _rewrite(store, present - wanted, wanted - present)


def maintain_subjects(store: ox.Store, subjects: Iterable[Any]) -> int:
    """Bring the key of these subjects up to date with their names in the store; return how
    many of its triples were added or removed.

    A subject's words follow from its own triples alone (its labels, its alternative labels and
    a place's code), so after an update only the subjects of the quads written or removed can
    have gained or lost words."""
    import pyoxigraph as ox

    graph, token = ox.NamedNode(NAME_TOKENS), ox.NamedNode(KG_NAME_TOKEN)
    label, alt = ox.NamedNode(RDFS_LABEL), ox.NamedNode(SKOS_ALT_LABEL)
    kind, place, code = ox.NamedNode(RDF_TYPE), ox.NamedNode(PLACE), ox.NamedNode(IDENTIFIER)
    stale, missing = set(), set()
    for subject in subjects:
        if isinstance(subject, ox.Literal):  # no quad has one as subject; a guard
            continue
        named = [(subject, q.object.value) for p in (label, alt)  # type: ignore[union-attr]  # no RDF-star triples in our data
                 for q in store.quads_for_pattern(subject, p, None, None)]
        if next(iter(store.quads_for_pattern(subject, kind, place, None)), None) is not None:
            named += [(subject, q.object.value)  # type: ignore[union-attr]  # no RDF-star triples in our data
                      for q in store.quads_for_pattern(subject, code, None, None)]
        wanted = set(_pairs(named))
        present = {(subject, q.object.value)  # type: ignore[union-attr]  # no RDF-star triples in our data
                   for q in store.quads_for_pattern(subject, token, None, graph)}
        stale |= present - wanted
        missing |= wanted - present
    return _rewrite(store, stale, missing)


def _rewrite(store: ox.Store, stale: set[tuple[Any, str]], missing: set[tuple[Any, str]]) -> int:
    """Remove the key's stale (subject, word) pairs and add the missing ones; return how many."""
    import pyoxigraph as ox

    graph, token = ox.NamedNode(NAME_TOKENS), ox.NamedNode(KG_NAME_TOKEN)
    for subject, word in stale:
        store.remove(ox.Quad(subject, token, ox.Literal(word), graph))
    store.extend(ox.Quad(subject, token, ox.Literal(word), graph) for subject, word in missing)
    return len(stale) + len(missing)
