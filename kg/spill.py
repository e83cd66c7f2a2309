"""Records kept on disk while a build runs, so that its memory does not grow with the corpus: a
file of records read back in any order, and records sorted by a key in runs and merged.

The files are the build's own scratch, written and read by one process: records go in as
pickles, which read back fastest. And a pause of Python's cycle collector while millions of
objects that hold no cycles are made (`collector_held`).
"""

from __future__ import annotations

import gc
import heapq
import pickle
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

T = TypeVar("T")
RUN = 100_000  # records sorted in memory at a time (see `Sorter`)
_first = itemgetter(0)


class Pickled(Generic[T]):
    """A record pickled as a `Shelf` pickles it, where it was made: one made in another process
    crosses to the shelf's as these bytes, and is put on the shelf as it is."""

    __slots__ = ("data",)

    def __init__(self, record: T) -> None:
        self.data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)


class Shelf(Generic[T]):
    """Records appended to a file, each read back by the place `put` gave it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] = path.open("w+b")

    def put(self, record: T | Pickled[T]) -> int:
        """Append a record (or one pickled already); return its place."""
        place = self._file.tell()
        if isinstance(record, Pickled):
            self._file.write(record.data)
        else:
            pickle.dump(record, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        return place

    def read(self, places: Iterable[int]) -> Iterator[T]:
        """Yield the records at the places given, in their order."""
        self._file.flush()
        with self.path.open("rb") as file:
            for place in places:
                if file.tell() != place:
                    file.seek(place)
                yield pickle.load(file)

    def close(self) -> None:
        """Close and delete the file."""
        self._file.close()
        self.path.unlink(missing_ok=True)


class Sorter(Generic[T]):
    """Items (a sort key, a value) taken in any order and given back grouped by key, in key order:
    a run of them at a time is sorted and written to a file in `folder`, and the runs are merged
    (with no folder, all are held and sorted in memory). The keys of different items must
    compare (a value is never compared); in memory there are at most a run's items and one
    group."""

    def __init__(self, folder: Path | None, name: str, run: int = RUN) -> None:
        self._folder, self._name, self._run = folder, name, run
        self._items: list[tuple[Any, T]] = []
        self._runs: list[Path] = []

    def add(self, key: Any, value: T) -> None:
        """Take an item."""
        self._items.append((key, value))
        if len(self._items) >= self._run and self._folder is not None:
            self._spill(self._folder)

    def _spill(self, folder: Path) -> None:
        """Sort the items held and write them as a run."""
        self._items.sort(key=_first)
        path = folder / f"{self._name}.run{len(self._runs)}"
        with path.open("wb") as file:
            for start in range(0, len(self._items), 1000):
                pickle.dump(self._items[start:start + 1000], file, protocol=pickle.HIGHEST_PROTOCOL)
        self._runs.append(path)
        self._items = []

    def groups(self) -> Iterator[tuple[Any, list[T]]]:
        """Yield each key, in order, with the values given with it (in no set order); the runs
        are deleted once read."""
        if not self._runs:  # all in memory: no file written
            items, self._items = sorted(self._items, key=_first), []
            yield from _grouped(items)
            return
        if self._items and self._folder is not None:
            self._spill(self._folder)
        runs, self._runs = self._runs, []
        try:
            yield from _grouped(heapq.merge(*map(_read_run, runs), key=_first))
        finally:
            for path in runs:
                path.unlink(missing_ok=True)


def _grouped(items: Iterable[tuple[Any, T]]) -> Iterator[tuple[Any, list[T]]]:
    """Group sorted items by key."""
    for key, group in groupby(items, key=_first):
        yield key, [value for _, value in group]


def _read_run(path: Path) -> Iterator[tuple[Any, Any]]:
    """Yield a run's items, a thousand read at a time."""
    with path.open("rb") as file:
        while True:
            try:
                chunk = pickle.load(file)
            except EOFError:
                return
            yield from chunk


@contextmanager
def collector_held() -> Iterator[None]:
    """Hold Python's cycle collector off while the graph and the outputs are made: they make
    millions of objects that live to the end, among them no cycles to collect, which it would
    otherwise scan again and again (a third of the graph's time, a fifth of the explorer's)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
