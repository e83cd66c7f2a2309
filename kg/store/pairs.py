"""Pairs counted by kg rather than by the engine: `co-attendance` asked of everyone.

Asked without a participant, co-attendance pairs every two participants of every event: at a
million triples Oxigraph joins 64 800 participations with themselves into 518 400 pairs,
groups them into 476 816 pairs of names, and reads three values for each (about 15 s of CPU,
its listing form included). Its pairs form (kg/queries/NAME.pairs.rq, standard SPARQL 1.1)
asks for one side of the pairs once, (event, participant, name) rows, and here, in numbers
that stand for the terms: the rows of each event are paired, two different participants each
time (terms compared as terms), each pair of names counts an event once (the question's
COUNT(DISTINCT ?e)), and the pairs are ordered as the question orders them: by that count,
descending, then by the two names as SPARQL orders terms (kg.store.query.order_key). The
question's rows, in its order (tests/test_question_engines.py; bench/store_bench.py --check).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

# The questions answered so: two names and a count of distinct groups, ordered by the count,
# descending, then by the names.
SHAPE = re.compile(r"SELECT\s+\?(\w+)\s+\?(\w+)\s+\(\s*COUNT\s*\(\s*DISTINCT\s+\?\w+\s*\)\s+"
                   r"AS\s+\?(\w+)\s*\)", re.IGNORECASE)


def columns(question: str) -> list[str]:
    """The columns of a question answered by pairs: two names and the count."""
    found = SHAPE.search(question)
    if not found:
        raise ValueError("a question answered by pairs selects ?a ?b (COUNT(DISTINCT ?g) AS ?n)")
    return list(found.groups())


def pair_rows(sides: Iterable[Sequence[Any]], rank: Callable[[Any], Any],
              text: Callable[[Any], str] = lambda term: "" if term is None else term.value
              ) -> list[list[str]]:
    """Pair (group, member, name) rows: for every two names of different members of one group,
    the names (as `text` writes them: a term's value, or a TSV cell as it is) and the number
    of groups they share, most first, then by the names' `rank`."""
    read = list(zip(*sides, strict=True)) or [(), (), ()]
    (group, _), (member, _), (name, terms) = (_numbered(column) for column in read)
    first, second = _pairs(group, member)
    if not len(first):
        return []
    names = len(terms)
    pair = name[first] * names + name[second]  # names below 2**31: no overflow
    kept = np.lexsort((pair, group[first]))  # a pair of names counts a group once
    pair, shared = pair[kept], group[first][kept]
    new = np.r_[True, (pair[1:] != pair[:-1]) | (shared[1:] != shared[:-1])]
    pair = np.sort(pair[new])
    starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])
    counts, pair = np.diff(np.r_[starts, len(pair)]), pair[starts]
    ranks = np.empty(names, dtype=np.int64)
    ranks[sorted(range(names), key=lambda n: rank(terms[n]))] = np.arange(names)
    a, b = pair // names, pair % names
    order = np.lexsort((ranks[b], ranks[a], -counts))
    written_names = [text(term) for term in terms]
    written = [str(n) for n in range(int(counts.max(initial=0)) + 1)]
    return [[written_names[x], written_names[y], written[n]] for x, y, n in
            zip(a[order].tolist(), b[order].tolist(), counts[order].tolist(), strict=True)]


def _numbered(column: Sequence[Any]) -> tuple[np.ndarray, list[Any]]:
    """Number the terms of a column, from 0 in order of first sight: the numbers and the terms."""
    terms = list(dict.fromkeys(column))
    number = dict(zip(terms, range(len(terms)), strict=True))
    return np.fromiter(map(number.__getitem__, column), dtype=np.int64, count=len(column)), terms


def _pairs(group: np.ndarray, member: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every two rows of one group whose members differ, as two arrays of row numbers."""
    if not len(group):
        return group, group
    rows = np.argsort(group, kind="stable")
    grouped = group[rows]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    sizes = np.diff(np.r_[starts, len(rows)])
    start = np.repeat(starts, sizes)  # the first row of each row's group,
    size = np.repeat(sizes, sizes)  # and its size: each row pairs with that many
    first = np.repeat(np.arange(len(rows)), size)
    second = np.repeat(start, size) + np.arange(len(first)) - np.repeat(np.cumsum(size) - size,
                                                                       size)
    first, second = rows[first], rows[second]
    other = member[first] != member[second]
    return first[other], second[other]
