"""Person names: split honorifics, ranks and degrees off a name as written."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.lexicons import load
from kg.nlp.tokens import Token, fold
from kg.records import Name


@cache
def _folded(words: frozenset[str]) -> frozenset[str]:
    """Fold a word list for comparison without dots and case."""
    return frozenset(fold(w) for w in words)


# A dotted abbreviation such as "S.I.K" or "M.Si" after a name is a degree even when unlisted.
_DOTTED = re.compile(r"(?:[A-Z][A-Za-z]{0,3}\.)+[A-Z][A-Za-z]{0,3}")


@lru_cache(maxsize=16384)
def is_degree(word: str) -> bool:
    """Say whether a word is a degree written after a name ("S.H.", "SH", "M.Si")."""
    listed = fold(word) in _folded(load().degrees) and (len(word) > 1 or word.isupper())
    return listed or bool(_DOTTED.fullmatch(word))


@lru_cache(maxsize=16384)
def is_prefix(word: str) -> bool:
    """Say whether a word is an honorific or a rank written before a name ("DR H Nama": an
    honorific may be written in capitals)."""
    lex = load()
    spelt = {word, word.capitalize()} if word.isupper() else {word}
    return (any(w in lex.honorifics or w + "." in lex.honorifics for w in spelt) or word in lex.ranks
            or is_corps(word) or fold(word) in _folded(lex.ranks))


def rank_of_two(first: str, second: str) -> bool:
    """Say whether two words are one rank: "Laksamana Muda", "Marsekal Pertama"."""
    return f"{first} {second}" in load().ranks


def is_corps(word: str) -> bool:
    """Say whether a word names a rank's corps or service ("Pol", "Inf", "ARH"), in any case."""
    corps = load().corps
    return word in corps or (word.isupper() and word.capitalize() in corps)


def is_split_degree(first: str, second: str) -> bool:
    """Say whether two words are one degree written with a space: "S Sos", "M Pd"."""
    return len(first) == 1 and first.isupper() and second[:1].isupper() \
        and not is_degree(second) and is_degree(first + second)


def dotted_apart(first: str, dot: str, rest: str) -> bool:
    """Say whether three tokens are one degree written apart after its dot: "M", ".", "Si"."""
    return len(first) == 1 and dot == "." and rest[:1].isupper() and is_degree(f"{first}.{rest}")


def strip_degrees(tokens: list[Token]) -> tuple[list[Token], list[str]]:
    """Split trailing degrees (and the commas and dots between them) off name tokens."""
    end, suffixes = len(tokens), list[str]()
    while end:
        last = tokens[end - 1].text
        if end > 2 and is_split_degree(tokens[end - 2].text, last):
            suffixes.insert(0, f"{tokens[end - 2].text} {last}")
            end -= 2
        elif end > 4 and tokens[end - 4].text == "," and dotted_apart(tokens[end - 3].text, tokens[end - 2].text, last):
            suffixes.insert(0, f"{tokens[end - 3].text}.{last}")  # ", M. Si": a degree's parts written apart
            end -= 3
        elif last in {",", "."} or is_degree(last):
            if tokens[end - 1].is_word:
                suffixes.insert(0, last)
            end -= 1
        else:
            break
    return tokens[:end], suffixes


def strip_prefixes(tokens: list[Token]) -> tuple[list[Token], list[str]]:
    """Split leading honorifics and ranks (and their dots) off name tokens."""
    start, prefixes = 0, []
    while start < len(tokens) - 1 and (is_prefix(tokens[start].text) or
                                       tokens[start].text in {".", "(", ")"}  # "Jenderal (Pol)"
                                       or (start and rank_of_two(tokens[start - 1].text, tokens[start].text))):
        if tokens[start].text == "(" and start + 2 < len(tokens) and tokens[start + 2].text == ")":
            prefixes.append(f"({tokens[start + 1].text})")  # "Kolonel Laut (S) Nama"
            start += 3
            continue
        if tokens[start].is_word:
            prefixes.append(tokens[start].text)
        start += 1
    return tokens[start:], prefixes


def person(text: str, tokens: list[Token]) -> Name | None:
    """Make a Person from the tokens of a name as written, or None if no name is left."""
    core, suffixes = strip_degrees(tokens)
    core, prefixes = strip_prefixes(core)
    words = [t for t in core if t.is_word]
    inner = load().name_parts
    if not words or not all(w.is_cap or inner.get(w.text) == "inner" for w in words):
        return None  # "Kees de Vries", "Ahmad bin Yusuf": a particle inside is in lower case
    bare = text[core[0].start:core[-1].end]
    if not is_prefix(bare[:1]) or _INITIALS.match(bare):  # "H.Wahid" is Haji Wahid, "H.R.Nama" initials
        bare = _GLUED_INITIAL.sub(r"\1. ", bare)  # "Mathius D.Fakhiri"
    written = text[tokens[0].start:tokens[-1].end].rstrip(", ")
    return Name(" ".join(_once(bare.split())), " ".join(written.split()), tuple(prefixes),
                  tuple(suffixes))


def _once(words: list[str]) -> list[str]:
    """Drop a name typed twice in a row: "Rudi Hartawan Rudi Hartawan" is Rudi Hartawan."""
    half = len(words) // 2
    return words[:half] if len(words) % 2 == 0 and words[:half] == words[half:] else words


_GLUED_INITIAL = re.compile(r"\b([A-Z])\.(?=[A-Z][a-z])")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}[A-Z][a-z]")


def _one_letter_apart(a: str, b: str) -> bool:
    """Say whether two words of five letters or more differ by one letter substituted, added or
    dropped."""
    if abs(len(a) - len(b)) > 1 or a == b or min(len(a), len(b)) < 5:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def initials_of(a: list[str], b: list[str]) -> bool:
    """Say whether two names (their folded words) are one with given names shortened to
    initials in either: "a romzi" and "ahmad romzi", "ignasius r lega" and "ignasius repelita lega"."""
    if len(a) != len(b) or a == b:
        return False
    return all(x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
               for x, y in zip(a, b, strict=True))


def spelling_variant(a: list[str], b: list[str]) -> bool:
    """Say whether two names (their folded words) differ by a slip in one long word only:
    "teddy meilwansyah" and "teddy meilwansayah"."""
    if len(a) != len(b):
        return False
    slips = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(slips) == 1 and _one_letter_apart(*slips[0])
