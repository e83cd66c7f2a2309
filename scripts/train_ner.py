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

The ``idner+realnews*`` variants add silver mentions made from our own annotations of real
news: the gold files of ``eval/realnews/dev`` and their texts in the git-ignored cache
``.cache/realnews`` (``--realnews-cache``; the texts are not redistributed). Only the training
fold is trained on: the dev articles split once by a salted hash of the id (`heldout`), about
4 in 5; the held-out fold is scored (and judged on with ``kg eval --gold``), the real-news test
split is never read. In each sentence kg's recogniser reads (kg's sentences outside the noise,
cut by ``kg.nlp.ner.model_tokens`` and joined by single spaces) the gold entities' names and
aliases are marked, persons without honorifics, ranks and degrees, longest first, without
overlaps; the variants differ in what they do with capitalised words the gold does not
account for (`realnews_items`). None is the default: none kept idner dev at 0.81 as
``kg extract`` reads it, and none raised kg's persons on the held-out fold beyond the noise
(figures in ``docs/ner.md``). A real-news variant takes 16-22 minutes on one niced thread.

Training is deterministic for a given ``--seed`` (default 0). Working files (DocBins, the
generated config.cfg, checkpoints) go to ``--workdir`` (default a temporary directory);
only the pruned best pipeline is copied to ``kg/models/ner-id/``.
"""
from __future__ import annotations

import argparse
import hashlib
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
REALNEWS_DEV = REPO / "eval" / "realnews" / "dev"
REALNEWS_CACHE = REPO / ".cache" / "realnews"
FOLD_SALT = "kg-ner-fold:"

# Same tag mapping as ../shared/eval/ner_score.py.
TYPES = {"PER": "PERSON", "PERSON": "PERSON", "PPL": "PERSON",
         "ORG": "ORGANIZATION", "ORGANISATION": "ORGANIZATION", "ORGANIZATION": "ORGANIZATION",
         "LOC": "PLACE", "LOCATION": "PLACE", "PLACE": "PLACE", "PLC": "PLACE"}
LABELS = ("PERSON", "ORGANIZATION", "PLACE")

Sentence = list[tuple[str, str]]
Span = tuple[int, int, str]
Item = tuple[str, set[Span]]
UNKNOWN = "UNKNOWN"  # a silver span that is neither a known entity nor known to be outside one
DOUBTFUL = "DOUBTFUL"  # a capitalised word no gold form covers that may be a name left out
REALNEWS_MODES = {"idner+realnews": "clean", "idner+realnews-persons": "persons",
                  "idner+realnews-exhaustive": "exhaustive"}  # variant: realnews_items' mode
GOLD_KINDS = (("persons", "PERSON"), ("organizations", "ORGANIZATION"), ("places", "PLACE"))


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


def idner_items(paths: list[Path]) -> list[Item]:
    """Read IOB2 files as (space-joined text, character spans) items."""
    return [gold_spans(sentence) for path in paths for sentence in read_corpus(path)]


def heldout(ident: str) -> bool:
    """Say whether a real-news dev article is in the held-out fold (about 1 in 5), by a salted
    hash of its id: fixed, and independent of the order the articles arrive in."""
    return int(hashlib.sha256((FOLD_SALT + ident).encode()).hexdigest(), 16) % 5 == 0


def _words(text: str) -> tuple[str, ...]:
    """Cut a written form into the words the model reads (kg.nlp.ner.model_tokens)."""
    from kg.nlp.ner import model_tokens

    return tuple(t.text for t in model_tokens(text))


def _title_word(word: str) -> bool:
    """Say whether a word is a title's, a rank's or the language's, not a name's own."""
    from kg.lexicons import load
    from kg.nlp.names import is_prefix
    from kg.nlp.vocabulary import is_vocabulary

    return is_prefix(word) or any(word in form.split() for form in load().roles) \
        or is_vocabulary(word)


def person_forms(written: list[str]) -> set[tuple[str, ...]]:
    """Return the words of a person's written forms (the name first) without honorifics, ranks
    and degrees, as idner-news-2k's persons are marked. A form holding the name and more
    ("Brigjend TNI Nama Orang", a rank misspelt) is dropped, so is another form behind a title
    ("Gubernur Adi" when "Adi" is a form): the name inside is marked, the title is not."""
    from kg.nlp.names import person
    from kg.nlp.tokens import tokenize

    bare = [_words(name.name) if (name := person(form, tokenize(form))) else () for form in written]
    name, forms = bare[0], set(bare) - {()}
    return {form for form in forms
            if not (name and len(form) > len(name)
                    and any(form[k:k + len(name)] == name for k in range(len(form))))
            and not any(form[k:] in forms and all(_title_word(w) for w in form[:k])
                        for k in range(1, len(form)))}


def entity_forms(gold: dict[str, Any]) -> dict[tuple[str, ...], set[str]]:
    """Map the words of each written form of the gold entities (name and aliases) to its types."""
    forms: dict[tuple[str, ...], set[str]] = {}
    for key, kind in GOLD_KINDS:
        for entity in gold.get(key, []):
            written = [entity["name"], *entity.get("aliases", [])]
            words = person_forms(written) if kind == "PERSON" else {_words(w) for w in written}
            for form in words - {()}:
                forms.setdefault(form, set()).add(kind)
    return forms


def _plainly_not_a_name(word: str) -> bool:
    """Say whether a capitalised word left unmarked is plainly no name: a word of the language,
    a title, rank, degree, qualifier ("Pj"), month, weekday, Roman numeral, collective ("ASN"),
    event ("Pilkada"), document ("Perda") or term ("APBD")."""
    from kg.lexicons import load
    from kg.nlp.names import is_degree
    from kg.nlp.vocabulary import is_roman

    lex = load()
    return (_title_word(word) or is_degree(word) or is_roman(word) or word in lex.months
            or word in lex.weekdays or word in lex.collectives or word.capitalize() in lex.qualifiers
            or word in lex.events or word in lex.documents or word in lex.terms)


def mark(words: list[str], forms: dict[tuple[str, ...], set[str]]) -> list[tuple[int, int, str]]:
    """Mark the forms' occurrences in a sentence's words, longest first, without overlaps, as
    (first word, end word, type) spans; a form of two types is UNKNOWN. Each capitalised word
    outside the forms, in a run of two capitalised words or more, that is not plainly no name is
    DOUBTFUL (the gold lists entities, not every mention: it may be one left out).
    """
    longest = max(map(len, forms), default=0)
    found = sorted(((i, i + n) for n in range(1, longest + 1) for i in range(len(words) - n + 1)
                    if tuple(words[i:i + n]) in forms), key=lambda se: (se[0] - se[1], se[0]))
    taken = [False] * len(words)
    spans = []
    for i, j in found:
        if not any(taken[i:j]):
            kinds = forms[tuple(words[i:j])]
            taken[i:j] = [True] * (j - i)
            spans.append((i, j, next(iter(kinds)) if len(kinds) == 1 else UNKNOWN))
    cap = [w[:1].isupper() for w in words]
    for k, word in enumerate(words):
        in_run = cap[k] and ((k and cap[k - 1]) or (k + 1 < len(words) and cap[k + 1]))
        if in_run and not taken[k] and not _plainly_not_a_name(word):
            spans.append((k, k + 1, DOUBTFUL))
    return sorted(spans)


def realnews_items(gold_dir: Path, cache: Path, mode: str
                   ) -> tuple[list[Item], list[Item], Counter[str]]:
    """Make silver items of the real-news dev articles, the training fold's and the held-out
    fold's: each sentence's words as kg's recogniser reads them, joined by single spaces, the
    gold entities' written forms marked (see `mark`).

    `mode` "clean": persons, organisations and places are marked, and a sentence with an UNKNOWN
    or DOUBTFUL span is left out. "persons": only persons are marked, organisations, places and
    DOUBTFUL words are UNKNOWN (spaCy learns nothing there), and every sentence is kept.
    "exhaustive": the gold is taken to list every entity (as ANNOTATION.md asks), so DOUBTFUL
    words are outside any, and every sentence is kept.
    """
    from kg.ingest.article import make_article
    from kg.nlp.ner import model_tokens
    from kg.nlp.sentences import split_sentences

    folds: dict[bool, list[Item]] = {False: [], True: []}
    stats: Counter[str] = Counter()
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        fold = heldout(gold["id"])
        text_path = cache / f"{gold['id']}.txt"
        if not text_path.is_file():
            stats["missing texts"] += 1
            continue
        name = "held-out" if fold else "training"
        stats[f"{name} articles"] += 1
        article = make_article(gold["id"], text_path.read_text(encoding="utf-8"), str(text_path), {})
        forms = entity_forms(gold)
        for sentence in split_sentences(article.text, article.noise):
            words = [t.text for t in model_tokens(article.text, sentence.start, sentence.end)]
            spans = [(i, j, UNKNOWN if kind == DOUBTFUL or mode == "persons" and kind != "PERSON"
                      else kind)
                     for i, j, kind in mark(words, forms)
                     if not (mode == "exhaustive" and kind == DOUBTFUL)]
            if mode == "clean" and any(kind == UNKNOWN for _, _, kind in spans):
                stats[f"{name} sentences left out"] += 1
                continue
            starts = [0]
            for word in words:
                starts.append(starts[-1] + len(word) + 1)
            folds[fold].append((" ".join(words), {(starts[i], starts[j] - 1, kind)
                                                  for i, j, kind in spans}))
            stats[f"{name} sentences"] += 1
            stats.update(f"{name} {kind}" for _, _, kind in spans)
    return folds[False], folds[True], stats


def to_docbin(items: list[Item], out: Path) -> dict[str, int]:
    """Make a spaCy DocBin of space-joined texts, spaCy-tokenised, with their entity spans (the
    UNKNOWN ones missing: neither an entity nor outside)."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("id")
    db = DocBin(store_user_data=False)
    stats: Counter[str] = Counter()
    for text, spans in items:
        doc = nlp.make_doc(text)
        ents, unknown = [], []
        for start, end, kind in sorted(spans):
            span = doc.char_span(start, end, label=kind, alignment_mode="strict")
            if span is None:  # spaCy cut a word otherwise than kg's model_tokens
                stats["misaligned"] += 1
                continue
            (unknown if kind == UNKNOWN else ents).append(span)
            stats[kind] += 1
        doc.set_ents(ents, missing=unknown, default="outside")
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


def score(nlp: Any, items: list[Item]) -> dict[str, tuple[float, float, float, int, int, int]]:
    """Score a pipeline exactly like ner_score.py: exact span + type on space-joined text (a
    silver item's UNKNOWN spans and what is found across them are not counted)."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for (_, spans), doc in zip(items, nlp.pipe([t for t, _ in items], batch_size=64), strict=True):
        unknown = [(s, e) for s, e, kind in spans if kind == UNKNOWN]
        gold = {span for span in spans if span[2] != UNKNOWN}
        found = {(e.start_char, e.end_char, TYPES[e.label_]) for e in doc.ents
                 if e.label_ in TYPES and not any(s < e.end_char and e.start_char < u
                                                  for s, u in unknown)}
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
    print(f"\n== {name}")
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
    ap.add_argument("--realnews-gold", type=Path, default=REALNEWS_DEV)
    ap.add_argument("--realnews-cache", type=Path, default=REALNEWS_CACHE)
    ap.add_argument("--variant", action="append",
                    choices=["idner", "idner+nergrit", *REALNEWS_MODES],
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
    dev_items = idner_items([args.idner_dev])
    print("dev:", to_docbin(dev_items, dev_path))
    silver: dict[str, tuple[list[Item], list[Item]]] = {}
    for variant in variants:
        if variant in REALNEWS_MODES:
            train_items, heldout_items, stats = realnews_items(
                args.realnews_gold, args.realnews_cache, REALNEWS_MODES[variant])
            silver[variant] = (train_items, heldout_items)
            print(f"real-news silver [{variant}]:", dict(sorted(stats.items())))

    results: dict[str, tuple[float, Path, dict[str, Any], float]] = {}
    for variant in variants:
        files = [args.idner_train] + ([args.nergrit_train] if variant == "idner+nergrit" else [])
        items = idner_items(files) + silver.get(variant, ([], []))[0]
        vdir = workdir / variant.replace("+", "_")
        train_path = vdir / "train.spacy"
        print(f"train [{variant}]:", to_docbin(items, train_path))
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
        result = score(spacy.load(model), dev_items)
        print_scores(f"idner dev: {variant} (trained in {minutes:.1f} min)", result)
        for name, (_, heldout_items) in silver.items():
            print_scores(f"real-news held-out fold, silver [{name}]: {variant}",
                         score(spacy.load(model), heldout_items))
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
    if best in REALNEWS_MODES:
        sources.append("kg's real-news dev set, eval/realnews/dev (our own annotations of public "
                       "news pages; the texts are not redistributed), training fold only: silver "
                       "mentions of the gold entities' written forms")
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
    again = score(spacy.load(args.output), dev_items)["micro"][2]
    print(f"installed model dev micro F1 {again:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
