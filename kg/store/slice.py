"""A slice of a store for the explorer: the persons and organisations named like a name, and what
lies within a few hops of them (organisations, posts, events, places), read from the store by
its indexes without reading the rest; `kg explore` writes it as an offline one-file page.

A hop goes from an entity to the entities one fact ties it to: a membership (person and
organisation), a participation (event and participant), a place an event was held in, an
organisation serves or a place lies in. Articles, roles and days tie too much together to be
walked through; they come with the facts that cite them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rdflib import Graph

from kg.errors import UserError
from kg.nlp.tokens import fold
from kg.rdf.files import rdflib_triple
from kg.rdf.graph import new_graph
from kg.rdf.namespaces import FOAF, KGR, ORG, RDF, RDFS, SKOS
from kg.store.database import pyoxigraph
from kg.vocab import Kind

if TYPE_CHECKING:
    import pyoxigraph as ox

ENTITIES = tuple(f"{KGR}{kind.segment}/" for kind in (Kind.PERSON, Kind.ORGANIZATION, Kind.EVENT,
                                                        Kind.PLACE, Kind.COLLECTIVE))
THROUGH = tuple(f"{KGR}{segment}/" for segment in (Kind.MEMBERSHIP.segment, "participation"))
CITED = tuple(f"{KGR}{segment}/" for segment in (Kind.ROLE.segment, "date", Kind.ARTICLE.segment))
LIMIT = 2000  # entities on one page at the most: the explorer draws a few thousand well


def named(store: ox.Store, name: str) -> list[str]:
    """Return the persons and organisations one of whose names holds the name's words."""
    ox = pyoxigraph()
    words = fold(name).split()
    if not words:
        raise UserError(f"no name to look for in {name!r}")
    found = set()
    for kind in (FOAF.Person, ORG.Organization):
        for q in store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), ox.NamedNode(kind)):
            for label in (RDFS.label, SKOS.altLabel):
                for lq in store.quads_for_pattern(q.subject, ox.NamedNode(str(label)), None):
                    held = fold(lq.object.value).split()  # type: ignore[union-attr]  # no RDF-star triples in our data
                    if any(held[i:i + len(words)] == words for i in range(len(held))):
                        found.add(q.subject.value)  # type: ignore[union-attr]  # no RDF-star triples in our data
    return sorted(found)


def _ends(store: ox.Store, node: str) -> Iterator[str]:
    """Yield the IRIs a node shares a triple with, either way."""
    ox = pyoxigraph()
    term = ox.NamedNode(node)
    for q in store.quads_for_pattern(term, None, None):
        if isinstance(q.object, ox.NamedNode):
            yield q.object.value
    for q in store.quads_for_pattern(None, None, term):
        yield q.subject.value  # type: ignore[union-attr]  # no RDF-star triples in our data


def _neighbours(store: ox.Store, node: str) -> tuple[set[str], set[str]]:
    """Return the entities one fact ties a node to, and the facts (memberships, participations)."""
    entities, facts = set(), set()
    for end in _ends(store, node):
        if end.startswith(ENTITIES):
            entities.add(end)
        elif end.startswith(THROUGH):
            facts.add(end)
            entities.update(e for e in _ends(store, end) if e.startswith(ENTITIES))
    entities.discard(node)
    return entities, facts


def around(store: ox.Store, name: str, hops: int, limit: int = LIMIT
           ) -> tuple[Graph, list[str], bool]:
    """Return the slice around the entities named like `name`, those entities, and whether the
    limit cut it short."""
    seeds = named(store, name)
    if not seeds:
        raise UserError(f"no person or organisation in the store is named like {name!r}")
    kept, facts, frontier, cut = set(seeds), set(), list(seeds), False
    for _ in range(hops):
        reached: set[str] = set()
        for node in frontier:
            entities, ties = _neighbours(store, node)
            facts |= ties
            reached |= entities - kept
        room = limit - len(kept)
        cut = cut or len(reached) > room
        frontier = sorted(reached)[:max(room, 0)]
        kept.update(frontier)
    return _graph(store, kept, facts), seeds, cut


def _graph(store: ox.Store, entities: set[str], facts: set[str]) -> Graph:
    """Read the triples of the entities, of the facts between them, and of what those cite."""
    ox = pyoxigraph()
    between = {f for f in facts if all(e in entities for e in _ends(store, f)
                                       if e.startswith(ENTITIES))}
    todo, seen, g = [*entities, *between], set(), new_graph()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for q in store.quads_for_pattern(ox.NamedNode(node), None, None):
            g.add(rdflib_triple(q))
            target = q.object.value if isinstance(q.object, ox.NamedNode) else ""
            if target.startswith(CITED) or target.startswith(f"{node}/"):  # an interval
                todo.append(target)
    return g
