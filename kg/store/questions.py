"""The named questions (kg/queries/NAME.rq) and the forms kg runs in their place when they are
asked without parameters: the listing form (NAME.listing.rq) and, for a question kg pairs
itself, the pairs form (NAME.pairs.rq); and which named question a client's text is. Light
to import: `kg serve`'s workers ask it of every query (kg.store.worker).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from kg.rdf.prefixes import IRIS as PREFIXES

LISTING = ".listing.rq"  # a question's listing form, beside it
PAIRS = ".pairs.rq"  # the side of its pairs, for a question kg pairs itself (kg.store.pairs)


def named() -> dict[str, str]:
    """Return the named questions, by name."""
    folder = files("kg.queries")
    return {p.name[:-3]: p.read_text("utf-8") for p in folder.iterdir()
            if p.name.endswith(".rq") and not p.name.endswith((LISTING, PAIRS))}


def listing(sparql: str) -> str:
    """Return the listing form of a named question asked without parameters (kg/queries/
    NAME.listing.rq: the same rows, its patterns joined whole rather than row by row), or the
    query as it is."""
    return _forms(LISTING).get(sparql, sparql)


# The declarations a client may put before a question it sends (kg serve): PREFIX lines.
_DECLARATION = re.compile(r"\s*PREFIX\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)


def as_named(text: str) -> str | None:
    """Return the named question a query's text is, asked without parameters (its name alone,
    which is no SPARQL, or its text or its listing form's, line breaks CRLF or LF, spaces
    around), or None. PREFIX declarations before it are allowed when each agrees with kg's own
    (kg.rdf.prefixes), which the named questions are written with: so `kg serve` answers the
    question's text, as a client sends it, as `kg query --store` does."""
    text = text.replace("\r\n", "\n")
    at = 0
    while found := _DECLARATION.match(text, at):
        prefix, iri = found.groups()
        if PREFIXES.get(prefix, iri) != iri:
            return None
        at = found.end()
    text = text[at:].strip()
    return _by_text().get(text)


@cache
def _by_text() -> dict[str, str]:
    """The named questions by their name, their text and their listing form's text, spaces
    around trimmed."""
    questions = named()
    found = {**questions, **{text.strip(): text for text in questions.values()}}
    found.update({form.strip(): text for text, form in _forms(LISTING).items()})
    return found


def pairs_form(sparql: str) -> str:
    """Return the pairs form of a named question asked without parameters that kg pairs itself
    (kg/queries/NAME.pairs.rq: one side of its pairs, kg.store.pairs), or the query as it is."""
    return _forms(PAIRS).get(sparql, sparql)


@cache
def _forms(suffix: str) -> dict[str, str]:
    """The forms of questions in files ending in `suffix`, by the text of their question."""
    folder, questions = files("kg.queries"), named()
    return {questions[p.name.removesuffix(suffix)]: p.read_text("utf-8")
            for p in folder.iterdir() if p.name.endswith(suffix)}
