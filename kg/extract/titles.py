"""Parse role titles: the role, its field, and the institution it names, carries or defaults to."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.chunks import Chunk, OrgRef, PlaceRef, TitleRef
from kg.extract.context import Context, links, org_vocabulary
from kg.extract.institutions import (
    area,
    at_level,
    body_end,
    body_forms,
    chunk,
    constituency,
    fields_run_on,
    national_end,
    org,
    unit,
)
from kg.extract.phrases import PhraseTable, tables
from kg.lexicons import gazetteer, load
from kg.nlp.names import is_prefix
from kg.nlp.vocabulary import is_derived, is_roman, is_vocabulary
from kg.vocab import ChunkKind, PlaceLevel


def _skip_alias(ctx: Context, j: int, table: PhraseTable) -> int:
    """Skip a short form in parentheses that repeats what precedes: "(Pj)", "(Sekda)", "(Sidrap)"."""
    if ctx.word(j) != "(":
        return j
    if (found := table.match(ctx.tokens, j + 1)) and ctx.word(j + 1 + found[0]) == ")":
        return j + 2 + found[0]
    return j


def _portfolio(ctx: Context, j: int) -> tuple[int, int, tuple[int, OrgRef]] | None:
    """Read the field of a role before its institution: "Asisten Pemerintahan ... Setda Kendal".

    Returns where the field ends, where the institution starts, and the institution.
    """
    m = j
    # "Koordinator Divisi Hukum, Pencegahan, Partisipasi Masyarakat, dan Humas Bawaslu X"
    while m - j < 12 and (ctx.cap(m) or ctx.word(m).capitalize() in load().field_words  # "Kasi penkum"
                          or (ctx.word(m) == "dan" and ctx.cap(m + 1))
                          or (m > j and ctx.word(m) == "," and fields_run_on(ctx, m + 1))):
        if found := org(ctx, m, after_title=True):
            return m, m, found
        if m > j and (head := title(ctx, m)) and head.title and head.title.org and head.title.org_span is None:
            return m, m, (head.j, head.title.org)  # "Asisten SDM Kapolri": the head served carries the body
        if _another_title(ctx, m):
            return None  # "Asisten III Jangcik Mohza dan Kepala BKD": another title, not a field
        m += 1
        if ctx.word(m) == "(":
            close = next((c for c in range(m + 1, min(m + 5, len(ctx.tokens)))
                          if ctx.word(c) == ")"), None)
            if close and (found := org(ctx, close + 1, after_title=True)):
                return m, close + 1, found
    if m > j and ctx.word(m) in links("within") and (found := org(ctx, m + 1, after_title=True)):
        return m, m + 1, found  # "Kasi Pengembangan Kawasan pada Dinas Sosial X": the unit's body
    return None


def _body_after_field(ctx: Context, j: int, found: tuple[int, OrgRef]) -> tuple[int, OrgRef] | None:
    """Return the body after an acronym no list knows that a title's field is written as:
    "Kabid TIK Polda Malut" (information technology, at the Polda)."""
    end, ref = found
    if end != j + 1 or ref.acronym or ctx.word(j) in load().acronyms or not ctx.word(j).isupper():
        return None
    return org(ctx, end, after_title=True)


def title(ctx: Context, i: int) -> Chunk | None:
    """Parse a role title and the institution it names or carries ("Kapolres Lahat")."""
    t, lex = tables(), load()
    k, qualifier = i, None
    if q := t.qualifiers.match(ctx.tokens, i):
        k, qualifier = _skip_alias(ctx, i + q[0], t.qualifiers), q[1]
    if not (r := t.roles.match(ctx.tokens, k)) or k in ctx.blocked:
        return None
    n, role = r
    if n > 1 and (shorter := lex.roles.get(ctx.span(k, k + n - 1))) and ctx.cap(k + n - 1) \
            and (body := org(ctx, k + n - 1, True)) and body[0] > k + n and body[1].acronym and body[1].area:
        n, role = n - 1, shorter  # "Kepala Satuan Polisi Pamong Praja": the head of a body listed
    # Titles are capitalised, but a form listed in lower case is read as written ("anggota DPRD"),
    # and so is a role several hold, counted: "tiga komisioner lainnya", "dua wakil ketua".
    if not ctx.cap(k) and (ctx.span(k, k + n) not in load().roles
                           or (role.carries is None and not org(ctx, k + n, True)
                               and not (_counted(ctx, k) and role.role in lex.plural_roles))):
        return None
    label, j = role.role, _skip_alias(ctx, k + n, t.roles)
    if (role.carries is None or "{" not in role.carries) and _rank_number(ctx, j):
        label, j = f"{label} {ctx.word(j)}", j + 1  # "Wakil Ketua II Nama", "Wakil Ketua 1 TP PKK"
    org_ref: OrgRef | None = None
    org_start = j
    if role.carries is None:
        if (found := org(ctx, j, after_title=True)) and (body := _body_after_field(ctx, j, found)):
            label, org_start, (j, org_ref) = f"{label} {ctx.word(j)}", j + 1, body  # "Kabid TIK Polda Malut"
        elif found:
            j, org_ref = found
        elif field := _portfolio(ctx, j):
            label = f"{label} {ctx.span(j, field[0])}"
            org_start, (j, org_ref) = field[1], field[2]
        elif (inner := title(ctx, j)) and inner.title and inner.title.org:
            # "Sekretaris Camat Baturaja Timur": a role of a role's office.
            inner_role = inner.title.role  # with its field: "Staf Ahli Gubernur Bidang Hukum"
            label = f"{label} {inner_role if inner_role.startswith(inner.title.written) else inner.title.written}"
            org_start, j, org_ref = j + len(inner.title.written.split()), inner.j, inner.title.org
        elif role.fallback and ((written := area(ctx, end := _field_end(ctx, j)))
                                or (home := _home_unit(ctx, j, role.fallback))):
            label = f"{label} {ctx.span(j, end)}" if end > j else label
            org_start = end
            if written:  # "Asisten II Bidang Perekonomian Provinsi Riau, Nama"
                place = replace(written[1], written=bare_place(ctx, written[1].written))
                j, org_ref = written[0], _home_org(role.fallback, place)
            elif home:
                j, org_ref = end, _home_org(role.fallback, home[1])
    else:
        if ctx.word(k - 1) == "(" and ctx.word(j) == ")" and (
                bracketed := _carried(ctx, j + 1, role.carries))[0] > j + 1:
            org_start, (j, org_ref) = j + 1, bracketed  # "Kepala kepolisian daerah (Kapolda) Jambi"
        else:
            j, org_ref = _carried(ctx, j, role.carries)
        j = j + 3 if org_ref and ctx.word(j) == "(" and ctx.cap(j + 1) and ctx.word(j + 2) == ")" \
            else j
        j = national_end(ctx, j) if org_ref else j
        if org_ref and ctx.word(j - 1) == ")" and _rank_number(ctx, j):
            label, j = f"{label} {ctx.word(j)}", j + 1  # "Wakil Menteri Dalam Negeri (Wamendagri) III"
    if org_ref is None and role.carries is None:
        while ctx.word(j) in lex.field_words:  # "Kanit Tipiter, Nama": a field, then the holder
            label, j = f"{label} {ctx.word(j)}", j + 1
        if (end := _field_before_name(ctx, j)) > j:
            label, j = f"{label} {ctx.span(j, end)}", end
    if field_end := _field_after(ctx, j):
        label, j = f"{label} {ctx.span(j, field_end)}", field_end
    if org_ref is None and role.carries is None and ctx.word(j) in links("within") \
            and (found := org(ctx, j + 1, after_title=True)):
        org_start, (j, org_ref) = j + 1, found  # "Kasubdit di Kejagung", "Koordinator Divisi Hukum pada Bawaslu X"
    collective = lex.collectives.get(ctx.span(k, k + n)) if org_ref is None else None
    org_span = (ctx.tokens[org_start].start, ctx.tokens[j - 1].end) if j > org_start else None
    if org_ref and (after := _skip_alias(ctx, j, t.roles)) > j:
        j = national_end(ctx, after)  # "Menteri Desa, ..., dan Transmigrasi (Mendes PDTT) RI, Nama"
    j = _constituency_end(ctx, j) if org_ref else j
    return chunk(ctx, ChunkKind.TITLE, i, j, title=TitleRef(label, ctx.span(k, k + n), qualifier,
                                                    org_ref, collective, org_span))


def _constituency_end(ctx: Context, j: int) -> int:
    """Extend a council member's title over the electoral district written after it: "Anggota
    DPRD X dari Dapil II, A", "Anggota DPR RI Dapil Jambi B", "dari Daerah Pemilihan Y, yakni
    A, B dan C": its number, its region, or both; the holder's name begins after them."""
    k = j + 1 if ctx.word(j) == "dari" else j
    if not (words := constituency(ctx, k)):
        return j
    k += words
    # its number; the Balinese "I" before "Wayan" begins the holder's name
    numbered = (is_roman(ctx.word(k)) or ctx.word(k).isdigit()) \
        and not (ctx.word(k) == "I" and ctx.word(k + 1) in load().name_parts)
    k += 1 if numbered else 0
    if found := area(ctx, k):
        return found[0]  # "Dapil 7 Bone", "Dapil Kaltara"
    return k if numbered else j


def _counted(ctx: Context, k: int) -> bool:
    """Say whether the word before token k is a number that counts it: "3", "tiga"."""
    word = ctx.word(k - 1).lower()
    return word.isdigit() or (word in load().numerals and not is_roman(word.upper()))


def _rank_number(ctx: Context, j: int) -> bool:
    """Say whether token j numbers a role among its like before a capitalised word or where the
    title ends: "Wakil Ketua II Nama", "Wakil Ketua 1 TP PKK", "Nama (Wakil Ketua II)"; the
    Balinese "I" before "Wayan" begins a name."""
    word, after = ctx.word(j), ctx.word(j + 1)
    numeral = is_roman(word) or (word.isdigit() and len(word) == 1)
    return numeral and (ctx.cap(j + 1) or after in {")", ","}) and not (word == "I" and after in load().name_parts)


def _carried(ctx: Context, j: int, carries: str) -> tuple[int, OrgRef | None]:
    """Build the institution a title carries from the place or unit written after it."""
    if "{rest}" in carries:
        end = _name_after_field(ctx, j, body_end(ctx, j), whole=True)  # "Menteri Pertanian Amran S."
        if end == j:
            return j, None
        body = carries.replace("{rest}", ctx.span(j, end))
        place = area(ctx, end)  # "Kadis Perhubungan Lahat"
        written = f"{body} {place[1].written}" if place else body
        return (place[0] if place else end), OrgRef(written, body, None, place[1] if place else None)
    if "{place}" not in carries and "{area}" not in carries:
        return j, OrgRef(carries, carries)
    base = carries.split(" {")[0]
    if (spelt := org(ctx, j)) and any(form and form.startswith(base) for form in body_forms(spelt[1])):
        return spelt  # "Kasat Lantas Polres Lahat", "Sekda Pemko X": the carried body is written out
    # "Kades X": Desa X; "KPN X": Negeri X, a village though "Negeri" names no level elsewhere
    village = PlaceLevel.VILLAGE in (load().place_levels.get(base), *load().home_levels.get(base, ((), ""))[0])
    found = unit(ctx, j, village)
    # "Pj Sekprov Bambang Wiryono": a given name, not the district so called, begins the holder's
    named = found is not None and "{place}" in carries and _below_home(at_level(ctx, found[1], (base,)), base)
    found = found if found and not named else _home_unit(ctx, j, carries, named)
    if not found:
        # "Kasdam Brigjen TNI Nama", "Irdam dari A ke B", "Nama (Kasatpol PP)": the body is
        # the report's one of its kind, which the article's bodies tell (kg.extract.resolve)
        held = "{place}" in carries and (named or _holder_follows(ctx, j) or ctx.word(j) in {"dari", ")"})
        return j, OrgRef(base, base) if held and base in load().acronyms else None
    end, home = found
    home = replace(home, written=bare_place(ctx, home.written))
    return end, _home_org(carries, at_level(ctx, home, (base,)) if "{place}" in carries else home)


def _below_home(place: PlaceRef, base: str) -> bool:
    """Say whether a place after a title is a district named like a given name though the body
    the title carries serves only provinces, regencies or cities (kg/lexicons/home_levels.tsv):
    the holder's name begins there, and "Pemerintah Provinsi" of a district is no body."""
    levels = load().home_levels.get(base, ((), ""))[0]
    return bool(levels) and place.level == PlaceLevel.DISTRICT \
        and not {PlaceLevel.DISTRICT, PlaceLevel.VILLAGE} & set(levels) and _given_name(place.written.split()[0])


def carries_body(written: str, ref: OrgRef) -> bool:
    """Say whether a title carries a body of the kind named: "Kasi Pidum" and "Kejari Poso"."""
    role = load().roles.get(written)
    base = role.carries.split(" {")[0] if role and role.carries and " {" in role.carries else None
    return base is not None and any(form and form.startswith(base) for form in body_forms(ref))


def _home_org(carries: str, place: PlaceRef) -> OrgRef:
    """Fill a carried organisation's template with a place: "Pemerintah {area}" + Kota X."""
    base = carries.split(" {")[0]
    if "{area}" in carries:
        level = gazetteer.LEVEL_WORDS.get(place.level)
        base = f"{base} {level}" if level else base
    return OrgRef(f"{base} {place.written}", base, None, place)


def _field_after(ctx: Context, j: int) -> int | None:
    """Find the end of a field written after the institution: "... Aceh Barat Divisi Teknis"."""
    if ctx.word(j) not in load().role_fields or not ctx.cap(j + 1):
        return None
    return _field_end(ctx, j + 1)


def _field_end(ctx: Context, j: int) -> int:
    """Extend over a role's field written after it: "Asisten I Bidang Pemerintahan dan Kesra",
    "Staf Ahli Bupati Bidang Pemerintahan, Hukum dan Politik, Nama"."""
    k = j
    while k - j < 10:
        if _given_name(ctx.word(k)) or _another_title(ctx, k) or (
                k > j and ctx.word(k) in load().place_levels and area(ctx, k)):
            break  # "Staf Ahli Bidang Kemasyarakatan Kurniawan Santoso": the holder's name begins;
            # "... Pembangunan Provinsi Riau": the region it serves
        if ctx.cap(k) and not is_prefix(ctx.word(k)) or (ctx.word(k) == "dan" and ctx.cap(k + 1)):
            k += 1
        elif ctx.word(k) == "," and fields_run_on(ctx, k + 1):
            k += 1
        else:
            break
    end = _name_after_field(ctx, j, k)
    return end + 1 if end > j and _rank_number(ctx, end) else end  # "Asisten Daerah 1 Nama"


def _name_after_field(ctx: Context, j: int, k: int, whole: bool = False) -> int:
    """Give back the words that end a field run and read as a name, not as the field.

    "Asisten Perdata dan Tata Usaha Negara Sigit Prabowo, S.H.": the field is written in words
    of the language, the holder's name is not. With `whole`, a run that is all name is given
    back too: in "Menteri Susanto Yandri" no ministry is named.
    """
    m = k
    while m > j and ctx.cap(m - 1) and _name_like(ctx.word(m - 1)):
        m -= 1
    return m if j < m < k or (whole and m == j and len(ctx.span(j, k).split()) > 1) else k


def _field_before_name(ctx: Context, j: int) -> int:
    """Find the end of a field in words of the language that a title naming no body is written
    with, right before its holder's name: "Kepala Bagian Tata Pemerintahan Budi Santoso",
    "Direktur Kewaspadaan Nasional Budi Santoso". A field names its matter with a derived word
    or a field's short form, and ends with one or a word of bodies' names; nothing is taken
    without one ("Wakil Ketua Bakti Marpaung": a name of dictionary roots), without a name after
    it, or when a word of it reads as a name."""
    k = j
    while k - j < 6 and ctx.cap(k) and not is_prefix(ctx.word(k)) and ctx.word(k) not in load().place_levels:
        k += 1
    m = _name_after_field(ctx, j, k)
    while m > j and not (_field_like(ctx.word(m - 1)) or ctx.word(m - 1) in org_vocabulary()):
        m -= 1  # "... Tata Pemerintahan Doni Saputra": a bare root before the name opens it
    field = [ctx.word(n) for n in range(j, m)]
    return m if j < m < k and not any(map(_name_like, field)) and any(map(_field_like, field)) else j


def _field_like(word: str) -> bool:
    """Say whether a word names a field's matter: a derived word or a field's short form."""
    return is_derived(word) or word in load().field_words


def _another_title(ctx: Context, k: int) -> bool:
    """Say whether "dan" at k begins another title, not more of a field: "... dan Kepala BKD"."""
    return ctx.word(k) == "dan" and tables().roles.match(ctx.tokens, k + 1) is not None


def _given_name(word: str) -> bool:
    """Say whether a word is a given name the lexicon knows and no word of a field."""
    lex = load()
    return word in lex.person_words and _name_like(word)


def _name_like(word: str) -> bool:
    """Say whether a capitalised word reads as part of a name rather than of a field."""
    if len(word) == 1:
        return not is_roman(word)  # the initial of "Rajendra D. Wiritanaya"
    lex = load()
    return not (word.isupper() or word in lex.role_fields or word in lex.field_words
                or word in org_vocabulary() or is_vocabulary(word))


def _home_unit(ctx: Context, j: int, carries: str, named: bool = False) -> tuple[int, PlaceRef] | None:
    """Take the report's own region for a regional head written without one.

    "Wakil Gubernur Mawardi Yahya" in a report from Palembang is deputy governor of
    Sumatera Selatan. `named`: the holder's name is known to follow the title.
    """
    levels, holder = load().home_levels.get(carries.split(" {")[0], ((), "any"))
    if not levels or (holder == "named" and not (named or _holder_follows(ctx, j))) or not ctx.reference:
        return None
    chain = gazetteer.chain(gazetteer.regions()[ctx.reference])
    region = next((r for r in chain if r.level in levels), None)
    if region is None:
        return None
    return j, PlaceRef(region.name, region.level, region.code, region.name)


def _holder_follows(ctx: Context, j: int) -> bool:
    """Say whether a holder with a rank or honorific follows a bare title: "Kapolres baru, AKBP X"."""
    k = j
    between = links("new") | links("former") | links("qualifying") | {","}
    while ctx.word(k).lower() in between and k - j < 3:
        k += 1
    return bool(is_prefix(ctx.word(k)) and ctx.cap(k + 1))


def bare_place(ctx: Context, written: str) -> str:
    """Drop the level word a place is written with: "Kota Pagaralam" -> "Pagaralam"."""
    words = written.split(" ", 1)
    return words[1] if len(words) == 2 and words[0].capitalize() in load().place_levels else written
