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
from kg.vocab import MentionType


@settings(max_examples=100, deadline=None)
@given(st.from_type(Extraction))
def test_every_extraction_comes_back_equal(extraction: Extraction) -> None:
    assert from_json(Extraction, json.loads(json.dumps(to_json(extraction)))) == extraction


def test_dates_and_tuples_are_plain_json() -> None:
    article = Article("a", "Teks.", "a.txt", published=date(2024, 6, 4), noise=((0, 2),))
    data = to_json(article)
    assert data["published"] == "2024-06-04" and data["noise"] == [[0, 2]]
    assert from_json(Article, data) == article


def test_names_of_the_vocabulary_are_written_as_strings_and_read_as_names() -> None:
    mention = Mention(0, 4, "Budi", MentionType.PERSON, "budi")
    data = to_json(mention)
    assert type(data["type"]) is str and data["type"] == "PERSON"
    assert from_json(Mention, data).type is MentionType.PERSON


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
    (Mention, {"start": 0, "end": 1, "text": "x", "type": "CAT", "key": "x"}),  # no such type
    (Mention, {"start": 0, "end": 1, "text": "x", "type": 3, "key": "x"}),
])
def test_data_of_the_wrong_shape_is_refused(kind: type, data: Any) -> None:
    with pytest.raises(ValueError):
        from_json(kind, data)
