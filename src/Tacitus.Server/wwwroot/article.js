// Article view: the text with what was read from it marked (actors, places, times, quantities, cues, sources),
// each mark explaining itself on hover or focus; beside it every event record, linked to its evidence sentence,
// with its attribution chain and modality.
import { h, api, actorLabel, modalityFlags, badge, note, showTip, hideTip } from "./dom.js";

const KINDS = {
  person: "actor", organization: "actor", country: "place", place: "place", time: "time", quantity: "quantity",
};

/** Marks as spans nested inside each other; a span that crosses another is left out (its words stay plain). */
function nest(spans) {
  spans.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const root = { start: 0, end: Infinity, children: [] };
  const stack = [root];
  for (const span of spans) {
    if (span.end <= span.start) continue;
    while (stack.length > 1 && stack[stack.length - 1].end <= span.start) stack.pop();
    const top = stack[stack.length - 1];
    if (span.end > top.end) continue;
    span.children = [];
    top.children.push(span);
    stack.push(span);
  }
  return root;
}

function renderSpan(text, node, start, end) {
  const out = [];
  let at = start;
  for (const child of node.children) {
    if (child.start > at) out.push(text.slice(at, child.start));
    out.push(child.element(renderSpan(text, child, child.start, child.end)));
    at = child.end;
  }
  if (end > at) out.push(text.slice(at, end));
  return out;
}

function explained(element, lines) {
  element.addEventListener("mouseenter", () => showTip(element, lines));
  element.addEventListener("focus", () => showTip(element, lines));
  element.addEventListener("mouseleave", hideTip);
  element.addEventListener("blur", hideTip);
  element.setAttribute("aria-label", lines.join("; "));
  return element;
}

function mentionLines(m) {
  const lines = [`${m.kind}: “${m.text}”`];
  const code = [m.country, m.sector].filter(Boolean).join(" ");
  if (m.name && m.name !== m.text) lines.push(`read as ${m.name}${code ? ` (${code})` : ""}`);
  else if (code) lines.push(`code ${code}`);
  if (m.role) lines.push(`role: ${m.role}`);
  if (m.time) lines.push(`time ${m.time.value} (${m.time.precision}, ${m.time.basis})`);
  if (m.place) lines.push(`place${m.place.lat != null ? ` at ${m.place.lat}, ${m.place.lon}` : ""}${m.place.geonames_id ? `, GeoNames ${m.place.geonames_id}` : ""}`);
  if (m.quantity) lines.push(`quantity ${m.quantity.value ?? `${m.quantity.low}–${m.quantity.high}`} ${m.quantity.unit}`);
  if (m.rule) lines.push(`rule: ${m.rule}`);
  return lines;
}

function chain(a) {
  if (!a) return "unattributed (the outlet's own account)";
  const source = a.source.name ?? a.source.text;
  const via = (a.via ?? []).map((v) => v.name ?? v.text);
  return [source, ...via.map((v) => `via ${v}`)].join(" → ") + ` → “${a.cue.text}”`;
}

export async function render(root, id) {
  if (!id) {
    root.append(note("Pick a document from the list.", "info"));
    return;
  }
  const doc = await api(`documents/${encodeURIComponent(id)}`);
  const text = doc.text;
  const spans = [];
  let order = 0;
  for (const sentence of doc.sentences) {
    spans.push({ start: sentence.start, end: sentence.end, order: order++, element: (kids) =>
      h("span", { class: `sentence${sentence.boilerplate ? " boilerplate" : ""}`, id: `s-${sentence.index}` }, kids) });
  }
  doc.attributions.forEach((a, i) => {
    if (a.source.start != null) {
      const lines = [`source: “${a.source.text}”`, `${a.source.kind}${a.anonymous ? ", anonymous" : ""}${a.source.name ? ` — ${a.source.name}` : ""}`,
        `chain: ${chain(a)}`, ...(a.rule ? [`rule: ${a.rule}`] : [])];
      spans.push({ start: a.source.start, end: a.source.end, order: order++, element: (kids) =>
        explained(h("mark", { class: "m-source", tabindex: "0", dataset: { attribution: i } }, kids), lines) });
    }
    const lines = [`cue: “${a.cue.text}”`, `attribution to ${a.source.name ?? a.source.text}${a.denial ? " (denial)" : ""}${a.direct_quote ? " (direct quote)" : ""}`,
      ...(a.rule ? [`rule: ${a.rule}`] : [])];
    spans.push({ start: a.cue.start, end: a.cue.end, order: order++, element: (kids) =>
      explained(h("mark", { class: "m-cue", tabindex: "0", dataset: { attribution: i } }, kids), lines) });
  });
  for (const m of doc.mentions) {
    const kind = KINDS[m.kind] ?? "actor";
    spans.push({ start: m.start, end: m.end, order: order++, element: (kids) =>
      explained(h("mark", { class: `m-${kind}`, tabindex: "0", dataset: { kind: m.kind } }, kids), mentionLines(m)) });
  }
  const body = h("div", { class: "article-text", id: "article-text" }, renderSpan(text, nest(spans), 0, text.length));

  const d = doc.document;
  const legend = h("ul", { class: "legend", "aria-label": "Colours" },
    [["actor", "actors"], ["place", "places"], ["time", "times"], ["quantity", "quantities"], ["cue", "cues"], ["source", "sources"]]
      .map(([k, label]) => h("li", null, h("mark", { class: `m-${k}` }, label))));

  const cards = doc.events.map((e, i) => eventCard(doc, e, i));
  root.append(
    h("h2", null, d.title ?? "(untitled)"),
    h("p", { class: "meta" }, [d.outlet ?? "unknown outlet", d.published ?? "undated", d.language, d.id].join(" · ")),
    legend,
    h("div", { class: "article" },
      h("section", { "aria-label": "Text" }, body),
      h("section", { class: "records", "aria-label": "Event records" },
        h("h3", null, `${doc.events.length} event record${doc.events.length === 1 ? "" : "s"}`),
        cards.length ? cards : note("No event was read from this text."))));
}

function eventCard(doc, e, i) {
  const a = e.attribution != null ? doc.attributions[e.attribution] : null;
  const sentence = doc.sentences.find((s) => s.start <= e.evidence.start && e.evidence.start < s.end);
  const flags = modalityFlags(e.modality);
  const show = h("button", { type: "button", class: "evidence-link", onclick: () => {
    for (const lit of document.querySelectorAll(".sentence.lit")) lit.classList.remove("lit");
    const target = sentence ? document.getElementById(`s-${sentence.index}`) : null;
    if (target) {
      target.classList.add("lit");
      target.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  } }, "Show evidence");
  const explanation = Object.entries(e.explanation ?? {});
  return h("article", { class: "event-card", id: `event-${i}`, dataset: { event: e.event } },
    h("h4", null, e.event, e.mode ? `/${e.mode}` : "", e.cameo ? ` · CAMEO ${e.cameo}` : "", flags.map((f) => [" ", badge(f.toUpperCase(), f)])),
    h("p", { class: "dyad" }, actorLabel(e.actor), " → ", e.recipient ? actorLabel(e.recipient) : "∅"),
    h("dl", null,
      h("dt", null, "When"), h("dd", null, e.date ? `${e.date.value} (${e.date.basis}${e.date.text ? `: “${e.date.text}”` : ""})` : "—"),
      h("dt", null, "Where"), h("dd", null, e.location ? `${e.location.name ?? e.location.text}${e.location.country ? ` (${e.location.country})` : ""}` : "—"),
      h("dt", null, "According to"), h("dd", { class: "chain" }, chain(a), a?.anonymous ? [" ", badge("anonymous", "anonymous")] : null),
      h("dt", null, "Confidence"), h("dd", null, String(e.confidence))),
    h("blockquote", null, e.evidence.text),
    show,
    explanation.length ? h("details", null, h("summary", null, "Why (rules)"),
      h("ul", null, explanation.map(([field, rule]) => h("li", null, h("strong", null, field), ": ", rule)))) : null);
}
