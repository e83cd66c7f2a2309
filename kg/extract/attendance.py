"""Who took part in an event: those listed as present, the speakers, and the hosts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.extract.chunks import Chunk
from kg.extract.context import in_document_title, links
from kg.extract.holdings import contested
from kg.extract.parsed import Parsed
from kg.lexicons import load
from kg.vocab import ChunkKind, EventKind, HoldingStatus, Kind, ParticipationRole

_QUOTES = frozenset({'"', "“", "”"})  # the marks that open or close a quote


@dataclass(frozen=True)
class Taking:
    """A chunk that took part in the event of a sentence, and how."""

    sentence: int
    chunk: Chunk
    role: ParticipationRole


def _effects(p: Parsed) -> dict[int, str]:
    """Map token indexes of presence and organiser words to their effect; a negated one has none
    ("Mereka yang tidak hadir, A, B": those named were not there), and a word of standing in
    before a document stands in for no one ("melalui surat dari DPC" is no representative).
    The map is shared: not to be changed."""
    return _effects_of(p.lowered)


@lru_cache(maxsize=256)
def _effects_of(words: tuple[str, ...]) -> dict[int, str]:
    """Map a sentence's words in lower case as `_effects` says (made once a sentence: seven
    readers of a sentence ask for it, one after the other)."""
    lex = load()
    effects = {i: lex.presence[w] for i, w in enumerate(words) if w in lex.presence and not (
        lex.presence[w] == "represented" and words[i + 1:i + 2] and words[i + 1].capitalize() in lex.documents)}
    return {i: e for i, e in effects.items() if e != "not" and effects.get(i - 1) != "not"}


def _participants(p: Parsed) -> list[Chunk]:
    """Return the chunks that can take part: persons, organisations (alone) and groups."""
    return p.of_kind(ChunkKind.PERSON, ChunkKind.ORGANIZATION, ChunkKind.COLLECTIVE)


def present(n: int, p: Parsed, listed: bool = False) -> list[Taking]:
    """Take those named in a sentence that says who was present ("hadir", "dihadiri").

    "Bupati X diwakili oleh Asisten I, Nama": the one represented did not attend. `listed`: the
    sentence goes on with a list of those present that the previous one began.
    """
    effects = _effects(p)
    marks = sorted(i for i, e in effects.items() if e == "represented")
    listed = listed or "attend" in effects.values()
    if not listed and not marks:
        return []
    if listed:
        # "hadir Ketua DPRD A, Kapolres yang diwakili oleh Kasat B, ...": only the one named
        # right before each "diwakili" stayed away; the rest of the list came.
        absent, before = _represented(p, marks), None
    else:  # "Bupati X diwakili oleh Asisten I, Nama": all before it stayed away.
        before = marks[0]
        absent = {c.i for c in _participants(p) if c.j <= before}
    # "A dilantik menjadi Kajari X menggantikan B": the one replaced is named, not present.
    absent |= {c.i for c in _participants(p) if p.ctx.word(c.i - 1).lower() in links("replacing")}
    # "Kejari X menahan A berdasarkan putusan Pengadilan Y": a clause the verb does not govern.
    absent |= _subordinate(p, effects) | _quoted(p, effects)
    # "didampingi A dari Partai X": the party is A's own, no party to the event.
    absent |= {c.i for c in _participants(p) if effects.get(c.i - 1) == "member"
               and any(d.j == c.i - 1 and d.kind == ChunkKind.PERSON for d in p.chunks)}
    # "dihadiri ... di Setda X", "meninjau ... ke Kejari Y", "di aula lantai II Setda Z": a body
    # named as the place is no party.
    site = load().place_words["site"]
    absent |= {c.i for c in p.of_kind(ChunkKind.ORGANIZATION)
               if p.ctx.word(c.i - 1).lower() in site or _in_venue(p, c)}
    # "dihadiri Ketua DKPP, ketua dan anggota Bawaslu Kota Bitung": a body whose officials are
    # present with no name given attends through them; not a post given ("dilantik menjadi Kadis X").
    held = {q.title.i for q in p.pairs}
    unnamed = [c for c in p.of_kind(ChunkKind.TITLE) if c.title and c.title.org and c.i not in held
               and not (before is not None and c.j <= before)
               and p.ctx.word(c.i - 1).lower() not in links("link")
               and not in_passing(p, c)]
    return [Taking(n, c, ParticipationRole.ATTENDEE) for c in _participants(p) + unnamed if c.i not in absent]


def _in_venue(p: Parsed, c: Chunk) -> bool:
    """Say whether a body names the building a venue lies in: "di aula lantai II Setda X", "di
    Ruang Rapat Utama, Sekretariat Daerah": "di" or "ke" within the six words before it, and
    between them venue words, with names, numbers and commas only (not "di lapangan 1 peleton
    TNI": those on the ground)."""
    lex, venue = load(), False
    for k in range(c.i - 1, max(c.i - 7, -1), -1):
        word = p.ctx.word(k)
        if word.lower() in lex.place_words["site"]:
            return venue
        if word.capitalize() in lex.venues:
            venue = True
        elif not (p.ctx.cap(k) or word == ","):
            return False
    return False


def _quoted(p: Parsed, effects: dict[int, str]) -> set[int]:
    """Return the chunks inside a quote when every word of presence follows it: '"Semoga
    sinergi Pemda, Polri dan TNI terjaga," ujar Bupati, didampingi Wakil Bupati A'."""
    close = _quote_end(p)
    governing = _governing(effects)
    if close < 0 or not governing or min(governing) < close:
        return set()
    return {c.i for c in p.chunks if c.j <= close}


def _governing(effects: dict[int, str]) -> list[int]:
    """Return the indexes of a sentence's words of presence or of standing in, in order."""
    return sorted(k for k, e in effects.items() if e == "attend" or e == "represented")


def _quote_end(p: Parsed) -> int:
    """Return the index of the sentence's last quotation mark, -1 if it has none: what comes
    before it was said, or goes on a quote from the sentences before."""
    return max((k for k, t in enumerate(p.ctx.tokens) if t.text in _QUOTES), default=-1)


def _subordinate(p: Parsed, effects: dict[int, str]) -> set[int]:
    """Return the chunks named in a clause of cause, basis, condition, aim or time (presence.tsv)
    that opens after the sentence's last word of presence before them: "Kejari X menahan dua
    tersangka berdasarkan putusan Pengadilan Y", "melantik ulang ... karena belum ada
    persetujuan dari Badan Z"."""
    governing = _governing(effects)
    clauses = sorted(k for k, e in effects.items() if e == "clause")
    out = set()
    for c in p.chunks:
        before = [k for k in governing if k < c.i]
        if before and any(before[-1] < k < c.i for k in clauses):
            out.add(c.i)
    return out


def _represented(p: Parsed, marks: list[int]) -> set[int]:
    """Return the persons someone else stood in for: each the last named before a "diwakili",
    with its own title between but no word of presence."""
    titles = {q.person.i: q.title.j for q in p.pairs}
    attend = [k for k, e in _effects(p).items() if e == "attend"]
    out = set()
    for mark in marks:
        before = [c for c in p.chunks if c.j <= mark]
        if before and before[-1].kind == ChunkKind.TITLE and before[-1].j in titles.values():
            before = before[:-1]  # "Kapolres, AKBP A, Kapolres X" ends with the person's own title
        # "didampingi A, juga dihadiri pihak eksekutif, diwakili B": A came; the executive sent B
        if before and before[-1].kind == ChunkKind.PERSON and not any(before[-1].j <= k < mark for k in attend):
            out.add(before[-1].i)
    return out


def announces(p: Parsed) -> bool:
    """Say whether a sentence says that some were present, naming them in the next: "Rapat
    dihadiri oleh berbagai pihak. Di antaranya, A, B, ..."."""
    return "attend" in _effects(p).values()


def companions(n: int, p: Parsed) -> list[Taking]:
    """Take those listed right after a word of company that follows the sentence's event:
    "Pj Gubernur memimpin rapat koordinasi bersama Forkopimda dan perangkat daerah"; a body
    whose official is listed without a name takes part ("rapat bersama Forkopimda, Ketua DPRD
    X, Dandim Y dan Kejari")."""
    events = [c for c in p.of_kind(ChunkKind.EVENT) if c.event and c.event.kind != EventKind.ELECTION]
    starts = [k for k, e in _effects(p).items() if e == "with" and events and events[0].j <= k]
    if not starts:
        return []
    return [Taking(n, c, ParticipationRole.ATTENDEE) for c in _listed_from(p, starts[0] + 1)]


def _listed_from(p: Parsed, k: int) -> list[Chunk]:
    """Return those listed from token k on, joined by list glue and words of company ("jajaran",
    "unsur"): persons, bodies, groups, and the bodies of officials listed without a name."""
    lex = load()
    glue, taken = lex.glue["list"] | lex.fillers["company"], []
    held = {q.title.i for q in p.pairs}
    for c in p.of_kind(ChunkKind.PERSON, ChunkKind.ORGANIZATION, ChunkKind.COLLECTIVE, ChunkKind.TITLE):
        if c.i < k:
            continue
        if c.i != k and not all(p.ctx.word(m).lower() in glue for m in range(k, c.i)):
            break
        if c.kind != ChunkKind.TITLE or (c.title and c.title.org and c.i not in held):
            taken.append(c)
        k = c.j
    return taken


def along(n: int, p: Parsed, taken: list[Taking]) -> list[Taking]:
    """Take those listed right after a word of company that follows one who took part:
    "Pemprov A bersama unsur Forkopimda meninjau ...", "Ketua KPU X, B, bersama Pemprov X ..."."""
    effects, out = _effects(p), list[Taking]()
    for t in taken:
        k = max([t.chunk.j, *(q.title.j for q in p.pairs if q.person.i == t.chunk.i)])
        while p.ctx.word(k) == ",":
            k += 1
        if effects.get(k) == "with":
            out += [Taking(n, c, ParticipationRole.ATTENDEE) for c in _listed_from(p, k + 1)]
    return out


def listed_on(n: int, p: Parsed, after_list: bool) -> list[Taking]:
    """Take those a sentence only lists, right after a sentence of those present: "Hadir A
    (Ketua Bawaslu), B (Anggota Bawaslu). Kemudian C (Kapolda), D (Danrem), Kabinda."."""
    if not after_list or not _bare_list(p):
        return []
    return present(n, p, listed=True)


def _bare_list(p: Parsed) -> bool:
    """Say whether a sentence is a bare list: named chunks joined by commas and "dan", opened at
    most by a word that carries a list on ("Kemudian", "Selanjutnya")."""
    inside = {k for c in p.chunks for k in range(c.i, c.j)}
    rest = [t.text.lower() for k, t in enumerate(p.ctx.tokens) if k not in inside and k not in p.ctx.blocked]
    named = p.of_kind(ChunkKind.PERSON, ChunkKind.ORGANIZATION, ChunkKind.TITLE)
    glue, presence = load().glue["roll"], load().presence
    rest = _without_phrases(rest, _continuing_phrases())
    if "lainnya" in rest:  # "..., dan jabatan penting lainnya." closes the list
        rest = rest[:rest.index("lainnya")]
        rest = rest[:max((k for k, w in enumerate(rest) if w in glue and w.isalpha()), default=len(rest))]
    return len(named) >= 2 and all(w in glue or presence.get(w) == "continue" for w in rest)


@cache
def _continuing_phrases() -> tuple[list[str], ...]:
    """Return the phrases that carry a list on, as words: "di antaranya", "antara lain"."""
    return tuple(form.split() for form, effect in load().presence.items() if effect == "continue" and " " in form)


def _without_phrases(words: list[str], phrases: tuple[list[str], ...]) -> list[str]:
    """Drop every run of words that is one of the phrases: "di antaranya", "antara lain"."""
    out, k = [], 0
    while k < len(words):
        found = next((len(ph) for ph in phrases if words[k:k + len(ph)] == ph), 0)
        if found:
            k += found
        else:
            out.append(words[k])
            k += 1
    return out


def titled_at_event(n: int, p: Parsed) -> list[Taking]:
    """Take the officials a sentence names with their titles beside its event: "Pelantikan
    Kepala Dinas A, Nama, berlangsung ..."; an election is no gathering."""
    # A sentence that says who was present, or represented, is read by `present` (words that
    # carry a list on, name those with the event, "bersama ...", open a clause, or tie a body to a
    # member say neither).
    if any(e != "continue" and e != "with" and e != "clause" and e != "member"
           for e in _effects(p).values()) or not any(
            c.event and c.event.kind != EventKind.ELECTION for c in p.of_kind(ChunkKind.EVENT)):
        return []
    # "Pisah sambut Danlanal: A digantikan oleh B": both sides of a handover are there.
    holding = {HoldingStatus.CURRENT, HoldingStatus.OUTGOING, HoldingStatus.INCOMING}
    held = {q.person.i for q in p.pairs if q.status in holding}
    return [Taking(n, c, ParticipationRole.ATTENDEE) for c in p.of_kind(ChunkKind.PERSON) if c.i in held]


def subjects(n: int, p: Parsed) -> list[Taking]:
    """Take the person right before a verb of taking part, or of holding an event, and those listed
    with that person: "Kapolda X memimpin upacara", "Bupati A dan Wakil Bupati B memimpin apel",
    "Kapolda X, Irjen Pol A, mengadakan pertemuan"."""
    verbs = {k for k, e in _effects(p).items() if _acting(e)}
    taken = [c for c in p.of_kind(ChunkKind.PERSON) if verbs and not verbs.isdisjoint(_clause_after(p, c))]
    return [Taking(n, c, ParticipationRole.ATTENDEE) for c in taken + _listed_before(p, taken)]


def _acting(effect: str | None) -> bool:
    """Say whether a word's effect makes the person right before it take part: a verb of taking
    part ("memimpin") or of holding an event ("mengadakan")."""
    return effect == "subject" or effect == "organizer-before"


def _listed_before(p: Parsed, taken: list[Chunk]) -> list[Chunk]:
    """Return the persons listed right before those taken, with their titles, joined by list glue:
    "Gubernur A, Kapolda B dan Pangdam C memimpin ...": the subject is all of them."""
    glue, out = load().glue["list"], list[Chunk]()
    for c in taken:
        n = p.chunks.index(c)
        while n > 0 and p.chunks[n - 1].kind in (ChunkKind.PERSON, ChunkKind.TITLE) and \
                {p.ctx.word(k).lower() for k in range(p.chunks[n - 1].j, p.chunks[n].i)} <= glue:
            n -= 1
            if p.chunks[n].kind == ChunkKind.PERSON and p.chunks[n] not in taken + out:
                out.append(p.chunks[n])
    return out


def _clause_after(p: Parsed, c: Chunk) -> range:
    """Return the token indexes after a person (and the title paired with it) up to the next
    person or the sentence's end: "X, yang ditemui di sela pemantauan, menyebutkan"."""
    end = max([c.j, *(q.title.j for q in p.pairs if q.person.i == c.i)])
    stop = min([d.i for d in p.of_kind(ChunkKind.PERSON, ChunkKind.NAME, ChunkKind.TITLE) if d.i >= end] +
               [len(p.ctx.tokens), end + 12])
    return range(end, stop)


def hosts(n: int, p: Parsed, lead: bool) -> list[Taking]:
    """Take the bodies that held the event: "X menggelar ...", "digelar oleh X", a lead's subject.

    Lead: "Bawaslu dan Kejari OKU Selatan terus mendorong ASN ...": the subject of a report's
    first sentence is its actor.
    """
    effects = _effects(p)
    before = min((i for i, e in effects.items() if e == "organizer-before"), default=None)
    after = min((i for i, e in effects.items() if e == "organizer-after"), default=None)
    subject_end = _subject_end(p) if lead else None
    taken: list[Taking] = []
    for c in p.of_kind(ChunkKind.ORGANIZATION, ChunkKind.COLLECTIVE):
        by_verb = before is not None and c.j <= before and _only_glue(p, c.j, before)
        # "digelar oleh Polres Lahat dan Kejari Lahat": the agent and those listed with it.
        start = taken[-1].chunk.j if taken and after is not None and c.i > after else \
            (after + 1 if after is not None else 0)
        by_agent = after is not None and c.i > after and _only_glue(p, start, c.i)
        in_lead = c.kind == ChunkKind.ORGANIZATION and subject_end is not None and c.j <= subject_end
        if by_verb or by_agent or in_lead:
            taken.append(Taking(n, c, ParticipationRole.ORGANIZER))
    return taken


def _only_glue(p: Parsed, i: int, j: int) -> bool:
    """Say whether tokens [i, j) are list glue and adverbs only ("dan", ",", "terus")."""
    lex = load()
    allowed = lex.glue["hosts"] | lex.fillers["host"]
    return all(p.ctx.word(k).lower() in allowed or k in p.ctx.blocked for k in range(i, j))


def _subject_end(p: Parsed) -> int:
    """Return where a lead sentence's subject ends: its first lower-case word outside a chunk."""
    inside = {k for c in p.chunks for k in range(c.i, c.j)}
    glue = load().glue["hosts"]
    for k, token in enumerate(p.ctx.tokens):
        if k in inside or k in p.ctx.blocked or token.text.lower() in glue:
            continue
        if token.is_word and token.text[0].islower():
            return k
    return len(p.ctx.tokens)


def speakers(n: int, p: Parsed, last_person: Chunk | None) -> list[Taking]:
    """Take the persons who speak: "X mengatakan", "X, dalam sambutannya", '"...," ujarnya'."""
    speech, words = load().speech, p.lowered
    taken = []
    persons = p.of_kind(ChunkKind.PERSON)
    for c in persons:
        window = [words[k] for k in _clause_after(p, c)]
        start = min([c.i, *(q.title.i for q in p.pairs if q.person.i == c.i)])
        before = words[max(start - 1, 0):start]  # "Menurut Kapolres Lahat, AKBP Yoga, ..."
        if not _speech_words("before").isdisjoint(window) or not _speech_words("after").isdisjoint(before):
            taken.append(Taking(n, c, ParticipationRole.SPEAKER))
    tag = not _speech_words("tag").isdisjoint(words)
    pronoun = bool(words) and words[0] in load().anaphora[Kind.PERSON] and \
        any(speech.get(w) for w in words[1:3])
    if (tag or pronoun) and not taken:
        # '"... A dan B ...," paparnya': those named inside the quote did not say it
        close = _quote_end(p)
        outside = [c for c in persons if c.i > close]
        speaker = outside[-1] if outside and tag else last_person
        if speaker is not None:
            taken.append(Taking(n, speaker, ParticipationRole.SPEAKER))
    return taken


@cache
def _speech_words(kind: str) -> frozenset[str]:
    """Return the words of speech of one kind (kg/lexicons/speech.tsv): "tag", "elsewhere"."""
    return frozenset(w for w, k in load().speech.items() if k == kind)


def in_passing(p: Parsed, c: Chunk) -> bool:
    """Say whether a title no one holds here names its body only in passing: an office
    contested (`kg.extract.holdings.contested`), or the author of a document ("Keputusan Menteri Dalam Negeri
    Nomor ...", "Keputusan Bersama Menteri A, Menteri B"), which ANNOTATION.md leaves out."""
    return not any(q.title.i == c.i for q in p.pairs) and (contested(p.ctx, p.chunks, c) or _authors(p, c)
                                                            or _placeless(c))


def _placeless(c: Chunk) -> bool:
    """Say whether a title no one holds carries the office of its field that each region has,
    written with no region ("Karo Hukum", "Kadis Pertanian"): as "para Kapolres", it names no
    one body (home_levels.tsv: only a holder named shows the report's own)."""
    role = load().roles.get(c.title.written) if c.title else None
    if not (role and role.carries and "{rest}" in role.carries and c.title and c.title.org
            and c.title.org.area is None):
        return False
    return load().home_levels.get(role.carries.split(" {")[0], ((), ""))[1] == "named"


def _authors(p: Parsed, c: Chunk) -> bool:
    """Say whether a title stands in a document's title ("keputusan Menteri ..." too), or
    joins one that does."""
    if in_document_title(p.ctx, c.i) or p.ctx.word(c.i - 1).capitalize() in load().documents:
        return True
    return _listed_after(p, c, _authors)


def _listed_after(p: Parsed, c: Chunk, test: Callable[[Parsed, Chunk], bool]) -> bool:
    """Say whether a title follows another in a list ("A, B serta C") that passes the test."""
    n = p.chunks.index(c)
    return n > 0 and p.chunks[n - 1].kind == ChunkKind.TITLE and all(
        p.ctx.word(j).lower() in load().glue["list"] for j in range(p.chunks[n - 1].j, c.i)) \
        and test(p, p.chunks[n - 1])


def elsewhere(p: Parsed) -> bool:
    """Say whether a sentence reports words given away from the event: "..., kata Kapolres saat
    dikonfirmasi melalui telepon": those it names took part in no gathering there."""
    return not _speech_words("elsewhere").isdisjoint(p.lowered)
