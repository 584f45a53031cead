/**
 * Run statistics and the progress line. The progress line is drawn on stderr
 * only when asked (--progress, or stderr is a terminal), redrawn at most every
 * 200 ms with a carriage return, and erased at the end so it never mixes with
 * messages. --stats prints one summary line at the end.
 */
import type { OutStream } from './outputs.js';

export interface RunStats {
  inputs: number;
  documents: number;
  failed: number;
  bytes: number;
  removed: number;
  duplicates: number;
  /** Corpus scope: documents found to copy an earlier one (duplicateOf). */
  duplicateArticles: number;
}

const REDRAW_MS = 200;

const rate = (bytes: number, ms: number): string => `${(bytes / 1e6 / Math.max(ms / 1000, 1e-3)).toFixed(1)} MB/s`;

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
}

export class Progress {
  readonly stats: RunStats = { inputs: 0, documents: 0, failed: 0, bytes: 0, removed: 0, duplicates: 0, duplicateArticles: 0 };
  private readonly started: number;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stderr: OutStream,
    private readonly show: boolean,
    /** Inputs and their total size, when known (files), for the bar and the ETA. */
    private readonly total?: { inputs: number; bytes: number },
    /** Inputs hold many documents (--split, JSONL): count those too. */
    private readonly manyPerInput = false,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
    // Nothing is drawn in the first 200 ms: a quick run shows no flicker.
    this.lastDraw = this.started;
  }

  document(bytes: number, removed: number, duplicates: number): void {
    this.stats.documents++;
    this.stats.bytes += bytes;
    this.stats.removed += removed;
    this.stats.duplicates += duplicates;
    this.draw();
  }

  inputDone(): void {
    this.stats.inputs++;
    this.draw();
  }

  failure(): void {
    this.stats.failed++;
  }

  /** Erase the progress line before a message is written, so lines never interleave. */
  clear(): void {
    if (!this.drawn) return;
    this.stderr.write('\r\x1b[K');
    this.drawn = false;
  }

  line(): string {
    const elapsed = this.now() - this.started;
    const { inputs, documents, bytes } = this.stats;
    const parts: string[] = [];
    if (this.total) {
      const share = this.total.bytes > 0 ? bytes / this.total.bytes : inputs / Math.max(1, this.total.inputs);
      const width = 20;
      const filled = Math.min(width, Math.round(share * width));
      parts.push(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${inputs}/${this.total.inputs} files`);
      if (share > 0 && share < 1) parts.push(`ETA ${clock(((1 - share) / share) * (elapsed / 1000))}`);
    } else {
      parts.push(`${inputs} inputs`);
    }
    if (this.manyPerInput) parts.push(`${documents} ${this.total ? 'documents' : 'records'}`);
    parts.push(rate(bytes, elapsed));
    return parts.join(' · ');
  }

  private draw(): void {
    if (!this.show) return;
    const t = this.now();
    if (t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.stderr.write(`\r\x1b[K${this.line()}`);
    this.drawn = true;
  }

  /** The --stats line. */
  summary(): string {
    const seconds = (this.now() - this.started) / 1000;
    const { inputs, documents, failed, bytes, removed, duplicates, duplicateArticles } = this.stats;
    const docs = this.manyPerInput ? ` (${documents} documents)` : '';
    const articles = duplicateArticles > 0 ? `, ${duplicateArticles} duplicate articles` : '';
    return `${inputs} inputs${docs}, ${failed} failed; ${removed} lines removed, ${duplicates} duplicate paragraphs${articles}; ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${rate(bytes, seconds * 1000)})`;
  }
}
