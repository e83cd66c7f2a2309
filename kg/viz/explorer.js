// Every text shown comes from news articles and is untrusted: it only ever reaches the page
// through textContent (el) or as an http(s) href (anchor), never as markup.
"use strict";
(() => {
  performance.mark("kg-start");
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const details = data.details;
  const links = data.links;
  const byId = (id) => document.getElementById(id);
  const status = byId("kg-status");
  const panel = byId("kg-panel");
  const search = byId("kg-search");
  const results = byId("kg-results");
  let shown = null; // the node in the side panel

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function button(text, className, onClick) {
    const node = el("button", text, className);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  function checkbox(label, checked, onChange) {
    const box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", onChange);
    const wrap = el("label", null, "kg-check");
    wrap.append(box, label);
    return wrap;
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (_) {
      return null;
    }
  }

  function anchor(url, text) {
    const href = safeUrl(url);
    if (!href) return null;
    const a = el("a", text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  function list(items, className) {
    const ul = el("ul", null, className);
    ul.append(...items);
    return ul;
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function plural(count, word) {
    return `${count} ${word}${count === 1 ? "" : "s"}`;
  }

  function kindLine(d) {
    return d.subtype ? `${d.kind} · ${d.subtype}` : d.kind;
  }

  // ---- Tooltips: elements, not strings, since some vis-network versions render strings as HTML.

  function tooltip(lines) {
    const box = el("div", null, "kg-tip");
    lines.filter(Boolean).forEach((line, i) => box.append(el(i ? "div" : "strong", line)));
    return box;
  }

  function nodeTooltip(d) {
    const aliases = d.aliases.length ? `also: ${d.aliases.join(", ")}` : "";
    return tooltip([d.title || d.label, kindLine(d), aliases]);
  }

  function edgeTooltip(edge) {
    const count = links[edge.id].evidence.length;
    const said = count ? plural(count, "evidence sentence") : "";
    return tooltip([`${details[edge.from].label} → ${edge.label} → ${details[edge.to].label}`, said]);
  }

  // ---- The side panel.

  function articleLink(id, url) {
    const article = details[id];
    const name = article ? article.label : "source";
    const link = anchor(url, name) || (article ? button(name, "kg-fact", () => focusNode(id)) : el("span", name));
    return link;
  }

  // Each sentence names the article it was read in, linked to the article's URL when known.
  function evidenceItem(evidence) {
    const li = el("li");
    li.append(el("q", evidence.text));
    if (evidence.article === shown) return li;
    li.append(" — ", articleLink(evidence.article, evidence.url));
    return li;
  }

  function factItem(f) {
    const li = el("li");
    li.append(button(f.text, "kg-fact", () => focusNode(f.other)));
    const link = links[f.edge];
    if (link.dates && link.dates.length) li.append(el("div", `reported ${link.dates.join(", ")}`, "kg-dates"));
    if (link.evidence.length) li.append(list(link.evidence.map(evidenceItem), "kg-evidence"));
    return li;
  }

  function section(title, body) {
    const part = document.createDocumentFragment();
    part.append(el("h3", title), body);
    return part;
  }

  function panelParts(d) {
    const parts = [button("×", "kg-close", hidePanel), el("h2", d.title || d.label), el("p", kindLine(d), "kg-kind")];
    if (d.aliases.length) parts.push(section("Also known as", list(d.aliases.map((a) => el("li", a)))));
    if (d.dates.length) parts.push(el("p", d.dates.join(", "), "kg-dates"));
    if (d.outlet) parts.push(el("p", `published by ${d.outlet}`, "kg-dates"));
    const link = anchor(d.url, d.url);
    if (link) parts.push(section("Source", link));
    if (d.facts.length) parts.push(section("Facts", list(d.facts.map(factItem))));
    if (d.evidence.length) parts.push(section("Evidence", list(d.evidence.map(evidenceItem), "kg-evidence")));
    const reported = d.articles.filter((a) => a !== shown);
    if (reported.length) parts.push(section("Articles", list(reported.map((a) => articleItem(a)))));
    if (d.cluster) parts.push(clusterLine(d.cluster));
    parts.push(el("p", d.iri, "kg-iri"));
    return parts;
  }

  function articleItem(id) {
    const li = el("li");
    li.append(articleLink(id, details[id] && details[id].url));
    return li;
  }

  function showPanel(id) {
    const d = details[id];
    if (!d) return;
    shown = id;
    panel.replaceChildren(...panelParts(d));
    panel.hidden = false;
    panel.scrollTop = 0;
    updateFocusButton();
  }

  function hidePanel() {
    shown = null;
    panel.hidden = true;
    panel.replaceChildren();
    updateFocusButton();
  }

  // ---- Search by name or alias.

  const index = Object.entries(details).map(([id, d]) => ({ id, d, keys: [d.label, ...d.aliases].map(fold) }));

  function rank(entry, query) {
    if (entry.keys[0].startsWith(query)) return 0;
    return entry.keys.some((k) => k.startsWith(query)) ? 1 : 2;
  }

  function matches(text) {
    const query = fold(text.trim());
    if (!query) return [];
    return index
      .filter((entry) => entry.keys.some((k) => k.includes(query)))
      .sort((a, b) => rank(a, query) - rank(b, query) || a.d.label.localeCompare(b.d.label))
      .slice(0, 30);
  }

  function resultItem(entry, query) {
    const alias = entry.keys[0].includes(query) ? null : entry.d.aliases.find((a) => fold(a).includes(query));
    const choice = button(entry.d.title || entry.d.label, null, () => pick(entry.id));
    choice.append(el("span", alias ? `${entry.d.kind} · ${alias}` : entry.d.kind, "kg-sub"));
    const li = el("li");
    li.append(choice);
    return li;
  }

  function showResults() {
    const found = matches(search.value);
    const query = fold(search.value.trim());
    results.replaceChildren(...found.map((entry) => resultItem(entry, query)));
    if (query && !found.length) results.append(el("li", "No match", "kg-none"));
    results.hidden = !query;
  }

  function pick(id) {
    results.hidden = true;
    focusNode(id);
  }

  search.addEventListener("input", showResults);
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      const found = matches(search.value);
      if (found.length) pick(found[0].id);
    } else if (event.key === "Escape") {
      search.value = "";
      results.hidden = true;
    }
  });

  // ---- What is drawn. A small graph draws every node that passes the filters. A large one
  // draws a node per cluster (data.clusters) until the cluster is opened; the drawn nodes and
  // edges are kept in vis DataSets that follow the wanted state, and a node keeps its place.

  const filters = { kinds: new Set(), relations: new Set(), outlets: new Set(), from: "", to: "" };
  let focus = null; // { id, hops } while the view is limited to a neighbourhood
  const opened = new Set(); // the clusters opened
  const clusters = new Map(data.clusters.map((c) => [c.id, c]));
  const nodeItems = new Map(data.nodes.map((n) => [n.id, n]));
  const positions = new Map(); // where each node drawn so far was last
  let nodeSet = null;
  let edgeSet = null;
  let network = null;

  function resetState() {
    filters.kinds = new Set(data.legend.map((e) => e.kind));
    filters.relations = new Set(data.relations.map((r) => r.relation));
    filters.outlets = new Set(data.outlets.map((o) => o.name));
    filters.from = "";
    filters.to = "";
    focus = null;
  }
  resetState();

  // true, false, or null when the node has nothing to judge by (a person with no dated source).
  function dateTest(d) {
    if (!filters.from && !filters.to) return true;
    if (!d.when.length) return null;
    return d.when.some((day) => (!filters.from || day >= filters.from) && (!filters.to || day <= filters.to));
  }

  function outletTest(d) {
    if (filters.outlets.size === data.outlets.length) return true;
    if (!d.outlets.length) return null;
    return d.outlets.some((o) => filters.outlets.has(o));
  }

  const adjacency = new Map(data.nodes.map((n) => [n.id, []]));
  data.edges.forEach((e) => {
    adjacency.get(e.from).push([e.to, e.id]);
    adjacency.get(e.to).push([e.from, e.id]);
  });

  function edgeOn(id) {
    return filters.relations.has(links[id].relation);
  }

  // Nodes that pass every filter; a node with nothing to judge by shows beside one that passes.
  function passing() {
    const sure = new Set();
    const unsure = [];
    for (const n of data.nodes) {
      const d = details[n.id];
      if (!filters.kinds.has(d.kind)) continue;
      const tests = [dateTest(d), outletTest(d)];
      if (tests.includes(false)) continue;
      if (tests.includes(null)) unsure.push(n.id);
      else sure.add(n.id);
    }
    const near = unsure.filter((id) => adjacency.get(id).some(([other, e]) => edgeOn(e) && sure.has(other)));
    near.forEach((id) => sure.add(id));
    return sure;
  }

  function neighbourhood(ids, start, hops) {
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
  }

  // The nodes to draw: members of open clusters (or of no cluster) and closed clusters; and
  // which drawn node stands for each passing node.
  function wantedNodes() {
    let ids = passing();
    const focused = focus && ids.has(focus.id);
    if (focused) {
      ids = neighbourhood(ids, focus.id, focus.hops);
      ids.forEach((id) => { if (details[id].cluster) opened.add(details[id].cluster); });
    }
    const drawn = new Map();
    let members = 0;
    for (const id of ids) {
      const cluster = details[id].cluster;
      const open = !cluster || opened.has(cluster);
      if (open) members++;
      if (open || !focused) drawn.set(id, open ? id : cluster);
    }
    return { drawn, members, passing: ids.size };
  }

  // The edges between drawn nodes; edges into a closed cluster merge into one per pair.
  function wantedEdges(drawn) {
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
  }

  function mergedEdge(key, count) {
    const [from, to] = key.split("\n");
    return {
      id: `kg-merged:${key}`, from, to, width: Math.min(8, 1 + Math.log2(count)), count, length: 300,
      arrows: { to: { enabled: false } }, color: { color: "#cfd6df" }, title: tooltip([plural(count, "link")]),
    };
  }

  function clusterNode(cluster) {
    return {
      id: cluster.id, label: cluster.label, shape: "dot", value: cluster.size, borderWidth: 2,
      scaling: { label: { enabled: false } }, font: { size: 16 },
      color: { background: "#dfe7f2", border: "#4e79a7" },
      title: tooltip([`${cluster.size} nodes around ${cluster.name}`, "click to open"]),
    };
  }

  function nodeItem(id) {
    if (clusters.has(id)) return clusterNode(clusters.get(id));
    return { ...nodeItems.get(id), title: nodeTooltip(details[id]) };
  }

  function edgeItem(item) {
    return item.count ? item : { ...item, title: edgeTooltip(item) };
  }

  // A new member starts near its cluster's place, a turn of a spiral away from the others.
  function seed(id, index) {
    const cluster = details[id] && details[id].cluster;
    const centre = (cluster && positions.get(cluster)) || { x: 0, y: 0 };
    const angle = index * 2.39996;
    const radius = 12 * Math.sqrt(index + 1);
    return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
  }

  function remember(ids) {
    if (!network || !ids.length) return;
    const found = network.getPositions(ids);
    Object.entries(found).forEach(([id, p]) => positions.set(id, p));
  }

  // Bring the DataSets to the wanted state; return the nodes drawn for the first time.
  function sync(drawn, edges) {
    const wanted = new Set(drawn.values());
    const leaving = nodeSet.getIds().filter((id) => !wanted.has(id));
    remember(leaving.concat(nodeSet.getIds().filter((id) => clusters.has(id))));
    edgeSet.remove(edgeSet.getIds().filter((id) => !edges.has(id)));
    nodeSet.remove(leaving);
    const fresh = [];
    const adding = [];
    for (const id of wanted) {
      if (nodeSet.get(id)) continue;
      const item = nodeItem(id);
      const place = positions.get(id) || (network ? seed(id, fresh.length) : null);
      if (!positions.has(id)) fresh.push(id);
      adding.push(place ? { ...item, ...place } : item);
    }
    nodeSet.add(adding);
    const present = new Set(edgeSet.getIds());
    edgeSet.update([...edges.values()].filter((e) => !present.has(e.id) || e.count).map(edgeItem));
    return fresh;
  }

  // Lay out newly drawn nodes while every other node stays where it is, then freeze again.
  function settle(fresh) {
    if (!fresh.length || !network) return Promise.resolve();
    const moving = new Set(fresh);
    const others = nodeSet.getIds().filter((id) => !moving.has(id));
    nodeSet.update(others.map((id) => ({ id, fixed: true })));
    return new Promise((done) => {
      network.once("stabilizationIterationsDone", () => {
        network.setOptions({ physics: false });
        nodeSet.update(others.map((id) => ({ id, fixed: false })));
        remember(fresh);
        done();
      });
      const physics = data.options.physics;
      network.setOptions({ physics: { ...physics, enabled: true, stabilization: { ...physics.stabilization, fit: false } } });
      network.stabilize(Math.min(120, 40 + Math.round(fresh.length / 4)));
    });
  }

  let queue = Promise.resolve();
  let applied = 0; // views applied so far, for the tests

  function apply() {
    queue = queue.then(() => {
      const { drawn, members, passing: count } = wantedNodes();
      const fresh = sync(drawn, wantedEdges(drawn));
      showCount(members, count);
      if (shown && !nodeSet.get(shown)) hidePanel();
      return settle(fresh);
    }).then(() => { document.body.dataset.applied = String(++applied); });
    return queue;
  }

  function showCount(members, count) {
    const total = data.nodes.length;
    const closed = [...clusters.keys()].filter((c) => !opened.has(c)).length;
    document.body.dataset.visible = String(members);
    const counted = members === total ? `${total} nodes` : `${members} of ${total} nodes ${closed ? "open" : "shown"}`;
    byId("kg-count").textContent = closed ? `${counted} · ${plural(closed, "cluster")} closed: click one to open it` : counted;
    byId("kg-empty").hidden = count > 0 || total === 0;
  }

  function clusterLine(id) {
    const cluster = clusters.get(id);
    const line = el("p", `In the cluster around ${cluster.name} (${cluster.size} nodes) `, "kg-dates");
    line.append(button("Close the cluster", "kg-fact", () => { opened.delete(id); hidePanel(); apply(); }));
    return line;
  }

  function openCluster(id) {
    opened.add(id);
    const centre = positions.get(id);
    apply().then(() => {
      const members = clusters.get(id).members.filter((m) => nodeSet.get(m));
      if (members.length) network.fit({ nodes: members, animation: { duration: 400 } });
      else if (centre) network.moveTo({ position: centre, animation: { duration: 400 } });
    });
  }

  // Make sure a node is drawn: open its cluster, and clear the filters if they hide it.
  function reveal(id) {
    const d = details[id];
    if (d.cluster) opened.add(d.cluster);
    if (!passing().has(id)) resetFilters();
    if (focus && !neighbourhood(passing(), focus.id, focus.hops).has(id)) focus = null;
    return apply();
  }

  // ---- The filter form.

  function resetFilters() {
    resetState();
    document.querySelectorAll("#kg-filters input[type=checkbox]").forEach((box) => { box.checked = true; });
    byId("kg-from").value = "";
    byId("kg-to").value = "";
    updateFocusButton();
    return apply();
  }

  function toggler(name, key) {
    return (event) => {
      if (event.target.checked) filters[name].add(key);
      else filters[name].delete(key);
      apply();
    };
  }

  function checkList(title, entries, name, keyOf, labelOf) {
    const field = el("fieldset");
    field.append(el("legend", title));
    entries.forEach((entry) => field.append(checkbox(labelOf(entry), true, toggler(name, keyOf(entry)))));
    return field;
  }

  function dateInput(id, key, days) {
    const input = el("input");
    input.type = "date";
    input.id = id;
    if (days.length) [input.min, input.max] = [days[0], days[days.length - 1]];
    input.addEventListener("change", () => { filters[key] = input.value; apply(); });
    return input;
  }

  function dateField() {
    const field = el("fieldset");
    field.append(el("legend", "Date"));
    const days = [...new Set(Object.values(details).flatMap((d) => d.when))].sort();
    [["kg-from", "from"], ["kg-to", "to"]].forEach(([id, key]) => {
      const wrap = el("label", null, "kg-date");
      wrap.append(key, " ", dateInput(id, key, days));
      field.append(wrap);
    });
    return field;
  }

  function buildFilters() {
    const box = byId("kg-filters");
    box.append(
      checkList("Kind", data.legend, "kinds", (e) => e.kind, (e) => `${e.name} (${e.count})`),
      checkList("Relation", data.relations, "relations", (r) => r.relation, (r) => `${r.name} (${r.count})`),
      dateField(),
    );
    if (data.outlets.length) {
      box.append(checkList("Outlet", data.outlets, "outlets", (o) => o.name, (o) => `${o.name} (${o.count})`));
    }
    box.append(button("Reset filters", "kg-reset", resetFilters));
    box.addEventListener("submit", (event) => event.preventDefault());
    const toggle = byId("kg-filter-toggle");
    toggle.addEventListener("click", () => {
      box.hidden = !box.hidden;
      toggle.setAttribute("aria-expanded", String(!box.hidden));
    });
    byId("kg-empty-reset").addEventListener("click", resetFilters);
  }

  // ---- Focus on the neighbourhood of the selected node.

  const hopsInput = byId("kg-hops");

  function updateFocusButton() {
    const target = byId("kg-focus");
    target.disabled = !shown;
    target.textContent = shown ? `Focus on ${details[shown] ? details[shown].label : ""}` : "Focus (select a node)";
    byId("kg-unfocus").hidden = !focus;
  }

  function focusNeighbourhood() {
    if (!shown || !details[shown]) return;
    focus = { id: shown, hops: Math.max(1, Math.min(6, Number(hopsInput.value) || 1)) };
    updateFocusButton();
    apply().then(() => network.fit({ nodes: nodeSet.getIds(), animation: { duration: 400 } }));
  }

  function unfocus() {
    focus = null;
    updateFocusButton();
    apply().then(() => network.fit({ animation: { duration: 400 } }));
  }

  byId("kg-focus").addEventListener("click", focusNeighbourhood);
  byId("kg-unfocus").addEventListener("click", unfocus);
  hopsInput.addEventListener("change", () => { if (focus) focusNeighbourhood(); });

  // ---- Save the current view as a PNG: the canvas on the page's background, as a download.

  function savePng() {
    const canvas = byId("kg-graph").querySelector("canvas");
    if (!canvas) return;
    const copy = el("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext("2d");
    ctx.fillStyle = "#fafafa";
    ctx.fillRect(0, 0, copy.width, copy.height);
    ctx.drawImage(canvas, 0, 0);
    const link = el("a");
    link.href = copy.toDataURL("image/png");
    link.download = "kg-explorer.png";
    document.body.append(link);
    link.click();
    link.remove();
  }

  byId("kg-png").addEventListener("click", savePng);

  // ---- The legend.

  const legend = byId("kg-legend");
  for (const entry of data.legend) {
    const glyph = el("span", entry.glyph, "kg-glyph");
    glyph.style.color = entry.color;
    const li = el("li");
    li.append(glyph, `${entry.name} (${entry.count})`);
    legend.append(li);
  }

  // ---- The network.

  function focusNode(id) {
    if (!details[id]) return Promise.resolve();
    return reveal(id).then(() => {
      showPanel(id);
      network.selectNodes([id]);
      // Centre the node in the part of the canvas the side panel leaves visible.
      const offset = { x: -panel.offsetWidth / 2, y: 0 };
      network.focus(id, { scale: Math.max(network.getScale(), 1), offset, animation: { duration: 400 } });
    });
  }

  // A link such as explorer.html#find=Budi opens on that node.
  function followHash() {
    let hash;
    try {
      hash = decodeURIComponent(location.hash.slice(1));
    } catch (_) {
      return;
    }
    if (!hash.startsWith("find=")) return;
    const found = matches(hash.slice(5));
    if (found.length) focusNode(found[0].id);
  }

  // vis-network does not honour scaling.label.maxVisible, so the largest label size follows
  // the zoom instead: the most central labels stay about 24 px on screen when zoomed in, and
  // readable when zoomed out (where the small ones are not drawn at all).
  let labelMax = null;

  function fitLabels() {
    const max = Math.round(Math.min(56, Math.max(16, 24 / network.getScale())));
    if (max === labelMax) return;
    labelMax = max;
    network.setOptions({ nodes: { scaling: { label: { max } } } });
    const first = nodeSet.getIds()[0]; // label sizes are worked out again on a data update
    if (first !== undefined) nodeSet.update({ id: first });
  }

  function start() {
    nodeSet = new vis.DataSet();
    edgeSet = new vis.DataSet();
    const { drawn, members, passing: count } = wantedNodes();
    sync(drawn, wantedEdges(drawn));
    showCount(members, count);
    network = new vis.Network(byId("kg-graph"), { nodes: nodeSet, edges: edgeSet }, data.options);
    window.kgNetwork = network; // for the tests and the benchmark
    network.on("click", (params) => {
      const id = params.nodes[0];
      if (id && clusters.has(id)) openCluster(id);
      else if (id) showPanel(id);
      else if (!params.edges.length) hidePanel();
    });
    network.on("zoom", fitLabels);
    network.on("animationFinished", fitLabels);
    network.on("stabilizationProgress", (p) => {
      status.textContent = `Laying out the graph… ${Math.round((100 * p.iterations) / p.total)}%`;
    });
    network.once("afterDrawing", () => {
      performance.mark("kg-first-draw");
      document.body.dataset.drawn = "true";
    });
    // Freeze once laid out: nodes stay where they are, and later ones settle around them.
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: false });
      remember(nodeSet.getIds());
      fitLabels();
      status.hidden = true;
      performance.mark("kg-stabilised");
      document.body.dataset.stabilised = "true";
      followHash();
    });
  }

  start();
  window.addEventListener("hashchange", followHash);
  document.addEventListener("click", (event) => {
    if (!byId("kg-find").contains(event.target)) results.hidden = true;
  });
  buildFilters();
  updateFocusButton();
  if (!data.nodes.length) status.textContent = "The graph is empty.";
  performance.mark("kg-ready");
  document.body.dataset.ready = "true";
})();
