// Every text shown comes from news articles and is untrusted: it only ever reaches the page
// through textContent (el) or as an http(s) href (anchor), never as markup.
"use strict";
(() => {
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

  function kindLine(d) {
    return d.subtype ? `${d.kind} · ${d.subtype}` : d.kind;
  }

  // An element, not a string: some vis-network versions render string titles as HTML.
  function tooltip(lines) {
    const box = el("div", null, "kg-tip");
    lines.filter(Boolean).forEach((line, i) => box.append(el(i ? "div" : "strong", line)));
    return box;
  }

  function nodeTooltip(d) {
    const aliases = d.aliases.length ? `also: ${d.aliases.join(", ")}` : "";
    return tooltip([d.label, kindLine(d), aliases]);
  }

  function edgeTooltip(edge) {
    const link = links[edge.id];
    const count = link.evidence.length;
    const said = count ? `${count} evidence sentence${count > 1 ? "s" : ""}` : "";
    return tooltip([`${details[edge.from].label} → ${edge.label} → ${details[edge.to].label}`, said]);
  }

  // Each sentence names the article it was read in, linked when the article's URL is known.
  function evidenceItem(evidence) {
    const li = el("li");
    li.append(el("q", evidence.text));
    if (evidence.article === shown) return li;
    const article = details[evidence.article];
    const name = article ? article.label : "source";
    li.append(" — ", anchor(evidence.url, name) || el("span", name));
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

  function showPanel(id) {
    const d = details[id];
    if (!d) return;
    shown = id;
    const parts = [button("×", "kg-close", hidePanel), el("h2", d.label), el("p", kindLine(d), "kg-kind")];
    if (d.aliases.length) parts.push(section("Also known as", list(d.aliases.map((a) => el("li", a)))));
    if (d.dates.length) parts.push(el("p", d.dates.join(", "), "kg-dates"));
    const link = anchor(d.url, d.url);
    if (link) parts.push(section("Source", link));
    if (d.facts.length) parts.push(section("Facts", list(d.facts.map(factItem))));
    if (d.evidence.length) parts.push(section("Evidence", list(d.evidence.map(evidenceItem), "kg-evidence")));
    parts.push(el("p", d.iri, "kg-iri"));
    panel.replaceChildren(...parts);
    panel.hidden = false;
    panel.scrollTop = 0;
  }

  function hidePanel() {
    shown = null;
    panel.hidden = true;
    panel.replaceChildren();
  }

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
    const choice = button(entry.d.label, null, () => pick(entry.id));
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
  document.addEventListener("click", (event) => {
    if (!byId("kg-find").contains(event.target)) results.hidden = true;
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      const found = matches(search.value);
      if (found.length) pick(found[0].id);
    } else if (event.key === "Escape") {
      search.value = "";
      results.hidden = true;
    }
  });

  const legend = byId("kg-legend");
  for (const entry of data.legend) {
    const glyph = el("span", entry.glyph, "kg-glyph");
    glyph.style.color = entry.color;
    const li = el("li");
    li.append(glyph, `${entry.kind} (${entry.count})`);
    legend.append(li);
  }

  data.nodes.forEach((node) => { node.title = nodeTooltip(details[node.id]); });
  data.edges.forEach((edge) => { edge.title = edgeTooltip(edge); });
  const network = new vis.Network(
    byId("kg-graph"),
    { nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) },
    data.options,
  );

  function focusNode(id) {
    if (!details[id]) return;
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
  // Freeze once laid out: a large graph under live physics is too slow to explore.
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: false });
    status.hidden = true;
    document.body.dataset.stabilised = "true";
    followHash();
  });
  window.addEventListener("hashchange", followHash);
  if (!data.nodes.length) status.textContent = "The graph is empty.";
  document.body.dataset.ready = "true";
})();
