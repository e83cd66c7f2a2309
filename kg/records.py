"""The frozen records that flow between the stages of a build, and nothing else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kg.vocab import BylineRole, EventKind, HoldingStatus, Kind, MentionType, ParticipationRole


@dataclass(frozen=True)
class Article:
    """One news report as read: its text, where it came from and what it says of itself."""

    id: str
    text: str
    source: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    dateline: str | None = None
    body_start: int = 0  # where the report begins after its dateline ("KAYUAGUNG, X.CO - ")
    # Spans of `text` that are not part of the report ("BACA JUGA:" links, captions).
    noise: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Problem:
    """An input that could not be read, with a one-line reason."""

    source: str
    reason: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, by character offsets into `Article.text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A span of the article that names something of a kind.

    `key` is the normalised name used to resolve mentions to entities; `attrs` holds
    kind-specific extras as sorted pairs (for example the place level, or a person's
    honorifics).
    """

    start: int
    end: int
    text: str
    type: MentionType
    key: str
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str, default: str | None = None) -> str | None:
        """Return one extra attribute by name."""
        return dict(self.attrs).get(name, default)


@dataclass(frozen=True)
class Name:
    """A person's name as written: the bare name, and the titles and degrees around it."""

    name: str
    written: str
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    """A person named in an article; `key` identifies the person across articles."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organization:
    """An organisation named in an article, with the other names it goes by there."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    area: str | None = None  # the key of the place it serves


@dataclass(frozen=True)
class Place:
    """A place with its administrative level, Kemendagri code where known, and the place it lies in."""

    key: str
    name: str
    level: str
    aliases: tuple[str, ...] = ()
    code: str | None = None
    within: str | None = None


@dataclass(frozen=True)
class Holding:
    """A person reported holding a role at an organisation, and the sentence that says so."""

    person: str  # keys of the Person and Organization
    role: str
    organization: str
    sentence: Sentence
    qualifier: str | None = None  # "Plt", "Pj", "Plh": acting forms
    status: HoldingStatus = HoldingStatus.CURRENT


@dataclass(frozen=True)
class EventFact:
    """An event the article reports: what, when, where, and the sentences that say so."""

    key: str
    label: str
    kind: EventKind
    sentences: tuple[Sentence, ...]
    dates: tuple[date, ...] = ()
    date_text: tuple[str, ...] = ()
    place: str | None = None  # the key of a Place


@dataclass(frozen=True)
class Attendance:
    """A participant (person, organisation or collective) of an event, with its evidence."""

    participant: str  # the key of a Person, Organization or Collective
    kind: Kind  # PERSON, ORGANIZATION or COLLECTIVE
    event: str
    role: ParticipationRole
    sentence: Sentence


@dataclass(frozen=True)
class Collective:
    """A group that is not an organisation: ASN, para Kades, seluruh Camat."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    count: int | None = None


@dataclass(frozen=True)
class Byline:
    """A person the article names as its writer or editor ("Penulis: X", "Editor: Y")."""

    person: str  # the key of the Person
    role: BylineRole


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    persons: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[Place, ...] = ()
    holdings: tuple[Holding, ...] = ()
    events: tuple[EventFact, ...] = ()
    attendances: tuple[Attendance, ...] = ()
    collectives: tuple[Collective, ...] = ()
    bylines: tuple[Byline, ...] = ()
    dateline: str | None = None  # the key of the Place the report was filed from
    reported: date | None = None  # the day the report speaks from: published, else its last date
    reported_month: str | None = None  # "2024-06" when the report gives no day, only a month
