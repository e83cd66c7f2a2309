"""Extract one article: parse its sentences, then gather persons, holdings, events and attendance."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date

from kg.extract.chunker import chunk_sentence
from kg.extract.chunks import Chunk, PlaceRef
from kg.extract.context import Context, Watched, links, prefer, short_names
from kg.extract.holdings import (
    back_list,
    earlier_body_posts,
    listed_on_names,
    members_named_later,
    names_a_venue,
    pair,
    promote,
    unheld_groups,
)
from kg.extract.parsed import Parsed
from kg.extract.phrases import PhraseTable
from kg.lexicons import gazetteer, load
from kg.nlp import ner
from kg.nlp.dates import DateMention, find_dates
from kg.nlp.sentences import sentences_and_tokens
from kg.nlp.spelling import meant
from kg.nlp.tokens import Token, fold, tokenize
from kg.nlp.vocabulary import is_plain, name_shaped
from kg.records import Article, Sentence
from kg.vocab import ChunkKind, MentionType, PlaceLevel


def reference_date(article: Article) -> date | None:
    """Return the date relative dates are resolved against: publication, else the last full date."""
    if article.published:
        return article.published
    days = [d.value for d in find_dates(article.text) if d.value and d.precision == "day"]
    return max(days) if days else None


def reference_month(article: Article) -> str | None:
    """Return the last month a report without any day names ("sejak Juni 2024"), as yyyy-mm."""
    months = [d.month for d in find_dates(article.text) if d.month]
    return f"{max(months)[0]:04d}-{max(months)[1]:02d}" if months else None


def dateline_region(article: Article, mentioned: list[str]) -> gazetteer.Region | None:
    """Find the dateline's region, preferring one inside the regions the article names."""
    if not article.dateline:
        return None
    found = gazetteer.dateline_places(article.dateline)
    if not found:
        return None
    codes = sorted(mentioned, key=mentioned.count, reverse=True)
    return prefer(found, codes[0] if codes else None)


def _context(article: Article, s: Sentence, dates: list[DateMention],
             defined: PhraseTable, region: str | None, shorts: dict[str, str],
             watched: bool = False, like: Context | None = None,
             cut: list[Token] | None = None) -> Context:
    """Build a sentence's context, blocking the dateline and the dates from the grammar (a
    `Watched` one, noting what the grammar asks of the acronyms and the region, when asked;
    the tokens and blocked ones of the first pass's context `like`, when given; its tokens as
    `cut` already, when given)."""
    if like is not None and not watched:
        return like.reading(defined, region)
    if like is not None:
        tokens, blocked = like.tokens, like.blocked
    else:
        # `==`, not `is`: meant's cache gives back the first string it was asked, an equal one
        tokens = [t if (word := meant(t.text)) == t.text else Token(word, t.start, t.end)
                  for t in (tokenize(article.text, s.start, s.end) if cut is None else cut)]
        body = article.body_start
        blocked = frozenset(i for i, t in enumerate(tokens) if t.start < body or any(
            d.start <= t.start < d.end for d in dates)) if dates or s.start < body else frozenset()
    return (Watched if watched else Context)(article.text, tokens, blocked, defined, region,
                                             shorts)


def _parse(ctx: Context, s: Sentence) -> Parsed:
    """Chunk a sentence and pair its titles with their holders."""
    chunks = chunk_sentence(ctx)
    pairs = pair(ctx, chunks)
    return Parsed(s, ctx, tuple(promote(chunks, pairs)), tuple(pairs))


def _reparse(first: Parsed, ctx: Context) -> Parsed:
    """Parse a sentence again in the article's context: the first parse, in the new context,
    when it asked nothing of the acronyms and the region that they now answer otherwise."""
    if isinstance(first.ctx, Watched) and first.ctx.same_reading(ctx):
        return replace(first, ctx=ctx)
    return _parse(ctx, first.sentence)


def _definitions(parsed: list[Parsed]) -> list[tuple[str, str]]:
    """Collect the (name, other name) pairs the article defines in parentheses."""
    refs = [c.org or (c.title.org if c.title else None) for p in parsed for c in p.chunks]
    return [(ref.base, other) for ref in refs if ref for other in ref.names]


@dataclass(frozen=True)
class ParsedArticle:
    """An article's parsed sentences, their dates, its home region and the recogniser's spans."""

    sentences: list[Parsed]
    dates: list[list[DateMention]]
    home: str | None
    model: list[tuple[int, int, str]]


@dataclass(frozen=True)
class Reading:
    """An article parsed by the rules, before the recogniser: what `finish_article` completes.

    `parts` are the (start, end) spans of its text the recogniser is to read (None: it is not
    run), so that many articles' parts can be read in one batch (`ner.recognise_many`).
    """

    article: Article
    sentences: list[Parsed]
    dates: list[list[DateMention]]
    home: str | None
    parts: list[tuple[int, int]] | None


def parse_article(article: Article, mentions: bool = True, recogniser: bool = True
                  ) -> ParsedArticle:
    """Parse every sentence; a second pass reads the acronyms the article defines.

    The recogniser (unless turned off) reads the whole text when the mentions are wanted
    (`kg extract`), else only the sentences holding a name no rule confirmed.
    """
    reading = read_article(article, mentions, recogniser)
    model = ner.recognise_parts(article.text, reading.parts) if reading.parts is not None else []
    return finish_article(reading, model)


def read_article(article: Article, mentions: bool = True, recogniser: bool = True) -> Reading:
    """Parse every sentence by the rules (see `parse_article`), and say what the recogniser is
    to read."""
    cut = sentences_and_tokens(article.text, article.noise)
    sentences = [s for s, _ in cut]
    all_dates = find_dates(article.text, reference_date(article))
    dates = _by_sentence(all_dates, sentences)
    empty: PhraseTable[str] = PhraseTable.build([])
    shorts = short_names(article.text)
    parsed = [_parse(_context(article, s, d, empty, None, shorts, watched=True, cut=tokens), s)
              for (s, tokens), d in zip(cut, dates, strict=True)]
    codes = [place.code for p in parsed for c in p.chunks for place in _places_of(c)
             if place.code]
    region = dateline_region(article, codes)
    home = _home(region, codes)
    new = [(full, short) for full, short in _definitions(parsed) if short not in load().acronyms]
    defined = PhraseTable.build([(short, full) for full, short in new] +
                                [(full, short) for full, short in new])
    parsed = _earlier_bodies([_reparse(p, _context(article, s, d, defined, home, shorts, like=p.ctx))
                              for p, s, d in zip(parsed, sentences, dates, strict=True)])
    parts = _to_recognise(article, parsed, mentions) if recogniser and ner.available() else None
    return Reading(article, parsed, dates, home, parts)


def _earlier_bodies(parsed: list[Parsed]) -> list[Parsed]:
    """Pair the posts a sentence lists with no body with the body the sentence before it named
    last (`earlier_body_posts`), and the names it lists for a group named before with the group's
    title (`_earlier_groups`)."""
    out: list[Parsed] = []
    for before, p in zip([None, *parsed], parsed, strict=False):
        body = next((c for c in reversed(before.chunks) if c.kind == ChunkKind.ORGANIZATION and c.org), None) \
            if before else None
        if body and (more := earlier_body_posts(p.ctx, list(p.chunks), list(p.pairs), body)):
            p = replace(p, chunks=tuple(promote(list(p.chunks), more)), pairs=p.pairs + tuple(more))
        out.append(p)
    return _earlier_groups(out)


def _earlier_groups(parsed: list[Parsed]) -> list[Parsed]:
    """Give the names a sentence lists after words that point back to a group (`back_list`) the
    title of the group the sentence before named with no holder, or of the one an earlier sentence
    counted as the pointing words count: "Bupati melantik 17 anggota Tim Khusus. ... Dari ke-17
    orang itu, antara lain A, B. Lalu, C, D." (a sentence that only lists names goes on with
    the list before it)."""
    out: list[Parsed] = []
    groups: list[tuple[int, Chunk, int | None]] = []  # (sentence, title, count)
    going_on: Chunk | None = None  # the group the sentence before listed names for
    for n, p in enumerate(parsed):
        chunks, pairs = list(p.chunks), list(p.pairs)
        group, names = None, listed_on_names(p.ctx, chunks, pairs) if going_on else []
        if names:
            group = going_on
        elif found := back_list(p.ctx, chunks, pairs):
            names, count = found
            group = next((t for m, t, c in reversed(groups) if m == n - 1 or count is not None and c == count), None)
        if group and names:
            more = members_named_later(names, group)
            p = replace(p, chunks=tuple(promote(chunks, more)), pairs=p.pairs + tuple(more))
        going_on = group if group and names else None
        groups += [(n, t, c) for t, c in unheld_groups(p.ctx, chunks, pairs)]
        out.append(p)
    return out


def finish_article(reading: Reading, model: list[tuple[int, int, str]]) -> ParsedArticle:
    """Complete an article's parse with the recogniser's spans in it (none when not run)."""
    parsed = reading.sentences
    persons = [(s, e) for s, e, kind in model if kind == MentionType.PERSON]
    known = frozenset(fold(c.person.name) for q in parsed for c in q.of_kind(ChunkKind.PERSON) if c.person)
    known_words = frozenset(w for k in known for w in k.split())
    outlet = _letters(reading.article.outlet.split(".")[0]) if reading.article.outlet else None
    return ParsedArticle([_promote_names(p, known, known_words, persons, outlet) for p in parsed], reading.dates,
                         reading.home, model)


def _by_sentence(dates: list[DateMention], sentences: list[Sentence]) -> list[list[DateMention]]:
    """Give each sentence the dates that start in it (both lists are in text order)."""
    out: list[list[DateMention]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    for d in dates:
        n = bisect_right(starts, d.start) - 1
        if n >= 0 and d.start < sentences[n].end:
            out[n].append(d)
    return out


def _places_of(c: Chunk) -> list[PlaceRef]:
    """Return the places a chunk names: itself, or the area of the organisation it names."""
    org = c.org or (c.title.org if c.title else None)
    return [p for p in (c.place, org.area if org else None) if p]


def _to_recognise(article: Article, parsed: list[Parsed], whole: bool) -> list[tuple[int, int]]:
    """Return the parts of the text the recogniser reads: its lines (`ner.lines`), or the
    sentences with unconfirmed names."""
    if whole:
        return ner.lines(article.text)
    return [(p.sentence.start, p.sentence.end) for p in parsed
            if any(c.kind == ChunkKind.NAME and c.j - c.i > 1 for c in p.chunks)]


def _home(region: gazetteer.Region | None, codes: list[str]) -> str | None:
    """Return the regency or city the report is about: the dateline's, else the most named, else
    the most named province ("Gubernur ... di lingkungan Pemerintah Provinsi Papua Selatan")."""
    if region:
        chain = gazetteer.chain(region)
        return next((r.code for r in chain if r.level in {PlaceLevel.REGENCY, PlaceLevel.CITY}), chain[-1].code)
    named = [c for c in codes if c.count(".") == 1] or [c for c in codes if "." not in c]
    return max(sorted(set(named)), key=named.count) if named else None


def _letters(name: str) -> str:
    """Return a name's letters and digits, folded: "Kabar Lembah" and "kabarlembah.com" meet."""
    return "".join(ch for ch in fold(name) if ch.isalnum())


def _promote_names(p: Parsed, known: frozenset[str], known_words: frozenset[str],
                   model: list[tuple[int, int]], outlet: str | None) -> Parsed:
    """Make persons of the names that speak, stand in a list of persons, name a person found
    elsewhere in the article (`known`: the article's persons, folded; `known_words`: their
    words), or that the statistical recogniser reads as a person; not the outlet's own name (its
    domain's `outlet` letters: "menurut pantauan Kabar Lembah" in a report of kabarlembah.com);
    the sentence as it was when none is."""
    if not any(c.kind == ChunkKind.NAME and c.person for c in p.chunks):
        return p
    speech = load().speech
    paired = _candidate_pairs(p)
    chunks = []
    for n, c in enumerate(p.chunks):
        if c.kind == ChunkKind.NAME and c.person and _letters(c.person.name) != outlet:
            folded = fold(c.person.name)
            # A run of words of the language ("Lantik Pejabat") needs the article's own word.
            several = len(folded.split()) > 1 and not is_plain(c.person.name)
            speaks = several and any(
                speech.get(p.ctx.word(k).lower()) == "before" for k in _clause(p, n))
            listed = (several and _listed_with_persons(p, n)) or \
                (name_shaped(c.person.name) and _in_list_of_names(p, n))
            seen = several and any(s <= c.start and c.end <= e for s, e in model)
            titled = name_shaped(c.person.name) and _after_title(p, n)
            linked = name_shaped(c.person.name) and (_linked(p, n) or _represents(p, n))
            if speaks or listed or seen or titled or linked or n in paired or folded in known or \
                    set(folded.split()) <= known_words:
                c = replace(c, kind=ChunkKind.PERSON)
        chunks.append(c)
    return replace(p, chunks=tuple(chunks))


def _linked(p: Parsed, n: int) -> bool:
    """Say whether a name is linked to a post as only a person is: a post given before it
    ("digantikan oleh A", "menggantikan A", "dipercayakan kepada A"), or a link after it that
    a title follows ("A sebagai Kepala Bagian", "A, selaku Ketua", "A yang sebelumnya menjabat
    Kabid", "A dari Kabid Anggaran"), or a body the person led ("A yang sebelumnya memimpin
    Dinas Sosial")."""
    c, ctx = p.chunks[n], p.ctx
    k = c.i - 1
    k -= k > 0 and ctx.word(k).lower() in load().fillers["passive"]  # "diisi oleh A"
    if ctx.word(k).lower() in links("replacing") | links("held-by") | links("replaced-by"):
        return True
    post = next((d for d in p.chunks[n + 1:n + 2] if d.kind in _POSTS), None)
    gap = {ctx.word(k).lower() for k in range(c.j, post.i)} if post else set()
    linking = links("link") | links("former") | (
        links("leads") if post and post.kind == ChunkKind.ORGANIZATION else links("moved-from"))
    return bool(gap & linking) and gap <= linking | links("qualifying") | load().glue["list"]


def _represents(p: Parsed, n: int) -> bool:
    """Say whether a name follows a body that a word naming its representative comes before:
    "Perwakilan BPK Provinsi X, Nama", "Perwakilan Imigrasi Kota Y, Nama" (the body's place
    left out of it), "perwakilan Basarnas Tobelo B Santoso"; one word right after
    the body may still be its name ("Perwakilan Korem 123 Jaya", no person)."""
    body, c, ctx = p.chunks[n - 1] if n else None, p.chunks[n], p.ctx
    gap = [ctx.word(k) for k in range(body.j, c.i)] if body else []
    placed = gap[-1:] == [","] and (len(gap) == 1 or bool(gazetteer.lookup(" ".join(gap[:-1]))))
    return bool(body and body.kind == ChunkKind.ORGANIZATION and c.person
                and load().links.get(ctx.word(body.i - 1).lower()) == "represents"
                and (placed or not gap and len(c.person.name.split()) > 1))


_POSTS = frozenset({ChunkKind.TITLE, ChunkKind.ORGANIZATION})


def _candidate_pairs(p: Parsed) -> set[int]:
    """Return the indexes of names an election pairs: "pasangan nomor urut 02, Azhari - Bambang",
    "paslon Andi Saputra dan Rudi Hartono"."""
    found: set[int] = set()
    for n in range(len(p.chunks) - 1):
        a, b = p.chunks[n], p.chunks[n + 1]
        if not (a.person and b.person and a.kind in {ChunkKind.NAME, ChunkKind.PERSON} and b.kind in {ChunkKind.NAME, ChunkKind.PERSON}):
            continue
        gap = {p.ctx.word(k) for k in range(a.j, b.i)}
        start = max(p.chunks[n - 1].j if n else 0, a.i - 6)
        before = {p.ctx.word(k).lower() for k in range(start, a.i)}
        if gap and gap <= load().glue["pair"] and before & links("pair"):
            found |= {n, n + 1}
    return found


def _clause(p: Parsed, n: int) -> range:
    """Return the token indexes after chunk n up to the next chunk (twelve at most)."""
    c = p.chunks[n]
    stop = p.chunks[n + 1].i if n + 1 < len(p.chunks) else len(p.ctx.tokens)
    return range(c.j, min(stop, c.j + 12))


def _after_title(p: Parsed, n: int) -> bool:
    """Say whether a name follows a title right away or after a comma: "Presiden Prabowo"."""
    prev = p.chunks[n - 1] if n else None
    return bool(prev and prev.kind == ChunkKind.TITLE and not names_a_venue(p.ctx, prev) and
                all(p.ctx.word(k) == "," for k in range(prev.j, p.chunks[n].i)))


def _in_list_of_names(p: Parsed, n: int) -> bool:
    """Say whether a name stands in a list of three names or more, most of several words or
    the first and the last.

    "termasuk Darhan, Suharto, Mahdi Husen, Andi Suari, dan Zainal": one-word names listed
    among full ones are persons too, and so are those a list of persons holds between its
    first and its last: "A B, Darhan, Suharto, Mahdi, dan C D".
    """
    def linked(a: int, b: int) -> bool:
        gap = {p.ctx.word(k) for k in range(p.chunks[a].j, p.chunks[b].i)}
        return bool(gap) and gap <= load().glue["names"]

    def name(m: int) -> bool:
        return p.chunks[m].kind in {ChunkKind.NAME, ChunkKind.PERSON} and p.chunks[m].person is not None

    lo = hi = n
    while lo > 0 and name(lo - 1) and linked(lo - 1, lo):
        lo -= 1
    while hi + 1 < len(p.chunks) and name(hi + 1) and linked(hi, hi + 1):
        hi += 1
    run = [p.chunks[m] for m in range(lo, hi + 1)]
    full = [c.kind == ChunkKind.PERSON or (c.person is not None and len(c.person.name.split()) > 1)
            for c in run]  # each has a name: name()
    return len(run) >= 3 and (2 * sum(full) >= len(run) or full[0] and full[-1])


def _listed_with_persons(p: Parsed, n: int) -> bool:
    """Say whether a name stands in a list ("A, B, dan C") beside a person."""
    glue = load().glue["list"]
    for m in (n - 1, n + 1):
        if 0 <= m < len(p.chunks) and p.chunks[m].kind == ChunkKind.PERSON:
            a, b = sorted((p.chunks[m], p.chunks[n]), key=lambda c: c.i)
            if all(p.ctx.word(k) in glue for k in range(a.j, b.i)) and b.i > a.j:
                return True
    return False
