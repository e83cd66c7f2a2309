"""Split the real-news gold files once, at random, into dev (about 2/3) and test (about 1/3),
and print the set's make-up (articles, provinces, kinds of report, outlets per split).

New gold files are written to eval/realnews/pool/; this moves each to dev/ or test/ by a salted
hash of its id, so the split is random, fixed, and independent of the order files arrive in.
Articles whose text a developer read before the split was drawn are put in dev: the test split
holds only articles nobody tuned on.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "eval" / "realnews"
SALT = "kg-realnews-split:"
READ_BEFORE_SPLIT = {"r202", "r204", "r301", "r505", "r605"}


def split_of(ident: str) -> str:
    """Return the split an article belongs to."""
    if ident in READ_BEFORE_SPLIT:
        return "dev"
    digest = hashlib.sha256((SALT + ident).encode()).hexdigest()
    return "test" if int(digest, 16) % 3 == 0 else "dev"


def main() -> int:
    """Move every pooled gold file into its split's folder."""
    moved = 0
    for path in sorted((ROOT / "pool").glob("*.json")):
        target = ROOT / split_of(path.stem) / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        path.rename(target)
        moved += 1
    print(f"moved {moved} new gold files")
    print(makeup())
    return 0


def makeup() -> str:
    """Tabulate the set: articles, provinces, kinds and outlets per split, and the kinds."""
    golds = {s: [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / s).glob("*.json"))]
             for s in ("dev", "test")}
    rows = ["| split | articles | provinces | kinds | outlets |", "| --- | --- | --- | --- | --- |"]
    for name, items in [*golds.items(), ("all", golds["dev"] + golds["test"])]:
        provinces = {g["province"] for g in items} - {"national"}
        rows.append(f"| {name} | {len(items)} | {len(provinces)} | {len({g['topic'] for g in items})}"
                    f" | {len({g['outlet'] for g in items})} |")
    kinds = Counter(g["topic"] for items in golds.values() for g in items)
    rows.append("\nkinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1])))
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
