"""One entity across articles: merge names that differ in writing when the reports agree on who.

Within an article `kg.extract.resolve` has merged mentions already. Across articles the same
person may be written "A. Romzi" and "Ahmad Romzi", or "Arie Mulawarnan" and "Arie Mulawarman".
Such names merge only when both hold a role at the same organisation, so two officials who
share a first name stay apart. A curated file (`aliases.tsv` in a sources folder) says
"same" or "not-same" where the rules get it wrong; every merge is recorded with its reason.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from kg.errors import UserError
from kg.nlp.tokens import fold
from kg.records import Extraction
from kg.vocab import Kind

# The kinds of entity that have keys, and the field of an Extraction that lists each.
FIELDS = {Kind.PERSON: "persons", Kind.ORGANIZATION: "organizations", Kind.PLACE: "places",
          Kind.COLLECTIVE: "collectives"}
KINDS = tuple(FIELDS)


@dataclass(frozen=True)
class Merge:
    """One key merged into another, and why."""

    kind: Kind
    source: str
    target: str
    reason: str


@dataclass(frozen=True)
class Overrides:
    """Curated verdicts: keys that are the same entity, and pairs that are not."""

    same: tuple[tuple[str, str, str], ...] = ()  # (kind, key, canonical key)
    apart: frozenset[tuple[str, str, str]] = frozenset()  # (kind, key, key), sorted pair


def read_overrides(paths: Iterable[Path]) -> Overrides:
    """Read `kind<TAB>name<TAB>other<TAB>same|not-same` lines from each file that exists."""
    same, apart = [], set()
    for path in paths:
        if not path.is_file():
            continue
        rows = [r for r in csv.reader(path.read_text(encoding="utf-8").splitlines(), delimiter="\t")
                if r and not r[0].startswith("#")]
        for number, row in enumerate(rows, start=1):
            if len(row) != 4 or row[0] not in KINDS or row[3] not in {"same", "not-same"}:
                raise UserError(f"{path}: line {number} is not 'kind, name, other, same|not-same' "
                                f"with kind one of {', '.join(KINDS)}")
            kind, a, b = Kind(row[0]), fold(row[1]), fold(row[2])
            if row[3] == "same":
                same.append((kind, b, a))
            else:
                apart.add((kind, *sorted((a, b))))
    return Overrides(tuple(same), frozenset(apart))


def _initial_of(short: list[str], full: list[str]) -> bool:
    """Say whether one name is the other with given names shortened to initials ("a romzi")."""
    if len(short) != len(full) or short == full:
        return False
    return all(s == f or (len(s) == 1 and f.startswith(s)) for s, f in zip(short, full))


def _one_letter_apart(a: str, b: str) -> bool:
    """Say whether two words differ by one letter substituted, added or dropped."""
    if abs(len(a) - len(b)) > 1 or a == b or min(len(a), len(b)) < 5:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def same_person(a: str, b: str) -> str | None:
    """Say why two person keys may name one person (initials, a spelling variant), or None."""
    wa, wb = a.split(), b.split()
    if _initial_of(wa, wb) or _initial_of(wb, wa):
        return "initials"
    if len(wa) == len(wb) and sum(_one_letter_apart(x, y) for x, y in zip(wa, wb)) == 1 and \
            sum(x != y for x, y in zip(wa, wb)) == 1:
        return "spelling variant"
    return None


def _person_orgs(extractions: list[Extraction]) -> dict[str, set[str]]:
    """Map each person key to the organisations it holds a role at."""
    orgs: dict[str, set[str]] = defaultdict(set)
    for x in extractions:
        for h in x.holdings:
            orgs[h.person].add(h.organization)
    return orgs


def person_merges(extractions: list[Extraction], overrides: Overrides) -> list[Merge]:
    """Find the person keys to merge: variant names that hold a role at one organisation."""
    orgs = _person_orgs(extractions)
    # Only names of as many words, at one organisation, can merge: compare those pairs alone,
    # not every pair of the corpus (which grew with its square).
    groups: dict[tuple[str, int], list[str]] = defaultdict(list)
    for key in sorted(orgs):
        for org in orgs[key]:
            groups[org, len(key.split())].append(key)
    pairs = sorted({(a, b) for group in groups.values()
                    for i, a in enumerate(group) for b in group[i + 1:]})
    merges = []
    for a, b in pairs:
        reason = same_person(a, b)
        shared = orgs[a] & orgs[b]
        if reason and (Kind.PERSON, a, b) not in overrides.apart:
            target, source = sorted((a, b), key=lambda k: (-len(k), k))
            merges.append(Merge(Kind.PERSON, source, target,
                                f"{reason}, both at {sorted(shared)[0]}"))
    return merges


def _mapping(merges: list[Merge], kind: Kind) -> dict[str, str]:
    """Follow merges to their final key, per kind."""
    step = {m.source: m.target for m in merges if m.kind == kind}
    final = {}
    for key in step:
        seen, target = {key}, step[key]
        while target in step and target not in seen:
            seen.add(target)
            target = step[target]
        final[key] = target
    return final


def _names(extractions: list[Extraction]) -> dict[tuple[str, str], str]:
    """Index every entity key by (kind, folded name or alias)."""
    index: dict[tuple[str, str], str] = {}
    for x in extractions:
        for kind, field in FIELDS.items():
            for r in getattr(x, field):
                for name in (r.key, r.name, *r.aliases):
                    index.setdefault((kind, fold(name)), r.key)
    return index


def _keyed(overrides: Overrides, extractions: list[Extraction]) -> Overrides:
    """Turn the names in the curated verdicts into entity keys (a name no entity has stays as is)."""
    index = _names(extractions)

    def key(kind: str, name: str) -> str:
        return index.get((kind, name), name)

    return Overrides(tuple((k, key(k, a), key(k, b)) for k, a, b in overrides.same),
                     frozenset((k, *sorted((key(k, a), key(k, b)))) for k, a, b in overrides.apart))


def unify(extractions: list[Extraction], overrides: Overrides = Overrides()
          ) -> tuple[list[Extraction], list[Merge]]:
    """Rewrite the keys of every extraction so that one entity has one key; return the merges."""
    overrides = _keyed(overrides, extractions)
    merges = person_merges(extractions, overrides)
    merges += [Merge(kind, src, dst, "curated: aliases.tsv") for kind, src, dst in overrides.same
               if src != dst]
    maps = {kind: _mapping(merges, kind) for kind in KINDS}
    return [_rekey(x, maps) for x in extractions], merges


def _rekey(x: Extraction, maps: dict[Kind, dict[str, str]]) -> Extraction:
    """Rewrite one extraction's keys."""
    person, org, place, group = (maps[kind] for kind in KINDS)

    def k(keys: dict[str, str], key: str) -> str:
        return keys.get(key, key)

    return replace(
        x,
        persons=tuple(replace(p, key=k(person, p.key)) for p in x.persons),
        organizations=tuple(replace(o, key=k(org, o.key), area=o.area and k(place, o.area))
                            for o in x.organizations),
        places=tuple(replace(p, key=k(place, p.key), within=p.within and k(place, p.within))
                     for p in x.places),
        events=tuple(replace(e, place=e.place and k(place, e.place)) for e in x.events),
        dateline=x.dateline and k(place, x.dateline),
        collectives=tuple(replace(c, key=k(group, c.key)) for c in x.collectives),
        holdings=tuple(replace(h, person=k(person, h.person), organization=k(org, h.organization))
                       for h in x.holdings),
        attendances=tuple(replace(a, participant=k(maps[a.kind], a.participant))
                          for a in x.attendances),
    )
