"""Read the bylines that name who wrote and edited a report: "Pewarta: X | Editor: Y"."""

from __future__ import annotations

import re
from functools import cache

from kg.lexicons import load
from kg.nlp.names import person
from kg.nlp.tokens import tokenize
from kg.records import Article, Name
from kg.vocab import BylineRole


@cache
def _pattern() -> re.Pattern[str]:
    """Match a byline label at a line's start, after a separator or after a gap of two spaces
    ("Editor : X  Reporter : Y", one of them often a no-break space), and the name after it."""
    labels = "|".join(sorted(map(re.escape, load().bylines), key=len, reverse=True))
    return re.compile(rf"(?:^|[|/•]|\s\s)[ \t]*(?P<label>{labels})[ \t]*:[ \t]*"
                      r"(?P<name>[^\n|/•:()]{2,60}?)[ \t]*(?=$|[|/•(]|\s+(?:" + labels + r")\s*:)",
                      re.MULTILINE | re.IGNORECASE)


def bylines(article: Article) -> list[tuple[Name, BylineRole]]:
    """Return each person a byline names, with what they did (author or editor)."""
    roles = {k.lower(): v for k, v in load().bylines.items()}
    found = []
    for m in _pattern().finditer(article.text):
        tokens = tokenize(article.text, m.start("name"), m.end("name"))
        name = person(article.text, tokens) if tokens else None
        if name and len(name.name) > 2:
            found.append((name, roles[m.group("label").lower()]))
    return found
