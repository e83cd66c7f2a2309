"""Statistical named-entity recognition for Indonesian text with the bundled spaCy model.

Nothing here imports spaCy at module import time: the model is loaded on first use, once per
process, from the package folder only (no network access), and ``available()`` says whether
spaCy and the model are there. The model reads words cut by a regular expression as
spaCy's Indonesian tokenizer cut its training text (`model_tokens`), so that tokenizer, whose
32,000 special cases took seconds to build, is never made.
"""
from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from kg.nlp.tokens import Token, split_hyphenated
from kg.vocab import MentionType

MODEL_DIR: Path = Path(__file__).resolve().parent.parent / "models" / "ner-id"
TYPES: frozenset[str] = frozenset({MentionType.PERSON, MentionType.ORGANIZATION, MentionType.PLACE})
_LINE = re.compile(r"\S(?:[^\S\n]*\S)*")  # a line's text without its outer whitespace
_TOKENIZER = "kg.model_tokens.v1"  # our tokenizer's name in spaCy's registry
# The words the model was trained on, as spaCy's Indonesian tokenizer cut them: numbers keep
# their decimal marks ("1,8"), "Rp" stands apart from its amount, a hyphen splits a word
# ("DPR-RI", "Jokowi-JK") unless it repeats one ("langkah-langkah"), and every other mark,
# a slash ("24/8") too, is a token of its own. (On idner-news-2k dev, 13 of 367 sentences are
# still cut otherwise, and the model's F1 stays within 0.001 of what spaCy's tokens gave.)
_MODEL_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|Rp(?=\d)|\w+(?:[-.'’]\w+)*|[^\w\s]")


@lru_cache(maxsize=1)
def available() -> bool:
    """Return True when spaCy is installed and the bundled model folder is present."""
    return (importlib.util.find_spec("spacy") is not None
            and (MODEL_DIR / "config.cfg").is_file() and (MODEL_DIR / "meta.json").is_file())


def model_tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Cut `text[start:end]` into the words the model was trained on, offsets into `text`."""
    tokens = []
    for m in _MODEL_TOKEN.finditer(text, start, len(text) if end is None else end):
        word, at = m.group(), m.start()
        parts = word.split("-")
        if len(parts) == 1 or len({part.lower() for part in parts}) == 1:
            tokens.append(Token(word, at, m.end()))
        else:
            tokens += split_hyphenated(word, at)
    return tokens


def _doc(vocab: Any, tokens: list[Token]) -> Any:
    """Make a spaCy Doc of kg's tokens, a space after each token that a space follows."""
    from spacy.tokens import Doc

    spaces = [a.end < b.start for a, b in pairwise(tokens)] + [False]
    return Doc(vocab, words=[t.text for t in tokens], spaces=spaces[:len(tokens)])


@lru_cache(maxsize=1)
def _load() -> Any:
    """Load the bundled spaCy pipeline once, its tokenizer replaced by kg's own tokens."""
    import spacy

    def tokens_tokenizer() -> Any:
        return lambda nlp: lambda text: _doc(nlp.vocab, model_tokens(text))

    spacy.registry.tokenizers.register(_TOKENIZER, func=tokens_tokenizer)
    return spacy.load(MODEL_DIR, config={"nlp": {"tokenizer": {"@tokenizers": _TOKENIZER}}},
                      exclude=["tokenizer"])  # nor read the saved one's special cases


def lines(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of a text's lines, without their outer whitespace."""
    return [m.span() for m in _LINE.finditer(text)]


def recognise(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, type) character spans of PERSON/ORGANIZATION/PLACE in text."""
    # The model was trained on single lines of news text, so run it line by line (no
    # newline tokens it never saw) and shift the spans back to offsets into the full text.
    return recognise_parts(text, lines(text))


def recognise_parts(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Recognise names in the given (start, end) parts of a text, offsets into the whole."""
    return recognise_many([(text, parts)])[0]


def recognise_many(texts: list[tuple[str, list[tuple[int, int]]]]
                   ) -> list[list[tuple[int, int, str]]]:
    """Recognise names in the given parts of each text (see `recognise_parts`), all in one run
    of the model: one large batch costs far less than a small one a text. The spans found in
    a part do not depend on the others run with it."""
    tokens = [[found for s, e in parts if (found := model_tokens(text, s, e))]
              for text, parts in texts]
    if not any(tokens):
        return [[] for _ in texts]
    nlp = _load()
    docs = iter(nlp.pipe((_doc(nlp.vocab, part) for parts in tokens for part in parts),
                         batch_size=64))
    return [[(part[ent.start].start, part[ent.end - 1].end, ent.label_)
             for part in parts for ent in next(docs).ents if ent.label_ in TYPES]
            for parts in tokens]
