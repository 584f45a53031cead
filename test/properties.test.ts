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
