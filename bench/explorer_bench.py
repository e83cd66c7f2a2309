"""How fast the explorer opens a large graph: a benchmark script (not a test).

It makes a synthetic graph of about 10,000 drawn nodes following docs/data-model.md (persons,
organisations and their memberships, events with attendees and places, articles, outlets,
evidence sentences), writes its explorer, opens it in headless Chromium with the network
blocked, and prints the time to the first drawing and to the end of the layout (when physics
is frozen), one full redraw, and opening the largest cluster (the page opens a graph
this large on one node per cluster; a click opens a cluster into its nodes). Usage:

    python bench/explorer_bench.py [--nodes 10000] [--runs 3] [--out DIR] [--chromium PATH]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.network.analytics import project
from kg.rdf.namespaces import FOAF, KG, NIF, ORG, PROV, RDF, RDFS, SDO, SKOS
from kg.viz.explorer import payload
from kg.viz.page import page

KGR = "https://w3id.org/kg-news/id/"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROLES = ["Kepala", "Ketua", "Sekretaris", "Kapolres", "Dandim", "Camat", "Anggota", "Bupati"]
EVENTS = [KG.Meeting, KG.Declaration, KG.Ceremony, KG.Inauguration, KG.Socialisation, KG.Visit]
FIRST = ["Budi", "Siti", "Ahmad", "Dewi", "Hendri", "Rina", "Agus", "Nur", "Joko", "Sri", "Eko",
         "Wahyu", "Indah", "Rudi", "Yanti", "Bambang", "Fitri", "Dedi", "Lina", "Hadi"]
LAST = ["Santoso", "Hanafi", "Saputra", "Lestari", "Wijaya", "Kurniawan", "Rahman", "Susanti",
        "Pratama", "Hidayat", "Siregar", "Nasution", "Harahap", "Putri", "Gunawan", "Setiawan"]
BODIES = ["KPU", "Bawaslu", "Polres", "Kodim", "Kejaksaan Negeri", "Dinas Kesehatan", "DPRD",
          "Kesbangpol", "Pemerintah Kabupaten", "Dinas Pendidikan"]
Triple = tuple[URIRef, URIRef, Any]


def iri(path: str) -> URIRef:
    """Return a data IRI."""
    return URIRef(KGR + path)


class Synthetic:
    """A seeded generator of articles and what they report, as triples."""

    def __init__(self, nodes: int, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        scale = nodes / 10_000
        self.articles = max(1, round(700 * scale))
        self.regencies = max(2, round(150 * scale))
        self.persons = max(4, round(3000 * scale))
        self.orgs = max(2, round(1300 * scale))
        self.venues = max(2, round(450 * scale))
        self.sentence = 0

    def triples(self) -> Iterator[Triple]:
        """Yield the whole graph."""
        yield from self._places()
        yield from self._orgs()
        for person in range(self.persons):
            yield from self._person(person)
        for article in range(self.articles):
            yield from self._article(article)

    def _places(self) -> Iterator[Triple]:
        for r in range(self.regencies):
            node = iri(f"place/r{r}")
            yield from self._typed(node, (SDO.Place, SDO.AdministrativeArea), f"Kabupaten {r}")
            yield node, KG.placeLevel, KG.Regency
            yield node, SDO.containedInPlace, iri(f"place/p{r % 10}")
        for p in range(10):
            yield from self._typed(iri(f"place/p{p}"), (SDO.Place,), f"Provinsi {p}")
            yield iri(f"place/p{p}"), KG.placeLevel, KG.Province
        for v in range(self.venues):
            node = iri(f"place/v{v}")
            yield from self._typed(node, (SDO.Place,), f"Pendopo {v}")
            yield node, KG.placeLevel, KG.Venue
            yield node, SDO.containedInPlace, iri(f"place/r{v % self.regencies}")

    def _orgs(self) -> Iterator[Triple]:
        for o in range(self.orgs):
            node = iri(f"org/o{o}")
            name = f"{BODIES[o % len(BODIES)]} {o // len(BODIES)}"
            yield from self._typed(node, (ORG.Organization,), name)
            yield node, SKOS.altLabel, Literal(name.replace("Kejaksaan Negeri", "Kejari"))
            yield node, SDO.areaServed, iri(f"place/r{o % self.regencies}")

    def _person(self, p: int) -> Iterator[Triple]:
        node = iri(f"person/h{p}")
        name = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)} {p}"
        yield from self._typed(node, (FOAF.Person, SDO.Person), name)
        yield node, SKOS.altLabel, Literal(f"H. {name} SH MH")
        org = self.rng.randrange(self.orgs)
        membership = iri(f"membership/m{p}")
        yield membership, RDF.type, ORG.Membership
        yield membership, ORG.member, node
        yield membership, ORG.organization, iri(f"org/o{org}")
        yield membership, ORG.role, iri(f"role/{ROLES[p % len(ROLES)].lower()}")
        yield membership, KG.holdingStatus, Literal("current")
        yield iri(f"role/{ROLES[p % len(ROLES)].lower()}"), RDFS.label, Literal(ROLES[p % len(ROLES)])

    def _article(self, a: int) -> Iterator[Triple]:
        node = iri(f"article/a{a}")
        day = f"2024-{1 + a % 12:02d}-{1 + a % 28:02d}"
        yield node, RDF.type, SDO.NewsArticle
        yield node, SDO.headline, Literal(f"Rapat koordinasi pilkada ke-{a}")
        yield node, SDO.url, Literal(f"https://example.id/berita/{a}", datatype=XSD.anyURI)
        yield node, SDO.datePublished, Literal(day, datatype=XSD.date)
        yield node, SDO.publisher, iri(f"outlet/n{a % 20}")
        yield iri(f"outlet/n{a % 20}"), RDFS.label, Literal(f"outlet{a % 20}.id")
        yield node, SDO.locationCreated, iri(f"place/r{a % self.regencies}")
        for e in range(2):
            yield from self._event(node, f"{a}-{e}", day)

    def _event(self, article: URIRef, key: str, day: str) -> Iterator[Triple]:
        event = iri(f"event/{key}")
        yield from self._typed(event, (SDO.Event, self.rng.choice(EVENTS)), f"Acara {key}")
        yield event, SDO.startDate, Literal(day, datatype=XSD.date)
        yield event, SDO.location, iri(f"place/v{self.rng.randrange(self.venues)}")
        yield event, SDO.subjectOf, article
        for person in self.rng.sample(range(self.persons), 5):
            yield from self._attends(article, event, iri(f"person/h{person}"), f"{key}-{person}")
        yield event, SDO.organizer, iri(f"org/o{self.rng.randrange(self.orgs)}")

    def _attends(self, article: URIRef, event: URIRef, who: URIRef, key: str) -> Iterator[Triple]:
        sentence = iri(f"{article[len(KGR):]}/s{self.sentence}-{self.sentence + 80}")
        self.sentence += 81
        yield sentence, RDF.type, NIF.Sentence
        yield sentence, NIF.anchorOf, Literal(f"Kegiatan itu dihadiri oleh {key}.")
        yield sentence, NIF.beginIndex, Literal(self.sentence - 81, datatype=XSD.nonNegativeInteger)
        yield sentence, NIF.endIndex, Literal(self.sentence - 1, datatype=XSD.nonNegativeInteger)
        yield sentence, SDO.isPartOf, article
        yield event, SDO.attendee, who
        yield who, PROV.wasDerivedFrom, article
        yield event, PROV.wasDerivedFrom, sentence
        yield iri(f"participation/{key}"), RDF.type, KG.Participation
        yield iri(f"participation/{key}"), KG.event, event
        yield iri(f"participation/{key}"), KG.participant, who
        yield iri(f"participation/{key}"), KG.participationRole, KG.Attendee
        yield iri(f"participation/{key}"), PROV.wasDerivedFrom, sentence

    def _typed(self, node: URIRef, types: tuple[URIRef, ...], label: str) -> Iterator[Triple]:
        for rdf_type in types:
            yield node, RDF.type, rdf_type
        yield node, RDFS.label, Literal(label)


def synthetic_graph(nodes: int = 10_000, seed: int = 7) -> Graph:
    """Return a synthetic graph whose explorer draws about `nodes` nodes."""
    graph = Graph()
    for triple in Synthetic(nodes, seed).triples():
        graph.add(triple)
    return graph


def write(graph: Graph, path: Path) -> dict[str, Any]:
    """Write the explorer of `graph` and return its size and how long writing took."""
    started = time.perf_counter()
    data = payload(project(graph))
    path.write_text(page("kg explorer benchmark", data), encoding="utf-8")
    return {"nodes": len(data["nodes"]), "edges": len(data["edges"]),
            "bytes": path.stat().st_size, "write_s": time.perf_counter() - started}


def measure(path: Path, chromium: str, timeout_s: float = 300) -> dict[str, float]:
    """Open the page offline in headless Chromium; return its timings in milliseconds."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            return _timings(browser.new_page(viewport={"width": 1400, "height": 900}), path, timeout_s)
        finally:
            browser.close()


def _timings(tab: Any, path: Path, timeout_s: float) -> dict[str, float]:
    """Load the page and read the marks the explorer sets."""
    errors: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
              else route.abort())
    tab.goto(path.as_uri())
    marks = page_marks(tab, timeout_s)
    marks["redraw"] = tab.evaluate(REDRAW)
    marks["open-cluster"] = _open_cluster(tab)
    marks["redraw-opened"] = tab.evaluate(REDRAW)
    if errors:
        raise RuntimeError(f"script errors: {errors}")
    return marks


def page_marks(tab: Any, timeout_s: float) -> dict[str, Any]:
    """Wait for the page's layout; return the times the explorer marks, in milliseconds from the
    navigation's start: its script ready, its first drawing, its layout done."""
    tab.wait_for_selector("body[data-stabilised=true]", timeout=timeout_s * 1000, state="attached")
    marks: dict[str, Any] = tab.evaluate("""() => Object.fromEntries(
        ['kg-ready', 'kg-first-draw', 'kg-stabilised']
        .map((name) => [name, performance.getEntriesByName(name)[0]?.startTime ?? null]))""")
    return marks


# One full redraw of the network as it stands, in milliseconds.
REDRAW = """() => new Promise((done) => {
    const started = performance.now();
    window.kgNetwork.once('afterDrawing', () => done(performance.now() - started));
    window.kgNetwork.redraw();
})"""


def _open_cluster(tab: Any) -> float | None:
    """Click the largest cluster and return how long it took to open and lay out its nodes."""
    spot = tab.evaluate("""() => {
        const net = window.kgNetwork;
        const id = net.body.data.nodes.getIds().find((n) => n.startsWith('kg-cluster:'));
        return id ? net.canvasToDOM(net.getPositions([id])[id]) : null;
    }""")
    if spot is None:
        return None
    box = tab.locator("#kg-graph").bounding_box()
    before = tab.evaluate("() => Number(document.body.dataset.applied || 0)")
    started = time.perf_counter()
    tab.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    tab.wait_for_function(f"() => Number(document.body.dataset.applied || 0) > {before}")
    return (time.perf_counter() - started) * 1000


def browser_options(ap: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the options of a benchmark in Chromium: how many runs, which browser."""
    ap.add_argument("--runs", type=int, default=3, help="runs (default: 3; their median)")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    return ap


def main() -> int:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=10_000)
    ap.add_argument("--out", type=Path, help="folder to keep the page in (default: a temp folder)")
    args = browser_options(ap).parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "explorer.html"
    size = write(synthetic_graph(args.nodes), path)
    print(f"explorer: {size['nodes']} nodes, {size['edges']} edges, {size['bytes'] / 1e6:.1f} MB, "
          f"written in {size['write_s']:.1f} s ({path})")
    runs = [measure(path, args.chromium) for _ in range(args.runs)]
    for name in ("kg-ready", "kg-first-draw", "kg-stabilised", "redraw", "open-cluster",
                 "redraw-opened"):
        values = [r[name] for r in runs if r.get(name) is not None]
        if values:
            print(f"{name:<14} median {statistics.median(values):8.0f} ms  "
                  f"(runs: {', '.join(f'{v:.0f}' for v in values)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
