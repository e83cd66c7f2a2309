"""Gather an article's parsed sentences into its Extraction: entities, facts and their evidence."""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.article import ParsedArticle, parse_article, reference_date, reference_month
from kg.extract.attendance import (
    Taking,
    along,
    announces,
    companions,
    elsewhere,
    hosts,
    in_passing,
    listed_on,
    present,
    speakers,
    subjects,
    titled_at_event,
)
from kg.extract.bylines import bylines
from kg.extract.chunks import Chunk, OrgRef
from kg.extract.context import links
from kg.extract.events import (
    EventGroup,
    activity,
    event_dates,
    event_place,
    group_events,
    main_event,
)
from kg.extract.holdings import Succession, successions
from kg.extract.mentions import mentions
from kg.extract.parsed import Parsed
from kg.extract.places import Places
from kg.extract.resolve import person_named, resolve_orgs, resolve_persons
from kg.lexicons import load
from kg.nlp.tokens import fold
from kg.records import (
    Article,
    Attendance,
    Byline,
    Collective,
    EventFact,
    Extraction,
    Holding,
    Organization,
    Sentence,
)
from kg.vocab import ChunkKind, EventKind, HoldingStatus, Kind, ParticipationRole


def _org_refs(parsed: list[Parsed]) -> list[OrgRef]:
    """Return every organisation mention: standalone ones and those inside titles, but a title
    no one holds that names its body in passing ("Pemilihan Gubernur Jawa Timur", "calon Bupati
    Poso", "Keputusan Menteri Dalam Negeri")."""
    refs = [c.org or (c.title.org if c.title and not in_passing(p, c) else None) for p in parsed for c in p.chunks]
    return [r for r in refs if r]


def _holdings(parsed: list[Parsed], persons: dict[str, str],
              orgs: dict[OrgRef, str]) -> list[Holding]:
    """Make a holding of every title paired with its holder, then of every post a sentence names
    through the one who left it ("posisi A digantikan oleh B")."""
    out: list[Holding] = []
    for p in parsed:
        for q in p.pairs:
            title = q.title.title
            assert title and title.org and q.person.person
            out.append(Holding(persons[fold(q.person.person.name)], title.role, orgs[title.org],
                               p.sentence, title.qualifier, q.status))
        for s in successions(p.ctx, list(p.chunks), p.pairs):
            out += _succeeded(s, out, p.sentence, persons, orgs)
    return out


_LEFT = (HoldingStatus.FORMER, HoldingStatus.OUTGOING)


def _succeeded(s: Succession, held: list[Holding], sentence: Sentence, persons: dict[str, str],
               orgs: dict[OrgRef, str]) -> list[Holding]:
    """Give a successor the post its predecessor left, as the article has read it so far: the
    predecessor's post left last (at the body named, if one is), else the first it held; with no
    predecessor named, the post someone else left last. When the predecessor of "B menggantikan A"
    left none, A held the post B holds."""
    successor = person_named(s.successor.person.name, persons) if s.successor.person else None
    before = person_named(s.predecessor, persons) if s.predecessor else None
    if successor is None or s.predecessor and before in (None, successor):
        return []
    theirs = [h for h in held if (h.person == before if before else h.person != successor)
              and (s.body is None or h.organization == orgs.get(s.body))]
    left = [h for h in theirs if h.status in _LEFT] or (theirs[:1] if before and not s.active else [])
    if left:
        taken = replace(left[-1], person=successor, sentence=sentence, status=HoldingStatus.INCOMING)
    elif before and (now := [h for h in held if h.person == successor and h.status not in _LEFT]):
        taken = replace(now[-1], person=before, sentence=sentence, status=HoldingStatus.FORMER)
    else:
        return []
    same = (taken.person, taken.role, taken.organization)
    return [] if any((h.person, h.role, h.organization) == same for h in held) else [taken]


def _collectives(parsed: list[Parsed]) -> list[Collective]:
    """Make one collective per group name, with the largest count the article gives."""
    found: dict[str, Collective] = {}
    for c in (c for p in parsed for c in p.chunks):
        label = c.label if c.kind == ChunkKind.COLLECTIVE else (c.title.collective if c.title else None)
        if label:
            old = found.get(fold(label))
            count = max([n for n in (c.count, old.count if old else None) if n], default=None)
            found[fold(label)] = Collective(fold(label), label, (), count)
    return sorted(found.values(), key=lambda c: c.key)


def _events(parsed: list[Parsed], groups: list[EventGroup], dates: list, places: Places
            ) -> list[EventFact]:
    """Make an EventFact of every event group, with dates, place and evidence.

    A dated event is keyed by its kind, first day and region, so that two outlets' reports
    of one declaration are one event; an undated one stays its article's own.
    """
    facts = []
    for g in groups:
        days, texts = event_dates(g, parsed, dates) if g.kind != EventKind.ELECTION else ([], [])
        values = tuple(sorted({d.value for d in days if d.value}))
        venue = event_place(g, parsed) if g.kind != EventKind.ELECTION else None
        key = f"{g.kind.lower()}:{values[0].isoformat()}@{places.home or ''}" if values else g.key
        facts.append(EventFact(
            key, g.label, g.kind, tuple(parsed[n].sentence for n in g.sentences), values,
            tuple(texts), places.key_of(venue) if venue else None))
    return facts


def _takings(parsed: list[Parsed]) -> list[Taking]:
    """Find who took part, sentence by sentence, remembering the last person for pronouns."""
    takings: list[Taking] = []
    last, listing = None, False
    lead = next((n for n, p in enumerate(parsed) if p.chunks), 0)
    for n, p in enumerate(parsed):
        here = present(n, p) or listed_on(n, p, listing)
        listing = bool(here) or announces(p)
        here += hosts(n, p, n == lead) + speakers(n, p, last) + subjects(n, p) + titled_at_event(n, p) \
            + companions(n, p)
        if not elsewhere(p):
            takings += here + along(n, p, here)
        last = next((c for c in reversed(p.chunks) if c.kind == ChunkKind.PERSON), last)
    return takings


def _through_officials(attendances: list[Attendance], holdings: list[Holding], inaugurations: set[str],
                       sworn: list[tuple[str, Sentence]]) -> list[Attendance]:
    """Let an institution take part where its official does, in the official's own words.

    "Hadir Kapolres Bantaeng AKBP A, Dandim 1410 B": the Polres and the Kodim attend through
    their commanders (the representative's body likewise); a former post speaks for no one,
    and an official sworn in at an inauguration (`_sworn`) is there in person, for no body.
    """
    posts: dict[str, dict[str, Holding]] = {}  # one holding per person and body is enough
    for h in holdings:
        if h.status in {HoldingStatus.CURRENT, HoldingStatus.INCOMING}:
            posts.setdefault(h.person, {}).setdefault(h.organization, h)
    present, in_person = {(a.participant, a.event) for a in attendances}, set(sworn)
    out = []
    for a in attendances:
        if a.event in inaugurations and (a.participant, a.sentence) in in_person:
            continue
        for h in posts.get(a.participant, {}).values() if a.kind == Kind.PERSON else []:
            if (h.organization, a.event) not in present and h.sentence == a.sentence:
                present.add((h.organization, a.event))
                out.append(Attendance(h.organization, Kind.ORGANIZATION, a.event, ParticipationRole.ATTENDEE,
                                      a.sentence))
    return out


def _sworn_in(sworn: list[tuple[str, Sentence]], handed: list[tuple[str, Sentence]], groups: list[EventGroup],
              main: EventGroup | None, event_keys: dict[str, str]) -> list[Attendance]:
    """Let the officials a report swears in take part in its inauguration.

    "- Budi: dari Kepala Dinas A menjadi Kepala Dinas B", under "Bupati melantik sepuluh
    pejabat": the list names those sworn in, though no verb of its lines says so. With no
    inauguration reported, the two holders of a post `handed` over take part in the report's main
    event: "Pangdam memimpin upacara ...: Kasdam dari A ke B".
    """
    event = next((g for g in groups if g.kind == EventKind.INAUGURATION), None)
    if event is None:
        event, sworn = main, handed
    if event is None:
        return []
    return [Attendance(person, Kind.PERSON, event_keys[event.key], ParticipationRole.ATTENDEE, sentence)
            for person, sentence in sworn]


def _sworn(parsed: list[Parsed], persons: dict[str, str], holdings: list[Holding]
           ) -> list[tuple[str, Sentence]]:
    """Return the officials an inauguration's report swears in, each with its sentence: those a
    sentence moves from one post to another (`_moves`), hands a post between (`_handovers`) or
    gives a post taken up (`_incoming`), those it names before their post with a linking word
    ("A sebagai Kepala Dinas X, B sebagai Kepala Badan Y"), and those it lists after a passive verb of inauguration ("yang dilantik
    adalah Kepala Dinas X A; ...")."""
    sworn = dict.fromkeys(_moves(holdings) + _handovers(holdings) + _incoming(holdings))
    listed = False  # in the items of a list a sentence announces: "Nama yang dilantik:"
    for p in parsed:
        words = p.words()
        listed = listed and bool(_LIST_ITEM.match(p.sentence.text))
        for q in p.pairs:
            linked = links("link") & set(words[q.person.j:max(q.person.j, q.title.i)])
            replaced = q.person.i > 0 and words[q.person.i - 1] in links("replacing")  # "menggantikan B sebagai ..."
            if q.person.person and (linked or listed or _after_passive_oath(words[:min(q.person.i, q.title.i)])) \
                    and not replaced:
                sworn[persons[fold(q.person.person.name)], p.sentence] = None
        listed = listed or (words[-1:] == [":"] and _after_passive_oath(words))
    return list(sworn)


# A list's item: a line opened by a dash, a bullet or a number ("- Nama – Kepala Kampung X", "2. Nama").
_LIST_ITEM = re.compile(r"\s*(?:[-–•*]|\d{1,3}[.)])\s")


def _after_passive_oath(words: list[str]) -> bool:
    """Say whether words (in lower case) hold a passive verb of inauguration with no agent ("oleh")
    after it: "Pejabat yang dilantik adalah Kepala Dinas X A" (but "dilantik oleh Bupati B")."""
    events = load().events
    passive = [k for k, w in enumerate(words) if w.startswith("di") and w in events
               and events[w][0] == EventKind.INAUGURATION]
    return bool(passive) and "oleh" not in words[passive[-1]:]


def _moves(holdings: list[Holding]) -> list[tuple[str, Sentence]]:
    """Return the persons a sentence gives two posts, each with that sentence: a move ("dari A
    menjadi B") or a second office ("A menjadi Pjs B")."""
    posts: dict[tuple[str, Sentence], set[tuple[str, str]]] = {}
    for h in holdings:
        posts.setdefault((h.person, h.sentence), set()).add((h.role, h.organization))
    return [key for key, held in posts.items() if len(held) > 1]


def _incoming(holdings: list[Holding]) -> list[tuple[str, Sentence]]:
    """Return the persons a sentence gives a post they take up, each with that sentence: "posisi
    yang ditinggalkan A diisi oleh B", where A is named in an earlier sentence."""
    return [(h.person, h.sentence) for h in holdings if h.status == HoldingStatus.INCOMING]


def _handovers(holdings: list[Holding]) -> list[tuple[str, Sentence]]:
    """Return the persons a sentence hands a post between, each with that sentence: "Kapolres X
    A digantikan oleh B", "Kasdam dari A ke B": the outgoing and the incoming holder."""
    sides: dict[tuple[str, str, Sentence], dict[HoldingStatus, list[str]]] = {}
    for h in holdings:
        if h.status in {HoldingStatus.OUTGOING, HoldingStatus.INCOMING}:
            sides.setdefault((h.role, h.organization, h.sentence), {}).setdefault(h.status, []).append(h.person)
    return [(person, sentence) for (_, _, sentence), by in sides.items() if len(by) == 2
            for persons in by.values() for person in persons]


def _target(n: int, groups: list[EventGroup], main: EventGroup) -> EventGroup:
    """Return the event a sentence speaks of: its own non-election event, else the main one."""
    own = [g for g in groups if n in g.sentences and g.kind != EventKind.ELECTION]
    return own[0] if own else main


def _participant(c: Chunk, persons: dict[str, str], orgs: dict[OrgRef, str]) -> tuple[str, Kind]:
    """Return (key, kind) of a participating chunk."""
    if c.kind == ChunkKind.PERSON and c.person:
        return persons[fold(c.person.name)], Kind.PERSON
    if c.kind == ChunkKind.ORGANIZATION and c.org:
        return orgs[c.org], Kind.ORGANIZATION
    if c.kind == ChunkKind.TITLE and c.title and c.title.org:
        return orgs[c.title.org], Kind.ORGANIZATION  # an official present without a name
    return fold(c.label or c.text), Kind.COLLECTIVE


def _unplaced(orgs: list[Organization], keys: dict[OrgRef, str]) -> set[str]:
    """Return the bodies of a region that the report names with no region or number anywhere,
    serving its own region only by default: "Kepala Kejaksaan Negeri" in a list of those
    present. ANNOTATION.md makes a title with no region no entry; a national body ("Menteri
    Desa", "Kemenhan RI") is one body, and an official present without a name stands for it."""
    written = {key for ref, key in keys.items() if ref.area}
    # `resolve_orgs` gives a national body ("... RI") the area "ri"
    return {o.key for o in orgs if o.area and o.area != "ri" and o.key not in written}


def extract(article: Article, mentions_wanted: bool = False, recogniser: bool = True,
            parsed_article: ParsedArticle | None = None) -> Extraction:
    """Extract everything the article reports; its mentions too when wanted (`kg extract`).
    Without the recogniser, the rules alone find the names. `parsed_article`, when given, is
    its parse (`kg.extract.batch` parses many articles together)."""
    pa = parsed_article or parse_article(article, mentions_wanted, recogniser)
    parsed, dates, home = pa.sentences, pa.dates, pa.home
    credits = bylines(article)
    people, person_keys = resolve_persons(
        [c.person for p in parsed for c in p.of_kind(ChunkKind.PERSON) if c.person] +
        [name for name, _ in credits])
    definitions = [(r.base, other) for r in _org_refs(parsed) for other in r.names]
    orgs, org_keys = resolve_orgs(_org_refs(parsed), definitions, home)
    places = Places(article, parsed, home, orgs)
    groups = group_events(article.id, parsed)
    main = main_event(groups, parsed)
    takings = _takings(parsed)
    # Speakers alone make a statement, not an event; someone present or hosting makes one.
    if main is None and any(t.role != ParticipationRole.SPEAKER for t in takings):
        main = activity(article.id, article.title, parsed)
        groups.append(main)
    events = _events(parsed, groups, dates, places)
    event_keys = {g.key: e.key for g, e in zip(groups, events, strict=True)}
    attendances = []
    unplaced = _unplaced(orgs, org_keys)
    # "A, saat dikonfirmasi, membenarkan ...": A's words after, "kata A", were given there too.
    away = {person_keys[fold(c.person.name)] for p in parsed if elsewhere(p)
            for c in p.of_kind(ChunkKind.PERSON) if c.person}
    if main:
        for t in takings:
            key, kind = _participant(t.chunk, person_keys, org_keys)
            if t.chunk.kind == ChunkKind.TITLE and key in unplaced:
                continue  # "dihadiri Kepala Kejaksaan Negeri, Ketua DPRD": no one body named
            if t.role == ParticipationRole.SPEAKER and key in away:
                continue
            event = event_keys[_target(t.sentence, groups, main).key]
            attendances.append(Attendance(key, kind, event, t.role, parsed[t.sentence].sentence))
    holdings = _holdings(parsed, person_keys, org_keys)
    inaugurations = {event_keys[g.key] for g in groups if g.kind == EventKind.INAUGURATION}
    sworn = _sworn(parsed, person_keys, holdings)
    attendances += _through_officials(attendances, holdings, inaugurations, sworn)
    attendances += _sworn_in(sworn, _handovers(holdings), groups, main, event_keys)
    return Extraction(
        article=article,
        sentences=tuple(p.sentence for p in parsed),
        mentions=tuple(mentions(parsed, dates, pa.model, article.body_start)
                       if mentions_wanted else ()),
        persons=tuple(people),
        organizations=tuple(orgs),
        places=tuple(places.all()),
        holdings=tuple(holdings),
        events=tuple(events),
        attendances=tuple(dict.fromkeys(attendances)),
        collectives=tuple(_collectives(parsed)),
        bylines=tuple(dict.fromkeys(Byline(person_keys[fold(n.name)], role) for n, role in credits)),
        dateline=places.dateline,
        reported=(reported := reference_date(article)),
        reported_month=None if reported else reference_month(article),
    )
