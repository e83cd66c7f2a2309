"""The triples of extracted records spelt straight as N-Triples sort keys, without rdflib terms.

Each function here returns, for the same records, the sort keys (`kg.rdf.files._keys`: the line
with a mark before its predicate) of the triples its namesake in `kg.rdf.mapping` makes, each
term spelt as Oxigraph spells it: a `kg build` makes some 480 triples an article, and making
each term in rdflib, then spelling it, took most of the time after extraction. `kg.rdf.mapping`
stays what the rest of kg (a library call's graph, a store) makes its triples with;
`tests/test_lines.py` holds the two to the same lines.

An IRI is spelt "<iri>" (ours are made by `kg.rdf.ids`, percent-encoded); a plain string by
Oxigraph's own literal; a value that recurs (a day, a status, an offset, a title) once, through
rdflib and `kg.rdf.files.to_ox` as the mapping's terms are.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.rdf import ids
from kg.rdf import mapping as m
from kg.rdf.files import _FIRST, _THEN, TYPE, to_ox
from kg.rdf.mapping import DCTERMS, FOAF, KG, NIF, ORG, PROV, RDF, RDFS, ROLES, SDO, SKOS, TIME, XSD
from kg.rdf.namespaces import KGR, term
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

Key = str


def _p(predicate: URIRef) -> str:
    """Spell a predicate as it stands in a sort key, with the spaces around it."""
    spelt = f"<{predicate}>"
    return f" {_FIRST if spelt == TYPE else _THEN}{spelt} "


def _o(node: URIRef) -> str:
    """Spell a vocabulary IRI as an object."""
    return f"<{node}>"


A = _p(RDF.type)
LABEL, ALT = _p(RDFS.label), _p(SKOS.altLabel)
DERIVED = _p(PROV.wasDerivedFrom)
_ROLES = _o(ROLES)
_ROLES_LABEL = str(to_ox(Literal("Roles in Indonesian public office", lang="en")))


def _text(text: str) -> str:
    """Spell a plain string literal."""
    return str(ox.Literal(text))


@lru_cache(maxsize=1 << 12, typed=True)
def _value(value: str | int | bool | date) -> str:
    """Spell the literal of a value that recurs (`mapping._value`)."""
    return str(to_ox(m._value(value)))


@lru_cache(maxsize=1 << 12)
def _offset(n: int) -> str:
    """Spell the literal of a character offset (`mapping._offset`)."""
    return str(to_ox(m._offset(n)))


_KGR = str(KGR)


@lru_cache(maxsize=ids.CACHED)
def _iri(kind: Kind, key: str) -> str:
    """Return the IRI of an entity (`ids.entity`), as text."""
    return f"{_KGR}{kind.segment}/{ids._segment(key)}"


def _entity(kind: Kind, key: str) -> str:
    """Spell the IRI of an entity (`ids.entity`)."""
    return f"<{_iri(kind, key)}>"


@lru_cache(maxsize=ids.CACHED)
def _article(ident: str) -> str:
    """Spell the IRI of an article (`ids.article`), without its closing ">"."""
    return f"<{_KGR}{Kind.ARTICLE.segment}/{quote(ident, safe='-_.~')}"


def _sentence(ident: str, start: int, end: int) -> str:
    """Spell the IRI of a sentence of an article (`ids.sentence`)."""
    return f"{_article(ident)}/s{start}-{end}>"


def _day(value: str) -> str:
    """Spell the IRI of a day or month (`ids.day`)."""
    return f"<{KGR}date/{value}>"


def _labels(node: str, label: str, aliases: tuple[str, ...]) -> list[Key]:
    """Spell a node's label and its other names."""
    out: list[Key] = []
    out.append(f"{node}{LABEL}{_text(label)} .\n")
    for alias in sorted(set(aliases) - {label}):
        out.append(f"{node}{ALT}{_text(alias)} .\n")
    return out


_BYLINE = {role: _p(term(BylineRole(role).term)) for role in BylineRole}
_NEWS, _ENTITY, _IDENT = _o(SDO.NewsArticle), _o(PROV.Entity), _p(DCTERMS.identifier)
_HEADLINE, _URL, _PUBLISHED = _p(SDO.headline), _p(SDO.url), _p(SDO.datePublished)
_PUBLISHER, _OUTLET, _FILED = _p(SDO.publisher), _o(KG.NewsOutlet), _p(SDO.locationCreated)


def article_triples(a: Article, dateline: str | None, bylines: tuple[Byline, ...] = ()
                    ) -> list[Key]:
    """Spell `mapping.article_triples`."""
    out: list[Key] = []
    node = f"{_article(a.id)}>"
    for b in bylines:
        out.append(f"{node}{_BYLINE[b.role]}{_entity(Kind.PERSON, b.person)} .\n")
    out.append(f"{node}{A}{_NEWS} .\n")
    out.append(f"{node}{A}{_ENTITY} .\n")
    out.append(f"{node}{_IDENT}{_text(a.id)} .\n")
    if a.title:
        out.append(f"{node}{_HEADLINE}{_text(a.title)} .\n")
    if a.url:
        out.append(f"{node}{_URL}{to_ox(Literal(a.url, datatype=XSD.anyURI))} .\n")
    if a.published:
        out.append(f"{node}{_PUBLISHED}{_value(a.published)} .\n")
    if a.outlet:
        outlet = _entity(Kind.OUTLET, a.outlet)
        out.append(f"{node}{_PUBLISHER}{outlet} .\n")
        out.append(f"{outlet}{A}{_OUTLET} .\n")
        out.append(f"{outlet}{LABEL}{_value(a.outlet)} .\n")
    if dateline:
        out.append(f"{node}{_FILED}{_entity(Kind.PLACE, dateline)} .\n")
    return out


_SENTENCE, _EVIDENCE = _o(NIF.Sentence), _o(KG.Evidence)
_BEGIN, _END, _ANCHOR = _p(NIF.beginIndex), _p(NIF.endIndex), _p(NIF.anchorOf)
_PART_OF = _p(SDO.isPartOf)


def sentence_triples(article_id: str, s: Sentence) -> list[Key]:
    """Spell `mapping.sentence_triples`."""
    node = _sentence(article_id, s.start, s.end)
    return [f"{node}{A}{_SENTENCE} .\n", f"{node}{A}{_EVIDENCE} .\n",
            f"{node}{_BEGIN}{_offset(s.start)} .\n", f"{node}{_END}{_offset(s.end)} .\n",
            f"{node}{_ANCHOR}{_text(s.text)} .\n", f"{node}{_PART_OF}{_article(article_id)}> .\n"]


_FOAF_PERSON, _SDO_PERSON = _o(FOAF.Person), _o(SDO.Person)
_PREFIX, _SUFFIX = _p(SDO.honorificPrefix), _p(SDO.honorificSuffix)


def person_triples(p: Person, sources: list[str]) -> list[Key]:
    """Spell `mapping.person_triples`."""
    out: list[Key] = []
    node = _entity(Kind.PERSON, p.key)
    out.append(f"{node}{A}{_FOAF_PERSON} .\n")
    out.append(f"{node}{A}{_SDO_PERSON} .\n")
    out += _labels(node, p.name, p.aliases)
    for prefix in p.prefixes:
        out.append(f"{node}{_PREFIX}{_value(prefix)} .\n")
    for suffix in p.suffixes:
        out.append(f"{node}{_SUFFIX}{_value(suffix)} .\n")
    out += derived_from(node, sources)
    return out


_ORGANIZATION, _FORMAL, _SERVES = _o(ORG.Organization), _o(ORG.FormalOrganization), _p(SDO.areaServed)


def org_triples(o: Organization, sources: list[str]) -> list[Key]:
    """Spell `mapping.org_triples`."""
    out: list[Key] = []
    node = _entity(Kind.ORGANIZATION, o.key)
    out.append(f"{node}{A}{_ORGANIZATION} .\n")
    out.append(f"{node}{A}{_FORMAL} .\n")
    out += _labels(node, o.name, o.aliases)
    if o.area:
        out.append(f"{node}{_SERVES}{_entity(Kind.PLACE, o.area)} .\n")
    out += derived_from(node, sources)
    return out


def derived_from(node: str, sources: list[str]) -> list[Key]:
    """Spell `mapping.derived_from` (of a node spelt)."""
    out: list[Key] = []
    for source in sources:
        out.append(f"{node}{DERIVED}{_article(source)}> .\n")
    return out


_PLACE, _AREA, _LEVEL, _WITHIN = (_o(SDO.Place), _o(SDO.AdministrativeArea), _p(KG.placeLevel),
                                  _p(SDO.containedInPlace))
_LEVELS = {level: _o(term(PlaceLevel(level).term)) for level in PlaceLevel}


def place_triples(p: Place) -> list[Key]:
    """Spell `mapping.place_triples`."""
    out: list[Key] = []
    node = _entity(Kind.PLACE, p.key)
    out.append(f"{node}{A}{_PLACE} .\n")
    if p.code:
        out.append(f"{node}{A}{_AREA} .\n")
        out.append(f"{node}{_IDENT}{_text(p.code)} .\n")
    out += _labels(node, p.name, p.aliases)
    if p.level in _LEVELS:
        out.append(f"{node}{_LEVEL}{_LEVELS[p.level]} .\n")  # type: ignore[index]  # a level's text is its member
    if p.within:
        out.append(f"{node}{_WITHIN}{_entity(Kind.PLACE, p.within)} .\n")
    return out


_COLLECTIVE, _COUNT = _o(KG.Collective), _p(KG.memberCount)


def collective_triples(c: Collective) -> list[Key]:
    """Spell `mapping.collective_triples`."""
    out: list[Key] = []
    node = _entity(Kind.COLLECTIVE, c.key)
    out.append(f"{node}{A}{_COLLECTIVE} .\n")
    out += _labels(node, c.name, c.aliases)
    if c.count:
        out.append(f"{node}{_COUNT}{to_ox(Literal(c.count))} .\n")
    return out


_ROLE, _CONCEPT, _IN_SCHEME = _o(ORG.Role), _o(SKOS.Concept), _p(SKOS.inScheme)
_SCHEME = _o(SKOS.ConceptScheme)


def role_triples(role: str) -> list[Key]:
    """Spell `mapping.role_triples`."""
    out: list[Key] = []
    node = _entity(Kind.ROLE, role.lower())
    out.append(f"{node}{A}{_ROLE} .\n")
    out.append(f"{node}{A}{_CONCEPT} .\n")
    out.append(f"{node}{LABEL}{_value(role)} .\n")
    out.append(f"{node}{_IN_SCHEME}{_ROLES} .\n")
    out.append(f"{_ROLES}{A}{_SCHEME} .\n")
    out.append(f"{_ROLES}{LABEL}{_ROLES_LABEL} .\n")
    return out


_INSTANT, _IN_MONTH, _IN_DATE = _o(TIME.Instant), _p(TIME.inXSDgYearMonth), _p(TIME.inXSDDate)


@lru_cache(maxsize=1 << 10)
def _month(month: str) -> str:
    """Spell the literal of a month ("2024-06")."""
    return str(to_ox(Literal(month, datatype=XSD.gYearMonth)))


def instant_triples(day: date | str) -> list[Key]:
    """Spell `mapping.instant_triples`."""
    out: list[Key] = []
    text = day if isinstance(day, str) else day.isoformat()
    node = _day(text)
    out.append(f"{node}{A}{_INSTANT} .\n")
    if isinstance(day, str):
        out.append(f"{node}{_IN_MONTH}{_month(day)} .\n")
    else:
        out.append(f"{node}{_IN_DATE}{_value(day)} .\n")
    return out


def _membership(person: str, role: str, organization: str) -> str:
    """Spell the IRI of a membership, by keys (`mapping.membership_iri`), without its ">"."""
    return (f"<{_KGR}{Kind.MEMBERSHIP.segment}/"
            f"{ids.digest(_iri(Kind.PERSON, person), _iri(Kind.ROLE, role.lower()), _iri(Kind.ORGANIZATION, organization))}")


_CONFLICTS = _p(KG.conflictsWith)


def conflict_triples(role: str, organization: str, persons: tuple[str, ...]) -> list[Key]:
    """Spell `mapping.conflict_triples`."""
    out: list[Key] = []
    nodes = [f"{_membership(p, role, organization)}>" for p in persons]
    for a in nodes:
        for b in nodes:
            if a != b:
                out.append(f"{a}{_CONFLICTS}{b} .\n")
    return out


_MEMBERSHIP, _MEMBER, _ORG, _ORG_ROLE = (_o(ORG.Membership), _p(ORG.member), _p(ORG.organization),
                                         _p(ORG.role))
_DURING, _INTERVAL, _STATUS = _p(ORG.memberDuring), _o(TIME.Interval), _p(KG.holdingStatus)
_QUALIFIER = _p(KG.roleQualifier)
_AT = {status: _p(term(HoldingStatus(status).term)) for status in HoldingStatus}


def holding_triples(h: Holding, article_id: str, day: date | str | None) -> list[Key]:
    """Spell `mapping.holding_triples`."""
    iri = _membership(h.person, h.role, h.organization)
    node, interval = f"{iri}>", f"{iri}/during>"
    out = [f"{node}{A}{_MEMBERSHIP} .\n",
           f"{node}{_MEMBER}{_entity(Kind.PERSON, h.person)} .\n",
           f"{node}{_ORG}{_entity(Kind.ORGANIZATION, h.organization)} .\n",
           f"{node}{_ORG_ROLE}{_entity(Kind.ROLE, h.role.lower())} .\n",
           f"{node}{_DURING}{interval} .\n", f"{interval}{A}{_INTERVAL} .\n",
           f"{node}{_STATUS}{_value(h.status)} .\n",
           f"{node}{DERIVED}{_sentence(article_id, h.sentence.start, h.sentence.end)} .\n"]
    if h.qualifier:
        out.append(f"{node}{_QUALIFIER}{_value(h.qualifier)} .\n")
    if day:
        text = day if isinstance(day, str) else day.isoformat()
        out.append(f"{interval}{_AT[h.status]}{_day(text)} .\n")
    return out


_EVENT = _o(SDO.Event)
_KINDS = {kind: _o(term(EventKind(kind).term)) for kind in EventKind}
_START, _CONFLICT, _DATE_TEXT = _p(SDO.startDate), _p(KG.dateConflict), _p(KG.dateText)
_LOCATION, _SUBJECT_OF = _p(SDO.location), _p(SDO.subjectOf)


def event_triples(e: EventFact) -> list[Key]:
    """Spell `mapping.event_triples`."""
    out: list[Key] = []
    node = _entity(Kind.EVENT, e.key)
    out.append(f"{node}{A}{_EVENT} .\n")
    out.append(f"{node}{A}{_KINDS[e.kind]} .\n")
    out.append(f"{node}{LABEL}{_text(e.label)} .\n")
    for day in e.dates:
        out.append(f"{node}{_START}{_value(day)} .\n")
    if len(e.dates) > 1:
        out.append(f"{node}{_CONFLICT}{_value(True)} .\n")
    for text in e.date_text:
        out.append(f"{node}{_DATE_TEXT}{_text(text)} .\n")
    if e.place:
        out.append(f"{node}{_LOCATION}{_entity(Kind.PLACE, e.place)} .\n")
    return out


def event_evidence_triples(e: EventFact, article_id: str) -> list[Key]:
    """Spell `mapping.event_evidence_triples`."""
    out: list[Key] = []
    node = _entity(Kind.EVENT, e.key)
    out.append(f"{node}{_SUBJECT_OF}{_article(article_id)}> .\n")
    for s in e.sentences:
        out.append(f"{node}{DERIVED}{_sentence(article_id, s.start, s.end)} .\n")
    return out


_PARTICIPATION, _OF_EVENT, _PARTICIPANT = (_o(KG.Participation), _p(KG.event),
                                           _p(KG.participant))
_IN_ROLE = _p(KG.participationRole)
_TAKES = {role: (_p(term(role.predicate)), _o(term(role.term))) for role in ParticipationRole}


def _participation(event: str, kind: Kind, participant: str, role: ParticipationRole) -> str:
    """Spell the IRI of a participation, by keys (`ids.participation`)."""
    return f"<{_KGR}participation/{ids.digest(_iri(Kind.EVENT, event), _iri(kind, participant), role)}>"


def attendance_triples(a: Attendance, article_id: str) -> list[Key]:
    """Spell `mapping.attendance_triples`."""
    event = _entity(Kind.EVENT, a.event)
    kind = Kind(a.kind)
    who = _entity(kind, a.participant)
    predicate, role = _TAKES[a.role]
    node = _participation(a.event, kind, a.participant, ParticipationRole(a.role))
    return [f"{event}{predicate}{who} .\n", f"{node}{A}{_PARTICIPATION} .\n",
            f"{node}{_OF_EVENT}{event} .\n", f"{node}{_PARTICIPANT}{who} .\n",
            f"{node}{_IN_ROLE}{role} .\n",
            f"{node}{DERIVED}{_sentence(article_id, a.sentence.start, a.sentence.end)} .\n"]
