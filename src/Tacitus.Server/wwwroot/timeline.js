// Timeline: event records per day as stacked bars (a colour per event type), and the same as a list.
import { h, s, apiAll, actorLabel, note } from "./dom.js";
import { eventFilters, filterLine, dayOf } from "./filters.js";

export async function render(root, _arg, params) {
  const filters = eventFilters(params);
  const events = await apiAll("events", filters);
  root.append(h("h2", null, "Timeline"), filterLine("timeline", filters));
  const dated = events.filter(dayOf);
  if (!dated.length) {
    root.append(note("No dated event records to show."));
    return;
  }
  const byDay = new Map();
  for (const e of dated) {
    const d = dayOf(e);
    if (!byDay.has(d)) byDay.set(d, []);
    byDay.get(d).push(e);
  }
  const days = [...byDay.keys()].sort();
  const types = [...new Set(dated.map((e) => e.type))].sort();
  const max = Math.max(...[...byDay.values()].map((l) => l.length));
  const bar = 28, gap = 10, H = 220, P = 60;
  const W = Math.max(320, P * 2 + days.length * (bar + gap));
  const svg = s("svg", { viewBox: `0 0 ${W} ${H + 80}`, class: "timeline", role: "img", "aria-label": `Event records per day, ${days[0]} to ${days.at(-1)}` });
  svg.append(s("line", { x1: P, y1: H, x2: W - P, y2: H, class: "axis" }));
  days.forEach((d, i) => {
    const x = P + i * (bar + gap);
    let y = H;
    for (const t of types) {
      const n = byDay.get(d).filter((e) => e.type === t).length;
      if (!n) continue;
      const height = (n / max) * (H - P);
      y -= height;
      svg.append(s("rect", { x, y, width: bar, height, class: `type type-${types.indexOf(t) % 8}` }, s("title", null, `${d}: ${n} ${t}`)));
    }
    svg.append(s("text", { x: x + bar / 2, y: y - 4, "text-anchor": "middle", class: "label" }, String(byDay.get(d).length)));
    svg.append(s("text", { x: x + bar / 2, y: H + 14, "text-anchor": "end", transform: `rotate(-45 ${x + bar / 2} ${H + 14})`, class: "label" }, d));
  });
  root.append(h("div", { class: "scroll" }, svg),
    h("ul", { class: "legend" }, types.map((t, i) => h("li", null, h("span", { class: `swatch type-${i % 8}` }), t))),
    h("ol", { class: "days" }, days.map((d) => h("li", null, h("strong", null, d), h("ul", null, byDay.get(d).map((e) => h("li", null,
      `${e.type}: ${actorLabel(e.actor)} → ${e.recipient ? actorLabel(e.recipient) : "∅"} `,
      h("a", { href: `#/article/${e.key.document}` }, e.outlet ?? "document"))))))));
}
