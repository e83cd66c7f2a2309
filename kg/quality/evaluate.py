"""Score extractions against hand-made gold facts (the JSON form of ../shared/dev-gold).

Names match as the shared scorer matches them: a person when the words of one name, titles
and degrees dropped, are all among the other's; an organisation likewise when a distinctive
word is among them. Predicted and gold items pair one to one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from kg.errors import UserError
from kg.ingest import MAX_BYTES
from kg.lexicons import load
from kg.nlp.tokens import fold
from kg.pipeline import extract_sources
from kg.quality.diagnose import Finding, diagnose
from kg.records import Extraction
from kg.vocab import Kind

KINDS = ("persons", "organizations", "holds", "attends")
# The scorer's rule, not the extractor's data: ../shared/eval/score.py's GENERIC_ORG_WORDS, kept
# word for word so that both score alike (a lexicon edit must not move the scores' yardstick).
_GENERIC = {"dinas", "badan", "kantor", "kepala", "pemerintah", "kabupaten", "kab", "kota",
            "provinsi", "desa", "negeri", "ri", "republik", "indonesia", "dan", "se"}
Names = list[str]
Scores = tuple[float, float, float]


@cache
def _not_names() -> frozenset[str]:
    """Words that are titles, ranks or degrees rather than parts of a name."""
    lex = load()
    words = lex.honorifics | lex.ranks | lex.corps | lex.degrees
    return frozenset(fold(w) for w in words)


def _words(name: str, drop_titles: bool = False) -> list[str]:
    """Fold a name into words; drop titles, ranks and degrees when asked."""
    words = re.findall(r"[a-z0-9]+", re.sub(r"(?<=\w)\.(?=\w)", "", fold(name)))
    return [w for w in words if not drop_titles or w not in _not_names()]


def _subset_match(gold: Names, pred: Names, drop: bool, distinctive: Callable[[str], bool]) -> bool:
    """Say whether any gold name and predicted name match by word subset."""
    for g in gold:
        for p in pred:
            gw, pw = _words(g, drop), _words(p, drop)
            short, long_ = sorted((gw, pw), key=len)
            if short and (gw == pw or (set(short) <= set(long_) and any(map(distinctive, short)))):
                return True
    return False


def person_match(gold: Names, pred: Names) -> bool:
    """Match persons by name words, titles and degrees dropped."""
    return _subset_match(gold, pred, True, lambda w: len(w) >= 3)


def org_match(gold: Names, pred: Names) -> bool:
    """Match organisations by name words, one of them distinctive."""
    return _subset_match(gold, pred, False, lambda w: w not in _GENERIC and len(w) >= 3)


def pairs(gold: list, pred: list, same: Callable) -> dict[int, int]:
    """Pair matching gold and predicted items one to one, as many as possible (predicted -> gold)."""
    edges = [[i for i, p in enumerate(pred) if same(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in edges[gi]:
            if pi not in seen:
                seen.add(pi)
                if pi not in owner or augment(owner[pi], seen):
                    owner[pi] = gi
                    return True
        return False

    for gi in range(len(gold)):
        augment(gi, set())
    return owner


def _predicted(x: Extraction) -> dict[str, list]:
    """Turn an extraction into the items the gold lists, each with all its names."""
    persons = {p.key: [p.name, *p.aliases] for p in x.persons}
    orgs = {o.key: [o.name, *o.aliases] for o in x.organizations}
    # One item per person, body and role, as the shared scorer counts the graph's memberships.
    holds = {(h.person, h.organization, h.role) for h in x.holdings}
    attends = {(a.kind, a.participant) for a in x.attendances if a.kind != Kind.COLLECTIVE}
    return {"persons": list(persons.values()), "organizations": list(orgs.values()),
            "holds": [(persons[p], orgs[o]) for p, o, _ in sorted(holds)],
            "attends": [(k, persons[w] if k == Kind.PERSON else orgs[w]) for k, w in sorted(attends)]}


def _gold(gold: dict) -> dict[str, list]:
    """Turn a gold file into lists of items with all their names."""
    people = {p["name"]: [p["name"], *p.get("aliases", [])] for p in gold["persons"]}
    orgs = {o["name"]: [o["name"], *o.get("aliases", [])] for o in gold["organizations"]}
    return {"persons": list(people.values()), "organizations": list(orgs.values()),
            "holds": [(people.get(h["person"], [h["person"]]),
                       orgs.get(h["organization"], [h["organization"]])) for h in gold["holds"]],
            # One item per participant, whatever the number of events, as the shared scorer counts.
            "attends": [(Kind.PERSON, people[who]) if who in people else
                        (Kind.ORGANIZATION, orgs.get(who, [who]))
                        for who in dict.fromkeys(a["participant"] for a in gold["attends"])]}


SAME: dict[str, Callable] = {
    "persons": person_match,
    "organizations": org_match,
    "holds": lambda g, p: person_match(g[0], p[0]) and org_match(g[1], p[1]),
    "attends": lambda g, p: g[0] == p[0] and (person_match if g[0] == Kind.PERSON else org_match)(
        g[1], p[1]),
}


def prf(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    """Return precision, recall and F1."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(gold_dir: Path, sources: Iterable[Path], max_bytes: int = MAX_BYTES
             ) -> tuple[dict[str, Scores], list[Finding], list[str]]:
    """Score every gold file against its article's extraction.

    Returns the scores per kind, every miss and spurious fact with its cause, and the problems
    (unreadable articles, gold files whose article is missing).
    """
    extractions, problems = extract_sources(sources, max_bytes=max_bytes)
    by_id = {x.article.id: x for x in extractions}
    totals = {k: [0, 0, 0] for k in KINDS}
    log = [f"problem: {p.source}: {p.reason}" for p in problems]
    findings: list[Finding] = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        x = by_id.get(gold["id"])
        if x is None:
            log.append(f"{gold['id']}: no article with this id in the sources")
        want, got = _gold(gold), (_predicted(x) if x else {k: [] for k in KINDS})
        owners = {kind: pairs(want[kind], got[kind], SAME[kind]) for kind in KINDS}
        for kind in KINDS:
            totals[kind] = [totals[kind][0] + len(owners[kind]), totals[kind][1] + len(want[kind]),
                            totals[kind][2] + len(got[kind])]
        findings += diagnose(gold["id"], x.article if x else None, want, got, owners, SAME)
    return {k: prf(*v) for k, v in totals.items()}, findings, log


def floors_missed(scores: dict[str, tuple[float, float, float]], floors: list[str]) -> list[str]:
    """Return a line for each KIND=F1 floor the scores fall below."""
    missed = []
    for spec in floors:
        kind, _, value = spec.partition("=")
        if kind not in scores or not re.fullmatch(r"\d*\.?\d+", value):
            raise UserError(f"a floor is KIND=F1, not {spec!r}: KIND is one of {', '.join(KINDS)}")
        if scores[kind][2] < float(value):
            missed.append(f"{kind} F1 {scores[kind][2]:.3f} < {value}")
    return missed
