// Actor network: who acts on whom. Nodes on a circle; an arrow per actor, recipient and event type, its width by
// count, its colour by type; the same edges as a table below.
import { h, s, api, note } from "./dom.js";
import { eventFilters, filterLine } from "./filters.js";

export async function render(root, _arg, params) {
  const filters = eventFilters(params);
  const { items: edges } = await api("actors/network", { ...filters, limit: 300 });
  root.append(h("h2", null, "Actor network"), filterLine("network", filters));
  if (!edges.length) {
    root.append(note("No event record here has both an actor and a recipient."));
    return;
  }
  const label = (name, code) => (code ? `${name} (${code.length > 3 ? `${code.slice(0, 3)} ${code.slice(3)}` : code})` : name);
  const nodes = new Map();
  for (const e of edges) {
    for (const [name, code] of [[e.actor, e.actor_code], [e.recipient, e.recipient_code]]) {
      const key = label(name, code);
      nodes.set(key, (nodes.get(key) ?? 0) + e.count);
    }
  }
  const names = [...nodes.keys()].sort((a, b) => nodes.get(b) - nodes.get(a)).slice(0, 40);
  const W = 900, H = 640, R = Math.min(W, H) / 2 - 110;
  const at = new Map(names.map((n, i) => {
    const angle = (2 * Math.PI * i) / names.length - Math.PI / 2;
    return [n, [W / 2 + R * Math.cos(angle), H / 2 + R * Math.sin(angle), angle]];
  }));
  const types = [...new Set(edges.map((e) => e.type))].sort();
  const maxCount = Math.max(...edges.map((e) => e.count));
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", role: "img", "aria-label": `Actor network: ${names.length} actors, ${edges.length} links` },
    s("defs", null, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "18", refY: "5", markerUnits: "userSpaceOnUse", markerWidth: "9", markerHeight: "9", orient: "auto-start-reverse" },
      s("path", { d: "M0,0L10,5L0,10z", class: "arrowhead" }))));
  for (const e of edges) {
    const a = at.get(label(e.actor, e.actor_code)), b = at.get(label(e.recipient, e.recipient_code));
    if (!a || !b || a === b) continue;
    svg.append(s("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: `edge type-${types.indexOf(e.type) % 8}`, "stroke-width": (1 + (4 * e.count) / maxCount).toFixed(1), "marker-end": "url(#arrow)" },
      s("title", null, `${e.actor} → ${e.recipient}: ${e.count} × ${e.type}`)));
  }
  for (const n of names) {
    const [x, y, angle] = at.get(n);
    const right = Math.cos(angle) >= 0;
    svg.append(s("g", { class: "node" },
      s("circle", { cx: x, cy: y, r: 4 + Math.sqrt(nodes.get(n)) * 1.5 }, s("title", null, `${n}: ${nodes.get(n)} event records`)),
      s("text", { x: x + (right ? 10 : -10), y: y + 4, "text-anchor": right ? "start" : "end", class: "label" }, n)));
  }
  root.append(h("div", { class: "scroll" }, svg),
    h("ul", { class: "legend" }, types.map((t, i) => h("li", null, h("span", { class: `swatch type-${i % 8}` }), t))),
    h("div", { class: "scroll" }, h("table", { id: "network-table" },
      h("caption", null, "Links, heaviest first"),
      h("thead", null, h("tr", null, ["Actor", "Event", "Recipient", "Count"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", null, edges.map((e) => h("tr", null, h("td", null, label(e.actor, e.actor_code)), h("td", null, e.type), h("td", null, label(e.recipient, e.recipient_code)), h("td", { class: "num" }, e.count)))))));
}
