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
    if (hidden.has(id)) resetFilters();
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

  // ---- Filters: kinds, relations, dates, outlets; and the focus on a neighbourhood.

  const filters = { kinds: new Set(), relations: new Set(), outlets: new Set(), from: "", to: "" };
  let focus = null; // { id, hops } while the view is limited to a neighbourhood
  let hidden = new Set(); // ids of the nodes hidden now

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

  // Nodes that pass every test; a node with nothing to judge by shows beside one that passes.
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

  function visibleNodes() {
    const ids = passing();
    if (!focus || !ids.has(focus.id)) return ids;
    return neighbourhood(ids, focus.id, focus.hops);
  }

  function applyFilters() {
    const visible = visibleNodes();
    const nodeChanges = [];
    const nextHidden = new Set();
    for (const n of data.nodes) {
      const hide = !visible.has(n.id);
      if (hide) nextHidden.add(n.id);
      if (hide !== hidden.has(n.id)) nodeChanges.push({ id: n.id, hidden: hide });
    }
    const edgeChanges = [];
    for (const e of data.edges) {
      const hide = !(edgeOn(e.id) && visible.has(e.from) && visible.has(e.to));
      if (hide !== Boolean(edgeState.get(e.id))) {
        edgeState.set(e.id, hide);
        edgeChanges.push({ id: e.id, hidden: hide });
      }
    }
    hidden = nextHidden;
    nodeSet.update(nodeChanges);
    edgeSet.update(edgeChanges);
    showCount(visible.size);
    if (shown && hidden.has(shown)) hidePanel();
  }
  const edgeState = new Map();

  function showCount(count) {
    const total = data.nodes.length;
    document.body.dataset.visible = String(count);
    byId("kg-count").textContent = count === total ? `${total} nodes` : `${count} of ${total} nodes`;
    const empty = byId("kg-empty");
    empty.hidden = count > 0 || total === 0;
  }

  function resetFilters() {
    resetState();
    document.querySelectorAll("#kg-filters input[type=checkbox]").forEach((box) => { box.checked = true; });
    byId("kg-from").value = "";
    byId("kg-to").value = "";
    applyFilters();
  }

  function toggler(set, key) {
    return (event) => {
      if (event.target.checked) set.add(key);
      else set.delete(key);
      applyFilters();
    };
  }

  function checkList(title, entries, set, keyOf, labelOf) {
    const field = el("fieldset");
    field.append(el("legend", title));
    entries.forEach((entry) => field.append(checkbox(labelOf(entry), true, toggler(set, keyOf(entry)))));
    return field;
  }

  function dateField() {
    const field = el("fieldset");
    field.append(el("legend", "Date"));
    const days = Object.values(details).flatMap((d) => d.when);
    [["kg-from", "from", "from"], ["kg-to", "to", "to"]].forEach(([id, key, text]) => {
      const input = el("input");
      input.type = "date";
      input.id = id;
      if (days.length) {
        input.min = days.reduce((a, b) => (a < b ? a : b));
        input.max = days.reduce((a, b) => (a > b ? a : b));
      }
      input.addEventListener("change", () => { filters[key] = input.value; applyFilters(); });
      const wrap = el("label", null, "kg-date");
      wrap.append(text, " ", input);
      field.append(wrap);
    });
    return field;
  }

  function buildFilters() {
    const box = byId("kg-filters");
    box.append(
      checkList("Kind", data.legend, filters.kinds, (e) => e.kind, (e) => `${e.name} (${e.count})`),
      checkList("Relation", data.relations, filters.relations, (r) => r.relation, (r) => `${r.name} (${r.count})`),
      dateField(),
    );
    if (data.outlets.length) {
      box.append(checkList("Outlet", data.outlets, filters.outlets, (o) => o.name, (o) => `${o.name} (${o.count})`));
    }
    box.append(button("Reset filters", "kg-reset", resetFilters));
    byId("kg-filter-toggle").addEventListener("click", () => {
      box.hidden = !box.hidden;
      byId("kg-filter-toggle").setAttribute("aria-expanded", String(!box.hidden));
    });
    byId("kg-empty-reset").addEventListener("click", resetFilters);
  }

  // ---- Focus on the neighbourhood of the selected node.

  const hopsInput = byId("kg-hops");

  function updateFocusButton() {
    const target = byId("kg-focus");
    target.disabled = !shown;
    target.textContent = shown ? `Focus on ${details[shown].label}` : "Focus (select a node)";
    byId("kg-unfocus").hidden = !focus;
  }

  function focusNeighbourhood() {
    if (!shown) return;
    focus = { id: shown, hops: Math.max(1, Math.min(6, Number(hopsInput.value) || 1)) };
    applyFilters();
    network.fit({ nodes: [...visibleNodes()], animation: { duration: 400 } });
    updateFocusButton();
  }

  function unfocus() {
    focus = null;
    applyFilters();
    network.fit({ animation: { duration: 400 } });
    updateFocusButton();
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

  data.nodes.forEach((node) => { node.title = nodeTooltip(details[node.id]); });
  data.edges.forEach((edge) => { edge.title = edgeTooltip(edge); });
  const nodeSet = new vis.DataSet(data.nodes);
  const edgeSet = new vis.DataSet(data.edges);
  const network = new vis.Network(byId("kg-graph"), { nodes: nodeSet, edges: edgeSet }, data.options);

  function focusNode(id) {
    if (!details[id]) return;
    if (hidden.has(id)) resetFilters();
    showPanel(id);
    network.selectNodes([id]);
    // Centre the node in the part of the canvas the side panel leaves visible.
    const offset = { x: -panel.offsetWidth / 2, y: 0 };
    network.focus(id, { scale: Math.max(network.getScale(), 1), offset, animation: { duration: 400 } });
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

  network.on("click", (params) => {
    if (params.nodes.length) showPanel(params.nodes[0]);
    else if (!params.edges.length) hidePanel();
  });
  network.on("stabilizationProgress", (p) => {
    status.textContent = `Laying out the graph… ${Math.round((100 * p.iterations) / p.total)}%`;
  });
  network.once("afterDrawing", () => {
    performance.mark("kg-first-draw");
    document.body.dataset.drawn = "true";
  });
  // Freeze once laid out: a large graph under live physics is too slow to explore.
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: false });
    status.hidden = true;
    performance.mark("kg-stabilised");
    document.body.dataset.stabilised = "true";
    followHash();
  });
  window.addEventListener("hashchange", followHash);
  document.addEventListener("click", (event) => {
    if (!byId("kg-find").contains(event.target)) results.hidden = true;
  });
  buildFilters();
  updateFocusButton();
  showCount(data.nodes.length);
  if (!data.nodes.length) status.textContent = "The graph is empty.";
  performance.mark("kg-ready");
  document.body.dataset.ready = "true";
})();
