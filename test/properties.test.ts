/**
 * Invariants on generated dumps (fast-check, fixed seed so CI is repeatable):
 * clean never throws, accounts for every line, is deterministic and
 * idempotent, and writes no control characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean, rules } from '../src/index.js';
import { expectAccounting } from './helpers.js';

const boilerplate = rules.flatMap((r) => r.examples.removes).flatMap((e) => (typeof e === 'string' ? [e] : e.lines));
const prose = rules.flatMap((r) => r.examples.keeps).filter((e): e is string => typeof e === 'string');

const line = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...boilerplate) },
  { weight: 3, arbitrary: fc.constantFrom(...prose) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\u00a0', '\u200b', '\u0007', 'مرحبا بالعالم', '你好，世界。', '👩‍👩‍👧 family', 'e\u0301') },
);
const newline = fc.constantFrom('\n', '\r\n', '\r', '\n\n');

/** A dump: lines joined by mixed line endings, with some lines repeated (duplicates). */
const dump = fc
  .tuple(fc.array(line, { maxLength: 30 }), fc.array(newline, { minLength: 30, maxLength: 30 }), fc.array(fc.nat(29), { maxLength: 5 }))
  .map(([lines, breaks, repeats]) => {
    const all = [...lines, ...repeats.map((i) => lines[i % Math.max(1, lines.length)] ?? '')];
    return all.map((l, i) => l + (breaks[i % breaks.length] as string)).join('');
  });

const settings = { seed: Number(process.env.PROPERTY_SEED ?? 20261125), numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };

describe('invariants of clean()', () => {
  it('never throws, and accounts for every non-blank line exactly once', () => {
    fc.assert(
      fc.property(dump, (text) => {
        expectAccounting(text, clean(text));
      }),
      settings,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(dump, (text) => {
        expect(JSON.stringify(clean(text))).toBe(JSON.stringify(clean(text)));
      }),
      settings,
    );
  });

  it('is idempotent: cleaning clean text changes nothing', () => {
    fc.assert(
      fc.property(dump, (text) => {
        const once = clean(text).text;
        expect(clean(once).text).toBe(once);
      }),
      settings,
    );
  });

  it('writes no control characters and ends in exactly one newline (or is empty)', () => {
    fc.assert(
      fc.property(dump, (text) => {
        const out = clean(text).text;
        expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
        if (out !== '') expect(out).toMatch(/[^\n]\n$/);
      }),
      settings,
    );
  });
});
