"""Parse persons as written (ranks, honorifics, name, degrees) and the groups that are not organisations."""

from __future__ import annotations

from kg.extract.chunks import Chunk
from kg.extract.context import Context, degree_at, is_initial, is_name_word, reserved
from kg.extract.institutions import chunk
from kg.extract.phrases import tables
from kg.lexicons import gazetteer, load
from kg.nlp.names import is_corps, is_prefix, person, rank_of_two
from kg.vocab import ChunkKind, PlaceLevel


def _name_end(ctx: Context, k: int) -> int:
    """Extend a name over capitalised words, initials and inner particles ("bin")."""
    while True:
        if is_initial(ctx, k):
            k += 2
        elif is_name_word(ctx, k):
            k += 1
        elif load().name_parts.get(ctx.word(k)) == "inner" and is_name_word(ctx, k + 1) and k > 0:
            k += 1
        elif (load().name_parts.get(ctx.word(k)) == "middle" or _bare_initial(ctx, k)) \
                and is_name_word(ctx, k - 1) and is_name_word(ctx, k + 1):
            k += 1  # "Gatot Hari Santoso"; "Agus R Pranata", not Raden
        else:
            return k


def _bare_initial(ctx: Context, k: int) -> bool:
    """Say whether token k is one capital letter with no dot, which inside a name is an initial
    even when it would be an honorific before one ("H" for Haji, "R" for Raden); after a
    region's name it is that honorific ("Kadiskes Siak H Nama")."""
    word = ctx.word(k)
    return len(word) == 1 and word.isupper() and ctx.word(k + 1) != "." \
        and not gazetteer.lookup(ctx.word(k - 1))


def _degrees_end(ctx: Context, k: int) -> int:
    """Extend past the degrees written after a name."""
    while n := degree_at(ctx, k):
        k += n
    return k


def _corps_mark(ctx: Context, k: int, i: int) -> bool:
    """Say whether a corps letter in parentheses follows a rank: "Kolonel Laut (P) Nama"."""
    word = ctx.word(k + 1)
    return k > i and ctx.word(k) == "(" and ctx.word(k + 2) == ")" and is_prefix(ctx.word(k - 1)) \
        and ((word.isupper() and len(word) <= 3) or is_prefix(word))  # "Jenderal (Pol) Nama"


def _month_opens(ctx: Context, k: int) -> bool:
    """Say whether token k is a month's name that no day number comes before: "Jan Hendrik",
    not "5 Jan 2024"."""
    return ctx.word(k) in load().months and not ctx.word(k - 1).isdigit()


def _age_at(ctx: Context, k: int) -> bool:
    """Say whether an age in parentheses follows a name: "Oom Komariah (58)"; not the figure of
    a number written out before it ("Sepuluh (10) kecamatan")."""
    figure = ctx.word(k + 1)
    return ctx.word(k) == "(" and figure.isdigit() and len(figure) <= 2 and ctx.word(k + 2) == ")" \
        and load().numerals.get(ctx.word(k - 1).lower()) != int(figure)


def person_at(ctx: Context, i: int, evidence_needed: bool = True) -> Chunk | None:
    """Parse a person at i: ranks and honorifics, the name, then degrees.

    Without `evidence_needed` any capitalised run is taken (it follows a title); with it, the
    run needs a rank, an honorific or a degree to be a person here ("AKBP Heri Setiawan").
    """
    # The chunker asks for a person at i, then, finding none, for a name at i: the same parse.
    global _last
    last = _last
    if last[0] is not ctx or last[1] != i:
        last = _last = (ctx, i, _person_at(ctx, i))
    found = last[2]
    return found if found and (found.tags or not evidence_needed) else None


_last: tuple[Context | None, int, Chunk | None] = (None, -1, None)  # the last parse, and where


def _person_at(ctx: Context, i: int) -> Chunk | None:
    """Parse a person at i, tagged "evidence" when a rank, an honorific or a degree says so."""
    k = i
    while (is_prefix(ctx.word(k)) and not (k == i and is_corps(ctx.word(k)))) \
            or (ctx.word(k) == "." and k > i) or _corps_mark(ctx, k, i) \
            or (k > i and rank_of_two(ctx.word(k - 1), ctx.word(k))):
        k += 3 if _corps_mark(ctx, k, i) else 1  # a corps word follows a rank: not "Laut Jawa"
    start = k
    if k > i and tables().roles.match(ctx.tokens, k):
        return None  # "Ibu Bupati X", "Bapak Presiden": a post addressed politely, no name
    if (k > i or _month_opens(ctx, k)) and ctx.word(k) in reserved() and ctx.cap(k) and (
            is_name_word(ctx, k + 1) or (
                load().name_parts.get(ctx.word(k + 1)) == "inner" and is_name_word(ctx, k + 2))):
        k += 1  # after a rank, "Hari" opens a name ("Kombes Pol Drs Hari Susanto"), no event,
        # and "Jan" no month ("Brigjen Pol Jan de Vries"); a month's name before a name is one
        # anywhere ("Wakapolda Jan Hendrik de Graaf")
    k = _name_end(ctx, k)
    if k == start:
        return None
    end = _degrees_end(ctx, k)
    aged = _age_at(ctx, end)
    found = person(ctx.text, ctx.tokens[i:end])
    if found is None:
        return None
    # Degrees written without dots ("Feri Iswan AP MPA") run on as capitalised words; a run that
    # opens with a word naming no person is one only after a rank or an honorific: "(Eselon II.B)".
    evidence = start > i or (end > k or aged or bool(found.suffixes)) and ctx.word(i) not in load().not_names
    tags = frozenset({"evidence"}) if evidence else frozenset()
    return chunk(ctx, ChunkKind.PERSON, i, end, person=found, tags=tags)


def name_at(ctx: Context, i: int) -> Chunk | None:
    """Parse a capitalised run that may be a name; later rules decide whether it is a person."""
    found = person_at(ctx, i, evidence_needed=False)
    if found is None:
        return None
    lex, first = load(), ctx.word(found.i)
    if not found.tags and (_place(found.text) or _ends_in_region(found.text) or first in lex.not_names
                           or first in lex.documents
                           or lex.presence.get(first.lower(), "continue") != "continue"):
        # a region's name ("..., Negara", "Tanjung Raya") is a place, not a person; nor is an
        # island, a holiday ("Pulau Tidung", "Idul Fitri"), a document ("Raperda Pengangkatan")
        # or a word that says who took part, as a headline writes it ("Kapolda X Hadiri Rakor";
        # not one that carries a list on, "Lalu", which opens Sasak names too)
        return None
    return Chunk(ChunkKind.NAME, found.i, found.j, found.start, found.end, found.text,
                 person=found.person, tags=found.tags)


def _place(text: str) -> bool:
    """Say whether a capitalised run names a region rather than a person: "Negara", "Tanjung
    Raya"; a name's word that only a district is called by ("Bambang", "Agung") stays a name."""
    regions = gazetteer.lookup(text)
    return bool(regions) and not (text in load().person_words
                                  and all(r.level == PlaceLevel.DISTRICT for r in regions))


def _ends_in_region(text: str) -> bool:
    """Say whether a capitalised run of several words ends with a province's name or a region's
    short name ("Duta Wisata Sulteng", "Pemda Maluku"): a post or a body of the province, not a
    person (regencies and cities are family names too: "Lingga", "Padang")."""
    words = text.split()
    if len(words) < 2 or words[-1] in load().person_words:
        return False
    return words[-1] in load().region_aliases or any(
        r.level == PlaceLevel.PROVINCE for r in gazetteer.lookup(words[-1]))


def collective_at(ctx: Context, i: int, after_group: bool = False) -> Chunk | None:
    """Parse a group that is not an organisation: "para Kades", "314 Kades", "seluruh ASN"."""
    lex, t = load(), tables()
    k, count = i, None
    if ctx.word(i).lower() in lex.quantifiers:
        k = i + 1
    elif ctx.word(i).isdecimal() and not (len(ctx.word(i)) == 4 and ctx.word(i)[:2] in {"19", "20"}):
        k, count = i + 1, int(ctx.word(i))
    found = t.collectives.match(ctx.tokens, k)
    if not found or (k == i and not after_group and ctx.span(k, k + found[0]) in lex.roles):
        return None
    j = k + found[0]
    j = _alias_in_parentheses(ctx, j)
    if ctx.word(j).lower().startswith("se-"):
        j += 1
        while ctx.cap(j):
            j += 1
    return chunk(ctx, ChunkKind.COLLECTIVE, i, j, label=found[1], count=count)


def _alias_in_parentheses(ctx: Context, j: int) -> int:
    """Skip "(Kades)" after "Kepala Desa": a short form of the same group."""
    if ctx.word(j) == "(" and ctx.word(j + 2) == ")" and ctx.word(j + 1) in load().collectives:
        return j + 3
    return j
