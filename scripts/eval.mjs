#!/usr/bin/env node
// npm run eval -- <dataset folder> [--ids FILE] [--mode auto|article|page] [--worst N] [--view as|wrap|wet]
//
// Scores clean() against a dumps/ + gold/ dataset (e.g. ../shared/datasets/dragnet-lynx),
// in-process, with the metric of the dataset's score.py: per document, bag-of-words
// precision, recall and F1 over lowercase \w+ tokens; an empty output scores 0; means
// over documents. --view wrap|wet scores the dumps as another converter would print them
// (scripts/converter-views.mjs). Not part of npm test: a user's clone has no dataset.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { clean } from '../dist/index.js';
import { viewsNamed } from './converter-views.mjs';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { ids: { type: 'string' }, mode: { type: 'string' }, worst: { type: 'string' }, view: { type: 'string' } },
});
const folder = positionals[0];
if (!folder) {
  console.error('usage: npm run eval -- <dataset folder> [--ids FILE] [--mode auto|article|page] [--worst N] [--view as|wrap|wet]');
  process.exit(2);
}
const ids = options.ids
  ? readFileSync(options.ids, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean)
  : readdirSync(path.join(folder, 'dumps')).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
const mode = options.mode ?? 'auto';
const [[, view]] = viewsNamed(options.view ?? 'as');

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;
function bag(text) {
  const counts = new Map();
  for (const w of text.toLowerCase().match(WORD) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}
function score(out, gold) {
  const o = bag(out);
  const g = bag(gold);
  const total = (m) => [...m.values()].reduce((a, b) => a + b, 0);
  const no = total(o);
  const ng = total(g);
  if (ng === 0) return no === 0 ? [1, 1, 1] : [0, 0, 0];
  if (no === 0) return [0, 0, 0];
  let tp = 0;
  for (const [w, c] of o) tp += Math.min(c, g.get(w) ?? 0);
  const p = tp / no;
  const r = tp / ng;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

const rows = [];
let pages = 0;
let empty = 0;
const start = Date.now();
for (const id of ids) {
  const dump = view(readFileSync(path.join(folder, 'dumps', `${id}.txt`), 'utf8'));
  const gold = readFileSync(path.join(folder, 'gold', `${id}.txt`), 'utf8');
  const result = clean(dump, { mode });
  if (result.mode === 'page') pages++;
  // As the scorer: an output without a word (a lone "*") is empty.
  if (result.text.match(WORD) === null && gold.trim() !== '') empty++;
  rows.push({ id, score: score(result.text, gold) });
}
const mean = (k) => rows.reduce((a, r) => a + r.score[k], 0) / rows.length;
console.log(`${rows.length} documents (${pages} read as pages), ${((Date.now() - start) / 1000).toFixed(1)} s`);
console.log(`P ${mean(0).toFixed(4)}  R ${mean(1).toFixed(4)}  F1 ${mean(2).toFixed(4)}  empty outputs with non-empty gold: ${empty}`);
const worst = Number(options.worst ?? 0);
if (worst > 0) {
  for (const r of [...rows].sort((a, b) => a.score[2] - b.score[2]).slice(0, worst)) {
    console.log(`  ${r.id.padEnd(8)} P ${r.score[0].toFixed(2)} R ${r.score[1].toFixed(2)} F1 ${r.score[2].toFixed(2)}`);
  }
}
