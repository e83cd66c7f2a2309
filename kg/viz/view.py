"""The drawn graph: the projection with each membership shown as a role node between its ends.

`kg.network.analytics.project` folds an org:Membership into one `holds` edge person -> organisation,
which suits measures. The explorer draws person -holds-> role -at-> organisation instead, so a
role is a node that can be clicked, filtered by date and read with its evidence.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.vocab import Kind, Relation


def role_name(data: dict[str, Any]) -> str:
    """Return the role held, with its acting qualifier ("Plt Kepala")."""
    return " ".join(part for part in (data.get("qualifier"), data.get("role") or "member") if part)


def unfold(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return a copy of `g` where every `holds` edge becomes a membership node and two edges."""
    view = nx.MultiDiGraph()
    view.add_nodes_from(g.nodes(data=True))
    for u, v, k, data in g.edges(keys=True, data=True):
        if data["relation"] == Relation.HOLDS:
            _add_membership(view, g, (u, v, k), data)
        else:
            view.add_edge(u, v, key=k, **data)
    return view


def _add_membership(view: nx.MultiDiGraph, g: nx.MultiDiGraph, edge: tuple[str, str, str],
                    data: dict[str, Any]) -> None:
    """Add the membership node of a `holds` edge, its `holds` edge and its `at` edge."""
    person, organization, key = edge
    node = data.get("iri") or f"{person}|{organization}|{key}"
    view.add_node(node, **_membership_attrs(g, person, organization, node, data))
    facts = {name: data.get(name) for name in ("role", "qualifier", "status", "dates", "evidence")}
    for source, target, relation in ((person, node, Relation.HOLDS),
                                     (node, organization, Relation.AT)):
        view.add_edge(source, target, key=relation, **{**facts, "relation": relation, "iri": node})


def _membership_attrs(g: nx.MultiDiGraph, person: str, organization: str, node: str,
                      data: dict[str, Any]) -> dict[str, Any]:
    """Return the node attributes of a membership: its role as label, its holder and body."""
    return {
        "kind": Kind.MEMBERSHIP, "label": role_name(data), "aliases": [], "iri": node,
        "subtype": data.get("status"), "url": None, "dates": list(data.get("dates") or []),
        "evidence": list(data.get("evidence") or []), "outlet": None,
        "role": data.get("role"), "qualifier": data.get("qualifier"), "status": data.get("status"),
        "person": person, "organization": organization,
        "title": f"{role_name(data)} · {g.nodes[organization]['label']}",
    }


def sources(view: nx.MultiDiGraph, node: str) -> list[str]:
    """Return the articles a node was read in: itself, its reports, its evidence's articles."""
    attrs = view.nodes[node]
    found = {node} if attrs["kind"] == Kind.ARTICLE else set()
    found |= {v for _, v, rel in view.out_edges(node, data="relation") if rel == Relation.REPORTED_IN}
    found |= {e["article"] for e in attrs.get("evidence") or [] if e.get("article") in view}
    return sorted(found)


def when(view: nx.MultiDiGraph, node: str, articles: list[str]) -> list[str]:
    """Return the node's own dates, or else the publication dates of its articles."""
    own = view.nodes[node].get("dates") or []
    if own:
        return sorted(own)
    return sorted({day for a in articles for day in view.nodes[a].get("dates") or []})


def outlets(view: nx.MultiDiGraph, articles: list[str]) -> list[str]:
    """Return the outlets that published these articles."""
    return sorted({o for a in articles if (o := view.nodes[a].get("outlet"))})
