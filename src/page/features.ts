/**
 * What the learned block model sees: for each block, its own features (length,
 * stop words, list markers, converter residue, how it ends), what the
 * hand-made reading said about it (jusText-style class, inside the densest run
 * of prose or not, before or after the comments), and the same for its
 * neighbours. Every feature is a small non-negative number (most are shares
 * or flags in [0, 1]); the trees (page-model.ts) split each at learnt points.
 */
import { findDateTime } from '../core/datetime.js';
import { SENTENCE_END } from '../rules/patterns.js';
import type { PageBlock } from './blocks.js';
import type { PageRuleId } from './classify.js';
import type { ProseMeasure } from './prose.js';

export type BlockClass = 'good' | 'neargood' | 'short' | 'bad';

/** What the hand-made reading (classify.ts) knows about one block. */
export interface ReadBlock {
  block: PageBlock;
  measure: ProseMeasure;
  initial: BlockClass;
  final: BlockClass;
  /** Kept by the hand-made reading. */
  kept: boolean;
  commentMark: boolean;
  title: boolean;
  /** The page rule behind a bad class, when one is specific (a form, a caption). */
  reason?: PageRuleId;
}

/** The hand-made reading of a page: its blocks, the article run [first, last], and where comments begin. */
export interface PageReading {
  blocks: readonly ReadBlock[];
  first: number;
  last: number;
  /** Index of the first comment block, or the number of blocks. */
  comments: number;
}

const CAPITALISED = /^\p{Lu}/u;
const NOT_DIGIT = /\P{N}+/gu;
const NOT_LETTER = /\P{L}+/gu;
const WEB_ADDRESS = /\bhttps?:\/\/|\bwww\.|\.(?:com|org|net)\b/giu;
const QUESTION = /[?!？！]/gu;
const NOT_COMMA = /[^,，、;；]+/gu;

const log2 = (x: number): number => Math.log2(1 + x);
const flag = (b: boolean): number => (b ? 1 : 0);

/** Features of a block by itself (no neighbours). */
function ownFeatures(r: ReadBlock): number[] {
  const text = r.block.text;
  const words = text.split(' ').filter((w) => w !== '');
  const capitalised = words.length === 0 ? 0 : words.filter((w) => CAPITALISED.test(w)).length / words.length;
  // Counted as what is left once everything else is deleted: no array of matches per block.
  const letters = text.replace(NOT_LETTER, '').length;
  const digits = text.replace(NOT_DIGIT, '').length;
  const commas = text.replace(NOT_COMMA, '').length;
  return [
    log2(r.measure.weight) / 12,
    r.measure.stopDensity,
    flag(r.block.marker === 'bullet'),
    flag(r.block.marker === 'number'),
    flag(r.block.form || r.block.image || r.block.inlineMenu),
    flag(SENTENCE_END.test(text)),
    capitalised,
    letters + digits === 0 ? 0 : digits / (letters + digits),
    Math.min(1, commas / Math.max(1, r.measure.words / 10)),
    flag(r.initial === 'good'),
    flag(r.initial === 'neargood'),
    flag(r.initial === 'short'),
    flag(r.final === 'good'),
    flag(r.kept),
    Math.min(1, r.block.lines.length / 10),
    Math.min(1, text.length / r.block.lines.length / 200),
    flag(r.block.after !== undefined),
  ];
}

const OWN_NAMES = [
  'weight (log)',
  'stop words',
  'bullet item',
  'numbered item',
  'widget',
  'ends a sentence',
  'capitalised words',
  'digits',
  'commas',
  'good',
  'near-good',
  'short',
  'good by context',
  'kept by the run',
  'lines',
  'line length',
  'after a removed line',
] as const;

/** The names of the features, in order (for --explain and the training script). */
export const FEATURE_NAMES: readonly string[] = [
  'bias',
  ...OWN_NAMES,
  ...OWN_NAMES.map((n) => `previous: ${n}`),
  ...OWN_NAMES.map((n) => `next: ${n}`),
  'in the run',
  'headline',
  'before the run (distance)',
  'after the run (distance)',
  'after the comments begin',
  'comment mark',
  'after a date or byline',
  'position in the page',
  'share of the page in the run',
  'share of the run before it',
  'prose within 3 blocks',
  'text repeated on the page',
  'weight / heaviest block',
  'good weight within 3 blocks',
  'distance to the nearest good block',
  'same marker around',
  'comment marks in the 10 blocks before',
  'comment marks in the 10 blocks after',
  'a date with a time',
  'web addresses',
  'questions and exclamations',
  'stop words within 2 blocks',
  'list items within 3 blocks',
  'previous: in the run',
  'next: in the run',
];

/** Line rules whose removals stand between a headline and its text. */
const AFTER_HEADER = /^(?:dates|bylines|credits|social)\//u;

/** The sum of a value over the blocks within `reach` either side. */
function around(blocks: readonly ReadBlock[], i: number, reach: number, value: (r: ReadBlock) => number): number {
  let sum = 0;
  for (let j = Math.max(0, i - reach); j <= Math.min(blocks.length - 1, i + reach); j++) if (j !== i) sum += value(blocks[j] as ReadBlock);
  return sum;
}

/** For each block, blocks to the nearest other good block (the page's length when there is none): two passes, not a search per block. */
function nearestGood(blocks: readonly ReadBlock[]): number[] {
  const n = blocks.length;
  const distance = new Array<number>(n).fill(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (last >= 0) distance[i] = i - last;
    if ((blocks[i] as ReadBlock).initial === 'good') last = i;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (last >= 0) distance[i] = Math.min(distance[i] as number, last - i);
    if ((blocks[i] as ReadBlock).initial === 'good') last = i;
  }
  return distance;
}

/** Neighbours within 2 blocks with the same list marker as this one (list items come in runs). */
function sameMarker(blocks: readonly ReadBlock[], i: number): number {
  const marker = (blocks[i] as ReadBlock).block.marker;
  let count = 0;
  for (let j = i - 2; j <= i + 2; j++) if (j !== i && blocks[j]?.block.marker === marker) count++;
  return count;
}

const NO_NEIGHBOUR = OWN_NAMES.map(() => 0);

/** One feature vector per block of the reading. */
export function blockFeatures(reading: PageReading): number[][] {
  const { blocks, first, last, comments } = reading;
  const n = blocks.length;
  const own = blocks.map(ownFeatures);
  const totalWeight = blocks.reduce((a, r) => a + r.measure.weight, 0) || 1;
  let runWeight = 0;
  for (let i = Math.max(0, first); i <= last; i++) runWeight += (blocks[i] as ReadBlock).measure.weight;
  const texts = new Map<string, number>();
  for (const r of blocks) texts.set(r.block.text, (texts.get(r.block.text) ?? 0) + 1);
  const heaviest = blocks.reduce((m, r) => Math.max(m, r.measure.weight), 1);
  let before = 0;
  let runBefore = 0;
  const marks = blocks.map((r) => (r.commentMark ? 1 : 0));
  const window = (from: number, to: number): number => {
    let sum = 0;
    for (let j = Math.max(0, from); j <= Math.min(n - 1, to); j++) sum += marks[j] as number;
    return Math.min(1, sum / 5);
  };
  const marksBefore = blocks.map((_, i) => window(i - 10, i - 1));
  const nearest = nearestGood(blocks);
  const marksAfter = blocks.map((_, i) => window(i + 1, i + 10));
  return blocks.map((r, i) => {
    const text = r.block.text;
    const inRun = i >= first && i <= last;
    const vector = [
      1,
      ...(own[i] as number[]),
      ...(own[i - 1] ?? NO_NEIGHBOUR),
      ...(own[i + 1] ?? NO_NEIGHBOUR),
      flag(inRun),
      flag(r.title),
      i < first ? log2(first - i) / 8 : 0,
      i > last ? log2(i - last) / 8 : 0,
      flag(i >= comments),
      flag(r.commentMark),
      flag(r.block.after !== undefined && AFTER_HEADER.test(r.block.after)),
      before / totalWeight,
      runWeight / totalWeight,
      runWeight === 0 || !inRun ? 0 : runBefore / runWeight,
      around(blocks, i, 3, (b) => flag(b.initial === 'good')) / 6,
      flag((texts.get(r.block.text) ?? 0) > 1),
      r.measure.weight / heaviest,
      around(blocks, i, 3, (b) => (b.initial === 'good' ? b.measure.weight : 0)) / heaviest,
      log2(nearest[i] as number) / 8,
      sameMarker(blocks, i) / 4,
      marksBefore[i] as number,
      marksAfter[i] as number,
      flag(text.length <= 200 && (findDateTime(text)?.iso.includes('T') ?? false)),
      Math.min(1, (text.match(WEB_ADDRESS)?.length ?? 0) / 3),
      Math.min(1, (text.match(QUESTION)?.length ?? 0) / Math.max(1, r.measure.words / 15)),
      around(blocks, i, 2, (b) => b.measure.stopDensity) / 4,
      around(blocks, i, 3, (b) => flag(b.block.marker !== 'none')) / 6,
      flag(i - 1 >= first && i - 1 <= last),
      flag(i + 1 >= first && i + 1 <= last),
    ];
    before += r.measure.weight;
    if (inRun) runBefore += r.measure.weight;
    return vector;
  });
}
