"""Is a build linear in the corpus, and its memory bounded as the corpus grows?

Whole builds of 1,000 and 5,000 real-length articles (or any sizes: `--sizes 1000 10000`), with
and without a store: seconds, CPU seconds, peak memory, and each as a multiple of the smallest.

Writes corpus_bench.py's corpus of the largest size once (invented articles whose lengths follow
the real-news set's); each smaller corpus is its first articles (the generator is seeded, so
they are the very articles a corpus of that size holds), linked, not copied. Then, for each
size, it runs in a process of its own

- `kg build CORPUS --out OUT --jobs J`, and
- `kg build CORPUS --store STORE --out OUT --jobs J` into a new store (its first build: every
  article extracted, every graph written, then the exports written from the store),

and reports the wall-clock seconds, the CPU seconds of the build and all its processes (user
and system), and its peak memory: the largest resident size among the build's processes
(`getrusage(RUSAGE_CHILDREN)` in a process that ran that build alone and took in its orphans,
so that workers started by a fork server count too). The load average before and after each
run is printed with it: on a shared machine the wall-clock seconds grow with the load, the CPU
seconds much less. Between two sizes it prints how much the peak memory grew per 1,000
articles, and the peak at ten times the largest size if it kept growing so (the issue's test:
100k articles under 3 times the peak at 10k).

    python bench/scale_bench.py [--sizes 1000 5000] [--jobs 2] [--seed 7] [--no-store]
                                [--keep DIR]

A 10,000-article corpus takes about 7 minutes to build on a free core of this project's
machine, and 100,000 ten times that; `--keep DIR` keeps the corpora to build again.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_bench import write_corpus  # noqa: E402 - the generator lives beside this script


@dataclass(frozen=True)
class Run:
    """What one build took."""

    seconds: float
    cpu: float
    peak_mb: float
    load: tuple[float, float]  # the 1-minute load average before and after


def subset(corpus: Path, folder: Path, n: int) -> Path:
    """Link the first n articles of a corpus into a folder of their own."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(corpus.iterdir())[:n]:
        if not (folder / path.name).exists():
            os.link(path, folder / path.name)
    return folder


def run(args: list[str]) -> Run:
    """Run `kg ARGS` in a process of its own, under a measuring process; return what it took."""
    before = os.getloadavg()[0]
    measured = subprocess.run([sys.executable, __file__, "--measure", *args], check=True,
                              capture_output=True, text=True).stdout.splitlines()[-1]
    seconds, cpu, peak_kb = json.loads(measured)
    return Run(seconds, cpu, peak_kb / 1024, (before, os.getloadavg()[0]))


def measure(args: list[str]) -> None:
    """Run `kg ARGS`, wait for every process it started, and print its seconds, the CPU seconds
    and the largest resident size of all of them (`getrusage(RUSAGE_CHILDREN)`).

    This process takes in the processes orphaned on the way (Linux's child subreaper): a build
    whose database runs threads starts its workers from a fork server, not from itself, and the
    server outlives it by a moment; its workers' time and memory count all the same.
    """
    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "kg", *args], stdout=subprocess.DEVNULL)
    status = child.wait()
    seconds = time.perf_counter() - started
    while True:  # the orphans this process took in
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    if status:
        raise SystemExit(f"kg {' '.join(args)} failed")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps([seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss]))


def report(label: str, n: int, done: Run, first: tuple[int, Run]) -> None:
    """Print one run, and its multiples of the smallest run of its kind."""
    n0, r0 = first
    print(f"{label:<14} {n:>6,} articles: {done.seconds:8.1f} s ({n / done.seconds:5.1f}/s), "
          f"{done.cpu:8.1f} s CPU, peak {done.peak_mb:6.0f} MB; load {done.load[0]:.1f} -> "
          f"{done.load[1]:.1f}", flush=True)
    if n != n0:
        growth = (done.peak_mb - r0.peak_mb) / (n - n0) * 1000
        print(f"{'':<14} {n / n0:.0f} times the articles: {done.seconds / r0.seconds:.2f} times "
              f"the time, {done.cpu / r0.cpu:.2f} times the CPU, {done.peak_mb / r0.peak_mb:.2f} "
              f"times the peak memory ({growth:.0f} MB more per 1,000 articles; at {10 * n:,} "
              f"articles, growing so: {done.peak_mb + growth * 9 * n / 1000:,.0f} MB, "
              f"{1 + growth * 9 * n / 1000 / done.peak_mb:.1f} times)", flush=True)


def main() -> None:
    """Write the corpus, build each size with and without a store, and print what it took."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", "--articles", type=int, nargs="+", default=[1000, 5000],
                    metavar="N", dest="articles", help="corpus sizes to build (default: 1000 5000)")
    ap.add_argument("--jobs", type=int, default=2, help="kg build --jobs (default: 2)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-store", action="store_true", help="plain builds only")
    ap.add_argument("--keep", type=Path, help="write the corpora, stores and outputs here")
    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2:])
        return
    args = ap.parse_args()
    sizes = sorted(set(args.articles))
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        corpus = work / f"corpus-{sizes[-1]}"
        if not corpus.is_dir():
            write_corpus(corpus, sizes[-1], args.seed)
        print(f"{os.cpu_count()} cores; kg build --jobs {args.jobs}; corpus_bench's corpus, "
              f"seed {args.seed}", flush=True)
        kinds = [("kg build", False)] + ([] if args.no_store else [("kg build --store", True)])
        for label, store in kinds:
            first: tuple[int, Run] | None = None
            for n in sizes:
                sources = corpus if n == sizes[-1] else subset(corpus, work / f"corpus-{n}", n)
                out = work / f"out-{'store-' if store else ''}{n}"
                extra = ["--store", str(work / f"store-{n}")] if store else []
                if store:
                    shutil.rmtree(work / f"store-{n}", ignore_errors=True)
                done = run(["build", str(sources), "--out", str(out), "--jobs", str(args.jobs),
                            *extra])
                first = first or (n, done)
                report(label, n, done, first)


if __name__ == "__main__":
    main()
