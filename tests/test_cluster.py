"""Extraction on a Dask cluster gives the outputs of a local build, byte for byte."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kg import cluster
from kg.ingest.load import itself
from kg.pipeline import BATCH, Workers, extract_and_unify, read_and_extract
from kg.records import Problem
from tests.conftest import ROOT, run_kg

OUTPUTS = ("graph.ttl", "explorer.html")
GOOD = ("MUARA ENIM, CONTOH.ID - Camat Lawang Kidul, Budi Santoso, S.IP, membuka rapat "
        "koordinasi pemilu di Aula Kantor Camat, Senin (3/6/2024).\n")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Start a cluster of two worker processes on this machine; return its scheduler's address."""
    import logging

    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the demo sources with `kg build --jobs 1`; return the output folder."""
    out = tmp_path_factory.mktemp("one")
    done = run_kg("build", "sources", "--out", str(out), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    return out


def _watch(monkeypatch: pytest.MonkeyPatch, answer: bool | None = None) -> list[bool]:
    """Record what the check that the workers see the sources says (or make it say `answer`)."""
    said: list[bool] = []
    check = cluster.sees

    def sees(client: object, files: list[Path]) -> bool:
        said.append(check(client, files) if answer is None else answer)  # type: ignore[arg-type]
        return said[-1]

    monkeypatch.setattr(cluster, "sees", sees)
    return said


def _same(one: Path, other: Path) -> None:
    for name in OUTPUTS:
        assert (one / name).read_bytes() == (other / name).read_bytes(), name


@pytest.mark.slow
def test_a_local_cluster_builds_what_one_process_builds(
        scheduler: str, one_process: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    said = _watch(monkeypatch)
    done = run_kg("build", "sources", "--out", str(tmp_path), "--cluster", scheduler)
    assert done.returncode == 0, done.stderr
    assert said == [True]  # the workers read the files themselves
    assert len(list((ROOT / "sources").glob("*.txt"))) > BATCH  # both workers get files
    _same(one_process, tmp_path)


@pytest.mark.slow
def test_workers_that_do_not_see_the_files_are_sent_the_texts(
        scheduler: str, one_process: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    said = _watch(monkeypatch, answer=False)
    done = run_kg("build", "sources", "--out", str(tmp_path), "--cluster", scheduler)
    assert done.returncode == 0, done.stderr
    assert said == [False]
    _same(one_process, tmp_path)


@pytest.mark.slow
def test_a_store_builds_on_a_cluster_as_here(scheduler: str, tmp_path: Path) -> None:
    for name, where in (("here", ["--jobs", "1"]), ("cluster", ["--cluster", scheduler])):
        done = run_kg("build", "sources", "--store", str(tmp_path / f"store-{name}"),
                      "--out", str(tmp_path / name), *where)
        assert done.returncode == 0, done.stderr
        assert "32 extracted" in done.stdout
    _same(tmp_path / "here", tmp_path / "cluster")


def _sources(folder: Path) -> Path:
    """Write articles that test the choosing: the same text twice, two texts under one id, a
    broken file and a JSON-lines file with a broken line."""
    (folder / "b").mkdir(parents=True)
    (folder / "a-copy.txt").write_text(GOOD, encoding="utf-8")
    (folder / "z-copy.txt").write_text(GOOD, encoding="utf-8")
    (folder / "same-id.txt").write_text(GOOD.replace("Budi Santoso", "Rahmat Hidayat"),
                                        encoding="utf-8")
    (folder / "b" / "same-id.txt").write_text(GOOD.replace("Budi Santoso", "Joko Purnomo"),
                                              encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps({"id": "line", "text": GOOD.replace(
        "Budi Santoso", "Siti Aminah")}) + "\n{broken\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("where", ["relative", "absolute"])
def test_workers_that_read_choose_and_name_as_a_local_read(
        tmp_path: Path, where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _sources(tmp_path / "src")
    monkeypatch.chdir(tmp_path)
    paths = [Path("src") if where == "relative" else tmp_path / "src"]
    with ThreadPoolExecutor(1) as pool:  # one thread: a recogniser is not shared by threads
        there = extract_and_unify(paths, workers=Workers(pool, 1, lambda files: True))
    here = extract_and_unify(paths)
    assert there == here
    assert [p.source for p in there[1]] == [str(paths[0] / name) for name in (
        "empty.txt", "feed.jsonl:2", "same-id.txt")]  # b/same-id.txt comes first in path order


def test_a_worker_that_does_not_see_a_file_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="every worker must see the sources"):
        read_and_extract(str(tmp_path / "gone.txt"), "gone.txt", 1000, itself)


def test_a_problem_is_named_by_the_path_the_build_was_given(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    found = read_and_extract(str(tmp_path / "empty.txt"), "src/empty.txt", 1000, itself)
    assert found == [Problem("src/empty.txt", "empty file")]


def test_kg_imports_without_distributed() -> None:
    code = ("import sys; sys.modules['distributed'] = None\n"
            "import kg.cli, kg.pipeline, kg.cluster, kg.store.build\n"
            "print(sorted(m for m in sys.modules if m.startswith(('dask', 'distributed'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['distributed']"  # only the blocked name: nothing imported


@pytest.mark.parametrize("args, says", [
    (["--cluster", "local"], "--cluster needs Dask's distributed package: pip install "
                             "'kg[cluster]'"),
])
def test_a_cluster_without_distributed_names_the_extra(
        args: list[str], says: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # type: ignore[arg-type]
    done = run_kg("build", "sources", "--out", str(tmp_path), *args)
    assert done.returncode == 1
    assert done.stderr == f"kg: build: {says}\n"


@pytest.mark.parametrize("args, says", [
    (["--cluster", "tcp://127.0.0.1:8786", "--jobs", "2"], "--jobs counts the processes of "
                                                           "--cluster local only"),
    (["--cluster", "nowhere"], "--cluster nowhere: missing port number"),
])
def test_cluster_mistakes_are_one_line(args: list[str], says: str, tmp_path: Path) -> None:
    done = run_kg("build", "sources", "--out", str(tmp_path), *args)
    assert done.returncode == 1
    assert done.stderr.startswith(f"kg: build: {says}") and done.stderr.count("\n") == 1


def test_the_workers_check_a_sample_of_the_files(tmp_path: Path) -> None:
    files = []
    for n in range(100):
        (path := tmp_path / f"{n:03d}.txt").write_text("x" * n, encoding="utf-8")
        files.append(path)

    class Client:
        """Stands for a client of two workers: one on this machine, one whose copy of the file
        `changed` (if any) has another size."""

        def __init__(self, changed: Path | None = None) -> None:
            self.changed = changed

        def run(self, check: Callable[[list[tuple[str, int]]], bool],
                names: list[tuple[str, int]]) -> dict[str, bool]:
            self.names = names
            there = [(name, size + (name == str(self.changed))) for name, size in names]
            return {"here": check(names), "there": check(there)}

    client = Client()
    assert cluster.sees(client, files)  # type: ignore[arg-type]
    assert len(client.names) <= cluster.SAMPLE + 1 and client.names[-1][0] == str(files[-1])
    assert not cluster.sees(Client(changed=files[-1]), files)  # type: ignore[arg-type]
