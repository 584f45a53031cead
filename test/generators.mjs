/**
 * fast-check generators of hostile article dumps, shared by the property tests
 * (test/properties.test.ts, through vitest) and the fuzz runner (scripts/fuzz.mjs,
 * plain node against dist/). Plain ESM with JSDoc types, checked by `npm run
 * typecheck`, so both can import it without a TypeScript step.
 *
 * A dump mixes prose and boilerplate lines (the rules' own examples), page
 * residue (bullets, menus, widgets), exact and near duplicates of its own
 * paragraphs, hostile Unicode (RTL, CJK, ZWJ emoji, combining marks, C0/C1/DEL
 * controls, lone surrogates, BOM and zero-width characters), very long lines
 * and mixed CR / CRLF / LF line endings.
 */
import fc from 'fast-check';

/** @typedef {import('../src/index.js').Rule} Rule */
/** @typedef {import('../src/index.js').CleanOptions} CleanOptions */
/** @typedef {{ text: string; options: CleanOptions }} CleanCase */

/** Stop-word-rich words, so page mode finds prose to keep and dedupe sees long paragraphs. */
const WORDS = (
  'the of and to in that it was for on with as he she they is at by from this have not but had his her ' +
  'which were their been has would there said when who will more about after into over year government ' +
  'city council report police minister people market company water school river night plan new old'
).split(' ');

/** Text that is hostile on its own: scripts, joiners, marks, controls, invisibles. */
const HOSTILE = [
  'مرحبا بالعالم، كيف حالك؟', 'שלום עולם, מה שלומך?', '\u202Eevil\u202C', '\u200Fמימין\u200E', '\u2067isolate\u2069',
  '你好，世界。', '東京都の天気は晴れです。', '한국어 문장입니다.', '👩\u200D👩\u200D👧', '🏳️\u200D🌈', '👍🏽', '🇫🇷',
  'e\u0301', 'a\u0300\u0301\u0302\u0303', 'Z\u0351\u0352\u0353\u0354\u0355', '\u0915\u094D\u0937', 'می\u200Cخواهم',
  '\u0000', '\u0007', '\u001B[31m', '\u007F', '\u0080', '\u0085', '\u009F', '\t', '\u000B', '\u000C',
  '\uFEFF', '\u200B', '\u2060', '\u00AD', '\u00A0', '\u202F', '\u3000', '\u2028', '\u2029', '\uFFFD', '\uFFFF',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDC00\uD800', '\uD83D', '\uDE00',
];

/** A code point in [min, max]; surrogate code points make lone surrogates. */
const codePoint = (/** @type {number} */ min, /** @type {number} */ max) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));

/**
 * One "character" of a hostile string: any code point (lone surrogates
 * included, which fc.string's 'binary' unit never makes), controls and Latin
 * more often, or a hostile piece. Built from fc.integer rather than the
 * 'binary' unit: a custom unit over that one costs fast-check a reverse map of
 * all of Unicode (a second or so) at load time.
 */
const hostileUnit = fc.oneof(
  { weight: 3, arbitrary: codePoint(0, 0x10ffff) },
  { weight: 2, arbitrary: codePoint(0, 0x2ff) },
  { weight: 1, arbitrary: codePoint(0xd800, 0xdfff) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
);

const hostile = fc.string({ unit: hostileUnit, maxLength: 30 });

/** A sentence of common words, capitalised and ending in a full stop. */
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 4, maxLength: 24 }).map((words) => {
  const s = words.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
});

/** Converter residue of whole pages: the things page mode removes. */
const pageResidue = fc.oneof(
  fc.constantFrom('Home', 'News', 'Sport', 'Contact us', '[IMG]', '[photo-1.jpg]', 'Search ________ (BUTTON) Go', 'Home | News | Sport | Weather | Contact', '53 Responses to “A story”', 'Anna says:', 'Reply'),
  fc.constantFrom('* ', '+ ', '- ', '• ', 'o ', '1. ', '12) ').chain((marker) => fc.constantFrom(...WORDS.slice(40)).map((w) => marker + w)),
);

/** A line several thousand characters long. */
const longLine = fc.oneof(
  fc.tuple(sentence, fc.integer({ min: 20, max: 60 })).map(([s, n]) => Array.from({ length: n }, () => s).join(' ')),
  fc.tuple(hostile, fc.integer({ min: 100, max: 300 })).map(([s, n]) => s.repeat(n).slice(0, 4000)),
  fc.string({ unit: hostileUnit, minLength: 1000, maxLength: 3000 }),
);

/**
 * One line of a dump; `residue` weighs page residue (high enough, and auto
 * mode reads the dump as a page).
 * @param {readonly Rule[]} rules
 * @param {number} residue
 */
function lineArbitrary(rules, residue) {
  const boilerplate = rules.flatMap((r) => r.examples.removes).flatMap((e) => (typeof e === 'string' ? [e] : e.lines));
  const prose = rules.flatMap((r) => r.examples.keeps).filter(/** @returns {e is string} */ (e) => typeof e === 'string');
  /** A line with hostile text spliced in at the start, the end or the middle. */
  const spliced = fc
    .tuple(fc.oneof(fc.constantFrom(...prose), sentence), hostile, fc.nat())
    .map(([line, bad, at]) => {
      const i = at % (line.length + 1);
      return line.slice(0, i) + bad + line.slice(i);
    });
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...boilerplate) },
    { weight: 4, arbitrary: fc.constantFrom(...prose) },
    { weight: 4, arbitrary: sentence },
    { weight: residue, arbitrary: pageResidue },
    { weight: 3, arbitrary: spliced },
    { weight: 2, arbitrary: hostile },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\u00A0', '\u200B', '\uFEFF', '\u0007', '\uD800') },
    { weight: 1, arbitrary: longLine },
  );
}

/** Case and punctuation edits that keep a paragraph a near duplicate. */
const EDITS = [
  /** @param {string} s */ (s) => s.toUpperCase(),
  /** @param {string} s */ (s) => s.toLowerCase(),
  /** @param {string} s */ (s) => s.replace(/[.,;:!?]/g, ''),
  /** @param {string} s */ (s) => s.replace(/ /g, ' , '),
  /** @param {string} s */ (s) => s.replace(/\./g, ' .'),
  /** @param {string} s */ (s) => `"${s}"`,
];

/**
 * A copy of a paragraph: exact, truncated, one word changed, or with case/punctuation edited.
 * @param {string[]} paragraph
 */
function copyOf(paragraph) {
  const text = paragraph.join('\n');
  return fc.oneof(
    fc.constant(paragraph),
    fc.nat().map((n) => text.slice(0, Math.max(1, n % (text.length + 1))).split('\n')),
    fc.tuple(fc.nat(), fc.constantFrom(...WORDS)).map(([n, word]) => {
      const words = text.split(' ');
      words[n % words.length] = word;
      return words.join(' ').split('\n');
    }),
    fc.constantFrom(...EDITS).map((edit) => paragraph.map(edit)),
  );
}

/** Line endings, blank separators with invisible padding included. */
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
const separator = fc.constantFrom('\n', '\r\n', '\r', '\n \n', '\r\n\r\n', '\r\r', '\n\t\u00A0\n', '\n\u200B\n', '\n\r');

/**
 * A whole dump: paragraphs of lines, then up to 8 copies of some of them
 * inserted at random places (enough copies to need more rounds than clean()
 * runs, were each copy to cost one), joined with mixed line endings, maybe
 * behind a BOM.
 * @param {readonly Rule[]} rules
 * @returns {fc.Arbitrary<string>}
 */
export function dumpArbitrary(rules) {
  const article = fc.array(lineArbitrary(rules, 2), { minLength: 1, maxLength: 4 });
  const page = fc.array(lineArbitrary(rules, 30), { minLength: 1, maxLength: 2 });
  return fc
    .oneof({ weight: 3, arbitrary: fc.array(article, { maxLength: 14 }) }, { weight: 1, arbitrary: fc.array(fc.oneof(page, article), { maxLength: 24 }) })
    .chain((paragraphs) => {
      const copies =
        paragraphs.length === 0
          ? fc.constant([])
          : fc.array(fc.tuple(fc.nat(paragraphs.length - 1).chain((i) => copyOf(/** @type {string[]} */ (paragraphs[i]))), fc.nat()), { maxLength: 8 });
      return fc.tuple(fc.constant(paragraphs), copies);
    })
    .chain(([paragraphs, copies]) => {
      const all = [...paragraphs];
      for (const [copy, at] of copies) all.splice(at % (all.length + 1), 0, copy);
      const count = all.length;
      return fc
        .tuple(fc.array(lineEnd, { minLength: 4, maxLength: 4 }), fc.array(separator, { minLength: count, maxLength: count }), fc.boolean(), fc.boolean())
        .map(([ends, seps, bom, finalEnd]) => {
          const body = all.map((p, i) => p.join(ends[i % ends.length]) + (i < all.length - 1 || finalEnd ? seps[i] : '')).join('');
          return (bom ? '\uFEFF' : '') + body;
        });
    });
}

/**
 * A dump and the options to clean it with, in every mode.
 * @param {readonly Rule[]} rules
 * @returns {fc.Arbitrary<CleanCase>}
 */
export function cleanCaseArbitrary(rules) {
  const options = fc.record(
    {
      mode: fc.constantFrom(/** @type {const} */ ('auto'), /** @type {const} */ ('article'), /** @type {const} */ ('page')),
      keep: fc.constantFrom(/** @type {const} */ ('first'), /** @type {const} */ ('longest')),
      dedupe: fc.boolean(),
      threshold: fc.constantFrom(0.85, 0.5, 1),
    },
    { requiredKeys: ['mode'] },
  );
  return fc.record({ text: dumpArbitrary(rules), options });
}
