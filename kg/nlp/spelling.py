"""Read a title or an institution's word that the news misspelt as the word it meant.

Regional news is typed in haste: "Kaporesta" for Kapolresta, "Kabuparen" for Kabupaten,
"Sekertaris" for Sekretaris. The grammar keys on these words, so one wrong letter loses the
title, its body and its holder, and leaves the misspelt word to be read as a name. A
capitalised word is read as a word of the lexicon when one letter added, dropped, changed or
two swapped makes it that word and no other. The rule is kept narrow, for names are
capitalised too:
- both words have at least seven letters (a short name is a title's neighbour too easily:
  "Markus", "Markas");
- the first letter is the same (news misspell inside a word; a different first letter makes a
  different word: "Mapolres" is the headquarters, "Kapolres" its chief);
- the word is neither a word of the lexicon, nor of the dictionary, nor a region's name;
- the word is written as a title is, a capital and then small letters (acronyms in capitals
  differ by a letter and mean another body: "BKPSDMD", "BKPSDM").
An acronym the lexicon writes in mixed case is that acronym when the news writes it in capitals
("POLRI", "TNI/POLRI" for Polri): no edit, only the case, and no other acronym is so spelt.
"""

from __future__ import annotations

from functools import cache, lru_cache

from kg.lexicons import gazetteer, load
from kg.nlp.vocabulary import is_vocabulary

_SHORTEST = 7


@cache
def _index() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Index the lexicon's title and institution words by each form with one letter dropped,
    and gather every word the lexicon knows (in lower case)."""
    lex = load()
    keyed = [lex.roles, lex.ranks, lex.acronyms, lex.org_heads, lex.place_levels, lex.org_units]
    known = {w.lower() for table in [*keyed, lex.honorifics, lex.degrees, lex.org_words, lex.corps,
                                     lex.venues, lex.collectives, lex.region_aliases]
             for form in table for w in form.split()}
    index: dict[str, set[str]] = {}
    for table in keyed:
        for form in table:
            for word in form.split():
                if len(word) >= _SHORTEST and _titled(word):
                    for key in {word.lower(), *_dropped(word.lower())}:
                        index.setdefault(key, set()).add(word)
    return {key: frozenset(words) for key, words in index.items()}, frozenset(known)


@cache
def _capitals() -> dict[str, str]:
    """Map each one-word acronym the lexicon writes in mixed case ("Polri") to itself written in
    capitals ("POLRI"), unless an acronym of the lexicon is written so."""
    acronyms = load().acronyms
    return {a.upper(): a for a in acronyms if a != a.upper() and " " not in a and a.upper() not in acronyms}


def _titled(word: str) -> bool:
    """Say whether a word is written as a title is: a capital, then small letters only."""
    return word[:1].isupper() and word[1:].islower() and word.isalpha()


def _dropped(word: str) -> set[str]:
    """Return the forms of a word with one letter dropped."""
    return {word[:k] + word[k + 1:] for k in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Say whether two different words are one letter added, dropped, changed or two adjacent
    letters swapped apart."""
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) == 1 and short in _dropped(long)


@lru_cache(maxsize=65536)
def meant(word: str) -> str:
    """Return the lexicon's word a capitalised word misspells ("Kaporesta" -> "Kapolresta"),
    or an acronym in capitals as the lexicon writes it ("POLRI" -> "Polri"), or the word itself."""
    if word.isupper():
        return _capitals().get(word, word)
    if len(word) < _SHORTEST or not _titled(word):
        return word
    index, known = _index()
    lower = word.lower()
    if lower in known:
        return word
    near = set(index.get(lower, ()))
    for key in _dropped(lower):
        near |= index.get(key, frozenset())
    near = {w for w in near if w[0] == word[0] and w.lower() != lower and _one_edit(lower, w.lower())}
    if len(near) != 1 or is_vocabulary(word) or gazetteer.lookup(word):
        return word
    return near.pop()
