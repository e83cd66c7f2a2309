"""Make an Article from a report's text and metadata: its dateline, date and noise."""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextlib import suppress
from datetime import date
from functools import cache, lru_cache

from kg.lexicons import gazetteer, load
from kg.records import Article

# "KAYUAGUNG, ENIMEKSPRES.CO, -", "MUARADUA, HARIANOKUSELATAN.ID -", "Palembang (Antara) -"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z .'’]{1,40}?)\s*"
    r"(?:,\s*(?P<outlet>[A-Za-z0-9][\w.-]*\.[A-Za-z]{2,}(?:\.[A-Za-z]{2,})?)\s*,?"
    r"|\((?P<agency>[^)\n]{2,40})\)|,)?\s*[-–—]+\s+")  # a dash then a space: not "se-Kabupaten"
# "Ambon, News Medianusantara.com - ", "AROSUKA, MJ News. ", "Medan,DP News\n": an outlet's name in
# words after a place the gazetteer knows, ended by a dash, a full stop or the line.
_NAMED_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Za-z .'’]{1,40}?)\s*,\s*"
    r"(?P<outlet>[A-Z][\w.&'-]*(?: [A-Z0-9][\w.&'-]*){0,3}?)\s*(?:[-–—]+\s+|\.\s+|\n)")
# "Radarmalaka.com, Tanjungpinang – ", "JURNAL SUMBAR | Batusangkar – ": the outlet first, then a
# place the gazetteer knows, ended by a dash.
_OUTLET_DATELINE = re.compile(
    r"\s*(?P<outlet>[A-Za-z][\w.&'-]*(?: [A-Z0-9][\w.&'-]*){0,2}?)\s*[,|]\s*"
    r"(?P<place>[A-Z][A-Za-z .'’]{1,40}?)\s*[-–—]+\s+")
# An outlet's name as it is written before its place: a domain, capitals, or capitals inside a
# word ("indoBRITA", "TNews"); not "Ketua KPU".
_OUTLET = re.compile(r"\.|^[A-Z0-9 &'-]+$|[a-z][A-Z]|^[A-Z]{2}[a-z]")
# "(*)", "(ant/abc)", "(rel)" closing a report.
_SIGN_OFF = re.compile(r"\s*\((?:\*|[a-z]{2,5}(?:/[a-z]{2,5})*)\)\s*$")


# dateparser's parsers that read a date from the text alone (not "relative-time", nor
# "timestamp", whose day depends on the machine's time zone).
_ABSOLUTE = ["custom-formats", "absolute-time"]
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class BadSource(ValueError):
    """A source that cannot be read as an article."""


@lru_cache(maxsize=1 << 12)  # a corpus's articles share their days
def parse_date(value: str | None) -> date | None:
    """Read an absolute date ("2024-01-12", "12 Januari 2024 10:00 WIB"), else None."""
    if not value:
        return None
    if _ISO_DAY.fullmatch(value):  # read as dateparser reads it, in a thousandth of its time
        with suppress(ValueError):
            return date.fromisoformat(value)
    return _dateparser(value)


def _dateparser(value: str) -> date | None:
    """Read an absolute date with dateparser, else None."""
    import dateparser  # a quarter of a second: only for dates not written as ISO days

    # Relative or partial dates ("kemarin", "1 day ago", "13 Maret") would be read against the
    # day of the run: the same input must always give the same graph, so they are refused.
    parsed = dateparser.parse(value, languages=["id", "en"],
                              settings={"DATE_ORDER": "DMY", "PARSERS": _ABSOLUTE,
                                        "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed else None


@cache
def _noise_line() -> re.Pattern[str]:
    """Match a line that links elsewhere, a photo caption or a byline: not part of the report
    (kg/lexicons/noise.tsv: "BACA JUGA: ...", "Foto: ...", "Editor: ...")."""
    noise = load().noise
    links, labels = (sorted(noise[kind], key=lambda f: (-len(f), f)) for kind in ("link", "label"))
    opening = [re.escape(form) for form in links] + [re.escape(form) + r"\s*:" for form in labels]
    # A label in brackets makes its whole line a caption: "Bupati X (kiri) ... (Foto: Nama)", "[FOTO: ...]".
    inside = [re.escape(form) + r"\s*:" for form in labels if form.startswith(("(", "["))]
    return re.compile(r"^[ \t]*(?:" + "|".join(opening) + r")[^\n]*|^[^\n]*(?:" + "|".join(inside)
                      + r")[^\n]*", re.MULTILINE)


def noise_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return the spans of "BACA JUGA" lines, captions, bylines and sign-offs."""
    spans = [m.span() for m in _noise_line().finditer(text)]
    if sign_off := _SIGN_OFF.search(text):
        spans.append(sign_off.span())
    return tuple(sorted(spans))


def make_article(ident: str, text: str, source: str, meta: Mapping[str, str | None]) -> Article:
    """Build an Article from its text and metadata, reading the dateline and the noise."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadSource("no article text")
    dateline = _find_dateline(text)
    outlet = meta.get("outlet") or (dateline and (dateline.group("outlet") or dateline.groupdict().get("agency")))
    return Article(
        id=ident, text=text, source=source,
        url=str(meta["url"]) if meta.get("url") else None,
        outlet=str(outlet).lower() if outlet else None,
        title=str(meta["title"]) if meta.get("title") else None,
        published=parse_date(meta.get("published")),
        dateline=dateline.group("place").strip() if dateline else None,
        body_start=dateline.end() if dateline else 0,
        noise=tuple(sorted({*noise_spans(text), *_headline(text, dateline)})),
    )


_LINE_DATELINE = re.compile(_DATELINE.pattern, re.MULTILINE)


def _find_dateline(text: str) -> re.Match[str] | None:
    """Find the dateline at the start, or at the start of one of the first lines: a saved page
    often opens with its headline and page furniture ("Awards Disway", the headline twice)."""
    start = 0
    for _ in range(9):
        if found := _LINE_DATELINE.match(text, start) or _named_dateline(text, start):
            return found
        start = text.find("\n", start) + 1
        if not start or start > 1000:
            return None
    return None


def _named_dateline(text: str, start: int) -> re.Match[str] | None:
    """Match a dateline whose outlet is named in words at `start`, before or after its place,
    the place one the gazetteer knows: else "Bupati Solok, Budi Santoso. ..." would be one."""
    return next((found for pattern in (_NAMED_DATELINE, _OUTLET_DATELINE)
                 if (found := pattern.match(text, start))
                 and (pattern is _NAMED_DATELINE or _OUTLET.search(found.group("outlet")))
                 and gazetteer.dateline_places(found.group("place").strip())), None)


def _headline(text: str, dateline: re.Match[str] | None) -> list[tuple[int, int]]:
    """Return the span of what comes before the report: everything before a dateline found
    below the first line, else a first line written as a headline ("Gubernur Kepri Lantik
    Pejabat Sementara Kepala Daerah": short, most words capitalised, no closing stop)."""
    if dateline and dateline.start() > 0:
        return [(0, dateline.start())]
    end = text.find("\n")
    first = text[:end].strip() if end > 0 else ""
    words = first.split()
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    if dateline or len(words) < 3 or len(first) > 160 or first[-1] in ".!?\"”:" \
            or 3 * capitalised < 2 * len(words):
        return []
    return [(0, end)]
