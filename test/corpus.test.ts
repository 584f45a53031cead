/** Corpus scope: duplicates across documents, article copies, state files, and the CLI around them. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { CorpusIndex, corpusParagraphs } from '../src/dedupe/corpus.js';
import { canonicalize } from '../src/dedupe/canonical.js';
import { dice } from '../src/dedupe/similarity.js';
import { bandKeys, estimatedJaccard, signature } from '../src/dedupe/minhash.js';
import { indexFromState, mergeStates, readState, writeState } from '../src/cli/state.js';
import { expectAccounting } from './helpers.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/article-clean.js');

// Prose with no copies inside one document, from which the documents below borrow.
const P = [
  'The council voted on Tuesday to close the old harbour bridge for repairs that engineers say are long overdue, after a crack was found in one of the main supports.',
  'Residents on the east bank will have to use the ferry or a detour of twelve kilometres while the work goes on, which the city expects to take about eight months.',
  'Shop owners near the bridge said the closure would hurt business during the summer, when most of their customers come from the other side of the river.',
  'The mayor promised extra ferry crossings in the morning and evening, and said the city would review the timetable after the first month of the closure.',
  'Engineers first raised concerns about the supports three years ago, but repairs were postponed twice because of budget disputes between the city and the region.',
  'A petition asking for a temporary footbridge has gathered more than four thousand signatures, organisers said on Wednesday evening at a public meeting.',
];
const doc = (...paragraphs: string[]): string => paragraphs.join('\n\n') + '\n';
/** One word changed: a lightly edited copy. */
const edited = (p: string): string => p.split(' ').map((w, i) => (i === 4 ? 'substantially' : w)).join(' ');

function cleanAll(docs: readonly string[], index = new CorpusIndex()) {
  return docs.map((text, i) => {
    const result = clean(text, { source: `doc-${i}.txt` });
    return { text, result: index.apply(result, text) };
  });
}

describe('CorpusIndex', () => {
  it('drops exact, near and contained copies of paragraphs of earlier documents, naming the document and lines kept', () => {
    const [first, second] = cleanAll([doc(P[0] as string, P[1] as string, P[2] as string), doc(P[3] as string, P[0] as string, edited(P[1] as string), (P[2] as string).slice(0, 90))]);
    expect(first?.result.duplicates).toEqual([]);
    const d = second?.result.duplicates ?? [];
    expect(d.map((x) => [x.lines, x.kind, x.of])).toEqual([
      [[3, 3], 'exact', { lines: [1, 1], source: 'doc-0.txt' }],
      [[5, 5], 'near', { lines: [3, 3], source: 'doc-0.txt' }],
      [[7, 7], 'contained', { lines: [5, 5], source: 'doc-0.txt' }],
    ]);
    expect(d[1]?.similarity).toBeGreaterThanOrEqual(0.85);
    expect(d[1]?.text).toBe(edited(P[1] as string));
    expect(second?.result.text).toBe(doc(P[3] as string));
    expect(second?.result.stats).toMatchObject({ paragraphsOut: 1, linesOut: 1, duplicates: 3, duplicateLines: 3 });
    for (const r of [first, second]) expectAccounting(r?.text as string, r?.result as ReturnType<typeof clean>);
  });

  it('keeps a later paragraph that is fuller than an earlier teaser, and compares later ones with it', () => {
    const teaser = (P[4] as string).slice(0, 100);
    const [, second, third] = cleanAll([doc(teaser, P[5] as string), doc(P[4] as string, P[0] as string), doc(P[4] as string)]);
    expect(second?.result.duplicates).toEqual([]);
    expect(third?.result.duplicates.map((x) => [x.kind, x.of.source])).toEqual([['exact', 'doc-1.txt']]);
  });

  it('leaves copies inside one document to the document scope, and short paragraphs and verse alone', () => {
    const verse = 'Row, row, row your boat\nGently down the stream\nMerrily, merrily, merrily\nLife is but a dream';
    const [, second] = cleanAll([doc('Short line here.', verse, P[0] as string), doc('Short line here.', verse, P[1] as string)]);
    expect(second?.result.duplicates).toEqual([]);
    expect(second?.result.text).toContain('Short line here.');
  });

  it('reports a document that mostly copies one earlier document (duplicateOf), not one that quotes a paragraph', () => {
    const [, copy, quoting] = cleanAll([
      doc(P[0] as string, P[1] as string, P[2] as string, P[3] as string),
      doc(edited(P[0] as string), P[1] as string, P[2] as string, P[5] as string),
      doc(P[4] as string, (P[5] as string).replace('petition', 'letter'), P[3] as string),
    ]);
    expect(copy?.result.duplicateOf).toEqual({ source: 'doc-0.txt', share: expect.any(Number) });
    expect(copy?.result.duplicateOf?.share).toBeGreaterThan(0.5);
    expect(quoting?.result.duplicateOf).toBeUndefined();
  });

  it('gives the same verdicts whether the paragraphs were prepared elsewhere (a worker) or not', () => {
    const docs = [doc(P[0] as string, P[1] as string), doc(edited(P[0] as string), P[2] as string)];
    const a = new CorpusIndex();
    const b = new CorpusIndex();
    docs.forEach((text, i) => {
      const result = clean(text, { source: `doc-${i}.txt` });
      expect(b.apply(result, text, 1, corpusParagraphs(result))).toEqual(a.apply(result, text));
    });
  });

  it('finds every copy that brute-force Dice finds among generated edited copies (candidates never miss one here)', () => {
    let seed = 11;
    const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const words = P.join(' ').split(' ');
    const base = Array.from({ length: 40 }, () => Array.from({ length: 30 + Math.floor(random() * 30) }, () => words[Math.floor(random() * words.length)]).join(' ') + '.');
    const mutate = (p: string): string => p.split(' ').map((w) => (random() < 0.06 ? (words[Math.floor(random() * words.length)] as string) : w)).join(' ');
    const docs = [doc(...base.slice(0, 20)), doc(...base.slice(20)), ...Array.from({ length: 10 }, (_, k) => doc(...base.slice(k * 4, k * 4 + 4).map(mutate)))];
    const index = new CorpusIndex();
    const results = docs.map((text, i) => index.apply(clean(text, { source: `d${i}` }), text));
    // Brute force: every paragraph of the mutated documents against every base paragraph.
    for (const [k, r] of results.slice(2).entries()) {
      const paragraphs = (docs[k + 2] as string).trim().split('\n\n');
      paragraphs.forEach((p, j) => {
        const best = Math.max(...base.map((b) => dice(canonicalize(b), canonicalize(p))));
        const dropped = r.duplicates.some((d) => d.lines[0] === 2 * j + 1);
        if (best >= 0.85) expect(dropped, p).toBe(true);
      });
    }
  });
});

describe('MinHash signatures', () => {
  it('agree more the more two texts share, and band keys are stable', () => {
    const a = canonicalize(P[0] as string);
    expect(estimatedJaccard(signature(a), signature(a))).toBe(1);
    expect(estimatedJaccard(signature(a), signature(canonicalize(edited(P[0] as string))))).toBeGreaterThan(0.6);
    expect(estimatedJaccard(signature(a), signature(canonicalize(P[3] as string)))).toBeLessThan(0.2);
    expect(bandKeys(signature(a))).toEqual(bandKeys(signature(a)));
    expect(signature('abc')).toHaveLength(signature(a).length);
  });
});

describe('state files', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'article-clean-state-'));
  });

  it('round-trip: an index rebuilt from a saved state finds the same copies', async () => {
    const index = new CorpusIndex();
    cleanAll([doc(P[0] as string, P[1] as string)], index);
    const file = path.join(tmp, 'a.state');
    await writeState(file, { documents: index.documents, entries: index.entries });
    const loaded = await readState(file);
    expect(loaded?.entries).toEqual(index.entries);
    const [again] = cleanAll([doc(edited(P[1] as string), P[2] as string)], indexFromState(loaded, index.options));
    expect(again?.result.duplicates.map((d) => [d.kind, d.of.source])).toEqual([['near', 'doc-0.txt']]);
  });

  it('a missing state is a first run; a corrupt or foreign one is an error naming why, never a silent reset', async () => {
    expect(await readState(path.join(tmp, 'none.state'))).toBeUndefined();
    const write = (name: string, data: Buffer | string): string => {
      writeFileSync(path.join(tmp, name), data);
      return path.join(tmp, name);
    };
    await expect(readState(write('text.state', 'hello'))).rejects.toThrow('not an article-clean state file (not gzip data)');
    await expect(readState(write('foreign.state', gzipSync('{"format":"other"}\n')))).rejects.toThrow('not an article-clean state file (wrong header)');
    await expect(readState(write('future.state', gzipSync('{"format":"article-clean-state","version":2}\n')))).rejects.toThrow('state file version 2');
    const header = '{"format":"article-clean-state","version":1,"canonical":1,"documents":1,"paragraphs":2}\n';
    await expect(readState(write('short.state', gzipSync(`${header}["a",1,1,"text"]\n`)))).rejects.toThrow('holds 1 (cut short?)');
    await expect(readState(write('bad-row.state', gzipSync(`${header}["a",1,"text"]\n["a",1,1,"x"]\n`)))).rejects.toThrow('line 2 is not [source, first, last, text]');
  });

  it('merges shards: entries in order, exact copies once, documents summed', async () => {
    const write = async (name: string, texts: string[]): Promise<string> => {
      const index = new CorpusIndex();
      cleanAll(texts, index);
      await writeState(path.join(tmp, name), { documents: index.documents, entries: index.entries });
      return path.join(tmp, name);
    };
    const a = await write('shard-a.state', [doc(P[0] as string), doc(P[1] as string)]);
    const b = await write('shard-b.state', [doc(P[1] as string, P[2] as string)]);
    const merged = await mergeStates([a, b]);
    expect(merged.documents).toBe(3);
    expect(merged.entries.map((e) => e.canonical)).toEqual([P[0], P[1], P[2]].map((p) => canonicalize(p as string)));
  });
});

describe('article-clean --dedupe-scope corpus', () => {
  let tmp: string;
  let folder: string;
  const run = (args: string[], cwd = tmp) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'article-clean-corpus-'));
    folder = path.join(tmp, 'dumps');
    mkdirSync(path.join(folder, 'b'), { recursive: true });
    writeFileSync(path.join(folder, 'a1.txt'), doc(P[0] as string, P[1] as string, P[2] as string));
    writeFileSync(path.join(folder, 'a2.txt'), doc(P[3] as string, edited(P[0] as string)));
    writeFileSync(path.join(folder, 'b', 'copy.txt'), doc(P[0] as string, P[1] as string, edited(P[2] as string)));
    writeFileSync(path.join(folder, 'b', 'other.txt'), doc(P[4] as string, P[5] as string));
  });

  it('drops copies across files in sorted path order, the same with any number of jobs', () => {
    const one = run([folder, '--dedupe-scope', 'corpus', '--format', 'jsonl', '-j', '1']);
    const two = run([folder, '--dedupe-scope', 'corpus', '--format', 'jsonl', '-j', '2']);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const results = one.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((r) => path.relative(folder, r.source))).toEqual(['a1.txt', 'a2.txt', path.join('b', 'copy.txt'), path.join('b', 'other.txt')]);
    expect(results[1].duplicates.map((d: { kind: string; of: { source: string } }) => [d.kind, path.basename(d.of.source)])).toEqual([['near', 'a1.txt']]);
    expect(results[2].duplicateOf).toMatchObject({ source: path.join(folder, 'a1.txt') });
    expect(results[3].duplicates).toEqual([]);
  });

  it('--drop-duplicate-articles writes nothing for a copy: no line, no --out-dir file; --stats counts it', () => {
    const r = run([folder, '--dedupe-scope', 'corpus', '--drop-duplicate-articles', '--format', 'jsonl', '--stats']);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.stderr).toMatch(/1 duplicate articles/);
    const out = path.join(tmp, 'out');
    expect(run([folder, '--dedupe-scope', 'corpus', '--drop-duplicate-articles', '--out-dir', out]).status).toBe(0);
    expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(['a1.txt', 'a2.txt', 'b', path.join('b', 'other.txt')]);
  });

  it('--state carries what a run kept to the next run; state merge joins shards', () => {
    const state = path.join(tmp, 'seen.state');
    const first = run([path.join(folder, 'a1.txt'), '--dedupe-scope', 'corpus', '--state', state, '--format', 'jsonl']);
    expect(first.status).toBe(0);
    expect(existsSync(state)).toBe(true);
    const second = run([path.join(folder, 'b', 'copy.txt'), '--dedupe-scope', 'corpus', '--state', state, '--format', 'jsonl']);
    expect(JSON.parse(second.stdout).duplicateOf).toMatchObject({ source: path.join(folder, 'a1.txt') });
    const other = path.join(tmp, 'other.state');
    run([path.join(folder, 'b', 'other.txt'), '--dedupe-scope', 'corpus', '--state', other]);
    const merged = run(['state', 'merge', 'seen.state', 'other.state', '-o', 'all.state']);
    expect(merged.status).toBe(0);
    expect(merged.stderr).toBe('article-clean: merged 2 state files: 3 documents, 5 paragraphs\n');
  });

  it('refuses a corrupt state file in one line, exit 2, leaving it as it is', () => {
    const bad = path.join(tmp, 'bad.state');
    writeFileSync(bad, 'not a state');
    const r = run([folder, '--dedupe-scope', 'corpus', '--state', bad]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`article-clean: ${bad}: not an article-clean state file (not gzip data); it was left as it is\n`);
    expect(readFileSync(bad, 'utf8')).toBe('not a state');
  });

  it('usage errors: corpus options without corpus scope, and contradictions', () => {
    for (const [args, message] of [
      [['--state', 'x.state'], '--state needs --dedupe-scope corpus'],
      [['--drop-duplicate-articles'], '--drop-duplicate-articles needs --dedupe-scope corpus'],
      [['--dedupe-scope', 'corpus', '--no-dedupe'], '--dedupe-scope corpus and --no-dedupe contradict each other'],
      [['state', 'merge', 'a.state'], 'usage: article-clean state merge A.state B.state ... -o OUT.state'],
    ] as const) {
      const r = run([...args, folder]);
      expect(r.status, message).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
