"""Explain an entity: the names it was written with, in which articles, and why they were merged."""

from __future__ import annotations

from kg.errors import UserError
from kg.identity.unify import FIELDS, Merge
from kg.nlp.tokens import fold
from kg.records import Extraction
from kg.vocab import Kind


def _matches(name: str, extractions: list[Extraction]) -> list[tuple[Kind, str]]:
    """Find the (kind, key) of entities one of whose names contains the folded name."""
    wanted = fold(name)
    found = set()
    for x in extractions:
        for kind, attr in FIELDS.items():
            for r in getattr(x, attr):
                if any(wanted in fold(n) for n in (r.name, *r.aliases)):
                    found.add((kind, r.key))
    return sorted(found)


def _why(alias: str, label: str) -> str:
    """Say why a name written in an article is the entity's (within that article)."""
    a, b = set(fold(alias).split()), set(fold(label).split())
    if a == b:
        return "same name"
    if a < b:
        return "shorter form of the same name in the article"
    if b < a:
        return "the name with titles, ranks, degrees or its area"
    return "defined or known as the same (acronym, full name, region)"


def explain(name: str, extractions: list[Extraction], merges: list[Merge]) -> list[str]:
    """Describe every entity whose names contain `name`: mentions per article and merges."""
    lines = []
    for kind, key in _matches(name, extractions):
        lines.append(f"{kind} {key}")
        for x in extractions:
            for r in getattr(x, FIELDS[kind]):
                if r.key == key:
                    lines.append(f"  in {x.article.id}: {r.name!r}")
                    lines += [f"    also {a!r}: {_why(a, r.name)}" for a in r.aliases]
        for m in merges:
            if m.kind == kind and key in (m.source, m.target):
                lines.append(f"  merged {m.source!r} into {m.target!r}: {m.reason}")
    if not lines:
        raise UserError(f"no entity is named like {name!r}: try part of a name, or another spelling")
    return lines
