"""Benchmark extraction: articles/s and words/s on one core, and peak memory.

Generates a corpus of synthetic regional-news articles (default 5,000, about 300 words each,
like the real ones) from sentence templates filled with generated officials, institutions, regions and dates, then extracts
them in one process (one core): with the statistical recogniser off; on, as a build uses it
(only on sentences holding a name no rule confirmed); and on the whole text, as `kg extract`
uses it to report mentions. Peak memory is the process's, so it grows from mode to mode.

    python bench/extract_bench.py [--articles 5000] [--seed 7]

Prints one line per mode: articles, words, seconds, articles/s, words/s and peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from datetime import date, timedelta

from kg.extract import extract
from kg.ingest.article import make_article
from kg.lexicons import gazetteer

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
          "Para peserta juga menerima materi tentang pencegahan politik uang.",
          "Selain itu, panitia menyiapkan posko pengaduan bagi warga yang menemukan pelanggaran "
          "selama tahapan pemilihan berlangsung di desa dan kelurahan.",
          "Sejumlah tokoh masyarakat dan tokoh agama menyatakan dukungan terhadap upaya menjaga "
          "kerukunan warga menjelang hari pemungutan suara.",
          "Pemerintah daerah berjanji menindaklanjuti setiap masukan yang disampaikan peserta "
          "dalam forum tersebut melalui dinas terkait.",
          "Kegiatan ditutup dengan penandatanganan komitmen bersama dan foto bersama seluruh "
          "peserta di halaman kantor."]


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
    lines += rng.sample(FILLER, 4)
    lines.append(f"Kepala Dinas Pendidikan {region}, {person(rng)}, menyampaikan dukungan penuh "
                 "terhadap program tersebut dan meminta seluruh kepala sekolah ikut mengawasi.")
    lines.append(f"Sementara itu, Camat {region} {person(rng)} mengatakan seluruh kepala desa di "
                 "wilayahnya telah menandatangani pakta integritas netralitas.")
    lines += rng.sample(FILLER, 4)
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


MODES = {"recogniser off": (False, False), "recogniser on, build": (True, False),
         "recogniser on, kg extract (whole text, mentions)": (True, True)}


def run(articles: list, mode: str) -> str:
    """Extract every article in this process and describe the throughput."""
    recogniser, mentions = MODES[mode]
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    for a in articles:
        extract(a, mentions, recogniser)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (f"{mode}: {len(articles)} articles, {words:,} words in {seconds:.1f} s: "
            f"{len(articles) / seconds:.1f} articles/s, {words / seconds:,.0f} words/s per core, "
            f"peak {peak:.0f} MB")


def main() -> None:
    """Generate the corpus and run both modes."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    articles = corpus(args.articles, args.seed)
    for mode in MODES:
        print(run(articles, mode), flush=True)


if __name__ == "__main__":
    main()
