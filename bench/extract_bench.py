"""Benchmark extraction: articles/s and words/s on one core, and peak memory.

Generates a corpus of synthetic regional-news articles (default 5,000) from sentence
templates filled with generated officials, institutions, regions and dates, then extracts
them in one process (one core) with the statistical recogniser on and off.

    python bench/extract_bench.py [--articles 5000] [--seed 7]

Prints one line per mode, e.g.
    recogniser on : 5000 articles, 1,650,000 words in 120.0 s: 41.7 articles/s, 13,750 words/s, peak 310 MB
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from datetime import date, timedelta

from kg import gazetteer
from kg.extract import extract
from kg.ingest import make_article

FIRST = ["Budi", "Siti", "Ahmad", "Dewi", "Rahmat", "Sri", "Agus", "Nur", "Hendra", "Rina",
         "Joko", "Yusuf", "Fitri", "Dedi", "Lestari", "Andi", "Wahyu", "Ratna", "Irwan", "Maya"]
LAST = ["Santoso", "Hidayat", "Wijaya", "Saputra", "Lubis", "Nasution", "Siregar", "Purnama",
        "Kurniawan", "Hasibuan", "Pratama", "Utami", "Syahputra", "Harahap", "Setiawan"]
DEGREES = ["", ", S.H., M.H.", ", S.Sos", ", S.E., M.Si", ", S.IP", " SH MH", ", S.Pd"]
RANKS = ["AKBP", "Kompol", "Letkol Inf", "Kombes Pol"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
EVENTS = ["deklarasi netralitas ASN", "rapat koordinasi pengamanan Pilkada",
          "penandatanganan nota kesepahaman", "upacara peringatan HUT Bhayangkara",
          "sosialisasi pengawasan partisipatif", "pelantikan pengurus KONI"]
FILLER = ["Kegiatan itu bertujuan memperkuat sinergi antarlembaga di daerah.",
          "Ratusan peserta dari berbagai unsur masyarakat mengikuti acara tersebut hingga selesai.",
          "Menurut panitia, persiapan dilakukan sejak dua pekan sebelumnya.",
          "Acara berlangsung tertib dengan pengamanan dari aparat gabungan.",
          "Para peserta juga menerima materi tentang pencegahan politik uang."]


def person(rng: random.Random) -> str:
    """Make a name with a degree."""
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}{rng.choice(DEGREES)}"


def article(rng: random.Random, n: int, regencies: list[str]) -> tuple[str, str]:
    """Write one synthetic article; return its text and its publication date."""
    region = rng.choice(regencies)
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(300))
    when = f"{DAYS[day.weekday()]} ({day.day}/{day.month}/{day.year})"
    event = rng.choice(EVENTS)
    lines = [
        f"{region.upper()}, CONTOHBERITA.ID - Pemerintah Kabupaten {region} menggelar {event} "
        f"di Pendopo Bupati {region}, {when}.",
        f"Kegiatan itu dibuka Bupati {region}, {person(rng)}, dan dihadiri Kapolres {region} "
        f"{rng.choice(RANKS)} {person(rng)}, Ketua DPRD {region} {person(rng)}, serta "
        f"Kepala Kejaksaan Negeri {region}, {person(rng)}.",
        f"Ketua Bawaslu Kabupaten {region}, {person(rng)}, mengatakan pengawasan terus diperkuat.",
        '"Kami mengajak seluruh ASN dan Kepala Desa menjaga netralitas," ujarnya.',
    ]
    lines += rng.sample(FILLER, 3)
    lines.append(f"Kepala Dinas Pendidikan {region}, {person(rng)}, menyampaikan dukungan penuh.")
    lines += rng.sample(FILLER, 2)
    return "\n".join(lines) + "\n", day.isoformat()


def corpus(n: int, seed: int) -> list:
    """Generate n articles."""
    rng = random.Random(seed)
    regencies = sorted(r.name for r in gazetteer.regions().values() if r.level == "regency")
    out = []
    for i in range(n):
        text, published = article(rng, i, regencies)
        out.append(make_article(f"b{i:05d}", text, "bench", {"published": published}))
    return out


def run(articles: list, recogniser: bool) -> str:
    """Extract every article in this process and describe the throughput."""
    from kg.nlp import ner

    ner.enabled = recogniser
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    for a in articles:
        extract(a)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mode = "on " if recogniser else "off"
    return (f"recogniser {mode}: {len(articles)} articles, {words:,} words in {seconds:.1f} s: "
            f"{len(articles) / seconds:.1f} articles/s, {words / seconds:,.0f} words/s per core, "
            f"peak {peak:.0f} MB")


def main() -> None:
    """Generate the corpus and run both modes."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    articles = corpus(args.articles, args.seed)
    for recogniser in (False, True):
        print(run(articles, recogniser), flush=True)


if __name__ == "__main__":
    main()
