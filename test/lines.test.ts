/** streamLines: the same lines however the bytes are cut into chunks; a line growing past the limit is an error. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamLines } from '../src/cli/lines.js';

const stdinInput = { kind: 'stdin', source: '-' } as const;

async function collect(chunks: readonly Buffer[], maxChars = Infinity): Promise<string[]> {
  const lines: string[] = [];
  async function* stream(): AsyncGenerator<Buffer> {
    yield* chunks;
  }
  for await (const line of streamLines(stdinInput, stream(), undefined, maxChars)) lines.push(line);
  return lines;
}

/** The lines of a whole text, as the whole-file path cuts them (CRLF, CR, LF; no empty last line). */
const reference = (text: string): string[] => {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};

/** Cut bytes at the given offsets. */
const cutAt = (bytes: Buffer, cuts: number[]): Buffer[] => {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    if (c > from) out.push(bytes.subarray(from, c));
    from = Math.max(from, c);
  }
  return out;
};

describe('streamLines', () => {
  it('gives the same lines whatever the chunking: CR, LF and CRLF cut between chunks, multi-byte characters split', async () => {
    const piece = fc.constantFrom('a', 'line', 'Ж', '中文', '👍', ' ', '\r', '\n', '\r\n', '\r\r', '\n\r');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 }), async (pieces, cuts) => {
        const text = pieces.join('');
        expect(await collect(cutAt(Buffer.from(text), cuts))).toEqual(reference(text));
      }),
      { numRuns: 500, seed: 20261125 },
    );
  });

  it('refuses a line that grows past the limit before it ends, and leaves a complete one to the caller', async () => {
    const text = `short\n${'x'.repeat(50)}\nshort again\n`;
    // The long line arrives in several chunks: it would have to be held whole.
    await expect(collect(cutAt(Buffer.from(text), [8, 16, 30]), 20)).rejects.toThrow('line 2 is over the 20 B limit (--max-size)');
    // Complete within one chunk: given to the caller, which reports the article or record it belongs to.
    expect(await collect([Buffer.from(text)], 20)).toEqual(['short', 'x'.repeat(50), 'short again']);
  });

  it('reads a long line sent in many small chunks', async () => {
    const line = 'word '.repeat(20000);
    const lines = await collect(cutAt(Buffer.from(`${line}\nend\n`), Array.from({ length: 500 }, (_, i) => i * 200)));
    expect(lines).toEqual([line, 'end']);
  });
});
