"""Benchmark: load time and named-question latency at about a million triples, for the in-memory
rdflib graph (what `kg query --graph` uses) and the persistent Oxigraph store (`--store`).

The data are synthetic and follow docs/data-model.md: articles with their evidence sentences,
memberships with their intervals and days, events with their places and dates, participations,
and persons, organisations and places merged across articles. Each article's facts go in a
named graph of their own, the entities in one more graph, and the name-token key in another,
as `kg build --store` makes them.

    python bench/store_bench.py [--articles 7200] [--timeout 300] [--runs 3] [--keep DIR]
                                [--no-memory] [--check] [--reuse] [--breakdown]
                                [--no-serve] [--serve-timeout SECONDS]

Each question is timed in the store four ways: in this process as `kg query --store` answers
it (kg.store.query.run_store: a question without parameters by its listing form, or for
co-attendance from its pairs form, kg.store.pairs; the ORDER BY done in Python; wall and CPU
time: the CPU time is the work, whatever else the machine runs), end to end through `kg query
--store` in a process of its own (the median of --runs, each stopped after --timeout),
through a warm `kg serve` on the same store, started once (an HTTP request from sending the
query to the last byte of its CSV answer, the median of --runs, each stopped after
--serve-timeout; a question is sent as its text, as a client sends it: without parameters,
`kg serve` answers it as `kg query --store` does; and the served explorer's search for the
sample person, the query its search box sends), and on the in-memory graph (stopped after
--timeout). With --check, the question as written is also run by Oxigraph alone (its own
joins and sort: what `kg query` did before), timed, and its rows compared with run_store's:
the same rows, in the same order of the ORDER BY's columns. --reuse with --keep queries the
store kept by an earlier run. At ten million triples (--articles 72000) an rdflib graph
needs more memory and time than the machine has to spare: --no-memory leaves it out (and the
N-Triples file it is parsed from). It prints one line per figure; nothing here is a test.
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import multiprocessing
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

KG = "https://w3id.org/kg-news/ontology#"
KGR = "https://w3id.org/kg-news/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SDO = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
FOAF = "http://xmlns.com/foaf/0.1/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
TIME = "http://www.w3.org/2006/time#"
DCT = "http://purl.org/dc/terms/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
SYLLABLES = ["ar", "di", "su", "na", "ma", "ha", "ri", "to", "wi", "ja", "ya", "ra", "nu", "sa",
             "ti", "ka", "lu", "de", "bu", "an", "hen", "dra", "yan", "sya", "put", "ri", "win"]
ROLES = ["Kepala", "Ketua", "Bupati", "Wakil Bupati", "Komandan", "Sekretaris", "Camat", "Anggota"]
ORG_KINDS = ["Kejaksaan Negeri", "Kepolisian Resor", "Komisi Pemilihan Umum", "Badan Pengawas "
             "Pemilu", "Pemerintah Kabupaten", "Dinas Kesehatan", "Komando Distrik Militer",
             "Dewan Perwakilan Rakyat Daerah"]
EVENT_KINDS = ["Declaration", "Inauguration", "Meeting", "Ceremony", "Agreement", "Visit"]
EVENT_WORDS = ["Deklarasi netralitas", "Pelantikan", "Rapat koordinasi", "Upacara",
               "Penandatanganan nota kesepahaman", "Kunjungan kerja", "Sosialisasi"]


def iri(value: str) -> str:
    """Write an IRI term."""
    return f"<{value}>"


def lit(value: str, datatype: str | None = None) -> str:
    """Write a literal term (the values made here hold no quote or backslash)."""
    return f'"{value}"' + (f"^^<{XSD}{datatype}>" if datatype else "")


def name(rng: random.Random, words: int = 2) -> str:
    """Make a name of a few made-up words."""
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
                    for _ in range(words))


class Corpus:
    """Synthetic entities: places in three levels, organisations serving them, persons."""

    def __init__(self, rng: random.Random, articles: int) -> None:
        self.rng = rng
        self.provinces = [f"{p:02d}" for p in range(11, 45)]
        self.regencies = [f"{p}.{r:02d}" for p in self.provinces for r in range(1, 16)]
        self.districts = [f"{r}.{d:02d}" for r in self.regencies for d in range(1, 13)]
        self.place_names = {code: name(rng, 1) for code in self.provinces + self.regencies +
                            self.districts}
        self.orgs = [(f"org/{k}/{r}", f"{kind} {self.place_names[r]}", r)
                     for r in self.regencies for k, kind in enumerate(ORG_KINDS)]
        self.persons = [(f"person/p{n}", name(rng, rng.choice((2, 2, 3)))) for n in
                        range(articles * 2)]
        self.sample: dict[str, str] = {}

    def place_quads(self, graph: str) -> Iterator[str]:
        """Describe every place, its code, level and the place it lies in."""
        levels = [(self.provinces, "Province", "Provinsi"),
                  (self.regencies, "Regency", "Kabupaten"),
                  (self.districts, "District", "Kecamatan")]
        for codes, level, word in levels:
            for code in codes:
                node = iri(f"{KGR}place/{code}")
                yield from quads(graph, node, [
                    (f"{RDF}type", iri(f"{SDO}Place")),
                    (f"{RDF}type", iri(f"{SDO}AdministrativeArea")),
                    (f"{RDFS}label", lit(f"{word} {self.place_names[code]}")),
                    (f"{SKOS}altLabel", lit(self.place_names[code])),
                    (f"{DCT}identifier", lit(code)), (f"{KG}placeLevel", iri(f"{KG}{level}"))])
                if "." in code:
                    yield from quads(graph, node, [(f"{SDO}containedInPlace",
                                                    iri(f"{KGR}place/{code.rsplit('.', 1)[0]}"))])


def quads(graph: str, subject: str, pairs: list[tuple[str, str]]) -> Iterator[str]:
    """Write N-Quads lines of one subject in one graph."""
    for predicate, obj in pairs:
        yield f"{subject} <{predicate}> {obj} {graph} .\n"


def article_quads(c: Corpus, n: int, sources: dict[str, set[int]]) -> Iterator[str]:
    """Describe one article: itself, its sentences, holdings, an event and who took part."""
    rng, aid = c.rng, f"a{n:06d}"
    graph, art = iri(f"{KGR}graph/article/{aid}"), f"{KGR}article/{aid}"
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    yield from quads(graph, iri(art), [
        (f"{RDF}type", iri(f"{SDO}NewsArticle")), (f"{RDF}type", iri(f"{PROV}Entity")),
        (f"{DCT}identifier", lit(aid)), (f"{SDO}headline", lit(f"Berita {name(rng, 3)}")),
        (f"{SDO}datePublished", lit(day, "date"))])
    sentences = []
    for s in range(4):
        node = f"{art}/s{s * 200}-{s * 200 + 180}"
        sentences.append(node)
        yield from quads(graph, iri(node), [
            (f"{RDF}type", iri(f"{NIF}Sentence")), (f"{RDF}type", iri(f"{KG}Evidence")),
            (f"{NIF}beginIndex", lit(str(s * 200), "nonNegativeInteger")),
            (f"{NIF}endIndex", lit(str(s * 200 + 180), "nonNegativeInteger")),
            (f"{NIF}anchorOf", lit(f"Kalimat {s} dari {name(rng, 4)}.")),
            (f"{SDO}isPartOf", iri(art))])
    region = rng.choice(c.regencies)
    local = [o for o in c.orgs if o[2] == region]
    people = rng.sample(c.persons, 6)
    if n == 0:  # the first article gives the parameters the benchmark asks with
        c.sample = {"person": people[0][1].split()[-1], "region": c.place_names[region[:2]],
                    "month": day[:7]}
    for person, org in zip(people[:3], rng.sample(local, 3), strict=True):
        sources.setdefault(person[0], set()).add(n)
        sources.setdefault(org[0], set()).add(n)
        role = rng.choice(ROLES)
        member = f"{KGR}membership/{abs(hash((person[0], role, org[0]))) % 10**12:012d}"
        yield from quads(graph, iri(member), [
            (f"{RDF}type", iri(f"{ORG}Membership")), (f"{ORG}member", iri(KGR + person[0])),
            (f"{ORG}organization", iri(KGR + org[0])),
            (f"{ORG}role", iri(f"{KGR}role/{role.lower().replace(' ', '-')}")),
            (f"{ORG}memberDuring", iri(f"{member}/during")), (f"{KG}holdingStatus", lit("current")),
            (f"{PROV}wasDerivedFrom", iri(sentences[0]))])
        yield from quads(graph, iri(f"{member}/during"), [
            (f"{RDF}type", iri(f"{TIME}Interval")), (f"{TIME}inside", iri(f"{KGR}date/{day}"))])
    event = f"{KGR}event/{aid}-e"
    kind = rng.randrange(len(EVENT_KINDS))
    yield from quads(graph, iri(event), [
        (f"{RDF}type", iri(f"{SDO}Event")), (f"{RDF}type", iri(f"{KG}{EVENT_KINDS[kind]}")),
        (f"{RDFS}label", lit(f"{EVENT_WORDS[kind]} {name(rng, 1)}")),
        (f"{SDO}startDate", lit(day, "date")),
        (f"{SDO}location", iri(f"{KGR}place/{region}.{rng.randint(1, 12):02d}")),
        (f"{SDO}subjectOf", iri(art)), (f"{PROV}wasDerivedFrom", iri(sentences[1]))])
    participants = [p[0] for p in people] + [o[0] for o in local[:3]]
    for who in participants:
        sources.setdefault(who, set()).add(n)
        role = rng.choice(("Attendee", "Attendee", "Speaker", "Organizer"))
        part = f"{KGR}participation/{aid}-{who.replace('/', '-')}"
        yield from quads(graph, iri(event), [(f"{SDO}attendee", iri(KGR + who))])
        yield from quads(graph, iri(part), [
            (f"{RDF}type", iri(f"{KG}Participation")), (f"{KG}event", iri(event)),
            (f"{KG}participant", iri(KGR + who)), (f"{KG}participationRole", iri(f"{KG}{role}")),
            (f"{PROV}wasDerivedFrom", iri(sentences[2]))])


def entity_quads(c: Corpus, sources: dict[str, set[int]]) -> Iterator[str]:
    """Describe the merged entities: persons, organisations, roles and days, in one graph."""
    graph = iri(f"{KGR}graph/entities")
    yield from c.place_quads(graph)
    for key, label in c.persons:
        if key in sources:
            yield from quads(graph, iri(KGR + key), [
                (f"{RDF}type", iri(f"{FOAF}Person")), (f"{RDF}type", iri(f"{SDO}Person")),
                (f"{RDFS}label", lit(label)), (f"{SKOS}altLabel", lit(f"H. {label}, S.H."))] +
                [(f"{PROV}wasDerivedFrom", iri(f"{KGR}article/a{n:06d}"))
                 for n in sorted(sources[key])])
    for key, label, region in c.orgs:
        if key in sources:
            yield from quads(graph, iri(KGR + key), [
                (f"{RDF}type", iri(f"{ORG}Organization")),
                (f"{RDF}type", iri(f"{ORG}FormalOrganization")),
                (f"{RDFS}label", lit(label)), (f"{SDO}areaServed", iri(f"{KGR}place/{region}"))])
    for role in ROLES:
        yield from quads(graph, iri(f"{KGR}role/{role.lower().replace(' ', '-')}"), [
            (f"{RDF}type", iri(f"{ORG}Role")), (f"{RDFS}label", lit(role))])
    for month in range(1, 13):
        for d in range(1, 29):
            day = f"2024-{month:02d}-{d:02d}"
            yield from quads(graph, iri(f"{KGR}date/{day}"), [
                (f"{RDF}type", iri(f"{TIME}Instant")), (f"{TIME}inXSDDate", lit(day, "date"))])


def generate(folder: Path, articles: int, triples: bool = True
             ) -> tuple[Path, Path, int, Corpus]:
    """Write the corpus as N-Quads (named graphs) and, if `triples`, N-Triples; return both
    paths and the count."""
    rng = random.Random(6)
    corpus, sources = Corpus(rng, articles), {}
    nq, nt, count = folder / "corpus.nq", folder / "corpus.nt", 0
    with nq.open("w", encoding="utf-8") as q, \
            (nt.open("w", encoding="utf-8") if triples else open(os.devnull, "w")) as t:
        for line in itertools.chain.from_iterable(itertools.chain(
                (article_quads(corpus, n, sources) for n in range(articles)),
                [entity_quads(corpus, sources)])):
            q.write(line)
            if triples:
                t.write(line[:line.rindex(" <")] + " .\n")
            count += 1
    return nq, nt, count, corpus


def questions(corpus: Corpus) -> list[tuple[str, dict[str, str]]]:
    """Pick the named questions to time, with parameters that find something."""
    person, region, month = (corpus.sample[k] for k in ("person", "region", "month"))
    return [("holdings", {}), ("events", {}), ("attendance", {}), ("role-holders", {}),
            ("event-attendees", {}), ("institutions-at-events", {}), ("timeline", {}),
            ("co-attendance", {}),
            ("role-holders", {"role": "Kepala", "region": region}),
            ("event-attendees", {"event": "Deklarasi", "month": month}),
            ("timeline", {"person": person}),
            ("institutions-at-events", {"region": region, "month": month}),
            ("co-attendance", {"participant": person})]


def timed(run: Callable[[], int]) -> tuple[float, int]:
    """Run and time one query to its last row; return seconds and rows."""
    started = time.perf_counter()
    rows = run()
    return time.perf_counter() - started, rows


def cpu_timed(run: Callable[[], int]) -> tuple[float, float, int]:
    """Run one query to its last row; return wall seconds, this process's CPU seconds and rows."""
    cpu = time.process_time()
    seconds, rows = timed(run)
    return seconds, time.process_time() - cpu, rows


def end_to_end(folder: Path, question: str, params: dict[str, str], runs: int,
               timeout: float) -> str:
    """Time `kg query QUESTION --store FOLDER` in processes of their own: the medians of the runs'
    wall time and CPU time (user and system: the process's own work, whatever else runs); a run
    is stopped after `timeout`."""
    command = [sys.executable, "-m", "kg", "query", question, "--store", str(folder),
               "--format", "csv", *(a for k, v in params.items() for a in ("--param", f"{k}={v}"))]
    seconds, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        try:
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, timeout=timeout)
        except subprocess.TimeoutExpired:
            return f"  > {timeout:.0f} s (stopped)"
        seconds.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return f"{statistics.median(seconds):7.3f} s (CPU {statistics.median(cpu):6.3f} s)"


class Served:
    """A warm `kg serve` on the benchmark's store: started once, asked over HTTP, stopped."""

    def __init__(self, folder: Path, timeout: float) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--store", str(folder), "--port", "0",
             "--timeout", f"{timeout:g}", "--limit", str(10**9), "--jobs", "1"],
            stdout=subprocess.PIPE, text=True)
        assert self.process.stdout
        announced = self.process.stdout.readline()  # "kg: SPARQL endpoint http://.../query ..."
        found = re.search(r"(http://\S+/query)", announced)
        if not found:
            self.stop()
            raise OSError(f"kg serve did not start: {announced!r}")
        self.url, self.timeout = found.group(1), timeout

    def cpu(self) -> float:
        """The server's CPU seconds so far, with those of the query processes it has waited for
        and of those still running, its warm workers (user and system; /proc/PID/stat's utime,
        stime, cutime and cstime)."""
        ticks = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:  # gone meanwhile
                continue
            if stat.parent.name == str(self.process.pid):
                ticks += sum(int(fields[i]) for i in (11, 12, 13, 14))
            elif fields[1] == str(self.process.pid):
                ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")

    def ask(self, sparql: str) -> int:
        """Send one query and read its CSV answer to the last byte; return its rows."""
        from kg.rdf.prefixes import IRIS

        text = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in IRIS.items()) + sparql
        request = urllib.request.Request(self.url, data=text.encode("utf-8"), headers={
            "Content-Type": "application/sparql-query", "Accept": "text/csv"})
        with urllib.request.urlopen(request, timeout=self.timeout + 10) as response:
            body = response.read().decode("utf-8")
        return len(list(csv.reader(io.StringIO(body)))) - 1

    def time(self, sparql: str, runs: int) -> str:
        """The medians of the runs' wall time (request to last byte) and CPU time (the server's,
        its query process's and this process's)."""
        seconds, cpu, rows = [], [], 0
        for _ in range(runs):
            before, mine = self.cpu(), time.process_time()
            try:
                wall, rows = timed(lambda: self.ask(sparql))
            except urllib.error.HTTPError as err:
                if err.code == 504:
                    return f"  > {self.timeout:.0f} s (stopped)"
                return f"  failed: {err}"
            seconds.append(wall)
            mine = time.process_time() - mine  # before reading /proc, which costs this process
            cpu.append(self.cpu() - before + mine)
        return (f"{statistics.median(seconds):7.3f} s (CPU {statistics.median(cpu):6.3f} s) "
                f"{rows:>7} rows")

    def stop(self) -> None:
        """Stop the server (it kills a query still running)."""
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def engine_alone(store: object, sparql: str, run: Callable[[], list[list[str]]]
                 ) -> str:
    """Run the question as written by Oxigraph alone, timed, and compare its rows with those
    `run` gives: the same rows, and the same values in the ORDER BY's columns row by row (rows
    tied in all of them may come in any order)."""
    from kg.rdf.prefixes import IRIS
    from kg.store.query import split_order

    def read() -> list[list[str]]:
        result = store.query(sparql, prefixes=IRIS,  # type: ignore[attr-defined]
                             use_default_graph_as_union=True)
        return [["" if t is None else t.value for t in row] for row in result]

    cpu = time.process_time()
    seconds, expected = timed_rows(read)
    cpu = time.process_time() - cpu
    found = run()
    keys = [v for v, _ in split_order(sparql)[1]]
    columns = [v.value for v in store.query(sparql, prefixes=IRIS,  # type: ignore[attr-defined]
                                             use_default_graph_as_union=True).variables]
    at = [columns.index(v) for v in keys]
    same = sorted(found) == sorted(expected) and \
        [[r[i] for i in at] for r in found] == [[r[i] for i in at] for r in expected]
    return f"as written, Oxigraph alone {seconds:8.3f} s (CPU {cpu:7.3f} s): " + \
        ("the same rows in the same order" if same else "ROWS DIFFER")


def timed_rows(read: Callable[[], list[list[str]]]) -> tuple[float, list[list[str]]]:
    """Time reading rows."""
    started = time.perf_counter()
    rows = read()
    return time.perf_counter() - started, rows


def breakdown(folder: Path, question: str) -> str:
    """Say where the CPU time of a question without parameters goes, as `kg query --store
    --format csv` answers it: the engine's joins alone (its rows counted, no value read), then
    reading the rows' values (Oxigraph writing them as TSV, each distinct one read as a term
    once: kg.store.query.Table), ordering them (for a question kg pairs itself, pairing,
    counting and ordering the pairs, kg.store.pairs), and making them text and CSV."""
    from kg.rdf.prefixes import IRIS
    from kg.spill import collector_held
    from kg.store.database import open_store
    from kg.store.query import Answer, Table, listing, pairs_form, render, split_order

    paired = pairs_form(question) != question
    body, keys = (pairs_form(question), []) if paired else split_order(listing(question))
    store = open_store(folder, read_only=True)

    def cpu(run: Callable[[], object]) -> tuple[float, Any]:
        started = time.process_time()
        with collector_held():
            found = run()
        return time.process_time() - started, found

    joins, _ = cpu(lambda: list(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ {body} }} }}",
                                            prefixes=IRIS, use_default_graph_as_union=True)))
    read, table = cpu(lambda: Table.read(store.query(body, prefixes=IRIS,
                                                     use_default_graph_as_union=True)))
    found = len(table.rows)
    if paired:
        ordered, table = cpu(lambda: table.paired(question, True))
    else:
        ordered, _ = cpu(lambda: table.order([(table.columns.index(v), desc)
                                              for v, desc in keys]))
    written, _ = cpu(lambda: render(Answer(table.columns, table.text()), "csv"))
    return (f"CPU: joins {joins:6.3f} s, + reading the values {read - joins:6.3f} s, "
            f"+ {'pairing and ordering' if paired else 'ordering'} them {ordered:6.3f} s, "
            f"+ making text and CSV {written:6.3f} s ({found} rows read, {len(table.rows)} "
            f"written)")


def _rdflib_child(graph: object, sparql: str, pipe: object) -> None:
    """Run one query in a forked child and send back its time and row count."""
    from kg.store.query import run

    pipe.send(timed(lambda: sum(1 for _ in run(graph, sparql))))  # type: ignore[attr-defined]


def rdflib_latency(graph: object, sparql: str, timeout: float) -> str:
    """Time a query on the in-memory graph in a forked child, given up after `timeout`."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_rdflib_child, args=(graph, sparql, send))
    child.start()
    if receive.poll(timeout):
        seconds, rows = receive.recv()
        child.join()
        return f"{seconds:8.2f} s  {rows:>7} rows"
    child.kill()
    child.join()
    return f"  > {timeout:.0f} s (stopped)"


def main() -> int:
    """Generate, load and query; print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=7200,
                    help="synthetic articles (default 7200: about 1M triples)")
    ap.add_argument("--timeout", type=float, default=300,
                    help="seconds per in-memory query and per `kg query` run")
    ap.add_argument("--runs", type=int, default=3, help="runs of each `kg query` (the median)")
    ap.add_argument("--keep", type=Path, help="keep the data and the store in this folder")
    ap.add_argument("--no-memory", action="store_true",
                    help="leave out the in-memory rdflib graph (for ten million triples)")
    ap.add_argument("--check", action="store_true", help="also run each question as written "
                    "by Oxigraph alone, timed, and compare its rows")
    ap.add_argument("--breakdown", action="store_true", help="for each question without "
                    "parameters, where its CPU time goes: joins, reading the values, sorting, "
                    "writing CSV")
    ap.add_argument("--reuse", action="store_true", help="with --keep: query the store an "
                    "earlier run kept instead of making it again")
    ap.add_argument("--no-serve", action="store_true", help="leave out the warm `kg serve`")
    ap.add_argument("--serve-timeout", type=float, help="seconds per query through `kg serve` "
                    "(its --timeout; default: --timeout)")
    args = ap.parse_args()
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.rdf.tokens import add_tokens, maintain
    from kg.store.database import database
    from kg.store.query import named

    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    reuse = args.reuse and args.keep and (folder / "store").is_dir()
    nq, nt, count, corpus = generate(folder, args.articles, triples=not args.no_memory)
    print(f"generated {count} triples ({args.articles} articles) in "
          f"{time.perf_counter() - started:.1f} s", flush=True)
    if reuse:
        store = ox.Store.read_only(str(database(folder / "store")))
        print(f"reused the store kept in {folder / 'store'}: {len(store)} quads", flush=True)
    else:
        shutil.rmtree(folder / "store", ignore_errors=True)
        (folder / "store").mkdir()
        store = ox.Store(str(database(folder / "store")))  # a kg store's layout: kg query reads it
        seconds, _ = timed(lambda: store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS) or 0)
        store.optimize()
        print(f"load   store (Oxigraph on disk, bulk_load): {seconds:8.2f} s  {len(store)} quads, "
              f"{len(list(store.named_graphs()))} graphs", flush=True)
        seconds, added = timed(lambda: maintain(store))
        print(f"load   store's name-token key (kg.rdf.tokens.maintain): {seconds:8.2f} s  "
              f"{added} triples", flush=True)
        store.flush()
    graph = Graph()
    if not args.no_memory:
        seconds, _ = timed(lambda: len(add_tokens(graph.parse(nt, format="nt"))))
        print(f"load   in-memory rdflib graph (parse N-Triples, add the key): {seconds:8.2f} s  "
              f"{len(graph)} triples", flush=True)
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} before the questions",
          flush=True)
    if args.breakdown:
        for question, params in questions(corpus):
            if not params:
                print(f"breakdown {question:<24} {breakdown(folder / 'store', named()[question])}",
                      flush=True)
    served = None if args.no_serve else Served(folder / "store", args.serve_timeout or args.timeout)
    try:
        ask(args, folder, store, graph, corpus, served)
    finally:
        if served:
            served.stop()
    if not args.keep:
        del store
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def store_search(text: str, limit: int = 20) -> str:
    """The query the served explorer's search box sends for `text` (a copy of kg/viz/state.js's
    storeQuery, its prefixes declared by Served.ask): the persons and organisations with a name
    word for each word typed, the last one as the start of a word."""
    found = text.lower().split()
    last = found.pop()
    whole = "".join(f'  ?e kg:nameToken "{w}" .\n' for w in found)
    return (f"SELECT DISTINCT ?e ?label ?type WHERE {{\n{whole}"
            f'  ?e kg:nameToken ?word . FILTER (STRSTARTS(?word, "{last}"))\n'
            "  VALUES ?type { foaf:Person org:Organization }\n"
            f"  ?e a ?type ; rdfs:label ?label .\n}} ORDER BY ?label ?e LIMIT {limit}")


def ask(args: argparse.Namespace, folder: Path, store: Any, graph: Any, corpus: Corpus,
        served: Served | None) -> None:
    """Time each question every way asked for, a line each."""
    from kg.store.params import bind
    from kg.store.query import named, run_store

    for question, params in questions(corpus):
        sparql = bind(named()[question], params)
        label = question + "".join(f" {k}={v}" for k, v in params.items())
        # cpu_timed calls the lambda at once (B023 warns of late binding).
        seconds, cpu, rows = cpu_timed(lambda: len(run_store(folder / "store", sparql).rows))  # noqa: B023
        memory = "left out" if args.no_memory else rdflib_latency(graph, sparql, args.timeout)
        check = f" | {engine_alone(store, sparql, lambda: run_store(folder / 'store', sparql).rows)}" \
            if args.check else ""  # noqa: B023
        warm = f" | kg serve {served.time(sparql, args.runs)}" if served else ""
        print(f"query  {label:<55} store {seconds:8.3f} s (CPU {cpu:7.3f} s) {rows:>7} rows | "
              f"kg query --store "
              f"{end_to_end(folder / 'store', question, params, args.runs, args.timeout)}{warm} | "
              f"in-memory {memory}{check} | load {os.getloadavg()[0]:.1f}", flush=True)
    if served:
        person = corpus.sample["person"]
        print(f"search the explorer's store search for {person!r}: kg serve "
              f"{served.time(store_search(person), args.runs)} | load "
              f"{os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
