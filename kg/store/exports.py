"""A store's exports (graph.ttl, explorer.html), written from the store by Oxigraph's serialisers.

The store is read once, in N-Quads written by Oxigraph itself (no term passes through Python on
the way out), its lines sorted so that the same graph always gives the same bytes whatever the
order the store was built in; the Turtle is Oxigraph's, with our prefixes.
"""

from __future__ import annotations

import re
import tempfile
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from kg.pipeline import side_by_side
from kg.rdf.files import (
    RUN,
    atomic_file,
    declared_integer_types,
    merge_runs,
    read_ntriples,
    write_atomically,
)
from kg.rdf.namespaces import PREFIXES
from kg.rdf.tokens import NAME_TOKENS
from kg.spill import collector_held
from kg.store.database import pyoxigraph

if TYPE_CHECKING:
    import pyoxigraph as ox

    from kg.viz.explorer import Written

INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"
UNION = ("turtle", "nt")  # the syntaxes of one graph written here


def _retype() -> list[tuple[str, re.Pattern[str], str]]:
    """For each property the shapes give an integer subtype, how to put it back on a line."""
    return [(f" <{p}> ", re.compile(rf'^(<[^>]*> <{re.escape(str(p))}> "-?[0-9]+"\^\^){INTEGER}'),
             rf"\1<{dt}>") for p, dt in declared_integer_types().items()]


def union_ntriples(store: ox.Store) -> str:
    """Return the union of the store's graphs as sorted N-Triples (see `write_union_ntriples`)."""
    with tempfile.TemporaryDirectory(prefix="kg-union-") as scratch:
        path = Path(scratch) / "union.nt"
        write_union_ntriples(store, path)
        return path.read_text(encoding="utf-8")


def write_union_ntriples(store: ox.Store, path: Path, run: int = RUN) -> None:
    """Write the union of the store's graphs as N-Triples, each line once and the lines sorted,
    with the integer types the shapes declare (Oxigraph keeps them all as xsd:integer); the
    name-token key, an index over the graph rather than part of it, stays out. The store is
    dumped beside the file by Oxigraph, then read a line at a time: a run of lines at a time is
    sorted and written beside it, and the runs are merged, so no more than a run is held."""
    ox = pyoxigraph()
    retype = _retype()
    key = f" <{NAME_TOKENS}> ."
    dump = path.with_name(f"{path.name}.nq")
    store.dump(str(dump), format=ox.RdfFormat.N_QUADS)
    runs: list[Path] = []
    with dump.open(encoding="utf-8", newline="\n") as quads:
        while batch := list(islice(quads, run)):
            lines = set()
            for quad in batch:
                quad = quad.rstrip("\n")
                if not quad or quad.endswith(key):
                    continue
                line = quad[:quad.rindex(" <")] + " ."  # every quad lies in a named graph
                for marker, pattern, typed in retype:
                    if marker in line:
                        line = pattern.sub(typed, line)
                lines.add(f"{line}\n")
            del batch
            runs.append(path.with_name(f"{path.name}.run{len(runs)}"))
            runs[-1].write_bytes("".join(sorted(lines)).encode("utf-8"))
    dump.unlink()
    merge_runs(runs, path)  # the lines sort as their UTF-8 bytes do


def turtle(ntriples: str) -> str:
    """Write N-Triples as Turtle with our prefixes, in Oxigraph's serialiser."""
    ox = pyoxigraph()
    triples = ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_prefixes()).decode("utf-8")


def _prefixes() -> dict[str, str]:
    """Return the prefixes a store's Turtle is written with."""
    return {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}


def write_union(store: ox.Store, syntax: str, path: Path) -> None:
    """Write the union of a store's graphs as Turtle ("turtle") or N-Triples ("nt")."""
    ntriples = union_ntriples(store)
    write_atomically(path, turtle(ntriples) if syntax == "turtle" else ntriples)


def write_store_outputs(store: ox.Store, out: Path, explorer_max: int, jobs: int = 1) -> Written:
    """Write a store's graph.ttl and explorer.html into `out`, side by side with more than one
    job, from the union of its graphs in N-Triples, written beside them until they are written:
    above `explorer_max` nodes, the explorer is the store's overview, read from it without
    reading the rest."""
    from kg.viz.explorer import HINT, Written, render_slice  # networkx and pyvis
    from kg.viz.slices import overview, stored_size

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out, prefix=".kg-exports-") as scratch:
        ntriples = Path(scratch) / "union.nt"
        write_union_ntriples(store, ntriples)
        if (nodes := stored_size(store)) > explorer_max:
            _turtle_file(ntriples, out / "graph.ttl")
            write_atomically(out / "explorer.html", render_slice(overview(store), note=HINT))
            return Written(nodes, True)
        side_by_side({
            "graph.ttl": partial(_turtle_file, ntriples, out / "graph.ttl"),
            "explorer.html": partial(_explorer_file, ntriples, out / "explorer.html"),
        }, jobs, sent=True)  # the database's threads forbid forking: the explorer is sent a path
    return Written(nodes, False)


def _turtle_file(ntriples: Path, path: Path) -> None:
    """Write an N-Triples file as Turtle with our prefixes, a part at a time."""
    ox = pyoxigraph()
    with atomic_file(path) as file:
        ox.serialize(ox.parse(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES), file,
                     format=ox.RdfFormat.TURTLE, prefixes=_prefixes())


def _explorer_file(ntriples: Path, path: Path) -> None:
    """Write the explorer of a graph given as an N-Triples file."""
    from kg.viz.explorer import write_explorer  # networkx and pyvis: only when asked for

    with collector_held():
        write_explorer(read_ntriples(ntriples.read_bytes()), path)
