"""Write kg/lexicons/org_words.tsv and person_words.tsv: capitalised words of organisation and person names.

A word counts when the NER training splits (../shared/ner-train, train files only) tag it inside
organisation names at least twice and more often than inside person names. The chunker uses the
list to tell where an organisation's name ends and a person's begins when no comma separates them
("Kepala Dinas Perikanan Budi Santoso mengatakan"). Person words tell a name that is also a
common word ("Hari", "Dewi", "Putra") from the words of a role's field. Rerun: python scripts/build_org_words.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared/ner-train/idner-news-2k/train.txt",
           ROOT.parent / "shared/ner-train/nergrit/train.txt"]
KIND = {"ORG": "org", "ORGANISATION": "org", "PER": "per", "PERSON": "per"}


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


def write(name: str, what: str, words: list[str]) -> None:
    """Write one word list with its provenance."""
    out = ROOT / "kg/lexicons" / name
    header = (f"# Capitalised words of {what} names, from the NER training splits "
              "(idner-news-2k, MIT; nergrit, Apache-2.0).\n# Made by scripts/build_org_words.py.\n")
    out.write_text(header + "form\n" + "".join(f"{w}\n" for w in words), encoding="utf-8")
    print(f"{len(words)} words -> {out}")


def main() -> int:
    """Write the word lists."""
    org, per = counts(CORPORA)
    write("org_words.tsv", "organisation",
          sorted(w for w, n in org.items() if n >= 2 and n > per[w] and len(w) > 2))
    write("person_words.tsv", "person",
          sorted(w for w, n in per.items() if n >= 2 and n > org[w] and len(w) > 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
