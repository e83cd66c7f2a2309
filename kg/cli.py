"""The command line: a thin shell over the library, and the only place that prints or exits."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg import __version__
from kg.errors import UserError, one_line

if TYPE_CHECKING:  # the CLI imports what a command needs when it runs
    from kg.pipeline import Build, Workers
    from kg.records import Problem

DEFAULT_SOURCES = [Path("sources")]


def _sources(paths: list[Path]) -> list[Path]:
    """Return the given sources, or the default folder."""
    return paths or DEFAULT_SOURCES


def _export_formats() -> list[str]:
    """List the export formats."""
    from kg.network.export import FORMATS

    return sorted(FORMATS)


def _outputs(out: Path) -> str:
    """Name the files a build writes into `out`."""
    from kg.pipeline import OUTPUTS

    return " and ".join(f"{out}/{name}" for name in OUTPUTS)


def _report(problems: Sequence[Problem]) -> None:
    """Print each problem on one line of standard error."""
    for p in problems:
        print(f"kg: skipped {p.source}: {p.reason}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    """Build the graph and its outputs (graph.ttl, explorer.html) from the sources, extracting
    in local processes or on a Dask cluster."""
    if not args.cluster:
        return _build(args, None)
    from kg.cluster import connect

    with connect(args.cluster, args.jobs) as workers:
        return _build(args, workers)


def _build(args: argparse.Namespace, workers: Workers | None) -> int:
    """Build the outputs, or into a store, extracting on the workers given or in --jobs
    processes."""
    from kg.pipeline import all_cores, build
    from kg.viz.explorer import EXPLORER_MAX

    args.jobs = args.jobs or all_cores()
    args.explorer_max = EXPLORER_MAX if args.explorer_max is None else args.explorer_max
    if args.store:
        return cmd_build_store(args, workers)

    args.out = args.out or Path("build")
    result = build(_sources(args.sources), args.out, progress=True, max_bytes=args.max_bytes,
                   jobs=args.jobs, explorer_max=args.explorer_max, workers=workers, keep=False)
    _report(result.problems)
    if not result.articles:
        print("kg: nothing built: no readable article in the sources", file=sys.stderr)
        return 1
    print(f"built {_outputs(args.out)}: {result.articles} articles "
          f"read, {len(result.problems)} skipped, {result.entities} entities, {result.facts} "
          f"facts, {result.seconds:.1f} s")
    _overview_note(result, args)
    return 0


def _overview_note(result: Build, args: argparse.Namespace) -> None:
    """Say in one line when explorer.html is the overview, and how to explore the rest."""
    from kg.viz.explorer import HINT

    if result.explorer is not None and result.explorer.overview:
        print(f"kg: {args.out}/explorer.html shows the overview: the whole graph would draw "
              f"{result.explorer.nodes} nodes, above --explorer-max {args.explorer_max}; {HINT}")


def cmd_build_store(args: argparse.Namespace, workers: Workers | None = None) -> int:
    """Build into a persistent store (only new or changed articles are extracted), then the exports."""
    from kg.store.build import build_store

    result = build_store(_sources(args.sources), args.out, args.store, progress=True,
                         max_bytes=args.max_bytes, jobs=args.jobs, explorer_max=args.explorer_max,
                         workers=workers)
    _report(result.problems)
    if not result.articles:
        print("kg: nothing built: no readable article in the sources", file=sys.stderr)
        return 1
    if args.out is None:
        exports = "no exports asked for (--out DIR writes them from the store)"
    else:
        exports = f"{'wrote' if result.exported else 'kept (unchanged)'} {_outputs(args.out)}"
    print(f"built the store {args.store}: {result.articles} articles read, {len(result.problems)} "
          f"skipped, {result.extracted} extracted, {result.removed} removed, {result.graphs} graphs "
          f"written, {result.entities} entities, {result.facts} facts; {exports}, "
          f"{result.seconds:.1f} s")
    _overview_note(result, args)
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """Print each article's mentions and facts as one JSON line."""
    from kg.ingest.load import load_articles
    from kg.pipeline import extract_all
    from kg.rdf.serialize import extraction_json
    from kg.records import Problem

    articles, problems = load_articles(_sources(args.sources), args.max_bytes)
    _report(problems)
    done = 0
    for item in extract_all(articles, mentions=True):
        if isinstance(item, Problem):
            _report([item])
            continue
        print(json.dumps(extraction_json(item), ensure_ascii=False))
        done += 1
    if not done:
        print("kg: nothing extracted: no readable article in the sources", file=sys.stderr)
    return 0 if done else 1


def cmd_query(args: argparse.Namespace) -> int:
    """Run a SPARQL query over a graph file or a store and print its result."""
    from kg.store import params, query

    if args.list:
        for name, text in sorted(query.named().items()):
            print(params.summary(name, text))
        return 0
    if not args.query:
        print("kg: query: give SPARQL text, a .rq file or a named question (--list)", file=sys.stderr)
        return 2
    sparql = params.bind(query.resolve(args.query), params.parse(args.param))
    if args.store:  # straight from Oxigraph to the writer: no rdflib to import
        print(query.render(query.run_store(args.store, sparql), args.format))
        return 0
    from kg.rdf.files import read_graph
    from kg.rdf.tokens import add_tokens

    graph = add_tokens(read_graph(args.graph))
    print(query.render(query.run(graph, sparql), args.format))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate a graph against the SHACL shapes; exit 1 on violations."""
    from kg.rdf.files import read_graph
    from kg.rdf.validate import validate

    report = validate(read_graph(args.graph))
    for line in report.violations:
        print(line)
    print(f"{args.graph}: {'conforms' if report.conforms else f'{len(report.violations)} violations'}")
    return 0 if report.conforms else 1


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve a store as a read-only SPARQL endpoint until interrupted."""
    from kg.store.serve import serve

    serve(args.store, args.host, args.port, args.timeout, args.limit, args.cors, args.jobs)
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    """Load the graph (or a store's named graphs) into a SPARQL 1.1 Graph Store."""
    from kg.store.push import push

    done = push(args.endpoint, store=args.store, graph=args.graph, into=args.into,
                timeout=args.timeout)
    print(f"pushed {done.graphs} graphs, {done.triples} triples to {args.endpoint}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score the extractor against hand-made gold facts; exit 1 below a floor."""
    from kg.quality.diagnose import summary
    from kg.quality.evaluate import evaluate, floors_missed

    gold, sources = args.gold, args.sources
    if args.split:
        gold = Path("eval/realnews") / args.split
        sources = sources or [Path(".cache/realnews")]
        if not gold.is_dir() or not sources[0].is_dir():
            print(f"kg eval --split {args.split}: needs {gold}/ and the cache of real article "
                  f"texts in {sources[0]}/ (see eval/realnews/README.md)", file=sys.stderr)
            return 2
    scores, findings, log = evaluate(gold, _sources(sources), args.max_bytes)
    for line in log:
        print(line, file=sys.stderr)
    if args.verbose:
        print("\n".join(f.line() for f in findings))
        print("\nerrors by cause (biggest first):")
        print("\n".join(summary(findings)))
        print()
    for kind, (p, r, f) in scores.items():
        print(f"{kind:<14}P {p:.2f}  R {r:.2f}  F1 {f:.2f}")
    missed = floors_missed(scores, args.min_f1)
    for line in missed:
        print(f"below floor: {line}", file=sys.stderr)
    return 1 if missed else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the graph in another format."""
    from kg.network.export import FORMATS, export
    from kg.rdf.files import read_graph

    out = args.out or args.graph.with_suffix(FORMATS[args.format][1])
    if args.store:
        from kg.network.export import NAMED_GRAPHS
        from kg.store.exports import UNION, write_union
        from kg.store.oxigraph import dataset, open_store, union_graph

        store = open_store(args.store, read_only=True)
        if args.format in UNION:  # written by Oxigraph, no term through rdflib
            write_union(store, args.format, out)
            print(f"wrote {out}")
            return 0
        graph = dataset(store) if args.format in NAMED_GRAPHS else union_graph(store)
    else:
        graph = read_graph(args.graph)
    export(graph, args.format, out)
    print(f"wrote {out}")
    return 0


def cmd_explore(args: argparse.Namespace) -> int:
    """Write an offline explorer page of a slice of a store: around a name, a region and a
    month, an official's timeline, or the overview."""
    from kg.rdf.files import write_atomically
    from kg.store.oxigraph import open_store
    from kg.viz.explorer import render_slice
    from kg.viz.slices import LIMIT, Spec, take

    spec = Spec(around=args.around, hops=args.hops, region=args.region, month=args.month,
                timeline=args.timeline, overview=args.overview)
    try:
        spec.checked()
    except UserError as err:
        print(f"kg: explore: {err}", file=sys.stderr)
        return 2
    store = open_store(args.store, read_only=True)
    found = take(store, spec)
    del store
    write_atomically(args.out, render_slice(found))
    events = spec.region is not None or spec.month is not None
    seeds = "organisations" if spec.overview else "events" if events else "named so"
    note = f"; cut at {LIMIT} entities" if found.cut and not spec.overview else ""
    print(f"wrote {args.out}: {spec.title()}: {len(found.seeds)} {seeds}, {len(found.graph)} "
          f"triples{note}")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    """Explain how the mentions of a name became one entity."""
    from kg.identity.explain import explain
    from kg.pipeline import extract_and_unify

    extractions, problems, merges = extract_and_unify(_sources(args.sources))
    _report(problems)
    print("\n".join(explain(args.name, extractions, merges)))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """List the conflicts between reports: two dates for one event, two holders of one post."""
    from kg.identity.report import report
    from kg.pipeline import extract_sources

    extractions, problems = extract_sources(_sources(args.sources))
    _report(problems)
    lines = report(extractions)
    print("\n".join(lines) if lines else "no conflicts")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Print the network measures of a graph as text tables or JSON."""
    from kg.network.stats import stats, to_json
    from kg.network.stats_text import to_text
    from kg.rdf.files import read_graph

    found = stats(read_graph(args.graph), top=args.top)
    print(to_json(found) if args.format == "json" else to_text(found))
    return 0


def _jobs(text: str) -> int:
    """Read a number of processes: a whole number, at least 1."""
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return jobs


def _max_bytes(command: argparse.ArgumentParser) -> None:
    """Add the per-article size limit to a command that reads sources."""
    from kg.ingest import MAX_BYTES

    command.add_argument("--max-bytes", type=int, default=MAX_BYTES, metavar="N",
                         help="most bytes of one article (a text file, an HTML page, a JSON "
                              "line); bigger ones are reported and skipped (default: %(default)s)")


def parser() -> argparse.ArgumentParser:
    """Describe the commands and their options."""
    ap = argparse.ArgumentParser(prog="kg", description="Knowledge graphs of officials, "
                                 "institutions, events and places from Indonesian regional news.")
    ap.add_argument("--version", action="version", version=f"kg {__version__}")
    ap.add_argument("--debug", action="store_true", help="show the traceback of an error")
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build graph.ttl and explorer.html from articles")
    b.add_argument("sources", nargs="*", type=Path, help="files or folders (default: sources/)")
    b.add_argument("--out", type=Path, help="output folder (default: build/; with --store, the "
                   "exports are written only when --out is given)")
    b.add_argument("--store", type=Path, help="persistent store folder: extract only new or changed "
                   "articles, remove deleted ones (needs kg[store])")
    b.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                   help="extract in N processes (default: one per core); the outputs are the same")
    b.add_argument("--explorer-max", type=int, default=None, metavar="N",
                   help="above N nodes, explorer.html is the overview (the organisations with the "
                        "most members and their regions), not the whole graph (default: 3000)")
    b.add_argument("--cluster", metavar="ADDRESS", help="extract on a Dask cluster: its scheduler's "
                   "address (tcp://host:8786), or 'local' for one on this machine of --jobs "
                   "processes; the outputs are the same (needs kg[cluster])")
    _max_bytes(b)
    b.set_defaults(run=cmd_build)
    e = sub.add_parser("extract", help="print each article's mentions and facts as JSON lines")
    e.add_argument("sources", nargs="*", type=Path, help="files or folders (default: sources/)")
    e.add_argument("--format", choices=["jsonl"], default="jsonl")
    _max_bytes(e)
    e.set_defaults(run=cmd_extract)
    q = sub.add_parser("query", help="run SPARQL (text, .rq file or named question) over a graph")
    q.add_argument("query", nargs="?", help="SPARQL text, a .rq file, or a named question")
    q.add_argument("--graph", type=Path, default=Path("build/graph.ttl"))
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.add_argument("--list", action="store_true", help="list the named questions")
    q.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                   help="bind a named question's parameter (see --list), as an RDF literal")
    q.add_argument("--store", type=Path, help="query a store made by kg build --store instead of a "
                   "graph file (needs kg[store])")
    q.set_defaults(run=cmd_query)
    v = sub.add_parser("validate", help="check a graph against the SHACL shapes")
    v.add_argument("graph", type=Path, nargs="?", default=Path("build/graph.ttl"))
    v.set_defaults(run=cmd_validate)
    x = sub.add_parser("export", help="write the graph in another format (for Gephi, other stores)")
    x.add_argument("--graph", type=Path, default=Path("build/graph.ttl"))
    x.add_argument("--format", required=True, choices=_export_formats())
    x.add_argument("--out", type=Path, help="output file (default: the graph's name, new suffix)")
    x.add_argument("--store", type=Path, help="export a store made by kg build --store, one named "
                   "graph per article (in trig, nquads, jsonld), instead of --graph")
    x.set_defaults(run=cmd_export)
    xp = sub.add_parser("explore", help="write an offline explorer page of a slice of a store")
    xp.add_argument("--store", type=Path, required=True, help="a store made by kg build --store")
    xp.add_argument("--around", metavar="NAME", help="the persons and organisations named with "
                    "every word of NAME, and what lies --hops facts around them")
    xp.add_argument("--hops", type=int, default=1, help="how many facts out (default: 1)")
    xp.add_argument("--region", metavar="R", help="the events held in a region (words of its "
                    "name, or its Kemendagri code) or a place inside it, and what lies --hops "
                    "facts around them")
    xp.add_argument("--month", metavar="YYYY-MM", help="the events of a month (with --region: "
                    "there)")
    xp.add_argument("--timeline", metavar="NAME", help="an official's timeline: the roles and "
                    "events of the persons named so, by date")
    xp.add_argument("--overview", action="store_true", help="the organisations with the most "
                    "members, and the regions they serve")
    xp.add_argument("--out", type=Path, default=Path("build/explore.html"),
                    help="the page (default: build/explore.html)")
    xp.set_defaults(run=cmd_explore)
    ex = sub.add_parser("explain", help="show the names an entity was written with and why merged")
    ex.add_argument("name", help="a name or part of one (any alias)")
    ex.add_argument("sources", nargs="*", type=Path, help="files or folders (default: sources/)")
    ex.set_defaults(run=cmd_explain)
    rp = sub.add_parser("report", help="list conflicts: two dates for an event, two holders of a post")
    rp.add_argument("sources", nargs="*", type=Path, help="files or folders (default: sources/)")
    rp.set_defaults(run=cmd_report)
    st = sub.add_parser("stats", help="central persons and organisations, co-attendance, "
                        "communities, per-place counts (networkx)")
    st.add_argument("--graph", type=Path, default=Path("build/graph.ttl"))
    st.add_argument("--top", type=int, default=10, help="rows per list (default: 10)")
    st.add_argument("--format", choices=["text", "json"], default="text")
    st.set_defaults(run=cmd_stats)
    sv = sub.add_parser("serve", help="serve a store as a read-only SPARQL 1.1 endpoint")
    sv.add_argument("--store", type=Path, required=True, help="a store made by kg build --store")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    sv.add_argument("--port", type=int, default=7878, help="port (default: 7878; 0: any free one)")
    sv.add_argument("--timeout", type=float, default=30, help="query timeout in seconds (default: 30)")
    sv.add_argument("--limit", type=int, default=10000,
                    help="most results (rows or triples) a query returns (default: 10000)")
    sv.add_argument("--cors", action="store_true", help="let web pages of other origins query it")
    sv.add_argument("--jobs", type=int, default=8, help="queries run at once (default: 8); "
                    "others wait their turn within --timeout")
    sv.set_defaults(run=cmd_serve)
    pu = sub.add_parser("push", help="load the graph into a SPARQL 1.1 Graph Store (Oxigraph, "
                        "Fuseki, GraphDB)")
    pu.add_argument("--endpoint", required=True, help="the Graph Store Protocol URL, e.g. "
                    "http://127.0.0.1:7878/store")
    pu.add_argument("--store", type=Path, help="push a store's named graphs, one per article")
    pu.add_argument("--graph", type=Path, default=Path("build/graph.ttl"),
                    help="push a graph file when no --store is given (default: build/graph.ttl)")
    pu.add_argument("--into", help="named graph IRI to put a graph file in (default: the "
                    "default graph)")
    pu.add_argument("--timeout", type=float, default=60, help="seconds per request (default: 60)")
    pu.set_defaults(run=cmd_push)
    s = sub.add_parser("eval", help="score extraction against gold facts (JSON, as in dev-gold)")
    s.add_argument("sources", nargs="*", type=Path, help="files or folders (default: sources/)")
    s.add_argument("--gold", type=Path, default=Path("tests/data/gold"))
    s.add_argument("--split", choices=("dev", "test"),
                   help="score a split of the real-news set: gold from eval/realnews/SPLIT, texts "
                        "from .cache/realnews unless SOURCES are given")
    s.add_argument("--min-f1", action="append", default=[], metavar="KIND=F1",
                   help="fail when a kind's F1 falls below the floor")
    s.add_argument("--verbose", action="store_true", help="list misses and spurious facts")
    _max_bytes(s)
    s.set_defaults(run=cmd_eval)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; a failure is one line on standard error and an exit code that the
    README's "Limits and guarantees" lists; --debug shows its traceback."""
    args = parser().parse_args(argv)
    try:
        code = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here when the output was short
        return code
    except BrokenPipeError:  # `kg stats | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except Exception as err:
        if args.debug:
            raise
        if isinstance(err, (UserError, OSError)):  # the user's mistake, or the system's refusal
            print(f"kg: {args.command}: {one_line(err, 1000)}", file=sys.stderr)
            return 1
        print(f"kg: {args.command}: internal error ({type(err).__name__}: {one_line(err)}); "
              f"kg --debug {args.command} ... shows where", file=sys.stderr)
        return 3
