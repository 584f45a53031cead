/**
 * The invariants of clean(), as plain checks that throw an Error on failure:
 * the single definition shared by the property tests (test/properties.test.ts,
 * against src/) and the fuzz runner (scripts/fuzz.mjs, against dist/). Plain
 * ESM with JSDoc types so node runs it as is; `npm run typecheck` checks it.
 * The library is passed in, so each caller tests the build it means to.
 */

/** @typedef {import('../src/index.js').CleanResult} CleanResult */
/** @typedef {import('./generators.mjs').CleanCase} CleanCase */
/** @typedef {Pick<typeof import('../src/index.js'), 'clean' | 'splitLines' | 'normalizeLine'>} Library */
/** @typedef {{ name: string; check: (lib: Library, c: CleanCase) => void }} Invariant */

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 and C1 controls and DEL, except the line feed. */
export const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

/**
 * @param {boolean} ok
 * @param {() => string} message
 * @returns {asserts ok}
 */
function assert(ok, message) {
  if (!ok) throw new Error(message());
}

/** @param {string} s */
const show = (s) => JSON.stringify(s.length > 200 ? `${s.slice(0, 200)}…` : s);

/**
 * Where two strings first differ, with some text around it from each.
 * @param {string} a
 * @param {string} b
 */
function difference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const around = (/** @type {string} */ s) => show(s.slice(Math.max(0, i - 60), i + 60));
  return `first difference at ${i} of ${a.length} / ${b.length}:\n  ${around(a)}\n  ${around(b)}`;
}

/**
 * Every string inside a JSON value, with its path.
 * @param {unknown} value
 * @param {string} path
 * @returns {Generator<[string, string]>}
 */
function* stringsIn(value, path) {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* stringsIn(value[i], `${path}[${i}]`);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* stringsIn(v, `${path}.${k}`);
}

/**
 * Every non-blank input line is in exactly one of paragraphs, removed and
 * duplicates; "non-blank" is decided with the public splitLines + normalizeLine.
 * A duplicate names a kept paragraph as its copy. The counts and the text
 * agree with the ranges.
 * @param {Library} lib
 * @param {string} input
 * @param {CleanResult} result
 */
export function checkAccounting(lib, input, result) {
  /** @type {number[]} */
  const content = [];
  lib.splitLines(input).forEach((line, i) => {
    if (lib.normalizeLine(line) !== '') content.push(i + 1);
  });
  /** @type {Map<number, string>} */
  const seen = new Map();
  /** @param {[number, number]} range @param {string} where */
  const claim = ([from, to], where) => {
    assert(Number.isInteger(from) && Number.isInteger(to) && from <= to, () => `${where}: bad range [${from}, ${to}]`);
    for (let n = from; n <= to; n++) {
      assert(!seen.has(n), () => `line ${n} claimed by ${where} and ${seen.get(n)}`);
      seen.set(n, where);
    }
  };
  for (const p of result.paragraphs) {
    claim(p.lines, 'paragraphs');
    assert(p.text.split('\n').length === p.lines[1] - p.lines[0] + 1, () => `paragraph ${p.lines} has ${p.text.split('\n').length} lines of text`);
  }
  for (const r of result.removed) claim(r.lines, `removed (${r.rule})`);
  const kept = new Set(result.paragraphs.map((p) => p.lines.join('-')));
  for (const d of result.duplicates) {
    claim(d.lines, 'duplicates');
    assert(d.of.source !== undefined || kept.has(d.of.lines.join('-')), () => `duplicate ${d.lines} is a copy of ${d.of.lines}, which is not a kept paragraph`);
  }
  const claimed = [...seen.keys()].sort((a, b) => a - b);
  assert(claimed.join() === content.join(), () => `claimed lines ${claimed.join()} ≠ content lines ${content.join()}`);
  assert(result.stats.contentLinesIn === content.length, () => `stats.contentLinesIn ${result.stats.contentLinesIn} ≠ ${content.length}`);
  const text = result.paragraphs.length === 0 ? '' : `${result.paragraphs.map((p) => p.text).join('\n\n')}\n`;
  assert(result.text === text, () => 'text is not the paragraphs joined by blank lines');
}

/** @type {Invariant} */
export const neverThrows = {
  name: 'never throws',
  check(lib, { text, options }) {
    lib.clean(text, options);
  },
};

/** @type {Invariant} */
export const accounting = {
  name: 'accounts for every non-blank line exactly once',
  check(lib, { text, options }) {
    checkAccounting(lib, text, lib.clean(text, options));
  },
};

/** @type {Invariant} */
export const idempotent = {
  name: 'is idempotent: cleaning clean text changes nothing',
  check(lib, { text, options }) {
    const once = lib.clean(text, options).text;
    const twice = lib.clean(once, options).text;
    assert(twice === once, () => `a second pass changed the text, ${difference(once, twice)}`);
  },
};

/** @type {Invariant} */
export const wellFormed = {
  name: 'writes well-formed UTF-8 text and JSON, without control characters',
  check(lib, { text, options }) {
    const result = lib.clean(text, options);
    const out = result.text;
    assert(!LONE_SURROGATE.test(out), () => `lone surrogate in text ${show(out)}`);
    assert(Buffer.from(out, 'utf8').toString('utf8') === out, () => `text does not survive a UTF-8 round trip: ${show(out)}`);
    assert(!CONTROL.test(out), () => `control character in text ${show(out)}`);
    assert(out === '' || /[^\n]\n$/.test(out), () => `text does not end in exactly one newline: ${show(out)}`);
    const json = JSON.stringify(result);
    // JSON.stringify escapes a lone surrogate as \udXXX, so look at the strings it holds too.
    assert(Buffer.from(json, 'utf8').toString('utf8') === json, () => 'JSON does not survive a UTF-8 round trip');
    for (const [path, s] of stringsIn(JSON.parse(json), 'result')) {
      assert(!LONE_SURROGATE.test(s), () => `lone surrogate in ${path}: ${show(s)}`);
    }
  },
};

/** @type {Invariant} */
export const deterministic = {
  name: 'is deterministic: the same input gives the same result',
  check(lib, { text, options }) {
    const a = JSON.stringify(lib.clean(text, options));
    const b = JSON.stringify(lib.clean(text, options));
    assert(a === b, () => `two runs gave different results, ${difference(a, b)}`);
  },
};

/** All of them, in the order the tests and the fuzz runner run them. */
export const invariants = [neverThrows, accounting, idempotent, wellFormed, deterministic];
