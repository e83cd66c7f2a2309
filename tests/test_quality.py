"""Extraction quality is a gate: the F1 floors pinned in tests/data/floors.json must hold."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from kg.quality.evaluate import evaluate
from tests.conftest import ROOT

FLOORS = json.loads((ROOT / "tests/data/floors.json").read_text(encoding="utf-8"))
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def gold_scores() -> dict[str, tuple[float, float, float]]:
    """Score our own gold articles."""
    scores, _, _ = evaluate(ROOT / "tests/data/gold", [ROOT / "sources"])
    return scores


@pytest.mark.parametrize("kind", sorted(FLOORS["gold"]))
def test_gold_floor(gold_scores: dict[str, tuple[float, float, float]], kind: str) -> None:
    f1 = gold_scores[kind][2]
    assert f1 >= FLOORS["gold"][kind], f"{kind} F1 {f1:.3f} fell below {FLOORS['gold'][kind]}"


def test_gold_covers_every_source() -> None:
    from kg.ingest.load import load_articles

    ids = {a.id for a in load_articles([ROOT / "sources"])[0]}
    gold = {p.stem for p in (ROOT / "tests/data/gold").glob("*.json")}
    assert ids == gold


@pytest.mark.skipif(not (SHARED / "eval/score.py").exists(), reason="../shared is not beside the repo")
@pytest.mark.slow
def test_dev_articles_floor() -> None:
    build = f"{sys.executable} -m kg build {{src}} --out {{out}}"
    done = subprocess.run([sys.executable, str(SHARED / "eval/score.py"), "--gold",
                           str(SHARED / "dev-gold"), "--articles", str(SHARED / "dev-articles"),
                           "--build", build], capture_output=True, text=True, cwd=ROOT, timeout=600)
    summary = done.stdout.strip().splitlines()[-1]
    scores = dict(re.findall(r"(\w+)=([\d.]+)", summary))
    for kind, floor in FLOORS["dev"].items():
        assert float(scores[kind]) >= floor, f"dev {kind} F1 {scores[kind]} < {floor}\n{done.stdout}"


NER_DEV = SHARED / "ner-train/idner-news-2k/dev.txt"


@pytest.mark.skipif(not NER_DEV.exists(), reason="../shared is not beside the repo")
@pytest.mark.slow
def test_ner_floor() -> None:
    from kg.nlp import ner

    if not ner.available():
        pytest.skip("the statistical recogniser is not installed")
    extract = f"{sys.executable} -m kg extract {{src}} --format jsonl"
    done = subprocess.run([sys.executable, str(SHARED / "eval/ner_score.py"), "--corpus",
                           str(NER_DEV), "--extract", extract], capture_output=True, text=True,
                          cwd=ROOT, timeout=900)
    f1 = float(re.search(r"F1=([\d.]+)", done.stdout).group(1))
    assert f1 >= FLOORS["ner"], f"NER micro F1 {f1} < {FLOORS['ner']}\n{done.stdout}"


REALNEWS = ROOT / "eval/realnews"
CACHE = ROOT / ".cache/realnews"


@pytest.fixture(scope="module")
def realnews_scores() -> dict[str, tuple[float, float, float]]:
    """Score the real-news development split from the local cache of its texts."""
    if not CACHE.is_dir():
        pytest.skip("no local cache of real article texts (.cache/realnews)")
    scores, _, _ = evaluate(REALNEWS / "dev", [CACHE])
    return scores


@pytest.mark.parametrize("kind", sorted(FLOORS["realnews-dev"]))
def test_realnews_dev_floor(realnews_scores: dict[str, tuple[float, float, float]],
                            kind: str) -> None:
    f1 = realnews_scores[kind][2]
    assert f1 >= FLOORS["realnews-dev"][kind], f"real-news dev {kind} F1 {f1:.3f} < floor"


def test_two_roles_at_one_body_are_two_holdings_as_the_shared_scorer_counts(tmp_path) -> None:
    text = ("PALANGKA RAYA, KALTENGNEWS.ID - Gubernur melantik penjabat, Senin (25/9/2023). Penjabat "
            "yang dilantik yakni :\n- Pj Wali Kota Palangka Raya, Rina Wulandari (Sekda Kota Palangka Raya)")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a1.txt").write_text("Pelantikan penjabat\n\n" + text, encoding="utf-8")
    body = "Pemerintah Kota Palangka Raya"
    gold = {"id": "a1", "persons": [{"name": "Rina Wulandari"}], "organizations": [{"name": body}],
            "holds": [{"person": "Rina Wulandari", "role": "Sekretaris Daerah", "organization": body},
                      {"person": "Rina Wulandari", "role": "Pj Wali Kota", "organization": body}],
            "events": [], "attends": []}
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a1.json").write_text(json.dumps(gold), encoding="utf-8")
    scores, _, _ = evaluate(tmp_path / "gold", [tmp_path / "src"])
    assert scores["holds"] == (1.0, 1.0, 1.0)
