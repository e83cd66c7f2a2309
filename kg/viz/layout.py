"""Lay a page's nodes out here, once, so that the browser draws them at once with its physics off.

vis-network's physics costs the browser seconds for a few hundred nodes (300 steps of
forceAtlas2 before the first drawing) and a server makes each page of a store's slice once for
every visitor, so the slices' pages are laid out where they are made: a force-directed layout
(Fruchterman and Reingold's, seeded, so the same page gives the same drawing) in numpy.
networkx's `spring_layout` is the same algorithm but needs scipy beyond 500 nodes, and its dense
form holds an n-by-n-by-2 array; here the repulsion is summed a block of rows at a time and the
attraction along the edges alone.

A page of more than DIRECT nodes is laid out in two levels: each group's members around the
group's centre, in a disc that grows with the square root of its size, and the groups among
themselves (their links as edges), pushed apart until no two discs overlap. The groups are the
page's clusters when it opens on them (kg.viz.clusters): a closed cluster is drawn at its centre
and opens into its members where they lie; else they are its Louvain communities.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx
import numpy as np

from kg.viz.clusters import communities

SPACING = 60  # pixels between neighbours (vis-network's springs are 120 long)
ITERATIONS = 50
BLOCK = 512  # rows of the repulsion summed at once: BLOCK x n x 2 floats
SEED = 7
DIRECT = 500  # nodes laid out as one: the repulsion costs the square of their number

Point = tuple[float, float]


def spring(count: int, edges: Iterable[tuple[int, int]], seed: int = SEED,
           iterations: int = ITERATIONS) -> np.ndarray:
    """Return positions for `count` nodes joined by `edges` (pairs of indices) in the unit disc,
    by Fruchterman and Reingold's force-directed layout."""
    rng = np.random.default_rng(seed)
    pos = rng.random((count, 2), dtype=np.float32)
    if count < 2:
        return pos * 0
    pairs = np.array([(u, v) for u, v in edges if u != v], dtype=np.int64).reshape(-1, 2)
    k = np.float32(math.sqrt(1.0 / count))  # the distance between neighbours at rest
    step = 0.1 * float(max(np.ptp(pos[:, 0]), np.ptp(pos[:, 1])))  # the temperature
    cool = step / (iterations + 1)
    for _ in range(iterations):
        moves = _repulsion(pos, k) + _attraction(pos, pairs, k)
        length = np.maximum(np.hypot(moves[:, 0], moves[:, 1]), 0.01)
        pos += moves * (step / length)[:, None]
        step -= cool
    return _rescaled(pos)


def _repulsion(pos: np.ndarray, k: np.float32) -> np.ndarray:
    """Return the push every node gets from all the others (k^2 / d along their difference):
    sum_j (p_i - p_j) w_ij is p_i times the row's sum of w, less w times p."""
    x, y = np.ascontiguousarray(pos[:, 0]), np.ascontiguousarray(pos[:, 1])
    moves = np.empty_like(pos)
    for start in range(0, len(pos), BLOCK):
        rows = slice(start, start + BLOCK)
        dx, dy = x[rows, None] - x[None, :], y[rows, None] - y[None, :]
        weights = (k * k) / np.maximum(dx * dx + dy * dy, np.float32(1e-4))
        weights[np.arange(len(dx)), np.arange(start, start + len(dx))] = 0  # not from itself
        total = weights.sum(axis=1)
        moves[rows] = pos[rows] * total[:, None] - weights @ pos
    return moves


def _attraction(pos: np.ndarray, pairs: np.ndarray, k: np.float32) -> np.ndarray:
    """Return the pull along every edge (d^2 / k, both ends towards each other)."""
    moves = np.zeros_like(pos)
    if not len(pairs):
        return moves
    delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
    pull = delta * (np.hypot(delta[:, 0], delta[:, 1]) / k)[:, None]
    np.add.at(moves, pairs[:, 0], -pull)
    np.add.at(moves, pairs[:, 1], pull)
    return moves


def _rescaled(pos: np.ndarray) -> np.ndarray:
    """Centre positions on the origin, the farthest at 1 from it."""
    pos = pos - pos.mean(axis=0)
    far = float(np.hypot(pos[:, 0], pos[:, 1]).max())
    return pos / far if far > 0 else pos


def radius(count: int) -> float:
    """Return the radius, in pixels, of the disc `count` nodes are laid out in."""
    return SPACING * math.sqrt(count)


def lay_out(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> dict[str, Point]:
    """Return each node's place in pixels, about SPACING between neighbours."""
    index = {node: i for i, node in enumerate(nodes)}
    pos = spring(len(nodes), ((index[u], index[v]) for u, v in edges)) * radius(len(nodes))
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos, strict=True)}


def lay_out_clusters(groups: Sequence[Sequence[str]], edges: Iterable[tuple[str, str]]
                     ) -> tuple[list[Point], dict[str, Point]]:
    """Return each group's centre and each member's place: the members laid out around their
    centre in a disc of their own, the discs laid out by the links between groups, none
    overlapping."""
    group_of = {node: g for g, members in enumerate(groups) for node in members}
    inside: list[list[tuple[str, str]]] = [[] for _ in groups]
    between: set[tuple[int, int]] = set()
    for u, v in edges:
        gu, gv = group_of[u], group_of[v]
        if gu == gv:
            inside[gu].append((u, v))
        else:
            between.add((min(gu, gv), max(gu, gv)))
    sizes = np.array([radius(len(members)) for members in groups], dtype=np.float32)
    centres = _apart(spring(len(groups), between) * radius(len(groups)) * 2, sizes)
    places: dict[str, Point] = {}
    for g, members in enumerate(groups):
        cx, cy = (float(c) for c in centres[g])
        for node, (x, y) in lay_out(members, inside[g]).items():
            places[node] = (cx + x, cy + y)
    return [(float(x), float(y)) for x, y in centres], places


def _apart(centres: np.ndarray, radii: np.ndarray, rounds: int = 200) -> np.ndarray:
    """Push discs apart, each pair half its overlap each way, until none overlap."""
    centres = centres.astype(np.float64)
    if len(centres) < 2:
        return centres
    gaps = (radii[:, None] + radii[None, :]).astype(np.float64) * 1.05
    np.fill_diagonal(gaps, 0)
    rng = np.random.default_rng(SEED)
    for _ in range(rounds):
        delta = centres[:, None, :] - centres[None, :, :]
        distance = np.hypot(delta[..., 0], delta[..., 1])
        overlap = gaps - distance
        np.fill_diagonal(overlap, 0)
        if (overlap <= 1e-6).all():
            break
        same = distance < 1e-6  # two centres at one point: part them in some direction
        delta[same] = rng.normal(size=(int(same.sum()), 2))
        distance = np.maximum(np.hypot(delta[..., 0], delta[..., 1]), 1e-6)
        push = np.where(overlap > 0, overlap / (2 * distance), 0)
        centres += np.einsum("ijk,ij->ik", delta, push)
    return centres


def laid_out(data: dict[str, Any]) -> None:
    """Give every node of a page's data its place (and every cluster its centre), and turn the
    page's physics off: the browser draws it at once where it says. A page of more than DIRECT
    nodes is laid out by its clusters, or if it has none, by its communities."""
    ids = [node["id"] for node in data["nodes"]]
    if not ids:
        return
    edges = [(edge["from"], edge["to"]) for edge in data["edges"]]
    if data.get("clusters"):
        centres, places = lay_out_clusters([c["members"] for c in data["clusters"]], edges)
        for cluster, (x, y) in zip(data["clusters"], centres, strict=True):
            cluster["x"], cluster["y"] = round(x, 1), round(y, 1)
            cluster["r"] = round(radius(cluster["size"]), 1)  # its disc: drawn that large
    elif len(ids) > DIRECT:
        simple = nx.Graph()
        simple.add_nodes_from(ids)
        simple.add_edges_from(edges)
        _, places = lay_out_clusters([sorted(group) for group in communities(simple, DIRECT)],
                                     edges)
    else:
        places = lay_out(ids, edges)
    for node in data["nodes"]:
        x, y = places[node["id"]]
        node["x"], node["y"] = round(x, 1), round(y, 1)
    physics = data["options"]["physics"]
    data["options"] = {**data["options"], "physics": {**physics, "enabled": False}}
