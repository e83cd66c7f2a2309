"""The explorer as a view over the store, served by `kg serve` at /explorer: a page per slice of
the store (kg.viz.slices), the overview unless another is asked for.

    /explorer                                   the overview
    /explorer?around=NAME&hops=N                what lies around the persons and organisations
                                                named so (or the one whose IRI NAME is)
    /explorer?region=R&month=YYYY-MM&hops=N     what lies around the events of a region and a
                                                month (either may be left out)
    /explorer?timeline=NAME                     an official's timeline

Each page is the one-file explorer of its slice, as `kg explore` writes it, with the data of
that slice alone; its CSP lets it ask its own origin and nowhere else, so that its search box
can look up names in the whole store through the SPARQL endpoint. Pages are read from the
store's indexes when first asked for (the overview before the server listens) and the latest
ones are kept. A slice is read in this process, at most SLICES at a time: the others wait
within the server's --timeout, then are refused (503).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl

from rdflib import Graph

from kg.errors import UserError
from kg.store.oxigraph import open_store
from kg.store.runner import Refused
from kg.viz.explorer import render_slice
from kg.viz.slices import Slice, Spec, take

PATH = "/explorer"
SLICES = 2  # read at once: each holds Python's lock most of its time
KEPT = 32  # pages kept for the next asks


def spec_of(query: str) -> Spec:
    """Read the slice a page's query string asks for (none: the overview)."""
    args = {name: value.strip() for name, value in parse_qsl(query)}
    asked = {name: args.get(name) or None for name in ("around", "region", "month", "timeline")}
    if not any(asked.values()):
        return Spec(overview=True)
    try:
        hops = int(args.get("hops") or 1)
    except ValueError:
        raise UserError(f"hops {args['hops']!r} is not a number") from None
    return Spec(around=asked["around"], hops=hops, region=asked["region"], month=asked["month"],
                timeline=asked["timeline"]).checked()


class Pages:
    """The explorer's pages of one store, opened read-only for as long as the server runs."""

    def __init__(self, folder: Path, timeout: float) -> None:
        self.store = open_store(folder, read_only=True)
        self.timeout = timeout
        self.slots = threading.BoundedSemaphore(SLICES)
        self.page = lru_cache(maxsize=KEPT)(self._page)
        self.page(Spec(overview=True))

    def answer(self, query: str) -> tuple[str, bytes]:
        """Return the status and the page a query string asks for."""
        try:
            spec = spec_of(query)
        except UserError as err:
            return "400 Bad Request", _empty(Spec(), str(err))
        if not self.slots.acquire(timeout=self.timeout):
            raise Refused("503 Service Unavailable", f"every slice reader stayed busy for "
                          f"{self.timeout:g} s (--timeout): try again later")
        try:
            return self.page(spec)
        finally:
            self.slots.release()

    def _page(self, spec: Spec) -> tuple[str, bytes]:
        """Read a slice and write its page; a slice that finds nothing is a page that says so."""
        try:
            found = take(self.store, spec)
        except UserError as err:
            return "404 Not Found", _empty(spec, str(err))
        return "200 OK", render_slice(found, served=True).encode("utf-8")


def _empty(spec: Spec, error: str) -> bytes:
    """Return a page that holds nothing but says why, with its search box and slices."""
    return render_slice(Slice(spec, Graph(), [], False), served=True, error=error).encode("utf-8")
