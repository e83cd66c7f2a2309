"""Load the word lists in this folder: tab-separated data files, validated when read."""

from __future__ import annotations

import csv
from collections.abc import Set
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.vocab import BylineRole, EventKind, Kind, PlaceLevel

PLACE_LEVELS = frozenset(PlaceLevel) - {PlaceLevel.VENUE}  # the administrative ones
CARRY_SLOTS = ("{place}", "{area}", "{rest}")


class LexiconError(ValueError):
    """A data file that does not have the shape its loader expects."""


@dataclass(frozen=True)
class Role:
    """A role title: the role it names and the organisation it carries, if any."""

    role: str
    carries: str | None
    fallback: str | None = None


def _rows(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Read one TSV file of this folder, checking its header and every row."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != columns:
        raise LexiconError(f"{name}: header {reader.fieldnames} is not {list(columns)}")
    rows = list(reader)
    for number, row in enumerate(rows, start=2):
        if any(not (row.get(c) or "").strip() for c in columns):
            raise LexiconError(f"{name}: row {number} has an empty or missing column: {row}")
    return rows


def _unique(name: str, rows: list[dict[str, str]], key: str) -> dict[str, dict[str, str]]:
    """Index rows by one column, refusing a form listed twice."""
    index: dict[str, dict[str, str]] = {}
    for row in rows:
        if row[key] in index:
            raise LexiconError(f"{name}: '{row[key]}' is listed twice")
        index[row[key]] = row
    return index


def _words(name: str) -> frozenset[str]:
    """Read a one-column word list."""
    return frozenset(_unique(name, _rows(name, ("form",)), "form"))


def _columns(name: str, columns: tuple[str, str]) -> dict[str, str]:
    """Read a two-column list as first column -> second column."""
    rows = _unique(name, _rows(name, columns), columns[0])
    return {key: row[columns[1]] for key, row in rows.items()}


def _mapping(name: str, value: str, allowed: Set[str] | None = None) -> dict[str, str]:
    """Read a two-column list as form -> value, checking values against `allowed`."""
    mapping = _columns(name, ("form", value))
    bad = sorted({v for v in mapping.values() if allowed is not None and v not in allowed})
    if bad:
        raise LexiconError(f"{name}: unknown {value} {bad}")
    return mapping


def _spellings() -> tuple[tuple[str, str, str], ...]:
    """Read spellings.tsv: (old letters, new letters, position) rows, in the file's order."""
    rows = _unique("spellings.tsv", _rows("spellings.tsv", ("old", "new", "position")), "old")
    if bad := sorted({r["position"] for r in rows.values()} - {"anywhere", "end"}):
        raise LexiconError(f"spellings.tsv: unknown position {bad}")
    return tuple((r["old"], r["new"], r["position"]) for r in rows.values())


def _numbers(name: str, value: str, low: int, high: int) -> dict[str, int]:
    """Read a form -> integer list, checking the range."""
    mapping = _mapping(name, value)
    try:
        numbers = {form: int(v) for form, v in mapping.items()}
    except ValueError as err:
        raise LexiconError(f"{name}: {err}") from None
    if any(not low <= n <= high for n in numbers.values()):
        raise LexiconError(f"{name}: a {value} outside {low}..{high}")
    return numbers


def _uses(name: str, column: str, allowed: Set[str]) -> dict[str, frozenset[str]]:
    """Read a list whose second column names the sets (one or more, space-separated) each form
    belongs to, as set -> its forms; every allowed set must have a form."""
    table: dict[str, set[str]] = {use: set() for use in allowed}
    for form, uses in _mapping(name, column).items():
        if bad := sorted(set(uses.split()) - set(allowed)):
            raise LexiconError(f"{name}: unknown {column} {bad} for {form!r}")
        for use in uses.split():
            table[use].add(form)
    if empty := sorted(use for use, forms in table.items() if not forms):
        raise LexiconError(f"{name}: no form is for {empty}")
    return {use: frozenset(forms) for use, forms in sorted(table.items())}


def _roles(acronyms: dict[str, tuple[tuple[str, ...], str]]) -> dict[str, Role]:
    """Read the role titles, checking each carried organisation's template."""
    roles: dict[str, Role] = {}
    columns = ("form", "role", "carries", "fallback")
    for form, row in _unique("roles.tsv", _rows("roles.tsv", columns), "form").items():
        carries, fallback = (None if row[c] == "-" else row[c] for c in ("carries", "fallback"))
        if any(t and sum(t.count(slot) for slot in CARRY_SLOTS) > 1 for t in (carries, fallback)):
            raise LexiconError(f"roles.tsv: '{form}' carries more than one slot")
        roles[form] = Role(row["role"], carries, fallback)
    return roles | {form: role for form, role in _glued_heads(roles, acronyms).items() if form not in roles}


def _glued_heads(roles: dict[str, Role], acronyms: dict[str, tuple[tuple[str, ...], str]]
                 ) -> dict[str, Role]:
    """Derive the titles news glue onto a body's acronym from the short titles of a kind of body
    ("Kadis" heads a Dinas, "Kaban" a Badan): "Kadinkes" heads the Dinkes, "Kakesbangpol" and
    "Kabankesbangpol" the Kesbangpol."""
    heads = {role.carries.split(" {")[0]: (form, role.role) for form, role in roles.items()
             if role.carries and role.carries.endswith(" {rest}")}
    glued: dict[str, Role] = {}
    for acronym, (fulls, scope) in acronyms.items():
        head = fulls[0].split()[0]
        if scope == "national" or " " in acronym or head not in heads:
            continue
        form, role = heads[head]
        carried = Role(role, f"{acronym} {{place}}", None)
        glued[f"Ka{acronym.lower()}"] = glued[f"{form}{acronym.lower()}"] = carried
    return glued


def _home_levels() -> dict[str, tuple[tuple[str, ...], str]]:
    """Read the bodies that serve the report's own region when no place is written."""
    table = {}
    for form, row in _unique("home_levels.tsv", _rows("home_levels.tsv", ("form", "levels", "holder")),
                             "form").items():
        levels = tuple(row["levels"].split())
        if not levels or set(levels) - PLACE_LEVELS or row["holder"] not in {"any", "named"}:
            raise LexiconError(f"home_levels.tsv: bad row for {form!r}")
        table[form] = (levels, row["holder"])
    return table


def _acronyms() -> dict[str, tuple[tuple[str, ...], str]]:
    """Read acronym -> (full names, scope)."""
    table: dict[str, tuple[tuple[str, ...], str]] = {}
    for row in _rows("acronyms.tsv", ("acronym", "full", "scope")):
        if row["scope"] not in {"national", "province", "regional"}:
            raise LexiconError(f"acronyms.tsv: unknown scope {row['scope']!r}")
        fulls, _ = table.get(row["acronym"], ((), ""))
        table[row["acronym"]] = (fulls + (row["full"],), row["scope"])
    return table


@dataclass(frozen=True)
class Lexicon:
    """Every word list the extractor uses."""

    honorifics: frozenset[str]
    adat_titles: frozenset[str]  # the honorifics of kind "adat": "Dt." before a title of custom
    ranks: frozenset[str]
    corps: frozenset[str]
    degrees: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    roles: dict[str, Role]
    qualifiers: dict[str, str]
    org_heads: frozenset[str]
    offices: frozenset[str]
    generic_bodies: frozenset[str]
    grades: frozenset[str]
    not_names: frozenset[str]
    acronyms: dict[str, tuple[tuple[str, ...], str]]
    collectives: dict[str, str]
    quantifiers: frozenset[str]
    place_levels: dict[str, PlaceLevel]
    venues: frozenset[str]
    documents: frozenset[str]
    events: dict[str, tuple[EventKind, str]]
    speech: dict[str, str]
    presence: dict[str, str]
    region_aliases: dict[str, str]
    org_words: frozenset[str]
    person_words: frozenset[str]
    function_words: frozenset[str]
    org_units: frozenset[str]
    name_parts: dict[str, str]
    plural_roles: frozenset[str]
    parties: frozenset[str]
    role_fields: frozenset[str]
    field_words: frozenset[str]
    unit_names: frozenset[str]
    eponym_heads: frozenset[str]
    terms: frozenset[str]
    links: dict[str, str]
    bylines: dict[str, BylineRole]
    home_levels: dict[str, tuple[tuple[str, ...], str]]
    glue: dict[str, frozenset[str]]
    fillers: dict[str, frozenset[str]]
    anaphora: dict[str, frozenset[str]]
    place_words: dict[str, frozenset[str]]
    abbreviations: frozenset[str]
    verb_affixes: dict[str, frozenset[str]]
    numerals: dict[str, int]
    noise: dict[str, frozenset[str]]
    national: frozenset[str]
    spellings: tuple[tuple[str, str, str], ...]


@cache
def load() -> Lexicon:
    """Load and validate every word list once."""
    events = _unique("events.tsv", _rows("events.tsv", ("form", "kind", "noun")), "form")
    honorifics = _mapping("honorifics.tsv", "kind")
    acronyms = _acronyms()
    if bad := sorted({r["kind"] for r in events.values()} - set(EventKind)):
        raise LexiconError(f"events.tsv: unknown kind {bad}")
    return Lexicon(
        honorifics=frozenset(honorifics),
        adat_titles=frozenset(form for form, kind in honorifics.items() if kind == "adat"),
        ranks=frozenset(_mapping("ranks.tsv", "service", {"police", "military"})),
        corps=_words("corps.tsv"),
        degrees=_words("degrees.tsv"),
        months=_numbers("months.tsv", "month", 1, 12),
        weekdays=_numbers("weekdays.tsv", "weekday", 1, 7),
        roles=_roles(acronyms),
        qualifiers=_mapping("qualifiers.tsv", "qualifier", {"Pj", "Plt", "Plh"}),
        org_heads=_words("org_heads.tsv"),
        offices=_words("offices.tsv"),
        generic_bodies=_words("generic_bodies.tsv"),
        grades=_words("grades.tsv"),
        not_names=_words("not_names.tsv"),
        acronyms=acronyms,
        collectives=_mapping("collectives.tsv", "name"),
        quantifiers=_words("quantifiers.tsv"),
        place_levels={form: PlaceLevel(level) for form, level in
                      _mapping("place_levels.tsv", "level", PLACE_LEVELS).items()},
        venues=_words("venues.tsv"),
        documents=_words("documents.tsv"),
        events={form: (EventKind(row["kind"]), row["noun"]) for form, row in events.items()},
        speech=_mapping("speech.tsv", "position", {"before", "after", "tag", "elsewhere"}),
        presence=_mapping("presence.tsv", "effect", {"attend", "represented", "continue", "organizer-before",
                                                      "organizer-after", "subject", "with", "not", "clause",
                                                      "member"}),
        region_aliases=_columns("region_aliases.tsv", ("alias", "code")),
        org_words=_words("org_words.tsv"),
        person_words=_words("person_words.tsv"),
        function_words=_words("function_words.tsv"),
        org_units=_words("org_units.tsv"),
        name_parts=_mapping("name_parts.tsv", "kind", {"particle", "leading", "inner", "middle",
                                                         "abbreviation"}),
        plural_roles=_words("plural_roles.tsv"),
        parties=_words("parties.tsv"),
        role_fields=_words("role_fields.tsv"),
        field_words=_words("field_words.tsv"),
        unit_names=_words("unit_names.tsv"),
        eponym_heads=_words("eponym_heads.tsv"),
        terms=_words("terms.tsv"),
        links=_mapping("links.tsv", "kind", {"link", "former", "new", "qualifying", "list", "pair",
                                                   "held-by", "replacing", "replaced-by", "within", "handed-to",
                                                   "leads", "present", "contest", "through",
                                                   "moved-from", "alias", "represents", "leaves"}),
        bylines={label: BylineRole(role) for label, role in
                 _mapping("bylines.tsv", "role", {"author", "editor"}).items()},
        home_levels=_home_levels(),
        glue=_uses("glue.tsv", "joins", {"pair", "names", "list", "groups", "hosts", "body",
                                          "roll"}),
        fillers=_uses("fillers.tsv", "inside", {"host", "passive", "list", "election", "company",
                                                   "post", "vacated"}),
        anaphora=_uses("anaphora.tsv", "refers", {Kind.PERSON, Kind.EVENT, Kind.COLLECTIVE}),
        place_words=_uses("place_words.tsv", "use",
                          {"direction", "at", "every", "local", "below", "constituency", "site", "eponym"}),
        abbreviations=_words("abbreviations.tsv"),
        verb_affixes=_uses("verb_affixes.tsv", "position", {"prefix", "suffix"}),
        numerals=_numbers("numerals.tsv", "number", 1, 99),
        noise=_uses("noise.tsv", "kind", {"link", "label"}),
        national=_words("national.tsv"),
        spellings=_spellings(),
    )
