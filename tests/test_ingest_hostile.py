"""Hostile and careless inputs (issue 13): each bad article is one Problem naming its file (and
line), the good ones are still read, nothing escapes as an exception. Every text is invented."""

from __future__ import annotations

import codecs
import json
import os
import socket
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest.load import load_articles
from kg.ingest.readers import read
from kg.pipeline import extract_sources
from kg.records import Article, Problem

BODY = ("LAHAT, SUMSELPOST.ID - Dinas Perhubungan Kabupaten Lahat menggelar uji kir gratis bagi "
        "angkutan pedesaan di Terminal Bandar Jaya, Rabu (13/3/2024). Kepala Dinas Perhubungan "
        "Lahat, Anton Wijaya, mengatakan kegiatan itu digelar setiap tiga bulan.\n")


def line(**fields: object) -> bytes:
    """Return one JSON line of an article."""
    return json.dumps(fields).encode("utf-8") + b"\n"


def only(items: list[Article | Problem]) -> Article | Problem:
    """Return the one item of a list."""
    assert len(items) == 1, items
    return items[0]


def split(items: list[Article | Problem]) -> tuple[list[Article], list[Problem]]:
    """Separate the articles from the problems."""
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, Problem)])


# --- JSON lines ------------------------------------------------------------------------------

@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\r"])
def test_a_json_line_ends_at_a_newline_only(tmp_path: Path, separator: str) -> None:
    text = BODY.strip().replace(". Kepala", f".{separator}Kepala")
    path = tmp_path / "kiriman.jsonl"
    # Written raw, not as escapes: a raw U+2028 is valid inside a JSON string.
    path.write_bytes(f'{{"id": "a", "text": "{text}"}}\n'.encode()
                     + line(id="b", text=BODY.replace("Lahat", "Muara Enim")))
    articles, problems = split(list(read(path)))
    assert articles[-1].id == "b" and articles[-1].source == f"{path}:2"
    if separator < " ":  # a raw control character is no JSON: that line only
        assert len(articles) == 1
        assert [p.source for p in problems] == [f"{path}:1"]
    else:
        assert problems == []
        assert articles[0].text == text


def test_one_bad_byte_or_nul_spoils_only_its_line(tmp_path: Path) -> None:
    cafe = BODY.replace("Terminal", "Caf\u00e9 Terminal")
    path = tmp_path / "campur.jsonl"
    path.write_bytes(line(id="a", text=cafe).replace(b"\\u00e9", "\u00e9".encode("utf-8"))
                     + line(id="b", text=BODY).replace(b"Lahat", b"Lah\xe9t", 1)
                     + line(id="c", text=BODY).replace(b"Dinas", b"Din\x00as", 1)
                     + line(id="d", text=BODY.replace("Lahat", "Pagaralam")))
    articles, problems = split(list(read(path)))
    assert [a.id for a in articles] == ["a", "d"]
    assert articles[0].text == cafe  # never re-decoded in another charset
    assert [p.source for p in problems] == [f"{path}:2", f"{path}:3"]
    assert "UTF-8" in problems[0].reason and "0xe9" in problems[0].reason
    assert "not JSON" in problems[1].reason


@pytest.mark.parametrize("bad, reason", [
    (b'{"id": "s", "text": "Bupati \\ud800 Lahat hadir."}\n', "surrogate"),
    (b"[" * 100_000 + b"]" * 100_000 + b"\n", "nested too deeply"),
    (b'{"id": "n", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", "nested too deeply"),
    (b'{"id": ' + b"7" * 5_000 + b', "text": "Bupati hadir."}\n', "not JSON: Exceeds the limit"),
    (line(id="t", text=["Bupati Lahat hadir."]), "'text' must be a string"),
    (line(id="u", text=BODY, url={"href": "https://contoh.example"}), "'url' must be a string"),
    (line(id="p", text=BODY, published=20240805), "'published' must be a string, not 20240805"),
    (line(id=True, text=BODY), "'id' must be a string"),
    (line(id="o", text=BODY, outlet=None, title=1.5), "'title' must be a string"),
])
def test_a_hostile_json_line_is_one_problem_with_its_line_number(tmp_path: Path, bad: bytes,
                                                                 reason: str) -> None:
    path = tmp_path / "kiriman.jsonl"
    path.write_bytes(line(id="a", text=BODY) + b"\n" + bad + line(id="z", text=BODY + " Lagi."))
    articles, problems = split(list(read(path)))
    assert [a.id for a in articles] == ["a", "z"]
    assert articles[1].source == f"{path}:4"
    assert len(problems) == 1
    assert problems[0].source == f"{path}:3"
    assert reason in problems[0].reason
    assert "\n" not in problems[0].reason and len(problems[0].reason) < 200


def test_a_numeric_id_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "angka.jsonl"
    path.write_bytes(line(id=42, text=BODY))
    assert [a.id for a in load_articles([path])[0]] == ["42"]


# --- dates ---------------------------------------------------------------------------------

@pytest.mark.parametrize("published", ["1 day ago", "kemarin", "2 hari yang lalu", "hari ini",
                                       "Senin", "13 Maret", "Maret 2024", "10:00 WIB", "1722816000"])
def test_a_date_that_depends_on_the_day_of_the_run_is_refused(tmp_path: Path, published: str
                                                               ) -> None:
    text_file = tmp_path / "relatif.txt"
    text_file.write_text(f"---\npublished: {published}\n---\n{BODY}", encoding="utf-8")
    json_file = tmp_path / "relatif.jsonl"
    json_file.write_bytes(line(id="j", text=BODY.replace("Lahat", "Pagaralam"), published=published))
    for path, source in [(text_file, str(text_file)), (json_file, f"{json_file}:1")]:
        articles, problems = split(list(read(path)))
        assert len(articles) == 1 and articles[0].published is None
        assert [p.source for p in problems] == [source]
        assert repr(published) in problems[0].reason and "without a date" in problems[0].reason


def test_an_absolute_date_is_read_and_not_reported(tmp_path: Path) -> None:
    path = tmp_path / "mutlak.jsonl"
    path.write_bytes(line(id="j", text=BODY, published="Rabu, 13/03/2024 08:15 WIB"))
    articles, problems = split(list(read(path)))
    assert problems == [] and articles[0].published == date(2024, 3, 13)


# --- front matter --------------------------------------------------------------------------

@pytest.mark.parametrize("header", [
    "---\nurl: https://contoh.example/a\npublished: 2024-03-13\n",
    "---\r\nurl: https://contoh.example/a\r\n--\r\n",
    "---\n",
])
def test_an_unterminated_front_matter_is_one_problem(tmp_path: Path, header: str) -> None:
    path = tmp_path / "terbuka.txt"
    path.write_text(header + BODY, encoding="utf-8")
    assert list(read(path)) == [Problem(str(path), "front matter opened by '---' is never closed "
                                                   "by a '---' line")]


@pytest.mark.parametrize("text", [BODY + "---\nPenulis: Anton\n", "---\n---\n" + BODY])
def test_a_closed_or_late_dash_line_is_no_unterminated_front_matter(tmp_path: Path, text: str
                                                                     ) -> None:
    path = tmp_path / "garis.txt"
    path.write_text(text, encoding="utf-8")
    articles, problems = split(list(read(path)))
    assert problems == [] and articles[0].text.startswith("LAHAT")


# --- encodings -------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
                                      "utf-32-be", "utf-8-sig"])
def test_a_text_with_a_bom_is_read_in_its_encoding(tmp_path: Path, encoding: str) -> None:
    text = "---\ntitle: Uji Kir \u2013 Lahat\n---\n" + BODY
    path = tmp_path / "bom.txt"
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}.get(encoding, b"")
    path.write_bytes(bom + text.encode(encoding))
    article = only(list(read(path)))
    assert isinstance(article, Article)
    assert article.text == BODY and article.title == "Uji Kir \u2013 Lahat"


def test_an_html_page_in_utf16_is_read(tmp_path: Path) -> None:
    paragraph = BODY.strip() + " " + BODY.strip()
    page = (f"<html><head><title>Uji kir</title></head><body><article><p>{paragraph}</p>"
            "</article></body></html>")
    path = tmp_path / "halaman.html"
    path.write_bytes(page.encode("utf-16"))
    article = only(list(read(path)))
    assert isinstance(article, Article) and "Anton Wijaya" in article.text


def test_json_lines_in_utf16_are_one_problem_not_one_per_line(tmp_path: Path) -> None:
    path = tmp_path / "utf16.jsonl"
    path.write_bytes((line(id="a", text=BODY) * 3).decode("utf-8").encode("utf-16"))
    assert list(read(path)) == [Problem(str(path), "JSON lines must be UTF-8, not UTF-16")]


# --- what is no regular file ---------------------------------------------------------------

def test_only_regular_files_are_read_the_others_reported(tmp_path: Path) -> None:
    (tmp_path / "baik.txt").write_text(BODY, encoding="utf-8")
    os.mkfifo(tmp_path / "pipa.txt")
    (tmp_path / "putar.txt").symlink_to(tmp_path / "putar.txt")
    (tmp_path / "putus.md").symlink_to(tmp_path / "tidak-ada.md")
    (tmp_path / "tautan.txt").symlink_to(tmp_path / "baik.txt")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "soket.jsonl"))
        articles, problems = load_articles([tmp_path])
    assert [a.source for a in articles] == [str(tmp_path / "baik.txt")]  # the link: same text
    reasons = {Path(p.source).name: p.reason for p in problems}
    assert sorted(reasons) == ["pipa.txt", "putar.txt", "putus.md", "soket.jsonl"]
    assert reasons["pipa.txt"] == "a FIFO, not a regular file"
    assert reasons["soket.jsonl"] == "a socket, not a regular file"
    assert "symbolic links" in reasons["putar.txt"]


@pytest.mark.parametrize("name", ["/dev/zero", "fifo", "loop"])
def test_a_named_special_file_is_reported_not_read(tmp_path: Path, name: str) -> None:
    path = Path(name) if name.startswith("/") else tmp_path / f"{name}.txt"
    if name == "fifo":
        os.mkfifo(path)
    elif name == "loop":
        path.symlink_to(path)
    articles, problems = load_articles([path])
    assert articles == [] and [p.source for p in problems] == [str(path)]


def test_an_unreadable_subfolder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    (tmp_path / "baik.txt").write_text(BODY, encoding="utf-8")
    locked = tmp_path / "terkunci"
    locked.mkdir()
    (locked / "rahasia.txt").write_text(BODY.replace("Lahat", "Pagaralam"), encoding="utf-8")
    scandir = os.scandir

    def refuse(path: str) -> object:  # as chmod 000 does, even for root
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    articles, problems = load_articles([tmp_path])
    assert [a.id for a in articles] == ["baik"]
    assert problems == [Problem(str(locked), "folder cannot be read: Permission denied")]


# --- size ----------------------------------------------------------------------------------

def test_an_article_over_the_limit_is_one_problem(tmp_path: Path) -> None:
    limit = len(BODY.encode("utf-8"))
    (tmp_path / "pas.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "lebih.txt").write_text(BODY + "x", encoding="utf-8")
    (tmp_path / "lebih.html").write_text(f"<p>{BODY}</p>", encoding="utf-8")
    feed = tmp_path / "kiriman.jsonl"
    fits = BODY[:limit - 40]
    feed.write_bytes(line(id="a", text=fits) + line(id="b", text=BODY * 3)
                     + line(id="c", text=fits[5:]))
    articles, problems = load_articles([tmp_path], limit)
    assert {a.id: a.source for a in articles} == {"a": f"{feed}:1", "c": f"{feed}:3",
                                                  "pas": str(tmp_path / "pas.txt")}
    reason = f"over the limit of {limit} bytes per article (see --max-bytes)"
    assert sorted(problems, key=lambda p: p.source) == [
        Problem(f"{feed}:2", reason), Problem(str(tmp_path / "lebih.html"), reason),
        Problem(str(tmp_path / "lebih.txt"), reason)]


def test_a_50_mb_article_is_refused_at_once(tmp_path: Path) -> None:
    big = tmp_path / "besar.txt"
    with big.open("wb") as out:
        for _ in range(50):
            out.write(BODY.encode("utf-8") * (1_000_000 // len(BODY)))
    feed = tmp_path / "besar.jsonl"
    feed.write_bytes(b'{"id": "besar", "text": "' + big.read_bytes().replace(b"\n", b" ")
                     + b'"}\n' + line(id="kecil", text=BODY))
    started = time.perf_counter()
    articles, problems = load_articles([big, feed])
    assert time.perf_counter() - started < 1
    assert [a.id for a in articles] == ["kecil"]
    assert [p.source for p in problems] == [f"{feed}:1", str(big)]


def test_a_file_is_never_read_past_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    path = tmp_path / "besar.txt"
    path.write_text(BODY * 100, encoding="utf-8")
    asked: list[int] = []
    opened = Path.open

    def counting(self: Path, *args: object, **kwargs: object) -> object:
        stream = opened(self, *args, **kwargs)
        read = stream.read
        stream.read = lambda size=-1: asked.append(size) or read(size)  # type: ignore[method-assign]
        return stream

    monkeypatch.setattr(Path, "open", counting)
    assert [p.source for p in load_articles([path], 1000)[1]] == [str(path)]
    assert asked == [1001]


# --- generated hostile sources through ingest and extraction --------------------------------

NAMES = ["Anton Wijaya", "Sri Wahyuni", "Rahmat Hidayat", "Dewi Lestari", "Fajar Nugroho",
         "Siti Harahap", "Yoga Pratama", "Maria Kusuma"]
PLACES = ["Lahat", "Pagaralam", "Muara Enim", "Banyuasin", "Lubuklinggau", "Empat Lawang"]
LIMIT = 20_000


def good_text(number: int, name: str, place: str, separator: str = " ") -> str:
    """Return a readable report, unique by its number."""
    return (f"{place.upper()}, SUMSELPOST.ID - Kepala Dinas Perhubungan Kabupaten {place}, {name}, "
            f"membuka uji kir gratis nomor {number} di Terminal {place}, Rabu (13/3/2024).{separator}"
            f"Kegiatan itu diikuti puluhan sopir angkutan pedesaan.")


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                           lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)
not_strings = json_values.filter(lambda v: v is not None and not isinstance(v, str))


@st.composite
def bad_lines(draw: st.DrawFn, text: str) -> bytes:
    """Return one JSON line that must be reported: each breaks one rule of the input."""
    kind = draw(st.sampled_from(["syntax", "nested", "type", "surrogate", "control", "byte",
                                 "size", "array", "empty"]))
    at = draw(st.integers(1, len(text) - 1))
    if kind == "syntax":
        return b'{"text": "' + text.encode() + draw(st.sampled_from([b'"', b"", b'",', b'" "']))
    if kind == "nested":
        depth = draw(st.sampled_from([2, 50, 5_000, 100_000]))
        return b"[" * depth + b"]" * depth
    if kind == "type":
        field = draw(st.sampled_from(["text", "url", "published", "title", "outlet", "id"]))
        # A whole number is a good id (the reader and the README accept "id": 7).
        values = not_strings.filter(lambda v: isinstance(v, bool) or not isinstance(v, int)) \
            if field == "id" else not_strings
        return json.dumps({"text": text, field: draw(values)}).encode()
    if kind == "surrogate":
        return json.dumps({"text": text[:at] + "\\ud800" + text[at:]}).encode().replace(
            b"\\\\ud800", b"\\ud800")
    if kind == "control":
        raw = chr(draw(st.sampled_from([c for c in range(32) if c != 10])))
        return f'{{"text": "{text[:at]}{raw}{text[at:]}"}}'.encode()
    if kind == "byte":
        raw = bytes([draw(st.integers(0x80, 0xFF))])
        encoded = json.dumps({"text": text}).encode()
        return encoded[:at] + raw + encoded[at:]
    if kind == "size":
        return json.dumps({"text": text * (LIMIT // len(text) + 1)}).encode()
    if kind == "array":
        return json.dumps([text]).encode()
    empty = draw(st.sampled_from(["", "  ", "\u2028"]))
    return json.dumps({"id": text[:at], "text": empty}).encode()


@st.composite
def sources(draw: st.DrawFn) -> tuple[dict[str, bytes], set[str], set[str]]:
    """Return files by name, the ids that must be built and the sources that must be reported."""
    files: dict[str, bytes] = {}
    good: set[str] = set()
    bad: set[str] = set()
    counter = iter(range(10_000))

    def text(separator: str = " ") -> str:
        return good_text(next(counter), draw(st.sampled_from(NAMES)), draw(st.sampled_from(PLACES)),
                         separator)

    for i in range(draw(st.integers(0, 3))):  # good text files, in any encoding with a BOM
        encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252"]))
        files[f"good{i}.txt"] = f"---\npublished: 2024-03-13\n---\n{text()}".encode(encoding)
        good.add(f"good{i}")
    for i in range(draw(st.integers(0, 3))):  # text files that must be refused
        kind = draw(st.sampled_from(["binary", "header", "size", "empty", "date"]))
        name = f"bad{i}.txt"
        files[name] = {"binary": b"\x89PNG\r\n\x1a\n\x00\x00" + draw(st.binary(max_size=50)),
                       "header": f"---\nurl: https://contoh.example/{i}\n{text()}".encode(),
                       "size": text().encode() * (LIMIT // 100),
                       "empty": draw(st.sampled_from([b"", b" \n\t"])),
                       "date": f"---\npublished: kemarin\n---\n{text()}".encode()}[kind]
        if kind == "date":  # read without its date, and reported
            good.add(f"bad{i}")
        bad.add(name)
    lines: list[bytes] = []
    for i in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            separator = draw(st.sampled_from([" ", "\u2028", "\u2029", "\u0085", "\r\n", "\t",
                                              "\x0b", "\x00", "\ufeff", "\U0001f600"]))
            published = draw(st.sampled_from([None, "2024-03-13", "13 Maret 2024"]))
            record = {"id": f"line{i}", "text": text(separator), "published": published}
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())).encode())
            good.add(f"line{i}")
        else:
            lines.append(draw(bad_lines(text())))
            bad.add(f"feed.jsonl:{len(lines)}")
    if lines:
        files["feed.jsonl"] = b"\n".join(lines) + draw(st.sampled_from([b"", b"\n", b"\r\n"]))
    files["noise.txt"] = draw(st.binary(max_size=200))  # anything: built or reported
    return files, good, bad


@given(sources(), st.booleans())
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_hostile_sources_never_crash_and_nothing_is_lost(
        case: tuple[dict[str, bytes], set[str], set[str]], special: bool) -> None:
    files, good, bad = case
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, data in files.items():
            (root / name).write_bytes(data)
        if special:
            os.mkfifo(root / "pipa.txt")
            (root / "putar.md").symlink_to(root / "putar.md")
            bad = bad | {"pipa.txt", "putar.md"}
        extractions, problems = extract_sources([root], max_bytes=LIMIT)
    built = {x.article.id for x in extractions}
    reported = {p.source.removeprefix(f"{root}/") for p in problems}
    assert good <= built, (good - built, problems)
    assert bad <= reported, (bad - reported, problems)
    for p in problems:
        assert p.reason.strip() and "\n" not in p.reason and len(p.reason) < 200, p
        assert not p.reason.startswith("extraction failed"), p
    assert "noise.txt" in reported or any(x.article.id == "noise" for x in extractions)


payloads = st.sampled_from(["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                            "</script><script>window.__pwned=1</script>", "{{7*7}}", "${7*7}",
                            "\\u0000", "\u202e", "\x07", "'; DROP TABLE x; --", "]]>",
                            "@prefix x: <http://evil.example/> .", "\"\"\"", "<http://a>", "%s%n"])


@given(st.lists(st.tuples(payloads, st.sampled_from(NAMES), st.sampled_from(PLACES)),
                min_size=1, max_size=3))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_hostile_names_reach_every_output_inert_and_nothing_is_written_elsewhere(
        reports: list[tuple[str, str, str]]) -> None:
    from rdflib import Graph

    from kg.pipeline import build
    from kg.rdf.files import write_jsonld, write_nquads, write_rdf

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        src, out = root / "src", root / "out"
        src.mkdir()
        for n, (payload, name, place) in enumerate(reports):
            text = good_text(n, f"{name} {payload}", place).replace("membuka", f"({payload}) membuka")
            (src / f"hostile{n}.txt").write_text(text, encoding="utf-8")
        before = {p for p in root.rglob("*")}
        result = build([src], out)
        write_rdf(result.graph, out / "graph.nt", "nt")
        write_nquads(result.graph, out / "graph.nq")
        write_jsonld(result.graph, out / "graph.jsonld")
        written = {p for p in root.rglob("*")} - before
        assert written and all(p == out or out in p.parents for p in written), written
        assert {x.name for x in out.iterdir()} == {"graph.ttl", "explorer.html", "graph.nt",
                                                   "graph.nq", "graph.jsonld"}
        for name, syntax in (("graph.ttl", "turtle"), ("graph.nt", "nt"),
                             ("graph.jsonld", "json-ld")):
            assert len(Graph().parse(out / name, format=syntax)) == len(result.graph), name
        page = (out / "explorer.html").read_text(encoding="utf-8")
        for payload, _, _ in reports:  # markup from the text reaches the page only escaped
            assert not ({"<", ">", "&"} & set(payload)) or payload not in page, payload
