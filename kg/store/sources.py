"""A store's sources as last read: each file's hash and what it gave, so that a build reads again
only the files that changed.

A file whose size and modification time (in nanoseconds) are those last seen is taken to hold
the same bytes, as make and git take it; any other is hashed, and read again when its hash
differs. What a file gave is kept as its articles' entries (id, source, fingerprint: what
`kg.ingest.load.choose` picks among) with their content hashes, and its problems; the choice
among all the articles is made again each time, over those entries, as a full read makes it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.ingest.load import Entry, choose, discover, entry
from kg.ingest.readers import read
from kg.pipeline import alias_files
from kg.records import Article, Problem

Seen = dict[str, tuple[str, int, int]]  # path -> (hash, size, modification time)


def scan(paths: list[Path], seen: Seen) -> tuple[Seen, list[Problem]]:
    """Find the article files and curated aliases under the paths, with their hashes (kept from
    the last build for a file of the same size and time); list the paths that cannot be read."""
    files, problems = discover(paths)
    found: Seen = {}
    for path in [*files, *alias_files(paths)]:
        info = path.stat()
        known = seen.get(str(path))
        if known and known[1:] == (info.st_size, info.st_mtime_ns):
            found[str(path)] = known
        else:
            found[str(path)] = (hashlib.sha256(path.read_bytes()).hexdigest(), info.st_size,
                                info.st_mtime_ns)
    return found, problems


@dataclass
class Sources:
    """The articles chosen from the sources: entries and content hashes for all, the articles
    themselves for those read this time (the others on demand)."""

    chosen: dict[str, tuple[Entry, str, str]]  # id -> (entry, content hash, file)
    problems: list[Problem]
    fresh: dict[Entry, Article]
    max_bytes: int

    def article(self, article_id: str) -> Article:
        """Return a chosen article, reading its file again if it was not read this time."""
        found, _, path = self.chosen[article_id]
        if found not in self.fresh:
            for item in read(Path(path), self.max_bytes):
                if isinstance(item, Article):
                    self.fresh.setdefault(entry(item), item)
        return self.fresh[found]


def load(files: Seen, kept: dict[str, Any], max_bytes: int,
         content_hash: Callable[[Article], str]) -> tuple[Sources, dict[str, Any]]:
    """Read the article files whose hash or size limit differs from what was kept, reuse the
    rest; choose among all their articles. Return them, and what to keep of each file."""
    entries: dict[Entry, tuple[str, str]] = {}
    problems: list[Problem] = []
    fresh: dict[Entry, Article] = {}
    keep: dict[str, Any] = {}
    for path, (digest, _, _) in files.items():  # in path order, as a full read goes
        if Path(path).suffix == ".tsv":  # the curated aliases: no articles
            continue
        gave = kept.get(path)
        if not gave or gave["hash"] != digest or gave["max_bytes"] != max_bytes:
            gave = _read(Path(path), digest, max_bytes, content_hash, fresh)
        keep[path] = gave
        for ident, source, fingerprint, content in gave["articles"]:
            entries.setdefault(Entry(ident, source, fingerprint), (content, path))
        problems += [Problem(source, reason) for source, reason in gave["problems"]]
    chosen, twice = choose(entries)
    return Sources({e.id: (e, *entries[e]) for e in chosen}, problems + twice, fresh,
                   max_bytes), keep


def _read(path: Path, digest: str, max_bytes: int, content_hash: Callable[[Article], str],
          fresh: dict[Entry, Article]) -> dict[str, Any]:
    """Read a file; note its articles (kept in `fresh`) and problems."""
    articles, problems = [], []
    for item in read(path, max_bytes):
        if isinstance(item, Problem):
            problems.append([item.source, item.reason])
        else:
            found = entry(item)
            fresh.setdefault(found, item)
            articles.append([found.id, found.source, found.fingerprint, content_hash(item)])
    return {"hash": digest, "max_bytes": max_bytes, "articles": articles, "problems": problems}
