// Events: the event records in a table with the API's filters, sortable by column, paged; the current view
// (every page of it) downloads as CSV or JSON.
import { h, api, apiAll, actorLabel, modalityFlags, badge, note, download } from "./dom.js";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
  "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "DEMAND", "DISAPPROVE", "INVESTIGATE"];
const MODALITIES = ["asserted", "negated", "denied", "hedged", "future", "conditional"];
const STATUSES = ["confirmed", "corroborated", "single-source", "anonymous-only", "denied", "disputed"];
const FILTERS = ["type", "actor", "country", "since", "until", "modality", "status", "story"];
const COLUMNS = [
  ["date", "Date"], ["type", "Event"], ["actor", "Actor"], ["recipient", "Recipient"], ["location", "Where"], [null, "Source"],
  [null, "Modality"], ["outlet", "Document"], ["confidence", "Conf."],
];

function field(name, label, control) {
  control.id = `f-${name}`;
  control.name = name;
  return h("div", { class: "field" }, h("label", { for: control.id }, label), control);
}

function select(options, value) {
  return h("select", null, h("option", { value: "" }, "any"), options.map((o) => h("option", { value: o, selected: o === value }, o)));
}

export function csv(rows) {
  const header = ["document_id", "index", "published", "outlet", "date", "event", "mode", "cameo", "actor", "actor_code", "recipient", "recipient_code",
    "location", "location_country", "source", "via", "anonymous", "negated", "denied", "hedged", "future", "conditional", "confidence", "evidence"];
  const code = (a) => (a ? [a.country, a.sector].filter(Boolean).join("") : "");
  const cell = (v) => {
    const t = v === null || v === undefined ? "" : String(v);
    // A leading =, +, - or @ would be a formula in a spreadsheet: quote it as text.
    const safe = /^[=+\-@]/.test(t) ? `'${t}` : t;
    return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = rows.map((e) => [e.key.document, e.key.index, e.published, e.outlet, e.date?.value, e.type, e.mode, e.cameo,
    e.actor.name ?? e.actor.text, code(e.actor), e.recipient ? e.recipient.name ?? e.recipient.text : "", code(e.recipient),
    e.location ? e.location.name ?? e.location.text : "", e.location?.country, e.source ? e.source.name ?? e.source.text : "",
    (e.via ?? []).map((v) => v.name ?? v.text).join("; "), e.anonymous, e.modality.negated, e.modality.denied, e.modality.hedged,
    e.modality.future, e.modality.conditional, e.confidence, e.evidence_text].map(cell).join(","));
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}

export async function render(root, _arg, params) {
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ""]));
  const sort = params.get("sort") ?? "stored";
  const order = params.get("order") ?? "asc";
  const offset = Number(params.get("offset") ?? 0) || 0;
  const controls = {
    type: select(TYPES, filters.type),
    actor: h("input", { value: filters.actor, placeholder: "CHN or CHNGOV", size: 8 }),
    country: h("input", { value: filters.country, placeholder: "ISO3", size: 4 }),
    since: h("input", { type: "date", value: filters.since }),
    until: h("input", { type: "date", value: filters.until }),
    modality: select(MODALITIES, filters.modality),
    status: select(STATUSES, filters.status),
    story: h("input", { value: filters.story, placeholder: "story id", size: 10 }),
  };
  const go = (extra) => {
    const q = new URLSearchParams();
    for (const f of FILTERS) if (controls[f].value) q.set(f, controls[f].value.trim());
    for (const [k, v] of Object.entries({ sort, order, ...extra })) if (v && !(k === "sort" && v === "stored") && !(k === "order" && v === "asc")) q.set(k, v);
    location.hash = `#/events${q.size ? "?" + q : ""}`;
  };
  const form = h("form", { class: "filters", "aria-label": "Filter events", onsubmit: (e) => { e.preventDefault(); go({}); } },
    field("type", "Type", controls.type), field("actor", "Actor code", controls.actor), field("country", "Country", controls.country),
    field("since", "Since", controls.since), field("until", "Until", controls.until), field("modality", "Modality", controls.modality),
    field("status", "Status", controls.status), field("story", "Story", controls.story),
    h("div", { class: "field buttons" }, h("button", { type: "submit" }, "Apply"), h("a", { href: "#/events" }, "Clear")));

  const query = { ...filters, sort: sort === "stored" ? "" : sort, order: order === "asc" ? "" : order };
  const page = await api("events", { ...query, offset, limit: 50 });
  const head = h("tr", null, COLUMNS.map(([key, label]) => {
    if (!key) return h("th", { scope: "col" }, label);
    const active = sort === key;
    const next = active && order === "asc" ? "desc" : "asc";
    return h("th", { scope: "col", "aria-sort": active ? (order === "asc" ? "ascending" : "descending") : "none" },
      h("button", { type: "button", class: "sort", onclick: () => go({ sort: key, order: next }) }, label, active ? (order === "asc" ? " ▲" : " ▼") : ""));
  }));
  const rows = page.items.map((e) => h("tr", null,
    h("td", null, e.date?.value ?? e.published ?? ""),
    h("td", null, e.type, e.mode ? `/${e.mode}` : ""),
    h("td", null, actorLabel(e.actor)),
    h("td", null, e.recipient ? actorLabel(e.recipient) : "∅"),
    h("td", null, e.location ? e.location.name ?? e.location.text : ""),
    h("td", null, e.source ? [e.source.name ?? e.source.text, ...(e.via ?? []).map((v) => ` via ${v.name ?? v.text}`)].join("") : "", e.anonymous ? [" ", badge("anon", "anonymous")] : null),
    h("td", null, modalityFlags(e.modality).map((f) => badge(f, f))),
    h("td", null, h("a", { href: `#/article/${e.key.document}`, title: e.evidence_text }, e.title ?? e.key.document)),
    h("td", { class: "num" }, e.confidence)));

  const exportAll = async (format) => {
    const all = await apiAll("events", query);
    if (format === "csv") download("tacitus-events.csv", "text/csv", csv(all));
    else download("tacitus-events.json", "application/json", JSON.stringify(all, null, 2));
  };
  root.append(h("h2", null, "Events"), form,
    h("p", { class: "toolbar" },
      h("button", { type: "button", onclick: () => exportAll("csv") }, "Download CSV"),
      h("button", { type: "button", onclick: () => exportAll("json") }, "Download JSON")));
  if (!rows.length) {
    root.append(note("No event record matches these filters."));
    return;
  }
  root.append(h("div", { class: "scroll" }, h("table", { id: "events-table" },
    h("caption", null, `Records ${offset + 1}–${offset + rows.length}${page.next ? "" : " (all)"}`),
    h("thead", null, head), h("tbody", null, rows))));
  const pager = h("p", { class: "pager" });
  if (offset > 0) pager.append(h("button", { type: "button", onclick: () => go({ offset: String(Math.max(0, offset - 50)) }) }, "← Previous"));
  if (page.next) pager.append(h("button", { type: "button", onclick: () => go({ offset: String(page.next) }) }, "Next →"));
  root.append(pager);
}
