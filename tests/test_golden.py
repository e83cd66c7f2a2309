"""The graph of a small article of ours, compared as a graph with the one pinned in tests/data/golden.

After a deliberate change of the extractor or the mapping, rewrite the pinned graph with
`UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py` and review its diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.pipeline import extract_sources
from kg.rdf.graph import build_graph

GOLDEN = Path(__file__).parent / "data" / "golden"


def _dump(g: Graph) -> str:
    """Show a graph's triples one per line, sorted, for a readable diff."""
    return "\n".join(sorted(f"  {s.n3()} {p.n3()} {o.n3()}" for s, p, o in g))


def test_golden_graph() -> None:
    extractions, problems = extract_sources([GOLDEN / "g01-pagaralam-rakor.txt"])
    assert not problems
    built = build_graph(extractions)
    pinned_path = GOLDEN / "g01-pagaralam-rakor.ttl"
    if os.environ.get("UPDATE_GOLDEN"):
        pinned_path.write_text(built.serialize(format="turtle"), encoding="utf-8")
    pinned = Graph().parse(pinned_path, format="turtle")
    if not isomorphic(built, pinned):
        _, missing, extra = graph_diff(to_isomorphic(pinned), to_isomorphic(built))
        raise AssertionError(f"graph differs from {pinned_path.name}\nmissing:\n{_dump(missing)}"
                             f"\nextra:\n{_dump(extra)}")
