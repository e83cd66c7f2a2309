"""The explorer served by `kg serve` at /explorer, in a real browser (Chromium driven by Playwright,
as in test_browser): the overview drawn, a search in the store opening a person's neighbourhood,
a region and a month, a timeline, and a CSP that lets the page ask its own origin and no other.
"""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest

from kg.store.build import build_store
from kg.viz.slices import OVERVIEW
from tests.conftest import ROOT
from tests.test_browser import READY, Opened, browser, canvas_is_drawn, open_within  # noqa: F401
from tests.test_serve import start, stop

pytest.importorskip("pyoxigraph")
pytestmark = pytest.mark.slow

ARTICLES = ["d01-lahat-netralitas-asn.txt", "d05-kendal-pelantikan-kades-paw.txt",
            "d02-ogan-ilir-rakor-pilkada.txt", "d09-sukadana-mou-kejari-lamtim.txt"]
DARMAJI = "https://w3id.org/kg-news/id/person/darmaji"  # Kepala Desa Sidorejo in d05


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build a few demo articles into a store and serve it; yield the explorer's URL."""
    root = tmp_path_factory.mktemp("served")
    (root / "src").mkdir()
    for name in ARTICLES:
        shutil.copy(ROOT / "sources" / name, root / "src" / name)
    build_store([root / "src"], None, root / "store")
    process, url = start(root / "store")
    try:
        yield url.replace("/query", "/explorer")
    finally:
        stop(process)


def visit(browser: Any, url: str) -> Opened:  # noqa: F811 - the fixture's name
    """Open a served page, every request to another origin aborted and noted."""
    return open_within(browser, url, "{0.scheme}://{0.netloc}/".format(urlparse(url)))


@pytest.fixture(scope="module")
def overview(browser: Any, served: str) -> Iterator[Opened]:  # noqa: F811 - the fixture's name
    """The served explorer's first page, open."""
    opened = visit(browser, served)
    yield opened
    opened.page.context.close()


def test_the_explorer_opens_on_the_overview(overview: Opened) -> None:
    page, data = overview.page, overview.data()
    assert data["served"] and data["about"]["overview"]
    kinds = {d["kind"] for d in data["details"].values()}
    assert kinds == {"organization", "place"}
    organisations = [d for d in data["details"].values() if d["kind"] == "organization"]
    assert 0 < len(organisations) <= OVERVIEW and all(d["members"] >= 0 for d in organisations)
    drawn = page.evaluate("() => window.kgNetwork.body.data.nodes.length")
    assert drawn == len(data["nodes"]) < 600
    assert canvas_is_drawn(page)
    assert page.locator("#kg-store").is_visible()
    assert "organisations with the most members" in (page.locator("#kg-about").text_content() or "")
    overview.clean()


def test_a_search_in_the_store_opens_a_persons_neighbourhood(browser: Any, served: str) -> None:  # noqa: F811
    opened = visit(browser, served)
    page = opened.page
    try:
        assert DARMAJI not in opened.data()["details"]  # the overview holds no person
        page.fill("#kg-search", "darmaj")
        found = page.locator("#kg-results .kg-store-item button", has_text="Darmaji")
        found.wait_for(timeout=30_000)
        with page.expect_navigation():
            found.click()
        page.wait_for_selector(READY, state="attached", timeout=120_000)
        assert "around=" in page.url
        data = opened.data()
        assert data["about"]["seeds"] == [DARMAJI]
        neighbours = {d["label"] for d in data["details"].values() if d["kind"] == "organization"}
        assert any("Sidorejo" in label for label in neighbours), neighbours
        assert canvas_is_drawn(page)
        page.fill("#kg-search", "Darmaji")  # in the page now, as in an offline explorer
        page.press("#kg-search", "Enter")
        page.wait_for_selector("#kg-panel:not([hidden]) h2")
        assert page.locator("#kg-panel h2").text_content() == "Darmaji"
        opened.clean()
    finally:
        page.context.close()


def test_the_csp_lets_the_page_ask_its_own_origin_and_no_other(overview: Opened, served: str
                                                                ) -> None:
    page = overview.page
    csp = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content") or ""
    assert "connect-src 'self'" in csp and "default-src 'none'" in csp
    own = page.evaluate("""() => fetch('query?query=' + encodeURIComponent('ASK {}'),
        {headers: {Accept: 'application/sparql-results+json'}}).then(r => r.json())""")
    assert own == {"head": {}, "boolean": True}
    other = f"http://localhost:{urlparse(served).port}"  # the same server, elsewhere
    refused = page.evaluate("""(url) => new Promise((done) => {
        document.addEventListener('securitypolicyviolation',
            (e) => done(e.violatedDirective), {once: true});
        fetch(url).then(() => done('fetched'), () => {});
    })""", f"{other}/query?query=ASK%7B%7D")
    assert refused == "connect-src"
    assert overview.blocked == []  # refused by the page itself: nothing left it
    overview.errors.clear()  # the browser reports the refusal on the console


def test_a_region_and_a_month(browser: Any, served: str) -> None:  # noqa: F811
    opened = visit(browser, served)
    page = opened.page
    try:
        page.fill("#kg-region", "Lahat")
        page.fill("#kg-month", "2024-08")
        with page.expect_navigation():
            page.click("#kg-events")
        page.wait_for_selector(READY, state="attached", timeout=120_000)
        data = opened.data()
        events = [d for d in data["details"].values() if d["kind"] == "event"]
        seeds = [data["details"][s] for s in data["about"]["seeds"]]
        assert seeds and all(d["kind"] == "event" and d["dates"][0].startswith("2024-08")
                             for d in seeds)
        assert len(events) >= len(seeds)
        assert "Lahat" in (page.locator("#kg-about").text_content() or "")
        # laid out by the server: drawn at once where it says, no physics in the browser
        assert not data["options"]["physics"]["enabled"]
        assert all("x" in node and "y" in node for node in data["nodes"])
        drawn = page.evaluate("() => window.kgNetwork.body.data.nodes.length")
        assert drawn == len(data["nodes"]) and canvas_is_drawn(page)
        first = data["nodes"][0]
        place = page.evaluate("(id) => window.kgNetwork.getPositions([id])[id]", first["id"])
        assert place == pytest.approx({"x": first["x"], "y": first["y"]}, abs=1)  # whole pixels
        opened.clean()
    finally:
        page.context.close()


def test_an_officials_timeline(browser: Any, served: str) -> None:  # noqa: F811
    opened = visit(browser, f"{served}?timeline=Darmaji")
    page = opened.page
    try:
        page.wait_for_selector("#kg-panel:not([hidden]) .kg-timeline li", timeout=30_000)
        assert page.locator("#kg-panel h2").text_content() == "Darmaji"
        entries = page.locator("#kg-panel .kg-timeline li").all_text_contents()
        assert any("Kepala Desa" in e and "Sidorejo" in e for e in entries), entries
        days = page.locator("#kg-panel .kg-timeline .kg-when").all_text_contents()
        assert days == sorted(days) and days[0][:4].isdigit()
        opened.clean()
    finally:
        page.context.close()


def test_a_name_it_does_not_know_is_a_page_that_says_so(browser: Any, served: str) -> None:  # noqa: F811
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{served}?around=Zzyzx", timeout=30)
    assert missing.value.code == 404
    with pytest.raises(urllib.error.HTTPError) as wrong:
        urllib.request.urlopen(f"{served}?region=Lahat&month=2024-13", timeout=30)
    assert wrong.value.code == 400
    opened = visit(browser, f"{served}?around=Zzyzx")
    try:
        about = opened.page.locator("#kg-about.kg-error")
        assert "no person or organisation" in (about.text_content() or "")
        assert opened.page.locator("#kg-search").is_visible()
        assert all("404" in error for error in opened.errors)  # the browser notes the status
        assert opened.blocked == []
    finally:
        opened.page.context.close()
