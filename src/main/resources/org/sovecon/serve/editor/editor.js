// The sovecon query editor: YASGUI on this server's endpoint, the project's prefixes preloaded, the
// query catalogue (catalogue.json, made at build time from queries/**/*.rq) one click away, and
// /editor/?q=ID as the permalink of a catalogue query. Two result views are added to YASR: a bar
// chart for a label column with figures, and a timeline for rows with dates.
(function () {
  "use strict";
  const endpoint = location.origin + "/sovecon/sparql";

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  // ---- result views: every value goes in as text (textContent), never as HTML.
  const SVGNS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVGNS, tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const NUMERIC = ["integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger"].map(t => XSD + t);
  const DATES = ["date", "gYear", "gYearMonth", "dateTime"].map(t => XSD + t);
  function display(b) {
    if (!b) return "";
    if (b.type === "uri") { const i = Math.max(b.value.lastIndexOf("/"), b.value.lastIndexOf("#")); return b.value.substring(i + 1); }
    return b.value;
  }
  function columns(yasr, kinds) {
    const r = yasr.results;
    if (!r || !r.getVariables || !r.getBindings) return null;
    const vars = r.getVariables(), rows = r.getBindings();
    if (!rows || rows.length === 0) return null;
    const col = vars.find(v => rows.some(row => row[v] && kinds.includes(row[v].datatype)));
    if (!col) return null;
    const label = vars.find(v => v !== col && rows.some(row => row[v] && !kinds.includes(row[v].datatype)));
    return { col, label, rows: rows.filter(row => row[col]) };
  }
  function Chart(yasr) { this.yasr = yasr; this.priority = 5; this.label = "Chart"; }
  Chart.prototype.canHandleResults = function () { return !!columns(this.yasr, NUMERIC); };
  Chart.prototype.getIcon = function () { return el("span", {}, "📊"); };
  Chart.prototype.draw = function () {
    const c = columns(this.yasr, NUMERIC), rows = c.rows.slice(0, 200);
    const max = Math.max(...rows.map(r => Math.abs(parseFloat(r[c.col].value)) || 0), 1);
    const h = 20, w = 900, s = svg("svg", { width: w, height: rows.length * h + 10, role: "img", "aria-label": "bar chart of " + c.col });
    rows.forEach((r, i) => {
      const v = parseFloat(r[c.col].value), len = (Math.abs(v) / max) * 500;
      s.appendChild(svg("text", { x: 0, y: i * h + 14 }, display(r[c.label]).substring(0, 45)));
      s.appendChild(svg("rect", { class: "bar", x: 320, y: i * h + 3, width: Math.max(len, 1), height: h - 6 }));
      s.appendChild(svg("text", { x: 325 + len, y: i * h + 14 }, r[c.col].value));
    });
    const div = el("div", { class: "viz chart" }); div.appendChild(s);
    this.yasr.resultsEl.appendChild(div);
  };
  function Timeline(yasr) { this.yasr = yasr; this.priority = 4; this.label = "Timeline"; }
  Timeline.prototype.canHandleResults = function () { return !!columns(this.yasr, DATES); };
  Timeline.prototype.getIcon = function () { return el("span", {}, "🕒"); };
  Timeline.prototype.draw = function () {
    const c = columns(this.yasr, DATES);
    const rows = c.rows.slice(0, 300).map(r => ({ r, t: Date.parse(r[c.col].value.length === 4 ? r[c.col].value + "-01-01" : r[c.col].value.length === 7 ? r[c.col].value + "-01" : r[c.col].value) }))
      .filter(x => !isNaN(x.t)).sort((a, b) => a.t - b.t);
    if (rows.length === 0) return;
    const t0 = rows[0].t, t1 = Math.max(rows[rows.length - 1].t, t0 + 1), w = 900, h = 18;
    const s = svg("svg", { width: w + 200, height: rows.length * h + 30, role: "img", "aria-label": "timeline of " + c.col });
    rows.forEach((x, i) => {
      const px = 10 + ((x.t - t0) / (t1 - t0)) * (w - 300);
      s.appendChild(svg("circle", { class: "dot", cx: px, cy: i * h + 10, r: 4 }));
      s.appendChild(svg("text", { x: px + 8, y: i * h + 14 }, x.r[c.col].value + "  " + display(x.r[c.label])));
    });
    const div = el("div", { class: "viz timeline" }); div.appendChild(s);
    this.yasr.resultsEl.appendChild(div);
  };

  if (typeof Yasgui === "undefined") { document.getElementById("missing").hidden = false; return; }
  Yasgui.Yasr.registerPlugin("chart", Chart);
  Yasgui.Yasr.registerPlugin("timeline", Timeline);

  Promise.all([fetch("catalogue.json").then(r => r.json()), fetch("prefixes.json").then(r => r.json())]).then(([catalogue, prefixes]) => {
    const prologue = Object.keys(prefixes).sort().map(p => "PREFIX " + p + ": <" + prefixes[p] + ">").join("\n");
    const yasgui = new Yasgui(document.getElementById("yasgui"), {
      requestConfig: { endpoint: endpoint, method: "POST" },
      copyEndpointOnNewTab: false,
      endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
      persistenceId: null,
      // Completions of prefixes and variables only: the others ask a service on the Internet.
      yasqe: { value: prologue + "\n\nSELECT ?entity ?label WHERE {\n  ?entity a sov:PlanningBody ; sov:displayLabel ?label .\n}\n", autocompleters: ["prefixes", "variables"] },
      yasr: { pluginOrder: ["table", "chart", "timeline", "response"], defaultPlugin: "table" },
    });
    window.sovecon = { yasgui: yasgui, catalogue: catalogue, prologue: prologue };

    function open(entry) {
      const tab = yasgui.addTab(true, { name: entry.id });
      tab.setQuery(entry.query);
      tab.query();
      history.replaceState(null, "", "?q=" + encodeURIComponent(entry.id));
    }
    const byGroup = {};
    catalogue.forEach(e => (byGroup[e.group || "general"] = byGroup[e.group || "general"] || []).push(e));
    const box = document.getElementById("entries");
    Object.keys(byGroup).sort().forEach(g => {
      box.appendChild(el("h3", {}, g));
      const ul = el("ul");
      byGroup[g].forEach(e => {
        const li = el("li"), a = el("a", { href: "?q=" + encodeURIComponent(e.id), "data-id": e.id, class: "query-link" }, e.title);
        a.addEventListener("click", ev => { ev.preventDefault(); open(e); });
        li.appendChild(a);
        if (e.description) li.appendChild(el("p", {}, e.description));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    });
    const wanted = new URLSearchParams(location.search).get("q");
    if (wanted) {
      const e = catalogue.find(x => x.id === wanted);
      if (e) open(e);
    }
  });
})();
