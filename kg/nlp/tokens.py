"""Split text into word and punctuation tokens that keep their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache

from kg.lexicons import load
from kg.nlp.spelling import meant

# Words keep inner dots, hyphens, slashes and apostrophes: "S.IP", "M.Si", "se-Kabupaten",
# "0405/Lahat", "Jum'at"; a final dot is a token of its own.
_TOKEN = re.compile(r"\w+(?:[-'’/.]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with its offsets into the article text."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        """Say whether the token is a word rather than punctuation."""
        return self.text[0].isalnum() or self.text[0] == "_"

    @property
    def is_cap(self) -> bool:
        """Say whether the token begins with a capital letter or a digit."""
        return self.text[0].isupper() or self.text[0].isdigit()


# A Token made without its frozen __init__ (three object.__setattr__ calls): its slots are set
# directly, the same values, in two thirds of the time; articles are cut into tokens twice.
_NEW = object.__new__
_SET_TEXT, _SET_START, _SET_END = (getattr(Token, f.name).__set__ for f in fields(Token))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenize `text[start:end]`, offsets staying relative to `text`."""
    end = len(text) if end is None else end
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN.finditer(text, start, end):
        token = _NEW(Token)
        _SET_TEXT(token, word := m.group())
        at, to = m.span()
        _SET_START(token, at)
        _SET_END(token, to)
        if "." not in word and "-" not in word and "/" not in word:
            append(token)
            continue
        # An honorific glued to a name is split off, then a hyphen or a slash joining bodies
        # splits ("TNI-Polri", "TNI/Polri"; not a unit's "0405/Lahat").
        for part in _glued_honorific(token) if "." in word else (token,):
            mark = "-" if "-" in part.text else "/"
            if mark in part.text and (_joins_bodies(part.text, mark) or mark == "-" and _joins_names(part.text)):
                tokens += split_hyphenated(part.text, part.start, mark)
            else:
                append(part)
    return tokens


_GLUED = re.compile(r"([A-Za-z]{1,4}\.)([A-Z][a-z]+)")


def _glued_honorific(t: Token) -> tuple[Token, ...]:
    """Split an honorific glued to the name by its dot ("dr.Andi", "H.Subhan") into the
    honorific with its dot and the name."""
    m = _GLUED.fullmatch(t.text)
    if not m or m.group(1) not in load().honorifics:
        return (t,)
    cut = t.start + len(m.group(1)) - 1
    return Token(m.group(1)[:-1], t.start, cut), Token(".", cut, cut + 1), Token(m.group(2), cut + 1, t.end)


_TWO_NAMES = re.compile(r"[A-Z][a-z']{2,}(?:-[A-Z][a-z']{2,})+")


def _joins_names(word: str) -> bool:
    """Say whether a hyphen joins two names, as a pair of candidates is written ("Magai-Santoso",
    "Hasan-Ma'ruf"); not a name's article ("Al-Jufri") nor a word said twice ("Desa-Desa")."""
    return bool(_TWO_NAMES.fullmatch(word)) and len({part.lower() for part in word.split("-")}) > 1


def _joins_bodies(word: str, mark: str = "-") -> bool:
    """Say whether a hyphen joins two institutions' acronyms or titles ("TNI-Polri",
    "KPU-Bawaslu", "Panglima TNI-Kapolri"), or a slash two acronyms ("TNI/Polri"; but
    "Bupati/Walikota se-Provinsi" names a group, and "0405/Lahat" a unit); an acronym may be
    written in capitals ("TNI/POLRI")."""
    parts, lex = word.split(mark), load()
    return len(parts) > 1 and all(meant(part) in lex.acronyms or (mark == "-" and part in lex.roles)
                                  for part in parts)


def split_hyphenated(word: str, at: int, mark: str = "-") -> list[Token]:
    """Split a word at its hyphens ("TNI-Polri"), or another mark: its parts and the marks,
    each with its offsets (the word starting at `at`)."""
    tokens, offset = [], at
    for n, part in enumerate(word.split(mark)):
        if n:
            tokens.append(Token(mark, offset, offset + 1))
            offset += 1
        tokens.append(Token(part, offset, offset + len(part)))
        offset += len(part)
    return tokens


_MARKS = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold a word or name for comparison: lower case, dots dropped ("S.H." is "sh"), other
    marks as single spaces."""
    return " ".join(_MARKS.sub(" ", text.replace(".", "").lower()).split())
