/** Normalization of one line, and splitting into lines. */
import { describe, expect, it } from 'vitest';
import { normalizeLine, splitLines } from '../src/index.js';

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

describe('splitLines', () => {
  it('splits LF, CRLF and CR, drops a BOM, and a final newline makes no extra line', () => {
    expect(splitLines('\ufeffa\r\nb\rc\nd\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(splitLines('')).toEqual([]);
  });
});
