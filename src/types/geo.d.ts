// The few functions of d3-geo and topojson-client that src/cli/map.ts uses, typed here rather than
// with two more @types packages (and @types/geojson) for six signatures.
declare module "d3-geo" {
  type Point = [number, number];
  export interface GeoProjection {
    (point: Point): Point | null;
    fitExtent(extent: [Point, Point], object: object): GeoProjection;
    clipExtent(extent: [Point, Point]): GeoProjection;
    rotate(angles: [number, number] | [number, number, number]): GeoProjection;
    parallels(parallels: [number, number]): GeoProjection;
    precision(precision: number): GeoProjection;
  }
  export interface GeoPath {
    (object: object): string | null;
    digits(digits: number): GeoPath;
  }
  export function geoPath(projection?: GeoProjection): GeoPath;
  export function geoConicConformal(): GeoProjection;
  export function geoNaturalEarth1(): GeoProjection;
  export function geoGraticule10(): object;
}

declare module "topojson-client" {
  export function feature(topology: object, object: object): object;
  export function mesh(topology: object, object: object, filter?: (a: object, b: object) => boolean): object;
}
