"""What an analyst asks of the network first: who is central, who appears together, which
groups form, and what happens where. Measures by networkx on `kg.network.analytics.project`."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

import networkx as nx
from rdflib import Graph

from kg.network.analytics import project
from kg.vocab import Kind, ParticipationRole, Relation

ACTORS = frozenset({Kind.PERSON, Kind.ORGANIZATION, Kind.COLLECTIVE, Kind.EVENT})
PRESENT = frozenset(role.relation for role in ParticipationRole)
TIES = PRESENT | {Relation.HOLDS}
# What a place counts: the events located in it, the organisations serving it, articles filed there.
COUNTED = {Relation.LOCATED_IN: "events", Relation.SERVES: "organizations",
           Relation.FILED_IN: "articles"}
# Exact betweenness is quadratic or worse; beyond this many nodes it is estimated from samples.
EXACT_BETWEENNESS = 2000


def actor_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """Return the undirected graph of persons, organisations, groups and events and their ties."""
    actors = nx.Graph()
    actors.add_nodes_from(n for n, kind in g.nodes(data="kind") if kind in ACTORS)
    actors.add_edges_from((u, v) for u, v, rel in g.edges(data="relation")
                          if rel in TIES and u in actors and v in actors)
    return actors


def central(g: nx.MultiDiGraph, actors: nx.Graph, kind: Kind, top: int) -> list[dict[str, Any]]:
    """Return the `top` nodes of a kind by degree centrality in the actor graph, with their
    betweenness, the events they took part in and the roles they hold."""
    degree = nx.degree_centrality(actors) if len(actors) > 1 else dict.fromkeys(actors, 0.0)
    between = _betweenness(actors)
    ranked = sorted((n for n in actors if g.nodes[n]["kind"] == kind),
                    key=lambda n: (-degree[n], -between[n], g.nodes[n]["label"]))[:top]
    return [{"id": n, "label": g.nodes[n]["label"], "degree": round(degree[n], 4),
             "betweenness": round(between[n], 4), "events": _events(g, n), "roles": _roles(g, n)}
            for n in ranked]


def _betweenness(actors: nx.Graph) -> dict[str, float]:
    """Return betweenness centrality, estimated from a seeded sample on large graphs."""
    sample = 500 if len(actors) > EXACT_BETWEENNESS else None
    scores: dict[str, float] = nx.betweenness_centrality(actors, k=sample, seed=7)
    return scores


def _events(g: nx.MultiDiGraph, node: str) -> int:
    """Count the events a node attended, organised or spoke at."""
    return len({v for _, v, rel in g.out_edges(node, data="relation") if rel in PRESENT})


def _roles(g: nx.MultiDiGraph, node: str) -> list[str]:
    """Return the roles a person holds ("Kepala at Kejaksaan Negeri OKI"), or an
    organisation's holders ("Kepala: Budi Santoso")."""
    out = [f"{d.get('role') or 'member'} at {g.nodes[v]['label']}"
           for _, v, d in g.out_edges(node, data=True) if d["relation"] == Relation.HOLDS]
    into = [f"{d.get('role') or 'member'}: {g.nodes[u]['label']}"
            for u, _, d in g.in_edges(node, data=True) if d["relation"] == Relation.HOLDS]
    return sorted(set(out + into))


def participants(g: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Return each event's participants (attendees, organisers, speakers)."""
    found: dict[str, set[str]] = defaultdict(set)
    for u, v, rel in g.edges(data="relation"):
        if rel in PRESENT and g.nodes[v]["kind"] == Kind.EVENT:
            found[v].add(u)
    return found


def co_attendance(g: nx.MultiDiGraph, top: int, kinds: Iterable[Kind] = (Kind.PERSON,)
                  ) -> list[dict[str, Any]]:
    """Return the pairs that appear together at the most events, with those events."""
    wanted = set(kinds)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event, people in participants(g).items():
        chosen = sorted(p for p in people if g.nodes[p]["kind"] in wanted)
        for pair in combinations(chosen, 2):
            shared[pair].append(event)
    ranked = sorted(shared.items(), key=lambda item: (-len(item[1]), _names(g, item[0])))[:top]
    return [{"a": a, "b": b, "labels": _names(g, (a, b)), "count": len(events),
             "events": sorted(g.nodes[e]["label"] for e in events)} for (a, b), events in ranked]


def _names(g: nx.MultiDiGraph, nodes: Iterable[str]) -> list[str]:
    """Return the labels of nodes."""
    return [g.nodes[n]["label"] for n in nodes]


def communities(g: nx.MultiDiGraph, actors: nx.Graph, top: int, size: int = 3
                ) -> list[dict[str, Any]]:
    """Return the largest Louvain communities (seeded) of the actor graph, each with its
    best-connected members."""
    if not actors.number_of_edges():
        return []
    groups = nx.community.louvain_communities(actors, seed=7)
    big = sorted((c for c in groups if len(c) >= size), key=lambda c: (-len(c), min(c)))[:top]
    return [{"size": len(c), "members": _names(g, sorted(c, key=lambda n: (
        -actors.degree(n), g.nodes[n]["label"]))[:8])} for c in big]


def places(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Count per place the events held in it (or in a place within it), the organisations
    serving it and the articles filed from it; places with none are left out."""
    within = nx.DiGraph((u, v) for u, v, rel in g.edges(data="relation") if rel == Relation.WITHIN)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for _, v, rel in g.edges(data="relation"):
        key = COUNTED.get(rel)
        if key:
            for place in {v} | (nx.descendants(within, v) if v in within else set()):
                counts[place][key] += 1
    rows = [{"id": p, "label": g.nodes[p]["label"], "level": g.nodes[p].get("subtype"),
             **{k: c[k] for k in ("events", "organizations", "articles")}} for p, c in counts.items()]
    return sorted(rows, key=lambda r: (-r["events"], -r["organizations"], -r["articles"], r["label"]))


def stats(graph: Graph, top: int = 10) -> dict[str, Any]:
    """Return every measure for the graph, the `top` of each list."""
    g = project(graph)
    actors = actor_graph(g)
    kinds = Counter(kind for _, kind in g.nodes(data="kind"))
    return {
        "nodes": dict(sorted(kinds.items())), "edges": g.number_of_edges(),
        "persons": central(g, actors, Kind.PERSON, top),
        "organizations": central(g, actors, Kind.ORGANIZATION, top),
        "co_attendance": co_attendance(g, top),
        "communities": communities(g, actors, top),
        "places": places(g)[:top],
    }


def to_json(found: dict[str, Any]) -> str:
    """Return the measures as JSON text."""
    return json.dumps(found, ensure_ascii=False, indent=2)
