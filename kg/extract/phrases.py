"""Longest-match look-up of multi-word lexicon phrases over tokens."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

from kg.lexicons import load
from kg.nlp.tokens import Token, tokenize

V = TypeVar("V")


@dataclass(frozen=True)
class PhraseTable(Generic[V]):
    """Phrases indexed by their first word, longest first."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], V], ...]]
    fold_case: bool = False

    @classmethod
    def build(cls, items: Iterable[tuple[str, V]], fold_case: bool = False) -> PhraseTable[V]:
        """Index phrase -> value pairs, each phrase cut into words as the tokenizer cuts them."""
        index: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for phrase, value in items:
            words = tuple(t.text.lower() if fold_case else t.text for t in tokenize(phrase))
            index.setdefault(words[0], []).append((words, value))
        return cls({k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in index.items()},
                   fold_case)

    def match(self, tokens: list[Token], i: int) -> tuple[int, V] | None:
        """Return (number of tokens, value) of the longest phrase starting at token i."""
        size = len(tokens)
        if i >= size:
            return None
        fold_case = self.fold_case
        candidates = self.by_first.get(tokens[i].text.lower() if fold_case else tokens[i].text)
        if not candidates:  # most tokens begin no phrase: nothing more to compare
            return None
        for words, value in candidates:
            n = len(words)
            if i + n > size:
                continue
            k = 1  # the words after the first, compared in a plain loop (most phrases are short)
            while k < n and (tokens[i + k].text.lower() if fold_case else tokens[i + k].text) == words[k]:
                k += 1
            if k == n:
                return n, value
        return None


@dataclass(frozen=True)
class Tables:
    """The phrase tables the chunker needs, built once from the lexicon."""

    roles: PhraseTable
    qualifiers: PhraseTable
    acronyms: PhraseTable
    full_names: PhraseTable
    org_heads: PhraseTable
    levels: PhraseTable
    venues: PhraseTable
    events: PhraseTable
    collectives: PhraseTable
    org_units: PhraseTable


def _capitalised(items: Iterable[tuple[str, V]]) -> dict[str, V]:
    """Add each lower-case phrase's capitalised forms: an event word opens a sentence or a
    headline-style name ("Penyerahan LHP ...", "Rapat Koordinasi ...")."""
    out = dict(items)
    for phrase, value in list(out.items()):
        if phrase.islower():
            out.setdefault(phrase[0].upper() + phrase[1:], value)
            out.setdefault(" ".join(w[0].upper() + w[1:] for w in phrase.split()), value)
    return out


def _sentence_case(items: Iterable[tuple[str, V]]) -> dict[str, V]:
    """Add each capitalised title's form with its later words in lower case, as the news also
    writes them: "Wakil bupati Lanny Jaya", "Kepala dinas Pendidikan"."""
    out = dict(items)
    for phrase, value in list(out.items()):
        first, *rest = phrase.split()
        if rest and all(w[:1].isupper() and w[1:].islower() for w in (first, *rest)):
            out.setdefault(" ".join([first, *(w.lower() for w in rest)]), value)
    return out


@cache
def tables() -> Tables:
    """Build the phrase tables from the lexicon."""
    lex = load()
    fulls = [(full, acr) for acr, (names, _) in lex.acronyms.items() for full in names]
    return Tables(
        roles=PhraseTable.build(_sentence_case(lex.roles.items()).items()),
        qualifiers=PhraseTable.build(lex.qualifiers.items()),
        acronyms=PhraseTable.build((a, a) for a in lex.acronyms),
        full_names=PhraseTable.build(fulls),
        org_heads=PhraseTable.build((h, h) for h in lex.org_heads),
        levels=PhraseTable.build(lex.place_levels.items()),
        venues=PhraseTable.build((v, v) for v in lex.venues),
        events=PhraseTable.build(_capitalised(lex.events.items()).items()),
        collectives=PhraseTable.build(lex.collectives.items()),
        org_units=PhraseTable.build((u, u) for u in lex.org_units),
    )
