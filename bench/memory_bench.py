"""Where does a build's memory go? kg build's stages in one process, the peak after each.

Writes corpus_bench.py's corpus of N invented real-length articles (or reads a folder given),
then runs in this process what `kg build --jobs J` runs in its own (the workers extract; this
process reads, unifies and writes the outputs, as the build's process does), and prints after
each stage the seconds and this process's peak resident size so far
(`getrusage(RUSAGE_SELF)`): what each stage adds is what it holds at its peak. Run it at two
sizes to see which stage grows with the corpus.

    python bench/memory_bench.py [--articles 1000] [--corpus DIR] [--jobs 2] [--seed 7]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_bench import write_corpus  # noqa: E402 - the generator lives beside this script


def main() -> None:
    """Build the corpus stage by stage and print each stage's seconds and the peak so far."""
    from kg.identity.unify import Identities, Needed, read_overrides, rekey
    from kg.ingest import MAX_BYTES
    from kg.ingest.load import discover
    from kg.pipeline import (
        _key_maps,
        _parts,
        _put,
        _read_here,
        _write_parts,
        alias_files,
        extract_all,
        shelved,
        side_by_side,
    )
    from kg.rdf.files import turtle_from_ntriples, typed_subjects
    from kg.rdf.graph import Gathered
    from kg.records import Extraction, Problem
    from kg.spill import Shelf, collector_held
    from kg.viz.explorer import write_explorer_ntriples
    from kg.viz.slices import DRAWN, OverviewTally

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--corpus", type=Path, help="build this folder instead of a new corpus")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus or Path(scratch) / "corpus"
        if args.corpus is None:
            write_corpus(corpus, args.articles, args.seed)
        started = time.perf_counter()

        def lap(stage: str) -> None:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{stage:<44} {time.perf_counter() - started:7.1f} s  peak {peak:6.0f} MB",
                  flush=True)

        lap("started (kg imported)")
        files, _ = discover([corpus])
        articles, _ = _read_here(files, MAX_BYTES, Path(scratch))  # each kept on disk
        lap(f"read the sources ({len(articles):,} articles)")
        shelf: Shelf[Extraction] = Shelf(Path(scratch) / "extractions")
        needs: Shelf[Needed] = Shelf(Path(scratch) / "needs")
        identities = Identities(read_overrides(alias_files([corpus])), Path(scratch))
        kept = [_put(shelf, needs, x) for x in extract_all(
            articles, jobs=args.jobs, form=partial(shelved, wanted=identities.wanted))
            if not isinstance(x, Problem)]
        places = [place for place, _ in kept]
        lap(f"extract (--jobs {args.jobs}), each kept on disk")
        maps = _key_maps(identities, needs.read(need for _, need in kept))
        lap("identity across articles")
        out = Path(scratch) / "out"
        out.mkdir()
        with collector_held():  # as kg build's write_keys: the triples made as it takes them
            tally = OverviewTally()  # the explorer's overview, told as the triples are made
            gathered = Gathered(Path(scratch), tally=tally)
            parts = _parts(gathered, lambda: (rekey(x, maps) for x in shelf.read(places)),
                           args.jobs)  # the articles' own in a process of their own with more jobs
            _write_parts(parts, args.jobs, out / "graph.nt")
            nodes = typed_subjects(out / "graph.nt", DRAWN)
            lap("the triples, sorted into N-Triples")
            side_by_side({  # graph.ttl in a process of its own with more than one job
                "explorer.html": lambda: write_explorer_ntriples(
                    out / "graph.nt", nodes, out / "explorer.html", tally=tally),
                "graph.ttl": partial(turtle_from_ntriples, out / "graph.nt", out / "graph.ttl"),
            }, args.jobs)
        lap("explorer.html (and graph.ttl)")
        shelf.close()

if __name__ == "__main__":
    main()
