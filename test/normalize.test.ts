/** Normalization of one line, and splitting into lines. */
import fc from 'fast-check';
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

  it('keeps French spacing: a plain space before ; : ! ? in French text becomes U+202F; elsewhere it is padding', () => {
    expect(normalizeLine("Football : Val-de-Brenne renverse Montclair et s'offre la montée")).toBe("Football\u202f: Val-de-Brenne renverse Montclair et s'offre la montée");
    expect(normalizeLine('Il a dit : « Suivez-nous à Caen ! »')).toBe('Il a dit\u202f: «\u202fSuivez-nous à Caen\u202f!\u202f»');
    expect(normalizeLine('Minsk : the talks went on')).toBe('Minsk: the talks went on');
    // Spanish shares "la", "de", "en", "que": its padding is still padding.
    expect(normalizeLine('Los técnicos advierten de que la mejoría es insuficiente : lo dicen en la cuenca')).toBe('Los técnicos advierten de que la mejoría es insuficiente: lo dicen en la cuenca');
  });

  it('keeps a no-break space between digit groups, as U+202F', () => {
    expect(normalizeLine('11\u00a0400 spectateurs et 900\u00a0000 euros')).toBe('11\u202f400 spectateurs et 900\u202f000 euros');
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

describe('normalization per script', () => {
  it.each([
    // NFC: a decomposed accent becomes the precomposed letter.
    ['Cafe\u0301 de la Paix', 'Café de la Paix'],
    ['Ёлка и е\u0308ж', 'Ёлка и ёж'],
    // CJK: full-width letters and digits set half-width; full-width punctuation between them too.
    ['２０２４年４月２４日　ＰＲ', '2024年4月24日 PR'],
    ['発表は10：30から', '発表は10:30から'],
    ['２０２４／０４／２４', '2024/04/24'],
    // Half-width katakana (old encoders) become full-width, voicing marks joined.
    ['ｶﾞｿﾘﾝ価格', 'ガソリン価格'],
    // Half-width punctuation between CJK characters becomes full-width; the scraper's spaces go.
    ['东京都,大阪府和京都府', '东京都，大阪府和京都府'],
    ['東京都, 大阪府など', '東京都、大阪府など'],
    ['市長は: 「検討する」と述べた', '市長は：「検討する」と述べた'],
    ['你好吗?', '你好吗？'],
    ['他说(大意如此)没有问题', '他说（大意如此）没有问题'],
    ['记者 ，王五', '记者，王五'],
    // No space is ever inserted, and Latin context keeps ASCII punctuation.
    ['发布时间: 2024-04-24 04:08', '发布时间: 2024-04-24 04:08'],
    ['张三 李四', '张三 李四'],
    ['iPhone 15(256GB)', 'iPhone 15(256GB)'],
    // Quotes: Russian sets none inside « », French a narrow no-break space, German »…« and „…“ none.
    ['Он сказал: « Привет »', 'Он сказал: «Привет»'],
    ['Il a dit « Bonjour » hier', 'Il a dit «\u202fBonjour\u202f» hier'],
    ['«Ha llovido bien», explicó', '«Ha llovido bien», explicó'],
    ['Er sagte » so geht es « und ging', 'Er sagte »so geht es« und ging'],
    ['»Gut«, sagte er, »sehr gut«', '»Gut«, sagte er, »sehr gut«'],
    ['„ Das ist gut “, sagte sie', '„Das ist gut“, sagte sie'],
    // Marks inside words are not a span: this » closes something, this « opens something.
    ['ÉTÉ» et Fuß« sont là', 'ÉTÉ» et Fuß« sont là'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeLine(input)).toBe(expected);
  });

  it('leaves plain Latin text alone (fast path)', () => {
    const line = 'The council (in a 5:4 vote) approved it, and left.';
    expect(normalizeLine(line)).toBe(line);
  });

  it('is idempotent on mixed-script text (property)', () => {
    const piece = fc.constantFrom(
      '中', '国', '的', 'あ', 'カ', 'ｶ', 'ﾞ', 'ｰ', '｡', '２', 'Ａ', '：', '，', '。', '、', '（', '）', '「', '」',
      ',', ':', ';', '?', '!', '(', ')', '.', ' ', '  ', '\u00a0', '\u202f', '\u3000', '«', '»', '„', '“', '”', '"',
      'a', 'Z', '1', 'é', 'e\u0301', 'Я', 'ё', 'o\u0308', '\u0301',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const once = normalizeLine(pieces.join(''));
        expect(normalizeLine(once)).toBe(once);
      }),
      { seed: 20261125, numRuns: 2000 },
    );
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
