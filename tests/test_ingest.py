"""Reading sources into Articles: front matter, datelines, noise, encodings, HTML, JSON lines,
broken files and duplicates. Every text is invented for these tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.ingest.article import BadSource, _dateparser, make_article, noise_spans, parse_date
from kg.ingest.load import discover, fingerprint, load_articles
from kg.ingest.readers import decode, read
from kg.nlp.sentences import split_sentences
from kg.records import Article, Problem

BODY = ("LAHAT, SUMSELPOST.ID - Dinas Perhubungan Kabupaten Lahat menggelar uji kir gratis bagi "
        "angkutan pedesaan di Terminal Bandar Jaya, Rabu (13/3/2024). Kepala Dinas Perhubungan "
        "Lahat, Anton Wijaya, mengatakan kegiatan itu digelar setiap tiga bulan.\n")


def write(folder: Path, name: str, data: str | bytes) -> Path:
    """Write a source file into a folder and return its path."""
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def only(items: list) -> object:
    """Return the one item of a list."""
    assert len(items) == 1, items
    return items[0]


# --- front matter ------------------------------------------------------------------------

def test_front_matter_gives_metadata_and_is_cut_from_the_text(tmp_path: Path) -> None:
    header = ("---\nurl: https://sumselpost.example/2024/03/13/uji-kir\noutlet: SumselPost.id\n"
              "published: 2024-03-13\ntitle: Dishub Lahat Gelar Uji Kir Gratis\n---\n")
    path = write(tmp_path, "kir-lahat.txt", header + BODY)
    article = only(list(read(path)))
    assert isinstance(article, Article)
    assert article.id == "kir-lahat"
    assert article.url == "https://sumselpost.example/2024/03/13/uji-kir"
    assert article.outlet == "sumselpost.id"
    assert article.published == date(2024, 3, 13)
    assert article.title == "Dishub Lahat Gelar Uji Kir Gratis"
    assert article.text == BODY
    assert article.source == str(path)


def test_a_text_without_front_matter_has_no_metadata(tmp_path: Path) -> None:
    article = only(list(read(write(tmp_path, "polos.txt", BODY))))
    assert (article.url, article.title, article.published) == (None, None, None)
    assert article.outlet == "sumselpost.id"  # from the dateline
    assert article.text == BODY


def test_a_front_matter_line_without_a_colon_is_a_problem(tmp_path: Path) -> None:
    header = "---\nurl: https://contoh.example/a\njudul tanpa titik dua\n---\n"
    path = write(tmp_path, "rusak.txt", header + BODY)
    problem = only(list(read(path)))
    assert isinstance(problem, Problem)
    assert problem.source == str(path)
    assert "front matter" in problem.reason


def test_crlf_line_ends_become_newlines(tmp_path: Path) -> None:
    path = write(tmp_path, "crlf.txt", "---\r\ntitle: Uji\r\n---\r\n" + BODY.replace("\n", "\r\n"))
    article = only(list(read(path)))
    assert article.title == "Uji"
    assert "\r" not in article.text
    assert article.text == BODY


# --- dateline and outlet ----------------------------------------------------------------

@pytest.mark.parametrize("text, place, outlet", [
    ("LAHAT, SUMSELPOST.ID - Bupati Lahat membuka pasar murah.", "LAHAT", "sumselpost.id"),
    ("MUARADUA, HARIANOKU.CO.ID, - Bupati membuka pasar murah.", "MUARADUA", "harianoku.co.id"),
    ("Palembang (Antara) - Gubernur membuka pasar murah.", "Palembang", "antara"),
    ("MUARA ENIM – Bupati membuka pasar murah.", "MUARA ENIM", None),
    ("Ambon, Kabar Maluku Online - Gubernur membuka pasar murah.", "Ambon", "kabar maluku online"),
    ("LAHAT, SP News. Bupati membuka pasar murah.", "LAHAT", "sp news"),
    ("Medan,Deli News\nBupati membuka pasar murah.", "Medan", "deli news"),
])
def test_dateline_place_and_outlet(text: str, place: str, outlet: str | None) -> None:
    article = make_article("uji", text, "test", {})
    assert article.dateline == place
    assert article.outlet == outlet
    assert text[article.body_start:].startswith(("Bupati", "Gubernur"))


def test_the_outlet_of_the_metadata_wins_over_the_dateline() -> None:
    article = make_article("uji", "LAHAT, SUMSELPOST.ID - Bupati membuka pasar murah.", "test",
                           {"outlet": "Sumsel Post"})
    assert article.outlet == "sumsel post"
    assert article.dateline == "LAHAT"


def test_a_report_without_dateline_starts_at_zero() -> None:
    article = make_article("uji", "Bupati Lahat membuka pasar murah di Kecamatan Merapi Barat.",
                           "test", {})
    assert (article.dateline, article.body_start, article.outlet) == (None, 0, None)


def test_an_outlet_named_in_words_needs_a_place_the_gazetteer_knows() -> None:
    for text in ("Bupati Solok, Budi Santoso. Ia membuka pasar murah.",
                 "Sidoarjo, 29 Maret 2019 - Bupati membuka pasar murah."):
        assert make_article("uji", text, "test", {}).outlet is None


def test_a_hyphenated_word_is_no_dateline() -> None:
    article = make_article("uji", "Seluruh ASN dan para Camat se-Kabupaten Lahat mengikuti apel.",
                           "test", {})
    assert (article.dateline, article.body_start) == (None, 0)


# --- noise -------------------------------------------------------------------------------

NOISY = (
    "LAHAT, SUMSELPOST.ID - Bupati Lahat membuka pasar murah di halaman kantor bupati.\n"
    "BACA JUGA: Harga Cabai Merah di Pasar Lematang Naik Lagi\n"
    "Foto: Bupati Lahat meninjau stan pasar murah. (humas)\n"
    "Sebanyak dua ribu paket sembako dijual dengan harga separuh. Warga antre sejak pagi.\n"
    "Baca juga: Jalan Lintas Lahat Kembali Dibuka\n"
    "(ant/abc)")


def test_noise_spans_cover_links_captions_and_the_sign_off() -> None:
    article = make_article("uji", NOISY, "test", {})
    pieces = [NOISY[s:e].strip() for s, e in article.noise]
    assert pieces == ["BACA JUGA: Harga Cabai Merah di Pasar Lematang Naik Lagi",
                      "Foto: Bupati Lahat meninjau stan pasar murah. (humas)",
                      "Baca juga: Jalan Lintas Lahat Kembali Dibuka",
                      "(ant/abc)"]
    assert noise_spans(NOISY) == article.noise


def test_noise_is_left_out_of_sentences_whose_offsets_index_the_text() -> None:
    article = make_article("uji", NOISY, "test", {})
    sentences = split_sentences(article.text, article.noise)
    assert [s.text for s in sentences] == [
        "LAHAT, SUMSELPOST.ID - Bupati Lahat membuka pasar murah di halaman kantor bupati.",
        "Sebanyak dua ribu paket sembako dijual dengan harga separuh.",
        "Warga antre sejak pagi.",
    ]
    assert article.text == NOISY  # the noise stays in the text: offsets index it as read
    for s in sentences:
        assert article.text[s.start:s.end] == s.text
        assert all(s.end <= ns or s.start >= ne for ns, ne in article.noise)
    assert sentences[1].start == NOISY.index("Sebanyak")


def test_a_sign_off_on_the_last_line_is_left_out_of_the_sentence() -> None:
    text = "Pasar murah digelar di Lahat. Warga antre sejak pagi. (ant/abc)"
    article = make_article("uji", text, "test", {})
    assert [text[s:e].strip() for s, e in article.noise] == ["(ant/abc)"]
    assert [s.text for s in split_sentences(text, article.noise)] == [
        "Pasar murah digelar di Lahat.", "Warga antre sejak pagi."]


def test_a_parenthesis_inside_the_report_is_no_sign_off() -> None:
    text = "Badan Pengawas Pemilu (Bawaslu) Lahat menggelar rapat (rakor) bersama panitia."
    assert noise_spans(text) == ()


# --- encodings and broken files ------------------------------------------------------------

CP1252_TEXT = ("LAHAT, SUMSELPOST.ID - Bupati Lahat mengatakan, \u201cKami siap menyukseskan "
               "Pilkada,\u201d ujarnya di Caf\u00e9 Sentosa pada Jum\u2019at pagi. Warga menyambut baik "
               "rencana itu dan berharap kegiatan serupa terus digelar di setiap kecamatan.")


def test_cp1252_bytes_decode() -> None:
    data = CP1252_TEXT.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data) == CP1252_TEXT


def test_a_utf8_bom_is_dropped() -> None:
    assert decode("\ufeffBupati Lahat".encode("utf-8")) == "Bupati Lahat"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t ", "empty"),
    (b"Bupati\x00Lahat\x00hadir", "binary"),
    (bytes(range(1, 256)), "undecodable"),
])
def test_decode_refuses_what_is_no_text(data: bytes, reason: str) -> None:
    with pytest.raises(BadSource, match=reason):
        decode(data)


def test_each_broken_file_is_one_problem_and_the_others_are_read(tmp_path: Path) -> None:
    write(tmp_path, "baik.txt", BODY)
    write(tmp_path, "cp1252.txt", CP1252_TEXT.encode("cp1252"))
    write(tmp_path, "kosong.txt", b"")
    write(tmp_path, "biner.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path, "acak.txt", bytes(range(1, 256)))
    articles, problems = load_articles([tmp_path])
    assert [a.id for a in articles] == ["baik", "cp1252"]
    assert articles[1].text == CP1252_TEXT
    reasons = {Path(p.source).name: p.reason for p in problems}
    assert sorted(reasons) == ["acak.txt", "biner.txt", "kosong.txt"]
    assert "empty" in reasons["kosong.txt"]
    assert "binary" in reasons["biner.txt"]
    assert "undecodable" in reasons["acak.txt"]


def test_jsonl_with_one_broken_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "j1", "text": BODY, "url": "https://contoh.example/j1",
                    "published": "2024-03-13"}),
        '{"id": "j2", "text": "Bupati Lahat',  # cut short
        json.dumps({"content": CP1252_TEXT, "outlet": "Sumsel Post"}),
        "",
    ]
    path = write(tmp_path, "kiriman.jsonl", "\n".join(lines))
    items = list(read(path))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [a.id for a in articles] == ["j1", "kiriman-3"]
    assert articles[0].url == "https://contoh.example/j1"
    assert articles[0].published == date(2024, 3, 13)
    assert articles[1].outlet == "sumsel post"
    assert articles[1].text == CP1252_TEXT
    assert [p.source for p in problems] == [f"{path}:2"]


def test_jsonl_lines_that_are_no_article(tmp_path: Path) -> None:
    path = write(tmp_path, "aneh.jsonl", '[1, 2]\n{"id": "kosong", "text": "  "}\n')
    problems = list(read(path))
    assert all(isinstance(p, Problem) for p in problems)
    assert [p.source for p in problems] == [f"{path}:1", f"{path}:2"]
    assert "not an object" in problems[0].reason


def test_the_same_text_twice_is_built_once(tmp_path: Path) -> None:
    write(tmp_path, "b-salinan.txt", BODY)
    write(tmp_path, "a-asli.txt", "---\ntitle: Asli\n---\n" + BODY.replace(" - ", "  -  ", 1))
    articles, problems = load_articles([tmp_path])
    assert problems == []
    assert [a.id for a in articles] == ["a-asli"]


def test_two_different_texts_under_one_id_are_one_article_and_one_problem(tmp_path: Path) -> None:
    (tmp_path / "satu").mkdir()
    (tmp_path / "dua").mkdir()
    write(tmp_path / "satu", "berita.txt", BODY)
    write(tmp_path / "dua", "berita.txt", CP1252_TEXT)
    articles, problems = load_articles([tmp_path])
    assert [a.id for a in articles] == ["berita"]
    assert len(problems) == 1 and "berita" in problems[0].reason


def test_fingerprint_folds_spaces_only() -> None:
    a = make_article("a", "Bupati  Lahat\nhadir.", "t", {})
    b = make_article("b", "Bupati Lahat hadir.", "t", {})
    c = make_article("c", "Bupati Lahat tidak hadir.", "t", {})
    assert fingerprint(a) == fingerprint(b) != fingerprint(c)


# --- discovery and dates ----------------------------------------------------------------------

def test_discover_lists_sources_sorted_and_skips_hidden_and_other_files(tmp_path: Path) -> None:
    for name in ["b.txt", "a.html", "c.jsonl", "catatan.pdf", ".draf.txt"]:
        write(tmp_path, name, BODY)
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", "x.txt", BODY)
    assert [p.name for p in discover([tmp_path])[0]] == ["a.html", "b.txt", "c.jsonl"]


def test_discover_refuses_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        discover([tmp_path / "tidak-ada"])


@pytest.mark.parametrize("value, expected", [
    ("2024-03-13", date(2024, 3, 13)),
    ("13 Maret 2024 10:00 WIB", date(2024, 3, 13)),
    ("05/03/2024", date(2024, 3, 5)),
    (None, None),
    ("", None),
    ("bukan tanggal", None),
    ("kemarin", None),  # relative, partial: read against the day of the run, so refused
    ("1 day ago", None),
    ("13 Maret", None),
])
def test_parse_date(value: str | None, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2024-01-31", "2024-02-29", "2023-02-29", "2024-12-05",
                                   "2024-05-12", "2024-13-01", "2024-00-10", "1999-09-09"])
def test_iso_days_are_read_as_dateparser_reads_them(value: str) -> None:
    assert parse_date(value) == _dateparser(value)


def test_make_article_refuses_an_empty_text() -> None:
    with pytest.raises(BadSource):
        make_article("uji", " \n ", "test", {})


# --- HTML --------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Bawaslu Lahat Gelar Sosialisasi Pengawasan Partisipatif - Sumsel Post</title>
<meta property="og:site_name" content="Sumsel Post">
<meta property="og:url" content="https://sumselpost.example/berita/bawaslu-lahat-sosialisasi">
<meta property="article:published_time" content="2024-03-11T09:30:00+07:00">
</head>
<body>
<header><nav><ul><li><a href="/">Beranda</a></li><li><a href="/politik">Politik Daerah</a></li>
<li><a href="/olahraga">Olahraga Terkini</a></li></ul></nav></header>
<h1>Bawaslu Lahat Gelar Sosialisasi Pengawasan Partisipatif</h1>
<main>
<article>
<p>LAHAT, SUMSELPOST.ID - Badan Pengawas Pemilu (Bawaslu) Kabupaten Lahat menggelar sosialisasi
pengawasan partisipatif di Aula Kantor Camat Merapi pada Senin (11/3/2024). Kegiatan itu diikuti
puluhan tokoh pemuda dan perwakilan organisasi kemasyarakatan dari seluruh kecamatan.</p>
<p>Ketua Bawaslu Kabupaten Lahat, Marzuki Hamid, mengatakan pengawasan pemilu tidak bisa hanya
dibebankan kepada penyelenggara. Menurut dia, masyarakat harus ikut melapor apabila menemukan
pelanggaran di lingkungannya masing-masing.</p>
<p>Dalam kesempatan yang sama, anggota Bawaslu Lahat menjelaskan tata cara pelaporan dugaan
pelanggaran melalui posko pengaduan yang dibuka di setiap kantor panitia pengawas kecamatan.</p>
</article>
<aside class="sidebar"><h3>Baca juga</h3><ul>
<li><a href="/a">Harga Cabai Merah di Pasar Lematang Kembali Naik Tajam</a></li>
<li><a href="/b">Tim Sepak Bola Lahat Juara Turnamen Antarkecamatan</a></li></ul></aside>
</main>
<footer><p>Hak cipta Sumsel Post. Seluruh isi dilindungi undang-undang.</p></footer>
</body>
</html>
"""


def test_html_keeps_the_article_and_drops_navigation_and_links(tmp_path: Path) -> None:
    article = only(list(read(write(tmp_path, "bawaslu-lahat.html", PAGE))))
    assert isinstance(article, Article)
    assert article.id == "bawaslu-lahat"
    assert "Ketua Bawaslu Kabupaten Lahat, Marzuki Hamid, mengatakan" in article.text
    assert "posko pengaduan" in article.text
    for dropped in ["Beranda", "Olahraga Terkini", "Baca juga", "Harga Cabai Merah",
                    "Juara Turnamen", "Hak cipta"]:
        assert dropped not in article.text
    assert article.url == "https://sumselpost.example/berita/bawaslu-lahat-sosialisasi"
    assert article.published == date(2024, 3, 11)
    assert article.title == "Bawaslu Lahat Gelar Sosialisasi Pengawasan Partisipatif"
    assert article.dateline == "LAHAT"


def test_html_dateline_under_a_headline_inside_the_article(tmp_path: Path) -> None:
    page = PAGE.replace("<h1>Bawaslu Lahat Gelar Sosialisasi Pengawasan Partisipatif</h1>\n<main>\n"
                        "<article>", "<main>\n<article>\n<h1>Bawaslu Lahat Gelar Sosialisasi "
                        "Pengawasan Partisipatif</h1>")
    assert page != PAGE
    article = only(list(read(write(tmp_path, "judul-di-dalam.html", page))))
    assert article.dateline == "LAHAT"


def test_an_html_page_without_a_report_is_a_problem(tmp_path: Path) -> None:
    page = ("<html><head><title>Beranda</title></head><body><nav><a href='/'>Beranda</a>"
            "<a href='/x'>Politik</a></nav></body></html>")
    problem = only(list(read(write(tmp_path, "menu.html", page))))
    assert isinstance(problem, Problem)
    assert "no article text" in problem.reason
