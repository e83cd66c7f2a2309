"""Write the graph as one self-contained HTML page to explore offline in a browser."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Node as Term

from kg.network.analytics import centrality, project
from kg.rdf.files import read_ntriples, write_atomically, write_sorted_ntriples
from kg.rdf.namespaces import KG, ORG, RDF, term
from kg.viz import view as views
from kg.viz.clusters import clusters
from kg.viz.facts import ORDER, EdgeKey, fact, facts
from kg.viz.page import page, script_json
from kg.viz.slices import DRAWN, LIMIT, OverviewTally, Slice, overview
from kg.vocab import Kind, Relation

Triple = tuple[Term, Term, Term]

__all__ = ["Written", "drawn", "fact", "payload", "render", "render_slice", "script_json",
           "write_explorer", "write_explorer_ntriples"]

# kind: (colour, vis-network shape, legend glyph drawn in that colour, legend name)
STYLE: dict[Kind, tuple[str, str, str, str]] = {
    Kind.PERSON: ("#4e79a7", "dot", "●", "person"),
    Kind.ORGANIZATION: ("#f28e2b", "square", "■", "organisation"),
    Kind.MEMBERSHIP: ("#c9a227", "triangleDown", "▼", "role (membership)"),
    Kind.EVENT: ("#e15759", "diamond", "◆", "event"),
    Kind.PLACE: ("#59a14f", "triangle", "▲", "place"),
    Kind.ARTICLE: ("#9d9d9d", "hexagon", "⬢", "article"),
    Kind.COLLECTIVE: ("#b07aa1", "star", "★", "group"),
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
    # Sizes and label sizes follow centrality (the node's value). Zoomed out, only the labels of
    # the most central nodes are big enough to draw; zoomed in, every label is readable and none
    # is drawn larger than 24 px on screen.
    "nodes": {"font": {"face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#fafafa"},
              "borderWidth": 1,
              "scaling": {"min": 8, "max": 40,
                          "label": {"enabled": True, "min": 12, "max": 56, "maxVisible": 24,
                                    "drawThreshold": 7}}},
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#b5b5b5", "highlight": "#333333", "hover": "#666666"},
        "font": {"size": 9, "color": "#555555", "strokeWidth": 3, "align": "middle"},
        "smooth": {"enabled": False},
    },
}

# vis-network's improved initial layout is slow and often fails beyond a few hundred nodes.
IMPROVED_LAYOUT_MAX_NODES = 200
# Beyond this many nodes the page opens on clusters, which open into their nodes on demand.
LARGE = 1500
# Beyond this many nodes a build's explorer.html is the overview (kg.viz.slices.overview), and
# the rest is explored through a store's slices (kg serve, kg explore).
EXPLORER_MAX = 3000
# Triples loaded into the overview's store at a time (see `_load`).
LOAD_BATCH = 50_000
HINT = ("explore the rest from a store: kg build SOURCES --store DIR, then kg serve --store DIR "
        "(its /explorer page) or kg explore --store DIR --around NAME")

LABEL_CHARS = 32
# Nodes are sized by their degree centrality among these relations: who holds what, who took
# part in what, where. Reports are left out, or the articles would dwarf everything else.
SIZED_BY = frozenset(Relation) - {Relation.REPORTED_IN, Relation.FILED_IN}


@dataclass(frozen=True)
class Written:
    """What an explorer.html shows: the whole graph, or (above the limit) its overview."""

    nodes: int  # the nodes of the whole graph's explorer
    overview: bool


def write_explorer(graph: Graph, path: Path, title: str = "kg explorer",
                   most: int = EXPLORER_MAX) -> Written:
    """Write a self-contained interactive HTML explorer of `graph` to `path`: of the whole graph,
    or of its overview when the whole would draw more than `most` nodes (read as
    `write_explorer_ntriples` reads it, from the graph's N-Triples, without indexing it)."""
    found: set[Term] = set()
    for _ in drawn(iter(graph), found):
        pass
    if len(found) > most:
        with tempfile.TemporaryDirectory(prefix="kg-explorer-") as scratch:
            ntriples = Path(scratch) / "graph.nt"
            write_sorted_ntriples(iter(graph), ntriples)
            return write_explorer_ntriples(ntriples, len(found), path, title, most)
    write_atomically(Path(path), render(graph, title))
    return Written(len(found), False)


def drawn(triples: Iterable[Triple], nodes: set[Term]) -> Iterator[Triple]:
    """Pass triples on, gathering into `nodes` the nodes the explorer of their whole graph draws
    (see `kg.viz.slices.size`) as they go by."""
    types, rdf_type = frozenset(DRAWN), str(RDF.type)
    for triple in triples:
        # compared as text: rdflib's own comparison of terms took most of this pass
        if str.__eq__(triple[1], rdf_type) and triple[2] in types:  # type: ignore[operator]  # a term is a str
            nodes.add(triple[0])
        yield triple


def write_explorer_ntriples(ntriples: Path, nodes: int, path: Path, title: str = "kg explorer",
                            most: int = EXPLORER_MAX, tally: OverviewTally | None = None
                            ) -> Written:
    """Write the explorer of a graph given as an N-Triples file, whose whole drawing has `nodes`
    nodes (`drawn`), as `write_explorer` writes it: above `most` nodes, the overview, told by
    the tally of the graph's making if given, else read from an Oxigraph store of the file (the
    graph itself is never made in Python); else the whole graph, which is then small."""
    if nodes > most:
        if tally is not None:
            found = tally.overview(Path(ntriples))
        else:
            with tempfile.TemporaryDirectory(dir=Path(ntriples).parent) as folder:
                store = ox.Store(folder)
                _load(store, Path(ntriples))
                found = overview(store)
                del store  # closed before its folder goes
        write_atomically(Path(path), render_slice(found, note=HINT))
        return Written(nodes, True)
    write_atomically(Path(path), render(read_ntriples(Path(ntriples).read_bytes()), title))
    return Written(nodes, False)


def _load(store: ox.Store, ntriples: Path) -> None:
    """Load into a store on disk the lines of an N-Triples file that the overview reads (see
    `_overview_lines`), a batch of lines at a time: the memory it takes stays the same whatever
    the file's size (Oxigraph's bulk loader given the whole file holds it all in memory, as does
    a store in memory: about 600 bytes a triple)."""
    lines = _overview_lines(ntriples)
    while batch := b"".join(islice(lines, LOAD_BATCH)):  # a triple a line
        store.bulk_load(batch, format=ox.RdfFormat.N_TRIPLES)


# The predicates whose every triple the overview (kg.viz.slices.overview) asks for, spelt as in
# N-Triples; of rdf:type, the triples typing an organisation; and the predicates whose objects
# are places the overview may draw.
_ASKED = frozenset(f"<{p}>".encode() for p in (ORG.organization, ORG.member, KG.participant,
                                               term(Relation.SERVES.term),
                                               term(Relation.WITHIN.term)))
_PLACES = frozenset(f"<{term(r.term)}>".encode() for r in (Relation.SERVES, Relation.WITHIN))
_TYPE = f"<{RDF.type}>".encode()
_ORGANIZATION = f"<{ORG.Organization}> .\n".encode()


def _overview_lines(ntriples: Path) -> Iterator[bytes]:
    """Yield the lines of an N-Triples file the overview reads, in two passes over it: first the
    triples of the predicates it asks for by pattern (memberships, participations, the places
    served and the places they lie in, the organisations' types), gathering the nodes it may
    draw (the organisations, and the places those predicates lead to); then every triple of
    those nodes and of the nodes under their IRIs (their intervals), which is all the slice's
    graph takes of them. Every question the overview asks is answered as from the whole graph,
    in the same order (a store orders its answers by their terms alone), at a fraction of the
    loading (most of the graph is articles, evidence, persons and events)."""
    drawable: set[bytes] = set()
    with ntriples.open("rb") as file:
        for line in file:
            cut = line.index(b" ")
            end = line.index(b" ", cut + 1)
            predicate = line[cut + 1:end]
            if predicate in _ASKED:
                if predicate in _PLACES:
                    drawable.add(line[end + 1:-3])  # "<o> .\n": the object, an IRI
                yield line
            elif predicate == _TYPE and line.endswith(_ORGANIZATION):
                drawable.add(line[:cut])
                yield line
    last, kept = b"", False
    with ntriples.open("rb") as file:
        for line in file:
            subject = line[:line.index(b" ")]
            if subject != last:  # a subject's lines are together: each asked about once
                last, kept = subject, _under(subject, drawable)
            if kept:
                yield line


def _under(subject: bytes, nodes: set[bytes]) -> bool:
    """Say whether an IRI (spelt "<...>") is one of the nodes, or lies under one's path."""
    end = len(subject) - 1  # the closing ">": the IRI itself first, then each path above it
    while end > 0:
        if subject[:end] + b">" in nodes:
            return True
        end = subject.rfind(b"/", 0, end)
    return False


def render(graph: Graph, title: str = "kg explorer") -> str:
    """Return the explorer page for `graph` as HTML text."""
    return page(title, payload(project(graph)))


def render_slice(found: Slice, served: bool = False, note: str | None = None,
                 error: str | None = None) -> str:
    """Return the explorer page of a slice; a served page may ask its own origin (the store's
    SPARQL endpoint and slices). `note` says more of it; `error` says why it holds nothing."""
    data = payload(project(found.graph))
    for node in data["nodes"]:  # the overview: organisations and places sized by their members
        if node["id"] in found.members:
            node["value"] = found.members[node["id"]]
            data["details"][node["id"]]["members"] = found.members[node["id"]]
            data["details"][node["id"]]["events"] = found.events.get(node["id"])
    # numpy is imported here, not with this module: its BLAS starts a thread at import, and a
    # build whose process runs more than one thread may not fork its workers and writers
    from kg.viz.layout import laid_out

    laid_out(data)  # here, once, for every visitor of a served page: the browser only draws it
    persons = [s for s in found.seeds if data["details"].get(s, {}).get("kind") == Kind.PERSON]
    title = found.spec.title() if error is None else "nothing found"
    data["about"] = {
        "title": title, "seeds": found.seeds, "cut": found.cut, "limit": LIMIT,
        "overview": found.spec.overview, "note": note, "error": error,
        "timeline": next(iter(persons + found.seeds), None) if found.spec.timeline else None,
    }
    data["served"] = served
    return page(f"kg explorer: {title}", data, served)


def payload(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Return everything the page needs: vis nodes, edges and options, legend, filters, panel."""
    view = views.unfold(g)
    ids = _edge_ids(view)
    nodes, edges = _network(view, ids)
    details = _details(view, ids)
    groups = clusters(view, ORDER) if len(view) > LARGE else []
    for group in groups:
        for member in group["members"]:
            details[member]["cluster"] = group["id"]
    return {
        "nodes": nodes, "edges": edges, "options": json.loads(json.dumps(_options(len(view)))),
        "legend": _legend(view), "relations": _relations(view), "outlets": _outlets(details),
        "details": details, "links": {eid: view.edges[key] for key, eid in ids.items()},
        "clusters": groups,
    }


def _edge_ids(g: nx.MultiDiGraph) -> dict[EdgeKey, str]:
    """Number the edges once, so the drawing and the side panel name them alike."""
    return {(u, v, k): f"e{i}" for i, (u, v, k) in enumerate(g.edges(keys=True))}


def _network(g: nx.MultiDiGraph, ids: Mapping[EdgeKey, str]
             ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return vis-network's nodes, styled by kind and sized by centrality, and labelled edges,
    as pyvis spells them (its `Network` is not needed to make them: importing it imports
    IPython and Jinja, and its `add_node` scans lists)."""
    scores = centrality(g, SIZED_BY)
    nodes = [_node(node, attrs, scores[node]) for node, attrs in g.nodes(data=True)]
    curves = _curvatures(ids)
    edges = [{"id": eid, "label": _edge_label(g.edges[u, v, k]), "smooth": curves[eid],
              "from": u, "to": v, "arrows": "to"} for (u, v, k), eid in ids.items()]
    return nodes, edges


def _node(node: str, attrs: Mapping[str, Any], score: float) -> dict[str, Any]:
    """Return the vis node of a kind's colour and shape, valued by centrality (see OPTIONS)."""
    colour, shape, _, _ = STYLE[attrs["kind"]]
    return {"color": colour, "value": round(score, 6), "id": node,
            "label": _short(attrs["label"]), "shape": shape}


def _short(label: str) -> str:
    """Shorten a long label (an article's headline) for the drawing; the panel shows it whole."""
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _options(nodes: int) -> dict[str, Any]:
    """Return the vis-network options for a graph of this many nodes, laid out reproducibly."""
    layout = {"randomSeed": 7, "improvedLayout": nodes <= IMPROVED_LAYOUT_MAX_NODES}
    return {**OPTIONS, "layout": layout}


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
    """Return the words drawn on an edge: its relation ("located in")."""
    return str(data["relation"]).replace("_", " ")


def _details(view: nx.MultiDiGraph, ids: Mapping[EdgeKey, str]) -> dict[str, dict[str, Any]]:
    """Return what the side panel and the filters need for each node, keyed by node id."""
    return {node: _detail(view, node, attrs, ids) for node, attrs in view.nodes(data=True)}


def _detail(view: nx.MultiDiGraph, node: str, attrs: Mapping[str, Any],
            ids: Mapping[EdgeKey, str]) -> dict[str, Any]:
    """Return one node's attributes with its facts, its articles, their dates and outlets."""
    articles = views.sources(view, node)
    return {**attrs, "facts": facts(view, node, ids), "articles": articles,
            "when": views.when(view, node, articles), "outlets": views.outlets(view, articles)}


def _legend(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Return the legend entries for the kinds present, with their colour, glyph and count."""
    counts = Counter(kind for _, kind in g.nodes(data="kind"))
    return [{"kind": kind, "name": name, "color": colour, "glyph": glyph, "count": counts[kind]}
            for kind, (colour, _, glyph, name) in STYLE.items() if kind in counts]


def _relations(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Return the relations present, in their usual order, with their edge counts."""
    counts = Counter(rel for _, _, rel in g.edges(data="relation"))
    order = sorted(counts, key=lambda r: (ORDER.index(r) if r in ORDER else len(ORDER), r))
    return [{"relation": r, "name": r.replace("_", " "), "count": counts[r]} for r in order]


def _outlets(details: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Return the outlets, with the number of articles each published."""
    counts = Counter(d["outlet"] for d in details.values()
                     if d["kind"] == Kind.ARTICLE and d["outlet"])
    return [{"name": name, "count": counts[name]} for name in sorted(counts)]
