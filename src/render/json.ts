/** JSON and JSON Lines output: the CleanResult as it is (clean() already orders its keys). */
import type { CleanResult } from '../types.js';

// Line ranges are pairs of numbers: print them as [7, 7], not over four lines.
// Safe on any JSON: a string value can never hold a raw newline.
const NUMBER_PAIR = /\[\n\s+(-?\d+),\n\s+(-?\d+)\n\s+\]/g;

/** One result as an indented JSON document. */
export function renderJson(result: CleanResult): string {
  return JSON.stringify(result, null, 2).replace(NUMBER_PAIR, '[$1, $2]') + '\n';
}

/** One result as a single JSON Lines record. */
export function renderJsonLine(result: CleanResult): string {
  return JSON.stringify(result) + '\n';
}
