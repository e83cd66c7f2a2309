"""Cut a sentence into chunks, trying each construction's parser in turn at every token."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache, lru_cache

from kg.extract.chunks import Chunk, OrgRef, TitleRef
from kg.extract.context import Context, in_document_title, levels
from kg.extract.institutions import body_forms, chunk, org
from kg.extract.occasions import event_at, place_at, venue_at
from kg.extract.people import collective_at, name_at, person_at
from kg.extract.phrases import tables
from kg.extract.titles import carries_body, title
from kg.lexicons import load
from kg.nlp.names import is_prefix
from kg.vocab import ChunkKind, PlaceLevel


def _org_at(ctx: Context, i: int) -> Chunk | None:
    """Parse a standalone organisation; one set up in many places at once is a group of them.

    "rekrutmen Panwaslu di 19 kecamatan", "KPPS di setiap TPS", "Polsek jajaran": not one institution.
    """
    found = org(ctx, i)
    if not found or in_document_title(ctx, i):
        return None
    end, ref = found
    every = load().place_words["every"]
    many = ctx.word(end) == "di" and (ctx.word(end + 1).isdigit() or ctx.word(end + 1) in every)
    if many and not ref.area:
        return chunk(ctx, ChunkKind.COLLECTIVE, i, end, label=ref.name)
    if not ref.area and (levels(ctx.word(end)) or ctx.word(end) in load().place_words["below"]):
        # "Bawaslu Kab/Kota", "Panwaslu Kelurahan/Desa", "Polres jajaran": the body of every
        # such region, or every one under a command
        return chunk(ctx, ChunkKind.COLLECTIVE, i, end + 1, label=ctx.span(i, end + 1))
    return chunk(ctx, ChunkKind.ORGANIZATION, i, end, org=ref)


Parser = Callable[[Context, int, bool], "Chunk | None"]


def _unconcerned(parse: Callable[[Context, int], Chunk | None]) -> Parser:
    """Make a parser of one that a group before the token does not concern (`collective_at`
    alone reads what follows a group)."""
    def parser(ctx: Context, i: int, _: bool) -> Chunk | None:
        return parse(ctx, i)
    return parser


_title_at, _venue_at, _any_org_at, _place_at, _event_at, _person_at, _name_at = map(
    _unconcerned, (title, venue_at, _org_at, place_at, event_at, person_at, name_at))


# The parsers, tried in this order at each token: the first chunk found wins.
_PARSERS: tuple[Parser, ...] = (collective_at, _title_at, _venue_at, _any_org_at, _place_at,
                                _event_at, _person_at, _name_at)


def _parse(ctx: Context, i: int, previous: Chunk | None) -> Chunk | None:
    """Return the first chunk any parser finds at token i."""
    after_group = bool(previous and previous.kind == ChunkKind.COLLECTIVE and
                       all(ctx.word(k) in load().glue["groups"] for k in range(previous.j, i)))
    for parse in _parsers_at(ctx.word(i), ctx.cap(i)):
        if found := parse(ctx, i, after_group):
            return found
    return None


@lru_cache(maxsize=65536)
def _parsers_at(word: str, capitalised: bool) -> tuple[Parser, ...]:
    """Return the parsers that may find a chunk at a token of this word, in their order.

    Each of the others looks its first word up in a phrase table, or asks for a capital, before
    anything else (so a `Watched` context is asked the same), and finds nothing here: a group
    opens with a quantifier, a number or a group's word, a title with a qualifier's or a role's,
    a venue and an event with theirs; venues, organisations and places are capitalised.
    tests/test_chunker.py parses with and without this index.
    """
    t, lex = tables(), load()
    opens = {
        collective_at: word.lower() in lex.quantifiers or word.isdecimal()
        or word in t.collectives.by_first,
        _title_at: word in t.qualifiers.by_first or word in t.roles.by_first,
        _venue_at: capitalised and word in t.venues.by_first,
        _any_org_at: capitalised,
        _place_at: capitalised,
        _event_at: word in t.events.by_first,
    }
    return tuple(p for p in _PARSERS if opens.get(p, True))


def _opens_uncapitalised(word: str) -> bool:
    """Say whether any parser may find a chunk at a token of this word that is not
    capitalised (most tokens: then none is tried).

    Uncapitalised, a venue, an organisation and a place are never found (each asks `ctx.cap`
    first); a group begins with a quantifier, a number or a group's word; a title with a
    qualifier or a role ("anggota DPRD"); an event with its word; a person or a name with an
    honorific or a rank ("dr"), or a name's particle ("bin"). A parser that comes to start
    otherwise must say so here: tests/test_chunker.py parses with and without this test.
    """
    found = _OPENS.get(word)
    if found is None:
        found = _OPENS[word] = word in _uncapitalised_openers() \
            or word.lower() in load().quantifiers or is_prefix(word)
    return found


_OPENS: dict[str, bool] = {}  # _opens_uncapitalised's answers, word by word


@cache
def _uncapitalised_openers() -> frozenset[str]:
    """Return the words that begin a phrase of a group, a qualifier, a role or an event, and a
    name's particles."""
    t = tables()
    return frozenset({*t.collectives.by_first, *t.qualifiers.by_first, *t.roles.by_first,
                      *t.events.by_first, *load().name_parts})


def chunk_sentence(ctx: Context) -> list[Chunk]:
    """Cut the sentence's tokens into chunks, left to right."""
    chunks: list[Chunk] = []
    at = 0  # where the last chunk found ends
    for i in ctx.openings(_opens_uncapitalised):
        if i >= at and (found := _parse(ctx, i, chunks[-1] if chunks else None)):
            chunks.append(found)
            at = found.j
    chunks = [c for n, c in enumerate(chunks) if not (c.kind == ChunkKind.NAME and _short_form(ctx, c))
              and not (c.kind in _NAMES and (_eponym_of_place(ctx, c, chunks[n - 1] if n else None)
                                             or _adat_title(ctx, c, chunks[n - 1] if n else None)))]
    return _provincial_staff(_inherit_institutions(_units_within(ctx, _unlisted_titles(ctx, chunks))))


_NAMES = frozenset({ChunkKind.NAME, ChunkKind.PERSON})


def _eponym_of_place(ctx: Context, c: Chunk, before: Chunk | None) -> bool:
    """Say whether a name follows a street's, a building's or an airport's word, and so is the
    name of that place, not a person of the report: "Jl. Jenderal Sudirman", "ruang Jenderal
    Nama", "Gedung Drs. Nama" (place_words.tsv's "eponym"); not when the word ends a title or
    a body's name ("Kapolres Pelabuhan AKBP Nama")."""
    k = c.i - 1 - (ctx.word(c.i - 1) == "." and c.i > 1)
    word = ctx.word(k)
    if before and before.j > k and before.kind in {ChunkKind.TITLE, ChunkKind.ORGANIZATION}:
        return False
    return k >= 0 and (word if word.isupper() else word.capitalize()) in load().place_words["eponym"]


def _adat_title(ctx: Context, c: Chunk, before: Chunk | None) -> bool:
    """Say whether a name opened by an adat honorific right after a person is that person's
    title of custom, no other person: "Bupati X, Nama, MM, Dt. Rajo Nan Gadang" (Minangkabau)."""
    return bool(before and before.kind in _NAMES and ctx.word(c.i) in load().adat_titles
                and all(ctx.word(k) == "," for k in range(before.j, c.i)))


def _short_form(ctx: Context, c: Chunk) -> bool:
    """Say whether a name in parentheses shortens the words before it: "Pemilihan Gubernur Jawa
    Timur (Pilgub Jatim)", "Kepulauan Bangka Belitung (Kep Babel)".

    As Schwartz and Hearst read abbreviations: the short form's letters appear in order in the
    long form, its first letter opening one of its words.
    """
    if ctx.word(c.i - 1) != "(" or ctx.word(c.j) != ")":
        return False
    short = "".join(ch for ch in c.text.lower() if ch.isalnum())
    words = [ctx.word(k).lower() for k in range(max(c.i - 9, 0), c.i - 1) if ctx.tokens[k].is_word]
    for start in range(len(words)):
        if words[start][:1] != short[:1]:
            continue
        letters = iter("".join(words[start:]))
        if all(ch in letters for ch in short):
            return True
    return False


def _unlisted_titles(ctx: Context, chunks: list[Chunk]) -> list[Chunk]:
    """Read a title no list knows from where it stands: before a body, before a ranked holder.

    "Wakasat Samapta Polrestabes Semarang, Kompol R. Justinus": the words glued to the body,
    with a rank after it, are the holder's role there.
    """
    out: list[Chunk] = []
    n = 0
    while n < len(chunks):
        c = chunks[n]
        body, holder = (chunks[n + 1] if n + 1 < len(chunks) else None,
                        chunks[n + 2] if n + 2 < len(chunks) else None)
        if (c.kind == ChunkKind.NAME and body and body.kind == ChunkKind.ORGANIZATION and body.org and body.i == c.j
                and holder and holder.kind in {ChunkKind.PERSON, ChunkKind.NAME} and "evidence" in holder.tags
                and all(ctx.word(k) == "," for k in range(body.j, holder.i))):
            title = TitleRef(c.text, c.text, None, body.org, None, (body.start, body.end))
            out.append(chunk(ctx, ChunkKind.TITLE, c.i, body.j, title=title))
            n += 2
            continue
        out.append(c)
        n += 1
    return out


def _units_within(ctx: Context, chunks: list[Chunk]) -> list[Chunk]:
    """Read a title's body, a unit placed nowhere, and the body written right after it as one:
    the unit within that body. "Kepala Biro Hukum Sekretariat Daerah Provinsi X, A": the bureau
    of the province's secretariat; "Kepala Bidang Hukum Kantor Wilayah Kemenkumham X", "Kanit
    Bareskrim Mabes Polri". A unit with a region of its own ("Kapolres Y Polda X") is the body."""
    out: list[Chunk] = []
    for c in chunks:
        t = out[-1].title if out else None
        if c.kind == ChunkKind.ORGANIZATION and c.org and t and t.org and t.org_span and t.org.area is None \
                and out[-1].j == c.i and t.org_span[1] == out[-1].end:
            unit = OrgRef(f"{t.org.written} {c.org.written}", f"{t.org.base} {c.org.base}", None, c.org.area,
                          c.org.names)
            out[-1] = chunk(ctx, ChunkKind.TITLE, out[-1].i, c.j, title=replace(
                t, org=unit, org_span=(t.org_span[0], c.end)))
            continue
        out.append(c)
    return out


def _inherit_institutions(chunks: list[Chunk]) -> list[Chunk]:
    """Give a title that names no institution the one the sentence's previous title named.

    "Kepala Kejaksaan Tinggi Maluku A, didampingi Asisten Intelijen B, Asisten Pembinaan C":
    the assistants serve the Kejati, not the region's government. A title that carries a kind
    of body but names none takes the sentence's last body of that kind: "Materi dari Kejari
    Poso disampaikan Kasi Pidum, A" (the Kejari's section head).
    """
    out, last, bodies = [], None, []
    for c in chunks:
        t = c.title
        if c.kind == ChunkKind.ORGANIZATION and c.org:
            bodies.append(c.org)
        if c.kind == ChunkKind.TITLE and t and t.org and (t.org_span or not _generic(t.written)):
            last = t.org  # written after the title, or carried by it: "Sekretaris Dewan" (DPRD)
            bodies.append(t.org)
        elif c.kind == ChunkKind.TITLE and t and last and (t.org_span is None or t.org is None) \
                and _generic(t.written) and not _serves_a_head(t) and not _staff_of_office(t, last):
            c = replace(c, title=replace(t, org=last, collective=None))
        elif c.kind == ChunkKind.TITLE and t and t.org is None and (
                body := next((b for b in reversed(bodies) if carries_body(t.written, b)), None)):
            c = replace(c, title=replace(t, org=body, collective=None))
        out.append(c)
    return out


def _provincial_staff(chunks: list[Chunk]) -> list[Chunk]:
    """Give a government's staff title written without its region ("Sekda", "Asisten"), read as the
    report's own city's or regency's, the province's government when the sentence names that and
    no city's or regency's: "Penjabat Gubernur X A bersama Penjabat Sekda B" in a report from the
    provincial capital (but "Bupati Y, Gubernur X dan Sekda B": the regency's)."""
    staff = [n for n, c in enumerate(chunks) if c.kind == ChunkKind.TITLE and c.title and c.title.org
             and c.title.org_span is None and _level_free(c.title) and _government(c.title.org)]
    governments = [ref for n, c in enumerate(chunks) if n not in staff
                   and (ref := c.org or (c.title.org if c.title else None)) and _government(ref)]
    if not staff or {ref.area.level for ref in governments if ref.area} != {PlaceLevel.PROVINCE}:
        return chunks
    province = governments[0]
    return [replace(c, title=replace(c.title, org=province)) if n in staff and c.title else c
            for n, c in enumerate(chunks)]


def _government(ref: OrgRef) -> bool:
    """Say whether a body is a region's government ("Pemerintah Kabupaten X")."""
    return bool(ref.area) and ref.base in load().home_levels and ref.base.startswith("Pemerintah")


def _level_free(t: TitleRef) -> bool:
    """Say whether a title names a government's staff at any level, its region the report's when
    none is written: "Sekda", "Asisten" (roles.tsv: Pemerintah {area})."""
    role = load().roles.get(t.written)
    return bool(role and "{area}" in (role.carries or role.fallback or ""))


def _serves_a_head(t: TitleRef) -> bool:
    """Say whether a title names the regional head it serves: "Staf Ahli Gubernur" is the
    province's, whatever body the sentence named before it."""
    return bool(set(t.role[len(t.written):].split()) & _heads())


@cache
def _heads() -> frozenset[str]:
    """Return the one-word titles of regional heads, whose office is a government ("Gubernur")."""
    return frozenset(form for form, role in load().roles.items()
                     if role.carries and role.carries.startswith("Pemerintah") and " " not in form)


def _staff_of_office(t: TitleRef, body: OrgRef) -> bool:
    """Say whether a government's staff title would be given an office of that government:
    "Kadis Sosial A, Staf Ahli Bidang Hukum B": B serves the government, as no assistant or
    expert staff serves a Dinas."""
    role = load().roles.get(t.written)
    return bool(role and role.fallback) and any(
        form and f"{form} ".startswith(f"{office} ") for form in body_forms(body) for office in load().offices)


def _generic(written: str) -> bool:
    """Say whether a title names no institution of its own ("Asisten", "Komisioner")."""
    role = load().roles.get(written)
    return role is not None and role.carries is None
