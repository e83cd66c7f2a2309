"""The measures of `kg.network.stats` as plain text tables for the terminal."""

from __future__ import annotations

from typing import Any


def to_text(found: dict[str, Any]) -> str:
    """Return the measures as titled text tables."""
    counts = ", ".join(f"{n} {kind}" for kind, n in found["nodes"].items())
    parts = [f"{counts}; {found['edges']} edges"]
    parts.append(_table("Most central persons", ["person", "degree", "betweenness", "events", "roles"],
                        [_actor(r) for r in found["persons"]]))
    parts.append(_table("Most central organisations", ["organisation", "degree", "betweenness",
                                                        "events", "holders"],
                        [_actor(r) for r in found["organizations"]]))
    parts.append(_table("Co-attendance (persons at the same events)", ["persons", "events", "where"],
                        [[" & ".join(r["labels"]), str(r["count"]), "; ".join(r["events"])]
                         for r in found["co_attendance"]]))
    parts.append(_table("Communities", ["size", "best-connected members"],
                        [[str(c["size"]), ", ".join(c["members"])] for c in found["communities"]]))
    parts.append(_table("Places", ["place", "level", "events", "organisations", "articles"],
                        [[r["label"], r["level"] or "", str(r["events"]), str(r["organizations"]),
                          str(r["articles"])] for r in found["places"]]))
    return "\n\n".join(parts)


def _actor(row: dict[str, Any]) -> list[str]:
    """Return a central node as table cells."""
    return [row["label"], f"{row['degree']:.3f}", f"{row['betweenness']:.3f}", str(row["events"]),
            "; ".join(row["roles"])]


def _table(title: str, header: list[str], rows: list[list[str]]) -> str:
    """Return a titled table with aligned columns; the last column is not padded."""
    if not rows:
        return f"{title}\n(none)"
    rows = [[_cut(cell) for cell in row] for row in rows]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [_line(header, widths), _line(["-" * w for w in widths], widths)]
    lines += [_line(r, widths) for r in rows]
    return f"{title}\n" + "\n".join(lines)


def _line(cells: list[str], widths: list[int]) -> str:
    """Return one row of a table."""
    return "  ".join([c.ljust(w) for c, w in zip(cells[:-1], widths, strict=False)] + [cells[-1]]).rstrip()


def _cut(cell: str, width: int = 90) -> str:
    """Shorten a long cell (`--format json` has it whole)."""
    return cell if len(cell) <= width else cell[: width - 1].rstrip() + "…"
