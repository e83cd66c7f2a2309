"""A misspelt title or institution word is read as the lexicon's word, and nothing else is."""

from __future__ import annotations

import pytest

from kg.nlp.spelling import meant


@pytest.mark.parametrize(("written", "word"), [
    ("Kaporesta", "Kapolresta"),  # a letter dropped
    ("Kabuparen", "Kabupaten"),  # a letter changed
    ("Sekertaris", "Sekretaris"),  # two letters swapped
    ("Kejaksaaan", "Kejaksaan"),  # a letter added
])
def test_one_wrong_letter_in_a_lexicon_word_is_mended(written: str, word: str) -> None:
    assert meant(written) == word


@pytest.mark.parametrize("written", [
    "Mapolres",  # the headquarters, not its chief: another first letter
    "Markus",  # a name, shorter than the rule reads
    "BKPSDMD",  # acronyms in capitals differ by a letter and mean another body
    "Kapolres",  # a word of the lexicon
    "Pelayanan",  # a word of the dictionary
    "Kabupaten",
    "Suharyanto",  # a name far from every title
])
def test_other_words_are_left_as_written(written: str) -> None:
    assert meant(written) == written
