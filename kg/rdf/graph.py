"""Build one graph from many extractions: merge entities by key, then map them to triples."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from rdflib import Graph

from kg.identity.conflicts import holder_conflicts
from kg.rdf import mapping
from kg.rdf.namespaces import PREFIXES
from kg.records import Collective, EventFact, Extraction, Organization, Person, Place

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
    merged = []
    for group in by_key(records):
        names = {r.name for r in group} | {a for r in group for a in r.aliases}
        label = _pick_label({r.name for r in group})
        first = min(group, key=repr)
        merged.append(replace(first, name=label, aliases=tuple(sorted(names - {label}))))
    return merged


def merge_events(events: Iterable[EventFact]) -> list[EventFact]:
    """Merge the reports of one event: one label, every date and date as written, one place."""
    merged = []
    for group in by_key(events):
        places = sorted({e.place for e in group if e.place})
        merged.append(replace(
            min(group, key=repr), label=_pick_label({e.label for e in group}), sentences=(),
            dates=tuple(sorted({d for e in group for d in e.dates})),
            date_text=tuple(sorted({t for e in group for t in e.date_text})),
            place=places[0] if places else None))
    return merged


def _sources(extractions: list[Extraction], attr: str) -> dict[str, list[str]]:
    """Map each entity key of a kind to the articles that name it."""
    found: dict[str, list[str]] = defaultdict(list)
    for x in extractions:
        for record in getattr(x, attr):
            found[record.key].append(x.article.id)
    return {k: sorted(set(v)) for k, v in found.items()}


def new_graph() -> Graph:
    """Return an empty graph with our prefixes bound."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def build_graph(extractions: Iterable[Extraction]) -> Graph:
    """Map every extraction to one graph; the same facts from two reports merge into one node."""
    xs = sorted(extractions, key=lambda x: x.article.id)
    g = new_graph()
    people, orgs = _sources(xs, "persons"), _sources(xs, "organizations")
    for p in merge(r for x in xs for r in x.persons):
        _add(g, mapping.person_triples(p, people[p.key]))
    for o in merge(r for x in xs for r in x.organizations):
        _add(g, mapping.org_triples(o, orgs[o.key]))
    for place in merge(r for x in xs for r in x.places):
        _add(g, mapping.place_triples(place))
    for c in merge(r for x in xs for r in x.collectives):
        _add(g, mapping.collective_triples(c))
    for e in merge_events(r for x in xs for r in x.events):
        _add(g, mapping.event_triples(e))
    for x in xs:
        _add_article(g, x)
    for conflict in holder_conflicts(xs):
        _add(g, mapping.conflict_triples(conflict.role, conflict.organization, conflict.persons))
    return g


def article_graph(x: Extraction) -> Graph:
    """Map one article, its facts and their evidence (what build_graph adds for it) to a graph."""
    g = new_graph()
    _add_article(g, x)
    return g


def _add_article(g: Graph, x: Extraction) -> None:
    """Add an article, its facts and the sentences they rest on."""
    aid = x.article.id
    _add(g, mapping.article_triples(x.article, x.dateline, x.bylines))
    evidence = {h.sentence for h in x.holdings} | {a.sentence for a in x.attendances}
    evidence |= {s for e in x.events for s in e.sentences}
    for s in sorted(evidence, key=lambda s: s.start):
        _add(g, mapping.sentence_triples(aid, s))
    day = x.reported or x.reported_month
    for h in x.holdings:
        _add(g, mapping.holding_triples(h, aid, day))
    for e in x.events:
        _add(g, mapping.event_evidence_triples(e, aid))
    for a in x.attendances:
        _add(g, mapping.attendance_triples(a, aid))


def _add(g: Graph, triples: Iterable[tuple]) -> None:
    """Add triples to the graph."""
    for t in triples:
        g.add(t)
