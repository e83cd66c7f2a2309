"""Say why each fact was missed or invented: the error taxonomy behind `kg eval --verbose`.

A miss or a spurious fact is put in one group by the first cause that explains it, from the
stage closest to the text: a person or an organisation that was never read explains every
holding and attendance that names it, so those are counted under the entity, not twice.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.extract.bylines import bylines
from kg.nlp.tokens import fold
from kg.records import Article
from kg.vocab import Kind

Names = list[str]


@dataclass(frozen=True)
class Finding:
    """One missed or spurious fact and the cause it is put under."""

    article: str
    kind: str  # persons, organizations, holds, attends
    verdict: str  # missed, spurious
    cause: str
    item: str

    def line(self) -> str:
        """Render the finding as one log line."""
        return f"{self.article} {self.verdict} {self.kind} [{self.cause}]: {self.item}"


def _words(names: Names) -> set[str]:
    """Return the folded words of all of an item's names (three letters or more)."""
    return {w for n in names for w in re.findall(r"[a-z0-9]+", fold(n)) if len(w) >= 3}


def _overlaps(names: Names, others: list[Names]) -> bool:
    """Say whether any of the other items shares a word with this one."""
    mine = _words(names)
    return any(mine & _words(o) for o in others)


def _where(article: Article | None, names: Names) -> str:
    """Say where an item's names stand in the article: the report, a byline, only outside the
    report (headline, page furniture, captions, links), or nowhere."""
    if article is None:
        return "absent"
    if {fold(n) for n in names} & {fold(name.name) for name, _ in bylines(article)}:
        return "byline"
    found = [m.start() for n in names if n
             for m in re.finditer(re.escape(n), article.text, re.IGNORECASE)]
    if not found:
        return "absent"
    outside = [(0, article.body_start), *article.noise]
    if all(any(s <= f < e for s, e in outside) for f in found):
        return "outside the report"
    return "report"


def _entity_cause(verdict: str, names: Names, others: list[Names], article: Article | None) -> str:
    """Explain a missed or spurious person or organisation."""
    where = _where(article, names)
    if where in {"byline", "outside the report"}:
        return where
    if _overlaps(names, others):
        return "name boundary"
    return "not recognised" if verdict == "missed" else "not an entity"


def _fact_cause(verdict: str, kind: str, item: tuple, unmatched: dict[str, list[Names]],
                facts: list[tuple], match: dict) -> str:
    """Explain a missed or spurious holding or attendance by the entities it links."""
    who = item[1] if kind == "attends" else item[0]
    person_like = kind == "holds" or item[0] == Kind.PERSON
    entities = unmatched["persons" if person_like else "organizations"]
    if any(match["persons" if person_like else "organizations"](who, e) for e in entities):
        return f"{'person' if person_like else 'organisation'} {verdict}"
    if kind == "holds":
        if any(match["organizations"](item[1], e) for e in unmatched["organizations"]):
            return f"organisation {verdict}"
        same_person = [f for f in facts if match["persons"](item[0], f[0])]
        return "wrong organisation" if same_person else (
            "title not linked" if verdict == "missed" else "spurious link")
    return "attendance not read" if verdict == "missed" else "not attending"


def diagnose(ident: str, article: Article | None, want: dict[str, list], got: dict[str, list],
             owners: dict[str, dict[int, int]], match: dict) -> list[Finding]:
    """Put every unmatched gold and predicted item of one article under a cause."""
    findings = []
    unmatched: dict[str, dict[str, list]] = {"missed": {}, "spurious": {}}
    for kind in ("persons", "organizations"):
        matched_gold, matched_pred = set(owners[kind].values()), set(owners[kind])
        missed = [g for i, g in enumerate(want[kind]) if i not in matched_gold]
        spurious = [p for i, p in enumerate(got[kind]) if i not in matched_pred]
        unmatched["missed"][kind], unmatched["spurious"][kind] = missed, spurious
        findings += [Finding(ident, kind, "missed", _entity_cause("missed", g, spurious, article),
                             g[0]) for g in missed]
        findings += [Finding(ident, kind, "spurious", _entity_cause("spurious", p, missed, article),
                             p[0]) for p in spurious]
    for kind in ("holds", "attends"):
        matched_gold, matched_pred = set(owners[kind].values()), set(owners[kind])
        for verdict, items, others, hit in (("missed", want[kind], got[kind], matched_gold),
                                            ("spurious", got[kind], want[kind], matched_pred)):
            for i, item in enumerate(items):
                if i not in hit:
                    cause = _fact_cause(verdict, kind, item, unmatched[verdict], others, match)
                    findings.append(Finding(ident, kind, verdict, cause, _show(item)))
    return findings


def _show(item: tuple) -> str:
    """Name a fact by the first name of each entity it links."""
    return " / ".join(part[0] for part in item if isinstance(part, list) and part)


def summary(findings: list[Finding]) -> list[str]:
    """Count the findings by kind, verdict and cause, biggest group first."""
    groups = Counter((f.kind, f.verdict, f.cause) for f in findings)
    return [f"{n:5d}  {kind} {verdict}: {cause}"
            for (kind, verdict, cause), n in sorted(groups.items(), key=lambda kv: (-kv[1], kv[0]))]
