// Stories: the list, and one story with its documents, fused events (status, sources), the figures series as a
// small chart, and conflicts. Stories come from the fusion stage; a store without it has none.
import { h, s, api, actorLabel, note, badge } from "./dom.js";

export async function renderList(root) {
  const page = await api("stories", { limit: 100 });
  root.append(h("h2", null, "Stories"));
  if (!page.items.length) {
    root.append(note("No stories in this store yet: stories and fused events are built when documents are fused (tacitus ingest with fusion)."));
    return;
  }
  root.append(h("ul", { class: "stories" }, page.items.map((st) => h("li", null,
    h("a", { href: `#/story/${encodeURIComponent(st.id)}` }, st.title),
    ` — ${st.documents.length} document${st.documents.length === 1 ? "" : "s"}, ${st.events.length} fused event${st.events.length === 1 ? "" : "s"}`))));
}

export async function renderStory(root, id) {
  const story = await api(`stories/${encodeURIComponent(id)}`);
  const fused = (await api("fused-events", { story: id, limit: 1000 })).items;
  root.append(h("h2", null, story.title),
    h("p", { class: "meta" }, h("a", { href: `#/events?story=${encodeURIComponent(story.id)}` }, "Its event records"), " · ",
      h("a", { href: `#/timeline?story=${encodeURIComponent(story.id)}` }, "timeline"), " · ",
      h("a", { href: `#/map?story=${encodeURIComponent(story.id)}` }, "map"), " · ",
      h("a", { href: `#/network?story=${encodeURIComponent(story.id)}` }, "network")),
    h("section", { "aria-label": "Documents" }, h("h3", null, "Documents"),
      h("ul", null, story.documents.map((d) => h("li", null,
        h("a", { href: `#/article/${d.id}` }, d.title ?? d.file ?? d.id), ` — ${d.outlet ?? "unknown outlet"}, ${d.published ?? "undated"}`)))));

  const events = h("section", { "aria-label": "Fused events" }, h("h3", null, "Fused events"));
  if (!fused.length) events.append(note("No fused events in this story."));
  for (const f of fused) {
    events.append(h("article", { class: "fused", dataset: { status: f.status } },
      h("h4", null, f.event, f.mode ? `/${f.mode}` : "", " ", badge(f.status, `status-${f.status}`)),
      h("p", { class: "dyad" }, actorLabel(f.actor), " → ", f.recipient ? actorLabel(f.recipient) : "∅"),
      h("p", null, f.date ? `${f.date.value ?? "?"}${f.date.earliest && f.date.latest && f.date.earliest !== f.date.latest ? ` (between ${f.date.earliest} and ${f.date.latest})` : ""}` : "undated",
        f.location ? ` · ${f.location.name ?? ""}${f.location.country ? ` (${f.location.country})` : ""}` : ""),
      h("p", null, `Sources (${f.independent_sources} independent): ${f.sources.join("; ") || "none"}`),
      h("details", null, h("summary", null, `${f.reports.length} report${f.reports.length === 1 ? "" : "s"}`),
        h("ul", null, f.reports.map((r) => h("li", null,
          h("a", { href: `#/article/${r.document.id}` }, r.document.outlet ?? r.document.id), `, ${r.document.published ?? "undated"}: `,
          h("q", null, r.evidence), r.attribution ? ` — ${r.attribution}` : "")))),
      f.figures.length ? figureChart(f.figures) : null,
      f.conflicts.length ? h("div", { class: "conflicts", role: "note" }, h("strong", null, "Conflicts: "), h("ul", null, f.conflicts.map((c) => h("li", null, c)))) : null));
  }
  root.append(events);
}

/** The figures of a fused event in time order: one line per kind, a dot per report, the latest labelled. */
function figureChart(figures) {
  const sorted = [...figures].sort((a, b) => String(a.published).localeCompare(String(b.published)));
  const W = 360, H = 140, P = 32;
  const max = Math.max(...sorted.map((f) => f.value), 1);
  const x = (i) => P + (sorted.length === 1 ? (W - 2 * P) / 2 : (i * (W - 2 * P)) / (sorted.length - 1));
  const y = (v) => H - P + 8 - (v / max) * (H - 2 * P);
  const kinds = [...new Set(sorted.map((f) => f.kind))];
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "figures", role: "img", "aria-label": `Figures: ${sorted.map((f) => `${f.kind} ${f.qualifier ? f.qualifier + " " : ""}${f.value} on ${f.published} (${f.source ?? f.document.outlet})`).join("; ")}` },
    s("line", { x1: P, y1: H - P + 8, x2: W - P, y2: H - P + 8, class: "axis" }));
  kinds.forEach((kind, k) => {
    const points = sorted.map((f, i) => ({ f, i })).filter((p) => p.f.kind === kind);
    svg.append(s("polyline", { points: points.map((p) => `${x(p.i)},${y(p.f.value)}`).join(" "), class: `series series-${k % 4}` }));
    for (const p of points) {
      svg.append(s("circle", { cx: x(p.i), cy: y(p.f.value), r: 4, class: `series-${k % 4}` }, s("title", null, `${kind}: ${p.f.qualifier ? p.f.qualifier + " " : ""}${p.f.value} (${p.f.published}, ${p.f.source ?? p.f.document.outlet})`)));
      svg.append(s("text", { x: x(p.i), y: y(p.f.value) - 8, "text-anchor": "middle", class: "label" }, String(p.f.value)));
    }
  });
  sorted.forEach((f, i) => svg.append(s("text", { x: x(i), y: H - 4, "text-anchor": "middle", class: "label" }, String(f.published ?? "").slice(5))));
  return h("figure", null, svg, h("figcaption", null, `Figures in time order (${kinds.join(", ")}); latest: ${sorted.at(-1).value}`));
}
