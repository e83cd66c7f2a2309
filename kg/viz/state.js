// The explorer's state and view logic, apart from the page: search by name or alias, the
// filters, the neighbourhood in focus, what a large graph draws of its clusters. Nothing here
// touches the DOM or vis-network; explorer.js draws what it decides, and node tests it
// (tests/js/state.test.js). In the page this script defines `kgState`; in node, its exports.
"use strict";
const kgState = (() => {
  function fold(text) {
    return String(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function plural(count, word) {
    return `${count} ${word}${count === 1 ? "" : "s"}`;
  }

  // "event · Meeting": the kind, and the event's kind or the place's level when known.
  function kindLine(d) {
    return d.subtype ? `${d.kind} · ${d.subtype}` : d.kind;
  }

  // ---- Search by name or alias.

  function searchIndex(details) {
    return Object.entries(details).map(([id, d]) => ({ id, d, keys: [d.label, ...d.aliases].map(fold) }));
  }

  function rank(entry, query) {
    if (entry.keys[0].startsWith(query)) return 0;
    return entry.keys.some((k) => k.startsWith(query)) ? 1 : 2;
  }

  // The best 30 entries whose name or alias contains the text, names starting with it first.
  function matches(index, text) {
    const query = fold(String(text).trim());
    if (!query) return [];
    return index
      .filter((entry) => entry.keys.some((k) => k.includes(query)))
      .sort((a, b) => rank(a, query) - rank(b, query) || a.d.label.localeCompare(b.d.label))
      .slice(0, 30);
  }

  // The alias a result was found by, when its name does not hold the (folded) query.
  function matchedAlias(entry, query) {
    if (entry.keys[0].includes(query)) return null;
    return entry.d.aliases.find((a) => fold(a).includes(query)) || null;
  }

  // The search a link such as explorer.html#find=Budi asks for, or null.
  function hashQuery(hash) {
    let text;
    try {
      text = decodeURIComponent(String(hash).replace(/^#/, ""));
    } catch (_) {
      return null;
    }
    return text.startsWith("find=") ? text.slice(5) : null;
  }

  // ---- An official's timeline: the node's roles and events (not its reports), by date: a role
  // by the days it was held on, else the days of the reports that give it (a former role is
  // held before them); an event by its own days, else its reports'. Undated facts come last.

  function timeline(data, id) {
    const entries = [];
    for (const f of data.details[id].facts) {
      const link = data.links[f.edge];
      if (link.relation === "reported_in" || link.relation === "filed_in") continue;
      const role = link.iri && data.details[link.iri]; // a holding's membership node
      const other = data.details[f.other];
      let days = link.dates && link.dates.length ? link.dates : [];
      if (!days.length && role) days = role.when;
      else if (!days.length && other && other.kind === "event") days = other.when;
      entries.push({ days: [...days].sort(), text: f.text, other: f.other });
    }
    const first = (e) => e.days[0] || "\uffff";
    return entries.sort((a, b) => first(a).localeCompare(first(b)) || a.text.localeCompare(b.text));
  }

  // ---- The store behind a served page: its names searched through the SPARQL endpoint (the
  // name-token key, kg.rdf.tokens: whole words, the last one as typed so far), and the pages of
  // its slices (kg.viz.slices).

  const PREFIXES = [
    "PREFIX kg: <https://w3id.org/kg-news/ontology#>", "PREFIX foaf: <http://xmlns.com/foaf/0.1/>",
    "PREFIX org: <http://www.w3.org/ns/org#>", "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
  ].join("\n");

  // The words of a name as the key holds them: lower case, without accents, letters and digits
  // (or a code such as 16.04). Nothing else can reach a query.
  function words(text) {
    return [...new Set(fold(text).match(/[0-9]+(?:\.[0-9]+)*|[\p{L}\p{N}]+/gu) || [])];
  }

  function storeQuery(text, limit = 20) {
    const found = words(text);
    if (!found.length) return null;
    const last = found.pop();
    const whole = found.map((w) => `  ?e kg:nameToken "${w}" .\n`).join("");
    return `${PREFIXES}
SELECT DISTINCT ?e ?label ?type WHERE {
${whole}  ?e kg:nameToken ?word . FILTER (STRSTARTS(?word, "${last}"))
  VALUES ?type { foaf:Person org:Organization }
  ?e a ?type ; rdfs:label ?label .
} ORDER BY ?label ?e LIMIT ${limit}`;
  }

  // The persons and organisations of a SPARQL JSON answer to storeQuery, each once.
  function storeResults(answer) {
    const seen = new Map();
    for (const row of answer.results.bindings) {
      const id = row.e.value;
      const kind = row.type.value.endsWith("Person") ? "person" : "organization";
      if (!seen.has(id)) seen.set(id, { id, label: row.label.value, kind });
    }
    return [...seen.values()];
  }

  // The address of a slice's page, beside the served page: explorer?around=...&hops=1.
  function sliceHref(params) {
    const given = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "");
    return `explorer?${new URLSearchParams(given.map(([k, v]) => [k, String(v)]))}`;
  }

  // ---- Small view decisions.

  function hops(value) {
    return Math.max(1, Math.min(6, Number(value) || 1));
  }

  // vis-network does not honour scaling.label.maxVisible, so the largest label size follows
  // the zoom instead: the most central labels stay about 24 px on screen when zoomed in, and
  // readable when zoomed out (where the small ones are not drawn at all).
  function labelMax(scale) {
    return Math.round(Math.min(56, Math.max(16, 24 / scale)));
  }

  // A new member starts near its cluster's place, a turn of a spiral away from the others.
  function seed(centre, index) {
    const from = centre || { x: 0, y: 0 };
    const angle = index * 2.39996;
    const radius = 12 * Math.sqrt(index + 1);
    return { x: from.x + radius * Math.cos(angle), y: from.y + radius * Math.sin(angle) };
  }

  function countText(members, total, closed) {
    const counted = members === total ? `${total} nodes` : `${members} of ${total} nodes ${closed ? "open" : "shown"}`;
    return closed ? `${counted} · ${plural(closed, "cluster")} closed: click one to open it` : counted;
  }

  function mergedEdge(key, count) {
    const [from, to] = key.split("\n");
    return {
      id: `kg-merged:${key}`, from, to, width: Math.min(8, 1 + Math.log2(count)), count, length: 300,
      arrows: { to: { enabled: false } }, color: { color: "#cfd6df" },
    };
  }

  // ---- What is drawn. A small graph draws every node that passes the filters. A large one
  // draws a node per cluster (data.clusters) until the cluster is opened.

  function createView(data) {
    const details = data.details;
    const links = data.links;
    const clusters = new Map(data.clusters.map((c) => [c.id, c]));
    const adjacency = new Map(data.nodes.map((n) => [n.id, []]));
    data.edges.forEach((e) => {
      adjacency.get(e.from).push([e.to, e.id]);
      adjacency.get(e.to).push([e.from, e.id]);
    });
    const view = {
      filters: { kinds: new Set(), relations: new Set(), outlets: new Set(), from: "", to: "" },
      focus: null, // { id, hops } while the view is limited to a neighbourhood
      opened: new Set(), // the clusters opened
      clusters,
    };

    view.reset = () => {
      view.filters.kinds = new Set(data.legend.map((e) => e.kind));
      view.filters.relations = new Set(data.relations.map((r) => r.relation));
      view.filters.outlets = new Set(data.outlets.map((o) => o.name));
      view.filters.from = "";
      view.filters.to = "";
      view.focus = null;
    };

    // true, false, or null when the node has nothing to judge by (a person with no dated source).
    function dateTest(d) {
      const { from, to } = view.filters;
      if (!from && !to) return true;
      if (!d.when.length) return null;
      return d.when.some((day) => (!from || day >= from) && (!to || day <= to));
    }

    function outletTest(d) {
      if (view.filters.outlets.size === data.outlets.length) return true;
      if (!d.outlets.length) return null;
      return d.outlets.some((o) => view.filters.outlets.has(o));
    }

    function edgeOn(id) {
      return view.filters.relations.has(links[id].relation);
    }

    // Nodes that pass every filter; a node with nothing to judge by shows beside one that passes.
    view.passing = () => {
      const sure = new Set();
      const unsure = [];
      for (const n of data.nodes) {
        const d = details[n.id];
        if (!view.filters.kinds.has(d.kind)) continue;
        const tests = [dateTest(d), outletTest(d)];
        if (tests.includes(false)) continue;
        if (tests.includes(null)) unsure.push(n.id);
        else sure.add(n.id);
      }
      const near = unsure.filter((id) => adjacency.get(id).some(([other, e]) => edgeOn(e) && sure.has(other)));
      near.forEach((id) => sure.add(id));
      return sure;
    };

    // The nodes of `ids` within `hops` shown edges of `start`.
    view.neighbourhood = (ids, start, hops) => {
      const seen = new Set([start]);
      let frontier = [start];
      for (let step = 0; step < hops; step++) {
        const next = [];
        for (const id of frontier) {
          for (const [other, e] of adjacency.get(id)) {
            if (!seen.has(other) && ids.has(other) && edgeOn(e)) {
              seen.add(other);
              next.push(other);
            }
          }
        }
        frontier = next;
      }
      return seen;
    };

    // The nodes to draw: members of open clusters (or of no cluster) and closed clusters; and
    // which drawn node stands for each passing node. Focusing opens the clusters it reaches.
    view.wantedNodes = () => {
      let ids = view.passing();
      const focused = view.focus && ids.has(view.focus.id);
      if (focused) {
        ids = view.neighbourhood(ids, view.focus.id, view.focus.hops);
        ids.forEach((id) => { if (details[id].cluster) view.opened.add(details[id].cluster); });
      }
      const drawn = new Map();
      let members = 0;
      for (const id of ids) {
        const cluster = details[id].cluster;
        const open = !cluster || view.opened.has(cluster);
        if (open) members++;
        if (open || !focused) drawn.set(id, open ? id : cluster);
      }
      return { drawn, members, passing: ids.size };
    };

    // The edges between drawn nodes; edges into a closed cluster merge into one per pair.
    view.wantedEdges = (drawn) => {
      const edges = new Map();
      const merged = new Map();
      for (const e of data.edges) {
        if (!edgeOn(e.id)) continue;
        const from = drawn.get(e.from);
        const to = drawn.get(e.to);
        if (!from || !to || from === to) continue;
        if (from === e.from && to === e.to) {
          edges.set(e.id, e);
          continue;
        }
        const key = from < to ? `${from}\n${to}` : `${to}\n${from}`;
        merged.set(key, (merged.get(key) || 0) + 1);
      }
      merged.forEach((count, key) => edges.set(`kg-merged:${key}`, mergedEdge(key, count)));
      return edges;
    };

    // Make a node drawable: open its cluster, reset the filters if they hide it (say so, for
    // the form to follow), and leave a focus that does not reach it.
    view.reveal = (id) => {
      const cluster = details[id].cluster;
      if (cluster) view.opened.add(cluster);
      const hidden = !view.passing().has(id);
      if (hidden) view.reset();
      const focus = view.focus;
      if (focus && !view.neighbourhood(view.passing(), focus.id, focus.hops).has(id)) view.focus = null;
      return { filtersReset: hidden };
    };

    // The closed clusters.
    view.closed = () => [...clusters.keys()].filter((c) => !view.opened.has(c)).length;

    // Every day a node is dated by, in order: the range the date inputs offer.
    view.days = () => [...new Set(Object.values(details).flatMap((d) => d.when))].sort();

    view.reset();
    return view;
  }

  return {
    fold, plural, kindLine, searchIndex, matches, matchedAlias, hashQuery, hops, labelMax, seed, countText,
    createView, timeline, words, storeQuery, storeResults, sliceHref,
  };
})();
if (typeof module === "object" && module.exports) module.exports = kgState;
