"""The build as a library: its stages, and the plain build that runs them one after the other.

read (`kg.ingest`) -> extract -> unify -> graph (`kg.rdf`) -> outputs. A build into a store
(`kg.store.build`) runs the same stages around its cache of extractions.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from tqdm import tqdm

from kg.extract import extract
from kg.identity.unify import Merge, read_overrides, unify
from kg.ingest import MAX_BYTES
from kg.ingest.load import load_articles
from kg.rdf.files import write_turtle
from kg.rdf.graph import build_graph
from kg.records import Article, Extraction, Problem
from kg.viz.explorer import write_explorer

ALIASES = "aliases.tsv"  # curated identity verdicts, in a sources folder
# What a build writes into its output folder, by file name.
OUTPUTS: dict[str, Callable[[Graph, Path], None]] = {
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


def extract_all(articles: list[Article], progress: bool = False, mentions: bool = False
                ) -> Iterator[Extraction | Problem]:
    """Extract every article (with its mentions when asked); one that fails becomes a Problem
    and the others go on."""
    for article in tqdm(articles, desc="extracting", unit="article", disable=not progress or None,
                        leave=False):
        try:
            yield extract(article, mentions)
        except Exception as err:  # noqa: BLE001 - one bad article must not stop the build
            yield Problem(article.source, f"extraction failed: {type(err).__name__}: {err}")


def alias_files(paths: Iterable[Path]) -> list[Path]:
    """List the curated aliases files of the source folders."""
    return [p / ALIASES for p in paths if p.is_dir() and (p / ALIASES).is_file()]


def unify_all(extractions: list[Extraction], paths: Iterable[Path]
              ) -> tuple[list[Extraction], list[Merge]]:
    """Merge entities across articles, as the source folders' curated verdicts say; return the
    merges too."""
    return unify(extractions, read_overrides(alias_files(paths)))


def write_outputs(graph: Graph, out: Path) -> None:
    """Write every output of a build into `out`."""
    for name, write in OUTPUTS.items():
        write(graph, out / name)


def outputs_present(out: Path) -> bool:
    """Say whether every output of a build is in `out`."""
    return all((out / name).is_file() for name in OUTPUTS)


def extract_sources(paths: Iterable[Path], progress: bool = False, max_bytes: int = MAX_BYTES
                    ) -> tuple[list[Extraction], list[Problem]]:
    """Read and extract every article under the paths, one entity one key across them."""
    extractions, problems, _ = extract_and_unify(list(paths), progress, max_bytes)
    return extractions, problems


def extract_and_unify(paths: list[Path], progress: bool = False, max_bytes: int = MAX_BYTES
                      ) -> tuple[list[Extraction], list[Problem], list[Merge]]:
    """Read and extract every article, then merge entities across articles; return the merges."""
    articles, problems = load_articles(paths, max_bytes)
    extractions = []
    for item in extract_all(articles, progress):
        (problems if isinstance(item, Problem) else extractions).append(item)
    unified, merges = unify_all(extractions, paths)
    return unified, problems, merges


def count(extractions: list[Extraction]) -> tuple[int, int]:
    """Count distinct entities (persons, organisations, places, events, groups) and facts
    (holdings, events, participations)."""
    entities = {(kind, r.key) for x in extractions for kind, records in
                (("p", x.persons), ("o", x.organizations), ("l", x.places),
                 ("e", x.events), ("c", x.collectives)) for r in records}
    facts = {("h", h.person, h.role, h.organization) for x in extractions for h in x.holdings}
    facts |= {("e", e.key) for x in extractions for e in x.events}
    facts |= {("a", a.participant, a.event, a.role) for x in extractions for a in x.attendances}
    return len(entities), len(facts)


def build(paths: Iterable[Path], out: Path, progress: bool = False, max_bytes: int = MAX_BYTES
          ) -> Build:
    """Build the graph of the articles under the paths and write the outputs into `out`."""
    started = time.perf_counter()
    extractions, problems = extract_sources(paths, progress, max_bytes)
    graph = build_graph(extractions)
    if extractions:  # nothing built replaces nothing: the previous outputs stay as they were
        write_outputs(graph, out)
    entities, facts = count(extractions)
    return Build(len(extractions), tuple(problems), entities, facts,
                 time.perf_counter() - started, extracted=len(extractions), exported=True,
                 graph=graph)
