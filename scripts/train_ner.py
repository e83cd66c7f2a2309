#!/usr/bin/env python3
"""Train the statistical Indonesian NER model shipped in ``kg/models/ner-id/``.

The model is a blank spaCy ``id`` pipeline with a small ``tok2vec`` (MultiHashEmbed over
NORM/PREFIX/SUFFIX/SHAPE + MaxoutWindowEncoder, width 96, depth 4, no vectors) and a
transition-based ``ner`` component, trained on CPU from the IOB2 corpora in
``../shared/ner-train/`` (see ``docs/ner.md`` for the data attribution and licences).

Each sentence is turned into the text that ``kg`` actually sees (its tokens joined by single
spaces), tokenised with spaCy's own Indonesian tokenizer, and its IOB2 entities become
character spans with the types PERSON / ORGANIZATION / PLACE. The dev split is used only for
model selection (spaCy keeps the best checkpoint on dev entity F1, and when several variants
are trained the best one on dev is installed); test splits are never read.

Rerun (from the repository root, about 7-10 minutes per variant on 2 free CPU cores):

    python scripts/train_ner.py                       # train + evaluate + install
    python scripts/train_ner.py --variant idner --variant idner+nergrit
    python scripts/train_ner.py --no-install          # dry run, keep kg/models as is

The defaults (idner-news-2k train only, dropout 0.2, at most 4000 steps, patience 1000,
seed 0) reproduce the shipped model: dev micro F1 0.818 with spaCy 3.8.18. Adding NERGrit
(``--variant idner+nergrit``) scored 0.810-0.812 on idner dev, so it is not the default.

Training is deterministic for a given ``--seed`` (default 0). Working files (DocBins, the
generated config.cfg, checkpoints) go to ``--workdir`` (default a temporary directory);
only the pruned best pipeline is copied to ``kg/models/ner-id/``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "ner-train"
MODEL_DIR = REPO / "kg" / "models" / "ner-id"

# Same tag mapping as ../shared/eval/ner_score.py.
TYPES = {"PER": "PERSON", "PERSON": "PERSON", "PPL": "PERSON",
         "ORG": "ORGANIZATION", "ORGANISATION": "ORGANIZATION", "ORGANIZATION": "ORGANIZATION",
         "LOC": "PLACE", "LOCATION": "PLACE", "PLACE": "PLACE", "PLC": "PLACE"}
LABELS = ("PERSON", "ORGANIZATION", "PLACE")

Sentence = list[tuple[str, str]]
Span = tuple[int, int, str]


def read_corpus(path: Path) -> list[Sentence]:
    """Read sentences as (token, tag) pairs; the tag is the last column."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append((cols[0], cols[-1]))
    if current:
        sentences.append(current)
    return sentences


def gold_spans(sentence: Sentence) -> tuple[str, set[Span]]:
    """Join tokens with spaces and turn IOB2 tags into character spans (as ner_score.py)."""
    text: list[str] = []
    spans: set[Span] = set()
    offset = end = 0
    start: int | None = None
    kind: str | None = None
    for token, tag in sentence:
        prefix, _, label = tag.partition("-")
        if start is not None and prefix != "I" or (prefix == "I" and TYPES.get(label) != kind):
            if start is not None and kind:
                spans.add((start, end, kind))
            start = kind = None
        if prefix == "B" or (prefix == "I" and start is None):
            start, kind = offset, TYPES.get(label)
        text.append(token)
        end = offset + len(token)
        offset = end + 1
    if start is not None and kind:
        spans.add((start, end, kind))
    return " ".join(text), spans


def to_docbin(paths: list[Path], out: Path) -> dict[str, int]:
    """Convert IOB2 files to a spaCy DocBin of space-joined, spaCy-tokenised sentences."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("id")
    db = DocBin(store_user_data=False)
    stats: Counter[str] = Counter()
    for path in paths:
        for sentence in read_corpus(path):
            text, spans = gold_spans(sentence)
            doc = nlp.make_doc(text)
            ents = []
            for start, end, kind in sorted(spans):
                span = doc.char_span(start, end, label=kind, alignment_mode="strict")
                if span is None:  # cannot happen: gold edges are at spaces
                    stats["misaligned"] += 1
                    continue
                ents.append(span)
                stats[kind] += 1
            doc.set_ents(ents, default="outside")
            db.add(doc)
            stats["sentences"] += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return dict(stats)


def make_config(width: int, depth: int, rows: list[int], dropout: float, max_steps: int,
                patience: int, eval_frequency: int, seed: int) -> Any:
    """Build the training config with spaCy's own init_config, then adjust it."""
    from spacy.cli.init_config import init_config

    config = init_config(lang="id", pipeline=["ner"], optimize="efficiency", gpu=False)
    config["system"]["seed"] = seed
    config["components"]["tok2vec"]["model"]["encode"]["width"] = width
    config["components"]["tok2vec"]["model"]["encode"]["depth"] = depth
    config["components"]["tok2vec"]["model"]["embed"]["rows"] = rows
    config["components"]["tok2vec"]["model"]["embed"]["include_static_vectors"] = False
    config["training"]["dropout"] = dropout
    config["training"]["max_steps"] = max_steps
    config["training"]["patience"] = patience
    config["training"]["eval_frequency"] = eval_frequency
    return config


def score(nlp: Any, sentences: list[Sentence]) -> dict[str, tuple[float, float, float, int, int, int]]:
    """Score a pipeline exactly like ner_score.py: exact span + type on space-joined text."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    items = [gold_spans(s) for s in sentences]
    for (_, gold), doc in zip(items, nlp.pipe([t for t, _ in items], batch_size=64), strict=True):
        found = {(e.start_char, e.end_char, TYPES[e.label_])
                 for e in doc.ents if e.label_ in TYPES}
        for s in gold & found:
            tp[s[2]] += 1
        for s in found - gold:
            fp[s[2]] += 1
        for s in gold - found:
            fn[s[2]] += 1

    def prf(t: int, f_p: int, f_n: int) -> tuple[float, float, float, int, int, int]:
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0), t, f_p, f_n

    result = {k: prf(tp[k], fp[k], fn[k]) for k in LABELS}
    result["micro"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return result


def print_scores(name: str, result: dict[str, tuple[float, float, float, int, int, int]]) -> None:
    """Print a P/R/F1 table per type plus the micro average."""
    print(f"\n== dev scores: {name}")
    print(f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    for kind, (p, r, f, t, f_p, f_n) in result.items():
        print(f"{kind:<14}{p:7.3f}{r:7.3f}{f:7.3f}{t:6d}{f_p:6d}{f_n:6d}")


def install(model: Path, target: Path, meta_extra: dict[str, Any]) -> None:
    """Copy a trained pipeline to the package folder without training artefacts."""
    import spacy
    from thinc.api import Config

    nlp = spacy.load(model)
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    cfg = Config().from_disk(target / "config.cfg", interpolate=False)
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(target / "config.cfg")
    notice = ["Trained by kg's scripts/train_ner.py from the corpora below; see docs/ner.md.", ""]
    for source in meta_extra.get("sources", []):
        notice.append(f"- {source}")
    licence = DATA / "LICENSE-idner-news-2k"
    if licence.is_file():
        notice += ["", "idner-news-2k licence:", "", licence.read_text(encoding="utf-8").strip()]
    (target / "NOTICE").write_text("\n".join(notice) + "\n", encoding="utf-8")
    meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    meta.update(meta_extra)
    (target / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")


def dir_size(path: Path) -> int:
    """Total size in bytes of the files below a directory."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, train every requested variant, evaluate on dev and install the best."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--idner-train", type=Path, default=DATA / "idner-news-2k" / "train.txt")
    ap.add_argument("--idner-dev", type=Path, default=DATA / "idner-news-2k" / "dev.txt")
    ap.add_argument("--nergrit-train", type=Path, default=DATA / "nergrit" / "train.txt")
    ap.add_argument("--variant", action="append", choices=["idner", "idner+nergrit"],
                    help="training data; repeat to compare (default: idner)")
    ap.add_argument("--width", type=int, default=96)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--rows", type=int, nargs=4, default=[5000, 1000, 2500, 2500],
                    metavar=("NORM", "PREFIX", "SUFFIX", "SHAPE"))
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--max-steps", type=int, default=4000)
    ap.add_argument("--patience", type=int, default=1000)
    ap.add_argument("--eval-frequency", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--output", type=Path, default=MODEL_DIR)
    ap.add_argument("--no-install", action="store_true", help="do not touch --output")
    args = ap.parse_args(argv)

    import spacy
    from spacy.cli.train import train

    variants = args.variant or ["idner"]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kg-ner-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"spaCy {spacy.__version__}; workdir {workdir}")

    dev_path = workdir / "dev.spacy"
    print("dev:", to_docbin([args.idner_dev], dev_path))
    dev_sentences = read_corpus(args.idner_dev)

    results: dict[str, tuple[float, Path, dict[str, Any], float]] = {}
    for variant in variants:
        files = [args.idner_train] + ([args.nergrit_train] if variant == "idner+nergrit" else [])
        vdir = workdir / variant.replace("+", "_")
        train_path = vdir / "train.spacy"
        print(f"train [{variant}]:", to_docbin(files, train_path))
        config = make_config(args.width, args.depth, list(args.rows), args.dropout,
                             args.max_steps,
                             args.patience, args.eval_frequency, args.seed)
        config["paths"]["train"] = str(train_path)
        config["paths"]["dev"] = str(dev_path)
        config_path = vdir / "config.cfg"
        config.to_disk(config_path)
        t0 = time.monotonic()
        train(config_path, vdir / "out", use_gpu=-1)
        minutes = (time.monotonic() - t0) / 60
        model = vdir / "out" / "model-best"
        result = score(spacy.load(model), dev_sentences)
        print_scores(f"{variant} (trained in {minutes:.1f} min)", result)
        results[variant] = (result["micro"][2], model, result, minutes)

    best = max(results, key=lambda v: results[v][0])
    f1, model, result, minutes = results[best]
    print("\n== summary")
    for variant, (vf1, _, _, vmin) in results.items():
        print(f"{variant:<16} dev micro F1 {vf1:.4f}  ({vmin:.1f} min)")
    print(f"best: {best}")
    if args.no_install:
        return 0
    sources = ["idner-news-2k, github.com/khairunnisaor/idner-news-2k (Khairunnisa et al., "
               "AACL-SRW 2020), MIT, Copyright (c) 2020 khairunnisaor"]
    if best == "idner+nergrit":
        sources.append("NERGrit, github.com/IndoNLP/indonlu dataset/nergrit_ner-grit (Wilie et "
                       "al., AACL 2020; corpus by grit-id), Apache-2.0")
    install(model, args.output, {
        "name": "ner_id", "version": "0.1.0",
        "description": "kg: Indonesian news NER (PERSON, ORGANIZATION, PLACE), trained by "
                       "scripts/train_ner.py",
        "sources": sources,
        "kg_training": {"variant": best, "seed": args.seed, "minutes": round(minutes, 1),
                        "idner_dev": {k: [round(x, 4) for x in v[:3]] + list(v[3:])
                                      for k, v in result.items()}},
    })
    print(f"installed {model} -> {args.output} ({dir_size(args.output) / 1e6:.1f} MB)")
    # Re-check the installed copy gives the same dev figures.
    again = score(spacy.load(args.output), dev_sentences)["micro"][2]
    print(f"installed model dev micro F1 {again:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
