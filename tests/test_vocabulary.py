"""The words of the language are told from the words of names; the stemmer is spared the words
that surely have no root."""

from __future__ import annotations

import pytest

from kg.nlp import vocabulary
from kg.nlp.vocabulary import _may_have_root, is_verb, is_vocabulary

# Invented names, plain and affixed words of the language, and names that open like an affix.
_WORDS = ["Pembinaan", "Pelayanan", "Kesehatan", "Bangunan", "Tulisan", "Pekerjaannya",
          "Sutrisnoko", "Wiranegara", "Halimatun", "Gunardanto", "Kinantiwa", "Selamara",
          "Menandatangani", "Resmikan", "Luncurkan", "Tinjau", "Bantuannya", "Jalankan",
          "Merapikan", "Dirgantoro", "Bersihkan", "Kaukan", "Ayuningsih", "Rohmanudin"]


def _unhelped(monkeypatch: pytest.MonkeyPatch, word: str) -> tuple[bool, bool]:
    """Answer for a word as the stemmer alone answers."""
    monkeypatch.setattr(vocabulary, "_may_have_root", lambda lower, dictionary: True)
    is_vocabulary.cache_clear()
    is_verb.cache_clear()
    try:
        return is_vocabulary(word), is_verb(word)
    finally:
        monkeypatch.undo()
        is_vocabulary.cache_clear()
        is_verb.cache_clear()


@pytest.mark.parametrize("word", _WORDS)
def test_the_no_root_test_changes_no_answer(monkeypatch: pytest.MonkeyPatch, word: str) -> None:
    is_vocabulary.cache_clear()
    is_verb.cache_clear()
    assert (is_vocabulary(word), is_verb(word)) == _unhelped(monkeypatch, word)


def test_names_that_open_with_no_prefix_are_proved_rootless() -> None:
    words = vocabulary._stemmer().delegatedStemmer.dictionary.words
    assert not _may_have_root("sutrisnoko", words)
    assert not _may_have_root("gunardanto", words)
    assert _may_have_root("tulisan", words)  # "tulis" and its suffix
    assert _may_have_root("merapikan", words)  # a prefix rule may cut "me-"
    assert _may_have_root("gelembung", words)  # an infix rule may cut "-el-"
