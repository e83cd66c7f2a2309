"""The HTML explorer: one self-contained, offline, UTF-8 page that shows untrusted text as text."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx
import pytest
from rdflib import Graph

from kg.network.analytics import project
from kg.viz.explorer import fact, payload, script_json, write_explorer
from kg.vocab import EventKind
from tests.conftest import TURTLE_HEAD

# docs/data-model.md in miniature, with names an article could carry; kgr: IRIs are relative.
TURTLE = TURTLE_HEAD + """

<article/a1> a schema:NewsArticle ; schema:headline "Rapat <b>koordinasi</b> di OKI" ;
    schema:url "https://example.id/a1"^^xsd:anyURI .
<article/a1/s0-40> a nif:Sentence, kg:Evidence ; nif:beginIndex 0 ; nif:endIndex 40 ;
    nif:anchorOf "Kajari OKI <script>alert(1)</script> hadir." ; schema:isPartOf <article/a1> .
<article/a1/s41-90> a nif:Sentence, kg:Evidence ; nif:beginIndex 41 ; nif:endIndex 90 ;
    nif:anchorOf "Rapat digelar di Pendopo – Kayuagung." ; schema:isPartOf <article/a1> .

<person/budi> a foaf:Person, schema:Person ; rdfs:label "Budi Santoso" ;
    skos:altLabel "H. Budi Santoso SH" ; prov:wasDerivedFrom <article/a1> .
<person/evil> a foaf:Person ; rdfs:label "<script>alert(1)</script>" ;
    skos:altLabel "<img src=x onerror=alert(1)>" .
<person/sebastien> a foaf:Person ; rdfs:label "Sébastien" .
<org/kejari-oki> a org:Organization ; rdfs:label "Kejaksaan Negeri OKI" ; skos:altLabel "Kejari OKI" .
<role/kepala> a org:Role ; rdfs:label "Kepala" .
<membership/m1> a org:Membership ; org:member <person/budi> ; org:organization <org/kejari-oki> ;
    org:role <role/kepala> ; kg:holdingStatus "current" ; prov:wasDerivedFrom <article/a1/s0-40> .

<event/e1> a schema:Event, kg:Meeting ; rdfs:label "Rapat koordinasi" ;
    schema:location <place/pendopo> ; schema:attendee <person/budi>, <person/evil>, <person/sebastien> ;
    schema:subjectOf <article/a1> ; prov:wasDerivedFrom <article/a1/s41-90> .
<participation/p1> a kg:Participation ; kg:event <event/e1> ; kg:participant <person/budi> ;
    kg:participationRole kg:Attendee ; prov:wasDerivedFrom <article/a1/s0-40> .

<place/pendopo> a schema:Place ; rdfs:label "Pendopo – Kayuagung" ; kg:placeLevel kg:Venue ;
    schema:containedInPlace <place/kayuagung> .
<place/kayuagung> a schema:Place ; rdfs:label "Kayuagung" ; kg:placeLevel kg:District .
"""

KGR = "https://w3id.org/kg-news/id/"
VIS = files("pyvis") / "templates" / "lib" / "vis-9.1.2"
EVIL = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


class Page(HTMLParser):
    """The tags of a page, with the text of its script and style elements."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._open: tuple[dict[str, str | None], list[str]] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in {"script", "style"}:
            self._open = (dict(attrs), [])

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._open is not None:
            attrs, parts = self._open
            self._open = None
            if tag == "script":
                self.scripts.append((attrs, "".join(parts)))
            else:
                self.styles.append("".join(parts))

    def named(self, name: str) -> list[dict[str, str | None]]:
        """Return the attributes of every tag of this name."""
        return [attrs for tag, attrs in self.tags if tag == name]

    def data(self) -> dict[str, Any]:
        """Return the JSON the page carries for its script."""
        (text,) = [t for a, t in self.scripts if a.get("type") == "application/json"]
        data: dict[str, Any] = json.loads(text)
        return data


@pytest.fixture(scope="module")
def graph() -> Graph:
    """Return the sample graph."""
    return Graph().parse(data=TURTLE, format="turtle")


@pytest.fixture(scope="module")
def written(graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write the explorer of the sample graph and return its path."""
    path = tmp_path_factory.mktemp("explorer") / "explorer.html"
    write_explorer(graph, path, title="Kabupaten <OKI> & sekitarnya")
    return path


@pytest.fixture(scope="module")
def text(written: Path) -> str:
    """Return the written page, decoded strictly as UTF-8."""
    return written.read_bytes().decode("utf-8", errors="strict")


@pytest.fixture(scope="module")
def page(text: str) -> Page:
    """Return the parsed page."""
    return Page(text)


def test_is_utf8_and_says_so_first(text: str, page: Page) -> None:
    assert text.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in text[:1024]
    assert page.tags[2] == ("meta", {"charset": "utf-8"})


def test_inlines_vis_network_and_its_css(text: str, page: Page) -> None:
    js = VIS.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = VIS.joinpath("vis-network.css").read_text(encoding="utf-8")
    body = js.split("//# sourceMappingURL=")[0]
    assert len(body) > 400_000
    assert body in text
    assert css in text
    assert "sourceMappingURL" not in text
    assert not page.named("link")
    assert all("src" not in attrs for attrs in page.named("script"))


def test_makes_no_network_request(text: str, page: Page) -> None:
    urls = [value for _, attrs in page.tags for name, value in attrs.items()
            if name in {"src", "href", "srcset", "action", "formaction", "poster", "data", "background"}]
    assert not [u for u in urls if u and re.match(r"\s*(https?:)?//", u, re.I)]
    css = "\n".join(page.styles + [a.get("style") or "" for _, a in page.tags])
    assert re.findall(r"url\(\s*(?!['\"]?data:)", css, re.I) == []
    assert "@import" not in css
    assert "@font-face" not in css
    (csp,) = [a["content"] for a in page.named("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp is not None and "default-src 'none'" in csp and "img-src data:" in csp


def test_csp_lets_exactly_the_inline_scripts_run(page: Page) -> None:
    (csp,) = [a["content"] for a in page.named("meta") if a.get("http-equiv") == "Content-Security-Policy"]
    code = [t for a, t in page.scripts if "type" not in a]
    digests = {base64.b64encode(hashlib.sha256(c.encode("utf-8")).digest()).decode() for c in code}
    assert len(code) == 3  # vis-network, the view logic (state.js), the page's code (explorer.js)
    assert set(re.findall(r"'sha256-([^']+)'", csp or "")) == digests
    assert "unsafe-inline" not in (csp or "").split("style-src")[0]


def test_untrusted_text_never_appears_as_markup(text: str, page: Page) -> None:
    assert "<script>alert" not in text
    assert "<img src=x" not in text
    assert "<b>koordinasi" not in text
    assert [t for t, _ in page.tags].count("script") == 4
    assert not page.named("img") and not page.named("b")


def test_untrusted_text_survives_as_data(page: Page) -> None:
    details = page.data()["details"]
    assert details[KGR + "person/evil"]["label"] == EVIL[0]
    assert details[KGR + "person/evil"]["aliases"] == [EVIL[1]]
    assert details[KGR + "article/a1"]["label"] == "Rapat <b>koordinasi</b> di OKI"


def test_title_is_escaped(text: str) -> None:
    assert "<title>Kabupaten &lt;OKI&gt; &amp; sekitarnya</title>" in text
    assert "<OKI>" not in text


def test_non_ascii_survives_the_round_trip(text: str, page: Page) -> None:
    assert "Sébastien" in text
    assert "Pendopo – Kayuagung" in text
    labels = {d["label"] for d in page.data()["details"].values()}
    assert {"Sébastien", "Pendopo – Kayuagung"} <= labels


def test_script_json_escapes_what_could_end_or_confuse_a_script() -> None:
    data = {"a": "</script><!-- & \u2028 \u2029 >", "é": "–"}
    text = script_json(data)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == data


def test_javascript_builds_the_dom_from_text_only() -> None:
    scripts = [files("kg.viz").joinpath(name).read_text(encoding="utf-8")
               for name in ("state.js", "explorer.js")]
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "Function("):
        assert all(sink not in js for js in scripts)
    assert "document" not in scripts[0] and "vis." not in scripts[0]  # the view logic is pure
    js = scripts[1]
    assert 'network.once("stabilizationIterationsDone"' in js
    assert "setOptions({ physics: false })" in js


def test_nodes_are_styled_by_kind_and_sized_by_centrality(graph: Graph) -> None:
    data = payload(project(graph))
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[KGR + "person/budi"]["shape"] != nodes[KGR + "org/kejari-oki"]["shape"]
    assert nodes[KGR + "person/budi"]["color"] == nodes[KGR + "person/evil"]["color"]
    assert nodes[KGR + "event/e1"]["value"] > nodes[KGR + "person/evil"]["value"]
    assert nodes[KGR + "membership/m1"]["shape"] not in {n["shape"] for k, n in nodes.items() if k != KGR + "membership/m1"}
    assert nodes[KGR + "membership/m1"]["label"] == "Kepala"
    assert {e["kind"] for e in data["legend"]} == {
        "person", "organization", "membership", "event", "place", "article"}
    assert data["options"]["nodes"]["scaling"]["label"]["enabled"] is True
    assert data["clusters"] == []  # a small graph is drawn whole
    assert all("title" not in n for n in data["nodes"])  # tooltips are DOM elements, made in JS


def test_edges_are_labelled_and_phrased_as_facts(graph: Graph) -> None:
    data = payload(project(graph))
    assert {e["label"] for e in data["edges"]} >= {"holds", "at", "attends", "located in", "within"}
    role = data["details"][KGR + "membership/m1"]
    assert [f["text"] for f in role["facts"]] == ["held by Budi Santoso", "at Kejaksaan Negeri OKI"]
    assert role["title"] == "Kepala · Kejaksaan Negeri OKI"
    budi = [f["text"] for f in data["details"][KGR + "person/budi"]["facts"]]
    assert budi == ["Kepala at Kejaksaan Negeri OKI", "attends Rapat koordinasi",
                    "reported in Rapat <b>koordinasi</b> di OKI"]
    kejari = data["details"][KGR + "org/kejari-oki"]["facts"]
    assert [f["text"] for f in kejari] == ["Kepala: Budi Santoso"]
    evidence = data["links"][kejari[0]["edge"]]["evidence"]
    assert evidence[0]["text"] == "Kajari OKI <script>alert(1)</script> hadir."
    assert evidence[0]["url"] == "https://example.id/a1"


@pytest.mark.parametrize("kind", list(EventKind))
def test_every_kind_of_event_shows_as_its_subtype(kind: EventKind) -> None:
    # kg:Activity, the generic kind, once had no subtype: the list of kinds was kept by hand.
    graph = Graph().parse(format="turtle", data=TURTLE_HEAD + f"""
        <event/e> a schema:Event, kg:{kind} ; rdfs:label "Kegiatan" .""")
    assert payload(project(graph))["details"][KGR + "event/e"]["subtype"] == kind


def test_facts_name_status_and_acting_roles() -> None:
    held = {"relation": "holds", "role": "Bupati", "qualifier": "Plt", "status": "former"}
    assert fact(held, "Pemkab OKI", outgoing=True) == "Plt Bupati at Pemkab OKI (former)"
    assert fact({"relation": "within"}, "Sumatera Selatan", outgoing=True) == "within Sumatera Selatan"
    assert fact({"relation": "within"}, "Kayuagung", outgoing=False) == "contains Kayuagung"


def test_empty_graph_still_makes_a_page(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    write_explorer(Graph(), path)
    assert Page(path.read_text(encoding="utf-8")).data()["nodes"] == []


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium to open the page with")
def test_chromium_runs_the_page_offline_and_shows_names_as_text(written: Path, tmp_path: Path) -> None:
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
        "--v=0", f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=20000",
        "--dump-dom", written.as_uri() + "#find=img%20src",
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    dom, log = run.stdout, run.stderr
    assert 'data-ready="true"' in dom and 'data-stabilised="true"' in dom
    assert "<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>" in dom
    assert "<li>&lt;img src=x onerror=alert(1)&gt;</li>" in dom
    assert "<img" not in dom
    assert "Content Security Policy" not in log
    assert "Uncaught" not in log


def test_filters_get_relations_outlets_and_dates(graph: Graph) -> None:
    data = payload(project(graph))
    relations = [r["relation"] for r in data["relations"]]
    assert relations[:2] == ["holds", "at"] and "attends" in relations
    details = data["details"]
    budi = details[KGR + "person/budi"]
    assert budi["articles"] == [KGR + "article/a1"]
    assert budi["when"] == []  # neither Budi nor his article is dated
    role = details[KGR + "membership/m1"]
    assert role["articles"] == [KGR + "article/a1"]  # from its evidence sentence
    assert data["outlets"] == []


def _node(kind: str, label: str) -> dict[str, Any]:
    """Return the attributes analytics.project gives a node."""
    return {"kind": kind, "label": label, "aliases": [], "iri": label, "subtype": None, "url": None,
            "dates": [], "evidence": [], "outlet": None}


def meetings_graph(aliases: bool = False) -> networkx.MultiDiGraph:
    """Build 400 meetings, each with three persons, at a venue in its regency (2,010 nodes)."""
    g = networkx.MultiDiGraph()
    for i in range(400):
        event, venue, regency = f"e{i}", f"v{i}", f"r{i // 40}"
        g.add_node(event, **_node("event", f"Rapat {i}"))
        g.add_node(venue, **_node("place", f"Aula {i}"))
        g.add_node(regency, **_node("place", f"Kabupaten {i // 40}"))
        g.add_edge(event, venue, key="located_in", relation="located_in", evidence=[])
        g.add_edge(venue, regency, key="within", relation="within", evidence=[])
        for j in range(3):
            person = _node("person", f"Orang {i}-{j}")
            g.add_node(f"p{i}-{j}", **({**person, "aliases": [f"Pak {i}-{j}"]} if aliases else person))
            g.add_edge(f"p{i}-{j}", event, key="attends", relation="attends", evidence=[])
    return g


def test_a_large_graph_opens_on_named_clusters() -> None:
    g = meetings_graph()
    data = payload(g)
    members = [m for c in data["clusters"] for m in c["members"]]
    assert sorted(members) == sorted(g) and len(g) > 1500
    assert len({c["id"] for c in data["clusters"]}) == len(data["clusters"]) > 1
    assert all(data["details"][m]["cluster"] for m in g)
    assert all(c["name"].startswith(("Kabupaten", "Aula")) for c in data["clusters"])
    assert all(c["size"] == len(c["members"]) <= 600 for c in data["clusters"])
