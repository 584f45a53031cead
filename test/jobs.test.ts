/**
 * -j/--jobs: the worker pool gives the results clean() gives, and the CLI's
 * output (stdout, stderr, files, exit code) is the same byte for byte with
 * any number of jobs: folders, JSONL, --split, --out-dir, bad inputs.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { AdaptiveCleaner, WorkerPool } from '../src/cli/pool.js';
import { corpusParagraphs } from '../src/dedupe/corpus.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/article-clean.js');
// The pool runs the built worker: the suite's pretest builds dist/ first.
const workerScript = new URL('../dist/cli/worker.js', import.meta.url);

const fixtureInputs = readdirSync(path.join(root, 'fixtures'))
  .sort()
  .map((name) => ({ name, text: readFileSync(path.join(root, 'fixtures', name, 'input.txt'), 'utf8') }));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: root, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
let corpus: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'article-clean-jobs-'));
  // Every fixture several times over, in nested folders: enough documents to keep several workers busy, in an order they finish out of.
  corpus = path.join(tmp, 'corpus');
  fixtureInputs.forEach(({ name, text }, i) => {
    for (let copy = 0; copy < 2; copy++) {
      const dir = path.join(corpus, `site-${copy}`, i % 2 === 0 ? 'a' : 'b');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${name}.txt`), copy === 1 ? text.repeat(1 + (i % 3)) : text);
    }
  });
});

describe('WorkerPool', () => {
  let pool: WorkerPool;
  beforeAll(() => {
    pool = new WorkerPool(3, workerScript);
  });
  afterAll(() => pool.close());

  it('gives what clean() gives, for every fixture, whichever worker answers first', async () => {
    const options = { source: 'x.txt', mode: 'auto' as const };
    const results = await Promise.all(fixtureInputs.map(({ text }) => pool.clean(text, options)));
    results.forEach((cleaned, i) => expect(cleaned).toEqual({ result: clean((fixtureInputs[i] as { text: string }).text, options) }));
  });

  it('prepares documents for corpus dedupe where they are cleaned, when asked', async () => {
    const text = (fixtureInputs[0] as { text: string }).text;
    const cleaned = await pool.clean(text, {}, 50);
    expect(cleaned.corpus).toEqual(corpusParagraphs(clean(text, {}), 50));
    expect(cleaned.corpus?.[0]?.signature).toBeInstanceOf(Uint32Array);
  });

  it('passes options through (template lines, disabled rules, threshold)', async () => {
    const text = 'Menu Home News\n\nA paragraph of the article, long enough to stay.\n\nBy Jane Doe\n';
    const options = { template: { lines: new Map([['Menu Home News', 9]]), files: 9 }, disable: ['bylines'], threshold: 0.9 };
    expect(await pool.clean(text, options)).toEqual({ result: clean(text, options) });
  });

  it('rejects with the worker\'s message when clean() throws there', async () => {
    await expect(pool.clean('text', { threshold: 2 })).rejects.toThrow(/threshold must be in \(0, 1\]/);
    // The pool goes on after a task's error.
    expect((await pool.clean('Hello there.\n', {})).result.text).toBe('Hello there.\n');
  });

  it('fails every pending task, clearly, when a worker dies', async () => {
    const dying = path.join(tmp, 'dying-worker.mjs');
    writeFileSync(dying, 'process.exit(3);\n');
    const broken = new WorkerPool(1, new URL(`file://${dying}`));
    try {
      const tasks = [broken.clean('one', {}), broken.clean('two', {})];
      for (const task of tasks) await expect(task).rejects.toThrow(/a worker thread stopped/);
      await expect(broken.clean('three', {})).rejects.toThrow(/a worker thread stopped/);
    } finally {
      await broken.close();
    }
  });
});

describe('AdaptiveCleaner (the default, without -j)', () => {
  it('cleans inline until its budget is spent, then in workers, with the same results', async () => {
    const cleaner = new AdaptiveCleaner(2, 20, workerScript);
    try {
      expect(cleaner.width).toBe(1);
      const results: Promise<unknown>[] = [];
      for (let round = 0; round < 8; round++) for (const { text } of fixtureInputs) results.push(cleaner.clean(text, {}));
      // 8 rounds of the fixtures take well over 20 ms inline: the pool has started and reads further ahead.
      expect(cleaner.width).toBeGreaterThan(1);
      const all = await Promise.all(results);
      all.forEach((cleaned, i) => expect(cleaned).toEqual({ result: clean((fixtureInputs[i % fixtureInputs.length] as { text: string }).text, {}) }));
    } finally {
      await cleaner.close();
    }
  });
});

describe('AdaptiveCleaner with tiny documents', () => {
  it('keeps them inline past its budget: a worker round trip would cost what cleaning them does', async () => {
    const cleaner = new AdaptiveCleaner(2, 20, workerScript);
    try {
      for (let i = 0; i < 5000; i++) await cleaner.clean(`Note ${i}.\n`, {});
      expect(cleaner.width).toBe(1);
    } finally {
      await cleaner.close();
    }
  });
});

describe('article-clean -j', () => {
  // Inline, and more workers than cores (so documents finish out of order).
  const jobs = ['1', '2'];

  it('writes the same JSONL for a folder with any number of jobs', () => {
    const runs = jobs.map((j) => run([corpus, '--format', 'jsonl', '-j', j]));
    for (const r of runs) expect(r).toEqual({ ...runs[0], status: 0 });
    // Every file, in sorted path order.
    const sources = (runs[0] as { stdout: string }).stdout.trim().split('\n').map((l) => JSON.parse(l).source as string);
    expect(sources).toHaveLength(fixtureInputs.length * 2);
    expect([...sources].sort()).toEqual(sources);
  });

  it('writes the same text, --explain report and --check verdict', () => {
    for (const extra of [['--explain'], ['--check']]) {
      const runs = jobs.map((j) => run([corpus, ...extra, '-j', j]));
      for (const r of runs) expect(r).toEqual(runs[0]);
    }
  });

  it('streams JSONL records in order with any number of jobs, malformed lines included', () => {
    const records = fixtureInputs.flatMap(({ name, text }, i) => [JSON.stringify({ id: name, text }), ...(i % 4 === 1 ? ['{not json'] : [])]);
    const input = [...records, ...records].join('\n') + '\n';
    for (const onError of ['pass', 'fail']) {
      const runs = jobs.map((j) => run(['--input-format', 'jsonl', '--on-error', onError, '-j', j], input));
      for (const r of runs) expect(r).toEqual(runs[0]);
      expect(runs[0]?.status).toBe(onError === 'fail' ? 2 : 0);
    }
  });

  it('cuts --split inputs the same way', () => {
    const file = path.join(tmp, 'many.txt');
    writeFileSync(file, fixtureInputs.map((f) => f.text).join('\n=====\n'));
    const runs = jobs.map((j) => run([file, '--split', '^=====$', '--format', 'jsonl', '-j', j]));
    for (const r of runs) expect(r).toEqual({ ...runs[0], status: 0 });
    expect(runs[0]?.stdout.trim().split('\n')).toHaveLength(fixtureInputs.length);
  });

  it('writes the same --out-dir tree', () => {
    const trees = jobs.map((j) => {
      const out = path.join(tmp, `out-j${j}`);
      expect(run([corpus, '--out-dir', out, '--format', 'json', '-j', j]).status).toBe(0);
      const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      return new Map(files.map((e) => [path.relative(out, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name), 'utf8')]));
    });
    expect(trees[0]?.size).toBe(fixtureInputs.length * 2);
    for (const tree of trees) expect(tree).toEqual(trees[0]);
  });

  it('reports bad inputs in a batch in the same order, cleans the rest, exits 2', () => {
    const batch = path.join(tmp, 'batch');
    mkdirSync(batch, { recursive: true });
    fixtureInputs.slice(0, 6).forEach(({ name, text }) => writeFileSync(path.join(batch, `${name}.txt`), text));
    writeFileSync(path.join(batch, 'b-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    writeFileSync(path.join(batch, 'c-empty.txt'), '');
    writeFileSync(path.join(batch, 'd-latin.txt'), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81]));
    const locked = path.join(batch, 'e-locked.txt');
    writeFileSync(locked, 'text');
    chmodSync(locked, 0o000);
    const runs = jobs.map((j) => run([batch, '--format', 'jsonl', '-j', j, '--no-template']));
    for (const r of runs) expect(r).toEqual(runs[0]);
    expect(runs[0]?.status).toBe(2);
    expect(runs[0]?.stderr).toMatch(/b-binary\.txt: /);
    expect(runs[0]?.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(6);
  });

  it('refuses a job count that is not a whole number of at least 1', () => {
    for (const bad of ['0', '1.5']) {
      const r = run(['-j', bad, 'fixtures/gazette/input.txt']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^article-clean: option '-j, --jobs <n>' argument '.*' is invalid\. must be a whole number of at least 1\. \(see --help\)\n$/);
    }
  });
});
