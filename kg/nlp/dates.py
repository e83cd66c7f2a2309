"""Find Indonesian dates in text and resolve them against the publication date."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from kg.lexicons import load


@dataclass(frozen=True)
class DateMention:
    """A date as written; `value` is None when it cannot be resolved to a day."""

    start: int
    end: int
    text: str
    value: date | None
    precision: str  # "day", "month" or "weekday"
    month: tuple[int, int] | None = None  # (year, month) for "Juni 2024"
    weekday_mismatch: bool = False


def _alternation(words: dict[str, int]) -> str:
    """Build a regex alternation of the words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compile the date patterns from the month and weekday lists."""
    lex = load()
    day = rf"(?:(?P<wd>{_alternation(lex.weekdays)})\s*,?\s*(?:\(\s*)?(?:tanggal\s+)?)?"
    month = rf"(?P<mon>{_alternation(lex.months)})\.?"
    # Each pattern opens with a lookahead for the letters its matches can begin with: the same
    # matches, found in half the time (the engine tries the rest at those places only).
    days, months = _opening(lex.weekdays, r"\d"), _opening(lex.months)
    return {
        "long": re.compile(rf"{days}\b{day}(?P<d>\d{{1,2}})\s+{month}(?:\s+(?P<y>\d{{4}}))?\b\)?"),
        "numeric": re.compile(rf"{days}\b{day}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{2,4}}))?\)?"),
        "month": re.compile(rf"{months}\b{month}\s+(?P<y>\d{{4}})\b"),
        "weekday": re.compile(rf"{_opening(lex.weekdays, 'ph')}"  # or "pada", "hari"
                              rf"\b(?:pada\s+|hari\s+)?(?P<wd>{_alternation(lex.weekdays)})\b"
                              r"(?!\s*[,(]?\s*\(?\d)"),
    }


def _opening(words: Iterable[str], more: str = "") -> str:
    """Build a lookahead for the first letters of the words (or `more`, a class of characters)."""
    return f"(?=[{''.join(sorted({re.escape(w[0]) for w in words}))}{more}])"


def _year(text: str | None, published: date | None) -> int | None:
    """Read a written year, or take the publication's."""
    if text:
        year = int(text)
        return year + 2000 if year < 100 else year
    return published.year if published else None


def _day(match: re.Match[str], month: int, published: date | None) -> DateMention:
    """Make a day-precision mention, checking the weekday if one is written."""
    lex = load()
    year = _year(match.group("y"), published)
    try:
        value = date(year, month, int(match.group("d"))) if year else None
    except ValueError:
        value = None
    if value and published and not match.group("y") and value > published + timedelta(days=31):
        # "Kamis (28/12)" in a report of 5 January 2024 is 28 December 2023.
        value = value.replace(year=value.year - 1)
    weekday = match.group("wd")
    mismatch = bool(value and weekday and lex.weekdays[weekday] != value.isoweekday())
    text = match.group().rstrip(")") if "(" not in match.group() else match.group()
    return DateMention(match.start(), match.start() + len(text), text, value, "day",
                       weekday_mismatch=mismatch)


def _last_weekday(weekday: int, published: date | None) -> date | None:
    """Return the latest date on or before publication that falls on the weekday."""
    if published is None:
        return None
    return published - timedelta(days=(published.isoweekday() - weekday) % 7)


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Find every date in the text, day-precision ones first where spans overlap."""
    lex, patterns, found = load(), _patterns(), []
    for m in patterns["long"].finditer(text):
        found.append(_day(m, lex.months[m.group("mon")], published))
    for m in patterns["numeric"].finditer(text):
        if 1 <= int(m.group("m")) <= 12:
            found.append(_day(m, int(m.group("m")), published))
    for m in patterns["month"].finditer(text):
        found.append(DateMention(m.start(), m.end(), m.group(), None, "month",
                                 month=(int(m.group("y")), lex.months[m.group("mon")])))
    for m in patterns["weekday"].finditer(text):
        value = _last_weekday(lex.weekdays[m.group("wd")], published)
        found.append(DateMention(m.start(), m.end(), m.group(), value, "weekday"))
    return _without_overlaps(found)


def _without_overlaps(found: list[DateMention]) -> list[DateMention]:
    """Keep the first-found mention where two overlap, in text order."""
    kept: list[DateMention] = []
    taken: set[int] = set()  # the characters kept mentions cover: linear in the text's length
    for mention in found:
        span = range(mention.start, mention.end)
        if taken.isdisjoint(span):
            kept.append(mention)
            taken.update(span)
    return sorted(kept, key=lambda m: m.start)
