"""The triples spelt straight as N-Triples (kg.rdf.lines) are the lines of those kg.rdf.mapping
makes in rdflib terms, spelt as Oxigraph spells them: for every kind of record and branch, for
awkward text, and for the demo's articles."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from kg import pipeline
from kg.rdf.files import _keys, write_sorted_keys, write_sorted_ntriples
from kg.rdf.graph import Gathered
from kg.records import Attendance, Byline, Collective, EventFact, Extraction, Holding, Place
from tests.conftest import ROOT
from tests.test_mapping import EXTRACTION, S1, S2


def _same(xs: list[Extraction]) -> int:
    """Assert that both spellings give the same sort keys; return how many."""
    spelt = sorted({key for some in Gathered().keys(xs) for key in some})
    assert spelt == _keys(set(Gathered().triples(xs)))
    return len(spelt)


def test_each_branch_of_the_mapping_is_spelt_as_oxigraph_spells_its_terms() -> None:
    awkward = 'Kata "kutip" \\ miring\tdan\nbaris, ÉÈ ñ 日本 \x7f\x01 😀'
    x = replace(
        EXTRACTION,
        bylines=(Byline("rosa amelia", "author"), Byline("budi", "editor")),
        collectives=(Collective("kepala desa", awkward, ("Kades", awkward), 40),
                     Collective("warga", "Warga")),
        places=(*EXTRACTION.places, Place("xx", "Tempat", "unknown-level", (), None, None)),
        holdings=(*EXTRACTION.holdings,
                  Holding("budi", "Plt Kepala", "kejari|16.04", S1, "Plt", "former")),
        events=(*EXTRACTION.events,
                EventFact("a1#meeting", awkward, "Meeting", (S1,),
                          (date(2024, 3, 1), date(2024, 3, 2)), ("1 Maret", "2 Maret"))),
        attendances=(*EXTRACTION.attendances,
                     Attendance("budi", "person", "a1#meeting", "attendee", S2)),
    )
    month = replace(x, article=replace(x.article, id="a 2/é", url=None, outlet=None, title=None,
                                       published=None),
                    reported=None, reported_month="2024-03", dateline=None)
    conflicting = replace(x, article=replace(x.article, id="a3"),
                          holdings=(Holding("sari", "Kepala", "kejari|16.04", S2),))
    assert _same([x, month, conflicting]) > 100


def test_the_demo_articles_give_the_same_lines_either_way(tmp_path: Path) -> None:
    xs, _, _ = pipeline.extract_and_unify([ROOT / "sources"], compact=True)
    assert _same(xs) > 1000
    write_sorted_ntriples(Gathered().triples(xs), tmp_path / "terms.nt", run=500)
    write_sorted_keys(Gathered().keys(xs), tmp_path / "keys.nt", run=500)
    assert (tmp_path / "terms.nt").read_bytes() == (tmp_path / "keys.nt").read_bytes()
