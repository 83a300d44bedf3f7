/**
 * JSON.stringify(value, null, 2), byte for byte, handed out in pieces: the report of a 100,000-resource
 * plan never becomes one string of a few hundred megabytes. The top-level object and its arrays are
 * walked; each of their elements is stringified on its own.
 */
export function writeJson(value: unknown, write: (text: string) => void): void {
  const out = new Pieces(write);
  piece(value, "", 0, out);
  out.add("\n");
  out.flush();
}

/** How deep objects and arrays are walked rather than stringified whole: the report and its lists. */
const WALKED = 2;

/** Elements stringified together, in the arrays whose elements are not walked. */
const BATCH = 1000;

/** Pieces are handed out about a megabyte at a time rather than one per element. */
class Pieces {
  private pending: string[] = [];
  private size = 0;
  constructor(private readonly write: (text: string) => void) {}

  add(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }

  flush(): void {
    if (this.pending.length > 0) this.write(this.pending.join(""));
    this.pending = [];
    this.size = 0;
  }
}

// What JSON.stringify leaves out of an object, and writes as null in an array.
const omitted = (value: unknown): boolean => value === undefined || typeof value === "function" || typeof value === "symbol";

function piece(value: unknown, indent: string, depth: number, out: Pieces): void {
  const inner = `${indent}  `;
  if (depth < WALKED && Array.isArray(value) && value.length > 0) {
    out.add("[\n");
    for (let start = 0; start < value.length; start += BATCH) {
      if (start > 0) out.add(",\n");
      if (depth + 1 < WALKED) {
        value.slice(start, start + BATCH).forEach((item, i) => {
          out.add(`${i === 0 ? "" : ",\n"}${inner}`);
          piece(omitted(item) ? null : item, inner, depth + 1, out);
        });
      } else {
        // Elements a batch at a time: JSON.stringify of the slice, without its brackets, indented one
        // level deeper. One call per element would cost twice the whole stringify.
        const text = JSON.stringify(value.slice(start, start + BATCH), null, 2);
        out.add(`${indent}${text.slice(2, -2).replaceAll("\n", `\n${indent}`)}`);
      }
    }
    out.add(`\n${indent}]`);
    return;
  }
  if (depth < WALKED && isWalkable(value)) {
    const keys = Object.keys(value).filter((key) => !omitted(value[key]));
    if (keys.length > 0) {
      out.add("{");
      keys.forEach((key, i) => {
        out.add(`${i === 0 ? "\n" : ",\n"}${inner}${JSON.stringify(key)}: `);
        piece(value[key], inner, depth + 1, out);
      });
      out.add(`\n${indent}}`);
      return;
    }
  }
  const text = JSON.stringify(value, null, 2);
  out.add(indent === "" ? text : text.replaceAll("\n", `\n${indent}`));
}

/** A plain object JSON.stringify would write key by key (no toJSON of its own). */
const isWalkable = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== "function";
