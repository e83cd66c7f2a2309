"""Slices of a graph held in Oxigraph (a store, or a build's graph loaded in memory) for the
explorer, so that no page draws more than a few thousand nodes, each read by the store's indexes
without reading the rest:

- around a name: the persons and organisations named so, and what lies within N hops of them;
- a region and a month: the events held in the region (or any place inside it) in that month,
  and what lies within N hops of them;
- the overview: the organisations with the most members, and the regions they serve, up to the
  province: an entry to the rest.

Names and regions match as the named questions match them (kg.store.params): every word of the
name, in any order, case and accents aside, through the name-token key (kg.rdf.tokens); a
region by the words of its name or its Kemendagri code, with every place inside it.

A hop goes from an entity to the entities one fact ties it to: a membership (person and
organisation), a participation (event and participant), a place an event was held in, an
organisation serves or a place lies in. Articles, roles and days tie too much together to be
walked through; they come with the facts that cite them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import UserError
from kg.network.analytics import KINDS
from kg.rdf import ids
from kg.rdf.files import Terms, to_ox
from kg.rdf.graph import new_graph
from kg.rdf.namespaces import FOAF, KG, KGR, ORG, RDF, SDO, term
from kg.rdf.tokens import KG_NAME_TOKEN, NAME_TOKENS, words
from kg.vocab import Kind, Relation

ENTITIES = tuple(f"{KGR}{kind.segment}/" for kind in (Kind.PERSON, Kind.ORGANIZATION, Kind.EVENT,
                                                        Kind.PLACE, Kind.COLLECTIVE))
THROUGH = tuple(f"{KGR}{segment}/" for segment in (Kind.MEMBERSHIP.segment, "participation"))
CITED = tuple(f"{KGR}{segment}/" for segment in (Kind.ROLE.segment, "date", Kind.ARTICLE.segment))
LIMIT = 2000  # entities on one page at the most: the explorer draws a few thousand well
OVERVIEW = 150  # organisations in the overview: with their regions, a few hundred nodes
MAX_HOPS = 6
MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
NAMED = (to_ox(FOAF.Person), to_ox(ORG.Organization))  # what a name finds
DRAWN = (*KINDS, ORG.Membership)  # the types of the nodes the explorer draws

_TYPE, _ORG, _MEMBER, _PARTICIPANT, _START = (to_ox(t) for t in (
    RDF.type, ORG.organization, ORG.member, KG.participant, SDO.startDate))
_TOKEN, _KEY = ox.NamedNode(KG_NAME_TOKEN), ox.NamedNode(NAME_TOKENS)
_PLACE, _EVENT = (to_ox(term(kind.term)) for kind in (Kind.PLACE, Kind.EVENT))
_LOCATION, _WITHIN, _SERVES = (to_ox(term(r.term)) for r in (
    Relation.LOCATED_IN, Relation.WITHIN, Relation.SERVES))


@dataclass(frozen=True)
class Spec:
    """What a slice is asked for: around a name, a region and a month, an official's timeline
    (around the name, one hop, opened on the timeline), or the overview."""

    around: str | None = None
    hops: int = 1
    region: str | None = None
    month: str | None = None
    timeline: str | None = None
    overview: bool = False

    def checked(self) -> Spec:
        """Return the spec if it asks for exactly one kind of slice, with sound values."""
        asked = [self.around is not None, self.region is not None or self.month is not None,
                 self.timeline is not None, self.overview]
        if sum(asked) != 1:
            raise UserError("ask for one slice: around a name (and hops), a region and/or a "
                            "month, a timeline, or the overview")
        if not 0 <= self.hops <= MAX_HOPS:
            raise UserError(f"hops must be from 0 to {MAX_HOPS} (given {self.hops})")
        if self.month is not None and not MONTH.fullmatch(self.month):
            raise UserError(f"month {self.month!r} is not a month: write it YYYY-MM, e.g. 2024-01")
        return self

    def title(self) -> str:
        """Say in words what the slice shows."""
        hops = f"{self.hops} hop{'' if self.hops == 1 else 's'}"
        if self.overview:
            return f"the {OVERVIEW} organisations with the most members, and their regions"
        if self.timeline is not None:
            return f"the timeline of {self.timeline}"
        if self.around is not None:
            return f"{self.around}, {hops}"
        where = f"in {self.region}" if self.region is not None else "everywhere"
        return f"events {where}{f' in {self.month}' if self.month else ''}, {hops}"


@dataclass(frozen=True)
class Slice:
    """A slice: its triples, what it was taken around, whether the limit cut it, and for the
    overview the members each organisation has (a place: those of the organisations serving
    it or a place inside it) and the events each organisation took part in."""

    spec: Spec
    graph: Graph
    seeds: list[str]
    cut: bool
    members: dict[str, int] = field(default_factory=dict)
    events: dict[str, int] = field(default_factory=dict)


def take(store: ox.Store, spec: Spec, limit: int = LIMIT) -> Slice:
    """Read the slice a spec asks for."""
    spec = spec.checked()
    if spec.overview:
        return overview(store, spec)
    if spec.region is None and spec.month is None:
        return around(store, spec, limit)
    return happenings(store, spec, limit)


def _values(store: ox.Store, s: Any, p: Any, o: Any = None) -> Iterator[str]:
    """Yield the value of the other end of each triple of a pattern (its object, or its subject
    when the object is given)."""
    for q in store.quads_for_pattern(s, p, o):
        yield (q.object if o is None else q.subject).value  # type: ignore[union-attr]  # no RDF-star triples in our data


def _typed(store: ox.Store, node: str, types: Iterable[Any]) -> bool:
    """Say whether a node has one of these (Oxigraph) types."""
    return any(True for t in types for _ in store.quads_for_pattern(ox.NamedNode(node), _TYPE, t))


def _tokened(store: ox.Store, text: str) -> set[str]:
    """Return the nodes whose names hold every word of the text (the name-token key)."""
    found: set[str] | None = None
    for word in words(text):
        holders = set(_values(store, None, _TOKEN, ox.Literal(word)))
        found = holders if found is None else found & holders
    if found is None:
        raise UserError(f"no name to look for in {text!r}")
    return found


def named(store: ox.Store, name: str) -> list[str]:
    """Return the persons and organisations named with every word of the name, or the one whose
    IRI it is."""
    found = {name} if name.startswith(ENTITIES) else _tokened(store, name)
    return sorted(node for node in found if _typed(store, node, NAMED))


def _ends(store: ox.Store, node: str) -> Iterator[str]:
    """Yield the IRIs a node shares a triple with, either way."""
    term_ = ox.NamedNode(node)
    for q in store.quads_for_pattern(term_, None, None):
        if isinstance(q.object, ox.NamedNode):
            yield q.object.value
    for q in store.quads_for_pattern(None, None, term_):
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


def _walk(store: ox.Store, spec: Spec, seeds: list[str], limit: int) -> Slice:
    """Return the slice of what lies `spec.hops` hops around the seeds, at most `limit` entities."""
    cut = len(seeds) > limit
    seeds = seeds[:limit]
    kept, facts, frontier = set(seeds), set(), list(seeds)
    for _ in range(spec.hops):
        reached: set[str] = set()
        for node in frontier:
            entities, ties = _neighbours(store, node)
            facts |= ties
            reached |= entities - kept
        room = limit - len(kept)
        cut = cut or len(reached) > room
        frontier = sorted(reached)[:max(room, 0)]
        kept.update(frontier)
    return Slice(spec, _graph(store, kept, facts), seeds, cut)


def around(store: ox.Store, spec: Spec, limit: int = LIMIT) -> Slice:
    """Return the slice around the persons and organisations named like `spec.around` (or, for
    a timeline, `spec.timeline`: one hop brings every role and event of theirs)."""
    name = spec.around if spec.around is not None else spec.timeline
    assert name is not None
    seeds = named(store, name)
    if not seeds:
        raise UserError(f"no person or organisation in the store is named like {name!r}")
    return _walk(store, spec if spec.around is not None else Spec(timeline=name), seeds, limit)


def places_in(store: ox.Store, region: str) -> set[str]:
    """Return the places named with every word of the region, or so coded, and every place
    inside them."""
    found = {node for node in _tokened(store, region) if _typed(store, node, [_PLACE])}
    todo = list(found)
    while todo:
        inner = set(_values(store, None, _WITHIN, ox.NamedNode(todo.pop()))) - found
        found |= inner
        todo.extend(inner)
    return found


def happenings(store: ox.Store, spec: Spec, limit: int = LIMIT) -> Slice:
    """Return the slice around the events held in a region (or a place inside it) in a month;
    either may be left out."""
    if spec.region is not None:
        places = places_in(store, spec.region)
        if not places:
            raise UserError(f"no place in the store is named or coded like {spec.region!r}")
        events = {e for place in places for e in _values(store, None, _LOCATION,
                                                          ox.NamedNode(place))}
    else:
        events = set(_values(store, None, _TYPE, _EVENT))
    if spec.month is not None:
        events = {e for e in events if any(day.startswith(spec.month)
                                           for day in _values(store, ox.NamedNode(e), _START))}
    seeds = sorted(e for e in events if _typed(store, e, [_EVENT]))
    if not seeds:
        where = f" in {spec.region}" if spec.region is not None else ""
        when = f" in {spec.month}" if spec.month is not None else ""
        raise UserError(f"no event in the store was held{where}{when}")
    return _walk(store, spec, seeds, limit)


def overview(store: ox.Store, spec: Spec = Spec(overview=True), top: int = OVERVIEW) -> Slice:
    """Return the organisations with the most members (distinct persons holding a role there;
    then the most events taken part in), the places they serve and those places' provinces."""
    members: dict[str, set[str]] = {}
    for q in store.quads_for_pattern(None, _ORG, None):
        persons = members.setdefault(q.object.value, set())  # type: ignore[union-attr]  # no RDF-star triples in our data
        persons.update(_values(store, q.subject, _MEMBER))
    events = {org: len(set(_values(store, None, _PARTICIPANT, ox.NamedNode(org))))
              for org in _values(store, None, _TYPE, to_ox(ORG.Organization))}
    ranked = sorted(events, key=lambda org: (-len(members.get(org, ())), -events[org], org))
    chosen = ranked[:top]
    weights = {org: len(members.get(org, ())) for org in chosen}
    for org in chosen:
        for place in _up_to_the_province(_values(store, ox.NamedNode(org), _SERVES),
                                         lambda p: _values(store, ox.NamedNode(p), _WITHIN)):
            weights[place] = weights.get(place, 0) + weights[org]
    graph = _graph(store, set(weights), set(), cited=False)
    return Slice(spec, graph, chosen, len(ranked) > top, weights,
                 {org: events[org] for org in chosen})


class OverviewTally:
    """The overview (see `overview`) of a graph that a build makes, told as its triples are made
    (`kg.rdf.graph.Gathered`) instead of asked of a store of them: the organisations ranked so
    far, `top` of them kept at once (each ranks by its own counts), and the place each place lies
    in. Its memory grows with the places, not with the organisations, members or events."""

    SLACK = 1000  # organisations ranked beyond `top` before the worst are let go

    def __init__(self, top: int = OVERVIEW) -> None:
        self.top = top
        self.organizations = 0
        # (-members, -participations, the IRI, the key of the place served), best first once
        # sorted: the IRIs differ, so the order is total and a cut keeps the best
        self._ranked: list[tuple[int, int, str, str | None]] = []
        self._within: dict[str, str] = {}

    def organization(self, key: str, area: str | None, members: int, participations: int
                     ) -> None:
        """Rank an organisation."""
        self.organizations += 1
        self._ranked.append((-members, -participations, str(ids.entity(Kind.ORGANIZATION, key)),
                             area))
        if len(self._ranked) > 4 * self.top + self.SLACK:
            self._ranked.sort()
            del self._ranked[self.top:]

    def place(self, key: str, within: str | None) -> None:
        """Note the place a place lies in."""
        if within:
            self._within[key] = within

    def overview(self, ntriples: Path, spec: Spec = Spec(overview=True)) -> Slice:
        """Return the overview, as `overview` reads it from a store of the whole graph, its graph
        read from the graph's N-Triples file in the canonical order."""
        chosen = sorted(self._ranked)[:self.top]
        weights = {org: -members for members, _, org, _ in chosen}
        for members, _, _, area in chosen:
            for place in _up_to_the_province([area] if area else [],
                                             lambda p: [self._within[p]] if p in self._within else []):
                node = str(ids.entity(Kind.PLACE, place))
                weights[node] = weights.get(node, 0) - members
        seeds = [org for _, _, org, _ in chosen]
        return Slice(spec, _read_graph(ntriples, set(weights)), seeds,
                     self.organizations > self.top, weights,
                     {org: -events for _, events, org, _ in chosen})


def _up_to_the_province(served: Iterable[str], within: Callable[[str], Iterable[str]]) -> Iterator[str]:
    """Yield the places served and each place they lie in, up to the province, once each."""
    todo, seen = list(served), set()
    while todo:
        place = todo.pop()
        if place not in seen:
            seen.add(place)
            yield place
            todo.extend(within(place))


def _read_graph(ntriples: Path, entities: set[str]) -> Graph:
    """Read the triples of the entities from an N-Triples file in the canonical order (a
    subject's lines together), and of the nodes under their IRIs that they lead to (as `_graph`
    reads them from a store, uncited), into a graph loaded in bulk. Each subject's lines are
    found by bisecting the file (`_lines_of`), not by reading it through."""
    wanted, lines = {f"<{e}>".encode() for e in entities}, []
    with ntriples.open("rb") as file:
        size = file.seek(0, os.SEEK_END)
        while wanted:  # the subjects in order, as a reading through finds their lines
            found = [line for subject in sorted(wanted) for line in _lines_of(file, size, subject)]
            lines += found
            below = {target for line in found
                     if (target := line[line.index(b" ", line.index(b" ") + 1) + 1:-3]).startswith(
                         line[:line.index(b" ")][:-1] + b"/")}  # "<s> <p> <o> .\n": an interval
            wanted = below - {line[:line.index(b" ")] for line in lines}
    terms = Terms()
    return new_graph(dict.fromkeys(
        terms.triple(t)  # type: ignore[misc]  # N-Triples' subjects and predicates are IRIs
        for t in ox.parse(b"".join(lines), format=ox.RdfFormat.N_TRIPLES)))


def _lines_of(file: BinaryIO, size: int, subject: bytes) -> list[bytes]:
    """Return the lines of a subject in an N-Triples file of `size` bytes in the canonical order,
    whose lines sort as their subjects do (a term holds no space), found by bisection: the first
    offset whose next line (the line that starts there or after it) is of the subject or after."""
    def next_line(offset: int) -> bytes:
        file.seek(offset - 1 if offset else 0)
        if offset:
            file.readline()  # the rest of the line the offset is in, up to the next line's start
        return file.readline()

    lo, hi = 0, size
    while lo < hi:
        mid = (lo + hi) // 2
        line = next_line(mid)
        if line and line[:line.index(b" ")] < subject:
            lo = mid + 1
        else:
            hi = mid
    found, line = [], next_line(lo)
    while line and line[:line.index(b" ")] == subject:
        found.append(line)
        line = file.readline()
    return found


def _graph(store: ox.Store, entities: set[str], facts: set[str], cited: bool = True) -> Graph:
    """Read the triples of the entities, of the facts between them, and of what those cite
    (unless `cited` is false: then of the entities alone), into a graph loaded in bulk."""
    between = {f for f in facts if all(e in entities for e in _ends(store, f)
                                       if e.startswith(ENTITIES))}
    todo, seen, triples, terms = [*entities, *between], set(), [], Terms()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for q in store.quads_for_pattern(ox.NamedNode(node), None, None):
            if q.graph_name == _KEY:
                continue  # the name-token key is an index, not the graph
            triples.append(terms.triple(q))
            target = q.object.value if isinstance(q.object, ox.NamedNode) else ""
            if (cited and target.startswith(CITED)) or target.startswith(f"{node}/"):  # an interval
                todo.append(target)
    return new_graph(dict.fromkeys(triples))  # type: ignore[arg-type]  # the store's subjects and predicates are IRIs


def size(graph: Graph) -> int:
    """Count the nodes the explorer of a whole graph draws: entities, articles and memberships
    (the projection's kinds, and a node for each role held)."""
    return len({s for t in DRAWN for s in graph.subjects(RDF.type, t)})


def stored_size(store: ox.Store) -> int:
    """Count the nodes the explorer of a store's whole graph would draw (see `size`)."""
    return len({q.subject for t in DRAWN for q in store.quads_for_pattern(None, _TYPE, to_ox(t))})
