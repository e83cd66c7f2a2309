"""Read one source file into Articles: text (with front matter), HTML pages, JSON lines."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from kg.ingest import MAX_BYTES
from kg.ingest.article import BadSource, make_article
from kg.records import Article, Problem

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MIN_HTML_WORDS = 12
_CHUNK = 1 << 16  # bytes read at a time to skip the rest of a line over the limit
# The fields of a JSON line read into an Article (others are ignored).
JSONL_FIELDS = ("id", "text", "content", "body", "url", "outlet", "published", "title")
# UTF-16 and UTF-32 hold NUL bytes: their BOM names them. UTF-32's first: UTF-16's
# little-endian BOM begins UTF-32's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:(?P<body>.*?)\r?\n)?---[ \t]*\r?\n", re.DOTALL)


def _bom(data: bytes) -> str | None:
    """Name the UTF-16 or UTF-32 encoding whose BOM starts the bytes, if any."""
    return next((name for mark, name in _BOMS if data.startswith(mark)), None)


def decode(data: bytes) -> str:
    """Decode bytes by their BOM, as UTF-8, else as the encoding charset-normalizer finds;
    refuse binary."""
    if not data.strip():
        raise BadSource("empty file")
    try:
        text = data.decode(_bom(data) or "utf-8-sig")
    except UnicodeDecodeError:
        best = None if b"\x00" in data else from_bytes(data).best()
        if best is None or best.encoding is None:
            raise BadSource("binary file (NUL bytes)" if b"\x00" in data
                            else "undecodable text (no encoding fits)") from None
        text = str(best)
    if "\x00" in text:
        raise BadSource("binary file (NUL bytes)")
    return text


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a "---" header of `key: value` lines off the text."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if _FRONT_MATTER_OPEN.match(text):  # its URL and date would silently become body text
            raise BadSource("front matter opened by '---' is never closed by a '---' line")
        return {}, text
    meta: dict[str, str] = {}
    for line in (match.group("body") or "").splitlines():
        name, sep, value = line.partition(":")
        if not sep:
            raise BadSource(f"front matter line without 'key: value': {line.strip()!r}")
        meta[name.strip().lower()] = value.strip()
    return meta, text[match.end():]


def _articles(ident: str, text: str, source: str, meta: Mapping[str, str | None]
              ) -> Iterator[Article | Problem]:
    """Make an Article; a publication date that is not absolute is reported and left out."""
    article = make_article(ident, text, source, meta)
    yield article
    if (published := meta.get("published")) and article.published is None:
        yield Problem(source, f"the published date {published[:40]!r}, not a full date (day, month, "
                              "year): the article is read without a date")


def _too_big(limit: int) -> BadSource:
    """Say that an article is over the size limit."""
    return BadSource(f"over the limit of {limit} bytes per article (see --max-bytes)")


def _read_bytes(path: Path, limit: int) -> bytes:
    """Read a file's bytes, refusing one over the limit without reading past it."""
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_big(limit)
    return data


def _lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Yield a stream's lines, split on "\\n" only; None for one over the limit, left unread."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(_CHUNK)
            yield None
        else:
            yield line


def read_text(path: Path, limit: int) -> Iterator[Article | Problem]:
    """Read a text file with an optional front-matter header."""
    meta, text = _front_matter(decode(_read_bytes(path, limit)))
    yield from _articles(path.stem, text, str(path), meta)


def read_html(path: Path, limit: int) -> Iterator[Article | Problem]:
    """Read the main text and metadata of an HTML page with trafilatura."""
    import trafilatura  # a second of start-up, for HTML pages only
    from trafilatura.settings import Document

    page = decode(_read_bytes(path, limit))
    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    # A page whose main text is a few words (a menu, a title) holds no report.
    if not isinstance(doc, Document) or len((doc.text or "").split()) < MIN_HTML_WORDS:
        raise BadSource("no article text found in the HTML page")
    meta = {"url": doc.url, "outlet": doc.sitename, "title": doc.title, "published": doc.date}
    text = doc.text or ""  # not empty: it has its words (checked above)
    first, _, rest = text.partition("\n")
    if doc.title and rest and first.strip() == doc.title.strip():
        text = rest  # the headline inside <article> is metadata; the report starts below it
    yield from _articles(path.stem, text, str(path), meta)


def _jsonl_fields(record: object) -> dict[str, str]:
    """Return a JSON line's article fields, each a string (an id may be a whole number)."""
    if not isinstance(record, dict):
        raise BadSource("a JSON line is not an object")
    fields: dict[str, str] = {}
    for name in JSONL_FIELDS:
        value = record.get(name)
        if name == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is None:
            continue
        if not isinstance(value, str):
            raise BadSource(f"field {name!r} must be a string, not {json.dumps(value)[:40]}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise BadSource(f"field {name!r} holds a lone surrogate (\\ud800 to \\udfff)") from None
        fields[name] = value
    return fields


def _jsonl_article(line: bytes, ident: str, where: str) -> Iterator[Article | Problem]:
    """Read one JSON line (UTF-8, as JSON lines are) into an Article."""
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise BadSource(f"not UTF-8: byte 0x{line[err.start]:02x} at byte {err.start + 1}"
                        ) from None
    except json.JSONDecodeError as err:
        raise BadSource(f"not JSON: {err.msg} at column {err.colno}") from None
    except ValueError as err:  # a number of 5,000 digits
        raise BadSource(f"not JSON: {str(err).partition(':')[0]}") from None
    except RecursionError:  # "[[[[...]]]]" 100,000 deep
        raise BadSource("not an article: JSON nested too deeply") from None
    fields = _jsonl_fields(record)
    text = fields.get("text") or fields.get("content") or fields.get("body") or ""
    yield from _articles(fields.get("id") or ident, text, where, fields)


def read_jsonl(path: Path, limit: int) -> Iterator[Article | Problem]:
    """Read one article per JSON line; a bad line is a Problem, the others are read.

    Lines end at "\\n" only: a U+2028 inside a JSON string is text, not a line end.
    """
    with path.open("rb") as stream:
        if encoding := _bom(stream.read(4)):
            raise BadSource(f"JSON lines must be UTF-8, not {encoding.upper()}")
        stream.seek(0)
        for number, line in enumerate(_lines(stream, limit), start=1):
            if line is not None and not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                if line is None:
                    raise _too_big(limit)
                yield from _jsonl_article(line, f"{path.stem}-{number}", where)
            except BadSource as err:
                yield Problem(where, str(err).splitlines()[0])


def read(path: Path, limit: int = MAX_BYTES) -> Iterator[Article | Problem]:
    """Read one source file into articles, or a Problem saying why it cannot be read; an article
    over `limit` bytes is a Problem."""
    suffix = path.suffix.lower()
    reader = read_html if suffix in HTML_SUFFIXES else read_jsonl if suffix in JSONL_SUFFIXES else read_text
    try:
        yield from reader(path, limit)
    except (BadSource, OSError) as err:
        yield Problem(str(path), str(err).splitlines()[0])
