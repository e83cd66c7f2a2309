"""Benchmark extraction against an article's length: it must grow linearly.

Builds one long invented article per size (a report's paragraph repeated, with its officials,
bodies, venue and date) and times its extraction in this process, after a warm-up.

    python bench/length_bench.py [--sizes 125000 250000 500000 1000000]

Prints one line per size: characters, seconds, and seconds per 100,000 characters (flat when
extraction is linear).
"""

from __future__ import annotations

import argparse
import time

from kg.extract import extract
from kg.ingest.article import make_article

PARAGRAPH = ("Kepala Dinas Kesehatan Kabupaten Lahat, Wulan Permatasari, membuka sosialisasi di "
             "Aula Kantor Bupati Lahat, Senin (11/3/2024). Hadir Kapolres Lahat AKBP Darmawan "
             "Saputro dan Dandim 0405/Lahat Letkol Inf Yudi Pratama. ")


def article_of(size: int) -> str:
    """Return an invented article of about `size` characters."""
    return "LAHAT, SUMSELPOST.ID - " + PARAGRAPH * max(1, size // len(PARAGRAPH))


def main() -> int:
    """Time the extraction of one article per size."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[125_000, 250_000, 500_000, 1_000_000])
    args = ap.parse_args()
    extract(make_article("warm-up", article_of(20_000), "bench", {}))
    for size in args.sizes:
        text = article_of(size)
        started = time.perf_counter()
        extract(make_article(f"len{size}", text, "bench", {}))
        seconds = time.perf_counter() - started
        print(f"{len(text):>9,} chars  {seconds:6.2f} s  {seconds / len(text) * 100_000:5.2f} s per 100k")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
