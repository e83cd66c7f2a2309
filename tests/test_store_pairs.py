"""Co-attendance asked of everyone is paired by kg (kg.store.pairs) from one side of its pairs,
read by SPARQL: the same rows, in the same order, as the question run by Oxigraph and rdflib,
on a small graph made to hold what pairing could get wrong."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph

from kg.rdf.prefixes import IRIS
from kg.store import pairs
from kg.store.query import (
    PAIRS,
    named,
    order_key,
    pairs_form,
    rows,
    run,
    run_store,
    split_order,
    write_csv,
)
from tests.conftest import TURTLE_HEAD

ox = pytest.importorskip("pyoxigraph")

# Invented people at invented events: two persons of one name (Budi), a person of two names
# (Eko, Eko Prasetyo), one name with a language tag and without, one participant named twice
# at an event, a participation of two events, a participant without a name, names that order
# by code point (upper case, then lower case, then accents).
TURTLE = TURTLE_HEAD + """
<person/ani> rdfs:label "Ani Lestari" .
<person/budi-1> rdfs:label "Budi" .
<person/budi-2> rdfs:label "Budi" .
<person/citra> rdfs:label "Citra" , "Citra"@id .
<person/eko> rdfs:label "Eko" , "Eko Prasetyo" .
<person/zaenal> rdfs:label "Zaenal" .
<person/agus> rdfs:label "agus" .
<person/elin> rdfs:label "Élin" .
<person/tanpa-nama> a foaf:Person .
<org/dinsos> rdfs:label "Dinas Sosial" .

<participation/1> kg:event <event/e1> ; kg:participant <person/ani> .
<participation/2> kg:event <event/e1> ; kg:participant <person/budi-1> .
<participation/3> kg:event <event/e1> ; kg:participant <person/budi-2> .
<participation/4> kg:event <event/e1> ; kg:participant <person/citra> .
<participation/5> kg:event <event/e1> ; kg:participant <org/dinsos> .
<participation/6> kg:event <event/e2> ; kg:participant <person/ani> .
<participation/7> kg:event <event/e2> ; kg:participant <person/ani> .
<participation/8> kg:event <event/e2> ; kg:participant <person/budi-2> .
<participation/9> kg:event <event/e2> ; kg:participant <org/dinsos> .
<participation/10> kg:event <event/e2> ; kg:participant <person/tanpa-nama> .
<participation/11> kg:event <event/e3> , <event/e4> ; kg:participant <person/eko> .
<participation/12> kg:event <event/e3> ; kg:participant <person/ani> .
<participation/13> kg:event <event/e4> ; kg:participant <person/zaenal> , <person/agus> .
<participation/14> kg:event <event/e4> ; kg:participant <person/elin> .
<participation/15> kg:event <event/e5> ; kg:participant <person/eko> .
<participation/16> kg:event <event/e6> ; kg:participant <person/budi-1> , <person/budi-2> .
"""
QUESTION = named()["co-attendance"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small graph in a store's database."""
    folder = tmp_path_factory.mktemp("pairs")
    db = ox.Store(str(folder / "oxigraph"))
    graph = ox.NamedNode(IRIS["kgr"] + "graph/entities")
    db.extend(ox.Quad(t.subject, t.predicate, t.object, graph)
              for t in ox.parse(TURTLE.encode(), format=ox.RdfFormat.TURTLE))
    db.flush()
    del db
    return folder


def test_the_pairs_are_the_questions_rows_in_its_order(store: Path) -> None:
    assert pairs_form(QUESTION) != QUESTION
    db = ox.Store.read_only(str(store / "oxigraph"))
    result = db.query(QUESTION, prefixes=IRIS, use_default_graph_as_union=True)
    expected = [["" if t is None else t.value for t in row] for row in result]
    del db
    found = run_store(store, QUESTION)
    assert found.columns == ["participant", "other", "events"]
    assert found.rows == expected  # every row, in Oxigraph's order
    assert ["Budi", "Budi", "2"] in found.rows  # two persons of one name, at e1 and e6
    assert ["Eko", "Eko Prasetyo", "1"] not in found.rows  # one person's two names
    assert ["Ani Lestari", "Dinas Sosial", "2"] in found.rows  # Ani twice at e2: once


def test_rdflib_gives_the_same_rows() -> None:
    graph = Graph().parse(data=TURTLE, format="turtle")
    columns, expected = rows(run(graph, QUESTION))
    assert columns == ["participant", "other", "events"]
    found = pairs.pair_rows(_sides(), order_key)
    assert sorted(found) == sorted(expected)
    assert [int(r[2]) for r in found] == sorted((int(r[2]) for r in found), reverse=True)


def _sides() -> list[list[object]]:
    """The pairs form's rows, read by Oxigraph from the small graph in memory."""
    db = ox.Store()
    db.extend(ox.parse(TURTLE.encode(), format=ox.RdfFormat.TURTLE))
    return [list(row) for row in db.query(pairs_form(QUESTION), prefixes=IRIS)]


def test_no_sides_no_pairs() -> None:
    assert pairs.pair_rows([], order_key) == []


def test_a_question_paired_by_kg_is_ordered_by_its_count_then_its_names() -> None:
    from importlib.resources import files

    paired = [p.name.removesuffix(PAIRS) for p in files("kg.queries").iterdir()
              if p.name.endswith(PAIRS)]
    assert paired == ["co-attendance"]
    for name in paired:
        first, second, count = pairs.columns(named()[name])
        assert split_order(named()[name])[1] == [(count, True), (first, False), (second, False)]
    with pytest.raises(ValueError, match="COUNT"):
        pairs.columns("SELECT ?a ?b WHERE { ?a ?p ?b }")


@given(st.lists(st.lists(st.text(alphabet='a ,"\n\r\té\x00;', max_size=4), min_size=3,
                         max_size=3), min_size=1, max_size=5) | st.lists(
    st.lists(st.text(alphabet='a ,"\n', max_size=2), min_size=1, max_size=1), min_size=1,
    max_size=3))
def test_csv_is_written_as_pythons_csv_writer_writes_it(found: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(found)
    assert write_csv(found) == out.getvalue().rstrip("\n")
    assert write_csv([]) == ""
