"""One entity across articles: merges that should happen, and those that must not."""

from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import ORG, PROV, RDF

from kg.extract import extract
from kg.identity.unify import (
    Identities,
    Overrides,
    merges_among,
    needed,
    read_overrides,
    same_person,
    unify,
)
from kg.ingest.article import make_article
from kg.lexicons import load
from kg.nlp.tokens import fold
from kg.pipeline import extract_and_unify
from kg.rdf.graph import build_graph
from kg.vocab import Kind
from tests.conftest import ROOT, run_kg


def _x(ident: str, text: str, published: str = "2024-03-01"):
    """Extract an article written in the test."""
    return extract(make_article(ident, text, ident, {"published": published}))


def _persons(xs) -> set[str]:
    return {p.key for x in xs for p in x.persons}


def test_initials_merge_when_both_hold_a_role_at_one_body() -> None:
    a = _x("a1", "Kepala Dinas Sosial Kabupaten Lahat, A. Romzi, membuka rapat.\n")
    b = _x("b1", "Kepala Dinas Sosial Kabupaten Lahat, Ahmad Romzi, menutup rapat.\n")
    unified, merges = unify([a, b])
    assert _persons(unified) == {"ahmad romzi"}
    assert merges[0].reason.startswith("initials")


def test_spelling_variant_merges_only_with_a_shared_body() -> None:
    a = _x("a1", "Kepala Kejaksaan Negeri OKI, Hendri Hanafi, membuka acara.\n")
    b = _x("b1", "Kepala Kejaksaan Negeri OKI, Hendry Hanafi, menutup acara.\n")
    c = _x("c1", "Ketua KPU Kabupaten Lahat, Hendra Hanafi, membuka acara.\n")
    unified, _ = unify([a, b, c])
    assert _persons(unified) == {"hendri hanafi", "hendra hanafi"} or \
        _persons(unified) == {"hendry hanafi", "hendra hanafi"}


def test_persons_sharing_a_first_name_stay_apart() -> None:
    a = _x("a1", "Kapolres Lahat AKBP Budi Santoso membuka apel.\n")
    b = _x("b1", "Kapolres Lahat AKBP Budi Hartono menutup apel.\n")
    unified, merges = unify([a, b])
    assert _persons(unified) == {"budi santoso", "budi hartono"}
    assert not merges
    assert same_person("budi santoso", "budi hartono") is None


def test_curated_verdicts_override_the_rules(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("# kind\tname\tother\tverdict\n"
                       "person\tHendri Hanafi\tHendry Hanafi\tnot-same\n"
                       "person\tRudi Hartono\tR. Hartono Putra\tsame\n", encoding="utf-8")
    overrides = read_overrides([aliases])
    a = _x("a1", "Kepala Kejaksaan Negeri OKI, Hendri Hanafi, membuka acara.\n")
    b = _x("b1", "Kepala Kejaksaan Negeri OKI, Hendry Hanafi, menutup acara.\n")
    c = _x("c1", "Ketua KPU Kabupaten Lahat, Rudi Hartono, membuka rapat.\n")
    d = _x("d1", "Ketua KPU Kabupaten Lahat, R. Hartono Putra, menutup rapat.\n")
    unified, merges = unify([a, b, c, d], overrides)
    assert {"hendri hanafi", "hendry hanafi", "rudi hartono"} == _persons(unified)
    assert any(m.reason == "curated: aliases.tsv" for m in merges)


def test_a_malformed_aliases_file_is_one_clear_error(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("person\tA\tB\tmaybe\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        read_overrides([aliases])


def _strip_degrees_and_ranks(text: str) -> str:
    """Rewrite a report without degrees after names and ranks before them."""
    lex = load()
    degrees = sorted((d.rstrip(".") for d in lex.degrees), key=len, reverse=True)
    either = "|".join(map(re.escape, degrees))
    text = re.sub(rf",?\s+(?:(?:{either})\.?,?\s*)+(?=[,\s.)])", " ", text)
    words = sorted(lex.ranks | lex.corps, key=len, reverse=True)
    either = "|".join(re.escape(w) for w in words if w.isalpha())
    return re.sub(rf"\b(?:{either})\s+", "", text)


def test_rewritten_copies_add_no_entities_and_cite_both(tmp_path: Path) -> None:
    originals = ["d01-lahat-netralitas-asn.txt", "d09-sukadana-mou-kejari-lamtim.txt",
                 "d10-banyuwangi-pelantikan-koni.txt"]
    alone, both = tmp_path / "alone", tmp_path / "both"
    alone.mkdir(), both.mkdir()
    for name in originals:
        shutil.copy(ROOT / "sources" / name, alone / name)
        shutil.copy(ROOT / "sources" / name, both / name)
        text = (ROOT / "sources" / name).read_text(encoding="utf-8")
        (both / f"copy-{name}").write_text(_strip_degrees_and_ranks(text), encoding="utf-8")
    xs_alone, _, _ = extract_and_unify([alone])
    xs_both, _, _ = extract_and_unify([both])
    for attr in ("persons", "organizations"):
        assert {r.key for x in xs_both for r in getattr(x, attr)} == \
            {r.key for x in xs_alone for r in getattr(x, attr)}, attr
    g_alone, g_both = build_graph(xs_alone), build_graph(xs_both)
    memberships = set(g_both.subjects(RDF.type, ORG.Membership))
    assert memberships == set(g_alone.subjects(RDF.type, ORG.Membership))
    for m in memberships:
        articles = {str(s).split("/s")[0] for s in g_both.objects(m, PROV.wasDerivedFrom)}
        assert len(articles) == 2, f"{m} cites {articles}"


def test_explain_lists_names_and_reasons() -> None:
    done = run_kg("explain", "Romzi", "/work/shared/dev-articles"
                  if Path("/work/shared").exists() else str(ROOT / "sources"))
    assert done.returncode == 0, done.stderr
    assert "person" in done.stdout or "no entity" in done.stdout


def test_explain_shows_a_cross_article_merge(tmp_path: Path) -> None:
    (tmp_path / "a1.txt").write_text(
        "Kepala Dinas Sosial Kabupaten Lahat, A. Romzi, membuka rapat.\n", encoding="utf-8")
    (tmp_path / "b1.txt").write_text(
        "Kepala Dinas Sosial Kabupaten Lahat, Ahmad Romzi, S.E., menutup rapat.\n",
        encoding="utf-8")
    done = run_kg("explain", "Romzi", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "merged 'a romzi' into 'ahmad romzi': initials" in done.stdout
    assert "'Ahmad Romzi, S.E.': the name with titles" in done.stdout


def test_holder_conflict_is_reported_and_marked(tmp_path: Path) -> None:
    from kg.rdf.namespaces import KG

    for ident, name in (("a1", "Rudi Hartono"), ("b1", "Sandi Wijaya")):
        (tmp_path / f"{ident}.txt").write_text(
            f"---\npublished: 2024-05-02\n---\nKetua KPU Kabupaten Lahat, {name}, membuka rapat.\n",
            encoding="utf-8")
    done = run_kg("report", str(tmp_path))
    assert "holder conflict: Ketua of kpu|16.04 on 2024-05-02 is rudi hartono and sandi wijaya" \
        in done.stdout
    xs, _, _ = extract_and_unify([tmp_path])
    assert len(list(build_graph(xs).triples((None, KG.conflictsWith, None)))) == 2


DEV = ROOT.parent / "shared" / "dev-articles"


@pytest.mark.skipif(not DEV.exists(), reason="../shared is not beside the repo")
def test_dev_articles_regions_time_and_dates() -> None:
    from rdflib.namespace import DCTERMS, SDO, TIME

    from kg.rdf.namespaces import KG, KGR

    xs, _, _ = extract_and_unify([DEV])
    g: Graph = build_graph(xs)
    place = lambda code: URIRef(f"{KGR}place/{code}")  # noqa: E731
    for code in ("16.02", "16.09"):
        assert (place(code), DCTERMS.identifier, None) in g
        assert (place(code), SDO.containedInPlace, place("16")) in g
    for m in g.subjects(RDF.type, ORG.Membership):
        interval = g.value(m, ORG.memberDuring)
        assert g.value(interval, TIME.inside) is not None, f"{m} is not placed in time"
    declaration = next(e for e in g.subjects(RDF.type, KG.Declaration)
                       if (e, SDO.subjectOf, None) in g and "s001" in str(g.value(e, SDO.subjectOf)))
    assert {str(d) for d in g.objects(declaration, SDO.startDate)} == {"2024-01-11", "2024-01-12"}
    assert g.value(declaration, KG.dateConflict).toPython() is True
    done = run_kg("report", str(DEV))
    assert "2024-01-11, 2024-01-12" in done.stdout


def test_persons_merged_from_runs_as_from_their_organisations(tmp_path: Path) -> None:
    orgs = {"ahmad romzi": {"dinsos lahat", "bappeda lahat"}, "a romzi": {"dinsos lahat",
            "bappeda lahat"}, "budi santoso": {"polres lahat"}, "budi hartono": {"polres lahat"}}
    merges = merges_among(orgs, Overrides())
    assert [(m.source, m.target, m.reason) for m in merges] == \
        [("a romzi", "ahmad romzi", "initials, both at bappeda lahat")]
    a = _x("a1", "Kepala Dinas Sosial Kabupaten Lahat, A. Romzi, membuka rapat.\n")
    b = _x("b1", "Kepala Dinas Sosial Kabupaten Lahat, Ahmad Romzi, menutup rapat.\n")
    identities = Identities(Overrides(), tmp_path)
    for x in (a, b, a):
        identities.add(x)
    assert identities.merges() == unify([a, b])[1]


def test_identity_needs_taken_where_made_give_the_merges_of_the_extractions(tmp_path) -> None:
    """What identity needs of each extraction, taken where it is made and pickled apart (as a
    build's workers send it), gives the merges the whole extractions give, the curated verdicts'
    names among it."""
    a = _x("a1", "Kepala Dinas Sosial Kabupaten Lahat, A. Romzi, membuka rapat.\n")
    b = _x("b1", "Kepala Dinas Sosial Kabupaten Lahat, Ahmad Romzi, menutup rapat.\n")
    c = _x("c1", "Camat Lahat Selatan, Budi Sarwono, hadir.\n")
    overrides = Overrides(same=((Kind.PERSON, fold("Budi Sarwono"), fold("B. Sarwono")),))
    identities = Identities(overrides, tmp_path)
    sent = [pickle.loads(pickle.dumps(needed(x, identities.wanted))) for x in (a, b, c)]
    assert set(sent[2].names) == {(Kind.PERSON, "budi sarwono", c.persons[0].key)}
    for need in sent:
        identities.take(need)
    merges = identities.merges()
    assert merges == unify([a, b, c], overrides)[1]
    assert [m.reason.split(",")[0] for m in merges] == ["initials", "curated: aliases.tsv"]
