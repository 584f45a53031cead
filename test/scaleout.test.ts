/**
 * article-clean as a stage of another engine (docs/SCALE-OUT.md): a JSONL
 * corpus cut into chunks, one process per chunk, outputs concatenated in
 * order, must be byte for byte the output of one process over the whole
 * corpus. With --id-field it is; without it only the `source` fields differ
 * (line numbers restart in every chunk), which is why the option exists.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/article-clean.js');
const STAGE = ['--input-format', 'jsonl', '--text-field', 'text'];
const WITH_ID = [...STAGE, '--id-field', 'id'];

/** GNU parallel (not moreutils' parallel, which has no --pipe) on PATH. */
const hasGnuParallel = ((): boolean => {
  const r = spawnSync('parallel', ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('GNU parallel');
})();

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A command with `input` on stdin, asynchronously (chunks run side by side, as on an engine's executors). */
function run(command: string, args: readonly string[], input: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.on('error', () => {}); // a child that exits early must not fail the test with EPIPE
    child.stdin.end(input);
  });
}

const articleClean = (args: readonly string[], input: string): Promise<Run> => run(process.execPath, [bin, ...args], input);

/** Through GNU parallel: -q quotes node's and the binary's paths for parallel's shell. */
const throughParallel = (split: readonly string[], args: readonly string[], input: string): Promise<Run> =>
  run('parallel', ['--pipe', '--keep-order', ...split, '-q', process.execPath, bin, ...args], input);

/** The corpus cut into chunks after the given record counts (an empty chunk is an empty partition). */
function chunks(lines: readonly string[], cuts: readonly number[]): string[] {
  const bounds = [0, ...cuts, lines.length];
  return bounds.slice(1).map((end, i) => lines.slice(bounds[i], end).map((l) => `${l}\n`).join(''));
}

/** Hadoop Streaming / Spark pipe without the engine: one process per chunk, all at once, outputs joined in chunk order. */
async function perChunk(parts: readonly string[], args: readonly string[]): Promise<string> {
  const runs = await Promise.all(parts.map((part) => articleClean(args, part)));
  for (const r of runs) expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  return runs.map((r) => r.stdout).join('');
}

const parse = (jsonl: string): { articleClean: { source: string } }[] => jsonl.trimEnd().split('\n').map((l) => JSON.parse(l));
const withoutSources = (jsonl: string): string[] =>
  parse(jsonl).map((record) => JSON.stringify({ ...record, articleClean: { ...record.articleClean, source: null } }));

let lines: string[];
let corpus: string;
let single: Run;
let singleNoId: Run;

beforeAll(async () => {
  // A few hundred records from the fixture dumps (articles and whole pages, eight languages), each with an id.
  const dumps = readdirSync(path.join(root, 'fixtures'))
    .sort()
    .map((name) => readFileSync(path.join(root, 'fixtures', name, 'input.txt'), 'utf8'));
  lines = Array.from({ length: 200 }, (_, i) => {
    const dump = dumps[(i * 7) % dumps.length] as string;
    return JSON.stringify({ id: `doc-${String(i).padStart(4, '0')}`, url: `https://example.org/a/${i}`, text: i % 3 === 0 ? dump.trimEnd() : dump });
  });
  corpus = lines.map((l) => `${l}\n`).join('');
  [single, singleNoId] = await Promise.all([articleClean(WITH_ID, corpus), articleClean(STAGE, corpus)]);
  expect(single.status).toBe(0);
  expect(single.stderr).toBe('');
  expect(single.stdout.split('\n')).toHaveLength(lines.length + 1);
});

describe('one process per chunk gives the output of one process', () => {
  it('the single run names every record by its id', () => {
    expect(parse(single.stdout).map((r) => r.articleClean.source)).toEqual(lines.map((l) => (JSON.parse(l) as { id: string }).id));
    expect(parse(singleNoId.stdout).map((r) => r.articleClean.source)).toEqual(lines.map((_, i) => `-:${i + 1}`));
  });

  // Cuts at arbitrary record boundaries: a one-record chunk, an empty one (an engine's empty partition), uneven sizes.
  const cuts = [1, 1, 120];

  it('chunk files at arbitrary boundaries, one process each (as Hadoop Streaming, Spark pipe, Slurm arrays run it): identical with --id-field', async () => {
    expect(await perChunk(chunks(lines, cuts), WITH_ID)).toBe(single.stdout);
  });

  it('without --id-field only the `source` fields differ: line numbers restart in every chunk', async () => {
    const chunked = await perChunk(chunks(lines, [120]), STAGE);
    expect(chunked).not.toBe(singleNoId.stdout);
    expect(withoutSources(chunked)).toEqual(withoutSources(singleNoId.stdout));
    expect(parse(chunked).map((r) => r.articleClean.source).slice(118, 122)).toEqual(['-:119', '-:120', '-:1', '-:2']);
  });

  it.skipIf(!hasGnuParallel)('parallel --pipe --keep-order -N 37: identical with --id-field', async () => {
    const r = await throughParallel(['-N', '37'], WITH_ID, corpus);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(single.stdout);
  });

  it.skipIf(!hasGnuParallel)('parallel --pipe --keep-order --block (chunks cut by size at line ends): identical with --id-field', async () => {
    const block = Math.ceil(Buffer.byteLength(corpus) / 3); // three or four chunks
    const r = await throughParallel(['--block', String(block)], WITH_ID, corpus);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(single.stdout);
  });
});
