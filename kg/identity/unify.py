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
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, replace
from pathlib import Path

from kg.errors import UserError
from kg.nlp.names import initials_of, spelling_variant
from kg.nlp.tokens import fold
from kg.records import Extraction, Holding, Organization, Place
from kg.spill import Sorter
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

    same: tuple[tuple[Kind, str, str], ...] = ()  # (kind, key, canonical key)
    apart: frozenset[tuple[Kind, str, str]] = frozenset()  # (kind, key, key), sorted pair


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
                apart.add((kind, min(a, b), max(a, b)))
    return Overrides(tuple(same), frozenset(apart))


def same_person(a: str, b: str) -> str | None:
    """Say why two person keys may name one person (initials, a spelling variant), or None."""
    wa, wb = a.split(), b.split()
    if initials_of(wa, wb):
        return "initials"
    if spelling_variant(wa, wb):
        return "spelling variant"
    return None


def merges_among(orgs: dict[str, set[str]], overrides: Overrides) -> list[Merge]:
    """Find the person keys to merge among persons and the organisations they hold roles at."""
    members: dict[tuple[str, int], list[str]] = defaultdict(list)
    for person, held in orgs.items():
        for org in held:
            members[org, len(person.split())].append(person)
    return merges_in(sorted(members.items()), overrides)


def merges_in(groups: Iterable[tuple[tuple[str, int], Iterable[str]]], overrides: Overrides
              ) -> list[Merge]:
    """Find the person keys to merge, given the persons who hold a role at each organisation
    whose names have as many words, in the order of the organisations (a person may come more
    than once).

    Only two names of as many words, at one organisation, can merge, so the pairs are sought
    among those (not among all persons at once, which grew with the square of the corpus); the
    merges are in the order of their keys, each said to be at the first organisation the two
    share.
    """
    found: dict[tuple[str, str], Merge] = {}
    for (org, _), people in groups:
        names = sorted(set(people))
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if (a, b) in found:
                    continue
                reason = same_person(a, b)
                if reason and (Kind.PERSON, a, b) not in overrides.apart:
                    target, source = sorted((a, b), key=lambda k: (-len(k), k))
                    found[a, b] = Merge(Kind.PERSON, source, target, f"{reason}, both at {org}")
    return [found[pair] for pair in sorted(found)]


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


def names(x: Extraction) -> Iterator[tuple[str, str, str]]:
    """Yield each (kind, folded name or alias, entity key) of an extraction, in order."""
    for kind, field in FIELDS.items():
        for r in getattr(x, field):
            for name in (r.key, r.name, *r.aliases):
                yield kind, fold(name), r.key


def keyed(overrides: Overrides, key_of: Callable[[str, str], str | None]) -> Overrides:
    """Turn the names in the curated verdicts into entity keys, by the key the first article to
    use a name gives it (a name no entity has stays as is)."""
    def key(kind: str, name: str) -> str:
        return key_of(kind, name) or name

    return Overrides(tuple((k, key(k, a), key(k, b)) for k, a, b in overrides.same),
                     frozenset((k, min(key(k, a), key(k, b)), max(key(k, a), key(k, b)))
                               for k, a, b in overrides.apart))


def curated(overrides: Overrides) -> list[Merge]:
    """Return the merges the curated verdicts ask for."""
    return [Merge(kind, src, dst, "curated: aliases.tsv") for kind, src, dst in overrides.same
            if src != dst]


def key_maps(merges: list[Merge]) -> dict[Kind, dict[str, str]]:
    """Map each merged key to its final key, per kind."""
    return {kind: _mapping(merges, kind) for kind in KINDS}


@dataclass(frozen=True)
class Needed:
    """What finding one entity across articles needs of one extraction (see `Identities`): the
    (organisation, words of the holder's name, holder) of each holding, and each (kind, folded
    name, entity key) of its names that the curated verdicts use, in order."""

    members: tuple[tuple[str, int, str], ...]
    names: tuple[tuple[str, str, str], ...] = ()


def needed(x: Extraction, wanted: Set[tuple[str, str]] = frozenset()) -> Needed:
    """Take what identity needs of an extraction, given the (kind, folded name) pairs the curated
    verdicts use (`Identities.wanted`): where the extraction is made, it is sent beside it."""
    return Needed(tuple((h.organization, len(h.person.split()), h.person) for h in x.holdings),
                  tuple(n for n in names(x) if (n[0], n[1]) in wanted) if wanted else ())


class Identities:
    """What finding one entity across articles needs, taken from one extraction after another
    (in the articles' order): the persons who hold a role at each organisation, and the key each
    name of the curated verdicts first goes by. Nothing else of an extraction is kept, so that a
    build need not hold every extraction at once."""

    def __init__(self, overrides: Overrides = Overrides(), folder: Path | None = None) -> None:
        self._overrides = overrides
        # the (kind, folded name) pairs the curated verdicts use
        self.wanted = frozenset((kind, name) for kind, *pair in (*overrides.same, *overrides.apart)
                                for name in pair)
        self._index: dict[tuple[str, str], str] = {}
        # the persons at each organisation, by the words of their names (see `merges_in`),
        # sorted in runs in `folder` (None: in memory)
        self._members: Sorter[str] = Sorter(folder, "members")

    def add(self, x: Extraction) -> None:
        """Take what identity needs of an extraction."""
        self.take(needed(x, self.wanted))

    def take(self, needs: Needed) -> None:
        """Take what identity needs of an extraction, taken where it was made (`needed`)."""
        for organization, words, person in needs.members:
            self._members.add((organization, words), person)
        for kind, name, key in needs.names:
            self._index.setdefault((kind, name), key)

    def merges(self) -> list[Merge]:
        """Return the merges of the extractions taken: persons' variant names that hold a role
        at one organisation, then what the curated verdicts ask for."""
        overrides = keyed(self._overrides, lambda kind, name: self._index.get((kind, name)))
        return merges_in(self._members.groups(), overrides) + curated(overrides)


def unify(extractions: list[Extraction], overrides: Overrides = Overrides()
          ) -> tuple[list[Extraction], list[Merge]]:
    """Rewrite the keys of every extraction so that one entity has one key; return the merges."""
    identities = Identities(overrides)
    for x in extractions:
        identities.add(x)
    merges = identities.merges()
    maps = key_maps(merges)
    return [rekey(x, maps) for x in extractions], merges


def rekey(x: Extraction, maps: Mapping[Kind, Mapping[str, str]]) -> Extraction:
    """Rewrite one extraction's keys (a record none of whose keys a merge rewrites is kept as
    it is: most are)."""
    person, org, place, group = (maps[kind] for kind in KINDS)

    def k(keys: Mapping[str, str], key: str) -> str:
        return keys.get(key, key)

    def organization(o: Organization) -> Organization:
        key, area = k(org, o.key), o.area and k(place, o.area)
        return o if key == o.key and area == o.area else replace(o, key=key, area=area)

    def in_place(p: Place) -> Place:
        key, within = k(place, p.key), p.within and k(place, p.within)
        return p if key == p.key and within == p.within else replace(p, key=key, within=within)

    def holding(h: Holding) -> Holding:
        who, at = k(person, h.person), k(org, h.organization)
        return h if who == h.person and at == h.organization else replace(
            h, person=who, organization=at)

    return replace(
        x,
        persons=tuple(p if (key := k(person, p.key)) == p.key else replace(p, key=key)
                      for p in x.persons),
        organizations=tuple(map(organization, x.organizations)),
        places=tuple(map(in_place, x.places)),
        events=tuple(e if (at := e.place and k(place, e.place)) == e.place else replace(e, place=at)
                     for e in x.events),
        dateline=x.dateline and k(place, x.dateline),
        collectives=tuple(c if (key := k(group, c.key)) == c.key else replace(c, key=key)
                          for c in x.collectives),
        holdings=tuple(map(holding, x.holdings)),
        attendances=tuple(a if (who := k(maps[a.kind], a.participant)) == a.participant
                          else replace(a, participant=who) for a in x.attendances),
    )


class _Lookups(Mapping[str, str]):
    """An empty key map that notes every key looked up in it."""

    def __init__(self, kind: str, seen: set[tuple[str, str]]) -> None:
        self.kind, self.seen = kind, seen

    def __getitem__(self, key: str) -> str:
        self.seen.add((self.kind, key))
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def keys_used(x: Extraction) -> set[tuple[str, str]]:
    """Return every (kind, key) of an extraction that a merge would rewrite (what `rekey` reads)."""
    seen: set[tuple[str, str]] = set()
    rekey(x, {kind: _Lookups(kind, seen) for kind in KINDS})
    return seen
