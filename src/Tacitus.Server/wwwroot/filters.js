// The event filters the timeline, map and network views take from the address (#/map?country=CHN&story=...),
// shown as a line the user can clear.
import { h } from "./dom.js";

const NAMES = ["type", "actor", "country", "since", "until", "modality", "status", "story"];

export function eventFilters(params) {
  return Object.fromEntries(NAMES.filter((n) => params.get(n)).map((n) => [n, params.get(n)]));
}

export function filterLine(view, filters) {
  const entries = Object.entries(filters);
  if (!entries.length) return h("p", { class: "meta" }, "All event records. Filter them in ", h("a", { href: "#/events" }, "Events"), " (the same filters work here, e.g. #/", view, "?country=CHN).");
  return h("p", { class: "meta" }, "Filtered: ", entries.map(([k, v]) => `${k} = ${v}`).join(", "), " · ", h("a", { href: `#/${view}` }, "clear"));
}

/** The calendar day of an event: its date when it names a day, else its document's publication day. */
export function dayOf(e) {
  const v = e.date?.value;
  return v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : e.published ?? null;
}
