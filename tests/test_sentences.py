"""Sentence splitting with offsets, aware of honorifics, degrees, initials and abbreviations;
and the tokenizer under it. Every sentence is invented for these tests."""

from __future__ import annotations

import pytest

from kg.nlp.sentences import split_sentences
from kg.nlp.tokens import fold, tokenize


def texts(text: str, noise: tuple[tuple[int, int], ...] = ()) -> list[str]:
    """Split and return the sentence texts, checking every offset on the way."""
    sentences = split_sentences(text, noise)
    for s in sentences:
        assert text[s.start:s.end] == s.text
    return [s.text for s in sentences]


def test_plain_sentences_split_at_full_stops_and_marks() -> None:
    assert texts("Rapat dimulai pukul sembilan. Apakah warga hadir? Tentu saja! Acara usai.") == [
        "Rapat dimulai pukul sembilan.", "Apakah warga hadir?", "Tentu saja!", "Acara usai."]


@pytest.mark.parametrize("text, expected", [
    ("Acara dibuka oleh dr. H. Wulan Permatasari hari ini. Warga hadir.",
     ["Acara dibuka oleh dr. H. Wulan Permatasari hari ini.", "Warga hadir."]),
    ("Ia didampingi Drs. A. Romli dan Ir. Sutan Bahar. Rapat dimulai.",
     ["Ia didampingi Drs. A. Romli dan Ir. Sutan Bahar.", "Rapat dimulai."]),
    ("Bupati Muh. Faisal menyapa warga. Warga bersorak.",
     ["Bupati Muh. Faisal menyapa warga.", "Warga bersorak."]),
    ("Kantor itu di Jl. Merdeka No. 12 Lahat. Ramai sekali.",
     ["Kantor itu di Jl. Merdeka No. 12 Lahat.", "Ramai sekali."]),
    ("Apel dipimpin Kombes Pol. Yoga Pratama. Cuaca cerah.",
     ["Apel dipimpin Kombes Pol. Yoga Pratama.", "Cuaca cerah."]),
])
def test_no_break_after_honorifics_initials_and_abbreviations(text: str, expected: list[str]
                                                               ) -> None:
    assert texts(text) == expected


def test_a_degree_that_ends_a_sentence_still_ends_it() -> None:
    assert texts("Ketua KPU Lahat ialah Drs. Yoga Pratama, M.Si. Ia dilantik tahun lalu.") == [
        "Ketua KPU Lahat ialah Drs. Yoga Pratama, M.Si.", "Ia dilantik tahun lalu."]


def test_numbers_with_dots_do_not_break() -> None:
    assert texts("Dana sebesar Rp 1.250.000 diserahkan. Inflasi naik 2.5 persen.") == [
        "Dana sebesar Rp 1.250.000 diserahkan.", "Inflasi naik 2.5 persen."]


def test_a_lower_case_word_after_a_full_stop_does_not_start_a_sentence() -> None:
    assert texts("Apel digelar di halaman kantor. lalu peserta bubar.") == [
        "Apel digelar di halaman kantor. lalu peserta bubar."]


def test_a_closing_curly_quote_stays_with_its_sentence() -> None:
    assert texts("Ia berkata, \u201cKami siap.\u201d Lalu rapat ditutup.") == [
        "Ia berkata, \u201cKami siap.\u201d", "Lalu rapat ditutup."]


def test_an_opening_straight_quote_starts_the_next_sentence() -> None:
    assert texts('Warga berkumpul di Lahat. "Kami siap," kata Yoga.') == [
        "Warga berkumpul di Lahat.", '"Kami siap," kata Yoga.']


def test_a_line_break_always_ends_a_sentence_and_blank_lines_vanish() -> None:
    text = "Judul Berita Tanpa Titik\n\nParagraf pertama di sini.\n  \nParagraf kedua"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Judul Berita Tanpa Titik", "Paragraf pertama di sini.",
                                           "Paragraf kedua"]
    assert sentences[1].start == text.index("Paragraf pertama")


def test_lines_inside_noise_are_skipped_but_offsets_still_index_the_text() -> None:
    text = "Kalimat pertama.\nBACA JUGA: Judul Lain\nKalimat kedua."
    start = text.index("BACA")
    noise = ((start, start + len("BACA JUGA: Judul Lain")),)
    sentences = split_sentences(text, noise)
    assert [(s.start, s.end) for s in sentences] == [(0, 16), (text.index("Kalimat kedua"),
                                                               len(text))]


def test_empty_text_has_no_sentence() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []


# --- tokens --------------------------------------------------------------------------------

def test_tokens_keep_inner_dots_slashes_hyphens_and_apostrophes() -> None:
    text = "Dandim 0405/Lahat, S.IP., se-Kabupaten Jum'at (M.Si)."
    assert [t.text for t in tokenize(text)] == [
        "Dandim", "0405/Lahat", ",", "S.IP", ".", ",", "se-Kabupaten", "Jum'at", "(", "M.Si", ")",
        "."]


def test_tokens_of_a_slice_keep_offsets_into_the_whole_text() -> None:
    text = "Bupati Lahat hadir. Kajari Lahat juga hadir."
    start = text.index("Kajari")
    tokens = tokenize(text, start, len(text))
    assert tokens[0].text == "Kajari" and tokens[0].start == start
    for t in tokens:
        assert text[t.start:t.end] == t.text


def test_token_kinds() -> None:
    word, comma, number = tokenize("Lahat , 2024")
    assert word.is_word and word.is_cap
    assert not comma.is_word
    assert number.is_word and number.is_cap  # a digit counts as a capital
    assert not tokenize("warga")[0].is_cap


def test_fold_drops_dots_and_case() -> None:
    assert fold("S.H.") == fold("SH") == "sh"
    assert fold("M.Si") == "msi"


def test_a_sentences_tokens_are_those_its_span_gives() -> None:
    from kg.ingest.load import load_articles
    from kg.nlp.sentences import sentences_and_tokens
    from kg.nlp.tokens import tokenize
    from tests.conftest import ROOT

    invented = ('Hadir H.Subhan, dr.Andi dan Kapolres. "Kami siap," kata TNI-Polri.\n'
                "Ia (Kades) hadir. Acara selesai pukul 12.30 WIB di se-Kabupaten Lahat-\n")
    texts = [invented, *(a.text for a in load_articles([ROOT / "sources"])[0])]
    for text in texts:
        cut = sentences_and_tokens(text)
        assert [s for s, _ in cut] == split_sentences(text)
        assert all(tokens == tokenize(text, s.start, s.end) for s, tokens in cut)
