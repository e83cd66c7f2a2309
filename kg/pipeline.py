"""The build as a library: its stages, and the plain build that runs them one after the other.

read (`kg.ingest`) -> extract -> unify -> graph (`kg.rdf`) -> outputs. A build into a store
(`kg.store.build`) runs the same stages around its cache of extractions.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TypeVar

from rdflib import Graph
from tqdm import tqdm

from kg.extract import extract
from kg.extract.batch import extract_many
from kg.identity.unify import (
    Identities,
    Merge,
    Needed,
    key_maps,
    needed,
    read_overrides,
    rekey,
    unify,
)
from kg.ingest import MAX_BYTES
from kg.ingest.load import Entry, discover, entry, itself, keep_once, read_articles, read_kept
from kg.ingest.readers import read
from kg.rdf.files import (
    Growing,
    merge_key_runs,
    turtle_from_ntriples,
    typed_subjects,
    write_key_runs,
    write_sorted_ntriples,
    write_turtle,
)
from kg.rdf.graph import Gathered, article_keys, new_graph
from kg.rdf.mapping import Triple
from kg.records import Article, Extraction, Problem
from kg.spill import Pickled, Shelf, collector_held
from kg.viz.explorer import EXPLORER_MAX, Written, write_explorer, write_explorer_ntriples
from kg.viz.slices import DRAWN, OverviewTally
from kg.vocab import Kind

ALIASES = "aliases.tsv"  # curated identity verdicts, in a sources folder
# What a build writes into its output folder, by file name.
OUTPUTS: dict[str, Callable[[Graph, Path], object]] = {
    "graph.ttl": write_turtle,
    "explorer.html": write_explorer,
}


@dataclass(frozen=True)
class Build:
    """What a build read, skipped, extracted and made."""

    articles: int
    problems: tuple[Problem, ...]
    entities: int
    facts: int
    seconds: float
    extracted: int  # articles extracted this time (into a store: the new or changed ones)
    exported: bool  # whether the outputs were written
    graph: Graph | None = None  # the graph, when this build made one
    removed: int = 0  # articles gone from a store's sources, their facts removed
    graphs: int = 0  # a store's named graphs written or removed
    unchanged: bool = False  # a store with nothing to do: no source, code or output changed
    explorer: Written | None = None  # what explorer.html shows, when this build wrote it


# Items (articles, or files that workers read) a worker extracts at a time, and how many such
# batches wait per worker: enough to keep every worker busy, few enough that a build holds only a
# window of the corpus.
BATCH = 16
AHEAD = 3
# Articles one process extracts together, the recogniser run once over all (`extract_some`).
TOGETHER = 64
T = TypeVar("T")
R = TypeVar("R")
X = TypeVar("X")  # what is made of an extraction where it is made (see `extract_all`)
# What a worker that reads a file gives for each of its items: a problem reading it, or an
# article's entry (to choose among the articles as `load_articles` does) and what was made of
# its extraction.
Read = Problem | tuple[Entry, X | Problem]


@dataclass(frozen=True)
class Workers:
    """Processes that are not a build's own pool, a cluster's: the executor that runs tasks on
    them, how many they run at once, and whether they see files by this process's names (then
    they read the sources themselves)."""

    executor: Executor
    slots: int
    sees: Callable[[list[Path]], bool]


def all_cores() -> int:
    """Return the number of cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_one(article: Article, mentions: bool = False, recogniser: bool = True
                ) -> Extraction | Problem:
    """Extract an article; one that fails becomes a Problem, so that the others go on."""
    try:
        return extract(article, mentions, recogniser)
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the build
        return Problem(article.source, f"extraction failed: {type(err).__name__}: {err}")


def extract_some(articles: list[Article], mentions: bool = False, recogniser: bool = True
                 ) -> list[Extraction | Problem]:
    """Extract articles together, the recogniser run once over all of them (`kg.extract.batch`):
    what `extract_one` gives each."""
    return [Problem(a.source, f"extraction failed: {type(x).__name__}: {x}")
            if isinstance(x, Exception) else x
            for a, x in zip(articles, extract_many(articles, mentions, recogniser), strict=True)]


def _together(articles: Iterable[Article], mentions: bool, recogniser: bool
              ) -> Iterator[Extraction | Problem]:
    """Extract the articles TOGETHER at a time (see `extract_some`), in their order."""
    items = iter(articles)
    while batch := list(islice(items, TOGETHER)):
        # The cycle collector is held off while a batch is extracted: run, it rescanned what
        # lived through the earlier batches (1,740 times over 1,000 articles, 1.6 s of CPU);
        # the batch's cycles are collected when it is let go.
        with collector_held():
            done = extract_some(batch, mentions, recogniser)
        yield from done


def _made(item: Extraction | Problem, form: Callable[[Extraction], X]) -> X | Problem:
    """Return what `form` makes of an extraction (a problem stays as it is)."""
    return form(item) if isinstance(item, Extraction) else item


def _extract_batch(batch: list[Article], mentions: bool, recogniser: bool,
                   form: Callable[[Extraction], X]) -> list[X | Problem]:
    """Extract a batch of articles in a worker process (which loads the recogniser once)."""
    with collector_held():  # as in `_together`
        return [_made(item, form) for item in extract_some(batch, mentions, recogniser)]


def _renamed(item: Article | Problem, opened: str, named: str) -> Article | Problem:
    """Name an item read from the file `opened` after the name `named` that the build gave it."""
    source = named + item.source.removeprefix(opened) if item.source.startswith(opened) \
        else item.source
    if isinstance(item, Problem):
        return Problem(source, item.reason.replace(opened, named))
    return replace(item, source=source)


def read_and_extract(opened: str, named: str, max_bytes: int, form: Callable[[Extraction], X]
                     ) -> list[Read[X]]:
    """Read a file where it is opened (a worker's absolute path) and extract its articles, each
    extraction given as `form` makes it; name them by the path the build was given, as if read
    there."""
    if not os.path.exists(opened):  # a worker that joined after the check that all see them
        raise FileNotFoundError(f"{opened} is not on the worker {socket.gethostname()}: every "
                                "worker must see the sources under the build's paths")
    found: list[Read[X]] = []
    waiting: list[Article] = []  # extracted TOGETHER at a time, or before a problem

    def flush() -> None:
        found.extend((entry(a), _made(x, form))
                     for a, x in zip(waiting, extract_some(waiting), strict=True))
        waiting.clear()

    for item in read(Path(opened), max_bytes):
        item = _renamed(item, opened, named)
        if isinstance(item, Problem):
            flush()
            found.append(item)
        else:
            waiting.append(item)
            if len(waiting) == TOGETHER:
                flush()
    flush()
    return found


def _read_batch(batch: list[tuple[str, str]], max_bytes: int, form: Callable[[Extraction], X]
                ) -> list[list[Read[X]]]:
    """Read and extract a batch of files in a worker (opened by one name, named by the other)."""
    return [read_and_extract(opened, named, max_bytes, form) for opened, named in batch]


def _can_fork() -> bool:
    """Say whether this process may fork: where the system can, when it runs a single thread
    (forking a thread's held lock would leave it held for good).

    A Python thread just joined (a worker pool's, shut down) may still be leaving the system's
    list for a moment: when Python runs no other thread, the list is asked again for a while
    before a thread of the system's own (numpy's BLAS, a store's) says no."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    tasks = Path("/proc/self/task")
    if not tasks.is_dir():
        return threading.active_count() == 1
    for _ in range(_SETTLE_TRIES):
        if len(os.listdir(tasks)) == 1:
            return True
        if threading.active_count() > 1:
            return False
        time.sleep(0.005)
    return False


_SETTLE_TRIES = 20  # times 5 ms: how long a joined thread may take to leave /proc/self/task


def _context() -> multiprocessing.context.BaseContext:
    """Choose how to start workers: by forking this process, whose imports they then share,
    when it may fork; else from a clean server process that has imported kg once."""
    methods = multiprocessing.get_all_start_methods()
    if _can_fork():
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context()


def _in_parallel(pool: Executor, items: Iterator[T], work: Callable[[list[T]], list[R]],
                 slots: int) -> Iterator[R]:
    """Do the work on the items in the pool's workers, a window of batches at a time (the first
    are submitted at once, which starts a pool's processes); yield the results in the items'
    order."""
    batches = iter(lambda: list(islice(items, BATCH)), [])
    window: deque[Future[list[R]]] = deque(
        pool.submit(work, batch) for batch in islice(batches, slots * AHEAD))

    def results() -> Iterator[R]:
        while window:
            done = window.popleft().result()
            for batch in islice(batches, 1):
                window.append(pool.submit(work, batch))
            yield from done

    return results()


def extract_all(articles: Iterable[Article], progress: bool = False, mentions: bool = False,
                recogniser: bool = True, jobs: int = 1, workers: Workers | None = None,
                form: Callable[[Extraction], X] = itself  # type: ignore[assignment]  # X is Extraction by default
                ) -> Iterator[X | Problem]:
    """Extract every article (with its mentions when asked; without the recogniser when not),
    in `jobs` processes or on the workers given; yield what `form` (a function of a module)
    makes of each article's Extraction where it was made (e.g. `compacted`), or its Problem, in
    the articles' order. The results do not depend on where they were made."""
    total = len(articles) if isinstance(articles, Sized) else None
    work = partial(_extract_batch, mentions=mentions, recogniser=recogniser, form=form)
    if workers is not None:
        items = _in_parallel(workers.executor, iter(articles), work, workers.slots)
        yield from _progress(items, total, progress)
        return
    if total is not None and total <= BATCH:
        jobs = 1  # starting workers would take longer than the work
    if jobs == 1:
        yield from _progress((_made(x, form) for x in _together(articles, mentions, recogniser)),
                             total, progress)
        return
    with _pool(jobs) as pool:
        items = _in_parallel(pool.executor, iter(articles), work, jobs)
        yield from _progress(items, total, progress)  # its thread starts after the workers


# An invented article that a worker extracts as it starts (see `_warm`): a name without a title
# has the recogniser read its sentence.
_WARM = Article(id="warm-up", source="warm-up", text="Bupati Suka Maju, Harjo Rimaku, membuka "
                "rapat koordinasi di Kantor Bupati, Senin. Acara itu juga dihadiri Dedi Sulaksa "
                "Wirapati dan warga.")


def _warm() -> None:
    """Load in a worker, as it starts, what extraction loads on first use (spaCy, the
    recogniser, the lexicons: about 1.8 s of CPU), by extracting an invented article."""
    extract_some([_WARM])


@contextmanager
def _pool(jobs: int) -> Iterator[Workers]:
    """Start `jobs` worker processes at once, each loading what extraction needs as it starts
    (`_warm`), so that workers started before the articles are read are ready to extract them
    by the time they are read."""
    with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_warm) as pool:
        pool.submit(int)  # a pool starts its processes with its first task
        yield Workers(pool, jobs, lambda files: False)


def _progress(items: Iterator[T], total: int | None, shown: bool, unit: str = "article"
              ) -> Iterator[T]:
    """Show a progress bar over the extractions on long runs, when asked."""
    return _Bar(items, total=total, desc="extracting", unit=unit, disable=not shown or None,
                leave=False)


class _Bar(tqdm):
    """A progress bar without tqdm's monitor thread (which every bar starts, shown or not, and
    which outlives it): a build whose process runs another thread may not fork its writers."""

    monitor_interval = 0


def alias_files(paths: Iterable[Path]) -> list[Path]:
    """List the curated aliases files of the source folders."""
    return [p / ALIASES for p in paths if p.is_dir() and (p / ALIASES).is_file()]


def unify_all(extractions: list[Extraction], paths: Iterable[Path]
              ) -> tuple[list[Extraction], list[Merge]]:
    """Merge entities across articles, as the source folders' curated verdicts say; return the
    merges too."""
    return unify(extractions, read_overrides(alias_files(paths)))


def write_outputs(graph: Graph, out: Path, explorer_max: int = EXPLORER_MAX, jobs: int = 1
                  ) -> Written | None:
    """Write every output of a build of this graph into `out` (see `write_triples`); say what
    explorer.html shows."""
    return write_triples(iter(graph), out, explorer_max, jobs)  # type: ignore[arg-type]  # a Graph yields triples


def write_triples(triples: Iterable[Triple], out: Path, explorer_max: int = EXPLORER_MAX,
                  jobs: int = 1, tally: OverviewTally | None = None) -> Written | None:
    """Write every output of a build of these triples (some may come more than once) into
    `out`, taking them as they come: graph.ttl and explorer.html are written from one N-Triples
    file in the canonical order, beside them until they are written, each a part at a time;
    explorer.html, written in this process, is the overview of a graph that would draw more than
    `explorer_max` nodes (told by the tally of the triples' making, once they are all made, if
    given). With more than one job they are written side by side (see `side_by_side`), graph.ttl
    as the N-Triples file is written. Say what explorer.html shows."""
    return _write_sorted(partial(write_sorted_ntriples, triples), out, explorer_max, jobs, tally)


def write_keys(parts: dict[str, Iterable[list[str]]], out: Path, explorer_max: int = EXPLORER_MAX,
               jobs: int = 1, tally: OverviewTally | None = None) -> Written | None:
    """Write every output of a build of triples given as their N-Triples sort keys, in lists (see
    `kg.rdf.lines`), as `write_triples` writes them. The keys come in named parts, each spelt
    as it is taken: with more than one job, side by side (see `side_by_side`)."""
    return _write_sorted(partial(_write_parts, parts, jobs), out, explorer_max, jobs, tally)


def _write_parts(parts: dict[str, Iterable[list[str]]], jobs: int, ntriples: Path) -> None:
    """Write the keys of every part into one N-Triples file in the canonical order: each part's
    sorted runs (side by side with more than one job), then all merged."""
    side_by_side({name: partial(write_key_runs, keys, ntriples, name)
                  for name, keys in parts.items()}, jobs)
    merge_key_runs(ntriples)


def _write_sorted(write: Callable[[Path], None], out: Path, explorer_max: int, jobs: int,
                  tally: OverviewTally | None) -> Written | None:
    """Write the outputs (see `write_triples`) from the N-Triples file in the canonical order
    that `write` writes where it is told: apart, graph.ttl is written as the file grows."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out, prefix=".kg-build-") as scratch, \
            Growing(Path(scratch) / "graph.nt") as growing:
        shown: list[Written] = []

        def explorer() -> None:
            with growing.writing() as ntriples:
                write(ntriples)
            nodes = typed_subjects(ntriples, DRAWN)  # the nodes the explorer of the whole draws
            shown.append(write_explorer_ntriples(ntriples, nodes, out / "explorer.html",
                                                 most=explorer_max, tally=tally))

        def turtle() -> None:  # from the N-Triples as they are written, when apart
            with growing.reader() as ntriples:
                turtle_from_ntriples(ntriples, out / "graph.ttl")

        side_by_side({"explorer.html": explorer, "graph.ttl": turtle}, jobs)
    return shown[0] if shown else None


def side_by_side(tasks: dict[str, Callable[[], object]], jobs: int = 1, sent: bool = False
                 ) -> None:
    """Do named tasks: with more than one job, each task after the first in a process of its own
    while this one does the first; with one job, one after the other. The other processes are
    forked from this one, and so have all it has, where it may fork; where it may not (a store's
    database runs threads), tasks that can be `sent` (functions of a module, with arguments that
    pickle) run in processes started afresh, and the others here. The first error any task met
    is raised."""
    first, *others = tasks.items()
    apart = others[:jobs - 1] if jobs > 1 and (sent or _can_fork()) else []
    with ExitStack() as stack:
        if apart and not _can_fork():
            pool = stack.enter_context(ProcessPoolExecutor(len(apart), mp_context=_context()))
            waits = [_sent(pool, task) for _, task in apart]
        else:
            waits = [_apart(name, task) for name, task in apart]
        try:
            for _, task in [first, *others[len(apart):]]:
                task()
        finally:
            errors = [error for wait in waits if (error := wait()) is not None]
    if errors:
        raise errors[0]


def _sent(pool: ProcessPoolExecutor, task: Callable[[], object]
          ) -> Callable[[], BaseException | None]:
    """Send a task to a process of the pool; return what waits for it and gives its error."""
    future = pool.submit(task)
    return future.exception


def _apart(name: str, task: Callable[[], object]) -> Callable[[], BaseException | None]:
    """Start a task in a forked process; return what waits for it to end and gives the error it
    met, if any."""
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)

    def run() -> None:
        try:
            task()
            writer.send(None)
        except BaseException as err:  # noqa: BLE001 - every failure goes back to the build
            try:
                writer.send(err)
            except Exception:  # noqa: BLE001 - an error that does not pickle is told in words
                writer.send(RuntimeError(f"{type(err).__name__}: {err}"))

    process = context.Process(target=run, name=f"kg: {name}")
    process.start()
    writer.close()

    def wait() -> BaseException | None:
        try:
            error: BaseException | None = reader.recv()
        except EOFError:
            error = RuntimeError(f"{name} stopped (exit code {process.exitcode})")
        process.join()
        reader.close()
        return error

    return wait


def outputs_present(out: Path) -> bool:
    """Say whether every output of a build is in `out`."""
    return all((out / name).is_file() for name in OUTPUTS)


def extract_sources(paths: Iterable[Path], progress: bool = False, max_bytes: int = MAX_BYTES,
                    jobs: int = 1) -> tuple[list[Extraction], list[Problem]]:
    """Read and extract every article under the paths, one entity one key across them."""
    extractions, problems, _ = extract_and_unify(list(paths), progress, max_bytes, jobs)
    return extractions, problems


def extract_and_unify(paths: list[Path], progress: bool = False, max_bytes: int = MAX_BYTES,
                      jobs: int = 1, compact: bool = False, workers: Workers | None = None
                      ) -> tuple[list[Extraction], list[Problem], list[Merge]]:
    """Read and extract every article in `jobs` processes or on the workers given (which read
    the files themselves when they see them), then merge entities across articles; return the
    merges. Compact extractions keep no more of their article than the graph needs."""
    extractions, problems = extract_paths(paths, itself, compacted if compact else itself,
                                          progress, max_bytes, jobs, workers)
    unified, merges = unify_all(extractions, paths)
    return unified, problems, merges


def extract_paths(paths: list[Path], keep: Callable[[X], T], form: Callable[[Extraction], X],
                  progress: bool = False, max_bytes: int = MAX_BYTES, jobs: int = 1,
                  workers: Workers | None = None, scratch: Path | None = None
                  ) -> tuple[list[T], list[Problem]]:
    """Read and extract every article under the paths (see `extract_and_unify`), what `form`
    makes of each extraction where it is made (see `extract_all`) handed to `keep` as it comes;
    return what `keep` gave of each article kept, in the articles' order, and the problems. The
    articles this process reads wait for extraction in a file in `scratch`, when given, else in
    memory."""
    files, problems = discover(paths)
    if workers is not None and workers.sees(files):
        kept, more = _extract_there(files, workers, progress, max_bytes, form, keep)
    else:
        with ExitStack() as stack:
            if workers is None and jobs > 1 and len(files) > BATCH:
                workers = stack.enter_context(_pool(jobs))  # ready once the articles are read
            articles, more = _read_here(files, max_bytes, scratch)
            kept = []
            for item in extract_all(articles, progress, jobs=jobs, workers=workers, form=form):
                if isinstance(item, Problem):
                    more.append(item)
                else:
                    kept.append(keep(item))
    return kept, problems + more


def _read_here(files: list[Path], max_bytes: int, scratch: Path | None
               ) -> tuple[_HandedOn | _Shelved, list[Problem]]:
    """Read the files in this process; return their articles, to be handed on once each (see
    `_HandedOn`, `_Shelved`), and the problems."""
    if scratch is None:
        articles, problems = read_articles(files, max_bytes)
        return _HandedOn(articles), problems
    shelf: Shelf[Article] = Shelf(scratch / "articles")
    places, problems = read_kept(files, shelf.put, max_bytes)
    return _Shelved(shelf, places), problems
def _extract_there(files: list[Path], workers: Workers, progress: bool, max_bytes: int,
                   form: Callable[[Extraction], X], keep: Callable[[X], T]
                   ) -> tuple[list[T], list[Problem]]:
    """Have the workers read the files and extract their articles; keep each article once, as
    `load_articles` does (the articles it would leave out are extracted, and dropped here)."""
    problems: list[Problem] = []
    work = partial(_read_batch, max_bytes=max_bytes, form=form)
    names = ((str(path.absolute()), str(path)) for path in files)

    def articles() -> Iterator[tuple[Entry, T | Problem]]:
        done = _in_parallel(workers.executor, names, work, workers.slots)
        for found in _progress(done, len(files), progress, unit="file"):
            for item in found:
                if isinstance(item, Problem):
                    problems.append(item)
                else:
                    at, x = item
                    yield at, x if isinstance(x, Problem) else keep(x)

    kept, twice = keep_once(articles())
    problems += twice
    problems += [x for x in kept if isinstance(x, Problem)]
    return [x for x in kept if not isinstance(x, Problem)], problems


class _Shelved(Sized, Iterable[Article]):
    """Articles read back from a file in the order given, once each; the file is deleted once the
    last is read."""

    def __init__(self, shelf: Shelf[Article], places: list[int]) -> None:
        self._shelf, self._places = shelf, places

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Article]:
        try:
            yield from self._shelf.read(self._places)
        finally:
            self._shelf.close()


class _HandedOn(Sized, Iterable[Article]):
    """Articles handed on one by one, each let go here once handed on: a build holds the texts
    only of the articles not yet extracted."""

    def __init__(self, articles: list[Article]) -> None:
        self._articles: list[Article | None] = list(articles)
        articles.clear()

    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        for i, article in enumerate(self._articles):
            self._articles[i] = None
            if article is not None:
                yield article


def compacted(x: Extraction) -> Extraction:
    """Drop what the graph does not need of an extraction: its article's text, every sentence
    and mention (the facts keep the sentences they rest on)."""
    return replace(x, article=replace(x.article, text="", noise=()), sentences=(), mentions=())


# An extraction as a build shelves it (see `shelved`): compacted and pickled, with what identity
# needs of it pickled apart.
Shelved = tuple[Pickled[Extraction], Pickled[Needed]]


def shelved(x: Extraction, wanted: frozenset[tuple[str, str]] = frozenset()) -> Shelved:
    """Compact an extraction (`compacted`) and pickle it for a `Shelf`, with what identity needs
    of it (`kg.identity.unify.needed`, the curated verdicts' names `wanted`) pickled apart: made
    so in a worker, both cross to the build's process as bytes, put on shelves as they are
    (unpickled there and pickled again, the extractions took about 0.7 s of the build's own CPU,
    beside its workers, at 1,000 articles), and identity reads back what it needs alone, not
    every extraction."""
    return Pickled(compacted(x)), Pickled(needed(x, wanted))


def build(paths: Iterable[Path], out: Path, progress: bool = False, max_bytes: int = MAX_BYTES,
          jobs: int = 1, explorer_max: int = EXPLORER_MAX, workers: Workers | None = None,
          keep: bool = True) -> Build:
    """Build the graph of the articles under the paths and write the outputs into `out`,
    extracting in `jobs` processes or on the workers given (the outputs do not depend on
    where); explorer.html is the overview above `explorer_max` nodes. The graph is returned
    when `keep` is true; else no rdflib graph is made (the command line's build).

    Its memory does not grow with the corpus as the articles do: each compact extraction is
    written to a file as it comes, with what identity needs of it (see
    `kg.identity.unify.Identities`) to another, which is read back first; then the extractions
    are read back to make the triples (see `kg.rdf.graph.Gathered`), which the outputs take as
    they are made."""
    started = time.perf_counter()
    paths = list(paths)
    with tempfile.TemporaryDirectory(prefix="kg-build-") as scratch:
        shelf: Shelf[Extraction] = Shelf(Path(scratch) / "extractions")
        needs: Shelf[Needed] = Shelf(Path(scratch) / "needs")
        try:
            identities = Identities(read_overrides(alias_files(paths)), Path(scratch))
            kept, problems = extract_paths(paths, partial(_put, shelf, needs),
                                           partial(shelved, wanted=identities.wanted), progress,
                                           max_bytes, jobs, workers=workers, scratch=Path(scratch))
            places = [place for place, _ in kept]
            maps = _key_maps(identities, needs.read(need for _, need in kept))
            tally = OverviewTally()  # the explorer's overview, told as the triples are made
            gathered = Gathered(Path(scratch), tally=tally)

            def unified() -> Iterator[Extraction]:
                return (rekey(x, maps) for x in shelf.read(places))

            with collector_held():
                graph = new_graph(dict.fromkeys(gathered.triples(unified()))) if keep else None
                # nothing built replaces nothing: the previous outputs stay as they were
                if not places:
                    explorer = None
                elif graph is not None:
                    explorer = write_triples(iter(graph), out, explorer_max, jobs, tally)  # type: ignore[arg-type]  # a Graph yields triples
                else:  # the triples spelt as N-Triples straight from the extractions
                    explorer = write_keys(_parts(gathered, unified, jobs), out, explorer_max,
                                          jobs, tally)
        finally:
            shelf.close()
            needs.close()
    return Build(len(places), tuple(problems), gathered.entities, gathered.facts,
                 time.perf_counter() - started, extracted=len(places), exported=True, graph=graph,
                 explorer=explorer)


def _put(shelf: Shelf[Extraction], needs: Shelf[Needed], made: Shelved) -> tuple[int, int]:
    """Put a shelved extraction on the shelf, and what identity needs of it on `needs`; return
    their places."""
    extraction, need = made
    return shelf.put(extraction), needs.put(need)


def _parts(gathered: Gathered, extractions: Callable[[], Iterable[Extraction]], jobs: int
           ) -> dict[str, Iterable[list[str]]]:
    """Part the keys of the extractions (read afresh for each part) for `write_keys`: with more
    than one job where this process may fork, the articles' own triples (most of the graph)
    apart from the entities', which `gathered` merges and counts here; else all at once."""
    if jobs > 1 and _can_fork():
        return {"entities": gathered.keys(extractions(), articles=False),
                "articles": article_keys(extractions())}
    return {"": gathered.keys(extractions())}


def _key_maps(identities: Identities, needs: Iterable[Needed]) -> dict[Kind, dict[str, str]]:
    """Say which keys merge across the articles, as the source folders' curated verdicts (those
    `identities` were made with) say too, from what identity needs of each extraction (`needed`),
    in the articles' order."""
    for need in needs:
        identities.take(need)
    return key_maps(identities.merges())
