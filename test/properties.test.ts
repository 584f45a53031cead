/**
 * Invariants on generated hostile dumps (fast-check, fixed seed so CI is
 * repeatable), in every mode: clean never throws, accounts for every line,
 * is idempotent, writes well-formed UTF-8 without control characters, and is
 * deterministic. Generators: test/generators.mjs; the checks: test/invariants.mjs
 * (shared with `npm run fuzz`, which runs them for many more cases).
 * PROPERTY_SEED and PROPERTY_RUNS override the seed and the number of cases.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as lib from '../src/index.js';
import { cleanCaseArbitrary } from './generators.mjs';
import { expectAccounting } from './helpers.js';
import { accounting, invariants } from './invariants.mjs';
import { CorpusIndex } from '../src/dedupe/corpus.js';

const cases = cleanCaseArbitrary(lib.rules);
const settings = { seed: Number(process.env.PROPERTY_SEED ?? 20261125), numRuns: Number(process.env.PROPERTY_RUNS ?? 100) };

describe('invariants of clean()', () => {
  for (const invariant of invariants) {
    it(invariant.name, () => {
      fc.assert(
        fc.property(cases, (c) => {
          invariant.check(lib, c);
          // The accounting check written with the library's own segmentation, too.
          if (invariant === accounting) expectAccounting(c.text, lib.clean(c.text, c.options));
        }),
        settings,
      );
    });
  }
});

describe('invariants of corpus scope (CorpusIndex.apply)', () => {
  // Several generated dumps, often sharing paragraphs: document i borrows paragraphs of earlier ones.
  const corpora = fc.array(cases, { minLength: 2, maxLength: 5 }).map((list) =>
    list.map((c, i) => {
      if (i === 0) return c.text;
      const earlier = (list[i - 1] as { text: string }).text.split(/\n\s*\n/);
      return `${c.text}\n\n${earlier.slice(0, 3).join('\n\n')}\n`;
    }),
  );

  it('accounts for every line of every document, names only kept copies in earlier documents, and is deterministic', () => {
    fc.assert(
      fc.property(corpora, (texts) => {
        const run = () => {
          const index = new CorpusIndex();
          return texts.map((text, i) => index.apply(lib.clean(text, { source: `d${i}` }), text));
        };
        const results = run();
        results.forEach((result, i) => {
          expectAccounting(texts[i] as string, result);
          for (const d of result.duplicates) {
            if (d.of.source === undefined) continue;
            const k = Number(d.of.source.slice(1));
            if (!(k < i)) throw new Error(`document ${i} names a later or the same document ${k}`);
            // The copy named is a paragraph that document kept.
            if (!(results[k]?.paragraphs.some((p) => p.lines[0] === d.of.lines[0] && p.lines[1] === d.of.lines[1]) ?? false)) throw new Error(`d${i} names lines ${d.of.lines} of d${k}, which it did not keep`);
          }
        });
        if (JSON.stringify(run()) !== JSON.stringify(results)) throw new Error('two runs differ');
      }),
      { ...settings, numRuns: Math.min(settings.numRuns, 60) },
    );
  });
});
