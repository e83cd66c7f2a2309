"""Build one graph from many extractions: merge entities by key, then map them to triples."""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import wraps
from itertools import chain
from pathlib import Path
from typing import Any, Protocol, TypeVar

from rdflib import Graph
from rdflib.plugins.stores.memory import Memory

from kg.identity.conflicts import holder_conflict, posts_held
from kg.rdf import lines, mapping
from kg.rdf.mapping import Triple
from kg.rdf.namespaces import PREFIXES
from kg.records import Collective, EventFact, Extraction, Organization, Person, Place
from kg.spill import RUN, Sorter
from kg.vocab import Kind

E = TypeVar("E", Person, Organization, Place, Collective)
R = TypeVar("R", Person, Organization, Place, Collective, EventFact)


def _pick_label(labels: set[str]) -> str:
    """Choose one label among several, the same whatever the order: longest, then by spelling."""
    return min(labels, key=lambda s: (-len(s.split()), -len(s), s))


def by_key(records: Iterable[R]) -> list[list[R]]:
    """Group records by key, the groups in key order."""
    groups: dict[str, list[R]] = defaultdict(list)
    for r in records:
        groups[r.key].append(r)
    return [groups[k] for k in sorted(groups)]


def merge(records: Iterable[E]) -> list[E]:
    """Merge records of one kind that share a key: one label, the union of the other names."""
    return [merged(group) for group in by_key(records)]


def merged(group: list[E]) -> E:
    """Merge the records of one entity (one key): one label, the union of the other names."""
    if len(group) == 1:  # most entities are named in one article: the same, made quicker
        one = group[0]
        aliases = tuple(sorted(set(one.aliases) - {one.name}))
        return one if aliases == one.aliases else replace(one, aliases=aliases)
    names = {r.name for r in group} | {a for r in group for a in r.aliases}
    label = _pick_label({r.name for r in group})
    first = min(group, key=repr)
    return replace(first, name=label, aliases=tuple(sorted(names - {label})))


def merge_events(events: Iterable[EventFact]) -> list[EventFact]:
    """Merge the reports of one event: one label, every date and date as written, one place."""
    return [merged_event(group) for group in by_key(events)]


def merged_event(group: list[EventFact]) -> EventFact:
    """Merge the reports of one event (one key)."""
    places = sorted({e.place for e in group if e.place})
    return replace(
        min(group, key=repr), label=_pick_label({e.label for e in group}), sentences=(),
        dates=tuple(sorted({d for e in group for d in e.dates})),
        date_text=tuple(sorted({t for e in group for t in e.date_text})),
        place=places[0] if places else None)


class LoadedStore(Memory):
    """rdflib's memory store, given its triples in bulk and indexed only when first asked.

    Adding triples one by one to rdflib's memory store indexes each three ways and raises an
    event for it: most of the cost of a large graph, which a build then only reads through
    once, to write its outputs. This store keeps the triples as given (each once) while it is
    only read through or counted; any other question or change indexes them first, one by one
    as `Memory.add` does, and from then on it is rdflib's memory store.
    """

    def __init__(self, triples: list[Triple]) -> None:
        super().__init__()
        self._loaded: list[Triple] | None = triples
        self._graph: Callable[[], Graph | None] = lambda: None

    def attach(self, graph: Graph) -> None:
        """Name the graph the triples belong to (the context they are indexed in)."""
        self._graph = weakref.ref(graph)

    def _index(self) -> None:
        """Index the triples given in bulk, once."""
        loaded, self._loaded = self._loaded, None
        for triple in loaded or ():
            Memory.add(self, triple, self._graph())  # type: ignore[arg-type]  # the graph, alive while asked

    def triples(self, triple_pattern: Any, context: Any = None) -> Any:
        """Yield the triples matching a pattern, with their contexts."""
        if self._loaded is not None and triple_pattern == (None, None, None) \
                and context is self._graph():
            return ((triple, iter((context,))) for triple in self._loaded)
        self._index()
        return super().triples(triple_pattern, context)

    def __len__(self, context: Any = None) -> int:
        """Count the triples (of a context)."""
        if self._loaded is not None and context is self._graph():
            return len(self._loaded)
        self._index()
        return super().__len__(context)


def _indexing_first(name: str) -> Callable[..., Any]:
    """Wrap a method of Memory to index the triples given in bulk before it runs."""
    method = getattr(Memory, name)

    @wraps(method)
    def indexed(self: LoadedStore, *args: Any, **kwargs: Any) -> Any:
        self._index()
        return method(self, *args, **kwargs)

    return indexed


for _name in ("add", "addN", "remove", "contexts", "add_graph", "remove_graph",
              "triples_choices"):
    setattr(LoadedStore, _name, _indexing_first(_name))


def new_graph(triples: Iterable[Triple] | None = None) -> Graph:
    """Return a graph with our prefixes bound: empty, or of the given triples, loaded in bulk
    (each must be there once)."""
    if triples is None:
        g = Graph()
    else:
        store = LoadedStore(list(triples))
        g = Graph(store=store)
        store.attach(g)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def graph_triples(extractions: Iterable[Extraction]) -> list[Triple]:
    """Map every extraction to triples, each once, in one order whatever the extractions'; the
    same facts from two reports give one node."""
    found = _Triples()
    found.add(triples_of(extractions))
    return found.triples()


def triples_of(extractions: Iterable[Extraction]) -> Iterator[Triple]:
    """Yield the triples of every extraction (see `graph_triples`) as they are made, in one order
    whatever the extractions'; a triple may come more than once (a role or a day that several
    articles report). The extractions are held until the last is yielded."""
    gathered = Gathered()
    yield from gathered.triples(sorted(extractions, key=lambda x: x.article.id))


# What `Gathered` sorts, by the first item of its keys: the entities of each kind, the reports of
# single-holder posts, and the participations it counts. An organisation's key is followed by
# its holdings' keys (MEMBER) and its own participations' (PARTICIPANT), which sort right after it.
PERSON, ORGANIZATION, PLACE, COLLECTIVE, EVENT, POST, _, ATTENDANCE = range(8)
MEMBER, PARTICIPANT = range(2)
_RECORDS = ((PERSON, "persons"), (ORGANIZATION, "organizations"), (PLACE, "places"),
            (COLLECTIVE, "collectives"))


class Tally(Protocol):
    """What is told of the organisations and places of a graph as `Gathered` makes its triples
    (the explorer's overview, `kg.viz.slices.OverviewTally`): each organisation once, with the
    key of the place it serves, its members (distinct persons holding a role there) and its
    participations (distinct events and roles); each place once, with the place it lies in."""

    def organization(self, key: str, area: str | None, members: int, participations: int
                     ) -> None: ...

    def place(self, key: str, within: str | None) -> None: ...


class Gathered:
    """The triples of many extractions, taken one after another: each article's own triples as
    it comes; those of the entities, merged across the articles that name them, and of the
    conflicts between reports once all have come. What the merging needs is sorted in runs on
    disk, in `folder` (None: in memory), so that only a run of it is held at a time. It counts
    the distinct entities and facts (holdings, events, participations) as the last triples go by.
    """

    def __init__(self, folder: Path | None = None, run: int = RUN, tally: Tally | None = None
                 ) -> None:
        self._sorted: Sorter[Any] = Sorter(folder, "entities", run)
        self.entities = self.facts = 0
        self._tally = tally
        # the organisation whose records are being read: key, area (None: not typed yet),
        # members, the last member, participations
        self._org: list[Any] | None = None

    def triples(self, extractions: Iterable[Extraction]) -> Iterator[Triple]:
        """Yield the triples of the extractions (a triple may come more than once)."""
        return chain.from_iterable(self._made(extractions, mapping))

    def keys(self, extractions: Iterable[Extraction], articles: bool = True
             ) -> Iterator[list[str]]:
        """Yield the triples of the extractions as the N-Triples sort keys of `kg.rdf.files`
        (see `kg.rdf.lines`), spelt without rdflib terms, in lists (an article's, an
        entity's); a key may come more than once. Without `articles`, the articles' own
        triples are left out (`article_keys` spells them, elsewhere if need be)."""
        return self._made(extractions, lines, articles)

    def _made(self, extractions: Iterable[Extraction], make: Any, articles: bool = True
              ) -> Iterator[Any]:
        """Yield what `make` (`kg.rdf.mapping`, or `kg.rdf.lines`) makes of the extractions,
        an article's (when asked) or an entity's at a time."""
        for x in extractions:
            self._add(x)
            if articles:
                yield article_triples(x, make)
        for (kind, *key), values in self._sorted.groups():
            if made := self._merged(kind, key, values, make):
                yield made
        self._told()

    def _add(self, x: Extraction) -> None:
        """Keep what merging needs of an extraction."""
        aid, add = x.article.id, self._sorted.add
        for kind, field in _RECORDS:
            for record in getattr(x, field):
                add((kind, record.key), (aid, record))
        for e in x.events:
            add((EVENT, e.key), (aid, e))
        for role, org, day, person in posts_held(x):
            add((POST, role, org, day), (person, aid))
        for h in x.holdings:
            add((ORGANIZATION, h.organization, MEMBER, h.person, h.role), None)
        for a in x.attendances:
            add((ATTENDANCE, a.participant, a.event, a.role), None)
            if self._tally is not None and a.kind == Kind.ORGANIZATION:
                add((ORGANIZATION, a.participant, PARTICIPANT, a.event, a.role), None)

    def _merged(self, kind: int, key: list[Any], values: list[Any], make: Any = mapping
                ) -> Any:
        """Return the triples of one entity, post or fact, given what each article said of it
        (as `make` makes them: a list or an iterator; None for none)."""
        if kind == ORGANIZATION:
            if self._org is None or self._org[0] != key[0]:
                self._told()
                self._org = [key[0], None, 0, None, 0]
            if len(key) > 1:
                self._organization_fact(key)
                return None
        if kind == ATTENDANCE:  # a distinct (participant, event, role): a fact
            self.facts += 1
            return None
        if kind == POST:
            role, organization, day = key
            if conflict := holder_conflict(role, organization, day, values):
                return make.conflict_triples(conflict.role, conflict.organization,
                                             conflict.persons)
            return None
        self.entities += 1
        records = [record for _, record in values]
        if kind == EVENT:
            self.facts += 1
            return make.event_triples(merged_event(records))
        elif kind == PERSON:
            return make.person_triples(merged(records), sorted({a for a, _ in values}))
        elif kind == ORGANIZATION:
            org = merged(records)
            self._org[1] = (org.area,)  # type: ignore[index]  # set above
            return make.org_triples(org, sorted({a for a, _ in values}))
        elif kind == PLACE:
            place = merged(records)
            if self._tally is not None:
                self._tally.place(place.key, place.within)
            return make.place_triples(place)
        else:
            return make.collective_triples(merged(records))

    def _organization_fact(self, key: list[Any]) -> None:
        """Count a holding at the organisation being read, or a participation of its own."""
        org = self._org
        assert org is not None
        if key[1] == MEMBER:  # a distinct (organisation, person, role): a fact
            self.facts += 1
            if org[3] != key[2]:  # a person not counted yet: the keys come sorted
                org[2], org[3] = org[2] + 1, key[2]
        else:
            org[4] += 1

    def _told(self) -> None:
        """Tell the tally of the organisation read last, if it was one (not merely named by
        a holding)."""
        if self._org is not None and self._org[1] is not None and self._tally is not None:
            key, (area,), members, _, participations = self._org
            self._tally.organization(key, area, members, participations)
        self._org = None


def build_graph(extractions: Iterable[Extraction]) -> Graph:
    """Map every extraction to one graph; the same facts from two reports merge into one node."""
    return new_graph(graph_triples(extractions))


def article_graph(x: Extraction) -> Graph:
    """Map one article, its facts and their evidence (what build_graph adds for it) to a graph."""
    return new_graph(dict.fromkeys(article_triples(x)))


def article_keys(extractions: Iterable[Extraction]) -> Iterator[list[str]]:
    """Yield the triples of each extraction's article (`article_triples`) as the sort keys
    `Gathered.keys` gives them in, a list an article."""
    return (article_triples(x, lines) for x in extractions)


def article_triples(x: Extraction, make: Any = mapping) -> list[Any]:
    """Return an article, its facts and the sentences they rest on; each role and day once (as
    `make`, `kg.rdf.mapping` or `kg.rdf.lines`, makes them)."""
    aid = x.article.id
    made: list[Any] = []
    made += make.article_triples(x.article, x.dateline, x.bylines)
    evidence = {h.sentence for h in x.holdings} | {a.sentence for a in x.attendances}
    evidence |= {s for e in x.events for s in e.sentences}
    for s in sorted(evidence, key=lambda s: s.start):
        made += make.sentence_triples(aid, s)
    day = x.reported or x.reported_month
    for role in sorted({h.role for h in x.holdings}):
        made += make.role_triples(role)
    if day and x.holdings:
        made += make.instant_triples(day)
    for h in x.holdings:
        made += make.holding_triples(h, aid, day)
    for e in x.events:
        made += make.event_evidence_triples(e, aid)
    for a in x.attendances:
        made += make.attendance_triples(a, aid)
    return made


class _Triples:
    """Triples gathered each once, in the order first given."""

    def __init__(self) -> None:
        self._found: dict[Triple, None] = {}

    def add(self, triples: Iterable[Triple]) -> None:
        """Add triples; one already there stays where it was."""
        self._found.update(dict.fromkeys(triples))

    def triples(self) -> list[Triple]:
        """Return the triples gathered."""
        return list(self._found)
