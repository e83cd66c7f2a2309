"""Extraction in several processes gives the same outputs, byte for byte, as in one."""

from __future__ import annotations

import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kg.ingest.load import load_articles
from kg.pipeline import BATCH, build, extract_all, unify_all
from kg.rdf.files import write_turtle
from kg.rdf.graph import build_graph
from kg.records import Extraction, Problem
from tests.conftest import ROOT, run_kg

SOURCES = ROOT / "sources"


@pytest.mark.slow
def test_jobs_give_the_same_outputs_as_one_process(tmp_path: Path) -> None:
    one = build([SOURCES], tmp_path / "one", jobs=1)
    two = build([SOURCES], tmp_path / "two", jobs=2)
    assert one.articles == two.articles > BATCH  # more than one batch: both workers extract
    for name in ("graph.ttl", "explorer.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


@pytest.mark.slow
def test_a_build_without_its_graph_spells_the_articles_apart_with_jobs_and_the_same_bytes(
        tmp_path: Path) -> None:
    # in a process of its own, which may fork (this one may have loaded the recogniser's BLAS)
    probe = ("import sys, kg.pipeline as p; from pathlib import Path; write = p._write_parts; "
             "p._write_parts = lambda parts, jobs, nt: (print(*parts), write(parts, jobs, nt)); "
             "p.build([Path(sys.argv[1])], Path(sys.argv[2]), jobs=2, keep=False)")
    parted = subprocess.run([sys.executable, "-c", probe, str(SOURCES), str(tmp_path / "two")],
                            capture_output=True, text=True, check=True, cwd=ROOT).stdout.split()
    assert parted == ["entities", "articles"]  # spelt in two processes
    build([SOURCES], tmp_path / "one", jobs=1, keep=False)
    for name in ("graph.ttl", "explorer.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


@pytest.mark.slow
def test_jobs_keep_the_order_they_were_given_and_the_graph_whatever_the_order(
        tmp_path: Path) -> None:
    articles, _ = load_articles([SOURCES])
    shuffled = articles[:]
    random.Random(11).shuffle(shuffled)
    results = list(extract_all(shuffled, jobs=2))
    assert [x.article.id for x in results if isinstance(x, Extraction)] == \
        [a.id for a in shuffled]
    in_order = [x for x in extract_all(articles, jobs=1) if isinstance(x, Extraction)]
    for extractions, name in ((results, "shuffled.ttl"), (in_order, "in-order.ttl")):
        write_turtle(build_graph(unify_all(extractions, [SOURCES])[0]), tmp_path / name)
    assert (tmp_path / "shuffled.ttl").read_bytes() == (tmp_path / "in-order.ttl").read_bytes()


def test_a_failing_article_is_a_problem_in_a_worker_too() -> None:
    articles, _ = load_articles([SOURCES])
    broken = [replace(a, noise=((5, None),)) if n == 20 else a  # type: ignore[arg-type]
              for n, a in enumerate(articles)]
    results = list(extract_all(broken, jobs=2))
    assert len(results) == len(articles)
    assert isinstance(results[20], Problem) and "extraction failed" in results[20].reason
    assert sum(isinstance(r, Problem) for r in results) == 1


@pytest.mark.parametrize("jobs", ["0", "-2", "two"])
def test_jobs_must_be_a_number_of_processes(jobs: str) -> None:
    with pytest.raises(SystemExit) as stop:
        run_kg("build", "--jobs", jobs)
    assert stop.value.code == 2


def test_a_build_runs_one_thread_until_it_extracts_so_it_may_fork() -> None:
    # numpy's BLAS and tqdm's monitor each start a thread; a process with another thread does
    # not fork its workers and its writers (kg.pipeline._can_fork)
    probe = ("import kg.pipeline as p, threading; list(p._progress(iter([1]), 1, False)); "
             "print(threading.active_count(), p._can_fork())")
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True, cwd=ROOT).stdout.split()
    assert found == ["1", "True"]


def test_a_thread_just_joined_that_lingers_in_the_systems_list_does_not_stop_a_fork(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.pipeline as pipeline

    monkeypatch.setattr(pipeline.threading, "active_count", lambda: 1)  # Python runs no other
    listed = iter([["1", "2"], ["1", "2"], ["1"]])  # a pool's thread, joined, leaving the list
    monkeypatch.setattr(pipeline.os, "listdir", lambda _: next(listed))
    assert pipeline._can_fork()
    monkeypatch.setattr(pipeline.os, "listdir", lambda _: ["1", "2"])  # a thread of the system's own
    assert not pipeline._can_fork()
