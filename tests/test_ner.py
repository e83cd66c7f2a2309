"""Tests for the bundled statistical NER model (spaCy and the model ship with kg: none skips)."""
from __future__ import annotations

from kg.nlp import ner

# Written for this test; not taken from the training or evaluation corpora.
TEXT = ("Kepala Badan Pusat Statistik Kabupaten Bantul , Agus Santoso , mengatakan angka "
        "kemiskinan turun .")


def test_recognise_spans_and_types() -> None:
    """Offsets slice the text exactly and types are limited to the three kg types."""
    spans = ner.recognise(TEXT)
    assert spans, "no entities found"
    for start, end, kind in spans:
        assert 0 <= start < end <= len(TEXT)
        piece = TEXT[start:end]
        assert piece == piece.strip() and piece
        assert kind in {"PERSON", "ORGANIZATION", "PLACE"}


def test_recognise_person_and_organisation() -> None:
    """A person and an organisation are found in a plain news-style sentence."""
    found = {(TEXT[s:e], k) for s, e, k in ner.recognise(TEXT)}
    assert ("Agus Santoso", "PERSON") in found, found
    assert any("Badan Pusat Statistik" in text for text, k in found if k == "ORGANIZATION"), found


def test_recognise_offsets_across_lines() -> None:
    """Offsets stay exact when the text has several lines and surrounding whitespace."""
    head = "Judul berita\n\n  "
    text = head + TEXT + "  \n"
    shifted = [(s + len(head), e + len(head), k) for s, e, k in ner.recognise(TEXT)]
    spans = [span for span in ner.recognise(text) if span[0] >= len(head)]
    assert spans == shifted
    assert ("Agus Santoso", "PERSON") in {(text[s:e], k) for s, e, k in spans}


def test_recognise_empty() -> None:
    """Empty or blank text yields no spans."""
    assert ner.recognise("") == []
    assert ner.recognise("   ") == []


def test_model_tokens_cut_text_as_the_training_text_was_cut() -> None:
    """Hyphens split words unless they repeat one; decimal numbers and dates keep together or
    split as spaCy's Indonesian tokenizer cut them; offsets slice the text."""
    text = "Komisi II DPR-RI membahas langkah-langkah anggaran Rp5 miliar (1,8 persen) 24/8."
    tokens = ner.model_tokens(text)
    assert [t.text for t in tokens] == [
        "Komisi", "II", "DPR", "-", "RI", "membahas", "langkah-langkah", "anggaran", "Rp", "5",
        "miliar", "(", "1,8", "persen", ")", "24", "/", "8", "."]
    assert all(text[t.start:t.end] == t.text for t in tokens)
