"""Invariants, checked on generated articles (hypothesis).

- every piece of evidence (sentence, holding, attendance, event, mention) is the article text
  between its offsets;
- the facts refer to entities the extraction has;
- IRIs are deterministic: extractions in any order give the same Turtle bytes;
- Turtle written and read back is the same graph;
- tokens and sentences of any text slice back to their text.

Articles are composed from templates of regional news with generated names, titles, places
and dates; all invented.
"""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.extract import extract
from kg.ingest.article import make_article
from kg.nlp.dates import find_dates
from kg.nlp.sentences import split_sentences
from kg.nlp.tokens import tokenize
from kg.rdf.graph import build_graph
from kg.records import Extraction

SETTINGS = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
# Building and writing graphs is slower than extracting: fewer examples keep the suite fast.
GRAPH_SETTINGS = settings(SETTINGS, max_examples=20)

GIVEN = ["Budi", "Sri", "Ahmad", "Rina", "Yoga", "Dewi", "Hendra", "Siti", "Fajar", "Wulan",
         "Agus", "Maria", "Rahmat", "Nur", "Taufik"]
FAMILY = ["Santoso", "Wahyuni", "Pratama", "Lestari", "Saputra", "Hidayat", "Permatasari",
          "Siregar", "Nugroho", "Harahap", "Kusuma", "Anwar"]
PLACES = ["Lahat", "Muara Enim", "Banyuasin", "Pagaralam", "Palembang", "OKU Selatan",
          "Lubuklinggau", "Empat Lawang"]
TITLES = ["Kapolres {p}", "Kajari {p}", "Sekda {p}", "Bupati {p}", "Wakil Bupati {p}",
          "Ketua KPU Kabupaten {p}", "Ketua Bawaslu {p}", "Kepala Dinas Kesehatan {p}",
          "Ketua DPRD {p}", "Plt Kepala Dinas Pendidikan {p}", "Pj Bupati {p}",
          "Dandim 0405/{p}"]
PREFIXES = ["", "", "AKBP ", "Kompol ", "Letkol Inf ", "Drs. ", "dr. ", "H. ", "Hj. "]
SUFFIXES = ["", "", ", S.H.", ", S.H., M.H.", " SH MH", ", S.IP", ", M.Si", ", S.Sos"]
EVENTS = ["Rapat koordinasi", "Sosialisasi", "Apel siaga", "Upacara peringatan HUT",
          "Deklarasi damai", "Penandatanganan nota kesepahaman", "Musrenbang"]
VENUES = ["Aula Kantor Bupati {p}", "Pendopo Rumah Dinas Bupati", "Lapangan Merdeka",
          "Gedung Serba Guna {p}", "Mapolres {p}"]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
CLAUSES = ["kegiatan itu berjalan lancar", "seluruh jajaran siap bekerja",
           "warga diminta menjaga ketertiban", "anggaran sudah disiapkan"]

names = st.builds(lambda g, f: f"{g} {f}", st.sampled_from(GIVEN), st.sampled_from(FAMILY))


@st.composite
def officials(draw: st.DrawFn) -> tuple[str, str]:
    """Draw a title with its place and a name as written with rank and degrees."""
    title = draw(st.sampled_from(TITLES)).format(p=draw(st.sampled_from(PLACES)))
    written = draw(st.sampled_from(PREFIXES)) + draw(names) + draw(st.sampled_from(SUFFIXES))
    return title, written


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """Draw one sentence (or a noise line) in the style of regional news."""
    (title, who), (title2, who2) = draw(officials()), draw(officials())
    place, clause = draw(st.sampled_from(PLACES)), draw(st.sampled_from(CLAUSES))
    day, month = draw(st.integers(1, 28)), draw(st.integers(1, 12))
    event = draw(st.sampled_from(EVENTS))
    venue = draw(st.sampled_from(VENUES)).format(p=place)
    weekday = draw(st.sampled_from(WEEKDAYS))
    templates = [
        f"{title}, {who}, mengatakan {clause}.",
        f"{who}, {title}, menjelaskan {clause}.",
        f"{title} {who} menegaskan {clause}.",
        f"{who}, selaku {title}, membuka acara tersebut.",
        f"Acara itu dihadiri {title} {who}, {title2} {who2}, serta para Kades se-Kabupaten "
        f"{place}.",
        f"{event} digelar di {venue}, {weekday} ({day}/{month}/2024).",
        f"{event} itu diikuti seluruh ASN di lingkungan Pemkab {place}.",
        f"\"{clause.capitalize()},\" ujarnya.",
        f"{title} diwakili oleh {title2}, {who2}.",
        f"BACA JUGA: {event} di {place} Berlangsung Meriah",
        f"Foto: {title} saat membuka {event.lower()}.",
    ]
    return draw(st.sampled_from(templates))


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Draw an article: an optional dateline, then a few paragraphs of sentences."""
    place = draw(st.sampled_from(PLACES))
    dateline = draw(st.sampled_from(["", f"{place.upper()}, SUMSELPOST.ID - ",
                                     f"{place} (Antara) - "]))
    paragraphs = draw(st.lists(st.lists(sentences(), min_size=1, max_size=3), min_size=1,
                               max_size=4))
    body = "\n".join(" ".join(p) for p in paragraphs)
    sign_off = draw(st.sampled_from(["", "\n(ant/abc)", "\n(*)"]))
    return dateline + body + sign_off


@lru_cache(maxsize=512)
def extract_cached(ident: str, text: str) -> Extraction:
    """Extract an article once per (id, text): the graph properties reuse extractions."""
    return extract(make_article(ident, text, "generated", {"published": "2024-06-14"}),
                   mentions_wanted=True)


@SETTINGS
@given(articles())
def test_evidence_is_the_article_text_between_its_offsets(text: str) -> None:
    x = extract_cached("gen", text)
    assert x.article.text == text

    def check(start: int, end: int, written: str) -> None:
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == written

    for s in x.sentences:
        check(s.start, s.end, s.text)
        assert all(s.end <= ns or s.start >= ne for ns, ne in x.article.noise)
    for h in x.holdings:
        check(h.sentence.start, h.sentence.end, h.sentence.text)
        assert h.sentence in x.sentences
    for a in x.attendances:
        check(a.sentence.start, a.sentence.end, a.sentence.text)
        assert a.sentence in x.sentences
    for e in x.events:
        for s in e.sentences:
            check(s.start, s.end, s.text)
    for m in x.mentions:
        check(m.start, m.end, m.text)


@SETTINGS
@given(articles())
def test_facts_refer_to_entities_of_the_extraction(text: str) -> None:
    x = extract_cached("gen", text)
    persons = {p.key for p in x.persons}
    orgs = {o.key for o in x.organizations}
    places = {p.key for p in x.places}
    groups = {c.key for c in x.collectives}
    events = {e.key for e in x.events}
    for h in x.holdings:
        assert h.person in persons and h.organization in orgs
        assert h.status in {"current", "former", "incoming", "outgoing"}
        assert h.qualifier in {None, "Pj", "Plt", "Plh"}
    kinds = {"person": persons, "organization": orgs, "collective": groups}
    for a in x.attendances:
        assert a.participant in kinds[a.kind]
        assert a.event in events
        assert a.role in {"attendee", "speaker", "organizer"}
    for o in x.organizations:
        assert o.area is None or o.area in places
    for e in x.events:
        assert e.place is None or e.place in places
    for p in x.places:
        assert p.within is None or p.within in places
    assert x.dateline is None or x.dateline in places


@GRAPH_SETTINGS
@given(st.lists(articles(), min_size=2, max_size=3, unique=True), st.randoms())
def test_iris_do_not_depend_on_the_order_of_the_extractions(texts: list[str], random) -> None:
    xs = [extract_cached(f"gen{n}", t) for n, t in enumerate(texts)]
    shuffled = list(xs)
    random.shuffle(shuffled)
    first = build_graph(xs).serialize(format="turtle")
    assert build_graph(shuffled).serialize(format="turtle") == first


@GRAPH_SETTINGS
@given(st.lists(articles(), min_size=1, max_size=3, unique=True))
def test_turtle_written_and_read_back_is_the_same_graph(texts: list[str]) -> None:
    graph = build_graph(extract_cached(f"gen{n}", t) for n, t in enumerate(texts))
    again = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert isomorphic(graph, again)


@settings(max_examples=200, deadline=None)
@given(st.text(), st.data())
def test_tokens_slice_back_to_their_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    previous = start
    for token in tokenize(text, start, end):
        assert start <= previous <= token.start < token.end <= end
        assert text[token.start:token.end] == token.text
        assert not token.text.isspace()
        previous = token.end


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])))
def test_sentences_and_dates_of_any_text_slice_back(text: str) -> None:
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text and s.text.strip()
    for d in find_dates(text):
        assert text[d.start:d.end] == d.text
