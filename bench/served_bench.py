"""How fast the served explorer opens over a store at corpus scale: a benchmark script (not a test).

It makes bench/store_bench.py's synthetic store (--articles of them, each in a named graph, the
entities in one more, the name-token key), serves it with `kg serve`, and opens its explorer
in headless Chromium, every request beyond the server aborted. It prints how long the server
took to start (it reads the overview before it listens), and for each page its size and the
times the page marks (from the navigation's start, the server's answer included): the
overview, a search in the store for a person (typing to the first result from the store), that
person's neighbourhood (the result clicked: the page of the slice around them, 1 hop), the
events of a region and a month (1 hop, then 2 hops: a page that opens on clusters, and the time
its first cluster takes to open), and the person's timeline. Each run opens every page in a new
browser context; the server keeps the pages it made, so the first run reads the slices from the
store and the next ones find them made. Usage:

    python bench/served_bench.py [--articles 5000] [--runs 3] [--keep DIR] [--chromium PATH]
"""

from __future__ import annotations

import argparse
import json
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
from explorer_bench import (  # noqa: E402 - beside this script
    ARGS,
    _open_cluster,
    browser_options,
    page_marks,
)
from store_bench import generate  # noqa: E402


def make_store(folder: Path, articles: int) -> dict[str, str]:
    """Generate the corpus and load it into a kg store's database; return the sample names."""
    import pyoxigraph as ox

    from kg.rdf.tokens import maintain
    from kg.store.database import database

    started = time.perf_counter()
    nq, nt, count, corpus = generate(folder, articles)
    shutil.rmtree(folder / "store", ignore_errors=True)
    (folder / "store").mkdir()
    store = ox.Store(str(database(folder / "store")))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    maintain(store)
    store.flush()
    store.optimize()
    del store
    nq.unlink()
    nt.unlink()
    print(f"store: {articles} articles, {count} triples and the name-token key, made in "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    return corpus.sample


def serve(store: Path) -> tuple[subprocess.Popen[str], str, float]:
    """Start `kg serve` on the store; return it, its explorer's URL and how long it took."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store),
                                "--port", "0"], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 600)
    line = process.stdout.readline() if ready else ""
    if "explorer http" not in line:
        process.kill()
        raise SystemExit(f"kg serve did not start: {line}")
    return process, line.rsplit(" ", 1)[1].strip(), time.perf_counter() - started


def _page(browser: Any, url: str) -> tuple[Any, list[str]]:
    """Open a new context whose requests beyond the server's origin are aborted."""
    origin = url.split("/explorer")[0]
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab, errors = context.new_page(), []
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(origin + "/") else route.abort())
    tab.on("pageerror", lambda err: errors.append(str(err)))
    return tab, errors


def _read(tab: Any) -> dict[str, Any]:
    """Wait for the page's layout; return its marks, its nodes and its size."""
    marks = page_marks(tab, 600)
    data = json.loads(tab.locator("#kg-data").text_content() or "{}")
    marks["nodes"] = len(data["nodes"])
    marks["bytes"] = tab.evaluate("() => document.documentElement.outerHTML.length")
    return marks


def one_run(browser: Any, url: str, sample: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Open the overview, search a person and open their page, then a region and a month."""
    found: dict[str, dict[str, Any]] = {}
    tab, errors = _page(browser, url)
    tab.goto(url)
    found["overview"] = _read(tab)
    started = time.perf_counter()
    tab.fill("#kg-search", sample["person"])
    first = tab.locator("#kg-results .kg-store-item button").first
    first.wait_for(timeout=600_000)
    found["search"] = {"shown": (time.perf_counter() - started) * 1000}
    with tab.expect_navigation(timeout=600_000):
        first.click()
    found["neighbourhood"] = _read(tab)
    tab.context.close()
    where = f"region={quote(sample['region'])}&month={sample['month']}"
    for page, query in (("region and month", where), ("... 2 hops", f"{where}&hops=2"),
                        ("timeline", f"timeline={quote(sample['person'])}")):
        tab, more = _page(browser, url)
        tab.goto(f"{url}?{query}")
        found[page] = _read(tab)
        if page == "... 2 hops":
            found["... a cluster"] = {"opened": _open_cluster(tab)}
        tab.context.close()
        errors += more
    if errors:
        raise RuntimeError(f"script errors: {errors}")
    return found


def prepared(keep: Path | None, articles: int) -> tuple[Path, dict[str, str]]:
    """Return the folder of the store and its sample names: a kept one, or one made now."""
    folder = keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    sample_file = folder / "sample.json"
    if keep and sample_file.is_file() and (folder / "store").is_dir():
        return folder, json.loads(sample_file.read_text(encoding="utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    sample = make_store(folder, articles)
    sample_file.write_text(json.dumps(sample), encoding="utf-8")
    return folder, sample


def main() -> int:
    """Make the store, serve it, open its pages; print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--keep", type=Path, help="make (or reuse) the store in this folder")
    args = browser_options(ap).parse_args()
    from playwright.sync_api import sync_playwright

    folder, sample = prepared(args.keep, args.articles)
    process, url, seconds = serve(folder / "store")
    print(f"kg serve: listening after {seconds:.1f} s (the overview read before it listens); "
          f"search {sample['person']!r}, region {sample['region']!r}, month {sample['month']}",
          flush=True)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS)
            runs = [one_run(browser, url, sample) for _ in range(args.runs)]
            browser.close()
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)
    for page in runs[0]:
        for name in ("nodes", "bytes", "shown", "opened", "kg-ready", "kg-first-draw",
                     "kg-stabilised"):
            values = [r[page][name] for r in runs if r[page].get(name) is not None]
            if values:
                unit = "" if name in ("nodes", "bytes") else " ms"
                print(f"{page:<17} {name:<14} median {statistics.median(values):10.0f}{unit}  "
                      f"(runs: {', '.join(f'{v:.0f}' for v in values)})", flush=True)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
