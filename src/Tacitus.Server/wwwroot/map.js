// Map: located event records on an offline world map (country shapes shipped in world.json, built from Natural
// Earth by scripts/build-world-map.sh; cities and places from the store's event locations). No tile server.
import { h, s, apiAll, note } from "./dom.js";
import { eventFilters, filterLine } from "./filters.js";

let world = null;

async function shapes() {
  if (!world) {
    const response = await fetch("/world.json");
    if (!response.ok) throw new Error("the world map file could not be loaded");
    world = await response.json();
  }
  return world;
}

const W = 960, H = 480;
const project = (lon, lat) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];

export async function render(root, _arg, params) {
  const filters = eventFilters(params);
  const [map, events] = await Promise.all([shapes(), apiAll("events", filters)]);
  root.append(h("h2", null, "Map"), filterLine("map", filters));
  const located = events.filter((e) => e.location && e.location.lat != null && e.location.lon != null);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "world", role: "img", "aria-label": `World map with ${located.length} located event records` });
  svg.append(s("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
  const countries = s("g", { class: "countries" });
  for (const c of map.countries) {
    // A ring that crosses the date line (Russia, Fiji) jumps across the map: start a new stroke there instead.
    const d = c.rings.map((ring) => ring.map(([lon, lat], i) => (i === 0 || Math.abs(lon - ring[i - 1][0]) > 180 ? "M" : "L") +
      project(lon, lat).map((v) => v.toFixed(1)).join(",")).join("") + "Z").join("");
    countries.append(s("path", { d, class: "country" }, s("title", null, c.name ?? "")));
  }
  svg.append(countries);
  const places = new Map();
  for (const e of located) {
    const key = `${e.location.lat},${e.location.lon}`;
    if (!places.has(key)) places.set(key, { name: e.location.name ?? e.location.text, country: e.location.country, lat: e.location.lat, lon: e.location.lon, events: [] });
    places.get(key).events.push(e);
  }
  const dots = s("g", { class: "places" });
  for (const p of places.values()) {
    const [x, y] = project(p.lon, p.lat);
    const r = 3 + Math.sqrt(p.events.length) * 2.5;
    dots.append(s("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), class: "place" },
      s("title", null, `${p.name}: ${p.events.length} event record${p.events.length === 1 ? "" : "s"} (${[...new Set(p.events.map((e) => e.type))].join(", ")})`)));
    dots.append(s("text", { x: (x + r + 2).toFixed(1), y: (y + 4).toFixed(1), class: "city" }, p.name));
  }
  svg.append(dots);
  root.append(h("div", { class: "map-frame" }, svg));
  if (!places.size) {
    root.append(note("No event record here has a place with coordinates."));
    return;
  }
  root.append(h("h3", null, "Places"), h("ul", { class: "place-list" }, [...places.values()].sort((a, b) => b.events.length - a.events.length).map((p) =>
    h("li", null, h("a", { href: `#/events?country=${p.country ?? ""}` }, p.name), ` (${p.country ?? "?"}, ${p.lat}, ${p.lon}): ${p.events.length} record${p.events.length === 1 ? "" : "s"}`))));
}
