"""Records kept on disk while a build runs: read back by place, or sorted in runs and grouped."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

from kg.spill import Pickled, Shelf, Sorter


class _Unordered:
    """A value that cannot be compared, as records cannot."""

    def __init__(self, n: int) -> None:
        self.n = n


def test_a_shelf_reads_records_back_by_place_in_any_order(tmp_path: Path) -> None:
    shelf: Shelf[tuple[str, int]] = Shelf(tmp_path / "shelf")
    places = [shelf.put((f"rekod {i}", i)) for i in range(50)]
    order = [7, 3, 3, 49, 0]
    assert list(shelf.read(places[i] for i in order)) == [(f"rekod {i}", i) for i in order]
    assert [n for _, n in shelf.read(places)] == list(range(50))
    shelf.close()
    assert not list(tmp_path.iterdir())


def test_a_record_pickled_where_it_was_made_reads_back_as_one_put_as_it_is(tmp_path: Path) -> None:
    shelf: Shelf[tuple[str, int]] = Shelf(tmp_path / "shelf")
    places = [shelf.put(Pickled((f"rekod {i}", i)) if i % 2 else (f"rekod {i}", i))
              for i in range(10)]
    assert list(shelf.read(reversed(places))) == [(f"rekod {i}", i) for i in reversed(range(10))]
    shelf.close()


def test_a_sorter_gives_groups_in_key_order_from_runs_on_disk_as_from_memory(tmp_path: Path) -> None:
    rng = random.Random(3)
    items = [((rng.randrange(3), f"kunci {rng.randrange(20)}"), _Unordered(i)) for i in range(200)]
    wanted: dict[tuple[int, str], set[int]] = defaultdict(set)
    for key, value in items:
        wanted[key].add(value.n)
    for folder, run in ((tmp_path, 7), (None, 7), (tmp_path, 10_000)):
        sorter: Sorter[_Unordered] = Sorter(folder, "uji", run)
        for key, value in items:
            sorter.add(key, value)
        if folder is not None and run == 7:
            assert len(list(tmp_path.iterdir())) == 200 // 7  # the runs written so far
        groups = [(key, {v.n for v in values}) for key, values in sorter.groups()]
        assert groups == sorted(wanted.items())
        assert sum(len(v) for _, v in groups) == len(items)
        assert not list(tmp_path.iterdir())  # the runs are deleted once read
