// Decodes world-atlas's countries-110m TopoJSON into {"source", "countries": [{"id", "name", "rings"}]}:
// every polygon ring as [lon, lat] pairs rounded to 0.1 degree, repeated points dropped. Called by build-world-map.sh.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [input, output] = process.argv.slice(2);
const require = createRequire(join(process.cwd(), "package.json"));
const { feature } = require("topojson-client");
const topology = JSON.parse(readFileSync(input, "utf8"));
const countries = feature(topology, topology.objects.countries).features;
const round = (v) => Math.round(v * 10) / 10;

const out = [];
for (const f of countries) {
  const polygons = f.geometry == null ? [] : f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const rings = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const points = [];
      for (const [lon, lat] of ring) {
        const p = [round(lon), round(lat)];
        const last = points[points.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
      }
      if (points.length >= 4) rings.push(points);
    }
  }
  out.push({ id: f.id ?? null, name: f.properties?.name ?? null, rings });
}
const result = { source: "world-atlas 2.0.2 countries-110m (Natural Earth, public domain; package ISC)", countries: out };
writeFileSync(output, JSON.stringify(result));
console.log(`${out.length} countries -> ${output}`);
