/** Mojibake repair (fixMojibake / --fix-mojibake): what it repairs, what it must leave alone, and how clean() reports it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean, repairMojibake } from '../src/index.js';
import { windows1252FromLatin1 } from '../src/core/cp1252.js';
import { expectAccounting } from './helpers.js';

// The misreadings, made the way an upstream tool makes them.
// (Node 20's TextDecoder('windows-1252') reads 0x80-0x9F as Latin-1 does: src/core/cp1252.ts.)
const asLatin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
const asCp1252 = (s: string): string => windows1252FromLatin1(asLatin1(s));
const asGbk = (s: string): string => new TextDecoder('gbk').decode(Buffer.from(s, 'utf8'));

// Sentences of several languages, with the punctuation and signs that make mojibake.
const SENTENCES = [
  'Le café « Chez Loïc » a rouvert ses portes à 8 h, près de l’église.',
  'Die Straße nach Köln ist wegen Bauarbeiten bis März gesperrt – sagt „die Stadt“.',
  'El niño comió piñones en la montaña; ¿quién lo diría? ¡Olé!',
  'A população de São João cresceu 3% no último ano, segundo a prefeitura.',
  'Депутаты приняли закон «о проезде» во втором чтении — 38 голосов «за».',
  'Ο δήμαρχος ανακοίνωσε νέα μέτρα για την πόλη.',
  '临江市地铁5号线南延段今日开通试运营，全长12.6公里。',
  '東京都の天気は晴れ、最高気温は２５度の見込みです。',
  'Price: 5 € — “limited” offer™, 10% off… 👍',
  'İstanbul’da hava güneşli; sıcaklık 18°C.',
];

describe('repairMojibake: repairs', () => {
  it.each(SENTENCES)('UTF-8 read as Windows-1252: %s', (s) => {
    expect(repairMojibake(asCp1252(s))).toEqual({ text: s, kind: 'utf8-as-cp1252' });
  });

  it.each(SENTENCES)('UTF-8 read as Latin-1 (C1 controls where Windows-1252 has none): %s', (s) => {
    expect(repairMojibake(asLatin1(s))).toEqual({ text: s, kind: 'utf8-as-cp1252' });
  });

  it('undoes a misreading made twice', () => {
    expect(repairMojibake(asCp1252(asCp1252('Café crème à 2 €')))?.text).toBe('Café crème à 2 €');
  });

  it.each(['来源：新华社', '责任编辑：王五', '新华社临江4月23日电（记者 李明 张蕾）', '发布时间：2024年4月24日'])('UTF-8 read as GBK: %s', (s) => {
    const broken = asGbk(s);
    if (broken.includes('\uFFFD')) return; // a byte the GBK reading lost: covered below
    expect(repairMojibake(broken)).toEqual({ text: s, kind: 'utf8-as-gbk' });
  });
});

describe('repairMojibake: leaves alone', () => {
  it.each(SENTENCES)('good text: %s', (s) => {
    expect(repairMojibake(s)).toBeNull();
  });

  it.each([
    ['ASCII', 'Plain text, nothing to see.'],
    ['German », «« order next to ß', 'Er sagte »Fuß« und ging.'],
    ['German „…“ after ß', 'Der „Gruß“ kam spät.'],
    ['capitals before a closing quote (ambiguous: IRMÔ?)', 'Ela gritou “IRMÃ” e saiu.'],
    ['a lookalike that decodes to IPA', 'ÉTÉ» et après'],
    ['GBK mojibake that already lost a byte (U+FFFD)', asGbk('发布时间：2024-04-24 04:08')],
    ['"锟斤拷", the replacement character read as GBK: nothing left to recover', '锟斤拷锟斤拷'],
    ['mojibake mixed with good text in one line', `${asCp1252('Café')} and Café`],
  ])('%s', (_label, line) => {
    expect(repairMojibake(line)).toBeNull();
  });

  it('never repairs Latin-script text made of real letters and punctuation (property)', () => {
    const word = fc.constantFrom('café', 'Straße', 'niño', 'São', 'à', 'où', 'Ärger', 'IRMÃ', 'crème', 'naïve', 'Zoë', 'garçon', 'Øre', 'Åse', 'ÉTÉ', 'Fuß', 'the', 'and');
    // As text sets them: a closing mark ends a word, an opening one starts the next.
    const punct = fc.constantFrom(' ', ', ', '. ', ' « ', ' » ', ' “', '” ', '’ ', ' – ', '… ', '» ', ' «', ' „');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, punct), { minLength: 1, maxLength: 8 }), (parts) => {
        const line = parts.map(([w, p]) => w + p).join('');
        // Lines that are exactly a misreading of some UTF-8 are ambiguous; the
        // vocabulary above never makes one except through the lookalike rule.
        expect(repairMojibake(line)).toBeNull();
      }),
      { seed: 20261125, numRuns: 3000 },
    );
  });

  it('round-trips generated text through the Windows-1252 misreading (property)', () => {
    const piece = fc.constantFrom('é', 'ü', 'ñ', 'ç', 'ø', 'œ', '€', '“', '”', '’', '–', '—', '…', 'Ж', 'я', 'ё', 'λ', '中', '文', 'あ', '👍', ' ', 'a', 'Z', '1', ',', '.');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 20 }), (pieces) => {
        // "Café" first: a line whose only trace is a capital-and-quote pair is left alone on purpose (see above).
        const s = `Café ${pieces.join('')}`;
        const broken = asCp1252(s);
        expect(repairMojibake(broken)?.text).toBe(s);
      }),
      { seed: 20261125, numRuns: 2000 },
    );
  });
});

describe('clean() with fixMojibake', () => {
  const body = 'The new café on the harbour opened on Tuesday, and people queued along the quay for hours.';
  const input = [asCp1252('Café “Le Port” opens its doors'), '', asCp1252('Source: Agence Télé-Presse'), '', asCp1252(body), '', body, ''].join('\n');

  it('repairs before cleaning, lists each repaired line in changes, and the rules see the repaired text', () => {
    const r = clean(input, { fixMojibake: true });
    expect(r.text).toBe('Café “Le Port” opens its doors\n\n' + body + '\n');
    expect(r.metadata.source).toBe('Agence Télé-Presse');
    expect(r.changes?.map((c) => [c.lines, c.from])).toEqual([
      [[1, 1], 'utf8-as-cp1252'],
      [[3, 3], 'utf8-as-cp1252'],
      [[5, 5], 'utf8-as-cp1252'],
    ]);
    expect(r.changes?.[0]?.before).toBe(asCp1252('Café “Le Port” opens its doors'));
    expect(r.changes?.[0]?.reason).toMatch(/Windows-1252/);
    // The repaired copy is now an exact duplicate of the good one; removals keep the input as it was.
    expect(r.duplicates.map((d) => [d.kind, d.lines])).toEqual([['exact', [7, 7]]]);
    expect(r.removed[0]?.text).toBe(asCp1252('Source: Agence Télé-Presse'));
    expectAccounting(input, r);
  });

  it('is off by default, and then the result has no changes field', () => {
    const r = clean(input);
    expect(r.changes).toBeUndefined();
    expect(r.text).toContain('CafÃ©');
  });

  it('gives an empty changes list when nothing needed repair', () => {
    expect(clean(`${body}\n`, { fixMojibake: true }).changes).toEqual([]);
  });

  it('is idempotent', () => {
    const once = clean(input, { fixMojibake: true }).text;
    expect(clean(once, { fixMojibake: true }).text).toBe(once);
  });
});
