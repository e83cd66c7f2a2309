"""Clusters for large graphs: communities named by their main place or organisation.

A browser cannot redraw ten thousand nodes and their edges fast enough to explore them, so a
large explorer opens on one node per cluster, and a cluster opens into its members on demand.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import networkx as nx

from kg.vocab import Kind

MAX_CLUSTER = 600
NAMED_BY = (Kind.PLACE, Kind.ORGANIZATION, Kind.EVENT, Kind.PERSON)


def clusters(view: nx.MultiDiGraph, relations: Collection[str]) -> list[dict[str, Any]]:
    """Group every node into a Louvain community (seeded, so reproducible) of the graph of
    these relations, and name each community after its best-connected place or organisation."""
    simple = nx.Graph()
    simple.add_nodes_from(view)
    simple.add_edges_from((u, v) for u, v, rel in view.edges(data="relation") if rel in relations)
    return [_cluster(view, simple, i, members) for i, members in enumerate(communities(simple))]


def communities(simple: nx.Graph, most: int = MAX_CLUSTER) -> list[set[str]]:
    """Return the Louvain communities of a graph (seeded), none larger than `most` nodes, the
    largest first."""
    groups = [part for group in _communities(simple) for part in _split(simple, group, most)]
    groups.sort(key=lambda members: (-len(members), min(members)))
    return groups


def _communities(simple: nx.Graph) -> list[set[str]]:
    """Return the Louvain communities of a graph (none for an empty one)."""
    if not len(simple):
        return []
    found: list[set[str]] = nx.community.louvain_communities(simple, seed=7)
    return found


def _split(simple: nx.Graph, group: set[str], most: int) -> list[set[str]]:
    """Split a community larger than `most` into finer ones, or into slices at worst."""
    if len(group) <= most:
        return [group]
    finer = nx.community.louvain_communities(simple.subgraph(group), seed=7, resolution=4)
    if len(finer) > 1:
        return [part for sub in finer for part in _split(simple, sub, most)]
    ordered = sorted(group)
    return [set(ordered[i:i + most]) for i in range(0, len(ordered), most)]


def _cluster(view: nx.MultiDiGraph, simple: nx.Graph, index: int, members: set[str]
             ) -> dict[str, Any]:
    """Return one cluster: its id, its name, its members in order."""
    ordered = sorted(members, key=lambda n: (-simple.degree(n), n))
    name = view.nodes[_namer(view, ordered)]["label"]
    more = f" +{len(members) - 1}" if len(members) > 1 else ""
    return {"id": f"kg-cluster:{index}", "label": f"{name}{more}", "name": name,
            "size": len(members), "members": ordered}


def _namer(view: nx.MultiDiGraph, ordered: list[str]) -> str:
    """Return the member that names the cluster: the best-connected place, else organisation..."""
    for kind in NAMED_BY:
        for node in ordered:
            if view.nodes[node]["kind"] == kind:
                return node
    return ordered[0]
