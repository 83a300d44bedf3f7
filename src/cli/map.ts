import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoConicConformal, geoGraticule10, geoNaturalEarth1, geoPath, type GeoProjection } from "d3-geo";
import { fill } from "../words.js";
import { roleName, type Decision, type Point, type ResidencyWords, type Row } from "./residency.js";

/**
 * The map of the HTML report, drawn once at report time as inline SVG: Natural Earth's countries
 * (world-atlas, 1:50m for Europe, 1:110m for the world inset) projected with d3-geo. Every placement
 * of every resource is a dot coloured by the resource's decision: at its region's coordinates on
 * Europe, on the world inset when it lies outside Europe, or in the strip below when it has no single
 * place (a global service, an unknown region, a region spanning several countries).
 */

const require = createRequire(import.meta.url);
// topojson-client ships a UMD bundle, whose names Node's ES module loader does not see.
const { feature, mesh } = require("topojson-client") as typeof import("topojson-client");
const atlas = (file: string): { objects: { countries: object; land: object } } =>
  JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), "utf8"));

export const COLOURS: Record<Decision, string> = { blocked: "#c62828", advisory: "#e08600", exempt: "#5c6bc0", compliant: "#2e7d32" };

const WIDTH = 800;
const HEIGHT = 600;
const INSET = { x: 8, y: 8, width: 250, height: 135 };
/** What "Europe" means on the main map: from the Canaries' latitude to the North Cape, Ireland to the Black Sea. */
const EUROPE = { type: "MultiPoint", coordinates: [[-11, 35], [32, 35], [-11, 70], [32, 70], [10, 71.5], [10, 34]] };
const EUROPE_OUTLINE = {
  type: "Polygon",
  coordinates: [[[-11, 35], [-11, 71], [32, 71], [32, 35], [-11, 35]]],
};
const ROW = 18;

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

interface Dot { row: Row; role: string; label: string }

/** Dots around a point in a sunflower pattern, so that a region holding many resources stays readable. */
function cluster(x: number, y: number, dots: Dot[], radius: number, w: ResidencyWords): string {
  return dots
    .map((dot, i) => {
      const angle = i * 2.39996;
      const distance = radius * 1.9 * Math.sqrt(i);
      const cx = (x + distance * Math.cos(angle)).toFixed(1);
      const cy = (y + distance * Math.sin(angle)).toFixed(1);
      return `<circle class="marker" data-resource="${escape(dot.row.id)}" data-decision="${dot.row.decision}" cx="${cx}" cy="${cy}" r="${radius}" fill="${COLOURS[dot.row.decision]}"><title>${escape(fill(w.mapDot, { resource: dot.row.id, role: dot.role ? ` (${dot.role})` : "", decision: w.decision[dot.row.decision], place: dot.label }))}</title></circle>`;
    })
    .join("");
}

function place(projection: GeoProjection, point: Point): [number, number] | undefined {
  const xy = projection([point.lon, point.lat]);
  return xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1]) ? xy : undefined;
}

const insideMain = ([x, y]: [number, number]) =>
  x >= 4 && x <= WIDTH - 4 && y >= 4 && y <= HEIGHT - 4 && !(x <= INSET.x + INSET.width + 6 && y <= INSET.y + INSET.height + 6);

export function drawMap(rows: Row[], w: ResidencyWords): string {
  const europe = geoConicConformal().rotate([-10, 0]).parallels([40, 65]).fitExtent([[10, 10], [WIDTH - 10, HEIGHT - 10]], EUROPE).clipExtent([[0, 0], [WIDTH, HEIGHT]]).precision(0.2);
  const world = geoNaturalEarth1().fitExtent([[INSET.x + 4, INSET.y + 4], [INSET.x + INSET.width - 4, INSET.y + INSET.height - 4]], { type: "Sphere" });
  const path = geoPath(europe).digits(1);
  const insetPath = geoPath(world).digits(1);
  const detailed = atlas("countries-50m.json");
  const coarse = atlas("countries-110m.json");

  // Dots grouped by where they go: a site on Europe, a site on the inset, or nowhere.
  const sites = new Map<string, { xy: [number, number]; dots: Dot[]; inset: boolean; place: string }>();
  const nowhere: Dot[] = [];
  for (const row of rows) {
    for (const { placement, point, countries } of row.placements) {
      const role = roleName(w, placement.role);
      const label = `${placement.provider ?? placement.cloud ?? "?"} ${placement.region ?? ""} ${point ? `(${point.place}, ${countries})` : countries ? `(${countries})` : ""}`.replace(/\s+/g, " ").trim();
      const dot = { row, role, label };
      const onEurope = point && place(europe, point);
      const xy = onEurope && insideMain(onEurope) ? onEurope : point && place(world, point);
      if (!point || !xy) {
        nowhere.push(dot);
        continue;
      }
      const inset = xy !== onEurope;
      const key = `${inset}:${xy[0].toFixed(0)}:${xy[1].toFixed(0)}`;
      const site = sites.get(key) ?? { xy, dots: [], inset, place: point.place };
      site.dots.push(dot);
      sites.set(key, site);
    }
  }

  const strip = nowhere.length ? 34 + Math.ceil(nowhere.length / 2) * ROW : 0;
  const legendY = HEIGHT + strip + 20;
  const total = legendY + 16;
  const parts: string[] = [
    `<svg viewBox="0 0 ${WIDTH} ${total}" role="img" aria-labelledby="map-title" class="map">`,
    `<title id="map-title">${escape(w.map)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" class="sea"/>`,
    `<path class="graticule" d="${path(geoGraticule10()) ?? ""}"/>`,
    `<path class="land" d="${path(feature(detailed, detailed.objects.land)) ?? ""}"/>`,
    `<path class="borders" d="${path(mesh(detailed, detailed.objects.countries, (a, b) => a !== b)) ?? ""}"/>`,
    `<g class="inset"><rect x="${INSET.x}" y="${INSET.y}" width="${INSET.width}" height="${INSET.height}" class="inset-frame"/>`,
    `<path class="sea" d="${insetPath({ type: "Sphere" }) ?? ""}"/>`,
    `<path class="land" d="${insetPath(feature(coarse, coarse.objects.land)) ?? ""}"/>`,
    `<path class="europe-frame" d="${insetPath(EUROPE_OUTLINE) ?? ""}"/>`,
    `<text x="${INSET.x + 6}" y="${INSET.y + INSET.height - 6}" class="caption">${escape(w.world)}</text></g>`,
  ];
  // Larger clusters first, so that a lone dot is never hidden under a crowd.
  for (const site of [...sites.values()].sort((a, b) => b.dots.length - a.dots.length)) {
    const radius = site.inset ? 3.2 : 5;
    parts.push(`<g class="site" data-place="${escape(site.place)}">${cluster(site.xy[0], site.xy[1], site.dots, radius, w)}</g>`);
  }
  if (nowhere.length) {
    parts.push(`<g class="nowhere"><rect x="0" y="${HEIGHT}" width="${WIDTH}" height="${strip}" class="strip"/>`, `<text x="10" y="${HEIGHT + 20}" class="caption">${escape(w.nowhere)}</text>`);
    nowhere.forEach((dot, i) => {
      const x = 16 + (i % 2) * (WIDTH / 2);
      const y = HEIGHT + 38 + Math.floor(i / 2) * ROW;
      parts.push(cluster(x, y - 4, [dot], 5, w), `<text x="${x + 10}" y="${y}" class="label">${escape(fill(w.mapLabel, { resource: dot.row.id, role: dot.role ? ` (${dot.role})` : "", place: dot.label }).slice(0, 60))}</text>`);
    });
    parts.push("</g>");
  }
  const legend = (Object.keys(COLOURS) as Decision[]).map((d, i) => {
    const x = 10 + i * 150;
    return `<circle cx="${x + 5}" cy="${legendY - 4}" r="5" fill="${COLOURS[d]}"/><text x="${x + 15}" y="${legendY}" class="label">${escape(w.decision[d])}</text>`;
  });
  parts.push(`<g class="legend">${legend.join("")}</g>`, "</svg>");
  return parts.join("\n");
}
