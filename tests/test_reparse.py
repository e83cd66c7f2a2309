"""The second pass over an article takes a sentence's first parse when the article's acronyms
and region would not change it: the same parses as reading every sentence twice.

The invented article below defines an acronym and names a regional head without a region (both
read in the second pass); the project's own articles in sources/ are the rest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import article as article_module
from kg.extract.article import parse_article
from kg.extract.context import Watched
from kg.ingest.article import make_article
from kg.ingest.load import load_articles
from kg.records import Article

ROOT = Path(__file__).resolve().parent.parent
INVENTED = (
    "LAHAT, KABARUJI.ID - Forum Warga Peduli Sungai (FWPS) Lahat menggelar rapat di Aula Kantor "
    "Bupati Lahat, Senin (11/3/2024).\n"
    "Ketua FWPS Lahat, Darmo Wijoyo, membuka rapat itu.\n"
    "Bupati Harsono Saputra mengatakan rapat digelar setiap bulan.\n"
    "Hadir pula Kapolres Lahat AKBP Rudi Santoso, S.I.K.\n")


def _articles() -> list[Article]:
    articles, _ = load_articles([ROOT / "sources"])
    return [make_article("uji", INVENTED, "test", {"published": "2024-03-11"}), *articles]


def _parses(a: Article) -> list[tuple[object, ...]]:
    pa = parse_article(a, mentions=False, recogniser=False)
    return [(p.sentence, p.chunks, p.pairs, p.ctx) for p in pa.sentences]


@pytest.mark.parametrize("a", _articles(), ids=lambda a: a.id)
def test_first_parse_taken_only_when_the_same(a: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    taken = _parses(a)
    assert all(type(ctx) is not Watched for *_, ctx in taken)  # the second context is kept
    monkeypatch.setattr(Watched, "same_reading", lambda self, other: False)
    assert _parses(a) == taken


def test_second_pass_reads_again_what_the_article_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    a = _articles()[0]
    parsed: list[object] = []
    original = article_module._parse
    monkeypatch.setattr(article_module, "_parse",
                        lambda ctx, s: parsed.append(s) or original(ctx, s))
    sentences = parse_article(a, mentions=False, recogniser=False).sentences
    again = parsed[len(sentences):]
    # The sentences that name the body the article defines, and the regional head's, are read
    # again; the last is not.
    assert [s.text.split()[0] for s in again] == ["LAHAT,", "Ketua", "Bupati"]
