/**
 * Counting template lines across a batch: feed each file's text, then ask
 * which lines enough files share. Pure (the caller reads the files).
 */
import { segment } from './segment.js';
import { MAX_TEMPLATE_LINE } from './template.js';

export interface TemplateThresholds {
  /** A line is a template line when at least this many files have it... */
  minFiles: number;
  /** ...and at least this share of the batch's files. */
  minShare: number;
}

export const DEFAULT_TEMPLATE: TemplateThresholds = { minFiles: 5, minShare: 0.3 };

export class TemplateCounter {
  private readonly counts = new Map<string, number>();
  private fileCount = 0;

  /** `fixMojibake`: count lines as clean() will see them when it repairs mojibake (CleanOptions.fixMojibake). */
  constructor(private readonly options: { fixMojibake?: boolean } = {}) {}

  add(text: string): void {
    this.fileCount++;
    const seen = new Set<string>();
    for (const line of segment(text, this.options.fixMojibake === true).lines) {
      if (line.text.length <= MAX_TEMPLATE_LINE) seen.add(line.text);
    }
    for (const l of seen) this.counts.set(l, (this.counts.get(l) ?? 0) + 1);
  }

  get files(): number {
    return this.fileCount;
  }

  /** The shared lines, or an empty map when the batch is too small to tell. */
  templateLines({ minFiles, minShare }: TemplateThresholds = DEFAULT_TEMPLATE): Map<string, number> {
    const out = new Map<string, number>();
    if (this.fileCount < minFiles) return out;
    const needed = Math.max(minFiles, Math.ceil(minShare * this.fileCount));
    for (const [line, count] of this.counts) if (count >= needed) out.set(line, count);
    return out;
  }
}
