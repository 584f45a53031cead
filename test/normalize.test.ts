/** Normalization of one line, and splitting into lines. */
import { describe, expect, it } from 'vitest';
import { clean, normalizeLine, splitLines } from '../src/index.js';
import { expectAccounting } from './helpers.js';

describe('normalizeLine', () => {
  it.each([
    ['Minsk : "I am', 'Minsk: "I am'],
    ['he said , and left .', 'he said, and left.'],
    ['the British " Daily Telegraph " report', 'the British "Daily Telegraph" report'],
    ['“ padded ” curly', '“padded” curly'],
    ['a\u00a0b\u2003c', 'a b c'],
    ['zero\u200bwidth\u2060joiner\ufeff', 'zerowidthjoiner'],
    ['soft\u00adhyphen', 'softhyphen'],
    ['bell\u0007 and\tTab', 'bell and Tab'],
    ['  runs    of   spaces  ', 'runs of spaces'],
    ['C1\u0085control', 'C1control'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeLine(input)).toBe(expected);
  });

  it('keeps what only looks like padding: ".NET", " .5", an unbalanced quote', () => {
    expect(normalizeLine('Use .NET and .5 mm')).toBe('Use .NET and .5 mm');
    expect(normalizeLine('in Minsk: "I am often told that')).toBe('in Minsk: "I am often told that');
  });

  it('keeps emoji and script joiners (ZWJ, ZWNJ)', () => {
    expect(normalizeLine('👩\u200d👩\u200d👧 می\u200cخواهم')).toBe('👩\u200d👩\u200d👧 می\u200cخواهم');
  });

  it('keeps French no-break spaces before ; : ! ? » and after «, as U+202F', () => {
    expect(normalizeLine('Bonjour\u00a0! «\u00a0Oui\u00a0»')).toBe('Bonjour\u202f! «\u202fOui\u202f»');
  });

  it('is idempotent', () => {
    for (const s of ['x " a " , b', 'a\u00a0: b', ' " " ', '«\u00a0\u00a0x', 'a ,. b', '"  "  ,']) {
      expect(normalizeLine(normalizeLine(s))).toBe(normalizeLine(s));
    }
  });
});

describe('lone surrogates (found by the property tests)', () => {
  const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  it('become U+FFFD, as in UTF-8 decoding; a surrogate pair stays', () => {
    expect(normalizeLine('a\uD800b')).toBe('a\uFFFDb');
    expect(normalizeLine('\uDC00')).toBe('\uFFFD');
    expect(normalizeLine('\uDC00\uD83D')).toBe('\uFFFD\uFFFD');
    expect(normalizeLine('x\uD83D\uDE00y')).toBe('x\uD83D\uDE00y');
  });

  it('leave clean() text, removals and duplicates well-formed, every line accounted for', () => {
    const paragraph = 'The council met on Tuesday to approve the new harbour wall \uD800 after the storms.';
    const input = `\uD800\n\n© 2024 Gazette\uDC00. All rights reserved.\n\n${paragraph}\n\n${paragraph}\n`;
    const r = clean(input);
    expect(r.removed.map((x) => [x.rule, x.text])).toEqual([['legal/copyright', '© 2024 Gazette\uFFFD. All rights reserved.']]);
    expect(r.text).toBe(`\uFFFD\n\n${paragraph.replace('\uD800', '\uFFFD')}\n`);
    expect(r.duplicates.map((d) => d.text)).toEqual([paragraph.replace('\uD800', '\uFFFD')]);
    for (const s of [r.text, ...r.removed.map((x) => x.text), ...r.duplicates.map((d) => d.text)]) expect(s).not.toMatch(LONE);
    expect(JSON.stringify(r)).not.toMatch(/\\ud[89a-f]/i);
    expectAccounting(input, r);
  });
});

describe('splitLines', () => {
  it('splits LF, CRLF and CR, drops a BOM, and a final newline makes no extra line', () => {
    expect(splitLines('\ufeffa\r\nb\rc\nd\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(splitLines('')).toEqual([]);
  });
});
