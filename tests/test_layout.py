"""The layout made on the server for the pages of a store's slices (kg.viz.layout)."""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

from kg.viz.explorer import payload
from kg.viz.layout import DIRECT, SPACING, laid_out, lay_out, lay_out_clusters, radius
from tests.test_explorer import meetings_graph


def _data(g: nx.Graph) -> dict[str, Any]:
    """Return the little of a page's data the layout reads."""
    return {"nodes": [{"id": str(n)} for n in g], "options": {"physics": {"enabled": True}},
            "edges": [{"from": str(u), "to": str(v)} for u, v in g.edges]}


def test_a_layout_places_every_node_the_same_way_each_time() -> None:
    g = nx.relabel_nodes(nx.karate_club_graph(), str)
    first, again = lay_out(list(g), g.edges), lay_out(list(g), g.edges)
    assert first == again and set(first) == set(g)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in first.values())
    assert len(set(first.values())) == len(g)  # no two nodes on one point


def test_neighbours_lie_closer_than_strangers() -> None:
    g = nx.relabel_nodes(nx.karate_club_graph(), str)
    places = lay_out(list(g), g.edges)

    def apart(u: str, v: str) -> float:
        return math.dist(places[u], places[v])

    strangers = [(u, v) for u in g for v in g if u < v and not g.has_edge(u, v)]
    mean = sum(apart(u, v) for u, v in g.edges) / g.number_of_edges()
    assert mean < sum(apart(u, v) for u, v in strangers) / len(strangers)


def test_groups_lie_in_discs_that_do_not_overlap() -> None:
    groups = [[f"{g}-{i}" for i in range(size)] for g, size in enumerate((40, 10, 10, 3, 1))]
    edges = [(members[0], m) for members in groups for m in members[1:]]
    edges += [(groups[0][0], groups[g][0]) for g in range(1, len(groups))]
    centres, places = lay_out_clusters(groups, edges)
    for g, members in enumerate(groups):
        assert all(math.dist(places[m], centres[g]) <= radius(len(members)) + 0.1
                   for m in members)
        for h in range(g):
            gap = math.dist(centres[g], centres[h])
            assert gap >= radius(len(groups[g])) + radius(len(groups[h]))


def test_a_page_is_laid_out_with_its_physics_off() -> None:
    data = _data(nx.path_graph(5))
    laid_out(data)
    assert not data["options"]["physics"]["enabled"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert max(math.hypot(n["x"], n["y"]) for n in data["nodes"]) <= SPACING * math.sqrt(5) + 0.2


def test_a_large_page_is_laid_out_by_its_communities() -> None:
    data = _data(nx.connected_caveman_graph(30, 20))  # 600 nodes: more than DIRECT
    assert len(data["nodes"]) > DIRECT
    laid_out(data)
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])


def test_a_clustered_page_gives_its_clusters_a_centre() -> None:
    data = payload(meetings_graph())
    laid_out(data)
    assert data["clusters"] and all("x" in c and "y" in c for c in data["clusters"])
    assert all("x" in n for n in data["nodes"])
