/**
 * Template lines: lines that many files of one batch share (the same menu,
 * footer or newsletter box on every page of a site). The CLI counts them
 * across a folder (cli/template.ts); here they are marked as removed.
 */
import type { LineVerdict } from './apply-rules.js';
import type { ContentLine } from './segment.js';

export const TEMPLATE_RULE = {
  id: 'template/repeated-across-files',
  description: 'a line that many files of this batch share (site menu, footer, newsletter box)',
} as const;

/** Lines longer than this are never template lines: a shared paragraph of prose is a duplicate, not a template. */
export const MAX_TEMPLATE_LINE = 160;

/** Mark every line found in `templateLines` (normalized line → number of files it is in). */
export function applyTemplate(
  lines: readonly ContentLine[],
  verdicts: (LineVerdict | undefined)[],
  templateLines: ReadonlyMap<string, number>,
  files: number,
): void {
  const byCount = new Map<number, LineVerdict>();
  lines.forEach((line, i) => {
    const count = templateLines.get(line.text);
    if (count === undefined || verdicts[i]) return;
    let verdict = byCount.get(count);
    if (!verdict) {
      verdict = { rule: TEMPLATE_RULE, detail: `in ${count} of ${files} files of this batch` };
      byCount.set(count, verdict);
    }
    verdicts[i] = verdict;
  });
}
