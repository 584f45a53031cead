/** The progress line and the --stats summary, with a fake clock. */
import { describe, expect, it } from 'vitest';
import { Progress } from '../src/cli/progress.js';

function setup(show: boolean, total?: { inputs: number; bytes: number }, many = false) {
  let written = '';
  let now = 1_000_000;
  const progress = new Progress({ write: (s: string) => (written += s) }, show, total, many, () => now);
  return { progress, advance: (ms: number) => (now += ms), written: () => written };
}

describe('Progress', () => {
  it('draws a bar with files, ETA and MB/s, at most every 200 ms, and erases it', () => {
    const { progress, advance, written } = setup(true, { inputs: 4, bytes: 4_000_000 });
    advance(1000);
    progress.document(1_000_000, 3, 1);
    progress.inputDone();
    expect(written()).toBe('\r\x1b[K[#####...............] 0/4 files · ETA 0:03 · 1.0 MB/s');
    advance(100);
    progress.document(1_000_000, 0, 0); // within 200 ms: not redrawn
    expect(written().split('\r').length).toBe(2);
    advance(1000);
    progress.inputDone();
    expect(written().endsWith('[##########..........] 2/4 files · ETA 0:02 · 1.0 MB/s')).toBe(true);
    progress.clear();
    expect(written().endsWith('\r\x1b[K')).toBe(true);
  });

  it('draws nothing when not shown, and counts records when inputs hold many documents', () => {
    const hidden = setup(false);
    hidden.advance(1000);
    hidden.progress.document(10, 0, 0);
    hidden.progress.clear();
    expect(hidden.written()).toBe('');
    const records = setup(true, undefined, true);
    records.advance(500);
    records.progress.document(2_000_000, 0, 0);
    expect(records.written()).toBe('\r\x1b[K0 inputs · 1 records · 4.0 MB/s');
  });

  it('summarises the run for --stats', () => {
    const { progress, advance } = setup(false);
    progress.document(3_000_000, 12, 2);
    progress.inputDone();
    progress.failure();
    advance(2000);
    expect(progress.summary()).toBe('1 inputs, 1 failed; 12 lines removed, 2 duplicate paragraphs; 3.0 MB in 2.0 s (1.5 MB/s)');
  });
});
