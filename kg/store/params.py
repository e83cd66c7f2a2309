"""Parameters of named questions, bound safely: a value becomes an escaped RDF literal.

A question declares each parameter in a header comment, `# param NAME: what it means`, and
holds one or more placeholders that leave it unbound (no constraint) until it is given:

- a pattern line, `# with NAME: PATTERN`, a comment until NAME is given; then the line
  becomes PATTERN with `?param_NAME` replaced by the value. Where the pattern matches the
  value against the name-token key (`kg:nameToken ?param_NAME`, see kg.rdf.tokens), the
  value is split into its words as the key is (lower case, no accents) and the pattern is
  repeated for each word: whole words of a name, in any order, restrict the question from
  its first pattern on.
- `VALUES ?param_NAME { UNDEF }`, whose UNDEF the value replaces.

A value is always written as an RDF literal (quotes and line breaks escaped), so it can never
change the query's structure. The question stays plain SPARQL, bound or not: it runs
unchanged in YASGUI, Jena, QLever or any other endpoint.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.errors import UserError
from kg.rdf.tokens import words

_DECLARED = re.compile(r"^#\s*param\s+([A-Za-z][A-Za-z0-9_]*)\s*:\s*(.*?)\s*$", re.MULTILINE)


# SPARQL's escapes inside a string (ECHAR): the value cannot end the string or the line.
_ESCAPES = {'"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def literal(value: str) -> str:
    """Write a value as a SPARQL string literal, every quote and line break escaped.

    A backslash is refused: engines read escapes such as `\\u0022` in strings differently
    (rdflib decodes it even after an escaped backslash), and no name, place or month needs one.
    """
    if "\\" in value:
        raise UserError("a parameter value cannot hold a backslash")
    return '"' + "".join(_ESCAPES.get(c, c) for c in value) + '"'


def _placeholder(name: str) -> re.Pattern[str]:
    """Match the unbound VALUES placeholder of one parameter."""
    return re.compile(rf"VALUES\s+\?param_{re.escape(name)}\s*\{{\s*UNDEF\s*\}}")


def _pattern_line(name: str) -> re.Pattern[str]:
    """Match the commented pattern lines of one parameter, `# with NAME: PATTERN`."""
    return re.compile(rf"^([ \t]*)#[ \t]*with[ \t]+{re.escape(name)}[ \t]*:[ \t]*(.*?)[ \t]*$",
                      re.MULTILINE)


def _pattern(name: str, value: str, match: re.Match[str]) -> str:
    """Write a pattern line of a parameter with its value, once per word for the token key."""
    indent, pattern = match.group(1), match.group(2)
    variable = re.compile(rf"\?param_{re.escape(name)}\b")
    if not re.search(rf"kg:nameToken\s+\?param_{re.escape(name)}\b", pattern):
        return indent + variable.sub(lambda _: literal(value), pattern)
    found = words(value)
    if not found:
        raise UserError(f"the parameter {name}={value!r} holds no word to look for")
    # re.sub calls each lambda at once (a function, so a value's backslashes stay literal).
    return "\n".join(indent + variable.sub(lambda _: literal(word), pattern)  # noqa: B023
                     for word in found)


def declared(sparql: str) -> dict[str, str]:
    """Return the parameters a question declares, with what each means."""
    return {name: text for name, text in _DECLARED.findall(sparql)}


def parse(pairs: Iterable[str]) -> dict[str, str]:
    """Read `key=value` pairs (as given to --param); the value may hold any text, '=' too."""
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UserError(f"a parameter is key=value, not {pair!r}")
        params[key.strip()] = value
    return params


def bind(sparql: str, params: dict[str, str]) -> str:
    """Bind parameters in a question: each value replaces its placeholder as an RDF literal."""
    known = declared(sparql)
    for name, value in sorted(params.items()):
        if name not in known:
            takes = ", ".join(sorted(known)) or "none"
            raise UserError(f"unknown parameter {name!r}: this question takes {takes}")
        text = literal(value)
        # subn calls the lambdas before the loop moves on (B023 warns of late binding).
        sparql, found = _placeholder(name).subn(
            lambda _: f"VALUES ?param_{name} {{ {text} }}", sparql)  # noqa: B023
        sparql, lines = _pattern_line(name).subn(
            lambda m: _pattern(name, value, m), sparql)  # noqa: B023
        if not found and not lines:
            raise UserError(f"the question declares {name!r} but has no placeholder: "
                             f"'# with {name}: PATTERN' or 'VALUES ?param_{name} {{ UNDEF }}'")
    return sparql


def summary(name: str, sparql: str) -> str:
    """Describe a question in one line: its first comment and its parameters."""
    first = sparql.splitlines()[0].lstrip("# ") if sparql.strip() else ""
    params = " ".join(f"--param {p}=..." for p in declared(sparql))
    return f"{name}: {first}" + (f" [{params}]" if params else "")
