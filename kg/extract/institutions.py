"""Parse institutions, the regions they serve, and the role titles that name them."""

from __future__ import annotations

from dataclasses import replace

from kg import gazetteer
from kg.extract.chunks import Chunk, OrgRef, PlaceRef, TitleRef
from kg.extract.context import (
    DIRECTIONS,
    Context,
    org_vocabulary,
    region_at,
    reserved,
)
from kg.extract.phrases import PhraseTable, tables
from kg.lexicons import load
from kg.nlp.names import is_prefix



def chunk(ctx: Context, kind: str, i: int, j: int, **fields: object) -> Chunk:
    """Make a chunk over tokens [i, j)."""
    start, end = ctx.tokens[i].start, ctx.tokens[j - 1].end
    return Chunk(kind, i, j, start, end, ctx.text[start:end], **fields)  # type: ignore[arg-type]


def place_name(ctx: Context, i: int, level: str | None) -> tuple[int, PlaceRef] | None:
    """Parse a place's name at i: the gazetteer's longest match, else a word and its directions."""
    levels = {level} if level in {"province", "regency", "city", "district"} else None
    found = region_at(ctx, i, levels)
    # "Tanjung Baru" is not the district Tanjung: a direction word after a match makes another name.
    if found and not (ctx.word(i + found[0]) in DIRECTIONS and ctx.cap(i + found[0])):
        n, region = found
        return i + n, PlaceRef(region.name, level or region.level, region.code, ctx.span(i, i + n))
    if not ctx.cap(i) or ctx.word(i) in reserved():
        return None
    j = i + 1
    while ctx.word(j) in DIRECTIONS and ctx.cap(j):
        j += 1
    return j, PlaceRef(ctx.span(i, j), level or "place", None, ctx.span(i, j))


def area(ctx: Context, i: int) -> tuple[int, PlaceRef] | None:
    """Parse the region an organisation serves: "Kabupaten OKI", ", Kota Palembang", "Lahat"."""
    k = i + 1 if ctx.word(i) == "," and tables().levels.match(ctx.tokens, i + 1) else i
    if level := tables().levels.match(ctx.tokens, k):
        n, name = level
        village = _village_name(ctx, k + n) if name == "village" else None
        if found := village or place_name(ctx, k + n, name):
            j, place = found
            return j, PlaceRef(place.name, name, place.code, ctx.span(k, j))
        return None
    if found := region_at(ctx, k, {"province", "regency", "city"}):
        n, region = found
        end = k + n
        while ctx.word(end) in DIRECTIONS and ctx.cap(end):
            end += 1  # "Polsek Lebong Utara" is no more Lebong than a person called Utara
        if end > k + n:
            return end, PlaceRef(ctx.span(k, end), "district", None, ctx.span(k, end))
        return end, PlaceRef(region.name, region.level, region.code, ctx.span(k, end))
    return None


def unit(ctx: Context, i: int, village: bool = True) -> tuple[int, PlaceRef] | None:
    """Parse what follows a title that carries its institution: a region or a unit ("0405/Lahat").

    Only a village-level title takes a name the gazetteer does not know ("Kades Sukamaju"):
    in "Wakil Bupati Haryanto, SE" the name after the title is the holder's.
    """
    if found := area(ctx, i):
        return found
    word = ctx.word(i)
    if word and i not in ctx.blocked and ("/" in word or word.isdigit()) and word[0].isalnum():
        # "Danrem 162/Wira Bhakti Kolonel Inf ...", "Lurah 7 Ulu, Nama": a unit's name may run
        # on one word, but "Dandim 0405/Lahat Dedi Kurniawan" ends at the region.
        j = i + 1
        if "/" in word and (n := _region_run(ctx, word.split("/")[-1], j)):
            j += n  # "Dandim 0404/Muara Enim Letkol ...": the region after the slash runs on
        elif ctx.cap(j) and not is_prefix(ctx.word(j)) and (
                ("/" in word and not gazetteer.lookup(word.split("/")[-1])) or ctx.word(j + 1) == ","):
            j += 1
        while ctx.word(j) in DIRECTIONS and ctx.cap(j):
            j += 1  # "Koramil 03/Tanjung Raya"
        return j, PlaceRef(ctx.span(i, j), "unit", None, ctx.span(i, j))
    if village and (named := _village_name(ctx, i)):
        return named  # a village the gazetteer does not list, not a district elsewhere
    found = place_name(ctx, i, None)
    if found and (found[1].code is None or found[1].level == "district") and village:
        found = (found[0], PlaceRef(found[1].name, "village", None, found[1].written))
    if found and found[1].code is None and not village:
        return None
    # A known region may be followed by the holder's name ("Camat Merapi Barat Sahril Anwar");
    # an unknown one-word place only when no name runs on after it: in "Kepala Desa Pergantian
    # Antarwaktu (PAW) Desa Sidorejo" the words after the title are no village.
    if found and (found[1].code or not ctx.cap(found[0]) or is_prefix(ctx.word(found[0]))):
        return found
    return None


def _body_end(ctx: Context, k: int) -> int:
    """Extend an organisation's name over capitalised words and inner "dan" up to its area."""
    t = tables()
    while k < len(ctx.tokens):
        if area(ctx, k) and ctx.word(k) != ",":
            break
        after_dan = ctx.word(k - 1) == "dan"  # "Sekolah Staf dan Pimpinan"
        if ctx.cap(k) and not is_prefix(ctx.word(k)) and not t.venues.match(ctx.tokens, k) \
                and (after_dan or not t.roles.match(ctx.tokens, k)):
            k += 1
        elif ctx.word(k) in {"dan", "&"} and ctx.cap(k + 1) and not _starts_org(ctx, k + 1):
            k += 1
        else:
            break
    while ctx.word(k - 1) in {"dan", "&"}:
        k -= 1  # "Sekolah Staf dan Pimpinan": a name does not end on "dan"
    return k


def _starts_org(ctx: Context, i: int) -> bool:
    """Say whether a new organisation's name begins at token i."""
    t = tables()
    return bool(t.org_heads.match(ctx.tokens, i) or t.acronyms.match(ctx.tokens, i)
                or ctx.defined.match(ctx.tokens, i))


def _peel_person(ctx: Context, i: int, j: int) -> int:
    """Give back trailing words that are not organisation words when a verb follows the name.

    "Kepala Dinas Perikanan Budi Santoso mengatakan": no comma ends the institution's name.
    """
    after = ctx.word(j)
    if not after or not after[0].islower() or after in load().function_words - {"juga"}:
        return j
    k = j
    while k - 1 > i + 1 and ctx.word(k - 1) not in org_vocabulary() and j - (k - 1) <= 3:
        k -= 1
    return k if j - k >= 2 else j


def _definition(ctx: Context, k: int) -> tuple[int, str | None]:
    """Read "(Bawaslu)" or "(Badan Pengawas Pemilu)" after a name: the other name it defines."""
    if ctx.word(k) != "(":
        return k, None
    close = next((m for m in range(k + 1, min(k + 12, len(ctx.tokens))) if ctx.word(m) == ")"), None)
    if close is None or close == k + 1 or not ctx.cap(k + 1):
        return k, None
    inner = ctx.span(k + 1, close)
    if close == k + 2 or _starts_org(ctx, k + 1):
        return close + 1, inner
    return k, None


def _region_run(ctx: Context, first: str, j: int) -> int:
    """Count the words after token j-1 that complete a region's name begun by `first`."""
    for n in range(3, 0, -1):
        if all(ctx.cap(j + k) for k in range(n)) and gazetteer.lookup(f"{first} {ctx.span(j, j + n)}"):
            return n
    return 0


def _village_name(ctx: Context, i: int) -> tuple[int, PlaceRef] | None:
    """Read a village's name of up to three words before a comma: "Kepala Desa Kualu Nenas, Nama"."""
    j = i
    while j - i < 3 and ctx.cap(j) and not is_prefix(ctx.word(j)) and ctx.word(j) not in reserved():
        j += 1
    if j > i and ctx.word(j) in {",", "("}:
        return j, PlaceRef(ctx.span(i, j), "village", None, ctx.span(i, j))
    return None


def _unknown_acronym(ctx: Context, i: int, after_title: bool) -> bool:
    """Say whether token i is an acronym no list knows, read as an institution.

    After a title or before a region it names one: "Kepala PLBN Aruk", "Ketua KONI Banyuwangi".
    """
    word = ctx.word(i)
    if not (2 <= len(word) <= 8 and word.isalpha() and word.isupper()) or i in ctx.blocked:
        return False
    if is_prefix(word) or word in load().region_aliases or word in load().collectives:
        return False
    return after_title or bool(area(ctx, i + 1))


def _base_end(ctx: Context, i: int, after_title: bool) -> tuple[int, str | None] | None:
    """Find where an organisation's own name ends, and the acronym it is known by."""
    t = tables()
    if defined := ctx.defined.match(ctx.tokens, i):
        n, value = defined  # the article's own: "Kerapatan Adat Nagari (KAN)"
        written = ctx.span(i, i + n)
        return i + n, written if len(written.split()) < len(value.split()) else value
    acronym = t.acronyms.match(ctx.tokens, i)
    full = None if acronym else t.full_names.match(ctx.tokens, i)
    if acronym or full:
        n, value = acronym or full
        return i + n, value if acronym else (full[1] if full else None)
    if head := t.org_heads.match(ctx.tokens, i):
        j = _body_end(ctx, i + head[0])
        j = _peel_person(ctx, i, j) if after_title else j
        return (j, None) if j > i + 1 or ctx.word(i) in load().acronyms else None
    if _unknown_acronym(ctx, i, after_title) or _defined_after(ctx, i):
        return i + 1, None
    return None


def _defined_after(ctx: Context, i: int) -> bool:
    """Say whether an unknown acronym is defined right after it: "FKPD (Forum Komunikasi ...)"."""
    word = ctx.word(i)
    return (2 <= len(word) <= 8 and word.isalpha() and word.isupper() and ctx.word(i + 1) == "("
            and _starts_org(ctx, i + 2))


def _branch(ctx: Context, j: int) -> tuple[int, PlaceRef] | None:
    """Parse a branch and its place: "Cabang Bandar Lampung", "Wilayah Sumatera Selatan"."""
    unit_word = tables().org_units.match(ctx.tokens, j)
    if not unit_word or not (found := area(ctx, j + unit_word[0]) or
                             place_name(ctx, j + unit_word[0], None)):
        return None
    end, place = found
    return end, PlaceRef(place.name, place.level, place.code, ctx.span(j, end))


def _regional_place(ctx: Context, j: int, short: str | None) -> tuple[int, PlaceRef] | None:
    """Read the one-word place after a regional body's acronym when no name runs on: "PLBN Aruk (".
    """
    if short is None or load().acronyms.get(short, ((), "regional"))[1] != "regional":
        return None
    found = place_name(ctx, j, None)
    if found and not ctx.cap(found[0]) and found[1].level == "place":
        return found
    return None


def org(ctx: Context, i: int, after_title: bool = False) -> tuple[int, OrgRef] | None:
    """Parse an organisation: acronym or head word, a defined other name, a branch, its area."""
    if not ctx.cap(i) or not (found := _base_end(ctx, i, after_title)):
        return None
    j, short = found
    base = ctx.span(i, j)
    j, other = _definition(ctx, j)
    place = _branch(ctx, j) or area(ctx, j) or _regional_place(ctx, j, short)
    end = place[0] if place else j
    if place and ctx.word(end) == "(" and ctx.cap(end + 1) and ctx.word(end + 2) == ")":
        end += 3  # "Polres Seram Bagian Barat (SBB)": the region's short name
    names = tuple(n for n in (other,) if n)
    return end, OrgRef(ctx.span(i, end), base, short if short != base else None,
                       place[1] if place else None, names)


def _skip_alias(ctx: Context, j: int, table: PhraseTable) -> int:
    """Skip a short form in parentheses that repeats what precedes: "(Pj)", "(Sekda)", "(Sidrap)"."""
    if ctx.word(j) != "(":
        return j
    if (found := table.match(ctx.tokens, j + 1)) and ctx.word(j + 1 + found[0]) == ")":
        return j + 2 + found[0]
    return j


def _portfolio(ctx: Context, j: int) -> tuple[int, int, tuple[int, OrgRef]] | None:
    """Read the field of a role before its institution: "Asisten Pemerintahan ... Setda Kendal".

    Returns where the field ends, where the institution starts, and the institution.
    """
    m = j
    while m - j < 8 and (ctx.cap(m) or (ctx.word(m) == "dan" and ctx.cap(m + 1))):
        if found := org(ctx, m, after_title=True):
            return m, m, found
        m += 1
        if ctx.word(m) == "(":
            close = next((c for c in range(m + 1, min(m + 5, len(ctx.tokens)))
                          if ctx.word(c) == ")"), None)
            if close and (found := org(ctx, close + 1, after_title=True)):
                return m, close + 1, found
    return None


def title(ctx: Context, i: int) -> Chunk | None:
    """Parse a role title and the institution it names or carries ("Kapolres Lahat")."""
    t, lex = tables(), load()
    k, qualifier = i, None
    if q := t.qualifiers.match(ctx.tokens, i):
        k, qualifier = _skip_alias(ctx, i + q[0], t.qualifiers), q[1]
    if not (r := t.roles.match(ctx.tokens, k)) or k in ctx.blocked:
        return None
    n, role = r
    # Titles are capitalised, but a form listed in lower case is read as written ("anggota DPRD").
    if not ctx.cap(k) and (ctx.word(k) not in load().roles or not org(ctx, k + n, True)):
        return None
    label, j = role.role, _skip_alias(ctx, k + n, t.roles)
    org_ref: OrgRef | None = None
    org_start = j
    if role.carries is None:
        if found := org(ctx, j, after_title=True):
            j, org_ref = found
        elif field := _portfolio(ctx, j):
            label = f"{label} {ctx.span(j, field[0])}"
            org_start, (j, org_ref) = field[1], field[2]
        elif (inner := title(ctx, j)) and inner.title and inner.title.org:
            # "Sekretaris Camat Baturaja Timur": a role of a role's office.
            label = f"{label} {inner.title.written}"
            org_start, j, org_ref = j + len(inner.title.written.split()), inner.j, inner.title.org
        elif role.fallback and (home := _home_unit(ctx, j, role.fallback)):
            end = _field_end(ctx, j)
            label = f"{label} {ctx.span(j, end)}" if end > j else label
            j, org_ref = end, _home_org(role.fallback, home[1])
            org_start = j
    else:
        j, org_ref = _carried(ctx, j, role.carries)
        j = j + 3 if org_ref and ctx.word(j) == "(" and ctx.cap(j + 1) and ctx.word(j + 2) == ")" \
            else j
    if org_ref and (field_end := _field_after(ctx, j)):
        label, j = f"{label} {ctx.span(j, field_end)}", field_end
    collective = lex.collectives.get(ctx.span(k, k + n)) if org_ref is None else None
    org_span = (ctx.tokens[org_start].start, ctx.tokens[j - 1].end) if j > org_start else None
    return chunk(ctx, "TITLE", i, j, title=TitleRef(label, ctx.span(k, k + n), qualifier,
                                                    org_ref, collective, org_span))


def _carried(ctx: Context, j: int, carries: str) -> tuple[int, OrgRef | None]:
    """Build the institution a title carries from the place or unit written after it."""
    if "{rest}" in carries:
        end = _body_end(ctx, j)
        if end == j:
            return j, None
        body = carries.replace("{rest}", ctx.span(j, end))
        place = area(ctx, end)  # "Kadis Perhubungan Lahat"
        written = f"{body} {place[1].written}" if place else body
        return (place[0] if place else end), OrgRef(written, body, None, place[1] if place else None)
    if "{place}" not in carries and "{area}" not in carries:
        return j, OrgRef(carries, carries)
    base = carries.split(" {")[0]
    if (written := org(ctx, j)) and base in (written[1].base, written[1].acronym):
        return written  # "Kasat Lantas Polres Lahat": the carried body is written out
    found = unit(ctx, j, base in _VILLAGES) or _home_unit(ctx, j, carries)
    if not found:
        return j, None
    end, place = found
    return end, _home_org(carries, replace(place, written=bare_place(ctx, place.written)))


def _home_org(carries: str, place: PlaceRef) -> OrgRef:
    """Fill a carried organisation's template with a place: "Pemerintah {area}" + Kota X."""
    base = carries.split(" {")[0]
    if "{area}" in carries:
        level = {"regency": "Kabupaten", "city": "Kota", "province": "Provinsi"}.get(place.level)
        base = f"{base} {level}" if level else base
    return OrgRef(f"{base} {place.written}", base, None, place)


def _field_after(ctx: Context, j: int) -> int | None:
    """Find the end of a field written after the institution: "... Aceh Barat Divisi Teknis"."""
    if ctx.word(j) not in load().role_fields or not ctx.cap(j + 1):
        return None
    return _field_end(ctx, j + 1)


def _field_end(ctx: Context, j: int) -> int:
    """Extend over a role's field written after it: "Asisten I Bidang Pemerintahan dan Kesra",
    "Staf Ahli Bupati Bidang Pemerintahan, Hukum dan Politik, Nama"."""
    k = j
    while k - j < 10:
        if ctx.cap(k) and not is_prefix(ctx.word(k)) or (ctx.word(k) == "dan" and ctx.cap(k + 1)):
            k += 1
        elif ctx.word(k) == "," and _enumerates(ctx, k + 1):
            k += 1
        else:
            break
    return k


def _enumerates(ctx: Context, k: int) -> bool:
    """Say whether a field's list goes on after a comma: capitalised words, then "dan"."""
    while ctx.cap(k):
        k += 1
    return ctx.word(k) == "dan" and ctx.cap(k + 1)


_VILLAGES = {"Desa", "Kelurahan", "Gampong", "Pekon", "Nagari"}
_GOVERNMENT_LEVELS = {"Pemerintah Provinsi": "province", "Pemerintah Kabupaten": "regency",
                      "Pemerintah Kota": "city", "Pemerintah": "regency city"}


def _home_unit(ctx: Context, j: int, carries: str) -> tuple[int, PlaceRef] | None:
    """Take the report's own region for a regional head written without one.

    "Wakil Gubernur Mawardi Yahya" in a report from Palembang is deputy governor of
    Sumatera Selatan.
    """
    levels = _GOVERNMENT_LEVELS.get(carries.split(" {")[0], "").split()
    if not ctx.reference or not levels:
        return None
    chain = gazetteer.chain(gazetteer.regions()[ctx.reference])
    region = next((r for r in chain if r.level in levels), None)
    if region is None:
        return None
    return j, PlaceRef(region.name, region.level, region.code, region.name)


def bare_place(ctx: Context, written: str) -> str:
    """Drop the level word a place is written with: "Kota Pagaralam" -> "Pagaralam"."""
    words = written.split(" ", 1)
    return words[1] if len(words) == 2 and words[0] in load().place_levels else written
