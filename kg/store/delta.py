"""Bring the store's graphs up to date with changed articles, touching only what they touch.

The graph a full build makes is a union of parts that each depend on little: each article's own
facts and evidence (`kg.rdf.graph.article_triples`), and, for each merged entity (a person, an
organisation, a place, a group, an event) or post that two reports may give two holders, the
triples made from every article's record of it. So a change to a few articles rewrites their
named graphs and the entity triples of the units they feed, before and after the change,
reading the other articles' records of those units from the ledger (kg.store.ledger), never the
whole corpus. The merges across articles are found again each time from the persons' holdings
(cheap: pairs are sought within an organisation); an article whose keys a new merge rewrites
counts as changed.

Each triple lies in one graph. An article's graph holds the triples that name the article or one
of its sentences: no other article gives them. Every other triple (an entity's, or a role, a day
or a membership that several reports give) lies in the entities graph while some unit adds it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from kg.identity.conflicts import posts_held
from kg.identity.unify import (
    Overrides,
    curated,
    key_maps,
    keyed,
    keys_used,
    merges_among,
    names,
    rekey,
)
from kg.rdf import ids, mapping
from kg.rdf.files import to_ox
from kg.rdf.graph import article_triples, merge, merge_events
from kg.records import Collective, EventFact, Extraction, Organization, Person, Place
from kg.store.codec import from_json, to_json
from kg.store.database import pyoxigraph
from kg.store.ledger import Ledger
from kg.store.terms import ENTITIES, article_graph_iri
from kg.vocab import Kind

if TYPE_CHECKING:
    import pyoxigraph as ox

SEP = "\x1f"  # between the parts of a unit's name: no key holds it
RECORDS: dict[str, type] = {Kind.PERSON: Person, Kind.ORGANIZATION: Organization,
                            Kind.PLACE: Place, Kind.COLLECTIVE: Collective, Kind.EVENT: EventFact}
FACTS = ("holding", "event", "attendance")  # the units counted as facts; RECORDS' as entities
# Quads are written when this many wait, and then by Oxigraph's bulk loader (new files on disk,
# no transaction: a third of the time of a transaction, which checks each quad). A build
# stopped before the end redoes the graphs (kg.store.build), so no transaction is needed; fewer
# quads (adding an article) go in one transaction, as the bulk loader writes files however few.
WAITING = 100_000


def unit(kind: str, *parts: str) -> str:
    """Name a unit of the graph."""
    return SEP.join((kind, *parts))


def _units(x: Extraction) -> Iterator[tuple[str, str]]:
    """Yield (unit, record as JSON) for each record of a merged extraction."""
    for kind, records in ((Kind.PERSON, x.persons), (Kind.ORGANIZATION, x.organizations),
                          (Kind.PLACE, x.places), (Kind.COLLECTIVE, x.collectives),
                          (Kind.EVENT, x.events)):
        for r in records:
            yield unit(kind, r.key), json.dumps(to_json(r), sort_keys=True)
    for role, org, day, person in posts_held(x):
        yield unit("post", role, org, day.isoformat()), json.dumps([role, org, person])
    for h in x.holdings:
        yield unit("holding", h.person, h.role, h.organization), "null"
    for a in x.attendances:
        yield unit("attendance", a.participant, a.event, a.role), "null"


def _entity_triples(name: str, rows: list[tuple[str, str]]) -> Iterable[tuple[Any, Any, Any]]:
    """Make a unit's triples from every article's record of it (as build_graph makes them)."""
    kind = name.split(SEP, 1)[0]
    if kind == "post":  # a record is [role, organisation, person]: the same post in each
        held = [json.loads(record) for record in {r for _, r in rows}]
        people = tuple(sorted({person for _, _, person in held}))
        return mapping.conflict_triples(held[0][0], held[0][1], people) if len(people) > 1 else ()
    if kind not in RECORDS:
        return ()
    # A region is named alike by thousands of reports: read each distinct record once.
    records = [from_json(RECORDS[kind], json.loads(record)) for record in {r for _, r in rows}]
    if kind == Kind.EVENT:
        return mapping.event_triples(merge_events(records)[0])
    one = merge(records)[0]
    if kind == Kind.PERSON:  # its articles are named by theirs (_sources), not by every change
        return mapping.person_triples(one, [])
    if kind == Kind.ORGANIZATION:
        return mapping.org_triples(one, [])
    if kind == Kind.PLACE:
        return mapping.place_triples(one)
    return mapping.collective_triples(one)


def ntriple(triple: tuple[Any, Any, Any]) -> str:
    """Write a triple as an N-Triples line (without its end of line), as Oxigraph writes it."""
    s, p, o = (to_ox(term) for term in triple)
    return f"{s} {p} {o} ."


def _sources(x: Extraction) -> Iterator[tuple[Any, Any, Any]]:
    """Tie the persons and organisations an article names to it (what build_graph adds to them
    for each article that names them): a report of a much-named body adds one triple, and the
    body's own triples are not made again."""
    for kind, records in ((Kind.PERSON, x.persons), (Kind.ORGANIZATION, x.organizations)):
        for key in sorted({r.key for r in records}):
            yield from mapping.derived_from(ids.entity(kind, key), [x.article.id])


def _own(article: URIRef, triple: tuple[Any, Any, Any]) -> bool:
    """Say whether a triple names the article or one of its sentences (no other article can)."""
    inside = f"{article}/"
    return any(isinstance(t, URIRef) and (t == article or t.startswith(inside))
               for t in (triple[0], triple[2]))


class Updater:
    """One update of the store's graphs, from the articles changed (None: deleted)."""

    def __init__(self, ledger: Ledger, store: ox.Store, overrides: Overrides) -> None:
        self.ledger, self.store, self.overrides = ledger, store, overrides
        self.ox = pyoxigraph()
        # unit -> the triples it adds to the entities graph now (None: it is gone)
        self.adds: dict[str, set[str] | None] = {}
        self.graphs = 0  # named graphs written or removed
        self.waiting: list[ox.Quad] = []  # quads of articles' graphs not written yet
        # the subjects of the quads written or removed (their names may have changed)
        self.subjects: set[Any] = set()

    def maps(self, changed: dict[str, Extraction | None]) -> dict[Kind, dict[str, str]]:
        """Note the changed articles' keys and holdings; find the merges across all articles."""
        for article, x in changed.items():
            self.ledger.forget_sources(article)
            if x is not None:
                self.ledger.add_sources(article, keys_used(x),
                                        ((h.person, h.organization) for h in x.holdings), names(x))
        overrides = keyed(self.overrides, self.ledger.first_key)
        return key_maps(merges_among(self.ledger.person_orgs(), overrides) + curated(overrides))

    def article(self, article_id: str, x: Extraction | None, maps: dict[Kind, dict[str, str]]
                ) -> set[str]:
        """Rewrite an article's named graph and records; return the units it fed and feeds."""
        touched = self.ledger.units_of(article_id)
        graph = self.ox.NamedNode(str(article_graph_iri(article_id)))
        self.subjects.update(q.subject for q in self.store.quads_for_pattern(None, None, None, graph))
        self.store.remove_graph(graph)
        self.graphs += 1
        if x is None:
            self.ledger.replace_records(article_id, ())
            self.adds[unit(Kind.ARTICLE, article_id)] = None
            return touched
        x = rekey(x, maps)
        records = list(_units(x))
        touched.update(u for u, _ in records)
        self.ledger.replace_records(article_id, records)
        node, common = ids.article(article_id), set()
        terms: dict[Any, Any] = {}  # each term converted once: an article's recur

        def term(t: Any) -> Any:
            if t not in terms:
                terms[t] = to_ox(t)
            return terms[t]

        for triple in dict.fromkeys([*article_triples(x), *_sources(x)]):
            if _own(node, triple):
                self.waiting.append(self.ox.Quad(*map(term, triple), graph))
                self.subjects.add(self.waiting[-1].subject)
            else:
                common.add(ntriple(triple))
        if len(self.waiting) >= WAITING:
            self._write()
        self.adds[unit(Kind.ARTICLE, article_id)] = common
        return touched

    def _write(self, quads: list[ox.Quad] | None = None) -> None:
        """Write the waiting quads (and these), in bulk when they are many."""
        quads, self.waiting = [*self.waiting, *(quads or ())], []
        if len(quads) >= WAITING:
            self.store.bulk_extend(quads)
        elif quads:
            self.store.extend(quads)

    def units(self, names_: Iterable[str]) -> None:
        """Remake the triples of these units from every article's records of them."""
        for name in names_:
            rows = self.ledger.records(name)
            self.adds[name] = {ntriple(t) for t in _entity_triples(name, rows)} if rows else None

    def finish(self) -> None:
        """Keep each unit's triples and put the entities graph right where they changed."""
        before = self.ledger.unit_triples(self.adds)
        changes: Counter[str] = Counter()
        for name, triples in self.adds.items():
            old, new = before.get(name, set()), triples or set()
            changes.update(new - old)
            changes.subtract(old - new)
            self.ledger.set_unit(name, name.split(SEP, 1)[0], triples)
        added, gone = self.ledger.recount(dict(changes))
        for q in self._quads(gone):
            self.subjects.add(q.subject)
            self.store.remove(q)
        written = self._quads(added)
        self.subjects.update(q.subject for q in written)
        self._write(written)
        self.store.add_graph(self.ox.NamedNode(str(ENTITIES)))  # there, if empty, once built
        if added or gone:
            self.graphs += 1

    def _quads(self, lines: list[str]) -> list[ox.Quad]:
        """Read N-Triples lines as quads of the entities graph."""
        graph = self.ox.NamedNode(str(ENTITIES))
        parsed = self.ox.parse("\n".join(lines).encode("utf-8"),
                               format=self.ox.RdfFormat.N_TRIPLES)
        return [self.ox.Quad(t.subject, t.predicate, t.object, graph) for t in parsed]
