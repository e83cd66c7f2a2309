"""What the grammar reads a sentence with: its tokens, the article's own acronyms, and word tests."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Set
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from typing import Any

from kg.extract.phrases import PhraseTable, tables
from kg.lexicons import gazetteer, load
from kg.nlp.names import dotted_apart, is_degree, is_prefix, is_split_degree
from kg.nlp.tokens import Token
from kg.nlp.vocabulary import is_verb
from kg.vocab import PlaceLevel


@dataclass
class Context:
    """A sentence's tokens, the token indexes that dates cover, and the article's acronyms."""

    text: str
    tokens: list[Token]
    blocked: frozenset[int] = frozenset()
    defined: PhraseTable = field(default_factory=lambda: PhraseTable.build([]))
    reference: str | None = None  # the region code the article is about (its dateline)
    short_names: dict[str, str] = field(default_factory=dict)  # "Kukar" -> the code it stands for

    @property
    def first(self) -> int:
        """Return the index of the sentence's first token outside the dateline and dates."""
        return next((i for i in range(len(self.tokens)) if i not in self.blocked), 0)

    def __post_init__(self) -> None:
        # The grammar asks for each token's word and capital several times: read them once.
        self._words = words = [t.text for t in self.tokens]
        blocked = self.blocked
        # _capitalised, written out: a call a token cost more than the test
        self._caps = [n not in blocked and ((first := w[0]).isupper() or first.isdigit())
                      and (first.isalnum() or first == "_") for n, w in enumerate(words)]
        text = self.text
        self._respelt = {t for t in self.tokens if text[t.start:t.end] != t.text}

    def reading(self, defined: PhraseTable, reference: str | None) -> Context:
        """Return a plain context of the same sentence with other acronyms and region, what it
        read of its tokens taken as it is (the second pass over an article)."""
        again = Context.__new__(Context)
        read = vars(self)
        vars(again).update({name: read[name] for name in _read()})
        again.defined, again.reference = defined, reference
        return again

    def word(self, i: int) -> str:
        """Return the text of token i, or "" past either end."""
        words = self._words
        return words[i] if 0 <= i < len(words) else ""

    def cap(self, i: int) -> bool:
        """Say whether token i is a capitalised word outside a date."""
        caps = self._caps
        return 0 <= i < len(caps) and caps[i]

    def openings(self, opens: Callable[[str], bool]) -> list[int]:
        """Return the indexes of the tokens outside dates that are capitalised words, or whose
        word `opens` says may open a chunk, in order."""
        blocked = self.blocked
        return [n for n, (word, cap) in enumerate(zip(self._words, self._caps, strict=True))
                if cap or n not in blocked and opens(word)]

    def written(self, i: int, j: int) -> str:
        """Return the text that tokens [i, j) cover, exactly as written."""
        return self.text[self.tokens[i].start:self.tokens[j - 1].end] if j > i else ""

    def span(self, i: int, j: int) -> str:
        """Return the text that tokens [i, j) cover, a misspelt word as the word it meant
        (`kg.nlp.spelling`); no tokens, no text (a title that ends its sentence: "... para Kadis")."""
        if j <= i:
            return ""
        tokens, text = self.tokens, self.text
        start, end = tokens[i].start, tokens[j - 1].end
        if not self._respelt:
            return text[start:end]
        parts, at = [], start
        for t in tokens[i:j]:
            if t in self._respelt:
                parts += [text[at:t.start], t.text]
                at = t.end
        return "".join(parts) + text[at:end]


@cache
def _read() -> tuple[str, ...]:
    """Name what a context keeps of its sentence: all a plain one holds but the acronyms and
    the region, which `Context.reading` replaces (a Watched context keeps them apart)."""
    return tuple(name for name in vars(Context("", [])) if name != "defined" and name != "reference")


def _capitalised(word: str) -> bool:
    """Say whether a token is a word (not a mark) that begins with a capital or a digit."""
    first = word[0]
    return (first.isupper() or first.isdigit()) and (first.isalnum() or first == "_")


class Watched(Context):
    """A context that notes what the grammar asks of the article's own acronyms and region.

    The first pass over an article reads each sentence without them (`defined` empty,
    `reference` None); `same_reading` then says whether the second pass, with them, would be
    asked the same and answered the same, so that its parse can be taken as it is. The grammar
    reads `defined` through `match` and `reference` as an attribute: both are watched here.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.asked: list[tuple[list[Token], int]] = []  # the defined.match calls made
        self.referred = False  # whether `reference` was read
        super().__init__(*args, **kwargs)

    @property
    def defined(self) -> PhraseTable:
        """Return the article's acronyms, noting each look-up in them."""
        return self._asking

    @defined.setter
    def defined(self, table: PhraseTable) -> None:
        self._defined = table
        self._asking = _AskedTable(table.by_first, table.fold_case, self.asked)

    @property
    def reference(self) -> str | None:
        """Return the article's region, noting that it was read."""
        self.referred = True
        return self._reference

    @reference.setter
    def reference(self, code: str | None) -> None:
        self._reference = code

    def same_reading(self, other: Context) -> bool:
        """Say whether a parse in `other` would be asked and answered as this one was: the same
        sentence, the acronyms giving what they gave here, the region unread or unchanged."""
        return all(getattr(self, f.name) is getattr(other, f.name)
                   or getattr(self, f.name) == getattr(other, f.name) for f in fields(Context)
                   if f.name != "defined" and f.name != "reference") \
            and (not self.referred or self._reference == other.reference) \
            and all(other.defined.match(tokens, i) == self._defined.match(tokens, i)
                    for tokens, i in self.asked)


@dataclass(frozen=True)
class _AskedTable(PhraseTable):
    """A phrase table that notes the look-ups made in it."""

    asked: list[tuple[list[Token], int]] = field(default_factory=list)

    def match(self, tokens: list[Token], i: int) -> tuple[int, Any] | None:
        """Note the look-up, then make it."""
        self.asked.append((tokens, i))
        return super().match(tokens, i)


@cache
def reserved() -> frozenset[str]:
    """Words that begin lexicon phrases, the short forms of a role's field and the words of a
    body's branch ("Perwakilan", "Wilayah"), which never belong to a person's name."""
    lex, t = load(), tables()
    firsts = {f for table in (t.roles, t.qualifiers, t.acronyms, t.full_names, t.org_heads,
                              t.levels, t.venues, t.events, t.collectives)
              for f in table.by_first}
    words = firsts | set(lex.months) | set(lex.weekdays) | lex.role_fields | lex.field_words | lex.org_units
    words |= {w.capitalize() for w in lex.function_words | lex.quantifiers}
    return frozenset(words - {w for w, kind in lex.name_parts.items() if kind != "middle"})


@cache
def org_vocabulary() -> frozenset[str]:
    """Words of organisation names: the learned list plus every word of the listed full names."""
    lex = load()
    listed = {w for names, _ in lex.acronyms.values() for n in names for w in n.split()}
    return frozenset(lex.org_words | listed | set(lex.acronyms) | lex.org_heads)


def levels(word: str) -> bool:
    """Say whether a word names levels of region, not one region: "Kab/Kota", "kabupaten/kota"."""
    return "/" in word and all(p.lower().rstrip(".") in _level_words() for p in word.split("/"))


@cache
def _level_words() -> frozenset[str]:
    """Return the place-level words in lower case, without their dot ("kab", "kota")."""
    return frozenset(w.lower().rstrip(".") for w in load().place_levels)


def is_name_word(ctx: Context, i: int) -> bool:
    """Say whether token i may be part of a person's name."""
    if not ctx.cap(i):
        return False
    shape = _name_word(ctx.word(i))
    return shape if shape is not None else ctx.cap(i + 1)  # Balinese "I Wayan", but "Asisten I,"


@lru_cache(maxsize=65536)
def _name_word(word: str) -> bool | None:
    """Say whether a capitalised word may be part of a person's name; None: only when a
    capitalised word follows it (a leading particle, "I")."""
    lex = load()
    if word in reserved() or word[0].isdigit() or is_prefix(word) or is_verb(word) or levels(word) \
            or _roles(word) or (word.isupper() and len(word) > 1 and word in lex.acronyms):
        return False
    return None if lex.name_parts.get(word) == "leading" else True


def _roles(word: str) -> bool:
    """Say whether a word joins roles with a slash, one post or the other: "Bupati/Walikota"."""
    return "/" in word and all(part in load().roles for part in word.split("/"))


def is_direction(ctx: Context, i: int) -> bool:
    """Say whether token i is a capitalised word that belongs to the region's name before it
    when the gazetteer does not know the whole: "Lebong Utara", "Tanjung Raya"."""
    return ctx.word(i) in load().place_words["direction"] and ctx.cap(i)


def in_document_title(ctx: Context, i: int) -> bool:
    """Say whether token i goes on the capitalised title of a document: "Laporan Keuangan
    Pemerintah Daerah (LKPD)" names a report, not a body (ANNOTATION.md)."""
    k = i
    while k > 0 and ctx.cap(k - 1) and k - 1 not in ctx.blocked:
        k -= 1
    return k < i and ctx.word(k) in load().documents


@cache
@cache
def links(kind: str) -> frozenset[str]:
    """Return the linking words of one kind (kg/lexicons/links.tsv), made once a kind: the
    pairing asks for them for every title."""
    return frozenset(w for w, k in load().links.items() if k == kind)


_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")  # "A.", "S.A."


def is_initial(ctx: Context, i: int) -> bool:
    """Say whether token i is an initial or a shortened name, with its dot ("A. Romzi", "Muh. Fadli")."""
    if ctx.word(i + 1) != ".":
        return False
    word = ctx.word(i)
    short = bool(_INITIALS.fullmatch(word)) or load().name_parts.get(word) == "abbreviation"
    return short and is_name_word(ctx, i + 2)


def degree_at(ctx: Context, i: int) -> int:
    """Return how many tokens a degree starting at i covers (0 if none): ", S.H." or "SH"."""
    k = i + 1 if ctx.word(i) == "," else i
    word = ctx.word(k)
    if is_split_degree(word, ctx.word(k + 1)):
        return k + 2 - i  # "S Sos"
    if k > i and dotted_apart(word, ctx.word(k + 1), ctx.word(k + 2)):
        k += 3  # ", M. Si": a degree's parts written apart, after the name's comma
        return k + 1 - i if ctx.word(k) == "." and ctx.word(k + 1)[:1].islower() else k - i
    if not word or not is_degree(word) or not (k > i or "." in word or word.isupper()):
        return 0
    k += 1
    after = ctx.word(k + 1)
    if ctx.word(k) == "." and (after in {",", ")", ";", ""} or after[:1].islower()):
        k += 1  # the dot of "M.Si." before a comma or the sentence's next word
    return k - i


_DEFINED_SHORT = re.compile(r"((?:[A-Z][\w'’-]+ ){0,3}[A-Z][\w'’-]+) ?\(([A-Z][A-Za-z]{1,9})\)")


_SHORT = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")  # how every _DEFINED_SHORT ends
_OUTSIDE = re.compile(r"[^\w'’\- ()]")  # a character no _DEFINED_SHORT holds


def defined_shorts(text: str) -> Iterator[re.Match[str]]:
    """Yield the matches of `_DEFINED_SHORT` in a text, the same as its `finditer` over the
    whole text, reading only the runs of the characters it holds around each short form in
    parentheses (the whole text, tried at every capital letter, took 2 % of extraction)."""
    end, backwards = 0, ""
    for m in _SHORT.finditer(text):
        if m.start() < end:
            continue  # in the run already read
        backwards = backwards or text[::-1]
        before = _OUTSIDE.search(backwards, len(text) - m.start())
        after = _OUTSIDE.search(text, m.end())
        end = after.start() if after else len(text)
        yield from _DEFINED_SHORT.finditer(text, len(text) - before.start() if before else 0, end)


def short_names(text: str) -> dict[str, str]:
    """Read the short names an article gives regions: "Kutai Kartanegara (Kukar)" -> Kukar."""
    found = {}
    for m in defined_shorts(text):
        words, short = m.group(1).split(), m.group(2)
        if gazetteer.lookup(short):
            continue
        for n in range(1, len(words) + 1):
            regions = [r for r in gazetteer.lookup(" ".join(words[-n:]))
                       if r.level in {PlaceLevel.PROVINCE, PlaceLevel.REGENCY, PlaceLevel.CITY}]
            if regions:
                found[short] = regions[0].code
    return found


def region_at(ctx: Context, i: int, levels: Set[str] | None = None) -> tuple[int, gazetteer.Region] | None:
    """Match the longest region name the gazetteer or the article knows at token i."""
    if (code := ctx.short_names.get(ctx.word(i))) and i not in ctx.blocked:
        region = gazetteer.regions()[code]
        if levels is None or region.level in levels:
            return 1, region
    if not _may_open_region(ctx.word(i)):
        return None
    run, most = 0, gazetteer.max_words()  # the capitalised words from i on: a name is read within them
    while run < most and ctx.cap(i + run):
        run += 1
    for n in range(min(run, len(ctx.tokens) - i), 0, -1):
        found = [r for r in gazetteer.lookup(ctx.span(i, i + n))
                 if levels is None or r.level in levels]
        if found:
            # One region found is taken whatever the article's region (nor is that read).
            return n, found[0] if len(found) == 1 else prefer(found, ctx.reference)
    return None


@lru_cache(maxsize=65536)
def _may_open_region(word: str) -> bool:
    """Say whether a name that opens with this word may be one the gazetteer knows (False only
    when none is): half the capitalised words of the news open no region's name, and each was
    looked up once for every run of capitalised words it opens."""
    # A name's key is its letters and digits, lower-cased, with no level word before it
    # (`gazetteer.lookup`): it opens with the word's first run of them, as a numbered name's
    # key does ("Ulu I": "ulu1").
    first = _KEY_RUN.search(word.lower())
    return bool(gazetteer.opens_with_level(f"{word} ") or first is None
                or first.group() in gazetteer.key_starts())


_KEY_RUN = re.compile(r"[a-z0-9]+")


def prefer(found: list[gazetteer.Region], reference: str | None) -> gazetteer.Region:
    """Pick the region that lies in or around the article's own region, else the first."""
    if reference:
        near = [r for r in found if r.code.startswith(reference[:2])]
        if near:
            return near[0]
    return found[0]
