"""Write the graph as one self-contained HTML page to explore offline in a browser."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node
from rdflib import Graph

from kg.analytics import RELATIONS, centrality, project

HERE = files(__package__ or "kg.viz")
VIS = files("pyvis") / "templates" / "lib" / "vis-9.1.2"

# kind: (colour, vis-network shape, legend glyph drawn in that colour)
STYLE: dict[str, tuple[str, str, str]] = {
    "person": ("#4e79a7", "dot", "●"),
    "organization": ("#f28e2b", "square", "■"),
    "event": ("#e15759", "diamond", "◆"),
    "place": ("#59a14f", "triangle", "▲"),
    "article": ("#9d9d9d", "hexagon", "⬢"),
    "collective": ("#b07aa1", "star", "★"),
}

# relation: (the fact as seen from the edge's source, as seen from its target)
WORDS: dict[str, tuple[str, str]] = {
    "attends": ("attends {}", "attended by {}"),
    "organises": ("organises {}", "organised by {}"),
    "speaks": ("speaks at {}", "speaker: {}"),
    "located_in": ("located in {}", "venue of {}"),
    "within": ("within {}", "contains {}"),
    "serves": ("serves {}", "served by {}"),
    "reported_in": ("reported in {}", "reports on {}"),
}

OPTIONS: dict[str, Any] = {
    "autoResize": True,
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.3,
        },
        "stabilization": {"enabled": True, "iterations": 300, "updateInterval": 25, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
    "nodes": {"font": {"size": 13, "face": "system-ui, sans-serif"}, "borderWidth": 1},
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#b5b5b5", "highlight": "#333333", "hover": "#666666"},
        "font": {"size": 9, "color": "#555555", "strokeWidth": 3, "align": "middle"},
        "smooth": {"enabled": False},
    },
}

# vis-network's improved initial layout is slow and often fails beyond a few hundred nodes.
IMPROVED_LAYOUT_MAX_NODES = 200

MIN_SIZE, MAX_SIZE = 8.0, 40.0

# Inline scripts run only if their hash is listed, so injected markup could not run even if
# some text escaped escaping; nothing may be fetched, and links only navigate.
CSP = ("default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")

EdgeKey = tuple[str, str, str]  # networkx (source, target, key)

SLOT = re.compile(r"\{\{\s*(\w+)\s*\}\}")
SOURCE_MAP = re.compile(r"^\s*(//[#@]|/\*[#@])\s*sourceMappingURL=.*$", re.M)
JSON_ESCAPES = str.maketrans({
    "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029",
})


def write_explorer(graph: Graph, path: Path, title: str = "kg explorer") -> None:
    """Write a self-contained interactive HTML explorer of `graph` to `path`."""
    Path(path).write_text(render(graph, title), encoding="utf-8")


def render(graph: Graph, title: str = "kg explorer") -> str:
    """Return the explorer page for `graph` as HTML text."""
    return _page(title, payload(project(graph)))


def payload(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Return everything the page needs: vis nodes, edges and options, legend and panel data."""
    ids = _edge_ids(g)
    nodes, edges, _, _, _, vis_options = _network(g, ids).get_network_data()
    return {
        "nodes": nodes, "edges": edges, "options": json.loads(vis_options),
        "legend": _legend(g), "details": _details(g, ids),
        "links": {eid: g.edges[key] for key, eid in ids.items()},
    }


def _edge_ids(g: nx.MultiDiGraph) -> dict[EdgeKey, str]:
    """Number the edges once, so the drawing and the side panel name them alike."""
    return {(u, v, k): f"e{i}" for i, (u, v, k) in enumerate(g.edges(keys=True))}


def _network(g: nx.MultiDiGraph, ids: Mapping[EdgeKey, str]) -> Network:
    """Return the pyvis network: nodes styled by kind and sized by centrality, labelled edges."""
    net = Network(directed=True)
    sizes = _node_sizes(centrality(g))
    for node, attrs in g.nodes(data=True):
        colour, shape, _ = STYLE[attrs["kind"]]
        _add_node(net, Node(node, shape, label=attrs["label"], color=colour, size=sizes[node]))
    curves = _curvatures(ids)
    for (u, v, k), eid in ids.items():
        label = _edge_label(g.edges[u, v, k])
        net.edges.append(Edge(u, v, directed=True, id=eid, label=label, smooth=curves[eid]).options)
    net.options = _options(len(g))
    return net


def _options(nodes: int) -> dict[str, Any]:
    """Return the vis-network options for a graph of this many nodes, laid out reproducibly."""
    layout = {"randomSeed": 7, "improvedLayout": nodes <= IMPROVED_LAYOUT_MAX_NODES}
    return {**OPTIONS, "layout": layout}


def _add_node(net: Network, node: Node) -> None:
    """Add a pyvis node without `Network.add_node`, whose list scans make large graphs quadratic."""
    net.nodes.append(node.options)
    net.node_ids.append(node.options["id"])
    net.node_map[node.options["id"]] = node.options


def _node_sizes(scores: Mapping[str, float]) -> dict[str, float]:
    """Scale centrality scores to node sizes, the most central node the largest."""
    top = max(scores.values(), default=0.0) or 1.0
    return {n: round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * s / top, 1) for n, s in scores.items()}


def _curvatures(ids: Mapping[EdgeKey, str]) -> dict[str, dict[str, Any]]:
    """Bend parallel edges apart; the first edge between two nodes stays straight."""
    seen: dict[frozenset[str], int] = {}
    curves: dict[str, dict[str, Any]] = {}
    for (u, v, _), eid in ids.items():
        pair = frozenset((u, v))
        n = seen.get(pair, 0)
        seen[pair] = n + 1
        curves[eid] = {"enabled": n > 0, "type": "curvedCW", "roundness": round(0.2 * n, 2)}
    return curves


def _edge_label(data: Mapping[str, Any]) -> str:
    """Return the words drawn on an edge: the role for a holding, else the relation."""
    if data["relation"] == "holds":
        return _role_name(data)
    return str(data["relation"]).replace("_", " ")


def _role_name(data: Mapping[str, Any]) -> str:
    """Return the role held, with its acting qualifier ("Plt Kepala")."""
    return " ".join(part for part in (data.get("qualifier"), data.get("role") or "member") if part)


def fact(data: Mapping[str, Any], other: str, outgoing: bool) -> str:
    """Phrase an edge in words from one end ("Kepala at Kejaksaan Negeri OKI")."""
    if data["relation"] == "holds":
        status = data.get("status")
        suffix = f" ({status})" if status and status != "current" else ""
        return f"{_role_name(data)}{' at' if outgoing else ':'} {other}{suffix}"
    relation = str(data["relation"])
    words = WORDS.get(relation, (relation + " {}", "{} " + relation))
    return words[0 if outgoing else 1].format(other)


def _facts(g: nx.MultiDiGraph, node: str, ids: Mapping[EdgeKey, str]) -> list[dict[str, str]]:
    """Return the node's edges as facts in words, in relation order, each naming its edge."""
    ends = [((node, v, k), v, True) for _, v, k in g.out_edges(node, keys=True)]
    ends += [((u, node, k), u, False) for u, _, k in g.in_edges(node, keys=True)]
    found = [(g.edges[key], other, out, ids[key]) for key, other, out in ends]
    entries = sorted((_rank(data["relation"]), fact(data, g.nodes[other]["label"], out), other, eid)
                     for data, other, out, eid in found)
    return [{"text": text, "other": other, "edge": eid} for _, text, other, eid in entries]


def _rank(relation: str) -> int:
    """Order relations as RELATIONS lists them, unknown ones last."""
    return RELATIONS.index(relation) if relation in RELATIONS else len(RELATIONS)


def _details(g: nx.MultiDiGraph, ids: Mapping[EdgeKey, str]) -> dict[str, dict[str, Any]]:
    """Return what the side panel shows for each node, keyed by node id."""
    return {node: {**attrs, "facts": _facts(g, node, ids)} for node, attrs in g.nodes(data=True)}


def _legend(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Return the legend entries for the kinds present, with their colour, glyph and count."""
    counts: dict[str, int] = {}
    for _, kind in g.nodes(data="kind"):
        counts[kind] = counts.get(kind, 0) + 1
    return [{"kind": kind, "color": colour, "glyph": glyph, "count": counts[kind]}
            for kind, (colour, _, glyph) in STYLE.items() if kind in counts]


def _page(title: str, data: Mapping[str, Any]) -> str:
    """Fill the page template with the inlined assets, the data and a strict CSP."""
    scripts = {"vis_js": _asset(VIS / "vis-network.min.js", "script"),
               "explorer_js": _asset(HERE / "explorer.js", "script")}
    slots = {
        **scripts, "csp": _csp(scripts.values()),
        "title": html.escape(title), "data": script_json(data),
        "vis_css": _asset(VIS / "vis-network.css", "style"),
        "explorer_css": _asset(HERE / "explorer.css", "style"),
    }
    template = (HERE / "template.html").read_text(encoding="utf-8")
    return SLOT.sub(lambda m: slots[m.group(1)], template)


def _asset(resource: Traversable, tag: str) -> str:
    """Read a JS or CSS file to inline in a `tag` element, refusing text that would end it early."""
    text = resource.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    text = SOURCE_MAP.sub("", text)  # the map is not shipped, and fetching it is a request
    if re.search(rf"</{tag}|<!--", text, re.IGNORECASE):
        raise ValueError(f"{resource.name} cannot be inlined in <{tag}>")
    return text


def _csp(scripts: Iterable[str]) -> str:
    """Return the Content-Security-Policy allowing exactly these inline scripts."""
    digests = (hashlib.sha256(script.encode("utf-8")).digest() for script in scripts)
    return CSP.format(scripts=" ".join(f"'sha256-{base64.b64encode(d).decode()}'" for d in digests))


def script_json(data: Any) -> str:
    """Serialise data for a `<script type="application/json">`, with markup characters escaped."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_ESCAPES)
