/**
 * The pipeline: segment → normalize → boilerplate rules → dedupe → result.
 * Pure: no I/O, no globals written, the same input always gives the same result.
 */
import { DEFAULT_CONTAINMENT, DEFAULT_MIN_BYTES, DEFAULT_THRESHOLD, findDuplicates, type DedupeMemo, type DuplicateVerdict } from '../dedupe/document.js';
import { canonicalize } from '../dedupe/canonical.js';
import { selectRules } from '../rules/index.js';
import { compileUserRules } from '../rules/user.js';
import type { Change, CleanOptions, CleanResult, Duplicate, LineRange, Metadata, Paragraph, Removal, Rule } from '../types.js';
import { applyRules, type LineVerdict } from './apply-rules.js';
import { mergeMetadata, orderMetadata } from './metadata.js';
import { isValidNow, parseRelative, resolveRelative } from './relative-time.js';
import { segment, type ContentLine } from './segment.js';
import { findArticle, proseMemo, readsAsPage, standingBlocks } from '../page/index.js';
import { applyTemplate, TEMPLATE_RULE } from './template.js';

/**
 * Rules (and, for a page, block classification) and dedupe alternate until
 * nothing more is removed: removing lines moves the header and footer zones
 * and changes a block's neighbours, and the result must be a fixed point so
 * that cleaning clean text changes nothing. Two rounds are the norm, three
 * when dedupe or a removal moves a line into a zone or next to a block.
 * Rounds stop as soon as one removes nothing; the cap only bounds the work on
 * pathological input. It was 4 until the fuzzer found repeated bylines inside
 * a paragraph with a near copy that needed 5 (test/dedupe.test.ts).
 */
const MAX_ROUNDS = 16;

/** A run of kept lines: one input paragraph, or the part of one between removed lines. */
interface Block {
  /** Indices into the document's content lines. */
  indices: number[];
}

interface DedupeState {
  blocks: Block[];
  duplicateOf: Map<number, DuplicateVerdict>;
  /** Content lines inside dropped paragraphs. */
  duplicateLines: Set<number>;
}

function blocksOf(lines: readonly ContentLine[], verdicts: readonly (LineVerdict | undefined)[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  lines.forEach((line, i) => {
    if (verdicts[i]) {
      current = undefined;
      return;
    }
    const last = current?.indices[current.indices.length - 1];
    if (!current || last === undefined || (lines[last] as ContentLine).paragraph !== line.paragraph) {
      current = { indices: [] };
      blocks.push(current);
    }
    current.indices.push(i);
  });
  return blocks;
}

/**
 * Lines a round removed from a kept paragraph go from its dropped copies too,
 * where a copy has the same line (canonically: case, punctuation and spacing
 * aside): had the copy been the one kept, it would have lost them. Otherwise a copy still carrying them can look fuller than
 * the kept one, take its place, lose them in the next round, and so on for
 * each copy. A kept paragraph removed whole leaves its copies alone (one of
 * them may stand where it reads as the article).
 */
function removeFromCopies(lines: readonly ContentLine[], verdicts: (LineVerdict | undefined)[], { blocks, duplicateOf }: DedupeState): void {
  for (const [b, duplicate] of duplicateOf) {
    const kept = (blocks[duplicate.of] as Block).indices;
    if (kept.every((i) => verdicts[i])) continue;
    const removed = new Map<string, LineVerdict>();
    for (const i of kept) {
      const verdict = verdicts[i];
      if (verdict) removed.set(canonicalize((lines[i] as ContentLine).text), verdict);
    }
    if (removed.size === 0) continue;
    // A verdict object of its own for the copy: one verdict object shared by neighbouring lines is reported as one range.
    const copies = new Map<LineVerdict, LineVerdict>();
    for (const i of (blocks[b] as Block).indices) {
      const verdict = removed.get(canonicalize((lines[i] as ContentLine).text));
      if (!verdict) continue;
      let copy = copies.get(verdict);
      if (!copy) {
        const where = `as in the kept copy (line ${(lines[kept[0] as number] as ContentLine).lineNumber})`;
        copy = { ...verdict, detail: verdict.detail === undefined ? where : `${verdict.detail}; ${where}` };
        copies.set(verdict, copy);
      }
      verdicts[i] = copy;
    }
  }
}

export function clean(input: string, options: CleanOptions = {}): CleanResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  if (options.now !== undefined && !isValidNow(options.now)) throw new RangeError(`now must be an ISO 8601 time with an offset or Z, got ${JSON.stringify(options.now)}`);
  const userRules = options.userRules?.length ? compileUserRules(options.userRules) : [];
  const activeRules: readonly Rule[] = options.rules === false ? [] : [...userRules, ...selectRules(options.disable)];
  const dedupeOptions = {
    threshold,
    keep: options.keep ?? 'first',
    minBytes: options.minDuplicateBytes ?? DEFAULT_MIN_BYTES,
    containment: DEFAULT_CONTAINMENT,
  };

  const { lineCount, lines, changes } = segment(input, options.fixMojibake === true);
  const textOf = (b: Block): string[] => b.indices.map((i) => (lines[i] as ContentLine).text);
  const verdicts: (LineVerdict | undefined)[] = new Array(lines.length).fill(undefined);
  const dedupeMemo: DedupeMemo = new Map();
  const dedupe = (previous: DedupeState | undefined): DedupeState => {
    const blocks = blocksOf(lines, verdicts);
    // Blocks (or what is left of them) that the previous round kept: the keep policy chose them once already.
    let kept: boolean[] | undefined;
    if (previous) {
      const keptLines = new Set<number>();
      previous.blocks.forEach((b, i) => {
        if (!previous.duplicateOf.has(i)) for (const l of b.indices) keptLines.add(l);
      });
      kept = blocks.map((b) => keptLines.has(b.indices[0] as number));
    }
    const duplicateOf = options.dedupe === false ? new Map() : findDuplicates(blocks.map((b) => ({ lines: textOf(b) })), dedupeOptions, kept, dedupeMemo);
    const duplicateLines = new Set<number>();
    for (const b of duplicateOf.keys()) for (const i of (blocks[b] as Block).indices) duplicateLines.add(i);
    return { blocks, duplicateOf, duplicateLines };
  };

  // Until a rules pass removes nothing under the current duplicates (rule passes
  // and dedupe each move the zones the other sees).
  // After the first round only rules that depend on zones or neighbours can
  // change their answer; the others have seen every line already.
  const movableRules = activeRules.filter((r) => r.zone !== 'anywhere' || r.contextual);
  const templateOff = options.disable?.some((d) => d === 'template' || d === TEMPLATE_RULE.id);
  if (options.template && options.rules !== false && !templateOff) applyTemplate(lines, verdicts, options.template.lines, options.template.files);
  let state: DedupeState | undefined;
  let mode: 'article' | 'page' = 'article';
  const memo = proseMemo();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const duplicates = state?.duplicateLines;
    const excluded = duplicates ? (i: number) => duplicates.has(i) : undefined;
    let changed = applyRules(lines, round === 0 ? activeRules : movableRules, verdicts, excluded);
    // Page mode judges each block by its neighbours: once blocks are removed
    // or dropped as duplicates, the ones left can read differently, so it runs
    // every round, on the lines still standing (what cleaning the output again
    // would see), until it removes nothing more. Auto mode asks each round
    // whether those lines read as a page; once they do, the answer stays.
    if (options.mode !== 'article') {
      const blocks = standingBlocks(lines, verdicts, excluded, round === 0);
      if (mode === 'article' && readsAsPage(blocks, options)) mode = 'page';
      if (mode === 'page' && findArticle(blocks, verdicts, options, memo)) changed = true;
    }
    if (state && !changed) break;
    if (state) removeFromCopies(lines, verdicts, state);
    state = dedupe(state);
  }
  const result = buildResult(lineCount, lines, verdicts, state as DedupeState, options.source, mode, options.fixMojibake === true ? changes : undefined);
  if (options.now !== undefined) result.metadata = orderMetadata(resolveRelativeTimes(result.metadata, options.now));
  return result;
}

/** Relative times resolved against `now`; a time the dump gave in full is kept over a relative one. */
function resolveRelativeTimes(metadata: Metadata, now: string): Metadata {
  const out = { ...metadata };
  for (const [text, field] of [['publishedText', 'published'], ['updatedText', 'updated']] as const) {
    const printed = out[text];
    const rel = printed === undefined ? undefined : parseRelative(printed);
    if (!rel) continue;
    out[field] ??= resolveRelative(rel, now);
    delete out[text];
  }
  return out;
}

function buildResult(
  lineCount: number,
  lines: readonly ContentLine[],
  verdicts: readonly (LineVerdict | undefined)[],
  { blocks, duplicateOf }: DedupeState,
  source: string | undefined,
  mode: 'article' | 'page',
  changes: Change[] | undefined,
): CleanResult {
  const line = (i: number): ContentLine => lines[i] as ContentLine;
  const rangeOf = (b: Block): LineRange => [line(b.indices[0] as number).lineNumber, line(b.indices[b.indices.length - 1] as number).lineNumber];

  const removed: Removal[] = [];
  const metadata: Metadata = {};
  let previous: LineVerdict | undefined;
  verdicts.forEach((verdict, i) => {
    const l = line(i);
    const last = removed[removed.length - 1];
    // A block removed whole (page mode) shares one verdict: report it as one range.
    if (verdict && verdict === previous && last) {
      last.lines[1] = l.lineNumber;
      last.text += `\n${l.original}`;
    } else if (verdict) {
      removed.push({
        lines: [l.lineNumber, l.lineNumber],
        rule: verdict.rule.id,
        reason: verdict.rule.description,
        text: l.original,
        ...(verdict.detail === undefined ? {} : { detail: verdict.detail }),
      });
      mergeMetadata(metadata, verdict.metadata);
    }
    previous = verdict;
  });

  const paragraphs: Paragraph[] = [];
  const duplicates: Duplicate[] = [];
  blocks.forEach((block, b) => {
    const verdict = duplicateOf.get(b);
    if (!verdict) {
      paragraphs.push({ lines: rangeOf(block), text: block.indices.map((i) => line(i).text).join('\n') });
      return;
    }
    duplicates.push({
      lines: rangeOf(block),
      of: { lines: rangeOf(blocks[verdict.of] as Block) },
      kind: verdict.kind,
      similarity: verdict.similarity,
      text: block.indices.map((i) => line(i).original).join('\n'),
    });
  });

  const text = paragraphs.length === 0 ? '' : paragraphs.map((p) => p.text).join('\n\n') + '\n';
  const linesOut = paragraphs.reduce((n, p) => n + p.lines[1] - p.lines[0] + 1, 0);
  return {
    schemaVersion: 1,
    ...(source === undefined ? {} : { source }),
    mode,
    text,
    paragraphs,
    metadata: orderMetadata(metadata),
    removed,
    duplicates,
    ...(changes === undefined ? {} : { changes }),
    stats: {
      linesIn: lineCount,
      contentLinesIn: lines.length,
      linesOut,
      paragraphsOut: paragraphs.length,
      removed: removed.length,
      duplicates: duplicates.length,
      duplicateLines: duplicates.reduce((n, d) => n + d.lines[1] - d.lines[0] + 1, 0),
    },
  };
}
