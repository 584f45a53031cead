#!/usr/bin/env node
/**
 * Large-input benchmark (npm run bench:large [-- GB]): memory and time on the
 * inputs that break naive tools. Not part of npm test.
 *   1. one 50 MB line (no newline anywhere but the last byte);
 *   2. a file of short lines, default 1 GB, cleaned as one document: refused
 *      quickly with a clear error (it is over --max-size), not an out-of-memory crash;
 *   3. the same file with --split: streamed one article at a time;
 *   4. awk '!seen[$0]++' over the same file, for scale;
 *   5. the same articles as JSON Lines records (--input-format jsonl, one
 *      worker per core): streamed, memory bounded by the records in flight,
 *      and awk over that file.
 * `npm run bench:large -- GB jsonl` runs only the JSONL cases.
 * Peak memory is the child's maximum RSS, from GNU time (/usr/bin/time).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/article-clean.js');
const gigabytes = Number(process.argv[2] ?? 1);
const workDir = path.join(root, '.bench');
mkdirSync(workDir, { recursive: true });

/** Write `bytes` of text made by `next()` chunks, without holding it all in memory. */
function generate(file, bytes, next) {
  if (existsSync(file) && statSync(file).size >= bytes) return;
  const fd = openSync(file, 'w');
  let written = 0;
  while (written < bytes) {
    const chunk = next();
    writeSync(fd, chunk);
    written += Buffer.byteLength(chunk);
  }
  closeSync(fd);
}

let seed = 7;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
// A 5,000-word vocabulary of made-up words, drawn with a Zipf-like skew, so
// that lines differ the way prose does (a tiny vocabulary would make every line
// a near duplicate of every other, which no real dump looks like).
const SYLLABLES = ['ka', 'lo', 'mi', 'ten', 'sa', 'ru', 'dor', 've', 'ni', 'pa', 'sto', 'le', 'qua', 'bi', 'ro', 'an', 'el', 'us'];
const WORDS = Array.from({ length: 5000 }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''));
const word = () => WORDS[Math.floor(WORDS.length * random() ** 3)];
const sentence = (n) => Array.from({ length: n }, word).join(' ');

const lineFile = path.join(workDir, 'one-line-v2-50mb.txt');
let lineBytes = 0;
generate(lineFile, 50e6, () => {
  const chunk = sentence(2000) + (lineBytes > 50e6 - 30000 ? '\n' : ' ');
  lineBytes += chunk.length;
  return chunk;
});

const shortFile = path.join(workDir, `short-lines-v2-${gigabytes}gb.txt`);
let line = 0;
generate(shortFile, gigabytes * 1e9, () => {
  let chunk = '';
  for (let i = 0; i < 1000; i++, line++) {
    // An article every 200 lines, separated by a form-feed line; a share prompt and a repeated lead now and then.
    if (line % 200 === 0 && line > 0) chunk += '\f\n';
    chunk += line % 50 === 7 ? 'Share on Facebook\n' : line % 200 === 150 ? 'The council said on Tuesday that budget plans would be published next month.\n' : `${sentence(6 + (line % 9))}.\n`;
  }
  return chunk;
});

function measure(label, command, args) {
  const hasTime = existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const lines = r.stderr.trim().split('\n');
  const peakKb = hasTime ? Number(lines.pop()) : NaN;
  const note = lines.filter((l) => l !== '').slice(0, 2).join(' | ');
  console.log(`  ${label.padEnd(46)} ${seconds.toFixed(1).padStart(7)} s  peak RSS ${Number.isNaN(peakKb) ? 'n/a' : `${(peakKb / 1024).toFixed(0)} MiB`}  exit ${r.status}${note ? `  (${note})` : ''}`);
  return seconds;
}

// The same kind of articles (200 short lines each, share prompts, repeated leads) as JSON Lines records.
const jsonlFile = path.join(workDir, `records-v1-${gigabytes}gb.jsonl`);
let record = 0;
generate(jsonlFile, gigabytes * 1e9, () => {
  const lines = [];
  for (let i = 0; i < 200; i++, line++) {
    lines.push(i === 7 || i === 57 ? 'Share on Facebook' : i === 150 ? 'The council said on Tuesday that budget plans would be published next month.' : `${sentence(6 + (line % 9))}.`);
  }
  return `${JSON.stringify({ id: record++, url: `https://example.org/news/${record}`, text: lines.join('\n') + '\n' })}\n`;
});

const size = (file) => `${(statSync(file).size / 1e6).toFixed(0)} MB`;
console.log(`article-clean large inputs: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, node ${process.version}`);
if (process.argv[3] !== 'jsonl') {
  measure(`one line of ${size(lineFile)}`, process.execPath, [bin, lineFile]);
  measure(`short lines, ${size(shortFile)}, one document`, process.execPath, [bin, shortFile]);
  const ours = measure(`short lines, ${size(shortFile)}, --split`, process.execPath, [bin, shortFile, '--split']);
  const awk = measure(`awk '!seen[$0]++', ${size(shortFile)}`, 'awk', ['!seen[$0]++', shortFile]);
  console.log(`  --split throughput ${(statSync(shortFile).size / 1e6 / ours).toFixed(1)} MB/s; ratio to awk ${(ours / awk).toFixed(1)}×`);
}
const jsonl = measure(`JSONL records, ${size(jsonlFile)}, ${os.availableParallelism()} jobs`, process.execPath, [bin, jsonlFile, '--input-format', 'jsonl']);
const awkJsonl = measure(`awk '!seen[$0]++', ${size(jsonlFile)} of JSONL`, 'awk', ['!seen[$0]++', jsonlFile]);
console.log(`  JSONL throughput ${(statSync(jsonlFile).size / 1e6 / jsonl).toFixed(1)} MB/s; ratio to awk ${(jsonl / awkJsonl).toFixed(1)}×`);
