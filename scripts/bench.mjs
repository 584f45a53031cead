#!/usr/bin/env node
// npm run bench [-- SIZE_MB]   (default 100)
//
// Generates a corpus of seed-shaped dumps (varied prose made from the fixture
// texts, with datelines, bylines, credits, footers, share prompts and repeated
// leads), then reports in one run:
//   - article-clean over the corpus folder (the CLI, --format jsonl): wall time, MB/s
//   - article-clean over the same dumps as one JSONL stream (--input-format jsonl),
//     with one job (no workers) and with the default (one worker per core)
//   - the library alone (clean() per document, in this process): MB/s and peak RSS
//   - awk '!seen[$0]++' over the same bytes (the dumps, and the JSONL file): wall
//     time, and our ratio to it
// Peak memory of the CLI runs is the child's maximum RSS, from GNU time when /usr/bin/time exists.
//   - in-document dedupe of a long page vs naive all-pairs Dice: wall times and ratio
// Speed goals live here, never in timed tests.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clean, rules } from '../dist/index.js';
import { learnProseModel } from './prose-model.mjs';
import { dice } from '../dist/dedupe/similarity.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sizeMb = Number(process.argv[2] ?? 100);
if (!(sizeMb > 0)) {
  console.error('usage: npm run bench -- [SIZE_MB]');
  process.exit(2);
}
const workDir = path.join(root, '.bench');
const corpusDir = path.join(workDir, 'corpus');

// A deterministic PRNG, so two runs measure the same corpus.
let state = 20261125;
const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = (list) => list[Math.floor(random() * list.length)];

const model = learnProseModel(root);

function paragraph() {
  const target = 40 + Math.floor(random() * 80);
  const words = [pick(model.starts)];
  while (words.length < target) {
    const options = model.next.get(words[words.length - 1]);
    words.push(options ? pick(options) : pick(model.starts));
  }
  return words.join(' ').replace(/[,;:]?$/, '.');
}

const boilerplate = rules.flatMap((r) => r.examples.removes).filter((e) => typeof e === 'string');
const CATEGORIES = ['international', 'business', 'sports', 'culture', 'science', 'politics'];

function dump(i) {
  const body = Array.from({ length: 5 + Math.floor(random() * 6) }, paragraph);
  const lead = body[1].slice(0, Math.floor(body[1].length * (0.4 + random() * 0.5)));
  const date = `2024/${String(1 + (i % 12)).padStart(2, '0')}/${String(1 + (i % 28)).padStart(2, '0')}`;
  const time = `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
  const lines = [lead, `${date}${time} ${pick(CATEGORIES)} ${100 + Math.floor(random() * 9000)}`, 'Asia Pacific Daily Winter Rain'];
  for (const [k, p] of body.entries()) {
    lines.push(p);
    if (random() < 0.25) lines.push(pick(boilerplate));
    if (k === 3) lines.push(lead);
  }
  lines.push('(Source: APD News)', `${pick(CATEGORIES)} Category Latest News${Math.floor(random() * 9999)}`);
  return lines.join('\n\n') + '\n';
}

function generate() {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(corpusDir, { recursive: true });
  const all = openSync(path.join(workDir, 'all.txt'), 'w');
  const jsonl = openSync(path.join(workDir, 'all.jsonl'), 'w');
  let bytes = 0;
  let files = 0;
  while (bytes < sizeMb * 1e6) {
    const text = dump(files);
    const dir = path.join(corpusDir, String(Math.floor(files / 1000)).padStart(3, '0'));
    if (files % 1000 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${String(files).padStart(6, '0')}.txt`), text);
    writeSync(all, text);
    writeSync(jsonl, `${JSON.stringify({ id: files, text })}\n`);
    bytes += Buffer.byteLength(text);
    files++;
  }
  closeSync(all);
  closeSync(jsonl);
  return { bytes, files };
}

function timed(fn) {
  const start = process.hrtime.bigint();
  const value = fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}

const hasTime = existsSync('/usr/bin/time');
/** Run a command to /dev/null; its peak RSS in MiB (NaN without GNU time). */
function run(command, args) {
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  return hasTime ? Number(r.stderr.trim().split('\n').pop()) / 1024 : NaN;
}
const mib = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} MiB`);

function files(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f));
}

console.log(`article-clean bench: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, node ${process.version}`);
const { value: corpus, seconds: genSeconds } = timed(generate);
const mb = corpus.bytes / 1e6;
console.log(`corpus: ${corpus.files} dumps, ${mb.toFixed(1)} MB (generated in ${genSeconds.toFixed(1)} s)`);

const bin = path.join(root, 'bin/article-clean.js');
const jsonlFile = path.join(workDir, 'all.jsonl');
const jsonlMb = statSync(jsonlFile).size / 1e6;
const awk = timed(() => run('awk', ['!seen[$0]++', path.join(workDir, 'all.txt')]));
const awkJsonl = timed(() => run('awk', ['!seen[$0]++', jsonlFile]));
const cli = timed(() => run(process.execPath, [bin, corpusDir, '--format', 'jsonl']));
const jsonlOne = timed(() => run(process.execPath, [bin, jsonlFile, '--input-format', 'jsonl', '-j', '1']));
const jsonlAll = timed(() => run(process.execPath, [bin, jsonlFile, '--input-format', 'jsonl']));

let peakRss = process.memoryUsage().rss;
const lib = timed(() => {
  let removed = 0;
  let duplicates = 0;
  for (const file of files(corpusDir)) {
    const r = clean(readFileSync(file, 'utf8'));
    removed += r.stats.removed;
    duplicates += r.stats.duplicates;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  return { removed, duplicates };
});

// A long page: 1,000 paragraphs of the corpus (planted copies included) as one
// document, cleaned by us and compared all-pairs by the naive way.
const PAGE_PARAGRAPHS = 1000;
const pageParagraphs = readFileSync(path.join(workDir, 'all.txt'), 'utf8').split(/\n+/).filter((p) => p.length > 200).slice(0, PAGE_PARAGRAPHS);
const page = pageParagraphs.join('\n\n') + '\n';
// Paragraph k of the page is line 2k+1; a dropped paragraph points at the copy it yields to.
const ours = timed(() => new Map(clean(page, { rules: false }).duplicates.map((d) => [(d.lines[0] - 1) / 2, (d.of.lines[0] - 1) / 2])));
const naive = timed(() => {
  const pairs = [];
  for (let i = 0; i < pageParagraphs.length; i++) {
    for (let j = 0; j < i; j++) if (dice(pageParagraphs[i], pageParagraphs[j]) >= 0.85) pairs.push([j, i]);
  }
  return pairs;
});
// A pair is resolved when both copies end at the same kept paragraph.
const keptRoot = (k) => (ours.value.has(k) ? keptRoot(ours.value.get(k)) : k);
const agreed = naive.value.filter(([a, b]) => keptRoot(a) === keptRoot(b)).length;

const row = (label, seconds, extra = '') => console.log(`  ${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s ${extra}`);
const jobs = os.availableParallelism();
console.log('\nfull clean (rules + in-document dedupe):');
row(`article-clean CLI, folder → JSONL (${jobs} jobs)`, cli.seconds, `${(mb / cli.seconds).toFixed(1)} MB/s, peak RSS ${mib(cli.value)}`);
row('article-clean CLI, JSONL → JSONL, -j 1', jsonlOne.seconds, `${(jsonlMb / jsonlOne.seconds).toFixed(1)} MB/s, peak RSS ${mib(jsonlOne.value)}`);
row(`article-clean CLI, JSONL → JSONL (${jobs} jobs)`, jsonlAll.seconds, `${(jsonlMb / jsonlAll.seconds).toFixed(1)} MB/s, peak RSS ${mib(jsonlAll.value)}`);
row('clean() in-process (library, one thread)', lib.seconds, `${(mb / lib.seconds).toFixed(1)} MB/s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
row("awk '!seen[$0]++' on the dumps (exact line dedup)", awk.seconds, `${(mb / awk.seconds).toFixed(1)} MB/s`);
row(`awk '!seen[$0]++' on the JSONL (${jsonlMb.toFixed(0)} MB)`, awkJsonl.seconds, `${(jsonlMb / awkJsonl.seconds).toFixed(1)} MB/s`);
console.log(`  ratio CLI / awk: folder ${(cli.seconds / awk.seconds).toFixed(1)}×, JSONL ${(jsonlAll.seconds / awkJsonl.seconds).toFixed(1)}× (the issue's target: 0.5×); jobs speed-up on JSONL ${(jsonlOne.seconds / jsonlAll.seconds).toFixed(2)}×`);
console.log(`  (lines removed ${lib.value.removed}, duplicate paragraphs ${lib.value.duplicates})`);
console.log(`\nin-document dedupe of one ${pageParagraphs.length}-paragraph page:`);
row('article-clean (shingle candidates + Dice)', ours.seconds, `${ours.value.size} paragraphs dropped`);
row('naive all-pairs Dice (string-similarity)', naive.seconds, `${naive.value.length} pairs ≥ 0.85`);
console.log(`  speed-up over naive: ${(naive.seconds / ours.seconds).toFixed(1)}×; pairs ≥ 0.85 that article-clean resolves to one kept copy: ${agreed} of ${naive.value.length} (${((100 * agreed) / Math.max(1, naive.value.length)).toFixed(1)}%)`);
