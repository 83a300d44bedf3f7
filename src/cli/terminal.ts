/**
 * What reaches a terminal from user input (file names, resource ids, tag values echoed in messages):
 * never a character that drives the terminal, never a value so long it buries the report.
 */

/**
 * C0 and C1 controls (escape sequences, carriage returns, line breaks inside a value), DEL, and the
 * bidirectional marks, overrides and isolates that make a terminal show text in another order.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const escaped = (c: string): string => {
  const code = c.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** A run of non-blank characters longer than this is a value, not words: its middle is cut. */
const LONG_RUN = 120;
const HEAD = 80;
const TAIL = 20;
// Built once: a report of a large plan calls forTerminal on every message.
const LONG_VALUE = new RegExp(`\\S{${LONG_RUN + 1},}`, "gu");
/** A whole message longer than this (a long value with spaces in it) is cut at the end. */
const LONG_TEXT = 2000;

/** Long values cut with an ellipsis, then every unsafe character escaped as \xNN or \uNNNN. */
export function forTerminal(text: string): string {
  let shown = text.replace(LONG_VALUE, (run) => `${[...run].slice(0, HEAD).join("")}…${[...run].slice(-TAIL).join("")}`);
  if (shown.length > LONG_TEXT) shown = `${shown.slice(0, LONG_TEXT)}…`;
  return shown.replace(UNSAFE, escaped);
}

/** Colour only on a terminal, never with --no-color or a non-empty NO_COLOR (https://no-color.org). */
export const useColour = (asked: boolean): boolean => asked && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls but writes C1 controls and bidirectional
 * marks as they are; the same data, with those escaped too.
 */
export const jsonForTerminal = (json: string): string =>
  json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`);
