// The explorer's view logic (kg/viz/state.js), apart from the page: run by tests/test_explorer_state.py,
// or `node --test tests/js/`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const kgState = require(path.join(__dirname, "..", "..", "kg", "viz", "state.js"));

// A payload in the shape kg.viz.explorer.payload gives: Budi attends a meeting held at a
// venue; a 2023 article reports a ceremony; a cluster "c1" holds the venue and the ceremony.
function detail(kind, label, extra = {}) {
  return { kind, label, aliases: [], subtype: null, when: [], outlets: [], cluster: null, ...extra };
}

function sample(clustered = false) {
  const details = {
    budi: detail("person", "Budi Santoso", { aliases: ["H. Budi Santoso SH"] }),
    rapat: detail("event", "Rapat koordinasi", { subtype: "Meeting", when: ["2024-03-11"], outlets: ["Sumsel Post"] }),
    pendopo: detail("place", "Pendopo Kayuagung", { subtype: "Venue" }),
    upacara: detail("event", "Upacara HUT", { subtype: "Ceremony", when: ["2023-08-17"], outlets: ["Antara"] }),
    sebastien: detail("person", "Sébastien"),
  };
  const edges = [
    { id: "e0", from: "budi", to: "rapat" }, { id: "e1", from: "rapat", to: "pendopo" },
    { id: "e2", from: "upacara", to: "pendopo" }, { id: "e3", from: "sebastien", to: "upacara" },
  ];
  const relation = { e0: "attends", e1: "located_in", e2: "located_in", e3: "attends" };
  const clusters = [];
  if (clustered) {
    details.pendopo.cluster = details.upacara.cluster = "kg-cluster:0";
    clusters.push({ id: "kg-cluster:0", name: "Pendopo Kayuagung", size: 2, members: ["pendopo", "upacara"] });
  }
  return {
    nodes: Object.keys(details).map((id) => ({ id })), edges, details, clusters,
    links: Object.fromEntries(edges.map((e) => [e.id, { relation: relation[e.id], evidence: [] }])),
    legend: ["person", "event", "place"].map((kind) => ({ kind })),
    relations: [{ relation: "attends" }, { relation: "located_in" }],
    outlets: [{ name: "Antara" }, { name: "Sumsel Post" }],
  };
}

const sorted = (ids) => [...ids].sort();

test("search finds names and aliases, whatever the accents and case, names starting with it first", () => {
  const index = kgState.searchIndex(sample().details);
  assert.deepEqual(kgState.matches(index, "sebas").map((e) => e.id), ["sebastien"]);
  assert.deepEqual(kgState.matches(index, "  SH ").map((e) => e.id), ["budi"]);
  assert.deepEqual(kgState.matches(index, "u").map((e) => e.id), ["upacara", "budi", "pendopo"]);
  assert.deepEqual(kgState.matches(index, "h").map((e) => e.id), ["budi", "upacara"]); // an alias starts with it
  assert.deepEqual(kgState.matches(index, "  "), []);
  const [budi] = kgState.matches(index, "h. budi");
  assert.equal(kgState.matchedAlias(budi, "h. budi"), "H. Budi Santoso SH");
  assert.equal(kgState.matchedAlias(budi, "budi"), null); // the name itself holds it
});

test("a link names the node to open; a malformed one names none", () => {
  assert.equal(kgState.hashQuery("#find=Budi%20Santoso"), "Budi Santoso");
  assert.equal(kgState.hashQuery("#find=%E0%A4%A"), null);
  assert.equal(kgState.hashQuery("#other"), null);
});

test("a node shows its kind and, for an event or place, its subtype", () => {
  assert.equal(kgState.kindLine(sample().details.rapat), "event · Meeting");
  assert.equal(kgState.kindLine(sample().details.budi), "person");
});

test("filters by kind, relation, date and outlet; an undated node shows beside one that passes", () => {
  const view = kgState.createView(sample());
  assert.equal(view.passing().size, 5);
  view.filters.kinds.delete("place");
  assert.deepEqual(sorted(view.passing()), ["budi", "rapat", "sebastien", "upacara"]);
  view.filters.from = "2024-01-01";
  // Budi has no date but attends the 2024 meeting; Sébastien only the 2023 ceremony.
  assert.deepEqual(sorted(view.passing()), ["budi", "rapat"]);
  view.filters.relations.delete("attends");
  assert.deepEqual(sorted(view.passing()), ["rapat"]);
  view.reset();
  view.filters.outlets.delete("Sumsel Post");
  assert.deepEqual(sorted(view.passing()), ["pendopo", "sebastien", "upacara"]);
});

test("the neighbourhood counts hops over shown edges only", () => {
  const view = kgState.createView(sample());
  const all = view.passing();
  assert.deepEqual(sorted(view.neighbourhood(all, "budi", 1)), ["budi", "rapat"]);
  assert.deepEqual(sorted(view.neighbourhood(all, "budi", 3)), ["budi", "pendopo", "rapat", "upacara"]);
  view.filters.relations.delete("located_in");
  assert.deepEqual(sorted(view.neighbourhood(all, "budi", 3)), ["budi", "rapat"]);
});

test("a large graph draws a closed cluster as one node, its edges merged into one per pair", () => {
  const view = kgState.createView(sample(true));
  const { drawn, members, passing } = view.wantedNodes();
  assert.equal(drawn.get("pendopo"), "kg-cluster:0");
  assert.equal(drawn.get("budi"), "budi");
  assert.deepEqual([members, passing, view.closed()], [3, 5, 1]);
  const edges = view.wantedEdges(drawn);
  assert.deepEqual(sorted(edges.keys()), ["e0", "kg-merged:kg-cluster:0\nrapat", "kg-merged:kg-cluster:0\nsebastien"]);
  assert.equal(edges.get("kg-merged:kg-cluster:0\nrapat").count, 1);
  view.opened.add("kg-cluster:0");
  assert.deepEqual(sorted(view.wantedEdges(view.wantedNodes().drawn).keys()), ["e0", "e1", "e2", "e3"]);
});

test("focusing draws the neighbourhood only, and opens the clusters it reaches", () => {
  const view = kgState.createView(sample(true));
  view.focus = { id: "budi", hops: 2 };
  const { drawn, members } = view.wantedNodes();
  assert.deepEqual(sorted(drawn.keys()), ["budi", "pendopo", "rapat"]);
  assert.equal(members, 3);
  assert.ok(view.opened.has("kg-cluster:0"));
});

test("revealing a hidden node resets the filters, and leaves a focus that does not reach it", () => {
  const view = kgState.createView(sample(true));
  view.filters.kinds.delete("person");
  view.focus = { id: "upacara", hops: 1 };
  assert.deepEqual(view.reveal("budi"), { filtersReset: true });
  assert.equal(view.filters.kinds.size, 3);
  assert.equal(view.focus, null);
  view.focus = { id: "rapat", hops: 1 };
  assert.deepEqual(view.reveal("pendopo"), { filtersReset: false });
  assert.deepEqual(view.focus, { id: "rapat", hops: 1 });
  assert.ok(view.opened.has("kg-cluster:0"));
});

test("the counts, hops, label sizes and seeds the page shows", () => {
  assert.equal(kgState.countText(5, 5, 0), "5 nodes");
  assert.equal(kgState.countText(2, 5, 0), "2 of 5 nodes shown");
  assert.equal(kgState.countText(3, 5, 1), "3 of 5 nodes open · 1 cluster closed: click one to open it");
  assert.deepEqual(["0", "3", "9", "x"].map(kgState.hops), [1, 3, 6, 1]);
  assert.deepEqual([0.1, 1, 4].map(kgState.labelMax), [56, 24, 16]);
  assert.deepEqual(kgState.seed(null, 0), { x: 12, y: 0 });
  const { x, y } = kgState.seed({ x: 100, y: 100 }, 3);
  assert.ok(Math.abs(Math.hypot(x - 100, y - 100) - 24) < 1e-9);
  assert.deepEqual(kgState.createView(sample()).days(), ["2023-08-17", "2024-03-11"]);
});

// The payload of a real graph, written by tests/test_explorer_state.py: every kind of event
// shows its subtype, kg:Activity included (it once had none).
test("every kind of event in a real payload shows its subtype", { skip: !process.env.KG_PAYLOAD }, () => {
  const data = JSON.parse(fs.readFileSync(process.env.KG_PAYLOAD, "utf-8"));
  const events = Object.values(data.details).filter((d) => d.kind === "event");
  assert.ok(events.some((d) => d.subtype === "Activity"));
  for (const d of events) assert.equal(kgState.kindLine(d), `event · ${d.subtype}`);
  assert.equal(kgState.createView(data).passing().size, data.nodes.length);
});

test("an official's timeline: roles and events by date, reports left out, undated last", () => {
  const data = sample();
  Object.assign(data.details, {
    kpu: detail("organization", "KPU Lahat"),
    m1: detail("membership", "Ketua", { when: ["2024-05-02"] }), // reported as former then
    a1: detail("article", "Berita", { when: ["2024-03-12"] }),
    apel: detail("event", "Apel"),
  });
  data.details.budi.facts = [
    { text: "attends Rapat koordinasi", other: "rapat", edge: "e0" },
    { text: "Ketua at KPU Lahat (former)", other: "kpu", edge: "e5" },
    { text: "Anggota at KPU Lahat", other: "kpu", edge: "e6" },
    { text: "reported in Berita", other: "a1", edge: "e7" },
    { text: "attends Apel", other: "apel", edge: "e8" },
  ];
  Object.assign(data.links, {
    e5: { relation: "holds", iri: "m1", dates: [], evidence: [] },
    e6: { relation: "holds", iri: "m2", dates: ["2024-01-09"], evidence: [] },
    e7: { relation: "reported_in", evidence: [] },
    e8: { relation: "attends", evidence: [] },
  });
  const entries = kgState.timeline(data, "budi");
  assert.deepEqual(entries.map((e) => [e.days, e.text]), [
    [["2024-01-09"], "Anggota at KPU Lahat"],
    [["2024-03-11"], "attends Rapat koordinasi"],
    [["2024-05-02"], "Ketua at KPU Lahat (former)"],
    [[], "attends Apel"],
  ]);
  data.details.sebastien.facts = [];
  assert.deepEqual(kgState.timeline(data, "sebastien"), []);
});

test("a store search asks the name-token key, and nothing typed reaches the query but words", () => {
  assert.deepEqual(kgState.words("  Sébastien  H. Budi, 16.04 "), ["sebastien", "h", "budi", "16.04"]);
  assert.equal(kgState.storeQuery(" \" } ; "), null);
  const query = kgState.storeQuery('Budi San"} DROP ALL; #');
  assert.match(query, /\?e kg:nameToken "budi" \.\n {2}\?e kg:nameToken "san" \.\n {2}\?e kg:nameToken "drop" \.\n/);
  assert.match(query, /FILTER \(STRSTARTS\(\?word, "all"\)\)/);
  assert.doesNotMatch(query, /[#;}]\s*DROP|"}/);
  assert.equal(query.split('"').length - 1, 8); // four words, each quoted once
  const answer = {
    results: {
      bindings: [
        { e: { value: "kgr:person/budi" }, label: { value: "Budi Santoso" }, type: { value: "http://xmlns.com/foaf/0.1/Person" } },
        { e: { value: "kgr:person/budi" }, label: { value: "Budi Santoso" }, type: { value: "http://xmlns.com/foaf/0.1/Person" } },
        { e: { value: "kgr:org/kpu" }, label: { value: "KPU Lahat" }, type: { value: "http://www.w3.org/ns/org#Organization" } },
      ],
    },
  };
  assert.deepEqual(kgState.storeResults(answer), [
    { id: "kgr:person/budi", label: "Budi Santoso", kind: "person" },
    { id: "kgr:org/kpu", label: "KPU Lahat", kind: "organization" },
  ]);
});

test("a slice's page is beside the served page, its parameters escaped, empty ones left out", () => {
  assert.equal(kgState.sliceHref({ around: "https://w3id.org/kg-news/id/person/budi", hops: 2 }),
    "explorer?around=https%3A%2F%2Fw3id.org%2Fkg-news%2Fid%2Fperson%2Fbudi&hops=2");
  assert.equal(kgState.sliceHref({ region: "Ogan Ilir & co", month: "", hops: 1 }), "explorer?region=Ogan+Ilir+%26+co&hops=1");
});
