"""Statistical named-entity recognition for Indonesian text with the bundled spaCy model.

spaCy is an optional dependency: nothing here imports it at module import time, and
``available()`` reports whether both spaCy and the trained model in ``kg/models/ner-id/``
can be used. The model is a plain folder loaded from disk, so no network access happens.
"""
from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_DIR: Path = Path(__file__).resolve().parent.parent / "models" / "ner-id"
# Set to False to extract with the rules alone (the benchmark measures both ways).
enabled: bool = True
TYPES: frozenset[str] = frozenset({"PERSON", "ORGANIZATION", "PLACE"})
_LINE = re.compile(r"\S(?:[^\S\n]*\S)*")  # a line's text without its outer whitespace


def active() -> bool:
    """Say whether extraction uses the recogniser: enabled, with spaCy and the model present."""
    return enabled and available()


def available() -> bool:
    """Return True when spaCy is installed and the bundled model folder is present."""
    return (importlib.util.find_spec("spacy") is not None
            and (MODEL_DIR / "config.cfg").is_file() and (MODEL_DIR / "meta.json").is_file())


@lru_cache(maxsize=1)
def _load() -> Any:
    """Load the bundled spaCy pipeline once, from the package folder only."""
    import spacy

    return spacy.load(MODEL_DIR)


def recognise(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, type) character spans of PERSON/ORGANIZATION/PLACE in text."""
    # The model was trained on single lines of news text, so run it line by line (no
    # newline tokens it never saw) and shift the spans back to offsets into the full text.
    return recognise_parts(text, [m.span() for m in _LINE.finditer(text)])


def recognise_parts(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Recognise names in the given (start, end) parts of a text, offsets into the whole."""
    spans: list[tuple[int, int, str]] = []
    if not parts:
        return spans
    docs = _load().pipe([text[s:e] for s, e in parts], batch_size=64)
    for (offset, _), doc in zip(parts, docs):
        spans.extend((offset + ent.start_char, offset + ent.end_char, ent.label_)
                     for ent in doc.ents if ent.label_ in TYPES)
    return spans
