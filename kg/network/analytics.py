"""Project the RDF graph onto networkx (actors, events, places, articles) and measure it."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.network.evidence import Evidence, evidence, local, pair_key, text, texts
from kg.network.index import GraphIndex
from kg.rdf.namespaces import DCTERMS, KG, ORG, PROV, RDF, RDFS, SDO, SKOS, TIME, term
from kg.vocab import EventKind, Kind, ParticipationRole, Relation

# The kinds of node projected, by type; the first matching type wins. Subclasses are asserted
# explicitly, so no reasoning is needed (a person is also a schema:Person).
PROJECTED = (Kind.PERSON, Kind.ORGANIZATION, Kind.EVENT, Kind.PLACE, Kind.ARTICLE, Kind.COLLECTIVE)
KINDS: dict[URIRef, Kind] = {
    term(Kind.PERSON.term): Kind.PERSON, SDO.Person: Kind.PERSON,
    **{term(kind.term): kind for kind in PROJECTED},
}

EVENT_TYPES: frozenset[URIRef] = frozenset(term(kind.term) for kind in EventKind)

PARTICIPATION: dict[URIRef, Relation] = {term(r.term): r.relation for r in ParticipationRole}

# Plain links, each read from the property its relation names; the subject is the edge's source.
LINKS = tuple((term(r.term), r) for r in (Relation.LOCATED_IN, Relation.WITHIN, Relation.SERVES,
                                          Relation.FILED_IN))

# The relations of the projection (the explorer adds `at`, from a role to its organisation).
RELATIONS: tuple[Relation, ...] = tuple(r for r in Relation if r is not Relation.AT)


__all__ = ["Evidence", "RELATIONS", "centrality", "project"]

EdgeSpec = tuple[str, str, str, dict[str, Any]]


def project(rdf: Graph) -> nx.MultiDiGraph:
    """Return the networkx projection of the RDF graph, evidence on nodes and edges."""
    graph: Any = GraphIndex(rdf)  # read once, asked many times, as a Graph is
    g = nx.MultiDiGraph()
    for node, kind in sorted(_typed(graph).items()):
        g.add_node(str(node), **_node_attrs(graph, node, kind))
    for source, target, key, attrs in _edges(graph):
        if source in g and target in g:
            g.add_edge(source, target, key=key, **attrs)
    return g


def centrality(g: nx.MultiDiGraph, relations: Collection[str] | None = None) -> dict[str, float]:
    """Return each node's degree centrality on the undirected simple view of `g`, counting only
    the edges of the given relations (default: all)."""
    simple = nx.Graph()
    simple.add_nodes_from(g)
    simple.add_edges_from((u, v) for u, v, rel in g.edges(data="relation")
                          if relations is None or rel in relations)
    scores: dict[str, float] = nx.degree_centrality(simple)
    return scores


def _typed(graph: Graph) -> dict[URIRef, Kind]:
    """Map every node of a projected type to its kind."""
    kinds: dict[URIRef, Kind] = {}
    for rdf_type, kind in KINDS.items():
        for node in graph.subjects(RDF.type, rdf_type):
            if isinstance(node, URIRef):
                kinds.setdefault(node, kind)
    return kinds


def _node_attrs(graph: Graph, node: URIRef, kind: Kind) -> dict[str, Any]:
    """Return the attributes of one projected node."""
    label = _label(graph, node, kind)
    return {
        "kind": kind, "label": label, "aliases": _aliases(graph, node, label), "iri": str(node),
        "subtype": _subtype(graph, node, kind), "url": text(graph, node, SDO.url),
        "dates": texts(graph, node, SDO.startDate if kind == Kind.EVENT else SDO.datePublished),
        "evidence": evidence(graph, graph.objects(node, PROV.wasDerivedFrom)),
        "outlet": _outlet(graph, node),
    }


def _outlet(graph: Graph, article: URIRef) -> str | None:
    """Return the name of the outlet that published an article (None for other nodes)."""
    outlet = graph.value(article, SDO.publisher)
    return (text(graph, outlet, RDFS.label) or local(outlet)) if outlet is not None else None


def _label(graph: Graph, node: URIRef, kind: Kind) -> str:
    """Return the node's display name, falling back to the end of its IRI."""
    props = (SDO.headline, RDFS.label, DCTERMS.identifier) if kind == Kind.ARTICLE else (RDFS.label,)
    for prop in props:
        if found := text(graph, node, prop):
            return found
    return str(node).rstrip("/").rsplit("/", 1)[-1]


def _aliases(graph: Graph, node: URIRef, label: str) -> list[str]:
    """Return the node's other names, without its label."""
    return [name for name in texts(graph, node, SKOS.altLabel) if name != label]


def _subtype(graph: Graph, node: URIRef, kind: Kind) -> str | None:
    """Return the event kind or place level as a local name ("Meeting", "Regency")."""
    if kind == Kind.EVENT:
        found = sorted(str(t) for t in graph.objects(node, RDF.type) if t in EVENT_TYPES)
    elif kind == Kind.PLACE:
        found = texts(graph, node, KG.placeLevel)
    else:
        found = []
    return local(found[0]) if found else None


def _edges(graph: Graph) -> Iterator[EdgeSpec]:
    """Yield every projected edge as (source, target, key, attributes)."""
    yield from _memberships(graph)
    yield from _participations(graph)
    for prop, relation in LINKS:
        yield from _links(graph, prop, relation)
    yield from _reports(graph)


def _memberships(graph: Graph) -> Iterator[EdgeSpec]:
    """Yield a `holds` edge person -> organisation for each org:Membership."""
    for membership in sorted(graph.subjects(RDF.type, ORG.Membership), key=str):
        person = graph.value(membership, ORG.member)
        organization = graph.value(membership, ORG.organization)
        if person is not None and organization is not None:
            yield str(person), str(organization), str(membership), _holding(graph, membership)


def _holding(graph: Graph, membership: Node) -> dict[str, Any]:
    """Return the attributes of a membership edge: role, qualifier, status, dates, evidence."""
    role = graph.value(membership, ORG.role)
    return {
        "relation": Relation.HOLDS, "iri": str(membership),
        "role": (text(graph, role, RDFS.label) or local(role)) if role is not None else None,
        "qualifier": text(graph, membership, KG.roleQualifier),
        "status": text(graph, membership, KG.holdingStatus),
        "dates": _membership_dates(graph, membership),
        "evidence": evidence(graph, graph.objects(membership, PROV.wasDerivedFrom)),
    }


def _membership_dates(graph: Graph, membership: Node) -> list[str]:
    """Return the sorted reporting dates of a membership's interval."""
    return sorted({
        str(day)
        for interval in graph.objects(membership, ORG.memberDuring)
        for instant in graph.objects(interval, TIME.inside)
        for day in graph.objects(instant, TIME.inXSDDate)
    })


def _participations(graph: Graph) -> Iterator[EdgeSpec]:
    """Yield attends/organises/speaks edges participant -> event, with their evidence."""
    found: dict[tuple[str, str, Relation], set[Node]] = {}
    for relation in (Relation.ATTENDS, Relation.ORGANISES):
        for subject, obj in graph.subject_objects(term(relation.term)):
            found.setdefault((str(obj), str(subject), relation), set())
    for part in graph.subjects(RDF.type, KG.Participation):
        key = _participation_key(graph, part)
        if key is not None:
            found.setdefault(key, set()).update(graph.objects(part, PROV.wasDerivedFrom))
    for (who, event, relation), sources in sorted(found.items()):
        yield who, event, relation, {"relation": relation, "evidence": evidence(graph, sources)}


def _participation_key(graph: Graph, part: Node) -> tuple[str, str, Relation] | None:
    """Return (participant, event, relation) of a kg:Participation, or None if incomplete."""
    who = graph.value(part, KG.participant)
    event = graph.value(part, KG.event)
    role = graph.value(part, KG.participationRole)
    relation = PARTICIPATION.get(role) if isinstance(role, URIRef) else None
    if who is None or event is None or relation is None:
        return None
    return str(who), str(event), relation


def _links(graph: Graph, prop: URIRef, relation: Relation) -> Iterator[EdgeSpec]:
    """Yield one edge per triple of a plain linking property."""
    for subject, obj in sorted(graph.subject_objects(prop), key=pair_key):
        yield str(subject), str(obj), relation, {"relation": relation, "evidence": []}


def _reports(graph: Graph) -> Iterator[EdgeSpec]:
    """Yield `reported_in` edges to articles, with the node's evidence from that article."""
    articles = set(graph.subjects(RDF.type, SDO.NewsArticle))
    for prop in (SDO.subjectOf, PROV.wasDerivedFrom):
        for node, article in sorted(graph.subject_objects(prop), key=pair_key):
            if article in articles:
                yield str(node), str(article), Relation.REPORTED_IN, _report(graph, node, article)


def _report(graph: Graph, node: Node, article: Node) -> dict[str, Any]:
    """Return the attributes of a `reported_in` edge: the node's sentences in that article."""
    found = evidence(graph, graph.objects(node, PROV.wasDerivedFrom))
    here = [e for e in found if e["article"] == str(article)]
    return {"relation": Relation.REPORTED_IN, "evidence": here}
