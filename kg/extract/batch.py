"""Extract many articles together: each parsed by the rules, then the recogniser run once over
all of their sentences that need it, then each finished.

The recogniser's fixed cost a run outweighs its work on an article's one or two sentences; one
run over a batch of articles reads the same sentences for less. Each article's extraction is
the one `extract` gives it alone.
"""

from __future__ import annotations

from kg.extract.article import Reading, finish_article, read_article
from kg.extract.assemble import extract
from kg.nlp import ner
from kg.records import Article, Extraction


def extract_many(articles: list[Article], mentions_wanted: bool = False, recogniser: bool = True
                 ) -> list[Extraction | Exception]:
    """Extract each article (see `extract`); an article that fails gives its exception, as it
    would alone, and the others go on."""
    readings: list[Reading | Exception] = []
    for article in articles:
        try:
            readings.append(read_article(article, mentions_wanted, recogniser))
        except Exception as err:  # noqa: BLE001 - one bad article must not stop the others
            readings.append(err)
    read = [r for r in readings if isinstance(r, Reading) and r.parts is not None]
    models: dict[int, list[tuple[int, int, str]] | Exception] = {}
    try:
        found = ner.recognise_many([(r.article.text, r.parts or []) for r in read])
        models = {id(r): spans for r, spans in zip(read, found, strict=True)}
    except Exception:  # noqa: BLE001 - find which article fails, reading each alone
        for r in read:
            try:
                models[id(r)] = ner.recognise_parts(r.article.text, r.parts or [])
            except Exception as err:  # noqa: BLE001
                models[id(r)] = err
    out: list[Extraction | Exception] = []
    for article, reading in zip(articles, readings, strict=True):
        if isinstance(reading, Exception):
            out.append(reading)
            continue
        model = models.get(id(reading), [])
        if isinstance(model, Exception):
            out.append(model)
            continue
        try:
            out.append(extract(article, mentions_wanted, recogniser, finish_article(reading, model)))
        except Exception as err:  # noqa: BLE001
            out.append(err)
    return out
