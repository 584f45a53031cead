/**
 * The pipeline: segment → normalize → boilerplate rules → dedupe → result.
 * Pure: no I/O, no globals written, the same input always gives the same result.
 */
import { DEFAULT_CONTAINMENT, DEFAULT_MIN_BYTES, DEFAULT_THRESHOLD, findDuplicates } from '../dedupe/document.js';
import { selectRules } from '../rules/index.js';
import type { CleanOptions, CleanResult, Duplicate, LineRange, Metadata, Paragraph, Removal } from '../types.js';
import { applyRules } from './apply-rules.js';
import { mergeMetadata } from './metadata.js';
import { segment, type ContentLine } from './segment.js';

/** A run of kept lines: one input paragraph, or the part of one between removed lines. */
interface Block {
  lines: ContentLine[];
}

const rangeOf = (lines: readonly ContentLine[]): LineRange => [
  (lines[0] as ContentLine).lineNumber,
  (lines[lines.length - 1] as ContentLine).lineNumber,
];

export function clean(input: string, options: CleanOptions = {}): CleanResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  const activeRules = options.rules === false ? [] : selectRules(options.disable);

  const { lineCount, lines } = segment(input);
  const verdicts = applyRules(lines, activeRules);

  const removed: Removal[] = [];
  const metadata: Metadata = {};
  const blocks: Block[] = [];
  let current: Block | undefined;
  lines.forEach((line, i) => {
    const verdict = verdicts[i];
    if (verdict) {
      removed.push({ lines: [line.lineNumber, line.lineNumber], rule: verdict.rule.id, reason: verdict.rule.description, text: line.original });
      mergeMetadata(metadata, verdict.metadata);
      current = undefined;
      return;
    }
    if (!current || (current.lines[current.lines.length - 1] as ContentLine).paragraph !== line.paragraph) {
      current = { lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });

  const duplicateOf =
    options.dedupe === false
      ? new Map()
      : findDuplicates(
          blocks.map((b) => ({ lines: b.lines.map((l) => l.text) })),
          {
            threshold,
            keep: options.keep ?? 'first',
            minBytes: options.minDuplicateBytes ?? DEFAULT_MIN_BYTES,
            containment: DEFAULT_CONTAINMENT,
          },
        );

  const paragraphs: Paragraph[] = [];
  const duplicates: Duplicate[] = [];
  blocks.forEach((block, i) => {
    const verdict = duplicateOf.get(i);
    if (!verdict) {
      paragraphs.push({ lines: rangeOf(block.lines), text: block.lines.map((l) => l.text).join('\n') });
      return;
    }
    duplicates.push({
      lines: rangeOf(block.lines),
      of: { lines: rangeOf((blocks[verdict.of] as Block).lines) },
      kind: verdict.kind,
      similarity: verdict.similarity,
      text: block.lines.map((l) => l.original).join('\n'),
    });
  });

  const text = paragraphs.length === 0 ? '' : paragraphs.map((p) => p.text).join('\n\n') + '\n';
  const linesOut = paragraphs.reduce((n, p) => n + p.lines[1] - p.lines[0] + 1, 0);
  return {
    schemaVersion: 1,
    ...(options.source === undefined ? {} : { source: options.source }),
    text,
    paragraphs,
    metadata,
    removed,
    duplicates,
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
