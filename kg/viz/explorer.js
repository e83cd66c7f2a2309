// Every text shown comes from news articles and is untrusted: it only ever reaches the page
// through textContent (el) or as an http(s) href (anchor), never as markup. What to draw and
// find is decided by kgState (state.js, inlined before this script); this draws it.
"use strict";
(() => {
  performance.mark("kg-start");
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const details = data.details;
  const links = data.links;
  const { fold, plural, kindLine } = kgState;
  const view = kgState.createView(data);
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

  // The overview's counts: an organisation's members and events, a place's members (those of
  // the organisations serving it or a place inside it).
  function countLine(d) {
    if (d.kind !== "organization") return `${plural(d.members, "member")} in the organisations serving it`;
    return d.events ? `${plural(d.members, "member")} · took part in ${plural(d.events, "event")}` : plural(d.members, "member");
  }

  // Go to the page of another slice of the store (a served page only).
  function goTo(params) {
    location.assign(kgState.sliceHref(params));
  }

  function actions(d) {
    const found = [];
    if (d.kind === "person") found.push(button("Timeline", "kg-action", () => showPanel(shown, true)));
    if (data.served && (d.kind === "person" || d.kind === "organization")) {
      found.push(button("Neighbourhood in the store", "kg-action", () => goTo({ around: d.iri, hops: kgState.hops(hopsInput.value) })));
    }
    if (!found.length) return null;
    const box = el("p", null, "kg-actions");
    box.append(...found);
    return box;
  }

  function timelineItem(entry) {
    const li = el("li");
    li.append(el("span", entry.days.length ? entry.days.join(", ") : "undated", "kg-when"), button(entry.text, "kg-fact", () => focusNode(entry.other)));
    return li;
  }

  function panelParts(d, withTimeline) {
    const parts = [button("×", "kg-close", hidePanel), el("h2", d.title || d.label), el("p", kindLine(d), "kg-kind")];
    const tools = actions(d);
    if (tools) parts.push(tools);
    if (d.members !== undefined) parts.push(el("p", countLine(d), "kg-dates"));
    if (withTimeline) parts.push(section("Timeline", list(kgState.timeline(data, shown).map(timelineItem), "kg-timeline")));
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

  function showPanel(id, withTimeline = false) {
    const d = details[id];
    if (!d) return;
    shown = id;
    panel.replaceChildren(...panelParts(d, withTimeline));
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

  const index = kgState.searchIndex(details);
  const matches = (text) => kgState.matches(index, text);

  function resultItem(entry, query) {
    const alias = kgState.matchedAlias(entry, query);
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
    if (query && !found.length) results.append(el("li", data.served ? "No match in this page" : "No match", "kg-none"));
    results.hidden = !query;
    if (data.served) askStoreSoon(search.value);
  }

  // ---- A served page also searches the whole store, through its SPARQL endpoint (the only
  // origin its CSP lets it ask); a store result opens that person's or organisation's page.

  let asked = 0; // the store searches sent: only the latest one's answer shows
  let waiting = null;

  function askStoreSoon(text) {
    clearTimeout(waiting);
    const mine = ++asked;
    const query = kgState.storeQuery(text);
    if (!query) return;
    waiting = setTimeout(() => {
      fetch(`query?query=${encodeURIComponent(query)}`, { headers: { Accept: "application/sparql-results+json" } })
        .then((answer) => (answer.ok ? answer.json() : Promise.reject(new Error(answer.statusText))))
        .then((answer) => { if (mine === asked) showStoreResults(kgState.storeResults(answer)); })
        .catch(() => { if (mine === asked) showStoreResults(null); });
    }, 150);
  }

  function storeItem(entry) {
    const choice = button(entry.label, "kg-store-result", () => goTo({ around: entry.id, hops: kgState.hops(hopsInput.value) }));
    choice.append(el("span", `${entry.kind} · in the store`, "kg-sub"));
    const li = el("li");
    li.append(choice);
    return li;
  }

  function showStoreResults(found) {
    results.querySelectorAll(".kg-store-item").forEach((li) => li.remove());
    const items = [el("li", "In the store", "kg-heading")];
    if (found === null) items.push(el("li", "The store did not answer", "kg-none"));
    else if (!found.length) items.push(el("li", "No person or organisation so named", "kg-none"));
    else items.push(...found.map(storeItem));
    items.forEach((li) => li.classList.add("kg-store-item"));
    results.append(...items);
    results.hidden = !search.value.trim();
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
      else if (data.served && kgState.words(search.value).length) goTo({ around: search.value.trim(), hops: kgState.hops(hopsInput.value) });
    } else if (event.key === "Escape") {
      search.value = "";
      results.hidden = true;
    }
  });

  // ---- What is drawn (kgState decides): the drawn nodes and edges are kept in vis DataSets
  // that follow the wanted state, and a node keeps its place.

  const { opened, clusters } = view;
  const nodeItems = new Map(data.nodes.map((n) => [n.id, n]));
  const positions = new Map(); // where each node drawn so far was last
  let nodeSet = null;
  let edgeSet = null;
  let network = null;

  // A page laid out by the server gives each cluster its centre and the disc its members lie
  // in: the closed cluster covers that disc, its label as large as the disc allows.
  function clusterNode(cluster) {
    const disc = cluster.r === undefined ? { value: cluster.size, font: { size: 16 } }
      : { x: cluster.x, y: cluster.y, size: cluster.r * 0.8, font: { size: Math.max(16, Math.round(cluster.r / 5)) } };
    return {
      id: cluster.id, label: cluster.label, shape: "dot", borderWidth: 2,
      scaling: { label: { enabled: false } },
      color: { background: "#dfe7f2", border: "#4e79a7" },
      title: tooltip([`${cluster.size} nodes around ${cluster.name}`, "click to open"]),
      ...disc,
    };
  }

  function nodeItem(id) {
    if (clusters.has(id)) return clusterNode(clusters.get(id));
    return { ...nodeItems.get(id), title: nodeTooltip(details[id]) };
  }

  function edgeItem(item) {
    return { ...item, title: item.count ? tooltip([plural(item.count, "link")]) : edgeTooltip(item) };
  }

  // A new member starts near its cluster's place (kgState.seed).
  function seed(id, index) {
    const cluster = details[id] && details[id].cluster;
    return kgState.seed(cluster && positions.get(cluster), index);
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
      const placed = item.x !== undefined; // laid out by the server: drawn where it says
      const place = positions.get(id) || (network && !placed ? seed(id, fresh.length) : null);
      if (!positions.has(id) && !placed) fresh.push(id);
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
      const { drawn, members, passing: count } = view.wantedNodes();
      const fresh = sync(drawn, view.wantedEdges(drawn));
      showCount(members, count);
      if (shown && !nodeSet.get(shown)) hidePanel();
      return settle(fresh);
    }).then(() => { document.body.dataset.applied = String(++applied); });
    return queue;
  }

  function showCount(members, count) {
    const total = data.nodes.length;
    document.body.dataset.visible = String(members);
    byId("kg-count").textContent = kgState.countText(members, total, view.closed());
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
    if (view.reveal(id).filtersReset) showFiltersReset();
    return apply();
  }

  // ---- The filter form.

  function showFiltersReset() {
    document.querySelectorAll("#kg-filters input[type=checkbox]").forEach((box) => { box.checked = true; });
    byId("kg-from").value = "";
    byId("kg-to").value = "";
    updateFocusButton();
  }

  function resetFilters() {
    view.reset();
    showFiltersReset();
    return apply();
  }

  function toggler(name, key) {
    return (event) => {
      if (event.target.checked) view.filters[name].add(key);
      else view.filters[name].delete(key);
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
    input.addEventListener("change", () => { view.filters[key] = input.value; apply(); });
    return input;
  }

  function dateField() {
    const field = el("fieldset");
    field.append(el("legend", "Date"));
    const days = view.days();
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
    byId("kg-unfocus").hidden = !view.focus;
  }

  function focusNeighbourhood() {
    if (!shown || !details[shown]) return;
    view.focus = { id: shown, hops: kgState.hops(hopsInput.value) };
    updateFocusButton();
    apply().then(() => network.fit({ nodes: nodeSet.getIds(), animation: { duration: 400 } }));
  }

  function unfocus() {
    view.focus = null;
    updateFocusButton();
    apply().then(() => network.fit({ animation: { duration: 400 } }));
  }

  byId("kg-focus").addEventListener("click", focusNeighbourhood);
  byId("kg-unfocus").addEventListener("click", unfocus);
  hopsInput.addEventListener("change", () => { if (view.focus) focusNeighbourhood(); });

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

  // ---- What the page is a slice of, and on a served page, the other slices of the store.

  function showAbout() {
    const about = data.about;
    if (!about) return;
    const line = byId("kg-about");
    const parts = [about.error || about.title];
    if (about.cut && !about.overview) parts.push(`cut at ${about.limit} entities`);
    if (about.note) parts.push(about.note);
    line.textContent = parts.join(" · ");
    if (about.error) {
      line.className = "kg-error";
      line.setAttribute("role", "alert");
    }
    line.hidden = false;
  }

  function storeNav() {
    if (!data.served) return;
    const region = byId("kg-region");
    const month = byId("kg-month");
    const events = () => goTo({ region: region.value.trim(), month: month.value, hops: kgState.hops(hopsInput.value) });
    byId("kg-events").addEventListener("click", events);
    region.addEventListener("keydown", (event) => { if (event.key === "Enter") events(); });
    byId("kg-store").hidden = false;
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
    const query = kgState.hashQuery(location.hash);
    const found = query === null ? [] : matches(query);
    if (found.length) focusNode(found[0].id);
  }

  // The largest label size follows the zoom (kgState.labelMax).
  let labelMax = null;

  function fitLabels() {
    const max = kgState.labelMax(network.getScale());
    if (max === labelMax) return;
    labelMax = max;
    network.setOptions({ nodes: { scaling: { label: { max } } } });
    const first = nodeSet.getIds()[0]; // label sizes are worked out again on a data update
    if (first !== undefined) nodeSet.update({ id: first });
  }

  function start() {
    nodeSet = new vis.DataSet();
    edgeSet = new vis.DataSet();
    const { drawn, members, passing: count } = view.wantedNodes();
    sync(drawn, view.wantedEdges(drawn));
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
    // Freeze once laid out: nodes stay where they are, and later ones settle around them. A
    // page laid out before (physics off: the overview) is drawn at once where it says.
    const frozen = () => {
      network.setOptions({ physics: false });
      remember(nodeSet.getIds());
      fitLabels();
      status.hidden = true;
      performance.mark("kg-stabilised");
      document.body.dataset.stabilised = "true";
      followHash();
      const official = data.about && data.about.timeline;
      if (official && details[official]) focusNode(official).then(() => showPanel(official, true));
    };
    if (data.options.physics.enabled) network.once("stabilizationIterationsDone", frozen);
    else {
      network.fit();
      frozen();
    }
  }

  start();
  window.addEventListener("hashchange", followHash);
  document.addEventListener("click", (event) => {
    if (!byId("kg-find").contains(event.target)) results.hidden = true;
  });
  buildFilters();
  showAbout();
  storeNav();
  updateFocusButton();
  if (!data.nodes.length) {
    status.textContent = "The graph is empty.";
    document.body.dataset.stabilised = "true"; // nothing to lay out
  }
  performance.mark("kg-ready");
  document.body.dataset.ready = "true";
})();
