"""Pair role titles with the persons who hold them, for each construction the news uses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from kg.extract.chunks import Chunk, OrgRef, TitleRef
from kg.extract.context import Context, links
from kg.extract.institutions import body_forms
from kg.lexicons import Role, load
from kg.nlp.vocabulary import is_plain, is_verb, is_vocabulary, name_shaped
from kg.vocab import ChunkKind, EventKind, HoldingStatus, Kind

_PEOPLE = {ChunkKind.PERSON, ChunkKind.NAME}


def _holder(c: Chunk) -> bool:
    """Say whether a chunk can hold a title: a person, or a run written like a name.

    "Bupati Pringsewu Sujadi. Kemudian, ...": "Kemudian" is a word of the language, not a holder.
    """
    return c.kind == ChunkKind.PERSON and "evidence" in c.tags or bool(
        c.kind in _PEOPLE and c.person and name_shaped(c.person.name))


@dataclass(frozen=True)
class Pair:
    """A person chunk and the title chunk it holds, with the holding's status."""

    person: Chunk
    title: Chunk
    status: HoldingStatus = HoldingStatus.CURRENT


def _gap(ctx: Context, a: Chunk, b: Chunk) -> list[str]:
    """Return the words between two chunks, in lower case."""
    return [t.text.lower() for t in ctx.tokens[a.j:b.i]]  # both chunks' ends lie in the sentence


def _title_then_person(ctx: Context, t: Chunk, p: Chunk) -> HoldingStatus | None:
    """Title, then its holder: "Kepala X, Nama", "Kepala X Nama", "Kepala X (Nama".

    Sentence: "Kepala Kejaksaan Negeri OKI, Hendri Hanafi SH MH menyampaikan"; with
    "sebelumnya" the holder is a former one: "Ketua KONI sebelumnya, Agus Mulyadi".
    """
    gap = _gap(ctx, t, p)
    if gap == [] and p.person and not p.tags and is_plain(p.person.name) and not _named_after_region(ctx, t, p):
        return None  # "Kepala Dinas Kesehatan Hewan": the field ran on, no holder follows
    if gap in ([], [","], ["("], [":"]):
        return _status(ctx, t, [])
    if " ".join(gap) in links("present") and _holder(p):
        return HoldingStatus.CURRENT  # "Kepala Dishub saat ini A"
    # "Ketua KPU Poso periode sebelumnya, Nama"; "Camat X yang baru, Nama"; "Gubernur Sulteng
    # periode 2021–2024 Nama".
    words = [w for w in gap if w != "," and not _years(w)]
    between = links("qualifying") | links("former") | links("new")
    dated = len(words) < len(gap) and _holder(p)
    ranked = "evidence" in p.tags  # "Kapolda lama Irjen Pol Nama": a rank ends the title
    if (gap[-1:] == [","] or dated or ranked) and words and set(words) <= between:
        return HoldingStatus.FORMER if links("former") & set(words) else HoldingStatus.CURRENT
    return None


def _quoted(ctx: Context, p: Chunk) -> bool:
    """Say whether words of the language after a title's colon open what the holder said, as a
    headline writes it ("Walikota: Semangat Baru di Tahun Ini"), not a list's holder ("Ketua:
    Nova, Sekretaris: ..."): no rank or degree, and the line goes on past them."""
    return bool(p.person and not p.tags and is_plain(p.person.name)) \
        and ctx.word(p.j) not in load().glue["list"] | {".", ",", ";", ""}


def _named_after_region(ctx: Context, t: Chunk, p: Chunk) -> bool:
    """Say whether words of the language right after a title that ends with its region are a
    name: "Wakil Bupati Donggala Taufik Burhan, ...": no field runs on after the region, and the
    name ends where the item does."""
    area = t.title.org.area if t.title and t.title.org else None
    # one word may be a name too ("Kajati Riau Akmal, ..."), not a verb or a word that links a title
    return bool(area and p.person and (len(p.person.name.split()) > 1 or not (
        is_verb(p.person.name) or p.person.name.lower() in load().links))
                and not _gap(ctx, t, p) and ctx.span(t.i, t.j).endswith(area.written)
                and ctx.word(p.j) in load().glue["list"] | {".", ""})


def _years(word: str) -> bool:
    """Say whether a word is a year or the dash of a term's years: "2021", "–"."""
    return (word.isdigit() and len(word) == 4) or word in {"-", "–", "/"}


def _term_years(word: str) -> bool:
    """Say whether a word is a term's years, or part of them: "2021-2025", "2021", "–"."""
    return _years(word) or word.replace("-", "").isdigit()


_DASHES = frozenset({"–", "—", "-"})
_DATELINE = frozenset({",", "|"})  # before an outlet's name and its dash: "Merauke, OUTLET – Bupati ..."


def _person_then_title(ctx: Context, p: Chunk, t: Chunk) -> HoldingStatus | None:
    """Holder, then the title: "Nama, Ketua KPU Kota X," or "Nama dilantik sebagai Pj Bupati"."""
    gap = [w for w in _gap(ctx, p, t) if w not in {",", ":"}]
    if len(gap) == 1 and gap[0] in _DASHES and ctx.word(p.j) in _DASHES and ctx.word(p.i - 1) not in _DATELINE:
        return _status(ctx, t, [])  # "- Nama – Kepala Kampung X": a list's item, name first
    if not gap:
        # "Rudi, SH anggota DPRD Ogan Ilir": after the degrees, a title in lower case
        # stands in apposition.
        apposed = bool(p.person and p.person.suffixes) and ctx.word(t.i)[:1].islower()
        return _status(ctx, t, []) if ctx.word(p.j) in {",", ":"} or apposed else None
    if gap[:1] == ["dari"] and set(gap[1:]) <= links("qualifying") and (ctx.word(p.j) == ":" or _moves_on(ctx, t)):
        # a mutation list: "- Budi Santoso: dari Kepala Dinas A menjadi ...", "Budi dari jabatan
        # Kabid A pada Dinas B, menjadi ..."
        return HoldingStatus.FORMER
    if gap == ["("]:
        return _status(ctx, t, [])  # "- Samsu Abubakar (Plt Kepala Dinas Lingkungan Hidup)"
    if gap[-1] in links("link") and len(gap) <= 6 and all(w.isalpha() for w in gap):
        return _status(ctx, t, gap)
    if _now_holds(gap):
        return HoldingStatus.CURRENT  # "Budi yang kini mengisi Kepala Dinas Sosial"
    words = set(gap[1:] if gap[0] == "(" else gap)  # "Budi (Eks Sekretaris DPRD X)"
    if words <= links("former") | links("qualifying") and links("former") & words:
        return HoldingStatus.FORMER  # "Ahmad Syarifuddin, mantan Ketua ...", "Rina yang semula Kepala ..."
    return None


def _moves_on(ctx: Context, t: Chunk) -> bool:
    """Say whether a title is left for another: "... dari Kepala Dinas A menjadi Staf Ahli",
    "... dari Kepala BKD dilantik menjadi Kepala Dispora", "... dari Sekretaris pada Dinas A, diangkat
    menjadi ..." (a comma may close the post left), "..., kini menjabat Kepala Dinas B"."""
    start = t.j + (ctx.word(t.j) == ",")
    k = next((k for k in (start, start + 1) if ctx.word(k).lower() in links("link") | links("new")), None)
    if k is not None and ctx.word(k + 1).lower() in links("link"):
        k += 1  # "kini menjabat"
    return k is not None and ctx.cap(k + 1)


def _status(ctx: Context, t: Chunk, gap: list[str]) -> HoldingStatus:
    """Say whether the title is a former one ("mantan Kapolres", "sebelumnya menjabat")."""
    before = ctx.word(t.i - 1).lower()
    return HoldingStatus.FORMER if before in links("former") or links("former") & set(gap) else HoldingStatus.CURRENT


def _handover(ctx: Context, chunks: list[Chunk], used: set[int]) -> list[Pair]:
    """Pair each title handed over "dari X kepada Y" (or "ke Y"): X outgoing, Y incoming.

    "Jabatan Kapolres Lumajang diserahterimakan dari AKBP X kepada AKBP Y."; "Kasdam dari A ke
    B, Irdam dari C ke D".
    """
    titles = [n for n, c in enumerate(chunks) if c.kind == ChunkKind.TITLE and c.title and c.title.org
              and n not in used]
    pairs = []
    for t in titles:
        after = [n for n in range(t + 1, len(chunks)) if chunks[n].kind in _PEOPLE and n not in used]
        if len(after) >= 2 and ctx.word(chunks[after[0]].i - 1).lower() == "dari" and \
                all(chunks[n].kind != ChunkKind.TITLE for n in range(t + 1, after[0])) and \
                ctx.word(chunks[after[1]].i - 1).lower() in links("handed-to"):
            used |= {t, after[0], after[1]}
            pairs += [Pair(chunks[after[0]], chunks[t], HoldingStatus.OUTGOING),
                      Pair(chunks[after[1]], chunks[t], HoldingStatus.INCOMING)]
    return pairs


def pair(ctx: Context, chunks: list[Chunk]) -> list[Pair]:
    """Pair titles and persons left to right, each used once; then handovers.

    A person before ", Title" takes it unless that title was already given its own holder;
    a title takes the person right after it ("Kepala X, A, Kepala Y, B").
    """
    pairs: list[Pair] = _name_first_list(ctx, chunks) + _paired_titles(ctx, chunks) + _name_comma_title(ctx, chunks)
    used: set[int] = {n for n, c in enumerate(chunks) for q in pairs if c.i in (q.person.i, q.title.i)}
    for n, c in enumerate(chunks[:-1]):
        nxt = chunks[n + 1]
        if n in used:
            continue
        if c.kind in _PEOPLE and nxt.kind == ChunkKind.EVENT and n + 2 < len(chunks):
            nxt = chunks[n + 2]  # "Hendra Wijaya dilantik sebagai Pj Bupati Lahat"
        if _is_plural(c) and _listed_names(ctx, chunks, n + 1) >= 2:
            continue  # "komisioner KPU, A, B dan C": the list is read below, all of it
        if c.kind == ChunkKind.TITLE and c.title and c.title.org and nxt.kind in _PEOPLE and (
                _holder(nxt) or ctx.word(c.j) == "," or _named_after_region(ctx, c, nxt)) \
                and not names_a_venue(ctx, c) and not _moved_to(ctx, chunks, n):
            status = _title_then_person(ctx, c, nxt)
            if status:
                pairs.append(Pair(nxt, c, status))
                used |= {n, n + 1}
                continue
        if (_holder(c) or _bracketed_title(ctx, c, nxt)) and nxt.kind == ChunkKind.TITLE and nxt.title \
                and nxt.title.org:
            status = _person_then_title(ctx, c, nxt)
            t = chunks.index(nxt)
            if status and t not in used and not _title_has_own_holder(ctx, chunks, t):
                pairs.append(Pair(c, nxt, status))
                used |= {n, t}
    pairs += _held_by(ctx, chunks, pairs, used)
    pairs += _composed(ctx, chunks, used)
    pairs += _spoken_for(ctx, chunks, used)
    pairs += _party_members(ctx, chunks, pairs)
    pairs += _heads_of(ctx, chunks, used)
    pairs += _second_titles(ctx, chunks, pairs, used)
    pairs = _moved(ctx, chunks, pairs, used)
    pairs += _listed_holders(ctx, chunks, used)
    pairs = [q for q in pairs if not _not_yet_held(ctx, chunks, q.title)]
    return _replaced(ctx, chunks, pairs + _handover(ctx, chunks, used))


def contested(ctx: Context, chunks: Sequence[Chunk], c: Chunk) -> bool:
    """Say whether a title names an office contested, the body its title carries: "Pemilihan
    Gubernur X", "bakal calon Bupati dan Wakil Bupati X", "calon (Paslon) Bupati ...", "Pilkada
    Gubernur X serta Wali Kota Y" (not "calon anggota DPD RI", whose body is named). The names
    after it are the candidates', who hold nothing yet."""
    role = load().roles.get(c.title.written) if c.title else None
    if not (role and role.carries):
        return False
    k = c.i - 1
    words = [k]
    if ctx.word(k) == ")":  # an acronym in brackets before it: "calon (Paslon) Bupati"
        # the word before the brackets, or the bracketed one: "Pemilihan Kepala Daerah (Pilkada) Gubernur"
        k = next((j - 1 for j in range(k - 1, max(k - 4, -1), -1) if ctx.word(j) == "("), k)
        words = [k, c.i - 2]
    if any(ctx.word(j).lower() in links("contest") for j in words):
        return True
    # "... Gubernur dan Wakil Gubernur X serta Walikota ...": joined to a contested title
    before = next((d for d in reversed(chunks) if d.j <= c.i), None)  # the chunk before it
    return before is not None and before.kind == ChunkKind.TITLE \
        and all(ctx.word(j).lower() in load().glue["list"] for j in range(before.j, c.i)) \
        and contested(ctx, chunks, before)


def _not_yet_held(ctx: Context, chunks: list[Chunk], t: Chunk) -> bool:
    """Say whether a title names an office its holder only runs for ("calon Gubernur X A"), or a
    regional head's office its holder was elected to and is not sworn into in the sentence:
    "Bupati dan Wakil Bupati X terpilih, A dan B", "Terpilih sebagai Bupati X A", "mengumumkan
    pasangan terpilih, A sebagai Bupati X" (but "melantik Wali Kota X terpilih, A")."""
    lex = load()
    if lex.links.get(ctx.word(t.i - 1).lower()) == "contest" or contested(ctx, chunks, t):
        return True
    role = lex.roles.get(t.title.written) if t.title else None
    if not (role and role.carries and role.carries.startswith("Pemerintah")):
        return False
    # "terpilih" after the title, or after the one it is paired with ("Bupati dan Wakil Bupati X
    # terpilih"), or before it where it opens what the titles' holders are: "pasangan terpilih,
    # A sebagai Bupati X", "Terpilih sebagai Bupati X A dan Wakil Bupati X B"
    end = next((c.j for c in chunks if c.kind == ChunkKind.TITLE and c.i > t.j
                and _gap(ctx, t, c) and set(_gap(ctx, t, c)) <= load().glue["pair"]), t.j)
    words = [ctx.word(k).lower() for k in range(t.i)]
    elected = ctx.word(end).lower() == "terpilih" or any(
        w == "terpilih" and (k > 0 and lex.links.get(words[k - 1]) == "pair"
                             or lex.links.get(ctx.word(k + 1).lower()) == "link")
        for k, w in enumerate(words))
    sworn = any(c.kind == ChunkKind.EVENT and c.event and c.event.kind == EventKind.INAUGURATION for c in chunks)
    return elected and not sworn


def _bracketed_title(ctx: Context, c: Chunk, t: Chunk) -> bool:
    """Say whether a name, even a word of the language, has its title in brackets after it:
    "Bahari (Anggota Bawaslu Provinsi)"; not initials ("Aidi Habibi, AR (Wakil Ketua III)")."""
    return c.kind in _PEOPLE and c.person is not None and t.kind == ChunkKind.TITLE \
        and _gap(ctx, c, t) == ["("] and ctx.word(t.j) == ")" and not _initials(c)


def _initials(c: Chunk) -> bool:
    """Say whether a name is two or three capitals, a listed name's initials or degree: "AR"."""
    return c.text.isupper() and len(c.text) <= 3


def names_a_venue(ctx: Context, t: Chunk) -> bool:
    """Say whether a title is part of a venue's name: "di Kantor Gubernur Kepri, Pulau Dompak"."""
    return ctx.word(t.i - 1) in load().venues


def _name_first_list(ctx: Context, chunks: list[Chunk]) -> list[Pair]:
    """Pair a list written name first, each name glued to its title, items split by commas.

    "didampingi Emil Dardak Wakil Gubernur Jawa Timur, Imam Sugianto Kapolda Jawa Timur, dan
    ...": read the other way, each title would take the next item's name. One such item alone
    is read so when no title comes right before its name: "Turut hadir Rudi Komisioner Bawaslu
    Minut serta ..." ("Wakil Gubernur Jatim Emil Dardak Kapolda ..." is read title first).
    """
    # The holder is tested last: it may ask the stemmer about each word of a name.
    glued = [n for n in range(len(chunks) - 1)
             if chunks[n + 1].kind == ChunkKind.TITLE
             and (title := chunks[n + 1].title) and title.org and not _gap(ctx, chunks[n], chunks[n + 1])
             and ctx.word(chunks[n + 1].j) in load().glue["list"] | {".", ""}
             and _listed_holder(chunks[n])]
    if len(glued) == 1 and not _lone_item(chunks, glued[0]):
        return []
    return [Pair(chunks[n], chunks[n + 1]) for n in glued]


def _lone_item(chunks: list[Chunk], n: int) -> bool:
    """Say whether a name glued to a title after it holds it though no other item is so written:
    two words or more, none a word of the language, and no title right before it."""
    words = chunks[n].text.split()
    return len(words) > 1 and not any(is_vocabulary(w) for w in words) \
        and not (n and chunks[n - 1].kind == ChunkKind.TITLE)


def _name_comma_title(ctx: Context, chunks: list[Chunk]) -> list[Pair]:
    """Pair a list that alternates name, title, name, title, from its first name to its last
    title: "A (AB), Bupati X, B, Bupati Y, dan C, Bupati Z." read title first, each title would
    take the next item's name and the last name none. A name's initials in brackets go with it.
    """
    glue = load().glue["list"]
    initials = [_initials_after(ctx, chunks, n) for n in range(len(chunks))]
    # (chunk index, index of the chunk the item ends with)
    items = [(n, n + 1 if initials[n] else n) for n in range(len(chunks)) if not (n and initials[n - 1])]
    kinds = [_kind_of(chunks[first]) for first, _ in items]  # each item's, asked again and again below

    def wanted(k: int) -> ChunkKind:
        return ChunkKind.TITLE if k % 2 else ChunkKind.PERSON

    def joined(a: int, b: int) -> bool:
        gap = _gap(ctx, chunks[items[a][1]], chunks[items[b][0]])
        if gap[:1] == ["("] and ")" in gap:
            gap = gap[gap.index(")") + 1:]  # "A (AB), Bupati X (BX), B"
        return "," in gap and set(gap) - {")"} <= glue

    pairs: list[Pair] = []
    n = 0
    while n < len(items):
        run = n
        while run + 1 < len(items) and kinds[run] == wanted(run - n) \
                and kinds[run + 1] == wanted(run - n + 1) and joined(run, run + 1):
            run += 1
        last = chunks[items[run][0]]
        ends = last.kind == ChunkKind.TITLE and not (run + 1 < len(items) and set(
            _gap(ctx, last, chunks[items[run + 1][0]])) <= glue)
        if ends and run - n >= 3 and all((t := chunks[items[m][0]].title) and t.org
                                         for m in range(n + 1, run + 1, 2)):
            pairs += [Pair(chunks[items[m][0]], chunks[items[m + 1][0]]) for m in range(n, run, 2)]
        n = run + 1
    return pairs


def _kind_of(c: Chunk) -> ChunkKind:
    """Return a chunk's kind, a name that can hold a title counting as a person."""
    return ChunkKind.PERSON if c.kind in _PEOPLE and _listed_holder(c) else c.kind


def _initials_after(ctx: Context, chunks: list[Chunk], n: int) -> bool:
    """Say whether chunk n is a name with its initials in brackets after it: "Kery Saiful (KSK)"."""
    if n + 1 >= len(chunks) or chunks[n].kind not in _PEOPLE:
        return False
    nxt = chunks[n + 1]
    return _gap(ctx, chunks[n], nxt) == ["("] and ctx.word(nxt.j) == ")" and nxt.text.isupper()


def _paired_titles(ctx: Context, chunks: list[Chunk]) -> list[Pair]:
    """Pair two titles joined by "dan" with the two names after them, in order.

    "Bupati dan Wakil Bupati Pringsewu Sujadi – Fauzi": the first name is the Bupati's.
    """
    pairs, glue = [], load().glue["pair"]
    for n in range(len(chunks) - 3):
        a, b, x, y = chunks[n:n + 4]
        if a.kind == b.kind == ChunkKind.TITLE and a.title and b.title and b.title.org \
                and x.kind in _PEOPLE and y.kind in _PEOPLE and _holder(x) and _gap(ctx, a, b) == ["dan"] \
                and _term_only(_gap(ctx, b, x)) and len(_gap(ctx, x, y)) == 1 and _gap(ctx, x, y)[0] in glue \
                and not {ctx.word(k).lower() for k in range(max(a.i - 6, 0), a.i)} & links("pair"):
            # "pasangan calon Gubernur dan Wakil Gubernur X, A dan B" are candidates, not holders
            if a.title.org_span is None and (a.title.org is None or a.title.org.base == b.title.org.base):
                a = replace(a, title=replace(a.title, org=b.title.org))  # the region is written once
            if a.title and a.title.org:
                pairs += [Pair(x, a), Pair(y, b)]
    return pairs


def _term_only(gap: list[str]) -> bool:
    """Say whether the words between titles and their holders are none, a comma, or the term the
    titles are held for: "Bupati dan Wakil Bupati X periode 2021-2025, A dan B"."""
    words = gap[:-1] if gap[-1:] == [","] else gap
    return not words or (words[0] in links("qualifying") and len(words) <= 4
                         and all(_term_years(w) for w in words[1:]))


def _listed_holder(c: Chunk) -> bool:
    """Say whether a chunk can head an item of a name-first list: a holder, or a name of several
    words ("Agus Salim Kapolda X"); not one word of the language ("Pemilihan Gubernur")."""
    return _holder(c) or (c.kind in _PEOPLE and c.person is not None and len(c.person.name.split()) > 1)


def _second_titles(ctx: Context, chunks: list[Chunk], pairs: list[Pair], used: set[int]
                   ) -> list[Pair]:
    """Pair a holder with a further title linked to it.

    "Sekda Ende, Drs. Agustinus Gadi Djou, M.Si, yang juga menjabat sebagai Plt Kepala BKAD".
    """
    index = {c.i: n for n, c in enumerate(chunks)}
    more = []
    for p in pairs:
        n = index[p.person.i]
        if n + 2 < len(chunks) and chunks[n + 1].kind == ChunkKind.EVENT:
            n += 1  # "Kepala Dinas A, Budi, dilantik sebagai Pjs Bupati B"
        if n + 1 < len(chunks) and n + 1 not in used and chunks[n + 1].kind == ChunkKind.TITLE:
            t = chunks[n + 1]
            gap = [w for w in _gap(ctx, p.person, t) if w != ","]
            if t.title and t.title.org and gap and (status := _person_then_title(ctx, p.person, t)):
                more.append(Pair(p.person, t, status))
                used.add(n + 1)
    return more


def _moved(ctx: Context, chunks: list[Chunk], pairs: list[Pair], used: set[int]) -> list[Pair]:
    """Read a move from one post to the next: the first title is a former one, the next current.

    "Budi Santoso: dari Kepala Dinas Pertanian menjadi Staf Ahli Bupati", "Rina yang semula
    Kepala Dinas Pariwisata kini Kepala Dinas Sosial", "Rina, eks Kadis A, kini menduduki kursi
    baru sebagai Kepala Badan B" (a post the sentence says its former holder left may be taken),
    "..., kini memimpin Dinas C" (its head).
    """
    index = {c.i: n for n, c in enumerate(chunks)}
    out = []
    for p in pairs:
        n, anchor = index[p.title.i], p.title
        # "dari Kepala BKD dilantik menjadi Kepala Dispora"; "dari Kepala Biro A pada Sekretariat
        # Daerah menjadi ...", "dari Kapolres A, Jambi menjadi ...": a verb, the body the first
        # post's unit is in, or the province after a comma, may come between.
        while n + 2 < len(chunks) and (chunks[n + 1].kind == ChunkKind.EVENT or (
                chunks[n + 1].kind == ChunkKind.ORGANIZATION
                and set(_gap(ctx, anchor, chunks[n + 1])[-1:]) & links("within")) or (
                chunks[n + 1].kind == ChunkKind.PLACE and _gap(ctx, anchor, chunks[n + 1]) == [","])):
            n += 1
            anchor = chunks[n] if chunks[n].kind != ChunkKind.EVENT else anchor
        nxt = chunks[n + 1] if n + 1 < len(chunks) else None
        gap = [w for w in _gap(ctx, anchor, nxt) if w != ","] if nxt else []
        if nxt and nxt.kind == ChunkKind.ORGANIZATION and nxt.org and _now_holds(gap) and gap[-1] in links("leads"):
            # "A, mantan Kadis X, kini memimpin Dinas Y"
            out += [replace(p, status=HoldingStatus.FORMER), Pair(p.person, _office(nxt, "Kepala"))]
        elif not (nxt and nxt.kind == ChunkKind.TITLE and nxt.title and nxt.title.org
                  and (n + 1 not in used or _now_holds(gap) and _vacated(pairs, nxt))):
            out.append(p)
        elif _earlier(gap):
            # "A menjadi Kepala BKD (sebelumnya menjabat Kepala Dinas Sosial)": the post named
            # after the new one is the one left
            out += [p, Pair(p.person, nxt, HoldingStatus.FORMER)]
            used.add(n + 1)
        elif gap and gap[-1] in links("new") | links("link") and len(gap) <= 3 or _now_holds(gap):
            out += [replace(p, status=HoldingStatus.FORMER), Pair(p.person, nxt, HoldingStatus.CURRENT)]
            used.add(n + 1)
        else:
            out.append(p)
    return out


def _now_holds(gap: list[str]) -> bool:
    """Say whether the words after a holder's post say the holder now holds the next one: "kini
    menduduki posisi", "yang kini mengisi", "sekarang mengemban amanah sebagai"; a few words."""
    words = gap[1:] if gap[:1] == ["yang"] else gap
    return bool(words) and words[0] in links("new") and len(words) <= 5 and all(w.isalpha() for w in words)


def _vacated(pairs: list[Pair], t: Chunk) -> bool:
    """Say whether a title is paired only with holders who left it: "Kepala BPBD yang sebelumnya
    dijabat A": the post is open to the one who now holds it."""
    return all(q.status != HoldingStatus.CURRENT for q in pairs if q.title.i == t.i)


def _moved_to(ctx: Context, chunks: list[Chunk], n: int) -> bool:
    """Say whether the title at n is the post a holder named before it moves to: it takes no name
    after it. "A (Camat X) menjadi Kepala BKPSDM, B (Kabag Y) menjadi ...", "Kepala Dinas A Budi
    dirotasi menjadi Staf Ahli Bupati, Rina yang ...", "Budi sebelumnya menjabat Asisten III
    dilantik kembali menjadi Kepala BPKK, Rina sebelumnya ..."."""
    m = n - 1 if n > 1 and chunks[n - 1].kind == ChunkKind.EVENT else n
    if m < 1:
        return False
    before = chunks[m - 1]
    gap = [w for w in _gap(ctx, before, chunks[n]) if w != ")"]
    if not gap or gap[-1] not in links("link") or len(gap) > 3:
        return False
    if before.kind in _PEOPLE:
        return _holder(before)
    left = ctx.word(before.i - 1).lower()  # the post left: "(Camat X)", "sebelumnya menjabat T", "dari T"
    return before.kind == ChunkKind.TITLE and (left in {"(", "dari"} | links("former") | links("link")) \
        and (left != "(" or ctx.word(before.j) == ")")


def _earlier(gap: list[str]) -> bool:
    """Say whether the words after a holder's title name the post held before it: "(sebelumnya
    menjabat", ", yang semula", "(sebelumnya", ", meninggalkan jabatan lamanya sebagai"."""
    words = [w for w in gap if w != "("]
    return bool(words) and len(words) <= 4 and bool(links("former") & set(words)) \
        and set(words) <= links("former") | links("link") | links("qualifying") | links("leaves")


def _listed_holders(ctx: Context, chunks: list[Chunk], used: set[int]) -> list[Pair]:
    """Pair a plural title with the names listed after it.

    "empat anggota KPU Muaro Jambi lainnya, yakni A, B, C, dan D".
    """
    pairs, glue = [], load().glue["list"]
    for n, t in enumerate(chunks):
        if n in used or t.kind != ChunkKind.TITLE or not (t.title and t.title.org) or n + 1 >= len(chunks):
            continue
        gap = set(_gap(ctx, t, chunks[n + 1]))
        intro = links("list")
        # "didampingi komisioner KPU, A, B, C dan D": a plural role's list needs no "yakni".
        # "tiga komisioner lainnya, A, B dan C"; "Wakil Ketua A, B, dan C"
        plural = (not gap and _holder(chunks[n + 1]) or "," in gap and gap <= load().fillers["list"]) \
            and _is_plural(t) and _listed_names(ctx, chunks, n + 1) >= 2
        if not plural and (not gap & intro or not gap <= intro | load().fillers["list"]) \
                or gap == {":"} and _quoted(ctx, chunks[n + 1]):
            continue  # a headline's quote after the colon: "Ketua KPU: Seharusnya Pemilu Diundur"
        m = n + 1
        while m < len(chunks) and chunks[m].kind in _PEOPLE:
            if m not in used and not _initials(chunks[m]):  # "A (Wakil Ketua I), B": A is paired
                # "para Ketua Komisi, yakni A (Komisi I), B (Komisi II)": each heads the unit named
                unit = _bracketed_unit(ctx, chunks, m)
                pairs.append(Pair(chunks[m], _office(unit, t.title.role) if unit else t))
                used.add(m)
            m = _past_bracketed_title(ctx, chunks, m)
            if m + 1 >= len(chunks) or not set(_gap(ctx, chunks[m], chunks[m + 1])) - {")"} <= glue:
                break
            m += 1
        used.add(n)
    return pairs


def _past_bracketed_title(ctx: Context, chunks: list[Chunk], m: int) -> int:
    """Return the index of the title or the unit in brackets right after the name at m, or m if
    none: "Agus Salim (Wakil Ketua I) dan Rina (Wakil Ketua II)", "A (Komisi I), B"."""
    bracketed = m + 1 < len(chunks) and (_bracketed_title(ctx, chunks[m], chunks[m + 1])
                                         or _bracketed_unit(ctx, chunks, m) is not None)
    return m + 1 if bracketed else m


def _bracketed_unit(ctx: Context, chunks: list[Chunk], m: int) -> Chunk | None:
    """Return the body in brackets right after the name at m, if one is: "Tahir (Komisi I)"."""
    unit = chunks[m + 1] if m + 1 < len(chunks) else None
    return unit if unit and unit.kind == ChunkKind.ORGANIZATION and unit.org \
        and _gap(ctx, chunks[m], unit) == ["("] and ctx.word(unit.j) == ")" else None


def _is_plural(t: Chunk) -> bool:
    """Say whether a title's role has several holders at once ("anggota", "komisioner")."""
    return t.title is not None and t.title.written.lower() in _plural_roles()


@cache
def _plural_roles() -> frozenset[str]:
    """Return the roles several hold at once, in lower case ("wakil ketua", "anggota")."""
    return frozenset(r.lower() for r in load().plural_roles)


def _listed_names(ctx: Context, chunks: list[Chunk], m: int) -> int:
    """Count the names listed from chunk m on, joined by commas and "dan"."""
    count, glue = 0, load().glue["list"]
    while m < len(chunks) and chunks[m].kind in _PEOPLE:
        count += 1
        m = _past_bracketed_title(ctx, chunks, m)
        if m + 1 >= len(chunks) or not set(_gap(ctx, chunks[m], chunks[m + 1])) - {")"} <= glue:
            break
        m += 1
    return count


def _party_members(ctx: Context, chunks: list[Chunk], pairs: list[Pair]) -> list[Pair]:
    """Make those named "dari" a party or its faction members of it: "Rudi dari Fraksi Golkar",
    "A, B, dan C dari PKS", "Rudi, SH anggota DPRD Ogan Ilir dari Fraksi Nasdem"."""
    holders = {q.title.i: q.person for q in pairs}
    out = []
    for n, c in enumerate(chunks):
        if not (n and c.kind == ChunkKind.ORGANIZATION and c.org and _party(c.org)
                and _gap(ctx, chunks[n - 1], c) == ["dari"]):
            continue
        member = _office(c, "Anggota")
        before = chunks[n - 1]
        if before.kind == ChunkKind.TITLE and before.i in holders:
            out.append(Pair(holders[before.i], member))
            continue
        m = n - 1
        while m >= 0 and chunks[m].kind in _PEOPLE and _listed_holder(chunks[m]):
            out.append(Pair(chunks[m], member))
            if not m or not set(_gap(ctx, chunks[m - 1], chunks[m])) <= load().glue["list"]:
                break
            m -= 1
    return out


def _composed(ctx: Context, chunks: list[Chunk], used: set[int]) -> list[Pair]:
    """Give a body's posts, listed after it without the body, to their holders: "Komisi A dengan
    Ketua A, Wakil Ketua B dan Sekretaris C", "Badan Kehormatan: Ketua A, Sekretaris B"; the
    first post may be written in lower case ("dengan ketua A, Wakil Ketua B dan ...")."""
    out: list[Pair] = []
    for n, body in enumerate(chunks[:-2]):
        if body.kind != ChunkKind.ORGANIZATION or not body.org:
            continue
        gap = _gap(ctx, body, chunks[n + 1])
        if gap in (["dengan"], [":"]):
            out += _posts(ctx, chunks, n + 1, body, used)
        elif gap[:1] == ["dengan"] and len(gap) == 2 and (role := _lower_role(ctx.word(body.j + 1))) and n + 1 not in used \
                and _holder(chunks[n + 1]) and set(_gap(ctx, chunks[n + 1], chunks[n + 2])) <= load().glue["list"] \
                and (rest := _posts(ctx, chunks, n + 2, body, used)):
            out += [Pair(chunks[n + 1], _office(body, role.role)), *rest]
            used.add(n + 1)
    return out


def _lower_role(word: str) -> Role | None:
    """Return the role a word in lower case names that carries no body of its own ("ketua")."""
    role = load().roles.get(word.capitalize())
    return role if word.islower() and role and role.carries is None else None


def _posts(ctx: Context, chunks: list[Chunk], m: int, body: Chunk, used: set[int]) -> list[Pair]:
    """Give the posts listed from chunk m on to their holders at a body: two posts at least, each
    a title that names no body right before its holder, joined as a list's items."""
    assert body.org
    found, start = [], m
    while m + 1 < len(chunks) and {m, m + 1}.isdisjoint(used):
        t, p = chunks[m], chunks[m + 1]
        if t.kind != ChunkKind.TITLE or not t.title or t.title.org or not _item_holder(ctx, p) \
                or _gap(ctx, t, p):
            break
        found.append(Pair(p, replace(t, title=replace(t.title, org=body.org, org_span=(body.start, body.end)))))
        if m + 2 >= len(chunks) or not set(_gap(ctx, p, chunks[m + 2])) <= load().glue["list"]:
            break
        m += 2
    if len(found) < 2:
        return []
    used |= set(range(start, start + 2 * len(found)))
    return found


def _item_holder(ctx: Context, p: Chunk) -> bool:
    """Say whether a chunk can hold the post before it in a list of posts: a holder, or a word of
    the language, not a verb, that ends its item ("Wakil Ketua Nyaman dan Sekretaris B")."""
    return _holder(p) or (p.kind in _PEOPLE and p.person is not None and not is_verb(p.person.name)
                          and p.person.name.lower() not in load().links
                          and ctx.word(p.j) in load().glue["list"] | {".", ""})


def earlier_body_posts(ctx: Context, chunks: list[Chunk], pairs: list[Pair], body: Chunk) -> list[Pair]:
    """Give the posts a sentence lists after a linking word, naming no body, to the body the
    sentence before it named: "Terakhir dibentuk Badan Kehormatan. Setelah pemilihan, terpilih
    sebagai Ketua A, Wakil Ketua B dan Sekretaris C." (see `_posts`)."""
    used = {n for n, c in enumerate(chunks) for q in pairs if c.i in (q.person.i, q.title.i)}
    for m, t in enumerate(chunks):
        if t.kind == ChunkKind.ORGANIZATION or (t.kind == ChunkKind.TITLE and t.title and t.title.org):
            return []  # the sentence names a body of its own
        if t.kind == ChunkKind.TITLE and ctx.word(t.i - 1).lower() in links("link"):
            return _posts(ctx, chunks, m, body, used)
    return []


def unheld_groups(ctx: Context, chunks: list[Chunk], pairs: list[Pair]) -> list[tuple[Chunk, int | None]]:
    """Return the titles of a role several hold at a body that a sentence gives no holder, each
    with the number written before it: "Delapan orang anggota DPRD X tidak hadir", "melantik 17
    anggota Tim Khusus" (17). A later sentence may name them (`back_list`)."""
    held = {q.title.i for q in pairs}
    return [(c, _number(ctx.word(c.i - 1))) for c in chunks
            if c.kind == ChunkKind.TITLE and c.title and c.title.org and _is_plural(c) and c.i not in held]


def back_list(ctx: Context, chunks: list[Chunk], pairs: list[Pair]) -> tuple[list[Chunk], int | None] | None:
    """Return the names a sentence lists, to its end, after words that point back to a group
    named before, with the number those words give: "Mereka yang tidak hadir, A, B dan C.",
    "Dari ke-17 orang itu, antara lain A, B, dan C." (17). Nothing is named before the
    list; the pointing word opens the sentence, or a count or a quantifier comes before it ("para
    pejabat itu"; not "Hal itu disampaikan A dan B"); no event is pointed back to ("Kegiatan itu
    dihadiri A, B dan C")."""
    pointing = load().anaphora[Kind.COLLECTIVE]
    if not any(ctx.word(k).lower() in pointing for k in range(min(4, len(ctx.tokens)))):
        return None  # most sentences: nothing points back in their first words
    names = _names_to_end(ctx, chunks, pairs, 0)
    if len(names) < 2:
        return None
    opening = [ctx.word(k).lower() for k in range(names[0].i)]
    at = next((k for k, w in enumerate(opening[:4]) if w in pointing), None)
    if at is None or set(opening) & load().anaphora[Kind.EVENT]:
        return None
    count = next((n for w in opening[:at] if (n := _number(w)) is not None), None)
    if at and count is None and not set(opening[:at]) & load().quantifiers:
        return None
    return names, count


def listed_on_names(ctx: Context, chunks: list[Chunk], pairs: list[Pair]) -> list[Chunk]:
    """Return the names of a sentence that only lists names, opened at most by a word that carries
    a list on: "Lalu, A, B, dan C." goes on with the list of the sentence before it."""
    skip = 1 if chunks and chunks[0].text.lower() in _continuing() else 0  # "Lalu" read as a name
    names = _names_to_end(ctx, chunks, pairs, skip)
    opening = {ctx.word(k).lower() for k in range(names[0].i)} if names else set()
    return names if len(names) >= 2 and opening <= _continuing() | load().glue["list"] else []


def _names_to_end(ctx: Context, chunks: list[Chunk], pairs: list[Pair], m: int) -> list[Chunk]:
    """Return the names listed from chunk m to the sentence's last chunk, none holding a title,
    joined by commas and "dan", the first and the last of them a holder's (one word of the
    language may stand between: "A, Suryani, dan B"); none when anything else comes between or
    after them."""
    held = {q.person.i for q in pairs}
    names = chunks[m:]
    if not names or any(c.kind not in _PEOPLE or c.i in held or c.person is None for c in names) \
            or not (_listed_holder(names[0]) and _listed_holder(names[-1])):
        return []
    glue = load().glue["list"]
    joined = all(set(_gap(ctx, a, b)) <= glue and _gap(ctx, a, b) for a, b in zip(names, names[1:], strict=False))
    tail = {ctx.word(k) for k in range(names[-1].j, len(ctx.tokens))}
    return names if joined and tail <= {".", ""} else []


@cache
def _continuing() -> frozenset[str]:
    """Return the one-word openers of a sentence that lists more of a list: "Lalu", "Kemudian"."""
    return frozenset(w for w, effect in load().presence.items() if effect == "continue" and " " not in w)


def _number(word: str) -> int | None:
    """Return the number a word writes in digits, as a count or an ordinal: "17", "ke-17"."""
    digits = word.lower().removeprefix("ke-")
    return int(digits) if digits.isdigit() else None


def members_named_later(names: list[Chunk], group: Chunk) -> list[Pair]:
    """Give the names a sentence lists for a group named before it the group's title, each
    holding it at its own place in the sentence."""
    assert group.title
    title = replace(group.title, org_span=None)
    return [Pair(c, replace(c, kind=ChunkKind.TITLE, title=title)) for c in names]


def _spoken_for(ctx: Context, chunks: list[Chunk], used: set[int]) -> list[Pair]:
    """Make the person a body speaks through, named by a post of its own, that post's holder at
    the body: "Fraksi X lewat juru bicaranya A", "Partai Y, melalui ketuanya B, ..."."""
    out = []
    for n in range(len(chunks) - 1):
        body, p = chunks[n], chunks[n + 1]
        if n + 1 in used or body.kind != ChunkKind.ORGANIZATION or not body.org or not _holder(p):
            continue
        gap = [w for w in _gap(ctx, body, p) if w != ","]
        if len(gap) < 2 or gap[0] not in links("through") or not gap[-1].endswith("nya"):
            continue
        role = load().roles.get(" ".join(w.capitalize() for w in [*gap[1:-1], gap[-1].removesuffix("nya")]))
        if role and role.carries is None:
            out.append(Pair(p, _office(body, role.role)))
            used.add(n + 1)
    return out


def _heads_of(ctx: Context, chunks: list[Chunk], used: set[int]) -> list[Pair]:
    """Make the person before a verb of leading the head of the body after it: "A yang
    sebelumnya memimpin DP3AP2KB" (a former head), "A kini menakhodai Dinas Sosial"."""
    out = []
    for n in range(len(chunks) - 1):
        p, body = chunks[n], chunks[n + 1]
        if n in used or p.kind not in _PEOPLE or not _holder(p) or body.kind != ChunkKind.ORGANIZATION \
                or not body.org:
            continue
        gap = [w for w in _gap(ctx, p, body) if w != ","]
        verbs = set(gap) & links("leads")
        if len(verbs) != 1 or gap[-1] not in verbs or not set(gap[:-1]) <= links("former") | links("new") | {"yang"}:
            continue
        out.append(Pair(p, _office(body, "Kepala"),
                        HoldingStatus.FORMER if links("former") & set(gap) else HoldingStatus.CURRENT))
    return out


def _office(body: Chunk, role: str) -> Chunk:
    """Make a body's chunk the title of a role at it, as a sentence gives it without a title
    word: a party's members ("dari PKS"), the head of a body led ("memimpin Dinas X")."""
    return replace(body, kind=ChunkKind.TITLE, title=TitleRef(role, role, None, body.org, None, (body.start, body.end)))


def _party(ref: OrgRef) -> bool:
    """Say whether a body is a political party or its faction in a council ("Fraksi Golkar")."""
    return any(form and form.split()[0] in load().parties for form in body_forms(ref))


def _held_by(ctx: Context, chunks: list[Chunk], paired: list[Pair], used: set[int]) -> list[Pair]:
    """Pair a title with the person a passive verb gives it to: "Jabatan Kapolres Purbalingga
    kemudian diemban oleh AKBP A", "Sekda yang sebelumnya dijabat B"; B may hold a post named
    after the name too ("... dijabat B yang kini mengisi Kepala Dinas C"). A title given its new
    holder may still name the one before: "melantik A menjadi Pj Bupati X periode 2023-2024 yang
    sebelumnya dijabat oleh B"."""
    pairs = []
    for n, t in enumerate(chunks[:-1]):
        p = chunks[n + 1]
        gap = {w for w in _gap(ctx, t, p) if not _term_years(w)}
        if n in used and not links("former") & gap or t.kind != ChunkKind.TITLE or not (t.title and t.title.org) \
                or p.kind not in _PEOPLE or not _holder(p) \
                or n + 1 in used and any(q.person.i == p.i and q.title.i < p.i for q in paired):
            continue
        if gap & links("held-by") and gap <= links("held-by") | links("qualifying") | load().fillers["passive"]:
            pairs.append(Pair(p, t, HoldingStatus.FORMER if links("former") & gap else HoldingStatus.CURRENT))
            used |= {n, n + 1}
            before = chunks[n + 2] if n + 2 < len(chunks) else None  # "... dijabat oleh A dari sebelumnya B"
            since = _gap(ctx, p, before) if before else []
            if before and before.kind in _PEOPLE and _holder(before) and since[:1] == ["dari"] \
                    and set(since[1:]) & links("former") and n + 2 not in used:
                pairs.append(Pair(before, t, HoldingStatus.FORMER))
                used.add(n + 2)
    return pairs


def _replaced(ctx: Context, chunks: list[Chunk], pairs: list[Pair]) -> list[Pair]:
    """Read "X digantikan oleh Y": X leaves the title held in the sentence, Y takes it; and
    "X ditunjuk sebagai T menggantikan Y": Y held T before X.

    "Kasat Reskrim Polres Kukar AKP Yusuf Efendi digantikan oleh AKP Ardian Nugraha Putra".
    """
    out = list(pairs)
    for k, p in enumerate(pairs):
        nxt = [c for c in chunks if c.i >= p.person.j and c.kind in _PEOPLE][:1]
        # "A, digantikan oleh B", "A akan digantikan B": the words a passive may hold aside
        phrase = " ".join(w for w in (_gap(ctx, p.person, nxt[0]) if nxt else [])
                          if w not in load().fillers["passive"])
        if nxt and phrase in links("replaced-by"):
            out[k] = replace(p, status=HoldingStatus.OUTGOING)
            out.append(Pair(nxt[0], p.title, HoldingStatus.INCOMING))
            continue
        after = [c for c in chunks if c.i >= p.title.j][:1]
        if p.status == HoldingStatus.CURRENT and after and after[0].kind in _PEOPLE and _holder(after[0]):
            gap = set(_gap(ctx, p.title, after[0]))
            if gap & links("replacing") and gap <= links("replacing") | load().fillers["passive"]:
                out.append(Pair(after[0], p.title, HoldingStatus.FORMER))
    return out


@dataclass(frozen=True)
class Succession:
    """A person who takes a post the sentence names through the one who left it: "Posisi A di
    Polres X digantikan oleh B" (A, at X), "jabatan lamanya diisi oleh B" (no one named: the post
    the article last said someone left), "B menggantikan posisi A" (active: when A is not said to
    have left a post, A held the one B holds)."""

    successor: Chunk
    predecessor: str | None  # the name as written
    body: OrgRef | None = None
    active: bool = False


def successions(ctx: Context, chunks: list[Chunk], pairs: tuple[Pair, ...]) -> list[Succession]:
    """Find the successions a sentence reports, each once (see `Succession`)."""
    out = []
    for n, c in enumerate(chunks):
        if n and c.kind in _PEOPLE and _holder(c) and (
                (s := _passive_succession(ctx, chunks, n)) or (s := _active_succession(ctx, chunks, pairs, n))):
            out.append(s)
    return out


def _passive_succession(ctx: Context, chunks: list[Chunk], n: int) -> Succession | None:
    """Read the post a passive verb gives to the name at n: "posisi yang ditinggalkannya lalu
    diisi oleh B", "Posisi A di Polres X digantikan dengan B"."""
    words = _gap(ctx, chunks[n - 1], chunks[n])
    verbs = [k for k, w in enumerate(words) if w in _taking_verbs()]
    if not verbs or not set(words[verbs[-1] + 1:]) <= _passive_words():
        return None
    before, vacated = words[:verbs[-1]], load().fillers["vacated"]
    if _names_a_post(before, vacated=True):
        return Succession(chunks[n], None)  # "..., lalu jabatan lamanya diisi oleh B"
    if not set(before) <= _passive_words() | vacated:
        return None
    x, body = n - 1, None
    if x and chunks[x].kind == ChunkKind.ORGANIZATION and _gap(ctx, chunks[x - 1], chunks[x]) == ["di"]:
        x, body = x - 1, chunks[x].org  # "Posisi A di Polres X digantikan ..."
    words = chunks[x].text.split()
    if chunks[x].kind in _PEOPLE and words[0].lower() in load().fillers["post"]:
        # a sentence's first word read into a name: "Posisi Sri digantikan B", "Jabatan lamanya diisi"
        named = " ".join(words[1:])
        return Succession(chunks[n], named or None, body) if named or set(before) & vacated else None
    if chunks[x].kind not in _PEOPLE or not (left := chunks[x].person):
        return None
    lead = _gap(ctx, chunks[x - 1], chunks[x]) if x else [ctx.word(k).lower() for k in range(chunks[x].i)]
    return Succession(chunks[n], left.name, body) if _names_a_post(lead) else None


def _active_succession(ctx: Context, chunks: list[Chunk], pairs: tuple[Pair, ...], n: int
                       ) -> Succession | None:
    """Read whom the subject of "menggantikan" succeeds, the name at n: "B menggantikan C di
    Disdikpora"; the subject may come with its post: "B, yang sebelumnya menjabat Kepala Dinas A,
    menggantikan posisi yang ditinggalkan C"."""
    words = _gap(ctx, chunks[n - 1], chunks[n])
    verbs = [k for k, w in enumerate(words) if w in links("replacing")]
    fillers = load().fillers
    if not verbs or not set(words[verbs[-1] + 1:]) <= fillers["post"] | fillers["vacated"] | _passive_words():
        return None
    before = chunks[n - 1]
    subject = before if before.kind in _PEOPLE else next(
        (q.person for q in pairs if q.title.i == before.i and q.person.i < before.i), None)
    if subject is None or not _holder(subject) or not (c := chunks[n]).person:
        return None
    after = chunks[n + 1] if n + 1 < len(chunks) else None
    body = after.org if after and after.kind == ChunkKind.ORGANIZATION and _gap(ctx, c, after) == ["di"] else None
    return Succession(subject, c.person.name, body, active=True)


def _names_a_post(words: list[str], vacated: bool = False) -> bool:
    """Say whether words before a name make it the name of the one who left a post: "posisi",
    "posisi yang ditinggalkan"; with `vacated`, whether they end with a post named as left and no
    holder named: "jabatan lamanya", "posisi yang ditinggalkannya tersebut akan"."""
    posts = [k for k, w in enumerate(words) if w in load().fillers["post"]]
    if not posts:
        return False
    rest, left = set(words[posts[-1] + 1:]), load().fillers["vacated"]
    return rest <= left | _passive_words() and (not vacated or bool(rest & left))


@cache
def _taking_verbs() -> frozenset[str]:
    """Return the passive verbs that give a post to the name after them: "diisi", "digantikan"."""
    return links("held-by") | {phrase.split()[0] for phrase in links("replaced-by")}


@cache
def _passive_words() -> frozenset[str]:
    """Return the words a passive may hold between its verb and the name: "akan", "oleh", "dengan"."""
    return load().fillers["passive"] | {w for phrase in links("replaced-by") for w in phrase.split()[1:]}


def _title_has_own_holder(ctx: Context, chunks: list[Chunk], t: int) -> bool:
    """Say whether the title at index t is directly followed by its own holder ("Kepala X Nama"),
    or handed over from one to another ("Irdam dari A ke B")."""
    if t + 1 >= len(chunks) or chunks[t + 1].kind not in _PEOPLE:
        return False
    return _gap(ctx, chunks[t], chunks[t + 1]) in ([], ["dari"])


def promote(chunks: list[Chunk], pairs: list[Pair]) -> list[Chunk]:
    """Make the names that hold a title persons."""
    held = {p.person.i for p in pairs}
    return [replace(c, kind=ChunkKind.PERSON) if c.kind == ChunkKind.NAME and c.i in held else c for c in chunks]
