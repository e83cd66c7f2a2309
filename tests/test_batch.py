"""Articles extracted together (the recogniser run once over all of them) give what each gives
alone: the same extractions, and a failing article's problem without stopping the others."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.extract import extract
from kg.extract.batch import extract_many
from kg.ingest.load import load_articles
from kg.nlp import ner
from kg.pipeline import extract_one, extract_some
from kg.records import Problem
from tests.conftest import ROOT

ARTICLES = load_articles([ROOT / "sources"])[0][:12]


@pytest.mark.parametrize("mentions", [False, True])
def test_together_as_alone(mentions: bool) -> None:
    assert extract_many(ARTICLES, mentions) == [extract(a, mentions) for a in ARTICLES]


def test_recognised_together_as_alone() -> None:
    texts = [(a.text, ner.lines(a.text)) for a in ARTICLES[:4]] + [("", []), (" \n ", [(0, 3)])]
    assert ner.recognise_many(texts) == [ner.recognise_parts(t, p) for t, p in texts]
    assert ner.recognise_many([]) == []


def test_a_failing_article_is_a_problem_and_the_others_go_on() -> None:
    broken = [replace(a, noise=((5, None),)) if n == 3 else a  # type: ignore[arg-type]
              for n, a in enumerate(ARTICLES)]
    together = extract_some(broken)
    assert together == [extract_one(a) for a in broken]
    assert isinstance(together[3], Problem) and "extraction failed" in together[3].reason
    assert sum(isinstance(x, Problem) for x in together) == 1


def test_a_recogniser_that_fails_fails_only_its_article(monkeypatch: pytest.MonkeyPatch) -> None:
    original = ner.recognise_many
    bad = ARTICLES[2].text

    def failing(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        if text == bad and parts:
            raise ValueError("broken")
        return original([(text, parts)])[0]

    monkeypatch.setattr(ner, "recognise_parts", failing)
    monkeypatch.setattr(ner, "recognise_many", lambda texts: [failing(*t) for t in texts])
    out = extract_many(ARTICLES, True)
    assert isinstance(out[2], ValueError)
    assert out[:2] + out[3:] == [extract(a, True) for a in ARTICLES[:2] + ARTICLES[3:]]
