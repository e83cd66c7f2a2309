"""A graph loaded in bulk answers as rdflib's memory graph does; a build writes its outputs in
several processes as in one, and holds no article it has handed on."""

from __future__ import annotations

import contextlib
import os
import time
from functools import partial
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg import pipeline
from kg.rdf.files import (
    Growing,
    _sorted_ntriples,
    read_ntriples,
    typed_subjects,
    write_sorted_keys,
    write_sorted_ntriples,
)
from kg.rdf.graph import Gathered, LoadedStore, graph_triples, new_graph, triples_of
from kg.rdf.namespaces import RDF, RDFS, SDO
from kg.records import Article
from kg.viz import slices
from kg.viz.explorer import drawn, write_explorer
from kg.viz.slices import DRAWN
from tests.conftest import ROOT

SOURCES = ROOT / "sources"

A, B, C = (URIRef(f"https://contoh.example/{n}") for n in "abc")
TRIPLES = [(A, RDF.type, SDO.Person), (A, RDFS.label, Literal("Sari Wulan")),
           (B, RDF.type, SDO.Place), (B, SDO.containedInPlace, C)]


def _plain(triples: list) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


def test_a_graph_loaded_in_bulk_is_read_and_counted_without_being_indexed() -> None:
    g = new_graph(TRIPLES)
    assert isinstance(g.store, LoadedStore)
    assert len(g) == 4 and sorted(g) == sorted(TRIPLES)
    assert g.store._loaded is not None  # read through and counted only: not indexed yet
    assert g.namespace_manager.store.namespace("schema") == URIRef(str(SDO._NS))


def test_a_graph_loaded_in_bulk_answers_patterns_queries_and_changes_as_rdflib_does() -> None:
    g, plain = new_graph(TRIPLES), _plain(TRIPLES)
    assert set(g.objects(A, RDFS.label)) == {Literal("Sari Wulan")}
    assert g.store._loaded is None  # a pattern indexed it
    assert (A, RDF.type, SDO.Person) in g and (A, RDF.type, SDO.Place) not in g
    query = "SELECT ?s WHERE { ?s a <https://schema.org/Place> }"
    assert [r.s for r in g.query(query)] == [r.s for r in plain.query(query)] == [B]
    g.add((C, RDF.type, SDO.Place))
    g.remove((A, None, None))
    plain.add((C, RDF.type, SDO.Place))
    plain.remove((A, None, None))
    assert len(g) == len(plain) == 3 and isomorphic(g, plain)


@pytest.mark.parametrize("first", ["add", "remove", "parse", "contains"])
def test_any_change_or_question_first_keeps_the_triples_given(first: str) -> None:
    g = new_graph(TRIPLES)
    if first == "add":
        g.add((C, RDF.type, SDO.Place))
    elif first == "remove":
        g.remove((C, RDF.type, SDO.Place))  # not there: nothing goes
    elif first == "parse":
        g.parse(data=f"<{C}> a <https://schema.org/Place> .", format="turtle")
    else:
        assert (B, SDO.containedInPlace, C) in g
    assert set(TRIPLES) <= set(g) and len(g) == len(set(g))


def test_triples_are_each_given_once() -> None:
    xs, _, _ = pipeline.extract_and_unify([SOURCES / "d01-lahat-netralitas-asn.txt",
                                           SOURCES / "d02-ogan-ilir-rakor-pilkada.txt"],
                                          compact=True)
    triples = graph_triples(xs)
    assert len(triples) == len(set(triples)) == len(_plain(triples))


def _fail(ntriples: Path, path: Path) -> None:
    raise OSError(f"no room for {path.name}")


def test_outputs_written_apart_are_the_same_and_their_errors_are_raised(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for jobs in (1, 2):
        pipeline.write_outputs(new_graph(TRIPLES), tmp_path / f"jobs-{jobs}", jobs=jobs)
    for name in ("graph.ttl", "explorer.html"):
        assert (tmp_path / "jobs-1" / name).read_bytes() == (tmp_path / "jobs-2" / name).read_bytes()
    monkeypatch.setattr(pipeline, "turtle_from_ntriples", _fail)
    with pytest.raises(OSError, match="no room for graph.ttl"):
        pipeline.write_outputs(new_graph(TRIPLES), tmp_path / "full", jobs=2)
    assert [p.name for p in (tmp_path / "full").iterdir()] == ["explorer.html"]  # no scratch left


def test_outputs_of_triples_made_as_they_are_written_are_those_of_their_graph(tmp_path: Path) -> None:
    xs, _, _ = pipeline.extract_and_unify([SOURCES / "d01-lahat-netralitas-asn.txt"], compact=True)
    triples = graph_triples(xs)
    graph = new_graph(triples)
    for name, write in pipeline.OUTPUTS.items():
        write(graph, tmp_path / name)
    shown = pipeline.write_triples(triples_of(xs), tmp_path / "out", explorer_max=10)
    assert shown is not None and shown.overview
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (tmp_path / "graph.ttl").read_bytes()
    write_explorer(graph, tmp_path / "overview.html", most=10)  # from the rdflib graph
    assert (tmp_path / "out" / "explorer.html").read_bytes() == \
        (tmp_path / "overview.html").read_bytes()
    pipeline.write_triples(list(graph), tmp_path / "whole")  # type: ignore[arg-type]
    assert (tmp_path / "whole" / "explorer.html").read_bytes() == \
        (tmp_path / "explorer.html").read_bytes()


def test_tasks_sent_to_fresh_processes_where_this_one_may_not_fork(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_can_fork", lambda: False)  # as with a store's threads
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    pipeline.side_by_side({"one": partial(Path.write_text, one, "satu"),
                           "two": partial(Path.write_text, two, "dua")}, jobs=2, sent=True)
    assert (one.read_text(), two.read_text()) == ("satu", "dua")
    with pytest.raises(FileNotFoundError):
        pipeline.side_by_side({"one": partial(Path.write_text, one, "satu"),
                               "gone": partial(os.remove, tmp_path / "tidak-ada")},
                              jobs=2, sent=True)


def test_a_file_is_read_as_it_grows_by_a_process_forked_before_it_is_written(
        tmp_path: Path) -> None:
    parts = [f"<http://example.org/s{i}> <http://example.org/p> \"{i}\" .\n".encode() * 500
             for i in range(20)]

    def write(growing: Growing, fail: bool) -> None:
        with growing.writing() as path, path.open("wb") as file:
            for part in parts:
                file.write(part)
                file.flush()
                time.sleep(Growing.WAIT / 4)
                if fail:
                    raise OSError("no room")

    def read(growing: Growing) -> None:
        with growing.reader() as file:
            (tmp_path / "read").write_bytes(file.read())

    for fail in (False, True):
        with Growing(tmp_path / f"grows-{fail}") as growing:
            wait = pipeline._apart("read", partial(read, growing))  # forked before it is written
            with pytest.raises(OSError) if fail else contextlib.nullcontext():
                write(growing, fail)
            error = wait()
        if fail:
            assert isinstance(error, OSError) and "not written whole" in str(error)
        else:
            assert error is None and (tmp_path / "read").read_bytes() == b"".join(parts)
    with Growing(tmp_path / "here") as growing:  # read where it was written, once written
        write(growing, False)
        read(growing)
    assert (tmp_path / "read").read_bytes() == b"".join(parts)


def test_a_subjects_lines_are_found_by_bisection_as_by_reading_the_file_through(
        tmp_path: Path) -> None:
    xs, _, _ = pipeline.extract_and_unify([SOURCES / "d01-lahat-netralitas-asn.txt"], compact=True)
    write_sorted_ntriples(triples_of(xs), tmp_path / "graph.nt")
    lines = (tmp_path / "graph.nt").read_bytes().splitlines(keepends=True)
    subjects = {line[:line.index(b" ")] for line in lines}
    with (tmp_path / "graph.nt").open("rb") as file:
        for subject in [*subjects, b"<>", b"<~>", b"<http://example.org/tiada>"]:
            assert slices._lines_of(file, len(b"".join(lines)), subject) == \
                [line for line in lines if line.startswith(subject + b" ")]


def test_articles_handed_on_are_let_go() -> None:
    articles = [Article(id=f"a{i}", text="Teks.", source=f"a{i}.txt") for i in range(3)]
    handed = pipeline._HandedOn(articles)
    assert len(handed) == 3 and not articles
    seen = []
    for article in handed:
        seen.append(article.id)
        assert handed._articles[len(seen) - 1] is None
    assert seen == ["a0", "a1", "a2"]


def test_n_triples_read_by_oxigraph_give_the_terms_rdflib_reads() -> None:
    text = "\n".join([
        '<https://contoh.example/a> <https://schema.org/name> "Sari \\"Wulan\\"\\n" .',
        '<https://contoh.example/a> <https://schema.org/name> "Sari"@id .',
        '<https://contoh.example/a> <https://schema.org/birthDate> "1980-02-01"^^'
        '<http://www.w3.org/2001/XMLSchema#date> .',
        '<https://contoh.example/a> <https://schema.org/age> "044"^^'
        '<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .',
        '<https://contoh.example/a> <https://schema.org/url> "https://contoh.example/ä"^^'
        '<http://www.w3.org/2001/XMLSchema#anyURI> .',
        '<https://contoh.example/a> <https://schema.org/knows> <https://contoh.example/b%20c> .',
        '<https://contoh.example/a> <https://schema.org/note> "\\u00e9t\\u00e9" .', ""])
    ours, rdflibs = read_ntriples(text.encode("utf-8")), Graph().parse(data=text, format="nt")
    assert len(ours) == len(rdflibs) == 7
    assert sorted(ours) == sorted(rdflibs)
    assert {(o, o.datatype, o.language) for o in ours.objects() if isinstance(o, Literal)} == \
        {(o, o.datatype, o.language) for o in rdflibs.objects() if isinstance(o, Literal)}


def test_n_triples_sorted_in_runs_are_those_sorted_at_once_each_once(tmp_path: Path) -> None:
    xs, _, _ = pipeline.extract_and_unify([SOURCES / "d01-lahat-netralitas-asn.txt"], compact=True)
    triples = graph_triples(xs)
    given = triples[::-1] + triples[:20]  # some twice, in another run
    write_sorted_ntriples(iter(given), tmp_path / "runs.nt", run=7)
    assert [p.name for p in tmp_path.iterdir()] == ["runs.nt"]
    assert (tmp_path / "runs.nt").read_bytes() == _sorted_ntriples(new_graph(triples))


def test_runs_merged_a_block_at_a_time_give_each_line_once_in_order(tmp_path: Path,
                                                                    monkeypatch) -> None:
    """Sorted runs merged a few lines at a time (blocks of about 20 bytes) give every line once,
    in order: lines in several runs, lines twice in one run, runs of other lengths, one empty."""
    from kg.rdf import files

    monkeypatch.setattr(files, "BLOCK", 20)
    words = [f"<kata{n:03d}> .\n".encode() for n in range(300)]
    runs = [words[::3], words[1::2], sorted(words[100:160] * 2), words[250:], [], words[:5]]
    paths = []
    for n, lines in enumerate(runs):
        paths.append(tmp_path / f"run{n}")
        paths[-1].write_bytes(b"".join(lines))
    files.merge_runs(paths, tmp_path / "merged.nt")
    assert (tmp_path / "merged.nt").read_bytes() == \
        b"".join(sorted({line for lines in runs for line in lines}))
    assert not any(p.exists() for p in paths)


def test_the_overview_of_the_lines_it_reads_is_that_of_the_whole_graph(tmp_path: Path) -> None:
    import pyoxigraph as ox

    from kg.viz import explorer
    from kg.viz.slices import overview

    xs, _, _ = pipeline.extract_and_unify([SOURCES], compact=True)
    ntriples = tmp_path / "graph.nt"
    write_sorted_ntriples(triples_of(xs), ntriples)
    whole, read = ox.Store(str(tmp_path / "whole")), ox.Store(str(tmp_path / "read"))
    whole.bulk_load(ntriples.read_bytes(), format=ox.RdfFormat.N_TRIPLES)
    explorer._load(read, ntriples)
    assert len(read) < len(whole) / 2
    for top in (3, 150):
        a, b = overview(whole, top=top), overview(read, top=top)
        assert (a.seeds, a.cut, a.members, a.events) == (b.seeds, b.cut, b.members, b.events)
        assert list(a.graph) == list(b.graph)


def test_the_overview_told_as_the_triples_are_made_is_that_of_a_store(tmp_path: Path) -> None:
    import pyoxigraph as ox

    from kg.viz.slices import OverviewTally, overview

    xs, _, _ = pipeline.extract_and_unify([SOURCES], compact=True)
    ntriples = tmp_path / "graph.nt"
    write_sorted_ntriples(triples_of(xs), ntriples)
    whole = ox.Store(str(tmp_path / "whole"))
    whole.bulk_load(ntriples.read_bytes(), format=ox.RdfFormat.N_TRIPLES)
    for top in (1, 3, 150):
        tally = OverviewTally(top)
        tally.SLACK = 0  # the worst let go as soon as four times `top` are ranked
        told = tmp_path / f"told{top}.nt"
        write_sorted_keys(Gathered(tmp_path, run=50, tally=tally).keys(reversed(xs)), told)
        assert told.read_bytes() == ntriples.read_bytes()
        a, b = overview(whole, top=top), tally.overview(told)
        assert (a.seeds, a.cut, a.members, a.events) == (b.seeds, b.cut, b.members, b.events)
        assert sorted(a.graph) == sorted(b.graph) and len(a.graph) > 10
        assert tally.organizations > 4 * top + 1 or top == 150


def test_triples_gathered_in_runs_on_disk_are_those_made_in_memory(tmp_path: Path) -> None:
    files = sorted(SOURCES.glob("d0*.txt"))[:4]
    xs, _, _ = pipeline.extract_and_unify(files, compact=True)
    gathered = Gathered(tmp_path, run=5)
    on_disk = list(gathered.triples(reversed(xs)))  # in any order of the articles
    assert set(on_disk) == set(triples_of(xs))
    assert not list(tmp_path.iterdir())  # the runs are deleted once read
    entities = {(field, r.key) for x in xs for field in
                ("persons", "organizations", "places", "events", "collectives")
                for r in getattr(x, field)}
    facts = {(h.person, h.role, h.organization) for x in xs for h in x.holdings}
    facts |= {(e.key,) for x in xs for e in x.events}
    facts |= {(a.participant, a.event, a.role) for x in xs for a in x.attendances}
    assert (gathered.entities, gathered.facts) == (len(entities), len(facts))


def test_the_nodes_drawn_are_counted_from_the_sorted_n_triples(tmp_path: Path) -> None:
    xs, _, _ = pipeline.extract_and_unify([SOURCES / "d01-lahat-netralitas-asn.txt"], compact=True)
    nodes: set = set()
    write_sorted_ntriples(drawn(triples_of(xs), nodes), tmp_path / "graph.nt", run=50)
    assert typed_subjects(tmp_path / "graph.nt", DRAWN) == len(nodes) > 10
