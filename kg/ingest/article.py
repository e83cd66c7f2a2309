"""Make an Article from a report's text and metadata: its dateline, date and noise."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

import dateparser

from kg.records import Article

# "KAYUAGUNG, ENIMEKSPRES.CO, -", "MUARADUA, HARIANOKUSELATAN.ID -", "Palembang (Antara) -"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z .'’]{1,40}?)\s*"
    r"(?:,\s*(?P<outlet>[A-Za-z0-9][\w.-]*\.[A-Za-z]{2,}(?:\.[A-Za-z]{2,})?)\s*,?"
    r"|\((?P<agency>[^)\n]{2,40})\)|,)?\s*[-–—]+\s+")  # a dash then a space: not "se-Kabupaten"
# Lines that link elsewhere, photo captions and bylines: not part of the report.
_NOISE_LINE = re.compile(
    r"^[ \t]*(?:BACA JUGA|Baca [Jj]uga|Simak [Jj]uga|Lihat [Jj]uga|Berita [Tt]erkait|Foto\s*:|"
    r"\(Foto\s*:|Editor\s*:|Penulis\s*:|Pewarta\s*:|Sumber\s*:|Reporter\s*:|Caption\s*:)[^\n]*",
    re.MULTILINE)
# "(*)", "(ant/abc)", "(rel)" closing a report.
_SIGN_OFF = re.compile(r"\s*\((?:\*|[a-z]{2,5}(?:/[a-z]{2,5})*)\)\s*$")


class BadSource(ValueError):
    """A source that cannot be read as an article."""


def parse_date(value: object) -> date | None:
    """Read a publication date in any common form ("2024-01-12", "12 Januari 2024 10:00 WIB")."""
    if value in (None, ""):
        return None
    parsed = dateparser.parse(str(value), languages=["id", "en"],
                              settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def noise_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return the spans of "BACA JUGA" lines, captions, bylines and sign-offs."""
    spans = [m.span() for m in _NOISE_LINE.finditer(text)]
    if sign_off := _SIGN_OFF.search(text):
        spans.append(sign_off.span())
    return tuple(sorted(spans))


def make_article(ident: str, text: str, source: str, meta: Mapping[str, str | None]) -> Article:
    """Build an Article from its text and metadata, reading the dateline and the noise."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadSource("no article text")
    dateline = _DATELINE.match(text)
    outlet = meta.get("outlet") or (dateline and (dateline.group("outlet") or dateline.group("agency")))
    return Article(
        id=ident, text=text, source=source,
        url=str(meta["url"]) if meta.get("url") else None,
        outlet=str(outlet).lower() if outlet else None,
        title=str(meta["title"]) if meta.get("title") else None,
        published=parse_date(meta.get("published")),
        dateline=dateline.group("place").strip() if dateline else None,
        body_start=dateline.end() if dateline else 0,
        noise=noise_spans(text),
    )
