"""How long a store build takes at first and then for a few new articles: a benchmark, not a test.

Writes synthetic regional-news articles (bench/extract_bench.py's generator: about 300 words
each, officials, institutions, regions and dates) as text files, builds them into a fresh store
through the command line (`kg build SOURCES --store DIR --out DIR`, so the time includes
starting Python), then adds new articles and builds again, a few times: once updating the store
alone, once more writing the exports (graph.ttl, explorer.html) from it, and prints each time.

    python bench/incremental_bench.py [--articles 300] [--add 1] [--runs 3] [--no-exports]
                                      [--keep DIR]

Prints one line per build (wall time, CPU time of the build's process, the load average), then
the medians. The builds import kg from the working directory first: run it from a copy of the
code that stays as it is while it runs (`git archive HEAD | tar -x -C DIR`, then run it in DIR),
or a change to kg's code in between makes each build redo the graphs.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_bench import corpus  # noqa: E402 - the generator lives beside this script


def write_articles(folder: Path, first: int, count: int, seed: int) -> None:
    """Write articles first..first+count-1 of the seeded corpus as front-matter text files."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in corpus(first + count, seed)[first:]:
        header = f"---\npublished: {article.published.isoformat()}\n---\n"
        (folder / f"{article.id}.txt").write_text(header + article.text, encoding="utf-8")


CPU: list[float] = []  # each build's CPU time (user and system), in the order of the builds


def timed_build(sources: Path, store: Path, out: Path | None = None) -> float:
    """Run `kg build --store` (with `--out` if given) in a process of its own; return its
    wall-clock seconds (and note its CPU seconds in CPU)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    exports = ["--out", str(out)] if out else []
    subprocess.run([sys.executable, "-m", "kg", "build", str(sources), "--store", str(store),
                    *exports], check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return time.perf_counter() - started


def load() -> str:
    """Say the machine's load average over the last minute."""
    return f"load {os.getloadavg()[0]:.1f}"


def main() -> int:
    """Build the first articles into a store, then add a few at a time and build again."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300, help="articles of the first build")
    ap.add_argument("--add", type=int, default=1, help="articles added before each later build")
    ap.add_argument("--runs", type=int, default=3, help="how many times to add and build again")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-exports", action="store_true", help="time the store's updates only")
    ap.add_argument("--keep", type=Path, help="keep the sources, store and exports in this folder")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="kg-incremental-"))
    sources, store, out = root / "sources", root / "store", root / "out"
    exports = None if args.no_exports else out
    try:
        write_articles(sources, 0, args.articles, args.seed)
        first = timed_build(sources, store)
        print(f"first build of {args.articles} articles into a store: {first:.1f} s "
              f"(CPU {CPU[-1]:.1f} s, {load()})", flush=True)
        if exports:
            print(f"then writing its exports: {timed_build(sources, store, exports):.1f} s",
                  flush=True)
        added, adding, exporting, cpu = args.articles, [], [], []
        for _ in range(args.runs):
            write_articles(sources, added, args.add, args.seed)
            adding.append(timed_build(sources, store))
            line = f"adding {args.add} article(s) to {added}: {adding[-1]:.2f} s " \
                f"(CPU {CPU[-1]:.2f} s, {load()})"
            cpu.append(CPU[-1])
            if exports:
                exporting.append(timed_build(sources, store, exports))
                line += f"; then writing the exports: {exporting[-1]:.2f} s"
            print(line, flush=True)
            added += args.add
        line = f"adding {args.add} article(s): median {statistics.median(adding):.2f} s " \
            f"(CPU {statistics.median(cpu):.2f} s)"
        if exports:
            line += f"; writing the exports: median {statistics.median(exporting):.2f} s"
        print(f"{line} ({args.runs} runs)")
        print(f"nothing changed: {timed_build(sources, store, exports):.2f} s "
              f"(CPU {CPU[-1]:.2f} s, {load()})")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
