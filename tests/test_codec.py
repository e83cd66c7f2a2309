"""Records to JSON and back: every extraction survives, and nothing but records comes out."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.records import Article, Extraction, Mention, Sentence
from kg.store.codec import from_json, to_json


@settings(max_examples=100, deadline=None)
@given(st.from_type(Extraction))
def test_every_extraction_comes_back_equal(extraction: Extraction) -> None:
    assert from_json(Extraction, json.loads(json.dumps(to_json(extraction)))) == extraction


def test_dates_and_tuples_are_plain_json() -> None:
    article = Article("a", "Teks.", "a.txt", published=date(2024, 6, 4), noise=((0, 2),))
    data = to_json(article)
    assert data["published"] == "2024-06-04" and data["noise"] == [[0, 2]]
    assert from_json(Article, data) == article


@pytest.mark.parametrize("kind, data", [
    (Sentence, {"start": "0", "end": 1, "text": "x"}),  # a string for an int
    (Sentence, {"start": True, "end": 1, "text": "x"}),  # a boolean is no int here
    (Sentence, {"start": 0, "end": 1}),  # a field missing
    (Sentence, {"start": 0, "end": 1, "text": "x", "evil": "os.system"}),  # an unknown field
    (Sentence, ["0", 1, "x"]),  # not an object
    (Mention, {"start": 0, "end": 1, "text": "x", "type": "PERSON", "key": "x",
               "attrs": [["a", "b", "c"]]}),  # a pair of three
    (Article, {"id": "a", "text": "t", "source": "s", "published": 20240805}),
    (Article, {"id": "a", "text": ["t"], "source": "s"}),
])
def test_data_of_the_wrong_shape_is_refused(kind: type, data: Any) -> None:
    with pytest.raises(ValueError):
        from_json(kind, data)
