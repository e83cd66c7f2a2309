"""Report what the reports disagree on, for a person to settle."""

from __future__ import annotations

from kg.identity.conflicts import date_conflicts, holder_conflicts
from kg.records import Extraction


def report(extractions: list[Extraction]) -> list[str]:
    """List every date conflict and holder conflict, one line each with its articles."""
    lines = []
    for c in date_conflicts(extractions):
        dates = ", ".join(d.isoformat() for d in c.dates)
        lines.append(f"date conflict: {c.label} ({c.event}) is dated {dates} "
                     f"(written {'; '.join(c.written)}) in {', '.join(c.articles)}")
    for h in holder_conflicts(extractions):
        lines.append(f"holder conflict: {h.role} of {h.organization} on {h.day.isoformat()} is "
                     f"{' and '.join(h.persons)} in {', '.join(h.articles)}")
    return lines
