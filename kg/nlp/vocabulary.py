"""Tell the words of the language from the words of names, with a dictionary and a stemmer.

A role's field and a person's name are both capitalised: "Asisten Pembinaan Cumondo Trisno".
The field is written in dictionary words (their roots after Sastrawi's stemmer: "Pembinaan" ->
"bina"); a name is not, unless its words are among the names the NER training data tags as
persons ("Hari", "Dewi", "Putra").
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cache, lru_cache

from kg.lexicons import load


@cache
def _stemmer():
    """Create Sastrawi's cached stemmer once (it loads its 30,000-root dictionary)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=65536)
def is_vocabulary(word: str) -> bool:
    """Say whether a word is a word of the language rather than part of a person's name."""
    if word in load().person_words:
        return False
    lower = word.lower()
    stemmer = _stemmer()
    dictionary = stemmer.delegatedStemmer.dictionary
    if dictionary.contains(lower):
        return True
    if not _may_have_root(lower, dictionary.words):
        return False
    # A root found by cutting one letter is a guess ("Doni" -> "don"); a real affix is longer.
    root = stemmer.stem(lower)
    return len(lower) - len(root) >= 2 and dictionary.contains(root)


@lru_cache(maxsize=65536)
def is_derived(word: str) -> bool:
    """Say whether a word of the language is made of a shorter root and affixes, as the names of
    fields are ("Pemerintahan" from "perintah", "Kewaspadaan" from "waspada") and names seldom."""
    lower = word.lower()
    stemmer = _stemmer()
    dictionary = stemmer.delegatedStemmer.dictionary
    if word in load().person_words or not _may_have_root(lower, dictionary.words):
        return False
    root = stemmer.stem(lower)
    return len(lower) - len(root) >= 2 and dictionary.contains(root)


# Sastrawi's prefix rules each open with one of these ("di-", "meng-", "ku-", "kau-", ...), or
# with a consonant and an infix ("g-el-embung"); a word that opens otherwise keeps its first letters.
_PREFIXED = re.compile(r"(?:be|di|er|ka|ke|ku|me|pe|se|te)|[b-df-hj-np-tv-z](?:el|em|er|in)[aiueo]")
# Its suffix rules' patterns, in the order it cuts them (RemoveInflectionalParticle,
# RemoveInflectionalPossessivePronoun, RemoveDerivationalSuffix), without their "-*" and "$".
_SUFFIXES = ("lah|kah|tah|pun", "ku|mu|nya", "is|isme|isasi|i|kan|an")
_LETTERS = re.compile(r"[a-z]+")


def _may_have_root(lower: str, dictionary: Container[str]) -> bool:
    """Say whether Sastrawi's stemmer may find a root at least two letters shorter than a word
    (False only when it surely finds none: a third of a millisecond saved a new name's word).

    A word of plain letters that opens with none of its prefix rules is only ever cut at its
    end, by the suffixes it ends with; its root, if any, is the word without some of them.
    """
    if not _LETTERS.fullmatch(lower) or _PREFIXED.match(lower):
        return True
    cut = {lower}
    for group in _SUFFIXES:
        cut |= {w[:-len(s)] for w in cut for s in group.split("|") if w.endswith(s)}
    return any(len(lower) - len(w) >= 2 and w in dictionary for w in cut)


def is_plain(name: str) -> bool:
    """Say whether every word of a capitalised run is a word of the language: "Lantik Pejabat".

    An initial makes a name of dictionary words: "M. Azan", "A. Kadir".
    """
    if _INITIAL.search(name):
        return False
    words = [w for w in name.replace(".", " ").split() if len(w) > 1]
    return bool(words) and all(is_vocabulary(w) for w in words)


_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.(?:\s|$)")
_ROMAN = re.compile(r"[IVXL]+")


def is_roman(word: str) -> bool:
    """Say whether a word is a Roman numeral: "Asisten II", "Wakil Ketua I"."""
    return bool(_ROMAN.fullmatch(word))


def unit_numeral(word: str) -> bool:
    """Say whether a Roman numeral can number a unit after its body: "Lantamal X", "Kodam XVII";
    not "I", which opens a Balinese name ("Danlantamal I Wayan")."""
    return is_roman(word) and word != "I"


@lru_cache(maxsize=65536)
def name_shaped(name: str) -> bool:
    """Say whether a run is written like a name: capitalised words, not acronyms, one of them
    outside the dictionary.

    A short run of capitals is initials, as names in Aceh and Sumatra are written ("Agusni AH",
    "Muhammad MTA", "TS Arif"), unless it is a known acronym.
    """
    inner = load().name_parts  # a particle inside is in lower case: "Jan de Graaf", "Ahmad bin Yusuf"
    words = [w for w in name.replace(".", " ").split() if inner.get(w) != "inner"]
    acronyms = load().acronyms
    shaped = all(w[:1].isupper() and (len(w) == 1 or not w[1:].isupper()
                                      or (len(w) <= 3 and w not in acronyms and not is_roman(w)))
               for w in words)
    return shaped and any(len(w) > 2 for w in words) and not is_plain(name)


@lru_cache(maxsize=65536)
def is_verb(word: str) -> bool:
    """Say whether a capitalised word is a verb of the language, as headlines write them
    ("Sekda X Luncurkan ...", "Bupati Resmikan"): a root of the dictionary with a verb's
    affixes, and no name's word."""
    lex, lower = load(), word.lower()
    affixed = lower.endswith(tuple(lex.verb_affixes["suffix"])) or \
        lower.startswith(tuple(lex.verb_affixes["prefix"]))
    if word in lex.person_words or not affixed:
        return False
    stemmer = _stemmer()
    if not _may_have_root(lower, stemmer.delegatedStemmer.dictionary.words):
        return False
    root = stemmer.stem(lower)
    return len(lower) - len(root) >= 3 and stemmer.delegatedStemmer.dictionary.contains(root)
