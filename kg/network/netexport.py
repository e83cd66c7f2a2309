"""Write the networkx projection for network tools: GraphML and GEXF (Gephi, Cytoscape).

The projection (`kg.network.analytics.project`) carries lists and evidence records, which these
formats cannot hold: lists become text joined by " | ", evidence its sentence count and text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from kg.network.analytics import centrality, project

SEPARATOR = " | "


def flat(attrs: Mapping[str, Any]) -> dict[str, str | int | float | bool]:
    """Return attributes as plain scalars: lists joined, evidence counted and quoted, None left out."""
    out: dict[str, str | int | float | bool] = {}
    for key, value in attrs.items():
        if key == "evidence":
            out["evidence_count"] = len(value)
            out["evidence"] = SEPARATOR.join(e["text"] for e in value)
        elif isinstance(value, list | tuple):
            out[key] = SEPARATOR.join(str(v) for v in value)
        elif isinstance(value, str):  # a name of kg.vocab too, as the plain text it is
            out[key] = str(value)
        elif value is not None:
            out[key] = value
    return out


def network(graph: Graph) -> nx.MultiDiGraph:
    """Return the projection with flat attributes and each node's degree centrality."""
    g = project(graph)
    scores = centrality(g)
    flat_g = nx.MultiDiGraph()
    for node, attrs in g.nodes(data=True):
        flat_g.add_node(node, **flat(attrs), centrality=round(scores[node], 6))
    for u, v, k, attrs in g.edges(keys=True, data=True):
        flat_g.add_edge(u, v, key=str(k), **flat(attrs))
    return flat_g


def _writer(write: Callable[[nx.MultiDiGraph, Path], None]) -> Callable[[Graph, Path], None]:
    """Make an export writer from a networkx writer."""
    def run(graph: Graph, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        write(network(graph), path)
    return run


write_graphml = _writer(lambda g, path: nx.write_graphml(g, path, encoding="utf-8"))
write_gexf = _writer(lambda g, path: nx.write_gexf(g, path, encoding="utf-8"))
