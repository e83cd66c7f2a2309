"""The graph's vocabulary: one name for each kind, relation and role, tied to its ontology term.

Every member is a `str` (a `StrEnum`) whose repr is its value's, so records, their reprs, JSON
and the explorer's data read exactly as they did when these were plain strings. Each carries
`term`, the compact IRI ("kg:Meeting", "foaf:Person") of the ontology class, individual or
property it stands for; `kg.rdf.namespaces.term` resolves it through the checked namespaces,
and tests/test_vocab.py checks the kg: terms against ontology/kg.ttl. Spell a kind here and
nowhere else.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Self, TypeVar

_E = TypeVar("_E", bound=StrEnum)


def _member(cls: type[_E], value: str) -> _E:
    """Make the member of a string enum whose value is `value`, as StrEnum makes it."""
    member = str.__new__(cls, value)
    member._value_ = value
    return member


class Term(StrEnum):
    """A name of the vocabulary with its ontology term.

    The members' attributes are set in `__new__`, from the values after the first in their
    definition: with no `__init__`, mypy reads `Kind("person")`, a lookup by value, by the
    signature of `__new__`, where the definition's other values are optional (`*definition`).
    """

    term: str

    def __new__(cls, value: str, *definition: Any) -> Self:
        member = _member(cls, value)
        (member.term,) = definition
        return member

    def __repr__(self) -> str:
        """Read as the plain string: a record prints, and orders by its repr, as it always did."""
        return repr(self.value)


class Kind(Term):
    """The kinds of node in the graph: what records, IRIs, the network and the explorer call them."""

    segment: str  # the kind's path in an IRI: kgr:org/kejari-oki

    def __new__(cls, value: str, *definition: Any) -> Self:
        member = _member(cls, value)
        member.term, *segment = definition
        member.segment = segment[0] if segment else value
        return member

    PERSON = "person", "foaf:Person"
    ORGANIZATION = "organization", "org:Organization", "org"
    PLACE = "place", "schema:Place"
    COLLECTIVE = "collective", "kg:Collective"
    EVENT = "event", "schema:Event"
    ARTICLE = "article", "schema:NewsArticle"
    OUTLET = "outlet", "kg:NewsOutlet"
    ROLE = "role", "org:Role"
    MEMBERSHIP = "membership", "org:Membership"  # a holding; the explorer draws it as a node


class Relation(Term):
    """The edges of the network and the explorer, each named by the term it is read from."""

    HOLDS = "holds", "org:memberOf"  # a person -> organisation, qualified by an org:Membership
    AT = "at", "org:organization"  # the explorer's membership node -> its organisation
    ATTENDS = "attends", "schema:attendee"
    ORGANISES = "organises", "schema:organizer"
    SPEAKS = "speaks", "kg:Speaker"
    LOCATED_IN = "located_in", "schema:location"
    WITHIN = "within", "schema:containedInPlace"
    SERVES = "serves", "schema:areaServed"
    REPORTED_IN = "reported_in", "schema:subjectOf"
    FILED_IN = "filed_in", "schema:locationCreated"


class ParticipationRole(Term):
    """How an agent takes part in an event: its kg:ParticipationRole, the schema.org property
    stated beside it and the network relation it becomes."""

    predicate: str
    relation: Relation

    def __new__(cls, value: str, *definition: Any) -> Self:
        member = _member(cls, value)
        member.term, member.predicate, member.relation = definition
        return member

    ATTENDEE = "attendee", "kg:Attendee", "schema:attendee", Relation.ATTENDS
    ORGANIZER = "organizer", "kg:Organizer", "schema:organizer", Relation.ORGANISES
    SPEAKER = "speaker", "kg:Speaker", "schema:attendee", Relation.SPEAKS


class EventKind(Term):
    """The kinds of event, each a subclass of schema:Event in the ontology."""

    DECLARATION = "Declaration", "kg:Declaration"
    INAUGURATION = "Inauguration", "kg:Inauguration"
    MEETING = "Meeting", "kg:Meeting"
    CEREMONY = "Ceremony", "kg:Ceremony"
    AGREEMENT = "Agreement", "kg:Agreement"
    VISIT = "Visit", "kg:Visit"
    ELECTION = "Election", "kg:Election"
    SOCIALISATION = "Socialisation", "kg:Socialisation"
    ACTIVITY = "Activity", "kg:Activity"  # a gathering whose kind no known word names


class PlaceLevel(Term):
    """The levels of the administrative hierarchy, and venues below it."""

    PROVINCE = "province", "kg:Province"
    REGENCY = "regency", "kg:Regency"
    CITY = "city", "kg:City"
    DISTRICT = "district", "kg:District"
    VILLAGE = "village", "kg:Village"
    VENUE = "venue", "kg:Venue"


class HoldingStatus(Term):
    """How a holding stands to the report's date, by the OWL-Time relation of its interval to
    that day: held then, begun then (incoming at a handover), ended then, or over before it."""

    CURRENT = "current", "time:inside"
    INCOMING = "incoming", "time:hasBeginning"
    OUTGOING = "outgoing", "time:hasEnd"
    FORMER = "former", "time:before"


class BylineRole(Term):
    """What a byline says a person did for the article ("Pewarta: X", "Editor: Y")."""

    AUTHOR = "author", "schema:author"
    EDITOR = "editor", "schema:editor"


class MentionType(Term):
    """The types of the spans `kg extract` lists; the recogniser's labels are the first three.

    A type is named as the kind of node its term is (`Kind`), and valued as
    ../shared/CONTRACT.md spells it: the contract calls a collective a "GROUP".
    """

    PERSON = "PERSON", "foaf:Person"
    ORGANIZATION = "ORGANIZATION", "org:Organization"
    PLACE = "PLACE", "schema:Place"
    ROLE = "ROLE", "org:Role"
    EVENT = "EVENT", "schema:Event"
    DATE = "DATE", "time:Instant"
    COLLECTIVE = "GROUP", "kg:Collective"


class ChunkKind(StrEnum):
    """The typed spans the extractor cuts a sentence into; `mention` is the type each lists as
    (a title lists its role and organisation, a bare name nothing until it is read as a person).

    A chunk that lists as a type of its own bears that type's name; a venue lists as a place.
    """

    mention: MentionType | None

    def __new__(cls, value: str, *definition: Any) -> Self:
        member = _member(cls, value)
        member.mention = definition[0] if definition else None
        return member

    __repr__ = Term.__repr__

    TITLE = "TITLE"
    NAME = "NAME"  # a name not yet read as a person's
    PERSON = MentionType.PERSON.value, MentionType.PERSON
    ORGANIZATION = MentionType.ORGANIZATION.value, MentionType.ORGANIZATION
    PLACE = MentionType.PLACE.value, MentionType.PLACE
    VENUE = "VENUE", MentionType.PLACE
    COLLECTIVE = "COLLECTIVE", MentionType.COLLECTIVE
    EVENT = MentionType.EVENT.value, MentionType.EVENT
