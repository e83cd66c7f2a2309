"""Extractions as plain JSON, for `kg extract`."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from kg.records import Extraction


def extraction_json(x: Extraction) -> dict[str, Any]:
    """Describe an extraction: mentions with offsets, then its entities and facts."""
    def sentence(s: Any) -> dict[str, Any]:
        return {"start": s.start, "end": s.end}

    return {
        "id": x.article.id,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text, "type": m.type}
                     for m in x.mentions],
        "persons": [asdict(p) for p in x.persons],
        "organizations": [asdict(o) for o in x.organizations],
        "places": [asdict(p) for p in x.places],
        "holdings": [{"person": h.person, "role": h.role, "organization": h.organization,
                      "qualifier": h.qualifier, "status": h.status, "evidence": sentence(h.sentence)}
                     for h in x.holdings],
        "events": [{"key": e.key, "label": e.label, "kind": e.kind,
                    "dates": [d.isoformat() for d in e.dates], "date_text": list(e.date_text),
                    "place": e.place} for e in x.events],
        "attendances": [{"participant": a.participant, "kind": a.kind, "event": a.event,
                         "role": a.role, "evidence": sentence(a.sentence)} for a in x.attendances],
        "groups": [asdict(c) for c in x.collectives],
    }
