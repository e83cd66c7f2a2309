"""Find and read sources into Articles: text, HTML pages and JSON lines; bad ones become Problems."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import dateparser
import trafilatura
from charset_normalizer import from_bytes

from kg.records import Article, Problem

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MIN_HTML_WORDS = 12

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
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)


class BadSource(ValueError):
    """A source that cannot be read as an article."""


def discover(paths: Iterable[Path]) -> list[Path]:
    """List the article files under the given files and folders, sorted."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                         and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.exists():
            found.add(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return sorted(found)


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8, else as the encoding charset-normalizer finds; refuse binary."""
    if not data.strip():
        raise BadSource("empty file")
    if b"\x00" in data:
        raise BadSource("binary file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None or best.encoding is None:
            raise BadSource("undecodable text (no encoding fits)") from None
        return str(best)


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


def make_article(ident: str, text: str, source: str, meta: dict[str, object]) -> Article:
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


def _front_matter(text: str) -> tuple[dict[str, object], str]:
    """Split a "---" header of `key: value` lines off the text."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, object] = {}
    for line in match.group("body").splitlines():
        name, sep, value = line.partition(":")
        if not sep:
            raise BadSource(f"front matter line without 'key: value': {line.strip()!r}")
        meta[name.strip().lower()] = value.strip()
    return meta, text[match.end():]


def read_text(path: Path) -> Iterator[Article]:
    """Read a text file with an optional front-matter header."""
    meta, text = _front_matter(decode(path.read_bytes()))
    yield make_article(path.stem, text, str(path), meta)


def read_html(path: Path) -> Iterator[Article]:
    """Read the main text and metadata of an HTML page with trafilatura."""
    page = decode(path.read_bytes())
    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    # A page whose main text is a few words (a menu, a title) holds no report.
    if doc is None or len((doc.text or "").split()) < MIN_HTML_WORDS:
        raise BadSource("no article text found in the HTML page")
    meta = {"url": doc.url, "outlet": doc.sitename, "title": doc.title, "published": doc.date}
    text = doc.text
    first, _, rest = text.partition("\n")
    if doc.title and rest and first.strip() == doc.title.strip():
        text = rest  # the headline inside <article> is metadata; the report starts below it
    yield make_article(path.stem, text, str(path), meta)


def read_jsonl(path: Path) -> Iterator[Article | Problem]:
    """Read one article per JSON line; a bad line is a Problem, the others are read."""
    for number, line in enumerate(decode(path.read_bytes()).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise BadSource("a JSON line is not an object")
            text = record.get("text") or record.get("content") or record.get("body") or ""
            ident = str(record.get("id") or f"{path.stem}-{number}")
            yield make_article(ident, str(text), where, record)
        except (json.JSONDecodeError, BadSource) as err:
            yield Problem(where, str(err).splitlines()[0])


def read(path: Path) -> Iterator[Article | Problem]:
    """Read one source file into articles, or a Problem saying why it cannot be read."""
    suffix = path.suffix.lower()
    reader = read_html if suffix in HTML_SUFFIXES else read_jsonl if suffix in JSONL_SUFFIXES else read_text
    try:
        yield from reader(path)
    except (BadSource, OSError) as err:
        yield Problem(str(path), str(err).splitlines()[0])


def fingerprint(article: Article) -> str:
    """Hash an article's text, spaces folded, to find the same report read twice."""
    return hashlib.sha1(" ".join(article.text.split()).encode("utf-8")).hexdigest()


def load_articles(paths: Iterable[Path]) -> tuple[list[Article], list[Problem]]:
    """Read every source; the same text twice is kept once (the smallest id), problems listed.

    Two different texts under one id cannot both be built (ids name articles in the graph):
    the first in path order is kept and the other reported.
    """
    by_text: dict[str, Article] = {}
    problems: list[Problem] = []
    for path in discover(paths):
        for item in read(path):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            digest = fingerprint(item)
            if digest not in by_text or item.id < by_text[digest].id:
                by_text[digest] = item
    by_id: dict[str, Article] = {}
    for article in sorted(by_text.values(), key=lambda a: (a.id, a.source)):
        if article.id in by_id:
            problems.append(Problem(article.source, f"another article has the id {article.id!r}: "
                                                    f"{by_id[article.id].source}"))
        else:
            by_id[article.id] = article
    return list(by_id.values()), problems
