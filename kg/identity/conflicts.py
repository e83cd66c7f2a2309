"""Find what the reports disagree on: an event given two dates, a post given two holders."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from kg.lexicons import load
from kg.records import Extraction
from kg.vocab import HoldingStatus


@dataclass(frozen=True)
class HolderConflict:
    """Two or more persons reported holding one single-holder post on one date."""

    role: str
    organization: str
    day: date
    persons: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True)
class DateConflict:
    """An event reported with more than one date."""

    event: str
    label: str
    dates: tuple[date, ...]
    written: tuple[str, ...]
    articles: tuple[str, ...]


@cache
def _single(role: str) -> bool:
    """Say whether a role has one holder at a time (a Kepala, not an Anggota)."""
    return not any(role == r or role.startswith(f"{r} ") for r in load().plural_roles)


def posts_held(x: Extraction) -> Iterator[tuple[str, str, date, str]]:
    """Yield (role, organisation, day, person) for each single-holder post an article reports
    held on its date: where two persons meet, the reports conflict."""
    for h in x.holdings:
        if x.reported and h.status == HoldingStatus.CURRENT and not h.qualifier and _single(h.role):
            yield h.role, h.organization, x.reported, h.person


def holder_conflicts(extractions: list[Extraction]) -> list[HolderConflict]:
    """List single-holder posts held by different current holders on the same report date."""
    seen: dict[tuple[str, str, date], list[tuple[str, str]]] = defaultdict(list)
    for x in extractions:
        for role, org, day, person in posts_held(x):
            seen[(role, org, day)].append((person, x.article.id))
    return [c for (role, org, day), reports in sorted(seen.items())
            if (c := holder_conflict(role, org, day, reports)) is not None]


def holder_conflict(role: str, organization: str, day: date,
                    reports: Iterable[tuple[str, str]]) -> HolderConflict | None:
    """Return the conflict of one single-holder post on one date, given every (person, article)
    that reports it held then, or None when they all name one person."""
    people: dict[str, set[str]] = defaultdict(set)
    for person, article in reports:
        people[person].add(article)
    if len(people) < 2:
        return None
    return HolderConflict(role, organization, day, tuple(sorted(people)),
                          tuple(sorted(set().union(*people.values()))))


def date_conflicts(extractions: list[Extraction]) -> list[DateConflict]:
    """List events whose reports give more than one date."""
    found: dict[str, list] = defaultdict(list)
    for x in extractions:
        for e in x.events:
            found[e.key].append((e, x.article.id))
    out = []
    for key, reports in sorted(found.items()):
        dates = tuple(sorted({d for e, _ in reports for d in e.dates}))
        if len(dates) > 1:
            written = tuple(sorted({t for e, _ in reports for t in e.date_text}))
            out.append(DateConflict(key, reports[0][0].label, dates, written,
                                    tuple(sorted({a for _, a in reports}))))
    return out
