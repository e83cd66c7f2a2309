"""The explorer in a real browser: Debian's Chromium driven by Playwright, with the network blocked.

Skipped (with the reason) where Playwright or Chromium is missing; CI installs both.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_kg
from tests.test_explorer import Page as Parsed

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - the browser extra is not installed
    sync_playwright = None

CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
READY = "body[data-stabilised=true]"
pytestmark = pytest.mark.slow

PAYLOAD_ARTICLE = """---
url: javascript:window.__pwned=1
outlet: contoh<script>window.__pwned=1</script>.id
published: 2024-03-05
title: Rapat <script>window.__pwned=1</script> pleno <img src=x onerror=window.__pwned=1>
---
LAHAT, CONTOH.ID - Ketua KPU Kabupaten Lahat, Budi <img src=x onerror=window.__pwned=1> Santoso, \
mengatakan rapat pleno digelar Selasa (5/3/2024) di Aula KPU Lahat.

Rapat itu dihadiri Kepala Kejaksaan Negeri Lahat, Andi <script>window.__pwned=1</script> Wijaya, \
serta Kapolres Lahat AKBP Rudi Hartono.

"Kami siap," ujar Budi Santoso.
"""
HEADLINE = "Rapat <script>window.__pwned=1</script> pleno <img src=x onerror=window.__pwned=1>"


@dataclass
class Opened:
    """A page opened offline, with what it tried to fetch and what went wrong."""

    page: Page
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def data(self) -> dict[str, Any]:
        """Return the JSON the page carries."""
        found: dict[str, Any] = json.loads(self.page.locator("#kg-data").text_content() or "{}")
        return found

    def clean(self) -> None:
        """Assert nothing was fetched, no script failed, no dialog opened, no payload ran."""
        assert self.blocked == []
        assert self.errors == []
        assert self.dialogs == []
        assert self.page.evaluate("() => typeof window.__pwned") == "undefined"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Launch headless Chromium once for the module."""
    if sync_playwright is None:
        pytest.skip("playwright is not installed (pip install '.[browser]')")
    if CHROMIUM is None:
        pytest.skip("no chromium to drive (apt-get install chromium)")
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def open_offline(browser: Browser, path: Path, fragment: str = "") -> Opened:
    """Open a page with every request but file: ones aborted, and wait for its layout."""
    return open_within(browser, path.as_uri() + fragment, "file:")


def open_within(browser: Browser, url: str, allowed: str) -> Opened:
    """Open a page with every request whose URL does not start with `allowed` aborted (and
    noted), and wait for its layout."""
    context = browser.new_context(viewport={"width": 1300, "height": 850}, accept_downloads=True)
    opened = Opened(context.new_page())

    def route(route: Any) -> None:
        if route.request.url.startswith(allowed):
            route.continue_()
        else:
            opened.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    opened.page.on("pageerror", lambda err: opened.errors.append(str(err)))
    opened.page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    opened.page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    opened.page.goto(url)
    opened.page.wait_for_selector(READY, state="attached", timeout=120_000)
    return opened


@pytest.fixture(scope="module")
def demo(browser: Browser, demo_build: Path) -> Iterator[Opened]:
    """The demo build's explorer, open."""
    opened = open_offline(browser, demo_build / "explorer.html")
    yield opened
    opened.page.context.close()


@pytest.fixture(scope="module")
def payload_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build an article whose headline, outlet, URL and names carry script payloads."""
    folder = tmp_path_factory.mktemp("payload")
    (folder / "sources").mkdir()
    (folder / "sources" / "serangan.txt").write_text(PAYLOAD_ARTICLE, encoding="utf-8")
    done = run_kg("build", str(folder / "sources"), "--out", str(folder / "build"))
    assert done.returncode == 0, done.stderr
    return folder / "build"


@pytest.fixture(scope="module")
def hostile(browser: Browser, payload_build: Path) -> Iterator[Opened]:
    """The payload build's explorer, open."""
    opened = open_offline(browser, payload_build / "explorer.html")
    yield opened
    opened.page.context.close()


def canvas_is_drawn(page: Page) -> bool:
    """Tell whether the network's canvas has anything drawn on it."""
    return bool(page.evaluate("""() => {
        const canvas = document.querySelector('#kg-graph canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
        return false;
    }"""))


def search(page: Page, text: str) -> list[str]:
    """Type into the search box and return the result lines."""
    page.fill("#kg-search", text)
    return [t.strip() for t in page.locator("#kg-results li").all_text_contents()]


def open_by_search(opened: Opened, text: str) -> None:
    """Search, press Enter, and wait for the side panel."""
    search(opened.page, text)
    opened.page.press("#kg-search", "Enter")
    opened.page.wait_for_selector("#kg-panel:not([hidden]) h2")


def alias_only(data: dict[str, Any]) -> tuple[str, str]:
    """Return an organisation's alias that its label does not contain, and the label."""
    for d in data["details"].values():
        for alias in d["aliases"]:
            if d["kind"] == "organization" and alias.lower() not in d["label"].lower():
                return alias, d["label"]
    raise AssertionError("the demo has no organisation known by another name")


def test_demo_opens_offline_and_draws_its_nodes(demo: Opened) -> None:
    demo.clean()
    page = demo.page
    assert page.evaluate("() => document.characterSet") == "UTF-8"
    drawn = page.evaluate("() => window.kgNetwork.body.data.nodes.length")
    assert drawn == len(demo.data()["nodes"]) > 100
    assert page.get_attribute("body", "data-drawn") == "true"
    assert canvas_is_drawn(page)
    assert page.locator("#kg-legend li").count() >= 5


def test_demo_search_finds_an_alias_and_the_panel_shows_evidence(demo: Opened) -> None:
    alias, label = alias_only(demo.data())
    assert any(line.startswith(label) and alias in line for line in search(demo.page, alias))
    open_by_search(demo, alias)
    panel = demo.page.locator("#kg-panel")
    assert panel.locator("h2").text_content() == label
    assert alias in panel.text_content()
    evidence = panel.locator(".kg-evidence li q").all_text_contents()
    assert evidence and all(len(sentence) > 20 for sentence in evidence)
    demo.clean()


def test_demo_panel_links_evidence_to_its_source_article(demo: Opened) -> None:
    data = demo.data()
    person = next(d for d in data["details"].values()
                  if d["kind"] == "person" and any(data["links"][f["edge"]]["evidence"] for f in d["facts"]))
    open_by_search(demo, person["label"])
    links = demo.page.locator("#kg-panel .kg-evidence a")
    assert links.count() > 0
    assert all(href.startswith("https://") for href in
               [links.nth(i).get_attribute("href") or "" for i in range(links.count())])
    demo.clean()


def test_demo_filters_never_leave_a_blank_page_unexplained(demo: Opened) -> None:
    page = demo.page
    total = len(demo.data()["nodes"])
    page.click("#kg-filter-toggle")
    boxes = page.locator("#kg-filters fieldset").first.locator("input[type=checkbox]")
    boxes.first.uncheck()  # persons
    page.wait_for_function(f"() => Number(document.body.dataset.visible) < {total}")
    for i in range(boxes.count()):
        boxes.nth(i).uncheck()
    page.wait_for_function("() => document.body.dataset.visible === '0'")
    assert page.locator("#kg-empty").is_visible()
    page.click("#kg-empty-reset")
    page.wait_for_function(f"() => document.body.dataset.visible === '{total}'")
    assert not page.locator("#kg-empty").is_visible()
    page.click("#kg-filter-toggle")
    demo.clean()


def test_demo_date_and_outlet_filters(demo: Opened) -> None:
    page = demo.page
    total = len(demo.data()["nodes"])
    page.click("#kg-filter-toggle")
    days = sorted({day for d in demo.data()["details"].values() for day in d["when"]})
    page.fill("#kg-from", days[-1])
    page.dispatch_event("#kg-from", "change")
    page.wait_for_function(f"() => Number(document.body.dataset.visible) < {total}")
    assert int(page.get_attribute("body", "data-visible") or 0) > 0
    page.click("#kg-filters .kg-reset")
    page.wait_for_function(f"() => document.body.dataset.visible === '{total}'")
    outlets = page.locator("#kg-filters fieldset").nth(3).locator("input[type=checkbox]")
    outlets.first.uncheck()
    page.wait_for_function(f"() => Number(document.body.dataset.visible) < {total}")
    page.click("#kg-filters .kg-reset")
    page.click("#kg-filter-toggle")
    demo.clean()


def test_demo_focus_on_a_neighbourhood(demo: Opened) -> None:
    page = demo.page
    data = demo.data()
    alias, label = alias_only(data)
    open_by_search(demo, alias)
    node = next(k for k, d in data["details"].items() if d["label"] == label)
    neighbours = {e["to"] for e in data["edges"] if e["from"] == node}
    neighbours |= {e["from"] for e in data["edges"] if e["to"] == node}
    page.fill("#kg-hops", "1")
    page.click("#kg-focus")
    page.wait_for_function(f"() => document.body.dataset.visible === '{len(neighbours) + 1}'")
    page.click("#kg-unfocus")
    page.wait_for_function(f"() => document.body.dataset.visible === '{len(data['nodes'])}'")
    demo.clean()


def test_demo_saves_the_view_as_png(demo: Opened) -> None:
    with demo.page.expect_download() as download:
        demo.page.click("#kg-png")
    saved = Path(download.value.path())
    assert download.value.suggested_filename == "kg-explorer.png"
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert saved.stat().st_size > 10_000
    demo.clean()


def test_payloads_reach_the_graph_labels(payload_build: Path) -> None:
    text = (payload_build / "explorer.html").read_text(encoding="utf-8")
    details = Parsed(text).data()["details"]
    labels = {d["label"] for d in details.values()}
    assert HEADLINE in labels
    assert any("<script>" in (d["outlet"] or "") for d in details.values())
    sentences = {e["text"] for d in details.values() for e in d["evidence"]}
    assert any("<img src=x onerror=window.__pwned=1>" in s for s in sentences)


def test_payloads_show_as_text_and_never_run(hostile: Opened) -> None:
    page = hostile.page
    hostile.clean()
    assert canvas_is_drawn(page)
    assert any(line.startswith(HEADLINE) for line in search(page, "script"))
    open_by_search(hostile, "pleno <img")
    panel = page.locator("#kg-panel")
    assert panel.locator("h2").text_content() == HEADLINE
    assert "published by contoh<script>window.__pwned=1</script>.id" in (panel.text_content() or "")
    assert panel.locator("a[href^='javascript:']").count() == 0
    page.hover("#kg-graph", position={"x": 650, "y": 400})
    page.click("#kg-filter-toggle")
    assert "contoh<script>" in (page.locator("#kg-filters").text_content() or "")
    assert page.evaluate("() => document.querySelectorAll('img, svg, iframe, object').length") == 0
    assert page.evaluate("() => document.scripts.length") == 4  # data, vis, state.js, explorer.js
    hostile.clean()


def test_payload_sentences_in_the_panel_are_text(hostile: Opened) -> None:
    open_by_search(hostile, "Andi")
    quotes = hostile.page.locator("#kg-panel .kg-evidence q").all_text_contents()
    assert any("<script>window.__pwned=1</script>" in q for q in quotes)
    hostile.clean()


@pytest.fixture(scope="module")
def large_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write the explorer of a graph large enough to open on clusters (see test_explorer)."""

    from kg.viz.explorer import payload
    from kg.viz.page import page
    from tests.test_explorer import meetings_graph

    g = meetings_graph(aliases=True)
    path = tmp_path_factory.mktemp("large") / "explorer.html"
    path.write_text(page("large", payload(g)), encoding="utf-8")
    return path


def test_a_large_graph_opens_on_clusters_that_open_on_demand(browser: Browser, large_page: Path) -> None:
    opened = open_offline(browser, large_page)
    page = opened.page
    drawn = page.evaluate("() => window.kgNetwork.body.data.nodes.getIds()")
    clusters = len(opened.data()["clusters"])
    assert len(drawn) == clusters and all(i.startswith("kg-cluster:") for i in drawn)
    assert page.get_attribute("body", "data-visible") == "0"
    assert "clusters closed" in (page.locator("#kg-count").text_content() or "")
    open_by_search(opened, "Pak 123-1")  # an alias inside a closed cluster
    assert page.locator("#kg-panel h2").text_content() == "Orang 123-1"
    assert int(page.get_attribute("body", "data-visible") or 0) > 0
    assert page.evaluate("() => window.kgNetwork.body.data.nodes.get('p123-1') !== null")
    assert canvas_is_drawn(page)
    opened.clean()
    page.context.close()


@pytest.fixture(scope="module")
def laid_out_large_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write the clustered page of the same graph laid out here, as a store's slices are."""

    from kg.viz.explorer import payload
    from kg.viz.layout import laid_out
    from kg.viz.page import page
    from tests.test_explorer import meetings_graph

    data = payload(meetings_graph(aliases=True))
    laid_out(data)
    path = tmp_path_factory.mktemp("laid-out") / "explorer.html"
    path.write_text(page("laid out", data), encoding="utf-8")
    return path


def test_a_page_laid_out_here_opens_its_clusters_where_their_members_lie(
        browser: Browser, laid_out_large_page: Path) -> None:
    opened = open_offline(browser, laid_out_large_page)
    page, data = opened.page, opened.data()
    assert not data["options"]["physics"]["enabled"]
    first = data["clusters"][0]
    place = page.evaluate("(id) => window.kgNetwork.getPositions([id])[id]", first["id"])
    assert place == pytest.approx({"x": first["x"], "y": first["y"]}, abs=1)  # whole pixels
    open_by_search(opened, "Pak 123-1")  # opens the cluster it lies in
    node = next(n for n in data["nodes"] if n["id"] == "p123-1")
    place = page.evaluate("() => window.kgNetwork.getPositions(['p123-1'])['p123-1']")
    assert place == pytest.approx({"x": node["x"], "y": node["y"]}, abs=1)  # whole pixels
    assert canvas_is_drawn(page)
    opened.clean()
    page.context.close()
