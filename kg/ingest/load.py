"""Find the sources and read them into Articles, each report once; bad ones become Problems."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from kg.ingest import MAX_BYTES
from kg.ingest.readers import SUFFIXES, read
from kg.records import Article, Problem

T = TypeVar("T")  # what is kept of an article: the article, or what a worker made of it
# What a path is when it is no regular file: reading a FIFO or a device would hang or never end.
_KINDS = {stat.S_IFDIR: "a folder", stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device",
          stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket"}


def _irregular(path: Path) -> str | None:
    """Say why a path is not a regular file to read (a FIFO, a link loop), or None."""
    try:
        mode = path.stat().st_mode
    except OSError as err:
        return f"cannot be opened: {err.strerror}"
    if stat.S_ISREG(mode):
        return None
    return f"{_KINDS.get(stat.S_IFMT(mode), 'a special file')}, not a regular file"


def _walk(folder: Path) -> tuple[list[Path], list[Problem]]:
    """List the files with a source suffix under a folder, hidden ones left out, and the folders
    that cannot be listed."""
    files: list[Path] = []
    problems: list[Problem] = []
    for root, dirs, names in os.walk(folder, onerror=lambda err: problems.append(
            Problem(str(err.filename), f"folder cannot be read: {err.strerror}"))):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files += [Path(root, n) for n in names
                  if not n.startswith(".") and Path(n).suffix.lower() in SUFFIXES]
    return files, problems


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """List the regular article files under the given files and folders, sorted, and the paths
    that cannot be read (a FIFO, a device, a link loop, an unreadable folder)."""
    found: set[Path] = set()
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            files, refused = _walk(path)
            problems += refused
        elif os.path.lexists(path):
            files = [path]
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
        for file in files:
            if reason := _irregular(file):
                problems.append(Problem(str(file), reason))
            else:
                found.add(file)
    return sorted(found), problems


def fingerprint(article: Article) -> str:
    """Hash an article's text, spaces folded, to find the same report read twice."""
    return hashlib.sha1(" ".join(article.text.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entry:
    """What choosing among the articles read needs of one: its id, where it was read from, and
    its text's fingerprint."""

    id: str
    source: str
    fingerprint: str


def entry(article: Article) -> Entry:
    """Describe an article for choosing."""
    return Entry(article.id, article.source, fingerprint(article))


def choose(entries: Iterable[Entry]) -> tuple[list[Entry], list[Problem]]:
    """Keep each text once (the smallest id) and each id once (the first in path order); report
    the ids given to two texts."""
    by_text: dict[str, Entry] = {}
    for e in entries:
        if e.fingerprint not in by_text or e.id < by_text[e.fingerprint].id:
            by_text[e.fingerprint] = e
    by_id: dict[str, Entry] = {}
    problems = []
    for e in sorted(by_text.values(), key=lambda a: (a.id, a.source)):
        if e.id in by_id:
            problems.append(Problem(e.source, f"another article has the id {e.id!r}: "
                                              f"{by_id[e.id].source}"))
        else:
            by_id[e.id] = e
    return list(by_id.values()), problems


def keep_once(found: Iterable[tuple[Entry, T]]) -> tuple[list[T], list[Problem]]:
    """Keep the first item of each entry, then choose among the entries; return the items kept,
    in the chosen order, and the problems of the ids given to two texts."""
    first: dict[Entry, T] = {}
    for key, item in found:
        first.setdefault(key, item)
    kept, twice = choose(first)
    return [first[e] for e in kept], twice


def load_articles(paths: Iterable[Path], max_bytes: int = MAX_BYTES
                  ) -> tuple[list[Article], list[Problem]]:
    """Read every source; the same text twice is kept once (the smallest id), problems listed
    (an article over `max_bytes` is one).

    Two different texts under one id cannot both be built (ids name articles in the graph):
    the first in path order is kept and the other reported.
    """
    files, problems = discover(paths)
    articles, more = read_articles(files, max_bytes)
    return articles, problems + more


def read_articles(files: list[Path], max_bytes: int = MAX_BYTES
                  ) -> tuple[list[Article], list[Problem]]:
    """Read the files that `discover` found, as `load_articles` does."""
    return read_kept(files, itself, max_bytes)


def itself(x: T) -> T:
    """Keep what is read (or made of it) as it is."""
    return x


def read_kept(files: list[Path], keep: Callable[[Article], T], max_bytes: int = MAX_BYTES
              ) -> tuple[list[T], list[Problem]]:
    """Read the files that `discover` found, as `load_articles` does, each article handed to
    `keep` as it is read (which may put it aside on disk); return what `keep` gave of each
    article kept, in their order."""
    problems: list[Problem] = []

    def articles() -> Iterator[tuple[Entry, T]]:
        for path in files:
            for item in read(path, max_bytes):
                if isinstance(item, Problem):
                    problems.append(item)
                else:
                    yield entry(item), keep(item)

    kept, twice = keep_once(articles())
    return kept, problems + twice
