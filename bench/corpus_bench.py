"""Benchmark whole builds on a corpus of real-length news: articles/s, peak memory, stage shares.

Writes a corpus of N invented articles (default 10,000) into a folder, their lengths drawn from
the real-news set's (`.cache/realnews/*.txt`: only their word counts are read; without the
cache, from the quantiles below, measured on it) and their make-up after real regional news:
a dateline and an event, officials with titles, ranks and degrees, lists of those present,
quotes, handovers, and sentences of plain reporting between them. Names, places and bodies are
generated from our own lists and the gazetteer; no real text is used. Then it runs

- `kg build CORPUS --jobs 1` in a process of its own (the whole process: start-up, reading,
  extraction, unification, the graph, graph.ttl, explorer.html), and again with `--jobs 2`
  (and, when asked, on a Dask cluster of N workers on this machine: `--cluster local --jobs
  N`, its start included), and checks that all wrote the same bytes;
- the same stages in this process, one after the other, timed, for each stage's share.

    python bench/corpus_bench.py [--articles 10000] [--seed 7] [--keep DIR] [--jobs 1 2]
                                 [--cluster N ...] [--no-stages] [--cache DIR]
                                 [--extract-only ROUNDS] [--corpus DIR]
                                 [--against CHECKOUT [--rounds 3]]

With --extract-only it only extracts the articles, as `kg build --jobs 1` does, in a fresh
process each round, and prints the least CPU time: run with PYTHONPATH naming another
checkout's folder, it times that checkout's extraction on the same corpus.

With --against CHECKOUT (another checkout's folder, which holds its kg/: a worktree, or
`git archive COMMIT kg | tar -x -C DIR`) it times that kg's builds (or, with --extract-only,
its extractions) and this checkout's on the same corpus, one right after the other, alternating
which goes first, --rounds times; prints each run's CPU seconds and their medians, and whether
both wrote the same bytes. On a shared machine only such alternating runs compare two versions.
--corpus DIR takes the articles a --keep wrote, instead of writing them again.

Prints articles/s and words/s per run, its peak memory (the largest process: with --jobs 2 the
parent and each worker are counted apart), its CPU seconds (all its processes: the firmer
measure on a shared machine), and each stage's seconds and CPU seconds, and their shares.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from extract_bench import DAYS, DEGREES, EVENTS, FILLER, RANKS

from kg.lexicons import gazetteer

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "realnews"
# Words per article in the real-news set (154 texts), at every fifth percentile from 0 to 100:
# used when the cache of its texts is not there.
QUANTILES = [82, 196, 213, 232, 244, 254, 256, 260, 262, 263, 264, 266, 267, 268, 270, 271,
             273, 276, 278, 280, 297]

SYLLABLES = ["ba", "di", "ra", "su", "ti", "wan", "na", "har", "jo", "ko", "ma", "ri", "san",
             "to", "yu", "dar", "li", "mus", "fa", "zal", "he", "ndra", "gus", "ni", "ta", "wi"]
RANK_ROLES = ["Kapolres", "Kapolsek", "Dandim", "Danramil", "Wakapolres", "Kasat Reskrim Polres"]
CIVIL_ROLES = ["Kepala Dinas Pendidikan", "Kepala Dinas Kesehatan", "Sekretaris Daerah",
               "Ketua DPRD", "Ketua KPU", "Ketua Bawaslu", "Kepala Kejaksaan Negeri",
               "Kepala Badan Kesatuan Bangsa dan Politik", "Asisten Pemerintahan Setda",
               "Kepala Dinas Pekerjaan Umum", "Inspektur Inspektorat", "Kepala Bappeda",
               "Ketua Pengadilan Negeri", "Kepala Dinas Sosial", "Wakil Ketua DPRD"]
VERBS = ["mengatakan", "menyampaikan", "menjelaskan", "menegaskan", "mengungkapkan"]
QUOTES = ["Kami berharap seluruh pihak dapat bekerja sama menjaga kondusivitas daerah",
          "Netralitas aparatur harus dijaga sampai seluruh tahapan selesai",
          "Program ini akan kami evaluasi setiap tiga bulan bersama dinas terkait",
          "Pelayanan kepada masyarakat tidak boleh terganggu oleh agenda apa pun",
          "Kami membuka posko pengaduan selama dua puluh empat jam"]


def name(rng: random.Random) -> str:
    """Invent a person's name of one to three words."""
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()
    return " ".join(word() for _ in range(rng.choice((1, 2, 2, 2, 3))))


def official(rng: random.Random, region: str, ranked: bool | None = None) -> str:
    """Write an official with a title: "Kapolres X AKBP Nama" or "Kepala Dinas X, Nama, S.Sos"."""
    if ranked if ranked is not None else rng.random() < 0.3:
        return f"{rng.choice(RANK_ROLES)} {region} {rng.choice(RANKS)} {name(rng)}"
    return f"{rng.choice(CIVIL_ROLES)} {region}, {name(rng)}{rng.choice(DEGREES)}"


def sentences(rng: random.Random, region: str, when: str, event: str):
    """Yield an article's sentences: the lead first, then an endless mix as real reports have."""
    yield (f"{region.upper()}, {rng.choice(('KABARDAERAH.ID', 'WARTAKITA.COM', 'Antara'))} - "
           f"Pemerintah Kabupaten {region} menggelar {event} di Aula Kantor Bupati {region}, "
           f"{when}.")
    yield (f"Kegiatan itu dibuka Bupati {region} {name(rng)} dan dihadiri "
           f"{official(rng, region, True)}, serta {official(rng, region, False)}.")
    while True:
        kind = rng.random()
        if kind < 0.22:
            yield f"{official(rng, region)}, {rng.choice(VERBS)} kegiatan serupa akan dilanjutkan."
        elif kind < 0.32:
            yield f'"{rng.choice(QUOTES)}," ujar {name(rng)}.'
        elif kind < 0.40:
            present = ", ".join(official(rng, region) for _ in range(rng.randint(2, 4)))
            yield f"Hadir dalam kesempatan itu {present}, dan para camat se-Kabupaten {region}."
        elif kind < 0.44:
            yield (f"{name(rng)} dilantik sebagai {rng.choice(CIVIL_ROLES)} {region} "
                   f"menggantikan {name(rng)} yang memasuki masa pensiun.")
        else:
            yield rng.choice(FILLER)


def article(rng: random.Random, words: int, regencies: list[str]) -> tuple[str, str]:
    """Write one article of about `words` words; return its text and publication date."""
    region = rng.choice(regencies)
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(300))
    when = f"{DAYS[day.weekday()]} ({day.day}/{day.month}/{day.year})"
    lines, count = [], 0
    for sentence in sentences(rng, region, when, rng.choice(EVENTS)):
        lines.append(sentence)
        count += len(sentence.split())
        if count >= words:
            break
    paragraphs = [" ".join(lines[i:i + 3]) for i in range(0, len(lines), 3)]
    return "\n\n".join(paragraphs) + "\n", day.isoformat()


def lengths(cache: Path = CACHE) -> list[int]:
    """Return the real-news texts' lengths in words (from the cache, else its quantiles)."""
    if cache.is_dir() and (found := sorted(len(p.read_text(encoding="utf-8").split())
                                           for p in cache.glob("*.txt"))):
        return found
    return QUANTILES


def write_corpus(folder: Path, n: int, seed: int, cache: Path = CACHE) -> int:
    """Write n articles into a folder; return their words."""
    rng = random.Random(seed)
    regencies = sorted(r.name for r in gazetteer.regions().values() if r.level == "regency")
    real, total = lengths(cache), 0
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text, published = article(rng, rng.choice(real), regencies)
        total += len(text.split())
        (folder / f"a{i:06d}.txt").write_text(f"---\npublished: {published}\n---\n{text}",
                                             encoding="utf-8")
    return total


def _other(checkout: Path | None) -> dict[str, object]:
    """Return how to run a process on another checkout's kg (the folder that holds its kg/):
    by its path, from a folder that holds none."""
    if checkout is None:
        return {}
    return {"env": {**os.environ, "PYTHONPATH": str(checkout.resolve())},
            "cwd": tempfile.gettempdir()}


def run_build(corpus: Path, out: Path, options: list[str], checkout: Path | None = None
              ) -> tuple[float, float, float]:
    """Run `kg build` with the options in a process of its own (on another checkout's kg, when
    given); return its seconds, peak memory in MB, and CPU seconds (user and system, of it and
    every process it waited for)."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus.resolve()), "--out",
                              str(out.resolve()), *options], stdout=subprocess.DEVNULL,
                             **_other(checkout))  # type: ignore[call-overload]
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"kg build {' '.join(options)} failed")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def _folder(run: str) -> str:
    """Name the output folder of a run by its options: out-jobs-1, out-cluster-local-jobs-2."""
    return "-".join(["out", *run.replace("--", "").split()])


def stages(corpus: Path, out: Path) -> dict[str, tuple[float, float]]:
    """Run a build's stages in this process, one core, and time each: its seconds and CPU
    seconds."""
    from kg.identity.unify import Identities, needed, read_overrides, rekey
    from kg.ingest.load import load_articles
    from kg.pipeline import _key_maps, alias_files, compacted, extract_all
    from kg.rdf.files import turtle_from_ntriples, typed_subjects, write_sorted_keys
    from kg.rdf.graph import Gathered
    from kg.records import Extraction
    from kg.spill import collector_held
    from kg.viz.explorer import write_explorer_ntriples
    from kg.viz.slices import DRAWN, OverviewTally

    times: dict[str, tuple[float, float]] = {}
    clock, cpu = time.perf_counter(), time.process_time()

    def lap(stage: str) -> None:
        nonlocal clock, cpu
        now, used = time.perf_counter(), time.process_time()
        times[stage] = (now - clock, used - cpu)
        clock, cpu = now, used

    articles, _ = load_articles([corpus])
    lap("read the sources")
    extractions = [compacted(x) for x in extract_all(articles) if isinstance(x, Extraction)]
    lap("extract (with loading the recogniser)")
    out.mkdir(parents=True, exist_ok=True)
    with collector_held(), tempfile.TemporaryDirectory(dir=out) as scratch:  # as kg build
        identities = Identities(read_overrides(alias_files([corpus])), Path(scratch))
        maps = _key_maps(identities, (needed(x, identities.wanted) for x in extractions))
        lap("unify across articles")
        tally = OverviewTally()
        ntriples = Path(scratch) / "graph.nt"
        keys = Gathered(Path(scratch), tally=tally).keys(rekey(x, maps) for x in extractions)
        write_sorted_keys(keys, ntriples)
        nodes = typed_subjects(ntriples, DRAWN)
        lap("map to triples, sorted N-Triples")
        turtle_from_ntriples(ntriples, out / "graph.ttl")
        lap("write graph.ttl")
        write_explorer_ntriples(ntriples, nodes, out / "explorer.html", tally=tally)
        lap("write explorer.html")
    return times


def extraction(corpus: Path) -> tuple[float, float]:
    """Extract every article of the corpus in this process, as `kg build --jobs 1` does;
    return the CPU seconds it took, and those of loading the recogniser before."""
    from kg.ingest.load import load_articles
    from kg.nlp import ner
    from kg.pipeline import compacted, extract_all
    from kg.records import Extraction

    articles, _ = load_articles([corpus])
    started = time.process_time()
    if ner.available():
        ner._load()
    loading = time.process_time() - started
    started = time.process_time()
    for x in extract_all(articles):  # compacted as a build's are (on any checkout's kg)
        if isinstance(x, Extraction):
            compacted(x)
    return time.process_time() - started, loading


def extraction_round(corpus: Path, checkout: Path | None = None) -> tuple[float, float]:
    """Time the extraction in a fresh process (with cold caches, as a build has; on another
    checkout's kg, when given); return its CPU seconds and the recogniser's loading."""
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--extract-round",
                          str(corpus.resolve())], capture_output=True, text=True, check=True,
                         **_other(checkout)).stdout.split()  # type: ignore[call-overload]
    return float(out[0]), float(out[1])


def extraction_rounds(corpus: Path, rounds: int) -> tuple[float, float]:
    """Time the extraction in a fresh process `rounds` times; return the least CPU seconds and
    the recogniser's loading in that round."""
    return min(extraction_round(corpus) for _ in range(rounds))


def compare(corpus: Path, work: Path, runs: list[str], other: Path, rounds: int,
            extract_only: bool) -> None:
    """Time this checkout's builds (or extractions) and another's on the same corpus, one right
    after the other, alternating which goes first; print each run, and the medians of CPU."""
    n = len(list(corpus.glob("*.txt")))
    cpu: dict[tuple[str, str], list[float]] = {}
    for r in range(rounds):
        for run in ["--extract-only"] if extract_only else runs:
            for who in ("this", "other") if r % 2 == 0 else ("other", "this"):
                checkout = other if who == "other" else None
                if extract_only:
                    used, _ = extraction_round(corpus, checkout)
                    line = f"extraction: {used:.2f} s CPU"
                else:
                    seconds, peak, used = run_build(corpus, work / f"{_folder(run)}-{who}",
                                                    run.split(), checkout)
                    line = f"kg build {run}: {seconds:.1f} s, {used:.1f} s CPU, peak {peak:.0f} MB"
                cpu.setdefault((run, who), []).append(used)
                print(f"round {r + 1}, {who}: {line} ({n / used:.1f} articles per CPU second); "
                      f"load average {os.getloadavg()[0]:.1f}", flush=True)
    for (run, who), times in cpu.items():
        median = statistics.median(times)
        print(f"{who} ({'this checkout' if who == 'this' else other}), {run}: median {median:.2f} s "
              f"CPU of {rounds} ({n / median:.1f} articles per CPU second)")
    for run in [] if extract_only else runs:
        same = all((work / f"{_folder(run)}-this" / f).read_bytes() ==
                   (work / f"{_folder(run)}-other" / f).read_bytes()
                   for f in ("graph.ttl", "explorer.html"))
        print(f"kg build {run}: outputs {'identical' if same else 'DIFFERENT'} on both")


def main() -> None:
    """Write the corpus, run the builds and the stages, and print what they took."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="write the corpus and outputs here, and keep them")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], metavar="N",
                    help="the --jobs of each whole build (default: 1 2)")
    ap.add_argument("--cluster", type=int, nargs="*", default=[], metavar="N",
                    help="also build on a Dask cluster of N worker processes on this machine, "
                         "--cluster local --jobs N, for each N (needs kg[cluster])")
    ap.add_argument("--no-stages", action="store_true", help="time whole builds only")
    ap.add_argument("--extract-only", type=int, metavar="ROUNDS", default=0,
                    help="only extract the corpus, in a fresh process ROUNDS times, and print "
                         "the least CPU time (the kg found on the path is timed)")
    ap.add_argument("--cache", type=Path, default=CACHE,
                    help="the real-news texts whose lengths the articles follow (default: "
                         ".cache/realnews; without them, the quantiles measured on them)")
    ap.add_argument("--corpus", type=Path, help="take the articles of this folder (one --keep "
                    "wrote) instead of writing new ones")
    ap.add_argument("--against", type=Path, metavar="CHECKOUT",
                    help="time another checkout's kg (the folder that holds its kg/) too, "
                         "alternately with this one, on the same corpus: builds, or extractions "
                         "with --extract-only")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of --against (default: 3)")
    ap.add_argument("--extract-round", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.extract_round:
        print(*extraction(args.extract_round))
        return
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        if args.corpus:
            corpus = args.corpus
            texts = list(corpus.glob("*.txt"))
            n = len(texts)  # the words of each text after its front matter, as written
            words = sum(len(p.read_text(encoding="utf-8").split("---\n", 2)[-1].split()) for p in texts)
        else:
            corpus = work / "corpus"
            words = write_corpus(corpus, args.articles, args.seed, args.cache)
            n = args.articles
        print(f"corpus: {n} articles, {words:,} words ({words / n:.0f} per article)", flush=True)
        if args.against:
            compare(corpus, work, [f"--jobs {jobs}" for jobs in args.jobs], args.against,
                    args.rounds, bool(args.extract_only))
            return
        if args.extract_only:
            cpu, loading = extraction_rounds(corpus, args.extract_only)
            print(f"extraction: {cpu:.2f} s CPU ({n / cpu:.1f} articles per CPU second; the "
                  f"least of {args.extract_only} rounds), the recogniser loaded in {loading:.2f} s")
            return
        runs = [f"--jobs {jobs}" for jobs in args.jobs]
        runs += [f"--cluster local --jobs {workers}" for workers in args.cluster]
        timed = {}
        for run in runs:
            seconds, peak, cpu = run_build(corpus, work / _folder(run), run.split())
            timed[run] = seconds
            print(f"kg build {run}: {seconds:.1f} s, {n / seconds:.1f} articles/s, "
                  f"{words / seconds:,.0f} words/s, peak {peak:.0f} MB (largest process), "
                  f"{cpu:.1f} s CPU ({n / cpu:.1f} articles per CPU second)", flush=True)
        first, *others = runs
        for run in others:
            same = all((work / _folder(first) / f).read_bytes() ==
                       (work / _folder(run) / f).read_bytes()
                       for f in ("graph.ttl", "explorer.html"))
            print(f"{run} is {timed[first] / timed[run]:.2f} times {first}; "
                  f"outputs {'identical' if same else 'DIFFERENT'}", flush=True)
        if args.no_stages:
            return
        times = stages(corpus, work / "out-stages")
        total, cpu = (sum(t[k] for t in times.values()) for k in (0, 1))
        print(f"stages in one process ({total:.1f} s, {cpu:.1f} s CPU):")
        for stage, (seconds, used) in times.items():
            print(f"  {stage:<40} {seconds:7.1f} s  {100 * seconds / total:5.1f} %  "
                  f"{used:7.1f} s CPU  {100 * used / cpu:5.1f} %")


if __name__ == "__main__":
    main()
