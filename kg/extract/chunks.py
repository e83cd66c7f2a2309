"""The typed spans a sentence is cut into: titles, organisations, persons, places, venues, groups, events."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.records import Name
from kg.vocab import ChunkKind, EventKind, PlaceLevel


@dataclass(frozen=True)
class PlaceRef:
    """A place as written, with its level and, where the gazetteer knows it, its region code."""

    name: str
    level: PlaceLevel | str  # "place" when no level is written
    code: str | None = None
    written: str = ""


@dataclass(frozen=True)
class OrgRef:
    """An organisation as written: its base name, acronym and the region it serves."""

    written: str
    base: str
    acronym: str | None = None
    area: PlaceRef | None = None
    names: tuple[str, ...] = ()  # other names the text gives it here: "(Bawaslu)", "(Kejari)"

    @property
    def name(self) -> str:
        """Return the base name with its area as written: "Bawaslu Kabupaten OKU Selatan"."""
        return f"{self.base} {self.area.written}" if self.area else self.base


@dataclass(frozen=True)
class TitleRef:
    """A role title, with the organisation it names or carries when there is one."""

    role: str
    written: str
    qualifier: str | None = None
    org: OrgRef | None = None
    collective: str | None = None  # the group the title names when no holder follows ("Camat")
    org_span: tuple[int, int] | None = None  # where the organisation's name is written, if it is


@dataclass(frozen=True)
class EventRef:
    """An event word and the words that describe it."""

    kind: EventKind
    label: str


@dataclass(frozen=True)
class Chunk:
    """A typed span of a sentence, by token indexes [i, j) and character offsets."""

    kind: ChunkKind
    i: int
    j: int
    start: int
    end: int
    text: str
    title: TitleRef | None = None
    org: OrgRef | None = None
    person: Name | None = None
    place: PlaceRef | None = None
    event: EventRef | None = None
    label: str | None = None
    count: int | None = None
    tags: frozenset[str] = field(default=frozenset())
