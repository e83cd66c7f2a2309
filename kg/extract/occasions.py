"""Parse what happened and where: event words, venues and places."""

from __future__ import annotations

from kg.extract.chunks import Chunk, EventRef, PlaceRef
from kg.extract.context import Context, region_at
from kg.extract.institutions import chunk, place_name
from kg.extract.phrases import tables
from kg.extract.titles import title
from kg.lexicons import load
from kg.vocab import ChunkKind, EventKind, PlaceLevel


def _complement_end(ctx: Context, j: int, title_case: bool) -> int:
    """Extend an event's description over its content words, up to a function word or a name."""
    lex, t, k = load(), tables(), j
    while k < len(ctx.tokens) and k - j < 5 and k not in ctx.blocked:
        word = ctx.word(k)
        if not ctx.tokens[k].is_word or word.lower() in lex.function_words or word[0].isdigit():
            break  # "Pelantikan 45 Kades": the count belongs to the group
        if word[0].isupper() and (not title_case or t.acronyms.match(ctx.tokens, k)
                                  or t.org_heads.match(ctx.tokens, k) or title(ctx, k)):
            break
        if word in lex.speech or word in lex.presence:
            break
        k += 1
    return k


def _election_end(ctx: Context, j: int) -> int:
    """Extend an election's name over "Serentak" and its year ("Pilkada Serentak 2024")."""
    while ctx.word(j).lower() in load().fillers["election"] or (
            ctx.word(j).isdigit() and len(ctx.word(j)) == 4):
        j += 1
    return j


def event_at(ctx: Context, i: int) -> Chunk | None:
    """Parse an event word and its description ("deklarasi netralitas", "Pilkada 2024")."""
    found = tables().events.match(ctx.tokens, i)
    if not found or i in ctx.blocked:
        return None
    n, (kind, noun) = found
    if kind == EventKind.ELECTION:
        j = _election_end(ctx, i + n)
        label = " ".join([noun, *ctx.span(i + n, j).split()]) if j > i + n else noun
    else:
        j = _complement_end(ctx, i + n, ctx.word(i)[0].isupper())
        rest = ctx.span(i + n, j).lower() if j > i + n else ""
        label = f"{noun} {rest}".strip()
    return chunk(ctx, ChunkKind.EVENT, i, j, event=EventRef(kind, label))


def venue_at(ctx: Context, i: int) -> Chunk | None:
    """Parse a venue: a venue word and the capitalised words of its name ("Pendopo Bupati OKI")."""
    t, at = tables(), load().place_words["at"]  # "di Kantor Camat": a place, no institution
    found = t.venues.match(ctx.tokens, i)
    if not found or not ctx.cap(i):
        return None
    if t.org_heads.match(ctx.tokens, i) and ctx.word(i - 1).lower() not in at:
        return None
    j = i + found[0]
    if ctx.word(j) == "." and ctx.cap(j + 1) and ctx.tokens[j].start == ctx.tokens[j - 1].end:
        j += 1  # "Jl. Basuki Rahmat": the venue word shortened
    while ctx.cap(j) or (ctx.word(j).isdigit() and j not in ctx.blocked):
        j += 1
    if j == i + found[0] and ctx.word(i - 1).lower() not in at:
        return None
    return chunk(ctx, ChunkKind.VENUE, i, j, label=ctx.span(i, j))


def place_at(ctx: Context, i: int) -> Chunk | None:
    """Parse a place: a level word and a name ("Kabupaten OKI"), or a region the gazetteer knows."""
    t = tables()
    if ctx.cap(i) and (level := t.levels.match(ctx.tokens, i)):
        n, name = level
        if found := place_name(ctx, i + n, name):
            j, place = found
            return chunk(ctx, ChunkKind.PLACE, i, j, place=PlaceRef(place.name, name, place.code,
                                                            ctx.span(i, j)))
    levels = {PlaceLevel.PROVINCE, PlaceLevel.REGENCY, PlaceLevel.CITY}
    if ctx.word(i - 1).lower() in load().place_words["at"]:
        levels.add(PlaceLevel.DISTRICT)
    if ctx.cap(i) and (at := region_at(ctx, i, levels)):
        n, region = at
        return chunk(ctx, ChunkKind.PLACE, i, i + n, place=PlaceRef(region.name, region.level,
                                                            region.code, ctx.span(i, i + n)))
    return None
