"""An rdflib graph indexed in one pass, to read many times: what the projection asks of it.

Each of rdflib's pattern lookups goes through its store's generic machinery; the projection
asks hundreds of thousands of them (every node's label, evidence, dates), which took most of
the explorer's time on large graphs. This view reads the triples once into dictionaries and
answers the same questions, in the same order (the graph's, which its store keeps as added).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from rdflib import Graph
from rdflib.term import Node


class GraphIndex:
    """A read-only view of a graph: objects by subject and predicate, subjects by predicate and
    object, pairs by predicate; the methods answer as rdflib's Graph methods of those names."""

    def __init__(self, graph: Graph) -> None:
        self._objects: dict[tuple[Node, Node], list[Node]] = defaultdict(list)
        self._subjects: dict[tuple[Node, Node], list[Node]] = defaultdict(list)
        self._pairs: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
        for s, p, o in graph:
            self._objects[s, p].append(o)
            self._subjects[p, o].append(s)
            self._pairs[p].append((s, o))

    def objects(self, subject: Node, predicate: Node) -> Iterator[Node]:
        """Yield the objects of a subject's predicate."""
        return iter(self._objects.get((subject, predicate), ()))

    def subjects(self, predicate: Node, obj: Node) -> Iterator[Node]:
        """Yield the subjects that have the predicate with this object."""
        return iter(self._subjects.get((predicate, obj), ()))

    def subject_objects(self, predicate: Node) -> Iterator[tuple[Node, Node]]:
        """Yield the (subject, object) pairs of a predicate."""
        return iter(self._pairs.get(predicate, ()))

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """Return a subject's first object of a predicate, or None."""
        found = self._objects.get((subject, predicate))
        return found[0] if found else None

    def __contains__(self, triple: tuple[Node, Node, Node | None]) -> bool:
        """Say whether a triple is there; an object of None matches any."""
        s, p, o = triple
        found = self._objects.get((s, p), ())
        return bool(found) if o is None else o in found
