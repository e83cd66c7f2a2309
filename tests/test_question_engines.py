"""The named questions are plain SPARQL 1.1: rdflib and Oxigraph give them the same rows, with and
without parameters, over a small graph and its name-token key. Asked of a store without
parameters, a question is answered by its listing form, its ORDER BY done in Python: the same
rows, in the order the question asks for."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.rdf.namespaces import KG, PREFIXES
from kg.rdf.prefixes import IRIS
from kg.rdf.tokens import KG_NAME_TOKEN, NAME_TOKENS, add_tokens, maintain, words
from kg.store import params
from kg.store.query import LISTING, listing, named, order_key, rows, run, run_store, split_order
from tests.conftest import TURTLE_HEAD

ox = pytest.importorskip("pyoxigraph")

# A small graph after docs/data-model.md: two reports, two events, places in three levels.
TURTLE = TURTLE_HEAD + """
<article/a1> a schema:NewsArticle ; dcterms:identifier "a1" .
<article/a2> a schema:NewsArticle ; dcterms:identifier "a2" .
<article/a1/s0-60> a nif:Sentence ; schema:isPartOf <article/a1> .
<article/a2/s0-80> a nif:Sentence ; schema:isPartOf <article/a2> .

<place/16> a schema:Place ; rdfs:label "Provinsi Sumatera Selatan" ; skos:altLabel "Sumsel" ;
    dcterms:identifier "16" .
<place/16.04> a schema:Place ; rdfs:label "Kabupaten Lahat" ; dcterms:identifier "16.04" ;
    schema:containedInPlace <place/16> .
<place/16.04.01> a schema:Place ; rdfs:label "Kecamatan Kota Lahat" ; dcterms:identifier "16.04.01" ;
    schema:containedInPlace <place/16.04> .
<place/18> a schema:Place ; rdfs:label "Provinsi Lampung" ; dcterms:identifier "18" .

<person/hendri-hanafi> a foaf:Person ; rdfs:label "Hendri Hanafi" ; skos:altLabel "H. Hendri Hanafi, S.H." .
<person/hendrikus-lolo> a foaf:Person ; rdfs:label "Hendrikus Lolo" .
<person/rosa-amelia> a foaf:Person ; rdfs:label "Rosa Amélia" .
<org/kejari/16.04> a org:Organization ; rdfs:label "Kejaksaan Negeri Lahat" ; skos:altLabel "Kejari Lahat" ;
    schema:areaServed <place/16.04> .
<org/polres/18> a org:Organization ; rdfs:label "Polres Lampung Selatan" ; schema:areaServed <place/18> .
<role/kepala> a org:Role ; rdfs:label "Kepala" .
<role/kasi-intel> a org:Role ; rdfs:label "Kepala Seksi Intelijen" .
<date/2024-03-11> a time:Instant ; time:inXSDDate "2024-03-11"^^xsd:date .
<date/2024-04-02> a time:Instant ; time:inXSDDate "2024-04-02"^^xsd:date .

<membership/m1> a org:Membership ; org:member <person/hendri-hanafi> ; org:organization <org/kejari/16.04> ;
    org:role <role/kepala> ; kg:holdingStatus "current" ; org:memberDuring <membership/m1/during> ;
    prov:wasDerivedFrom <article/a1/s0-60> , <article/a2/s0-80> .
<membership/m1/during> a time:Interval ; time:inside <date/2024-03-11> , <date/2024-04-02> .
<membership/m2> a org:Membership ; org:member <person/rosa-amelia> ; org:organization <org/kejari/16.04> ;
    org:role <role/kasi-intel> ; prov:wasDerivedFrom <article/a1/s0-60> .
<membership/m3> a org:Membership ; org:member <person/hendrikus-lolo> ; org:organization <org/polres/18> ;
    org:role <role/kepala> ; kg:holdingStatus "former" ; org:memberDuring <membership/m3/during> ;
    prov:wasDerivedFrom <article/a2/s0-80> .
<membership/m3/during> a time:Interval ; time:inside <date/2024-04-02> .

<event/a1/declaration> a schema:Event , kg:Declaration ; rdfs:label "Deklarasi netralitas ASN" ;
    schema:startDate "2024-03-11"^^xsd:date ; schema:location <place/16.04.01> ;
    schema:subjectOf <article/a1> .
<event/a2/meeting> a schema:Event , kg:Meeting ; rdfs:label "Rapat koordinasi" ;
    schema:startDate "2024-04-02"^^xsd:date , "2024-04-03"^^xsd:date ; schema:subjectOf <article/a2> .
<participation/p1> a kg:Participation ; kg:event <event/a1/declaration> ;
    kg:participant <person/hendri-hanafi> ; kg:participationRole kg:Speaker .
<participation/p2> a kg:Participation ; kg:event <event/a1/declaration> ;
    kg:participant <org/kejari/16.04> ; kg:participationRole kg:Organizer .
<participation/p3> a kg:Participation ; kg:event <event/a1/declaration> ;
    kg:participant <person/rosa-amelia> ; kg:participationRole kg:Attendee .
<participation/p4> a kg:Participation ; kg:event <event/a2/meeting> ;
    kg:participant <person/hendri-hanafi> ; kg:participationRole kg:Attendee .
<participation/p5> a kg:Participation ; kg:event <event/a2/meeting> ;
    kg:participant <org/polres/18> ; kg:participationRole kg:Attendee .
"""

# Each question, with and without parameters; the parameters all find something here.
CASES = [(name, {}) for name in sorted(named())] + [
    ("timeline", {"person": "hendri"}), ("timeline", {"person": "HANAFI hendri"}),
    ("timeline", {"person": "Amelia"}), ("co-attendance", {"participant": "Hendri Hanafi"}),
    ("role-holders", {"role": "Kepala"}), ("role-holders", {"organization": "Kejari"}),
    ("role-holders", {"region": "Sumsel"}), ("role-holders", {"region": "16", "role": "seksi"}),
    ("event-attendees", {"event": "deklarasi"}), ("event-attendees", {"month": "2024-04"}),
    ("institutions-at-events", {"region": "16.04"}),
    ("institutions-at-events", {"region": "Lahat", "month": "2024-03"}),
]


@pytest.fixture(scope="module")
def graph() -> Graph:
    """The small graph with its name-token key, as kg query reads a graph file."""
    return add_tokens(Graph().parse(data=TURTLE, format="turtle"))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small graph in a store's database, in a named graph, with the key the build keeps."""

    folder = tmp_path_factory.mktemp("engines")
    db = ox.Store(str(folder / "oxigraph"))
    graph = ox.NamedNode(IRIS["kgr"] + "graph/entities")
    db.extend(ox.Quad(t.subject, t.predicate, t.object, graph)
              for t in ox.parse(TURTLE.encode(), format=ox.RdfFormat.TURTLE))
    assert maintain(db) > 0
    db.flush()
    del db
    return folder


@pytest.mark.parametrize("name, values", CASES, ids=lambda c: str(c))
def test_rdflib_and_oxigraph_give_the_same_rows(graph: Graph, store: Path, name: str,
                                                values: dict[str, str]) -> None:
    sparql = params.bind(named()[name], values)
    columns, expected = rows(run(graph, sparql))
    found = run_store(store, sparql)
    assert expected, f"{name} {values} found nothing"
    assert found.columns == columns
    assert _same(found.rows) == _same(expected)


def _same(found: list[list[str]]) -> list[list[str]]:
    """Rows as engines may differ in giving them: those tied in the ORDER BY in any order, the
    values a GROUP_CONCAT joins (the timeline's articles) in any order."""
    return sorted([" ".join(sorted(v.split(" "))) for v in row] for row in found)


def test_names_match_whole_words_in_any_case_and_accent(graph: Graph) -> None:
    def people(value: str) -> list[str]:
        bound = params.bind(named()["timeline"], {"person": value})
        return sorted({row[0] for row in rows(run(graph, bound))[1]})

    assert people("hendri") == ["Hendri Hanafi"]  # not Hendrikus: whole words
    assert people("hendrikus") == ["Hendrikus Lolo"]
    assert people("HENDRI, hanafi") == ["Hendri Hanafi"]  # every word, in any order
    assert people("Amelia") == people("amélia") == ["Rosa Amélia"]
    assert people("hendri lolo") == []
    assert people("hend") == []


def test_words_fold_case_and_accents_and_keep_codes() -> None:
    assert words("H. Hendri Hanafi, S.H., M.H.") == ["h", "hendri", "hanafi", "s", "m"]
    assert words("Rosa AMÉLIA") == ["rosa", "amelia"]
    assert words("Dandim 0405/Lahat") == ["dandim", "0405", "lahat"]
    assert words("16.04.01") == ["16.04.01"]
    assert words(" -- ") == []


def test_a_pattern_line_is_repeated_for_each_word_and_kept_a_comment_unbound() -> None:
    question = named()["timeline"]
    assert "# with person:" in question and "nameToken" not in params.bind(question, {}).split(
        "# with person:")[0]
    bound = params.bind(question, {"person": "Hendri  Hanafi"})
    assert '?p kg:nameToken "hendri" .\n' in bound and '?p kg:nameToken "hanafi" .' in bound
    assert "# with person:" not in bound
    month = params.bind(named()["event-attendees"], {"month": '2024-"01'})
    assert 'SUBSTR(STR(?date), 1, 7) = "2024-\\"01"' in month
    with pytest.raises(ValueError, match="no word"):
        params.bind(question, {"person": " ,. "})


def test_the_key_is_an_index_beside_the_graph(graph: Graph, store: Path) -> None:

    from kg.store.oxigraph import open_store, union_graph

    token = URIRef(KG_NAME_TOKEN)
    assert token == KG.nameToken
    assert (URIRef(IRIS["kgr"] + "place/16.04"), token, Literal("16.04")) in graph
    db = open_store(store, read_only=True)
    key = {(q.subject.value, q.object.value) for q in db.quads_for_pattern(
        None, ox.NamedNode(KG_NAME_TOKEN), None, None)}
    assert {q.graph_name.value for q in db.quads_for_pattern(
        None, ox.NamedNode(KG_NAME_TOKEN), None, None)} == {NAME_TOKENS}
    union = union_graph(db)
    del db
    assert key == {(str(s), str(o)) for s, o in graph.subject_objects(token)}
    assert not any(union.triples((None, token, None)))
    assert len(union) == len(Graph().parse(data=TURTLE, format="turtle"))


def test_the_key_follows_the_names(tmp_path: Path) -> None:

    db = ox.Store(str(tmp_path / "db"))
    person, label = ox.NamedNode(IRIS["kgr"] + "person/x"), ox.NamedNode(PREFIXES["rdfs"] + "label")
    graph = ox.NamedNode(IRIS["kgr"] + "graph/entities")
    db.add(ox.Quad(person, label, ox.Literal("Yoga Pratama"), graph))
    assert maintain(db) == 2 and maintain(db) == 0
    db.remove(ox.Quad(person, label, ox.Literal("Yoga Pratama"), graph))
    db.add(ox.Quad(person, label, ox.Literal("Yoga Saputra"), graph))
    assert maintain(db) == 2  # "pratama" out, "saputra" in
    found = {q.object.value for q in db.quads_for_pattern(person, ox.NamedNode(KG_NAME_TOKEN),
                                                          None, None)}
    assert found == {"yoga", "saputra"}


def test_the_query_module_declares_our_prefixes() -> None:
    assert IRIS == {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def test_every_question_has_a_listing_form_and_only_questions_are_named() -> None:
    from importlib.resources import files

    forms = {p.name.removesuffix(LISTING) for p in files("kg.queries").iterdir()
             if p.name.endswith(LISTING)}
    assert forms == set(named())
    assert all(listing(text) != text for text in named().values())
    assert listing("SELECT * { ?s ?p ?o }") == "SELECT * { ?s ?p ?o }"
    bound = params.bind(named()["timeline"], {"person": "hendri"})
    assert listing(bound) == bound  # with a parameter, the question as written


@pytest.mark.parametrize("name", sorted(named()))
def test_a_listing_form_gives_the_rows_of_its_question(graph: Graph, store: Path,
                                                       name: str) -> None:
    question = named()[name]
    columns, expected = rows(run(graph, question))
    assert expected, f"{name} found nothing"
    for engine_rows in (rows(run(graph, listing(question))), (columns, _oxigraph(store, listing(question)))):
        assert engine_rows[0] == columns
        assert _same(engine_rows[1]) == _same(expected)


@pytest.mark.parametrize("name", sorted(named()))
def test_the_store_answers_in_the_order_oxigraph_gives(store: Path, name: str) -> None:
    question = named()[name]
    expected = _oxigraph(store, question)  # the question as written, sorted by Oxigraph
    found = run_store(store, question)
    assert _same(found.rows) == _same(expected)
    keys = [found.columns.index(v) for v, _ in split_order(question)[1]]
    assert [[r[i] for i in keys] for r in found.rows] == [[r[i] for i in keys] for r in expected]


def _oxigraph(store: Path, sparql: str) -> list[list[str]]:
    """Rows of a query run by Oxigraph alone, in its order."""
    db = ox.Store.read_only(str(store / "oxigraph"))
    found = db.query(sparql, prefixes=IRIS, use_default_graph_as_union=True)
    return [["" if t is None else t.value for t in row] for row in found]


def _same(found: list[list[str]]) -> list[list[str]]:
    """Rows in any order, a GROUP_CONCAT's values (the timeline's articles) in any order."""
    return sorted([" ".join(sorted(v.split(" "))) for v in row] for row in found)


def test_only_a_final_order_by_of_variables_is_taken_out() -> None:
    body, keys = split_order("SELECT * { ?x ?p ?o } order by desc(?x) ASC( ?y ) ?z # why\n")
    assert body == "SELECT * { ?x ?p ?o } " and keys == [("x", True), ("y", False), ("z", False)]
    for kept in ("SELECT * { { SELECT ?x { ?x ?p ?o } ORDER BY ?x } }",
                 "SELECT * { ?x ?p ?o } ORDER BY ?x LIMIT 3",
                 "SELECT * { ?x ?p ?o } ORDER BY ?x OFFSET 3",
                 "SELECT * { ?x ?p ?o } ORDER BY LCASE(?x)",
                 "SELECT * { ?x ?p ?o } ORDER BY ?x + 1",
                 "SELECT * { ?x ?p ?o }"):
        assert split_order(kept) == (kept, [])


def test_terms_rank_as_sparql_orders_them() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    number = ox.NamedNode(xsd + "integer")
    terms = [ox.Literal("b"), ox.Literal("10", datatype=number), None, ox.NamedNode("http://x/a"),
             ox.Literal("9", datatype=number), ox.Literal("2.5", datatype=ox.NamedNode(xsd + "decimal")),
             ox.BlankNode("b0"), ox.Literal("A"), ox.Literal("2024-03-11", datatype=ox.NamedNode(xsd + "date")),
             ox.Literal("2024-01-31", datatype=ox.NamedNode(xsd + "date"))]
    ranked = [None if t is None else t.value for t in sorted(terms, key=order_key)]
    assert ranked[:3] == [None, "b0", "http://x/a"]
    assert ranked.index("2.5") < ranked.index("9") < ranked.index("10")
    assert ranked.index("A") < ranked.index("b")  # by code point, as Oxigraph compares
    assert ranked.index("2024-01-31") < ranked.index("2024-03-11")
    tagged = [ox.Literal("Citra2"), ox.Literal("Citra", language="id"), ox.Literal("Citra"),
              ox.Literal("Citra", language="en"), ox.Literal("Budi", language="id")]
    assert [(t.value, t.language) for t in sorted(tagged, key=order_key)] == [
        ("Budi", "id"), ("Citra", "en"), ("Citra", "id"), ("Citra", None), ("Citra2", None)]
    db = ox.Store()
    found = db.query("SELECT ?n WHERE { VALUES ?n { " + " ".join(
        t.__str__() for t in tagged) + " } } ORDER BY ?n")
    assert [row[0] for row in found] == sorted(tagged, key=order_key)  # as Oxigraph orders them


def test_a_store_query_not_ordering_by_what_it_projects_is_sorted_by_oxigraph(store: Path) -> None:
    sparql = "SELECT ?n WHERE { ?p a foaf:Person ; rdfs:label ?n ; skos:altLabel ?a } ORDER BY ?a"
    assert run_store(store, sparql).rows == _oxigraph(store, sparql)
    numbers = "SELECT ?n WHERE { VALUES ?n { 10 9 100 } } ORDER BY DESC(?n)"
    assert run_store(store, numbers).rows == [["100"], ["10"], ["9"]]


@pytest.mark.parametrize("name", sorted(named()))
def test_a_served_named_question_is_answered_as_kg_query_answers_it(store: Path, name: str
                                                                      ) -> None:
    """kg serve's worker answers a named question asked without parameters, sent as its text
    or its listing form's, with PREFIX lines as a client adds them, or by its name alone, by
    the same path as `kg query --store`: the same rows in the same order, cut at the limit."""
    import io

    from kg.store.runner import read_reply
    from kg.store.worker import serve

    question = named()[name]
    expected = run_store(store, question).rows
    declared = "".join(f"PREFIX {p}: <{iri}>\r\n" for p, iri in IRIS.items())
    db = ox.Store.read_only(str(store / "oxigraph"))
    for text, limit in ((question, 1000), (declared + listing(question), 1000), (name, 1000),
                        (declared + question.replace("\n", "\r\n"), 1)):
        sent = text.encode()
        replies = io.BytesIO()
        serve(db, io.BytesIO(b"tsv %d %d\n%s" % (limit, len(sent), sent)), replies)
        replies.seek(0)
        status, data, cut = read_reply(replies)
        assert status == "200", data
        found = [["" if t is None else t.value for t in row]
                 for row in ox.parse_query_results(data, format=ox.QueryResultsFormat.TSV)]
        assert found == expected[:limit] and cut == (len(expected) > limit)


def test_a_store_answer_read_as_tsv_keeps_every_value_and_order(tmp_path: Path) -> None:
    """kg reads a store's answer from Oxigraph's TSV (kg.store.query.Table): values with tabs,
    line breaks, quotes and backslashes, language tags, datatypes, blank nodes, empty strings
    and unbound values come out as Oxigraph gives them, in the order it gives them (ordered by
    terms of one kind: literals of different datatypes in one column kg orders by kind first,
    as order_key says, where Oxigraph does not)."""
    db = ox.Store(str(tmp_path / "oxigraph"))
    xsd = "http://www.w3.org/2001/XMLSchema#"
    values = [ox.Literal("tab\there"), ox.Literal("line\nbreak\r\n"), ox.Literal('say "so"'),
              ox.Literal("back\\slash"), ox.Literal(""), ox.Literal("Éé ünï 𝄞"),
              ox.Literal("citra", language="id"), ox.Literal("citra"),
              ox.Literal("12", datatype=ox.NamedNode(xsd + "integer")),
              ox.Literal("1.5", datatype=ox.NamedNode(xsd + "decimal")),
              ox.Literal("2024-03-11", datatype=ox.NamedNode(xsd + "date")),
              ox.Literal("true", datatype=ox.NamedNode(xsd + "boolean")),
              ox.NamedNode("http://example.org/a%20b?c=d&é"), ox.BlankNode("b1")]
    graph, predicate = ox.NamedNode("http://example.org/g"), ox.NamedNode("http://example.org/p")
    for n, value in enumerate(values):
        db.add(ox.Quad(ox.NamedNode(f"http://example.org/s{n:02d}"), predicate, value, graph))
    db.flush()
    del db
    strings = "FILTER (isLiteral(?o) && (LANG(?o) != '' || DATATYPE(?o) = xsd:string))"
    for sparql in ("SELECT ?s ?o ?none WHERE { ?s <http://example.org/p> ?o "
                   "OPTIONAL { ?s <http://example.org/q> ?none } } ORDER BY DESC(?s)",
                   f"SELECT ?s ?o WHERE {{ ?s <http://example.org/p> ?o {strings} }} "
                   "ORDER BY ?o ?s",
                   f"SELECT ?o WHERE {{ ?s <http://example.org/p> ?o {strings} }} "
                   "ORDER BY DESC(?o)",
                   "SELECT ?o WHERE { ?s <http://example.org/p> ?o }"):
        expected = _oxigraph(tmp_path, sparql)
        assert run_store(tmp_path, sparql).rows == expected
    assert run_store(tmp_path, "SELECT * WHERE { }").rows == [[]]
