"""List an article's mentions with their types and offsets, as `kg extract` prints them."""

from __future__ import annotations

from kg.extract.chunks import Chunk
from kg.extract.parsed import Parsed
from kg.nlp.dates import DateMention
from kg.records import Mention
from kg.nlp.tokens import fold

_TYPES = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "PLACE": "PLACE", "VENUE": "PLACE",
          "EVENT": "EVENT", "COLLECTIVE": "GROUP"}


def _of_chunk(p: Parsed, c: Chunk) -> list[Mention]:
    """Return the mentions a chunk makes: a title gives a role and, when written, its organisation."""
    text = p.ctx.text
    if c.kind == "TITLE" and c.title:
        role_end = c.title.org_span[0] if c.title.org_span else c.end
        while role_end > c.start and text[role_end - 1] in " ,(":
            role_end -= 1
        out = [Mention(c.start, role_end, text[c.start:role_end], "ROLE", fold(c.title.role))]
        if c.title.org_span and c.title.org and c.title.written not in c.title.org.written:
            s, e = c.title.org_span
            kind = "ORGANIZATION" if not c.title.org.area or c.title.org.base in text[s:e] \
                else "PLACE"
            out.append(Mention(s, e, text[s:e], kind, fold(c.title.org.name)))
        return [m for m in out if m.end > m.start]
    kind = _TYPES.get(c.kind)
    if kind is None:
        return []
    key = fold(c.person.name) if c.person else fold(c.text)
    return [Mention(c.start, c.end, c.text, kind, key)]


def mentions(parsed: list[Parsed], dates: list[list[DateMention]]) -> list[Mention]:
    """Return every mention of the article, in text order."""
    found = [m for p in parsed for c in p.chunks for m in _of_chunk(p, c)]
    found += [Mention(d.start, d.end, d.text, "DATE", d.value.isoformat() if d.value else d.text)
              for ds in dates for d in ds]
    return sorted(found, key=lambda m: (m.start, m.end, m.type))
