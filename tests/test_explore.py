"""Slices of a store (kg.viz.slices) and `kg explore`, which writes one as an offline explorer
page: around a name, a region and a month, an official's timeline, the overview."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph

from kg.cli import parser
from kg.errors import UserError
from kg.rdf.namespaces import KG, KGR, NIF, ORG, RDF, SDO
from kg.store.build import build_store
from kg.store.oxigraph import open_store
from kg.store.query import run_store
from kg.viz.explorer import EXPLORER_MAX
from kg.viz.slices import ENTITIES, LIMIT, Slice, Spec, take
from tests.conftest import ROOT, run_kg
from tests.test_browser import browser, open_offline, search  # noqa: F401 - fixtures
from tests.test_explorer import Page

pytest.importorskip("pyoxigraph")
pytestmark = pytest.mark.slow

ARTICLES = ["d01-lahat-netralitas-asn.txt", "d05-kendal-pelantikan-kades-paw.txt",
            "d02-ogan-ilir-rakor-pilkada.txt"]
DARMAJI = f"{KGR}person/darmaji"  # Kepala Desa Sidorejo in d05


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build a few demo articles into a store."""
    root = tmp_path_factory.mktemp("explore")
    (root / "src").mkdir()
    for name in ARTICLES:
        shutil.copy(ROOT / "sources" / name, root / "src" / name)
    build_store([root / "src"], None, root / "store")
    return root / "store"


def _take(folder: Path, spec: Spec, limit: int = LIMIT) -> Slice:
    db = open_store(folder, read_only=True)
    try:
        return take(db, spec, limit)
    finally:
        del db


def _around(folder: Path, name: str, hops: int, limit: int = LIMIT
            ) -> tuple[Graph, list[str], bool]:
    found = _take(folder, Spec(around=name, hops=hops), limit)
    return found.graph, found.seeds, found.cut


def _entities(graph: Graph) -> set[str]:
    return {str(s) for s in graph.subjects(RDF.type) if str(s).startswith(ENTITIES)}


def test_a_slice_holds_the_named_their_facts_and_what_those_tie_them_to(store: Path) -> None:
    graph, seeds, cut = _around(store, "DARMAJI", 1)
    assert seeds == [DARMAJI] and not cut
    entities = _entities(graph)
    assert any("/org/desa/" in e for e in entities)  # the village he heads, one hop out
    assert not any("/event/" in e or "lahat" in e for e in entities)  # other reports' world
    assert any("/membership/" in str(s) for s in graph.subjects())
    assert any(graph.subjects(RDF.type, NIF.Sentence))  # the evidence, for the side panel
    assert _entities(_around(store, "Darmaji", 0)[0]) == {DARMAJI}
    assert entities < _entities(_around(store, "Darmaji", 3)[0])


def test_a_slice_stops_at_its_limit_and_says_so(store: Path) -> None:
    named = len(_around(store, "Kabupaten", 0)[1])
    graph, seeds, cut = _around(store, "Kabupaten", 2, limit=named + 3)
    assert cut and len(_entities(graph) - set(seeds)) <= 3


def test_explore_writes_a_page_and_refuses_a_name_it_does_not_find(store: Path,
                                                                   tmp_path: Path) -> None:
    page = tmp_path / "darmaji.html"
    done = run_kg("explore", "--store", str(store), "--around", "Darmaji", "--out", str(page))
    assert done.returncode == 0, done.stderr
    assert "Darmaji, 1 hop: 1 named so" in done.stdout and page.is_file()
    missing = run_kg("explore", "--store", str(store), "--around", "Zzyzx", "--out", str(page))
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    assert "no person or organisation" in missing.stderr


@pytest.fixture
def page(store: Path, tmp_path: Path) -> Iterator[Path]:
    """Write the page of Darmaji's neighbourhood, two hops out."""
    path = tmp_path / "slice.html"
    assert run_kg("explore", "--store", str(store), "--around", "Darmaji", "--hops", "2",
                  "--out", str(path)).returncode == 0
    yield path


def test_the_slice_page_opens_offline_and_finds_him(browser, page: Path) -> None:  # noqa: F811
    opened = open_offline(browser, page)
    try:
        assert any("Darmaji" in line for line in search(opened.page, "darmaji"))
        opened.clean()
    finally:
        opened.page.context.close()


EVENTS_IN = """SELECT DISTINCT ?e WHERE {{
  {areas} ?e <https://schema.org/location>/<https://schema.org/containedInPlace>* ?area ;
     <https://schema.org/startDate> ?day FILTER (STRSTARTS(STR(?day), "{month}"))
}}"""


def _events(store: Path, region: str, month: str) -> list[str]:
    """The events of a region and a month as the named questions find them: by the name-token
    key and the transitive path, in SPARQL."""
    from kg.rdf.tokens import KG_NAME_TOKEN, words

    areas = " ".join(f'?area <{KG_NAME_TOKEN}> "{w}" .' for w in words(region))
    rows = run_store(store, EVENTS_IN.format(areas=areas, month=month))
    return sorted(str(row[0]) for row in rows.rows)


@pytest.mark.parametrize(("region", "month"), [("Sumatera Selatan", ""), ("16", "2024-08"),
                                               ("Lahat", "2024-08"), ("kendal", "2024-05")])
def test_a_region_and_a_month_give_the_events_the_named_questions_find(
        store: Path, region: str, month: str) -> None:
    found = _take(store, Spec(region=region, month=month or None))
    assert found.seeds == _events(store, region, month) and found.seeds
    assert set(found.seeds) <= _entities(found.graph)
    persons = {e for e in _entities(found.graph) if "/person/" in e}
    assert persons  # one hop: who took part


def test_a_month_alone_and_a_region_alone(store: Path) -> None:
    july = _take(store, Spec(month="2024-07", hops=0))
    assert july.seeds == _events(store, "", "2024-07") == [
        s for s in july.seeds if "2024-07" in s] and len(july.seeds) == 1
    assert _entities(july.graph) == set(july.seeds)
    province = _take(store, Spec(region="Sumatera Selatan", hops=0))
    assert len(province.seeds) == 2  # Lahat's and Ogan Ilir's, each in a regency of the province
    with pytest.raises(UserError, match="no event in the store was held in Kendal in 2024-08"):
        _take(store, Spec(region="Kendal", month="2024-08"))
    with pytest.raises(UserError, match="no place"):
        _take(store, Spec(region="Atlantis"))


def test_names_match_whole_words_in_any_order_or_an_iri(store: Path) -> None:
    assert _around(store, "darmaji", 0)[1] == [DARMAJI]
    assert _take(store, Spec(around=DARMAJI, hops=0)).seeds == [DARMAJI]
    assert _take(store, Spec(around="Lahat Kabupaten", hops=0)).seeds == \
        _take(store, Spec(around="kabupaten LAHAT", hops=0)).seeds
    with pytest.raises(UserError, match="no person or organisation"):
        _around(store, "Darm", 0)  # whole words only, as the named questions match them


@pytest.mark.parametrize("spec", [Spec(), Spec(around="A", region="B"), Spec(around="A", hops=9),
                                  Spec(month="2024-13"), Spec(month="Juli"),
                                  Spec(overview=True, timeline="A")])
def test_a_spec_asks_for_one_slice_with_sound_values(spec: Spec) -> None:
    with pytest.raises(UserError):
        spec.checked()


def test_the_overview_holds_the_organisations_with_the_most_members(store: Path) -> None:
    whole = _take(store, Spec(overview=True))
    members = {str(row[0]): int(str(row[1])) for row in run_store(store, """
        SELECT ?o (COUNT(DISTINCT ?p) AS ?n) WHERE { ?m <http://www.w3.org/ns/org#organization> ?o ;
        <http://www.w3.org/ns/org#member> ?p } GROUP BY ?o""").rows}
    assert {o: whole.members[o] for o in members} == members
    events = {str(row[0]): int(str(row[1])) for row in run_store(store, f"""
        SELECT ?o (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e <{KG.participant}> ?o }} GROUP BY ?o""").rows}
    ranked = sorted(members, key=lambda o: (-members[o], -events.get(o, 0), o))  # then the most events
    assert whole.seeds[:3] == ranked[:3]
    assert {o: whole.events[o] for o in ranked[:3]} == {o: events.get(o, 0) for o in ranked[:3]}
    graph = whole.graph
    assert not any(graph.subjects(RDF.type, ORG.Membership)) and not _persons(graph)
    served = {str(p) for p in graph.objects(None, SDO.areaServed)}
    assert served and served <= _entities(graph)  # with the regions they serve, and theirs
    assert any(str(p).endswith("/16") for p in graph.subjects(RDF.type, SDO.Place))  # a province
    small = _take_overview(store, 2)
    assert small.cut and small.seeds == whole.seeds[:2]


def _persons(graph: Graph) -> set[str]:
    return {e for e in _entities(graph) if "/person/" in e}


def _take_overview(folder: Path, top: int) -> Slice:
    from kg.viz.slices import overview

    db = open_store(folder, read_only=True)
    try:
        return overview(db, top=top)
    finally:
        del db


def _data(page: Path) -> dict[str, object]:
    found: dict[str, object] = Page(page.read_text(encoding="utf-8")).data()
    return found


def test_explore_writes_each_kind_of_slice(store: Path, tmp_path: Path) -> None:
    page = tmp_path / "slice.html"
    for options, title in [(["--region", "Lahat", "--month", "2024-08"], "events in Lahat"),
                           (["--month", "2024-07", "--hops", "0"], "events everywhere in 2024-07"),
                           (["--overview"], "organisations with the most members"),
                           (["--timeline", "Darmaji"], "the timeline of Darmaji")]:
        done = run_kg("explore", "--store", str(store), *options, "--out", str(page))
        assert done.returncode == 0, done.stderr
        assert title in done.stdout
        about = _data(page)["about"]
        assert isinstance(about, dict) and title in about["title"]
    assert about["timeline"] == DARMAJI
    for wrong in (["--around", "Darmaji", "--overview"], [], ["--month", "2024-7"]):
        done = run_kg("explore", "--store", str(store), *wrong, "--out", str(page))
        assert done.returncode == 2 and done.stderr.startswith("kg: explore: "), wrong


def test_a_build_above_the_limit_writes_the_overview_and_says_how_to_go_on(
        store: Path, tmp_path: Path) -> None:
    sources = [str(ROOT / "sources" / name) for name in ARTICLES]
    done = run_kg("build", *sources, "--out", str(tmp_path / "small"), "--jobs", "1")
    assert done.returncode == 0 and "overview" not in done.stdout
    assert "about" not in _data(tmp_path / "small" / "explorer.html")  # the whole graph
    done = run_kg("build", *sources, "--out", str(tmp_path / "big"), "--jobs", "1",
                  "--explorer-max", "50")
    assert done.returncode == 0, done.stderr
    note = [line for line in done.stdout.splitlines() if "overview" in line]
    assert len(note) == 1 and "kg serve --store" in note[0] and "kg explore --store" in note[0]
    data = _data(tmp_path / "big" / "explorer.html")
    about = data["about"]
    assert isinstance(about, dict) and about["overview"] and "kg serve" in about["note"]
    assert (tmp_path / "big" / "graph.ttl").read_bytes() == \
        (tmp_path / "small" / "graph.ttl").read_bytes()
    commands = next(a for a in parser()._actions if a.dest == "command").choices
    assert f"(default: {EXPLORER_MAX})" in " ".join(commands["build"].format_help().split())
    stored = run_kg("build", *sources, "--store", str(tmp_path / "store"), "--out",
                    str(tmp_path / "from-store"), "--jobs", "1", "--explorer-max", "50")
    assert stored.returncode == 0 and "shows the overview" in stored.stdout
    assert _data(tmp_path / "from-store" / "explorer.html")["about"] == about
