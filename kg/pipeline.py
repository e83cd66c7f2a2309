"""The build as a library: read sources, extract each article, make the graph and its outputs."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
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


@dataclass(frozen=True)
class BuildResult:
    """What a build read, skipped and made."""

    articles: int
    problems: tuple[Problem, ...]
    entities: int
    facts: int
    seconds: float
    graph: Graph


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


ALIASES = "aliases.tsv"


def extract_sources(paths: Iterable[Path], progress: bool = False, max_bytes: int = MAX_BYTES
                    ) -> tuple[list[Extraction], list[Problem]]:
    """Read and extract every article under the paths, one entity one key across them."""
    extractions, problems, _ = extract_and_unify(list(paths), progress, max_bytes)
    return extractions, problems


def extract_and_unify(paths: list[Path], progress: bool = False, max_bytes: int = MAX_BYTES
                      ) -> tuple[list[Extraction], list[Problem], list[Merge]]:
    """Read and extract every article, then merge entities across articles; return the merges.

    Curated verdicts are read from an aliases.tsv in each source folder.
    """
    articles, problems = load_articles(paths, max_bytes)
    extractions = []
    for item in extract_all(articles, progress):
        (problems if isinstance(item, Problem) else extractions).append(item)
    overrides = read_overrides(p / ALIASES for p in paths if p.is_dir())
    unified, merges = unify(extractions, overrides)
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
          ) -> BuildResult:
    """Build the graph of the articles under the paths into `out`: graph.ttl and explorer.html."""
    started = time.perf_counter()
    extractions, problems = extract_sources(paths, progress, max_bytes)
    graph = build_graph(extractions)
    write_turtle(graph, out / "graph.ttl")
    write_explorer(graph, out / "explorer.html", title="kg explorer")
    entities, facts = count(extractions)
    return BuildResult(len(extractions), tuple(problems), entities, facts,
                       time.perf_counter() - started, graph)
