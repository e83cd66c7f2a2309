"""Find the sources and read them into Articles, each report once; bad ones become Problems."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from kg.ingest.readers import SUFFIXES, read
from kg.records import Article, Problem


def discover(paths: Iterable[Path]) -> list[Path]:
    """List the article files under the given files and folders, sorted."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                         and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.exists():
            found.add(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return sorted(found)


def fingerprint(article: Article) -> str:
    """Hash an article's text, spaces folded, to find the same report read twice."""
    return hashlib.sha1(" ".join(article.text.split()).encode("utf-8")).hexdigest()


def load_articles(paths: Iterable[Path]) -> tuple[list[Article], list[Problem]]:
    """Read every source; the same text twice is kept once (the smallest id), problems listed.

    Two different texts under one id cannot both be built (ids name articles in the graph):
    the first in path order is kept and the other reported.
    """
    by_text: dict[str, Article] = {}
    problems: list[Problem] = []
    for path in discover(paths):
        for item in read(path):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            digest = fingerprint(item)
            if digest not in by_text or item.id < by_text[digest].id:
                by_text[digest] = item
    by_id: dict[str, Article] = {}
    for article in sorted(by_text.values(), key=lambda a: (a.id, a.source)):
        if article.id in by_id:
            problems.append(Problem(article.source, f"another article has the id {article.id!r}: "
                                                    f"{by_id[article.id].source}"))
        else:
            by_id[article.id] = article
    return list(by_id.values()), problems
