"""Parse institutions and the regions and units they serve."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from typing import Any

from kg.extract.chunks import Chunk, OrgRef, PlaceRef
from kg.extract.context import (
    Context,
    degree_at,
    is_direction,
    levels,
    links,
    org_vocabulary,
    prefer,
    region_at,
    reserved,
)
from kg.extract.phrases import tables
from kg.lexicons import gazetteer, load
from kg.nlp.names import is_degree, is_prefix
from kg.nlp.vocabulary import is_roman, is_vocabulary, unit_numeral
from kg.vocab import ChunkKind, PlaceLevel


def chunk(ctx: Context, kind: ChunkKind, i: int, j: int, **fields: Any) -> Chunk:
    """Make a chunk over tokens [i, j)."""
    start, end = ctx.tokens[i].start, ctx.tokens[j - 1].end
    return Chunk(kind, i, j, start, end, ctx.text[start:end], **fields)


def place_name(ctx: Context, i: int, level: str | None) -> tuple[int, PlaceRef] | None:
    """Parse a place's name at i: the gazetteer's longest match, else a word and its directions."""
    levels = {level} if level in {PlaceLevel.PROVINCE, PlaceLevel.REGENCY, PlaceLevel.CITY, PlaceLevel.DISTRICT} else None
    found = region_at(ctx, i, levels)
    # "Tanjung Baru" is not the district Tanjung: a direction word after a match makes another name.
    if found and not is_direction(ctx, i + found[0]):
        n, region = found
        return i + n, PlaceRef(region.name, level or region.level, region.code, ctx.span(i, i + n))
    if not ctx.cap(i) or ctx.word(i) in reserved():
        return None
    j = i + 1
    while is_direction(ctx, j):
        j += 1
    return j, PlaceRef(ctx.span(i, j), level or "place", None, ctx.span(i, j))


def area(ctx: Context, i: int) -> tuple[int, PlaceRef] | None:
    """Parse the region an organisation serves: "Kabupaten OKI", ", Kota Palembang", "Lahat"."""
    k = i + 1 if ctx.word(i) == "," and tables().levels.match(ctx.tokens, i + 1) else i
    if ctx.word(k) in load().place_words["local"] and ctx.reference:
        local = gazetteer.regions()[ctx.reference]  # "Pemko setempat": the report's own city
        return k + 1, PlaceRef(local.name, local.level, local.code, local.name)
    if level := tables().levels.match(ctx.tokens, k):
        n, name = level
        village = _village_name(ctx, k + n) if name == PlaceLevel.VILLAGE else None
        if found := village or place_name(ctx, k + n, name):
            j, place = found
            return j, PlaceRef(place.name, name, place.code, ctx.span(k, j))
        return None
    if (level_word := load().place_levels.get(ctx.word(k).capitalize())) and ctx.word(k).islower() \
            and (found := place_name(ctx, k + 1, level_word)) and found[1].code:
        return found[0], PlaceRef(found[1].name, level_word, found[1].code, ctx.span(k, found[0]))  # "DPRD kota Kendari"
    if at := region_at(ctx, k, {PlaceLevel.PROVINCE, PlaceLevel.REGENCY, PlaceLevel.CITY}):
        n, region = at
        end = k + n
        while is_direction(ctx, end):
            end += 1  # "Polsek Lebong Utara" is no more Lebong than a person called Utara
        if end > k + n:
            return end, PlaceRef(ctx.span(k, end), PlaceLevel.DISTRICT, None, ctx.span(k, end))
        return end, PlaceRef(region.name, region.level, region.code, ctx.span(k, end))
    return None


def unit(ctx: Context, i: int, village: bool = True) -> tuple[int, PlaceRef] | None:
    """Parse what follows a title that carries its institution: a region or a unit ("0405/Lahat").

    Only a village-level title takes a name the gazetteer does not know ("Kades Sukamaju"):
    in "Wakil Bupati Haryanto, SE" the name after the title is the holder's.
    """
    if found := area(ctx, i) or numbered(ctx, i):
        return found
    if ctx.cap(i) and (n := _known_unit(ctx, ctx.word(i), i + 1)) is not None:
        return i + 1 + n, PlaceRef(ctx.span(i, i + 1 + n), "unit", None, ctx.span(i, i + 1 + n))  # "Pangdam Jaya"
    if (named := _unit_before_rank(ctx, i)):
        return named  # "Pangdam Mulawarman Mayjen TNI Nama": a command named, not a region
    if village and (named := _village_name(ctx, i)):
        return named  # a village the gazetteer does not list, not a district elsewhere
    found = place_name(ctx, i, None)
    if found and (found[1].code is None or found[1].level == PlaceLevel.DISTRICT) and village:
        found = (found[0], PlaceRef(found[1].name, PlaceLevel.VILLAGE, None, found[1].written))
    if found and found[1].code is None and not village:
        return None
    # A known region may be followed by the holder's name ("Camat Merapi Barat Sahril Anwar");
    # an unknown one-word place only when no name runs on after it: in "Kepala Desa Pergantian
    # Antarwaktu (PAW) Desa Sidorejo" the words after the title are no village.
    if found and (found[1].code or not ctx.cap(found[0]) or is_prefix(ctx.word(found[0]))):
        return found
    return None


def numbered(ctx: Context, i: int) -> tuple[int, PlaceRef] | None:
    """Parse a unit's number and the name or region after it: "0405/Lahat", "162/Wira Bhakti"."""
    word = ctx.word(i)
    digits = word.replace("-", "").isdigit()  # "1608-04": a Koramil's number
    if word and i not in ctx.blocked and ("/" in word or digits or unit_numeral(word)) \
            and word[0].isalnum():  # "Danlantamal IX Nama", "Lantamal X Jayapura"
        # "Danrem 162/Wira Bhakti Kolonel Inf ...", "Lurah 7 Ulu, Nama": a unit's name may run
        # on one word, but "Dandim 0405/Lahat Dedi Kurniawan" ends at the region.
        j = i + 1
        if "/" not in word and ctx.word(j) == "/" and ctx.cap(j + 1):
            word, j = f"{word}/{ctx.word(j + 1)}", j + 2  # "Kasdam XVII / Cenderawasih": spaced apart
        if "/" in word and (n := _known_unit(ctx, word.split("/")[-1], j)) is not None:
            j += n  # "Pangdam XVI/Pattimura Nama": a command's known name ends the unit
        elif ctx.cap(j) and (n := _known_unit(ctx, ctx.word(j), j + 1)) is not None:
            j += 1 + n  # "Kodam XVI Pattimura": the slash left out
        elif "/" in word and (n := _region_run(ctx, word.split("/")[-1], j)):
            j += n  # "Dandim 0404/Muara Enim Letkol ...": the region after the slash runs on
        elif ctx.cap(j) and not is_prefix(ctx.word(j)) and (
                ("/" in word and not gazetteer.lookup(word.split("/")[-1])) or ctx.word(j + 1) == ","):
            j += 1
        elif (digits or unit_numeral(word)) and (n := _region_before_rank(ctx, j)):
            j += n  # "Dandim 1428 Mamasa Letkol Arh Nama", "Lantamal X Jayapura Brigjen TNI Nama"
        elif word.isdigit() and (n := _named_number(ctx, j)):
            j += n  # "Danrem 133 Nani Wartabone, Kajati, ...": no holder, the unit's name
        while is_direction(ctx, j):
            j += 1  # "Koramil 03/Tanjung Raya"
        name = re.sub(r"\s*/\s*", "/", ctx.span(i, j))  # written "XVII / Cenderawasih" or not
        return j, PlaceRef(name, "unit", None, name)
    return None


_GRADE = re.compile(r"(?:[IV]+|\d)[ABC]?|[ABC]")


def _grade(ctx: Context, j: int) -> int:
    """Count the words of a body's grade after its name: "Rutan Kelas IIB", "Kantor Imigrasi Tipe B"."""
    return 2 if ctx.word(j) in load().grades and _GRADE.fullmatch(ctx.word(j + 1).upper()) else 0


def _eponym(ctx: Context, i: int, j: int) -> int:
    """Count the words of the person a body is named after, honorific first, up to its region:
    "RSUD dr. Soedarso Provinsi Kalbar", "RSU Haji Surabaya"."""
    if ctx.span(i, j) not in load().eponym_heads or not (is_prefix(ctx.word(j)) or ctx.word(j) == "Haji"):
        return 0
    k = j
    while k < j + 6 and (ctx.cap(k) or is_prefix(ctx.word(k)) or ctx.word(k) == ".") and not area(ctx, k) \
            and ctx.word(k) not in load().place_levels:
        k += 1
    return k - j if k > j + 1 or ctx.word(j) == "Haji" else 0  # "RSU Haji", then its region


def _named_unit(ctx: Context, j: int, short: str | None) -> tuple[int, PlaceRef] | None:
    """Read the known name of a command or base after its acronym: "Lanud Roesmin Nurjadin"."""
    if short is None or not ctx.cap(j) or (n := _known_unit(ctx, ctx.word(j), j + 1)) is None:
        return None
    return j + 1 + n, PlaceRef(ctx.span(j, j + 1 + n), "unit", None, ctx.span(j, j + 1 + n))


def _known_unit(ctx: Context, first: str, j: int) -> int | None:
    """Count the words after token j - 1 that end a command's known name begun by `first`
    ("II/Bukit" + "Barisan"), or None when no known name begins so."""
    names = load().unit_names
    for more in (3, 2, 1, 0):
        if " ".join([first, *(ctx.word(k) for k in range(j, j + more))]) in names:
            return more
    return None


def _named_number(ctx: Context, j: int) -> int:
    """Count the two or three capitalised words that name a numbered unit up to a comma or the
    sentence's end, none of them an honorific or a rank: "133 Nani Wartabone,"; in brackets,
    one is enough: "(Danrem 143 HO)"."""
    m = j
    while m < j + 3 and ctx.cap(m) and not is_prefix(ctx.word(m)) and m not in ctx.blocked:
        m += 1
    return m - j if m - j >= 2 and ctx.word(m) in {",", ".", ""} or m - j >= 1 and ctx.word(m) == ")" else 0


def _unit_before_rank(ctx: Context, i: int) -> tuple[int, PlaceRef] | None:
    """Parse a unit's name of one to three capitalised words that a rank follows."""
    m = i
    while m < i + 3 and ctx.cap(m) and not is_prefix(ctx.word(m)) and m not in ctx.blocked:
        m += 1
    if m == i or ctx.word(m) not in load().ranks:
        return None
    return m, PlaceRef(ctx.span(i, m), "unit", None, ctx.span(i, m))


def body_end(ctx: Context, k: int) -> int:
    """Extend an organisation's name over capitalised words and inner "dan" up to its area."""
    t = tables()
    while k < len(ctx.tokens):
        if area(ctx, k) and ctx.word(k) != ",":
            break
        after_dan = ctx.word(k - 1) == "dan"  # "Sekolah Staf dan Pimpinan"
        if ctx.cap(k) and not is_prefix(ctx.word(k)) and not t.venues.match(ctx.tokens, k) \
                and not _numbering(ctx, k) and not _joins_bodies(ctx, k) \
                and (after_dan or not t.roles.match(ctx.tokens, k)):
            k += 1
        elif ctx.word(k) in load().glue["body"] and ctx.cap(k + 1) and not _starts_org(ctx, k + 1) \
                and not _starts_title(ctx, k + 1):  # "Komisi II DPR RI A dan Ketua KPU B"
            k += 1
        elif ctx.word(k) == "," and fields_run_on(ctx, k + 1):
            k += 1  # "Dinas Ketahanan Pangan, Pertanian dan Kesehatan Hewan", "A, B, dan C"
        else:
            break
    while ctx.word(k - 1) in load().glue["body"]:
        k -= 1  # "Sekolah Staf dan Pimpinan": a name does not end on "dan"
    return k


def fields_run_on(ctx: Context, i: int) -> bool:
    """Say whether a list of fields goes on after a comma: words of the language or acronyms,
    then "dan" and one more ("..., Pertanian dan Kesehatan Hewan", "..., Politik, dan Hukum");
    a name, a title or a new body ends it."""
    joins = load().glue["body"]
    if ctx.word(i) in joins:
        return _field_word(ctx, i + 1)  # the last of a list: "A, B, dan C"
    k = i
    while k < i + 8 and _field_word(ctx, k):
        k += 1
        if ctx.word(k) == ",":
            k += 1
        if ctx.word(k) in joins:
            return _field_word(ctx, k + 1)
    return False


def _field_word(ctx: Context, k: int) -> bool:
    """Say whether the word at k can name a field: a word of the language or an acronym, not a
    title, a rank or the start of another body."""
    word = ctx.word(k)
    return ctx.cap(k) and (is_vocabulary(word) or word.isupper()) and not is_prefix(word) \
        and not tables().roles.match(ctx.tokens, k) and not _starts_org(ctx, k)


def _joins_bodies(ctx: Context, k: int) -> bool:
    """Say whether a capitalised word joins one body to the next, as a headline writes it:
    "Komisi V DPR RI Bersama Kementerian PUPR"."""
    lex = load()
    return ctx.word(k).lower() in lex.glue["hosts"] - lex.glue["body"]


def _unit_number(ctx: Context, j: int) -> bool:
    """Say whether token j numbers a body named by its acronym: a number of one to four digits,
    not a year, before a capitalised word or the end of a phrase ("SMPN 2 Ternate,")."""
    word = ctx.word(j)
    year = len(word) == 4 and word[:2] in {"19", "20"}
    return word.isdigit() and len(word) <= 4 and not year and j not in ctx.blocked and not _spaced_slash(ctx, j) and (
        ctx.cap(j + 1) or not ctx.word(j + 1)[:1].isalnum())


def _spaced_slash(ctx: Context, j: int) -> bool:
    """Say whether a unit's number at token j has its name after a slash written apart:
    "Kodim 0405/ Lahat", "Batalyon 141 / Aneka Yudha" (`numbered` reads the whole)."""
    return ctx.word(j + 1) == "/" and ctx.cap(j + 2)


def _numbering(ctx: Context, k: int) -> bool:
    """Say whether a function word at k opens a number, not a name: "... Tahun 2021", "Nomor 7"
    end a body's name; "Dalam Negeri" goes on."""
    return ctx.word(k).lower() in load().function_words and not ctx.word(k + 1)[:1].isalpha()


def _starts_org(ctx: Context, i: int) -> bool:
    """Say whether a new organisation's name begins at token i."""
    t = tables()
    return bool(t.org_heads.match(ctx.tokens, i) or t.acronyms.match(ctx.tokens, i)
                or ctx.defined.match(ctx.tokens, i))


def _peeled(ctx: Context, k: int, j: int) -> bool:
    """Say whether the words from k to j are a name to give back: two or more, or one given
    name the lexicon knows ("Kepala Dinas Kominfo Hasan dan ...")."""
    return j - k >= 2 or (j - k == 1 and ctx.word(k) in load().person_words)


def _peel_person(ctx: Context, i: int, j: int) -> int:
    """Give back trailing words that are not organisation words when a verb follows the name.

    "Kepala Dinas Perikanan Budi Santoso mengatakan": no comma ends the institution's name.
    """
    after = ctx.word(j)
    # a word that opens a clause or joins the next item, not a verb of the holder: "Nama yang ..."
    # ("... Nama sebagai Pjs", "... Nama juga" and "... Nama dan Kepala X" are read as verbs are)
    clause = after in load().function_words - {"juga"} - links("link") \
        - (load().glue["list"] if _starts_title(ctx, j + 1) else set())
    if after in {";", "."} or after == "," and not (
            is_prefix(ctx.word(j + 1)) or ctx.cap(j + 1) and not _starts_title(ctx, j + 1)) or clause:
        # "Sekretaris Fraksi Partai Golkar Parisman Ihwan, Anggota Fraksi ...": a name, then the
        # list goes on (or the item ends: "Kepala Dinas Kelautan Nama;", or a clause begins:
        # "Kepala Dinas Pangan Nama yang ...", where the body's own words end it: "Dinas
        # Pendidikan dan Kebudayaan yang"); but "Lanud Roesmin Nurjadin, Kolonel X" is named
        # after a person.
        k = j
        while k - 1 > i + 1 and ctx.cap(k - 1) and (clause or not is_vocabulary(ctx.word(k - 1))) \
                and ctx.word(k - 1) not in org_vocabulary() and j - (k - 1) <= 3 and national_end(ctx, k - 1) == k - 1:
            k -= 1
        return k if _peeled(ctx, k, j) else j
    if not after or not after[0].islower():
        return j
    k = j
    while k - 1 > i + 1 and ctx.word(k - 1) not in org_vocabulary() and j - (k - 1) <= 3 \
            and national_end(ctx, k - 1) == k - 1:
        k -= 1
    return k if _peeled(ctx, k, j) else j


def _starts_title(ctx: Context, i: int) -> bool:
    """Say whether a role title (or its qualifier) begins at token i."""
    t = tables()
    return bool(t.roles.match(ctx.tokens, i) or t.qualifiers.match(ctx.tokens, i))


def _definition(ctx: Context, k: int) -> tuple[int, str | None]:
    """Read "(Bawaslu)" or "(Badan Pengawas Pemilu)" after a name: the other name it defines."""
    if ctx.word(k) != "(":
        return k, None
    close = next((m for m in range(k + 1, min(k + 12, len(ctx.tokens))) if ctx.word(m) == ")"), None)
    if close is None or close == k + 1 or not ctx.cap(k + 1):
        return k, None
    inner = ctx.span(k + 1, close)
    if (found := tables().roles.match(ctx.tokens, k + 1)) and k + 1 + found[0] == close:
        return close + 1, None  # "Komandan Kodim (Dandim) 0722/Kudus": the title's short form
    if close == k + 2 or _starts_org(ctx, k + 1):
        return close + 1, inner
    return k, None


def _alias(ctx: Context, i: int, k: int) -> tuple[int, str | None]:
    """Read "atau Bawaslu" after a body's full name (kg/lexicons/links.tsv, "alias"): the
    acronym it defines, when the lexicon gives it that full name."""
    short = ctx.word(k + 1)
    if ctx.word(k) in links("alias") and ctx.span(i, k) in load().acronyms.get(short, ((), ""))[0]:
        return k + 2, short
    return k, None


def _region_run(ctx: Context, first: str, j: int) -> int:
    """Count the words after token j-1 that complete a region's name begun by `first`."""
    for n in range(3, 0, -1):
        if all(ctx.cap(j + k) for k in range(n)) and gazetteer.lookup(f"{first} {ctx.span(j, j + n)}"):
            return n
    return 0


def _region_before_rank(ctx: Context, j: int) -> int:
    """Count the words from token j that name a region the gazetteer knows, a rank after them."""
    for n in range(3, 0, -1):
        if all(ctx.cap(j + k) for k in range(n)) and is_prefix(ctx.word(j + n)) \
                and gazetteer.lookup(ctx.span(j, j + n)):
            return n
    return 0


def _village_name(ctx: Context, i: int) -> tuple[int, PlaceRef] | None:
    """Read a village's name of up to three words before a comma or the district it lies in:
    "Kepala Desa Kualu Nenas, Nama", "Wali Nagari Sungai Kamuyang Kecamatan Luak"."""
    j = i
    while j - i < 3 and ctx.cap(j) and not is_prefix(ctx.word(j)) and ctx.word(j) not in reserved():
        j += 1
    level = tables().levels.match(ctx.tokens, j)
    if j > i and (ctx.word(j) in {",", "("} or level and level[1] in {PlaceLevel.DISTRICT, PlaceLevel.REGENCY}):
        return j, PlaceRef(ctx.span(i, j), PlaceLevel.VILLAGE, None, ctx.span(i, j))
    return None


def _unknown_acronym(ctx: Context, i: int, after_title: bool) -> bool:
    """Say whether token i is an acronym no list knows, read as an institution.

    After a title or before a region it names one: "Kepala PLBN Aruk", "Ketua KONI Banyuwangi".
    """
    word = ctx.word(i)
    if not (3 <= len(word) <= 8 and word.isalpha() and word.isupper()) or i in ctx.blocked:
        return False  # two capitals are too often a degree, a numeral or "RI" to be a body
    lex = load()
    if is_prefix(word) or is_degree(word) or word in lex.region_aliases or word in lex.collectives \
            or word in lex.terms or is_roman(word):
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
    if found := acronym or full:
        n, value = found
        if full and _runs_on(ctx, i + n):
            # "Dinas Lingkungan Hidup dan Pertanahan": a longer name than the one listed
            j = body_end(ctx, i + n)
            return (_peel_person(ctx, i, j) if after_title else j), None
        return i + n, value
    if head := t.org_heads.match(ctx.tokens, i):
        j = body_end(ctx, i + head[0])
        j = _peel_person(ctx, i, j) if after_title else _to_definition(ctx, i, j)
        return (j, None) if j > i + 1 or ctx.word(i) in load().acronyms \
            or _government_of(ctx, i) else None
    if _unknown_acronym(ctx, i, after_title) or _defined_after(ctx, i):
        return i + 1, None
    if after_title and (j := _initialled_run(ctx, i)):
        return j, None
    return None


def _initialled_run(ctx: Context, i: int) -> int:
    """Return the end of a run of capitalised words that an acronym of their initials follows in
    parentheses, after a title: "Ketua Ikatan Keluarga Besar Sumatera (IKBS) Kota X, Nama" names
    a body no list knows (0 when none). Three letters at least: two are a person's initials; and
    no group's ("kepala Organisasi Perangkat Daerah (OPD)": a government's offices)."""
    k = i
    while k - i < 6 and ctx.cap(k) and ctx.word(k).isalpha():
        k += 1
    short = ctx.word(k + 1)
    initials = "".join(ctx.word(n)[0] for n in range(i, k)).upper()
    return k if k - i >= 3 and ctx.word(k) == "(" and ctx.word(k + 2) == ")" and short.isupper() \
        and short == initials and short not in load().collectives else 0


def _to_definition(ctx: Context, i: int, j: int) -> int:
    """Extend a body's name that stopped at j over a few more words up to the acronym that
    defines it, when their initials are the acronym's: "Forum Koordinasi Pimpinan di Daerah
    (Forkopimda)", "Forum Koordinasi Kepala Daerah (FKPD)" (a title's word stops the name)."""
    k, lower = j, 0
    while k < j + 4 and (ctx.cap(k) and not is_prefix(ctx.word(k)) or ctx.word(k) in load().function_words):
        lower += not ctx.cap(k)
        k += 1
    acronym = ctx.word(k + 1)
    if k == j or lower > 1 or ctx.word(k) != "(" or ctx.word(k + 2) != ")" \
            or acronym in load().collectives:  # "Pegawai Pemerintah dengan Perjanjian Kerja (PPPK)"
        return j
    acronym = acronym.lower()
    initials = [ctx.word(m)[0].lower() for m in range(i, k) if ctx.cap(m)]
    at = 0
    for n, letter in enumerate(initials):  # each initial in order, the first the acronym's own
        at = acronym.find(letter, at) + 1
        if not at or (n == 0 and at != 1):
            return j
    return k


def _runs_on(ctx: Context, j: int) -> bool:
    """Say whether a body's name goes on with more fields after a name that stands alone:
    "Dinas Lingkungan Hidup dan Pertanahan", "Dinas Pemuda, Olahraga dan Pariwisata"."""
    word = ctx.word(j)
    return (word in load().glue["body"] and _field_word(ctx, j + 1)) or (word == "," and fields_run_on(ctx, j + 1))


def _government_of(ctx: Context, i: int) -> str | None:
    """Return the government a head word names before a bare region: "Pemerintah Aceh" is the
    province's own ("Pemerintah Provinsi"), as home_levels.tsv spells such governments."""
    found = area(ctx, i + 1)
    level = gazetteer.LEVEL_WORDS.get(found[1].level) if found else None
    spelt = f"{ctx.word(i)} {level}"
    return spelt if level and spelt in load().home_levels else None


def _defined_after(ctx: Context, i: int) -> bool:
    """Say whether an unknown acronym is defined right after it: "FKPD (Forum Komunikasi ...)"."""
    word = ctx.word(i)
    return (2 <= len(word) <= 8 and word.isalpha() and word.isupper() and ctx.word(i + 1) == "("
            and _starts_org(ctx, i + 2))


def constituency(ctx: Context, k: int) -> int:
    """Count the words of an electoral district's word at token k ("Dapil", "Daerah Pemilihan"),
    or return 0 when none begins there."""
    return next((n for n in (2, 1) if " ".join(map(ctx.word, range(k, k + n))).lower()
                 in load().place_words["constituency"]), 0)


def _branch(ctx: Context, j: int) -> tuple[int, PlaceRef] | None:
    """Parse a branch and its place: "Cabang Bandar Lampung", "Wilayah Sumatera Selatan"; not an
    electoral district ("DPR RI Daerah Pemilihan Jambi")."""
    unit_word = tables().org_units.match(ctx.tokens, j)
    if not unit_word or constituency(ctx, j) or not (found := area(ctx, j + unit_word[0]) or
                             place_name(ctx, j + unit_word[0], None)):
        return None
    end, place = found
    return end, PlaceRef(place.name, place.level, place.code, ctx.span(j, end))


def _regional_place(ctx: Context, j: int, short: str | None, after_title: bool = False
                    ) -> tuple[int, PlaceRef] | None:
    """Read the one-word place after a regional body's acronym when no name runs on: "PLBN Aruk (".

    After a title, a word the gazetteer does not know that ends the item is the holder's name,
    unless a name follows it: "Kepala BKD Hendrizal." but "Kepala PLBN Aruk, Budi Santoso".
    """
    if short is None or load().acronyms.get(short, ((), "regional"))[1] != "regional" \
            or is_prefix(ctx.word(j)):
        return None  # "Ketua TP PKK Ny. Lili": an honorific, not a place
    found = place_name(ctx, j, None)
    if found and not ctx.cap(found[0]) and found[1].level == "place":
        end = found[0]
        holder_next = ctx.word(end) in {",", "("} and (ctx.cap(end + 1) or is_prefix(ctx.word(end + 1))) \
            and not _starts_title(ctx, end + 1) and not degree_at(ctx, end)
        # not "Anggota Bawaslu Rudiman, Ketua Komisi ASN", nor "anggota KPU Rudiman, S.Sos": a
        # degree after the comma is the holder's
        if (after_title or is_vocabulary(ctx.word(j))) and not holder_next:
            return None  # the holder's name, or a verb: "Bawaslu Catat Banyak Laporan"
        return found
    return None


def national_end(ctx: Context, j: int) -> int:
    """Skip "RI" or "Republik Indonesia" after a national body: "Menteri PUPR Republik Indonesia"."""
    for words in _national_forms():
        if all(ctx.word(j + n) == w for n, w in enumerate(words)):
            return j + len(words)
    return j


@cache
def _national_forms() -> tuple[tuple[str, ...], ...]:
    """Return the words of each national ending (national.tsv), the longest first."""
    return tuple(sorted((tuple(form.split()) for form in load().national), key=lambda w: (-len(w), w)))


def org(ctx: Context, i: int, after_title: bool = False) -> tuple[int, OrgRef] | None:
    """Parse an organisation: acronym or head word, a defined other name, a branch, its area."""
    if not ctx.cap(i) or not (found := _base_end(ctx, i, after_title)):
        return None
    j, short = found
    if short and _unit_number(ctx, j):
        j += 1  # "SMPN 2 Ternate", "Yonif 732": the number names one of many
    j += _eponym(ctx, i, j)
    j += _grade(ctx, j)
    base = (j == i + 1 and _government_of(ctx, i)) or ctx.span(i, j)
    j, other = _definition(ctx, j) if ctx.word(j) == "(" else _alias(ctx, i, j)
    if short:
        j = national_end(ctx, j)  # "KPU RI": the national body, its name as written
    after = ctx.word(j)
    place = None if levels(after) else _branch(ctx, j) or area(ctx, j) \
        or (numbered(ctx, j) if short and ("/" in after or unit_numeral(after) or _spaced_slash(ctx, j)) else None) \
        or _named_unit(ctx, j, short) \
        or _regional_place(ctx, j, short, after_title)  # "Kodim 0722/Kudus": the unit, as "Dandim 0722/Kudus" names it
    end = place[0] if place else j
    if place and ctx.word(end) == "(" and ctx.cap(end + 1) and ctx.word(end + 2) == ")":
        end += 3  # "Polres Seram Bagian Barat (SBB)": the region's short name
    names = tuple(n for n in (other,) if n)
    generic = load().generic_bodies
    if not place and (ctx.written(i, end) in generic or base in generic):
        # "berkoordinasi dengan Pemerintah Daerah", "empat Pemerintah Daerah (Pemda) di Sultra":
        # a kind of body, not one, though the article gives it an acronym
        return None
    ref = OrgRef(ctx.written(i, end), base, short if short != base else None, None, names)
    # "Pemerintah Kota Kupang" serves the city, not the regency of the same name
    return end, replace(ref, area=at_level(ctx, place[1], body_forms(ref))) if place else ref


def body_forms(ref: OrgRef) -> tuple[str | None, ...]:
    """Return a body's base, its acronym and the acronym's full names: "Pemko" is "Pemerintah Kota"."""
    return (ref.base, ref.acronym, *load().acronyms.get(ref.base, ((), ""))[0])


def at_level(ctx: Context, place: PlaceRef, forms: Iterable[str | None]) -> PlaceRef:
    """Take the region of the levels a body serves (kg/lexicons/home_levels.tsv, by the first
    of its forms listed there) among those of the place's name: "Wali Kota Jambi" and
    "Pemerintah Kota Kupang" serve the city, not the province or the regency of the same name."""
    home = load().home_levels
    levels = next((home[f][0] for f in forms if f and f in home), ())
    if not levels or not place.code or place.level in levels:
        return place
    found = [r for r in gazetteer.lookup(place.name) if r.level in levels]
    if not found:
        return place
    # the article's region, read only when the name is several regions' of that level
    region = found[0] if len(found) == 1 else prefer(found, ctx.reference)
    return replace(place, name=region.name, level=region.level, code=region.code)
