"""Each edge of the drawn graph phrased in words from one of its ends, for the side panel."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from kg.viz.view import role_name
from kg.vocab import HoldingStatus, Relation

EdgeKey = tuple[str, str, str]  # networkx (source, target, key)

# relation: (the fact as seen from the edge's source, as seen from its target)
WORDS: dict[str, tuple[str, str]] = {
    Relation.ATTENDS: ("attends {}", "attended by {}"),
    Relation.ORGANISES: ("organises {}", "organised by {}"),
    Relation.SPEAKS: ("speaks at {}", "speaker: {}"),
    Relation.LOCATED_IN: ("located in {}", "venue of {}"),
    Relation.WITHIN: ("within {}", "contains {}"),
    Relation.SERVES: ("serves {}", "served by {}"),
    Relation.REPORTED_IN: ("reported in {}", "reports on {}"),
    Relation.FILED_IN: ("filed in {}", "dateline of {}"),
    Relation.AT: ("at {}", "{}"),
}

ORDER = tuple(Relation)  # holds, at (role -> organisation), then the projection's relations


def fact(data: Mapping[str, Any], other: str, outgoing: bool) -> str:
    """Phrase an edge in words from one end ("Kepala at Kejaksaan Negeri OKI")."""
    if data["relation"] == Relation.HOLDS:
        return f"{role_name(dict(data))}{' at' if outgoing else ':'} {other}{_status(data)}"
    relation = str(data["relation"])
    words = WORDS.get(relation, (relation + " {}", "{} " + relation))
    return words[0 if outgoing else 1].format(other)


def _status(data: Mapping[str, Any]) -> str:
    """Return " (former)" and the like for a holding that is not current."""
    status = data.get("status")
    return f" ({status})" if status and status != HoldingStatus.CURRENT else ""


def facts(view: nx.MultiDiGraph, node: str, ids: Mapping[EdgeKey, str]) -> list[dict[str, str]]:
    """Return the node's edges as facts in words, in relation order, each naming its edge."""
    ends = [((node, v, k), True) for _, v, k in view.out_edges(node, keys=True)]
    ends += [((u, node, k), False) for u, _, k in view.in_edges(node, keys=True)]
    entries = sorted((_rank(view.edges[key]["relation"]), *_phrase(view, key, out), ids[key])
                     for key, out in ends)
    return [{"text": text, "other": other, "edge": eid} for _, text, other, eid in entries]


def _phrase(view: nx.MultiDiGraph, key: EdgeKey, outgoing: bool) -> tuple[str, str]:
    """Return the words for an edge seen from one end, and the node they lead to."""
    u, v, _ = key
    data = view.edges[key]
    relation = data["relation"]
    if relation == Relation.HOLDS and outgoing:  # person -> role: name the role's organisation
        return _holding(view, v, "organization", True)
    if relation == Relation.AT and not outgoing:  # role -> organisation: name the holder
        return _holding(view, u, "person", False)
    other = v if outgoing else u
    if relation == Relation.HOLDS:
        return f"held by {view.nodes[other]['label']}", other
    return fact(data, view.nodes[other]["label"], outgoing), other


def _holding(view: nx.MultiDiGraph, membership: str, end: str, outgoing: bool) -> tuple[str, str]:
    """Phrase a membership from its person or its organisation, leading to the other end."""
    attrs = view.nodes[membership]
    other = attrs[end]
    return fact({**attrs, "relation": Relation.HOLDS}, view.nodes[other]["label"], outgoing), other


def _rank(relation: str) -> int:
    """Order relations as ORDER lists them, unknown ones last."""
    return ORDER.index(relation) if relation in ORDER else len(ORDER)
