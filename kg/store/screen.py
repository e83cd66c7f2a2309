"""Read SPARQL text before it runs: its form, and whether it would send a request elsewhere.

Only the query's code counts: strings, IRIs, comments and variable names are blanked first, as
Oxigraph's parser reads them, after it replaces `\\uXXXX` escapes (anywhere in a query, as
SPARQL says). `SERVICE` is the one way a query reaches out (LOAD is an update, refused
before); any `service` left in the code is refused, even inside a prefixed name, so that no
way of writing the keyword slips through (a name such as schema:serviceType can be written as
a full IRI instead).
"""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_NOT_CODE = re.compile(r'''
    """(?:[^"\\]|\\.|"(?!""))*"""  |  \'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
  | "(?:[^"\\\n\r]|\\.)*"          |  '(?:[^'\\\n\r]|\\.)*'
  | <[^<>"{}|^`\\\x00-\x20]*>      |  \#[^\n\r]*  |  [?$]\w*
''', re.VERBOSE)
_FORM = re.compile(r"(?<![\w:])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:])", re.IGNORECASE)
_SERVICE = re.compile("service", re.IGNORECASE)


def _unescape(match: re.Match[str]) -> str:
    """Replace one `\\u` or `\\U` escape by its character (a surrogate or too big: left as is)."""
    code = int(match.group(1) or match.group(2), 16)
    return chr(code) if code < 0x110000 and not 0xD800 <= code < 0xE000 else match.group(0)


def code(query: str) -> str:
    """Return the query with its strings, IRIs, comments and variables blanked out."""
    return _NOT_CODE.sub(" ", _ESCAPE.sub(_unescape, query))


def form(query: str) -> str | None:
    """Say what a query gives: SELECT, ASK, CONSTRUCT or DESCRIBE (None if it does not say)."""
    found = _FORM.search(code(query))
    return found.group(1).upper() if found else None


def reaches_out(query: str) -> bool:
    """Say whether a query could make the server send a request (SERVICE)."""
    return bool(_SERVICE.search(code(query)))
