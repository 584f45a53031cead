#!/usr/bin/env node
// Measures what the dedupe thresholds mean on real prose (not part of npm test).
//
//   node scripts/measure-dedupe.mjs <folder of .txt files> [max files]
//
// For every paragraph of at least 50 bytes it makes lightly edited copies
// (word substitutions, insertions, deletions, punctuation) and reports, for
// pairs at or above each Dice threshold, the smallest share of word 3-shingles
// the copy keeps (how low the candidate filter may go without missing a pair).
// It also reports how often two *different* paragraphs of one document reach
// each threshold (false positives).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalize, shingles, tokenize, utf8Length } from '../dist/dedupe/canonical.js';
import { dice } from '../dist/dedupe/similarity.js';

const [folder, maxArg] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node scripts/measure-dedupe.mjs <folder of .txt files> [max files]');
  process.exit(2);
}
const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().slice(0, Number(maxArg ?? 400));

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const WORDS = ['the', 'new', 'said', 'report', 'city', 'people', 'year', 'government', 'also', 'more'];

function edit(text, rate) {
  const words = text.split(' ');
  const out = [];
  for (const w of words) {
    const r = random();
    if (r < rate / 3) out.push(WORDS[Math.floor(random() * WORDS.length)]);
    else if (r < (2 * rate) / 3) continue;
    else if (r < rate) out.push(w, WORDS[Math.floor(random() * WORDS.length)]);
    else out.push(random() < 0.05 ? `${w},` : w);
  }
  return out.join(' ');
}

const coverage = (a, b) => {
  const sa = shingles(tokenize(a));
  const sb = shingles(tokenize(b));
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  return sa.size === 0 ? 0 : shared / sa.size;
};

const thresholds = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
// Smallest coverage among pairs ≥ 0.85, by how many shingles the shorter copy has.
const BUCKETS = [5, 10, 20, 40, 80, Infinity];
const minByBucket = BUCKETS.map(() => 1);
// The candidate filter of src/dedupe/document.ts: pairs sharing less than this share of shingles are not compared.
const FILTER = 0.15;
let nearPairs = 0;
let passFilter = 0;
const minCoverage = Object.fromEntries(thresholds.map((t) => [t, 1]));
const hits = Object.fromEntries(thresholds.map((t) => [t, 0]));
const falsePairs = Object.fromEntries(thresholds.map((t) => [t, 0]));
let editedPairs = 0;
let distinctPairs = 0;

for (const file of files) {
  const paragraphs = readFileSync(path.join(folder, file), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => canonicalize(p.replace(/\s+/g, ' ')))
    .filter((p) => utf8Length(p) >= 50);
  for (const p of paragraphs) {
    for (const rate of [0.02, 0.05, 0.1, 0.15, 0.2, 0.3]) {
      const copy = canonicalize(edit(p, rate));
      const d = dice(p, copy);
      const [shorter, longer] = copy.length <= p.length ? [copy, p] : [p, copy];
      const c = coverage(shorter, longer);
      editedPairs++;
      if (d >= 0.85) {
        nearPairs++;
        if (c >= FILTER) passFilter++;
        const size = shingles(tokenize(shorter)).size;
        const b = BUCKETS.findIndex((limit) => size <= limit);
        minByBucket[b] = Math.min(minByBucket[b], c);
      }
      for (const t of thresholds) {
        if (d >= t) {
          hits[t]++;
          minCoverage[t] = Math.min(minCoverage[t], c);
        }
      }
    }
  }
  for (let i = 0; i < paragraphs.length; i++) {
    for (let j = i + 1; j < paragraphs.length && j < i + 60; j++) {
      if (paragraphs[i] === paragraphs[j]) continue;
      distinctPairs++;
      const d = dice(paragraphs[i], paragraphs[j]);
      for (const t of thresholds) if (d >= t) falsePairs[t]++;
    }
  }
}

console.log(`${files.length} files, ${editedPairs} edited pairs, ${distinctPairs} pairs of different paragraphs`);
console.log('threshold  edited pairs ≥ t   min shingle coverage among them   different paragraphs ≥ t');
for (const t of thresholds) {
  console.log(`${t.toFixed(2).padEnd(10)} ${String(hits[t]).padEnd(18)} ${minCoverage[t].toFixed(3).padEnd(33)} ${falsePairs[t]} (${((100 * falsePairs[t]) / distinctPairs).toFixed(4)}%)`);
}
console.log('\nat Dice ≥ 0.85, smallest shingle coverage by size of the shorter copy (shingles):');
BUCKETS.forEach((limit, b) => console.log(`  ≤ ${String(limit).padEnd(8)} ${minByBucket[b].toFixed(3)}`));
console.log(`\ncandidate filter (shingle share ≥ ${FILTER}) keeps ${passFilter} of ${nearPairs} edited pairs at Dice ≥ 0.85 (${((100 * passFilter) / nearPairs).toFixed(3)}%)`);
