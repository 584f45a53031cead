/**
 * The second look of the block model: what the first trees thought of a
 * block's neighbours. The first trees judge each block from its own features
 * and its reading; they cannot see that the five list items around a link
 * were all judged article (a list inside the story) or that a paragraph sits
 * between two likely menus. These features give the second trees those
 * judgements (stacking): the probabilities around a block, how far the
 * nearest likely article block is, and how its list run was judged.
 */
import { FEATURE_NAMES } from './features.js';

/** A probability from this on counts as "likely article" in the counts below (the first trees' own threshold is near it). */
const LIKELY = 0.5;
/** What a neighbour that is not there reads as: below any probability, so the trees tell "no block" from "unlikely block". */
const NONE = -1;

export const CONTEXT_NAMES: readonly string[] = [
  'p(article), first look',
  'p(article) of the block before',
  'p(article) of the block after',
  'p(article) of the block 2 before',
  'p(article) of the block 2 after',
  'likeliest of the 3 blocks before',
  'likeliest of the 3 blocks after',
  'likely article blocks in the 10 before',
  'likely article blocks in the 10 after',
  'between likely article blocks',
  'blocks to the likely article before',
  'blocks to the likely article after',
  'p(article) / the page’s likeliest',
  'p(article) of its list, or of itself',
];

const BULLET = FEATURE_NAMES.indexOf('bullet item');
const NUMBERED = FEATURE_NAMES.indexOf('numbered item');
const log2 = (x: number): number => Math.log2(1 + x);

/** Which list a block belongs to: 1 bullet, 2 numbered, 0 none (from its block features). */
const listKind = (x: readonly number[]): number => ((x[BULLET] as number) === 1 ? 1 : (x[NUMBERED] as number) === 1 ? 2 : 0);

/** For each block, blocks to the nearest other likely block on one side (n when none), in one pass. */
function distanceToLikely(p: readonly number[], step: 1 | -1): number[] {
  const n = p.length;
  const distance = new Array<number>(n).fill(n);
  let last = -1;
  for (let k = 0; k < n; k++) {
    const i = step === 1 ? k : n - 1 - k;
    if (last >= 0) distance[i] = Math.abs(i - last);
    if ((p[i] as number) >= LIKELY) last = i;
  }
  return distance;
}

/** The context features of every block, from the blocks' features and the first trees' probabilities. */
export function contextFeatures(features: readonly (readonly number[])[], p: readonly number[]): number[][] {
  const n = p.length;
  const at = (j: number): number => (j >= 0 && j < n ? (p[j] as number) : NONE);
  const likeliest = p.reduce((m, v) => Math.max(m, v), 1e-9);
  const likely = p.map((v) => (v >= LIKELY ? 1 : 0));
  // Prefix sums of likely blocks, for the 10-block windows.
  const prefix = [0];
  for (const v of likely) prefix.push((prefix[prefix.length - 1] as number) + v);
  const count = (from: number, to: number): number => (prefix[Math.min(n, Math.max(0, to))] as number) - (prefix[Math.min(n, Math.max(0, from))] as number);
  const before = distanceToLikely(p, 1);
  const after = distanceToLikely(p, -1);
  // Each maximal run of adjacent list items of one kind, judged as a whole.
  const listMean = new Array<number>(n);
  for (let i = 0; i < n; ) {
    const kind = listKind(features[i] as number[]);
    let j = i + 1;
    while (kind !== 0 && j < n && listKind(features[j] as number[]) === kind) j++;
    let sum = 0;
    for (let k = i; k < j; k++) sum += p[k] as number;
    for (let k = i; k < j; k++) listMean[k] = sum / (j - i);
    i = j;
  }
  return p.map((v, i) => [
    v,
    at(i - 1),
    at(i + 1),
    at(i - 2),
    at(i + 2),
    Math.max(at(i - 1), at(i - 2), at(i - 3)),
    Math.max(at(i + 1), at(i + 2), at(i + 3)),
    count(i - 10, i) / 10,
    count(i + 1, i + 11) / 10,
    count(0, i) > 0 && count(i + 1, n) > 0 ? 1 : 0,
    log2(before[i] as number) / 8,
    log2(after[i] as number) / 8,
    v / likeliest,
    listMean[i] as number,
  ]);
}
