"""The chunker tries its parsers at an uncapitalised token only when its word may open a chunk
(`chunker._opens_uncapitalised`): the same chunks as trying them all at every token.

The invented article below has chunks that open with an uncapitalised word (a group, a role
written in lower case, an event, an honorific, a name's particle); the project's own articles in
sources/ are the rest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import chunker
from kg.extract.article import parse_article
from kg.ingest.article import make_article
from kg.ingest.load import load_articles
from kg.records import Article

ROOT = Path(__file__).resolve().parent.parent
INVENTED = (
    "LAHAT, KABARUJI.ID - Pemerintah Kabupaten Lahat menggelar sosialisasi netralitas di Aula "
    "Kantor Bupati Lahat, Senin (11/3/2024).\n"
    "Kegiatan itu diikuti para Kades, seluruh ASN dan 45 Kades se-Kabupaten Lahat.\n"
    "Hadir pula anggota DPRD Lahat, dr Rina Wulandari, dan Ahmad bin Saleh.\n"
    "Usai rapat koordinasi, pelantikan pejabat digelar oleh Bupati Lahat Harsono Saputra.\n")


def _articles() -> list[Article]:
    articles, _ = load_articles([ROOT / "sources"])
    return [make_article("uji", INVENTED, "test", {"published": "2024-03-11"}), *articles]


def _chunks(a: Article) -> list[tuple[object, ...]]:
    pa = parse_article(a, mentions=False, recogniser=False)
    return [(p.sentence, p.chunks, p.pairs) for p in pa.sentences]


@pytest.mark.parametrize("a", _articles(), ids=lambda a: a.id)
def test_uncapitalised_tokens_skipped_only_when_no_parser_starts(
        a: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    skipping = _chunks(a)
    monkeypatch.setattr(chunker, "_opens_uncapitalised", lambda word: True)
    assert _chunks(a) == skipping


def test_uncapitalised_openers() -> None:
    opens = chunker._opens_uncapitalised
    assert opens("para") and opens("anggota") and opens("dr") and opens("bin")
    assert not opens("menggelar") and not opens("dan") and not opens(",")


def test_a_second_reading_keeps_all_a_context_read() -> None:
    from kg.extract.context import Context, Watched, _read
    from kg.extract.phrases import PhraseTable
    from kg.nlp.tokens import tokenize

    text = "Kapolres Lahat AKBP Rudi Santoso hadir."
    first = Watched(text, tokenize(text), frozenset({5}))
    defined = PhraseTable.build([("FWPS", "Forum Warga")])
    again = first.reading(defined, "16.04")
    fresh = Context(text, first.tokens, first.blocked, defined, "16.04")
    assert type(again) is Context and vars(again) == vars(fresh)
    assert set(vars(fresh)) == {*_read(), "defined", "reference"}
    assert {"tokens", "_words", "_caps"} <= set(_read())


@pytest.mark.parametrize("a", _articles(), ids=lambda a: a.id)
def test_regions_looked_up_only_where_a_name_may_open(
        a: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.extract import context

    skipping = _chunks(a)
    monkeypatch.setattr(context, "_may_open_region", lambda word: True)
    assert _chunks(a) == skipping


def test_every_region_name_may_open_where_its_first_word_stands() -> None:
    from kg.extract.context import _may_open_region
    from kg.lexicons import gazetteer, load

    assert "" not in gazetteer._index()  # else every name would find a region
    names = [*(r.name for r in gazetteer.regions().values()), *load().region_aliases]
    assert all(_may_open_region(name.split()[0]) for name in names)
    assert _may_open_region("Kabupaten") and _may_open_region("Kota")  # level words, cut off
    assert not _may_open_region("Wulandari") and not _may_open_region("Sosialisasi")


@pytest.mark.parametrize("a", _articles(), ids=lambda a: a.id)
def test_parsers_skipped_only_where_they_cannot_open(
        a: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    indexed = _chunks(a)
    monkeypatch.setattr(chunker, "_parsers_at", lambda word, capitalised: chunker._PARSERS)
    assert _chunks(a) == indexed


def test_parsers_at_a_word() -> None:
    at = chunker._parsers_at
    assert at("Kapolres", True)[0] is chunker._title_at  # a role opens a title
    assert chunker.collective_at in at("para", False) and chunker._event_at in at("pelantikan", False)
    assert at("Wulandari", True) == (chunker._any_org_at, chunker._place_at, chunker._person_at,
                                     chunker._name_at)
