"""Write kg/lexicons/org_words.tsv and person_words.tsv: capitalised words of organisation and person names.

A word counts when the NER training splits (../shared/ner-train, train files only) tag it inside
organisation names at least twice and more often than inside person names. The chunker uses the
list to tell where an organisation's name ends and a person's begins when no comma separates them
("Kepala Dinas Perikanan Budi Santoso mengatakan"). Person words tell a name that is also a
common word ("Hari", "Dewi", "Putra") from the words of a role's field; to those of the NER
splits are added the words of person names in the real-news set's dev split (eval/realnews/dev,
never test) that two articles or more name persons with and no organisation's name holds
("Rudi", "Agus", "Wahyu": given names the NER splits lack). Rerun: python scripts/build_org_words.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared/ner-train/idner-news-2k/train.txt",
           ROOT.parent / "shared/ner-train/nergrit/train.txt"]
KIND = {"ORG": "org", "ORGANISATION": "org", "PER": "per", "PERSON": "per"}
DEV = ROOT / "eval/realnews/dev"


def counts(paths: list[Path]) -> tuple[Counter[str], Counter[str]]:
    """Count capitalised words inside organisation and person spans."""
    org, per = Counter(), Counter()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split()
            if len(cols) < 2 or not cols[0][:1].isupper() or not cols[0].isalpha():
                continue
            kind = KIND.get(cols[-1].partition("-")[2])
            if kind:
                (org if kind == "org" else per)[cols[0]] += 1
    return org, per


def dev_person_words(folder: Path) -> set[str]:
    """Return the capitalised words of the dev split's person names that two articles or more
    use and that no organisation's name or other name there holds."""
    per: Counter[str] = Counter()
    org: set[str] = set()
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        per.update({w for p in gold["persons"] for w in p["name"].split()
                    if w[:1].isupper() and w.isalpha() and len(w) > 2})
        org.update(w for o in gold["organizations"] for n in [o["name"], *o.get("aliases", [])]
                   for w in n.split())
    return {w for w, n in per.items() if n >= 2 and w not in org}


def write(name: str, what: str, words: list[str]) -> None:
    """Write one word list with its provenance."""
    out = ROOT / "kg/lexicons" / name
    also = " and the real-news dev split's person names" if what == "person" else ""
    header = (f"# Capitalised words of {what} names, from the NER training splits "
              f"(idner-news-2k, MIT; nergrit, Apache-2.0){also}.\n# Made by scripts/build_org_words.py.\n")
    out.write_text(header + "form\n" + "".join(f"{w}\n" for w in words), encoding="utf-8")
    print(f"{len(words)} words -> {out}")


def main() -> int:
    """Write the word lists."""
    org, per = counts(CORPORA)
    write("org_words.tsv", "organisation",
          sorted(w for w, n in org.items() if n >= 2 and n > per[w] and len(w) > 2))
    write("person_words.tsv", "person",
          sorted({w for w, n in per.items() if n >= 2 and n > org[w] and len(w) > 2}
                 | (dev_person_words(DEV) - set(org))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
