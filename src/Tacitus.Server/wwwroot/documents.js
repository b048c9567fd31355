// Documents: the stored documents, searchable (full text), each opening its article view.
import { h, api, note } from "./dom.js";

export async function render(root, _arg, params) {
  const q = params.get("q") ?? "";
  const offset = Number(params.get("offset") ?? 0) || 0;
  const input = h("input", { type: "search", id: "doc-search", name: "q", value: q, placeholder: "words, all required" });
  const form = h("form", { class: "toolbar", role: "search", onsubmit: (e) => {
    e.preventDefault();
    location.hash = `#/documents?q=${encodeURIComponent(input.value)}`;
  } }, h("label", { for: "doc-search" }, "Search documents"), input, h("button", { type: "submit" }, "Search"));

  const page = await api("documents", { q, offset, limit: 50 });
  const rows = page.items.map((d) => h("tr", null,
    h("td", null, h("a", { href: `#/article/${d.id}` }, d.title ?? "(untitled)")),
    h("td", null, d.outlet ?? ""),
    h("td", null, d.published ?? ""),
    h("td", { class: "num" }, d.events),
    h("td", { class: "num" }, d.attributions),
    h("td", { class: "num" }, d.mentions)));
  root.append(h("h2", null, "Documents"), form);
  if (!rows.length) {
    root.append(note(q ? "No document has all of these words." : "The store holds no documents yet: ingest some with ./tacitus ingest."));
    return;
  }
  root.append(h("div", { class: "scroll" }, h("table", null,
    h("caption", null, `${page.offset + 1}–${page.offset + rows.length}${q ? ` matching “${q}”` : ""}`),
    h("thead", null, h("tr", null, ["Title", "Outlet", "Published", "Events", "Attributions", "Mentions"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", null, rows))));
  const pager = h("p", { class: "pager" });
  if (offset > 0) pager.append(h("a", { href: `#/documents?q=${encodeURIComponent(q)}&offset=${Math.max(0, offset - 50)}` }, "← Previous"));
  if (page.next) pager.append(h("a", { href: `#/documents?q=${encodeURIComponent(q)}&offset=${page.next}` }, "Next →"));
  root.append(pager);
}
