// @ts-check
/**
 * Fuzz runner: the property tests' invariants (test/invariants.mjs) on the
 * same hostile dumps (test/generators.mjs), for many more cases, against the
 * built library (dist/). No vitest: `npm run fuzz` builds, then runs this.
 *
 *   node scripts/fuzz.mjs [--runs N] [--seconds S] [--seed N] [--progress N] [--only TEXT] [--lib FILE]
 *
 * --runs      cases per property (default 100000)
 * --seconds   time budget for the whole run, split evenly between properties
 *             (a property stops at whichever of --runs and its share comes first)
 * --seed      fast-check seed (default: the time; printed so a run can be replayed)
 * --progress  print progress on stderr every N cases (default 10000)
 * --only      run only the properties whose name contains TEXT
 * --lib       the library module to test (default dist/index.js)
 *
 * Prints, per property, the cases run and the rate; on failure the shrunk
 * counterexample as JSON, and exits 1.
 */
import fc from 'fast-check';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { cleanCaseArbitrary } from '../test/generators.mjs';
import { invariants } from '../test/invariants.mjs';

/** @param {string} message @returns {never} */
function usage(message) {
  console.error(`fuzz: ${message} (see --help)`);
  process.exit(2);
}

const options = /** @type {const} */ ({
  runs: { type: 'string', default: '100000' },
  seconds: { type: 'string' },
  seed: { type: 'string' },
  progress: { type: 'string', default: '10000' },
  only: { type: 'string' },
  lib: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
});
let parsed;
try {
  parsed = parseArgs({ options });
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const { values } = parsed;
if (values.help) {
  // The usage is this file's header comment.
  const { readFileSync } = await import('node:fs');
  const header = readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0] ?? '';
  console.log(header.replace(/^\/\/ @ts-check\n\/\*\*\n/, '').replace(/^ \* ?/gm, '').trimEnd());
  process.exit(0);
}

/** @type {typeof import('../src/index.js')} */
const lib = await import(values.lib === undefined ? '../dist/index.js' : pathToFileURL(path.resolve(values.lib)).href);

/** @param {string | undefined} value @param {string} name */
function number(value, name) {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < 0) usage(`--${name} needs a non-negative number, got ${value}`);
  return n;
}

const runs = Math.floor(number(values.runs, 'runs'));
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Math.floor(number(values.seed, 'seed'));
const every = Math.max(1, Math.floor(number(values.progress, 'progress')));
const selected = invariants.filter((inv) => values.only === undefined || inv.name.includes(values.only));
const budgetMs = values.seconds === undefined ? undefined : (number(values.seconds, 'seconds') * 1000) / Math.max(1, selected.length);
const cases = cleanCaseArbitrary(lib.rules);

console.error(`fuzz: seed ${seed}, ${runs} cases per property${budgetMs === undefined ? '' : `, at most ${(budgetMs / 1000).toFixed(1)} s each`}, ${selected.length} properties`);

const started = performance.now();
let failed = 0;
let total = 0;
for (const invariant of selected) {
  const t0 = performance.now();
  let calls = 0;
  const property = fc.property(cases, (c) => {
    if (++calls % every === 0) {
      const s = (performance.now() - t0) / 1000;
      console.error(`  ${invariant.name}: ${calls} cases, ${(calls / s).toFixed(0)}/s`);
    }
    invariant.check(lib, c);
  });
  const details = fc.check(property, {
    seed,
    numRuns: runs,
    ...(budgetMs === undefined ? {} : { interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false }),
  });
  const seconds = (performance.now() - t0) / 1000;
  total += details.numRuns;
  const rate = (details.numRuns / seconds).toFixed(0);
  if (details.failed) {
    failed++;
    console.log(`FAIL ${invariant.name}: after ${details.numRuns} cases (${seconds.toFixed(1)} s), shrunk ${details.numShrinks} times`);
    console.log(`  counterexample: ${JSON.stringify(details.counterexample?.[0])}`);
    console.log(`  error: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`);
    console.log(`  replay: node scripts/fuzz.mjs --seed ${seed} --only ${JSON.stringify(invariant.name)} (path ${details.counterexamplePath})`);
  } else {
    console.log(`ok   ${invariant.name}: ${details.numRuns} cases in ${seconds.toFixed(1)} s (${rate}/s)${details.interrupted ? ', time budget reached' : ''}`);
  }
}
const elapsed = (performance.now() - started) / 1000;
console.log(`fuzz: seed ${seed}, ${total} cases over ${selected.length} properties in ${elapsed.toFixed(1)} s (${(total / elapsed).toFixed(0)} cases/s), ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
