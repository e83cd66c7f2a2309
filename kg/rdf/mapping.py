"""Map extracted records to triples: pure functions, one per kind of node."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from rdflib import Literal, URIRef

from kg.rdf import ids
from kg.rdf import namespaces as ns
from kg.rdf.namespaces import KGR, kept, term
from kg.records import (
    Article,
    Attendance,
    Byline,
    Collective,
    EventFact,
    Holding,
    Organization,
    Person,
    Place,
    Sentence,
)
from kg.vocab import BylineRole, EventKind, HoldingStatus, Kind, ParticipationRole, PlaceLevel

Triple = tuple[URIRef, URIRef, URIRef | Literal]

# The terms, each checked once: a large graph looks them up millions of times.
DCTERMS, FOAF, KG, NIF = kept(ns.DCTERMS), kept(ns.FOAF), kept(ns.KG), kept(ns.NIF)
ORG, PROV, RDF, RDFS = kept(ns.ORG), kept(ns.PROV), kept(ns.RDF), kept(ns.RDFS)
SDO, SKOS, TIME, XSD = kept(ns.SDO), kept(ns.SKOS), kept(ns.TIME), kept(ns.XSD)

ROLES = KGR["roles"]
LEVELS = frozenset(PlaceLevel)


@lru_cache(maxsize=1 << 12, typed=True)
def _value(value: str | int | bool | date) -> Literal:
    """Return the literal of a value that recurs (a day, a status, a title): made once."""
    return Literal(value)


@lru_cache(maxsize=1 << 12)
def _offset(n: int) -> Literal:
    """Return the literal of a character offset."""
    return Literal(n, datatype=XSD.nonNegativeInteger)


def _labels(node: URIRef, label: str, aliases: tuple[str, ...]) -> Iterator[Triple]:
    """Yield a node's label and its other names."""
    yield node, RDFS.label, Literal(label)
    for alias in sorted(set(aliases) - {label}):
        yield node, SKOS.altLabel, Literal(alias)


def article_triples(a: Article, dateline: str | None, bylines: tuple[Byline, ...] = ()
                    ) -> Iterator[Triple]:
    """Describe the source article, its outlet, who wrote and edited it, where it was filed."""
    node = ids.article(a.id)
    for b in bylines:
        yield node, term(BylineRole(b.role).term), ids.entity(Kind.PERSON, b.person)
    yield node, RDF.type, SDO.NewsArticle
    yield node, RDF.type, PROV.Entity
    yield node, DCTERMS.identifier, Literal(a.id)
    if a.title:
        yield node, SDO.headline, Literal(a.title)
    if a.url:
        yield node, SDO.url, Literal(a.url, datatype=XSD.anyURI)
    if a.published:
        yield node, SDO.datePublished, _value(a.published)
    if a.outlet:
        outlet = ids.entity(Kind.OUTLET, a.outlet)
        yield node, SDO.publisher, outlet
        yield outlet, RDF.type, KG.NewsOutlet
        yield outlet, RDFS.label, _value(a.outlet)
    if dateline:
        yield node, SDO.locationCreated, ids.entity(Kind.PLACE, dateline)


def sentence_triples(article_id: str, s: Sentence) -> Iterator[Triple]:
    """Describe an evidence sentence by its offsets into the article text."""
    node = ids.sentence(article_id, s.start, s.end)
    yield node, RDF.type, NIF.Sentence
    yield node, RDF.type, KG.Evidence
    yield node, NIF.beginIndex, _offset(s.start)
    yield node, NIF.endIndex, _offset(s.end)
    yield node, NIF.anchorOf, Literal(s.text)
    yield node, SDO.isPartOf, ids.article(article_id)


def person_triples(p: Person, sources: list[str]) -> Iterator[Triple]:
    """Describe a person: bare name as label, names as written as aliases."""
    node = ids.entity(Kind.PERSON, p.key)
    yield node, RDF.type, FOAF.Person
    yield node, RDF.type, SDO.Person
    yield from _labels(node, p.name, p.aliases)
    for prefix in p.prefixes:
        yield node, SDO.honorificPrefix, _value(prefix)
    for suffix in p.suffixes:
        yield node, SDO.honorificSuffix, _value(suffix)
    yield from derived_from(node, sources)


def org_triples(o: Organization, sources: list[str]) -> Iterator[Triple]:
    """Describe an organisation, its other names and the region it serves."""
    node = ids.entity(Kind.ORGANIZATION, o.key)
    yield node, RDF.type, ORG.Organization
    yield node, RDF.type, ORG.FormalOrganization
    yield from _labels(node, o.name, o.aliases)
    if o.area:
        yield node, SDO.areaServed, ids.entity(Kind.PLACE, o.area)
    yield from derived_from(node, sources)


def derived_from(node: URIRef, sources: list[str]) -> Iterator[Triple]:
    """Tie an entity to the articles that name it."""
    for source in sources:
        yield node, PROV.wasDerivedFrom, ids.article(source)


def place_triples(p: Place) -> Iterator[Triple]:
    """Describe a place, its level, code and the place it lies in."""
    node = ids.entity(Kind.PLACE, p.key)
    yield node, RDF.type, SDO.Place
    if p.code:
        yield node, RDF.type, SDO.AdministrativeArea
        yield node, DCTERMS.identifier, Literal(p.code)
    yield from _labels(node, p.name, p.aliases)
    if p.level in LEVELS:
        yield node, KG.placeLevel, term(PlaceLevel(p.level).term)
    if p.within:
        yield node, SDO.containedInPlace, ids.entity(Kind.PLACE, p.within)


def collective_triples(c: Collective) -> Iterator[Triple]:
    """Describe a group that is not an organisation."""
    node = ids.entity(Kind.COLLECTIVE, c.key)
    yield node, RDF.type, KG.Collective
    yield from _labels(node, c.name, c.aliases)
    if c.count:
        yield node, KG.memberCount, Literal(c.count)


def role_triples(role: str) -> Iterator[Triple]:
    """Describe a role as an org:Role in our scheme of roles."""
    node = ids.entity(Kind.ROLE, role.lower())
    yield node, RDF.type, ORG.Role
    yield node, RDF.type, SKOS.Concept
    yield node, RDFS.label, _value(role)
    yield node, SKOS.inScheme, ROLES
    yield ROLES, RDF.type, SKOS.ConceptScheme
    yield ROLES, RDFS.label, Literal("Roles in Indonesian public office", lang="en")


def instant_triples(day: date | str) -> Iterator[Triple]:
    """Describe a calendar day (a date) or month ("2024-06") as a time:Instant."""
    text = day if isinstance(day, str) else day.isoformat()
    node = ids.day(text)
    yield node, RDF.type, TIME.Instant
    if isinstance(day, str):
        yield node, TIME.inXSDgYearMonth, Literal(day, datatype=XSD.gYearMonth)
    else:
        yield node, TIME.inXSDDate, _value(day)


def membership_iri(person: str, role: str, organization: str) -> URIRef:
    """Return the IRI of the membership of a person in a role at an organisation, by keys."""
    return ids.membership(ids.entity(Kind.PERSON, person), ids.entity(Kind.ROLE, role.lower()),
                          ids.entity(Kind.ORGANIZATION, organization))


def conflict_triples(role: str, organization: str, persons: tuple[str, ...]) -> Iterator[Triple]:
    """Link the memberships of different persons reported in one single-holder post at once."""
    nodes = [membership_iri(p, role, organization) for p in persons]
    for a in nodes:
        for b in nodes:
            if a != b:
                yield a, KG.conflictsWith, b


def holding_triples(h: Holding, article_id: str, day: date | str | None) -> Iterator[Triple]:
    """Describe a holding as an org:Membership, held during an interval placed by the report's date
    (the role and the day are described apart, once: `role_triples`, `instant_triples`)."""
    person, org = ids.entity(Kind.PERSON, h.person), ids.entity(Kind.ORGANIZATION, h.organization)
    role = ids.entity(Kind.ROLE, h.role.lower())
    node = membership_iri(h.person, h.role, h.organization)
    interval = URIRef(f"{node}/during")
    yield node, RDF.type, ORG.Membership
    yield node, ORG.member, person
    yield node, ORG.organization, org
    yield node, ORG.role, role
    yield node, ORG.memberDuring, interval
    yield interval, RDF.type, TIME.Interval
    yield node, KG.holdingStatus, _value(h.status)
    if h.qualifier:
        yield node, KG.roleQualifier, _value(h.qualifier)
    if day:
        yield interval, term(HoldingStatus(h.status).term), ids.day(day if isinstance(day, str) else day.isoformat())
    yield node, PROV.wasDerivedFrom, ids.sentence(article_id, h.sentence.start, h.sentence.end)


def event_triples(e: EventFact) -> Iterator[Triple]:
    """Describe an event: kind, label, dates (all kept, flagged when they conflict), place."""
    node = ids.entity(Kind.EVENT, e.key)
    yield node, RDF.type, SDO.Event
    yield node, RDF.type, term(EventKind(e.kind).term)
    yield node, RDFS.label, Literal(e.label)
    for day in e.dates:
        yield node, SDO.startDate, _value(day)
    if len(e.dates) > 1:
        yield node, KG.dateConflict, _value(True)
    for text in e.date_text:
        yield node, KG.dateText, Literal(text)
    if e.place:
        yield node, SDO.location, ids.entity(Kind.PLACE, e.place)


def event_evidence_triples(e: EventFact, article_id: str) -> Iterator[Triple]:
    """Tie an event to a report of it and the sentences that say so."""
    node = ids.entity(Kind.EVENT, e.key)
    yield node, SDO.subjectOf, ids.article(article_id)
    for s in e.sentences:
        yield node, PROV.wasDerivedFrom, ids.sentence(article_id, s.start, s.end)


def attendance_triples(a: Attendance, article_id: str) -> Iterator[Triple]:
    """Describe a participation: the schema.org triple and, beside it, its n-ary evidence node."""
    event = ids.entity(Kind.EVENT, a.event)
    who = ids.entity(Kind(a.kind), a.participant)
    role = ParticipationRole(a.role)
    node = ids.participation(event, who, role)
    yield event, term(role.predicate), who
    yield node, RDF.type, KG.Participation
    yield node, KG.event, event
    yield node, KG.participant, who
    yield node, KG.participationRole, term(role.term)
    yield node, PROV.wasDerivedFrom, ids.sentence(article_id, a.sentence.start, a.sentence.end)
