"""Group an article's event words into events, with their dates and places."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote

from kg.extract.chunks import Chunk
from kg.extract.parsed import Parsed
from kg.lexicons import load
from kg.nlp.dates import DateMention
from kg.nlp.tokens import fold
from kg.vocab import ChunkKind, EventKind, Kind

# "Acara ini", "kegiatan tersebut": words that point back to the report's main event.


@dataclass
class EventGroup:
    """The mentions of one event in an article, and the sentences (by index) that speak of it."""

    key: str
    kind: EventKind
    labels: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)

    @property
    def label(self) -> str:
        """Return the most descriptive label among the mentions."""
        return max(self.labels, key=lambda s: (len(s.split()), s))


def _group_key(article_id: str, chunk: Chunk) -> str:
    """Key an event: a dated election is one event everywhere, others are the article's own."""
    assert chunk.event
    article_id = quote(article_id, safe="")  # "berita lahat" and "berita-lahat" stay apart
    if chunk.event.kind == EventKind.ELECTION:
        label = fold(chunk.event.label)
        return f"election:{label}" if any(w.isdigit() for w in label.split()) else \
            f"{article_id}#election:{label}"
    return f"{article_id}#{chunk.event.kind.lower()}"


def group_events(article_id: str, parsed: list[Parsed]) -> list[EventGroup]:
    """Group the event mentions; an undated election joins the one dated election of its name."""
    groups: dict[str, EventGroup] = {}
    for n, p in enumerate(parsed):
        for c in p.of_kind(ChunkKind.EVENT):
            assert c.event
            key = _group_key(article_id, c)
            group = groups.setdefault(key, EventGroup(key, c.event.kind))
            group.labels.append(c.event.label)
            if n not in group.sentences:
                group.sentences.append(n)
    return _merge_undated(groups)


def _merge_undated(groups: dict[str, EventGroup]) -> list[EventGroup]:
    """Fold "Pilkada" into "Pilkada 2024" when the article names only one such election."""
    by_noun: dict[str, list[str]] = defaultdict(list)
    for key, g in groups.items():
        if g.kind == EventKind.ELECTION and key.startswith("election:"):
            by_noun[fold(g.label).split()[0]].append(key)
    for key in [k for k, g in groups.items() if g.kind == EventKind.ELECTION and "#" in k]:
        dated = by_noun.get(fold(groups[key].label).split()[0], [])
        if len(dated) == 1:
            target = groups[dated[0]]
            target.sentences = sorted(set(target.sentences) | set(groups.pop(key).sentences))
    return sorted(groups.values(), key=lambda g: (g.sentences[0], g.key))


def activity(article_id: str, title: str | None, parsed: list[Parsed]) -> EventGroup:
    """Make the event of a report that names no known event word, from its headline or lead."""
    lead = next((n for n, p in enumerate(parsed) if p.chunks), 0)
    label = title or "Kegiatan"
    if not title and parsed:
        ctx = parsed[lead].ctx
        tokens = [t for k, t in enumerate(ctx.tokens) if k not in ctx.blocked and t.is_word][:8]
        label = ctx.text[tokens[0].start:tokens[-1].end] if tokens else label
    return EventGroup(f"{quote(article_id, safe='')}#activity", EventKind.ACTIVITY, [label], [lead])


def main_event(groups: list[EventGroup], parsed: list[Parsed]) -> EventGroup | None:
    """Return the report's main event (its first that is not an election) and add the
    sentences that point back to it ("Acara ini ditutup dengan ...")."""
    main = next((g for g in groups if g.kind != EventKind.ELECTION), None)
    if main:
        for n, p in enumerate(parsed):
            if load().anaphora[Kind.EVENT] & set(p.words()) and n not in main.sentences:
                main.sentences.append(n)
        main.sentences.sort()
    return main


def event_dates(group: EventGroup, parsed: list[Parsed],
                dates: list[list[DateMention]]) -> tuple[list[DateMention], list[str]]:
    """Return the day-precise dates of the event's sentences and every date as written there.

    Two different days for one event are both kept: the report may say "Jumat 12 Januari
    2024" in one place and "Kamis 11 Januari 2024" in another.
    """
    found = [d for n in group.sentences for d in dates[n]]
    days = [d for d in found if d.value and d.precision == "day"]
    days = days or [d for d in found if d.value]
    return days, list(dict.fromkeys(d.text for d in found))


def event_place(group: EventGroup, parsed: list[Parsed]) -> Chunk | None:
    """Return the venue of the event's sentences, else a place written after "di"."""
    for kind in (ChunkKind.VENUE, ChunkKind.PLACE):
        for n in group.sentences:
            for c in parsed[n].of_kind(kind):
                if kind == ChunkKind.VENUE or parsed[n].ctx.word(c.i - 1).lower() == "di":
                    return c
    return None
