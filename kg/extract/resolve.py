"""Resolve mentions to entities within an article: one key per person, organisation and place."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache, lru_cache

from kg.extract.chunks import OrgRef, PlaceRef
from kg.lexicons import gazetteer, load
from kg.nlp.names import initials_of, spelling_variant
from kg.nlp.tokens import fold
from kg.nlp.vocabulary import unit_numeral
from kg.records import Name, Organization, Person, Place


def acronym_table(definitions: list[tuple[str, str]]) -> dict[str, str]:
    """Map folded full names and acronyms to one acronym, from the lexicon and the article.

    Acronyms of one full name share the first listed: "Bakesbangpol" is "Kesbangpol".
    """
    table = dict(_lexicon_acronyms())
    for pair in definitions:
        full, short = sorted(pair, key=lambda n: -len(n.split()))  # either order: "X (Y)"
        table.setdefault(fold(full), table.get(fold(short), short))
        table.setdefault(fold(short), table[fold(full)])
    return table


@cache
def _lexicon_acronyms() -> dict[str, str]:
    """Map the lexicon's folded full names and acronyms to one acronym (made once; copied)."""
    table: dict[str, str] = {}
    for acronym, (fulls, _) in load().acronyms.items():
        canonical = next((table[fold(f)] for f in fulls if fold(f) in table), acronym)
        table |= {fold(acronym): canonical} | {fold(f): canonical for f in fulls
                                               if fold(f) not in table}
    return table


def place_key(place: PlaceRef) -> str:
    """Key a place: its Kemendagri code when known, else its level and folded name."""
    return place.code or f"{place.level}:{fold(place.name)}"


def _area_key(place: PlaceRef) -> str:
    """Key the area of a body: a unit by its number, or its name before a slash, which the
    rest only spells out ("Korem 032/Wirabraja" and "Korem 032/Wbr", "Kodam Jaya/Jayakarta"
    and "Kodam Jaya"); any other place by `place_key`."""
    if place.level != "unit":
        return place_key(place)
    first = re.split(r"\s*/\s*|\s+", place.name, maxsplit=1)[0]
    numbered = first.replace("-", "").isdigit() or unit_numeral(first)
    return f"unit:{fold(first)}" if numbered or "/" in place.name else place_key(place)


def _shown_area(area: str, members: list[OrgRef]) -> str:
    """Return the area key a body is known by: a unit's the longest of its written forms
    (`_area_key` groups them by number), any other's its own."""
    if not area.startswith("unit:"):
        return area
    return max((place_key(r.area) for r in members if r.area), key=lambda k: (len(k), k), default=area)


def _base_id(ref: OrgRef, acronyms: dict[str, str]) -> str:
    """Identify an organisation's kind by its acronym when it has one, else its folded name.

    A head word before an acronym adds nothing: "Badan Kesbangpol" is Kesbangpol; a generic
    government is its level's (`_level_government`).
    """
    base = fold(_level_government(ref) or ref.base)
    head, _, rest = base.partition(" ")
    if base not in acronyms and rest in acronyms and head.capitalize() in load().org_heads:
        base = rest
    return fold(acronyms.get(base, ref.base))


def _level_government(ref: OrgRef) -> str | None:
    """Return the government of its area's level that a generic government is: "Pemerintah
    Daerah Kabupaten Sekadau" is "Pemerintah Kabupaten" Sekadau, as home_levels.tsv spells it."""
    level = gazetteer.LEVEL_WORDS.get(ref.area.level) if ref.area else None
    if level is None:
        return None
    lex = load()
    for form in (ref.base, *lex.acronyms.get(ref.base, ((), ""))[0]):
        if form in lex.generic_bodies and (spelt := f"{form.split()[0]} {level}") in lex.home_levels:
            return spelt
    return None


@lru_cache(maxsize=16384)  # an organisation is named again and again, in an article and across them
def _org_names(ref: OrgRef, acronym: str | None) -> frozenset[str]:
    """List every name an organisation mention gives it, with its acronym's and area's other forms.

    "Kejati Jawa Tengah" is also "Kejaksaan Tinggi Jawa Tengah"; "Pemerintah Kabupaten Sidrap"
    also "Pemerintah Kabupaten Sidenreng Rappang".
    """
    bases = {ref.base, *ref.names}
    if acronym:
        bases |= {acronym, *load().acronyms.get(acronym, ((), ""))[0]}
    names = {ref.name, *bases}
    if not ref.written.startswith(ref.base):
        names.add(ref.written)  # "Pemerintah Aceh", the province's government as it is called
    if ref.area:
        levelled = {b for b in bases if _names_level(b)}
        areas = {ref.area.written, ref.area.name}
        bare = {_bare(a) for a in areas}
        names |= {f"{b} {a}" for b in bases - levelled for a in areas}
        names |= {f"{b} {a}" for b in levelled for a in bare}
    return frozenset(names)


def _bare(place: str) -> str:
    """Drop a leading level word from a place's name."""
    first, _, rest = place.partition(" ")
    return rest if rest and first in load().place_levels else place


def _names_level(base: str) -> bool:
    """Say whether a name already says its level: "Pemerintah Kota", "Pemkot"."""
    lex = load()
    fulls = lex.acronyms.get(base, ((), ""))[0]
    return any(full.split()[-1] in lex.place_levels for full in (base, *fulls))


def _label(names: set[str], refs: list[OrgRef]) -> str:
    """Choose the label: a name written with its area, the longest, ties by spelling."""
    written = {r.name for r in refs}
    with_area = {r.name for r in refs if r.area}
    return min(names, key=lambda n: (n not in with_area, n not in written, -len(n.split()), n))


def _home_area(base: str, acronyms: dict[str, str], home: str | None) -> str:
    """Return the region an unqualified body serves: none for a national one, else the report's.

    "Inspektorat" in a report from OKU Selatan is that regency's inspectorate, not one body
    for all Indonesia; "Polda" is the province's.
    """
    scope = load().acronyms.get(acronyms.get(base, ""), ((), "regional"))[1]
    if home is None or scope == "national":
        return ""
    return home.split(".")[0] if scope == "province" else home


def _national(ref: OrgRef) -> bool:
    """Say whether a mention names the national body: "KPU RI" is not the report's KPU."""
    return ref.written.endswith(tuple(f" {form}" for form in load().national))


def resolve_orgs(refs: list[OrgRef], definitions: list[tuple[str, str]], home: str | None = None
                 ) -> tuple[list[Organization], dict[OrgRef, str]]:
    """Merge an article's organisation mentions; an unqualified one joins its one qualified kin,
    else serves the report's own region (a national one is the national body, "BPK" the "BPK RI"
    beside a "BPK Perwakilan Maluku").

    "Bawaslu" and "Badan Pengawas Pemilu" in a report that also names "Bawaslu Kabupaten
    OKU Selatan" are that body.
    """
    acronyms = acronym_table(definitions)
    groups: dict[tuple[str, str], list[OrgRef]] = defaultdict(list)
    for ref in refs:
        area = _area_key(ref.area) if ref.area else "ri" if _national(ref) else ""
        groups[(_base_id(ref, acronyms), area)].append(ref)
    for base, area in [k for k in groups if not k[1]]:
        kin = [k for k in groups if k[0] == base and k[1]]
        target = kin[0] if len(kin) == 1 else (base, _home_area(base, acronyms, home) or
                                               ("ri" if (base, "ri") in kin else ""))
        if target != (base, area):
            groups[target].extend(groups.pop((base, area)))
    orgs: list[Organization] = []
    keys: dict[OrgRef, str] = {}
    for (base, grouped), members in sorted(groups.items()):
        area = _shown_area(grouped, members)
        key = f"{base}|{area}" if area else base
        acronym = acronyms.get(base)
        names = set().union(*(_org_names(r, acronym) for r in members))
        label = _label(names, members)
        orgs.append(Organization(key, label, tuple(sorted(names - {label})), area or None))
        keys |= {r: key for r in members}
    return orgs, keys


def _shortens(short: list[str], full: list[str]) -> bool:
    """Say whether a name is a later short form of a full one: one of its words ("Doni"), its
    first words ("Andi Ishak"), its first words after the particles, leading words and
    shortened given names that open it ("Alit Wiradana" for "Ida Bagus Alit Wiradana", "Adi
    Sutarsa" for "I Komang Adi Sutarsa", "Rizki Pratama" for "Moh Rizki Pratama"), itself without its
    initials ("Deslie Sumampouw" for "Deslie D. Sumampouw") or without middle names, its first
    and last kept ("Meki Nawipa" for "Meki Fritz Nawipa", "Andi Tenri Lawa" for "Andi Tenri
    Abeng Lawa"); "Agus Salim" does not shorten "Ratna Agus Salim"."""
    if len(short) >= len(full):
        return False
    if short and (len(short) == 1 or short[0] not in full):  # each form below holds its first word
        return short[0] in full
    k = 0
    while k < len(full) - 1 and _opening(full[k]):
        k += 1
    return short in (full[:len(short)], full[k:k + len(short)], [w for w in full if len(w) > 1]) \
        or (short[0] == full[0] and short[-1] == full[-1] and _within(short, full))


def _opening(word: str) -> bool:
    """Say whether a folded word is one of name_parts.tsv's that open a name: a particle, a
    leading word or a shortened given name (not one that joins a name's parts)."""
    kind = load().name_parts.get(word.capitalize())
    return kind is not None and kind != "inner" and kind != "middle"


def _within(short: list[str], full: list[str]) -> bool:
    """Say whether a name's words stand in a longer one in the same order."""
    rest = iter(full)
    return all(word in rest for word in short)


def resolve_persons(names: list[Name]) -> tuple[list[Person], dict[str, str]]:
    """Merge an article's person names; a shorter name joins the one full name that contains it.

    "Doni Candra juga menjelaskan" after "Ketua Bawaslu ..., Doni Candra" is one person, and so
    is a later "Doni" when no other person of the article is called so, else the person so
    called named last before it (unless it is one's last name); a full name written with a slip
    in one long word is the same person, labelled as written most often.
    """
    full: dict[str, list[Name]] = defaultdict(list)
    forms: dict[str, list[list[str]]] = defaultdict(list)  # each group's names, folded once
    first: dict[str, int] = {}  # where each group is first named
    for at, n in sorted(enumerate(names), key=lambda e: -len(e[1].name.split())):
        words = fold(n.name).split()
        kin = [k for k, group in forms.items() if any(_shortens(words, f) for f in group)] or \
            ([k for k in full if spelling_variant(words, parts := k.split()) or initials_of(words, parts)]
             if len(words) > 1 else [])
        if len(kin) > 1 and len(words) == 1 and all(words[0] != k.split()[-1] for k in kin):
            # "Ketut" after "I Ketut A" and "I Ketut B"; not a last name ("Candra" after "Doni Candra" and "Rina Candra")
            kin = [max(kin, key=lambda k: (first[k] < at, first[k] if first[k] < at else -first[k]))]
        key = kin[0] if len(kin) == 1 else " ".join(words)
        first.setdefault(key, at)
        full[key].append(n)
        forms[key].append(words)
    people: list[Person] = []
    keys: dict[str, str] = {}
    for key, group in sorted(full.items()):
        spellings = [n.name for n in group]
        label = max(spellings, key=lambda s: (len(s.split()), spellings.count(s), s))
        aliases = sorted(({n.written for n in group} | {n.name for n in group}) - {label})
        prefixes = tuple(dict.fromkeys(p for n in group for p in n.prefixes))
        suffixes = tuple(dict.fromkeys(s for n in group for s in n.suffixes))
        people.append(Person(key, label, tuple(aliases), prefixes, suffixes))
        keys |= {fold(n.name): key for n in group}
    return people, keys


def person_named(name: str, keys: dict[str, str]) -> str | None:
    """Return the key of the article's person a name names, a later short form of one full name
    too ("Sri" for "Sri Hartati"), or None."""
    words = fold(name).split()
    if " ".join(words) in keys:
        return keys[" ".join(words)]
    kin = {k for k in keys.values() if _shortens(words, k.split())}
    return kin.pop() if len(kin) == 1 else None


def region_places(code: str) -> list[Place]:
    """Return a region and every region it lies in, as Places."""
    return list(_region_places(code))


@lru_cache(maxsize=8192)  # an article's places ask for their regions again and again
def _region_places(code: str) -> tuple[Place, ...]:
    """Make the Places of a region and every region it lies in."""
    chain = gazetteer.chain(gazetteer.regions()[code])
    return tuple(Place(r.code, r.full_name, r.level, (r.name,) if r.full_name != r.name else (),
                       r.code, r.parent) for r in chain)
