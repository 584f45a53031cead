#!/usr/bin/env node
/**
 * Corpus-scope dedupe benchmark (npm run bench:dedupe [-- SIZE_MB], default 100).
 * Not part of npm test.
 *
 * Generates a JSONL corpus of articles (8 paragraphs each, varied prose from a
 * word-bigram model of the fixtures) with planted copies whose truth is known:
 *   - near copies of an earlier paragraph of another article (words replaced,
 *     dropped or inserted at 2–12%), some with their sentences reordered;
 *   - truncated copies (the first 40–90% of an earlier paragraph);
 *   - near-duplicate articles (an earlier article with every paragraph lightly
 *     edited and one paragraph replaced).
 * Then, in one run:
 *   - article-clean --dedupe-scope corpus over the JSONL: wall time, peak RSS,
 *     and the ratio to awk '!seen[$0]++' on the same bytes; the same run
 *     without corpus scope, for the cost of the scope itself;
 *   - recall and precision against the planted truth;
 *   - on the first 5,000 paragraphs, recall and precision against brute-force
 *     all-pairs Dice (what --threshold means), and the time brute force took.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canonicalize } from '../dist/dedupe/canonical.js';
import { coverage } from '../dist/dedupe/corpus.js';
import { bigramProfile, dice, profileDice } from '../dist/dedupe/similarity.js';
import { learnProseModel } from './prose-model.mjs';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/article-clean.js');
const sizeMb = Number(process.argv[2] ?? 100);
const THRESHOLD = 0.85;
const SAMPLE = 5000;
const workDir = path.join(root, '.bench');
mkdirSync(workDir, { recursive: true });

let state = 20261125;
const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = (list) => list[Math.floor(random() * list.length)];

const { next, starts } = learnProseModel(root);
const vocabulary = [...next.keys()];
function prose() {
  const target = 40 + Math.floor(random() * 60);
  const words = [pick(starts)];
  while (words.length < target) {
    const options = next.get(words[words.length - 1]);
    // Now and then a word from anywhere: keeps unrelated paragraphs apart.
    words.push(options && random() < 0.8 ? pick(options) : pick(vocabulary));
  }
  return words.join(' ').replace(/[,;:]?$/, '.');
}
function edit(text, rate) {
  const out = [];
  for (const w of text.split(' ')) {
    const r = random();
    if (r < rate / 3) out.push(pick(vocabulary));
    else if (r < (2 * rate) / 3) continue;
    else if (r < rate) out.push(w, pick(vocabulary));
    else out.push(w);
  }
  return out.join(' ');
}
function reorder(text) {
  const sentences = text.split(/(?<=[.!?]) /);
  if (sentences.length < 2) return text.split(' ').reverse().join(' ');
  return [...sentences.slice(1), sentences[0]].join(' ');
}

/** Paragraphs, in corpus order: { doc, k (index in its article), text, of?: [doc, k], kind? } */
const paragraphs = [];
const articles = [];
const plantedArticles = new Map();
function generate(file) {
  let bytes = 0;
  const lines = [];
  while (bytes < sizeMb * 1e6) {
    const doc = articles.length;
    let texts;
    const earlier = doc > 10 ? Math.floor(random() * doc) : -1;
    if (earlier >= 0 && random() < 0.02) {
      // A near-duplicate article: every paragraph edited a little, one replaced.
      const replaced = Math.floor(random() * 8);
      texts = articles[earlier].map((t, k) => (k === replaced ? prose() : edit(t, 0.03)));
      plantedArticles.set(doc, earlier);
      texts.forEach((t, k) => paragraphs.push({ doc, k, text: t, ...(k === replaced ? {} : { of: [earlier, k], kind: 'article' }) }));
    } else {
      texts = [];
      for (let k = 0; k < 8; k++) {
        const r = random();
        const source = paragraphs.length > 1000 ? paragraphs[Math.floor(random() * paragraphs.length)] : undefined;
        let text;
        let planted;
        if (source && source.doc !== doc && !source.of && r < 0.05) {
          text = edit(source.text, 0.02 + random() * 0.1);
          planted = 'near';
        } else if (source && source.doc !== doc && !source.of && r < 0.06) {
          text = reorder(edit(source.text, 0.02));
          planted = 'reordered';
        } else if (source && source.doc !== doc && !source.of && r < 0.08) {
          const words = source.text.split(' ');
          text = words.slice(0, Math.max(8, Math.floor(words.length * (0.4 + random() * 0.5)))).join(' ');
          planted = 'truncated';
        } else {
          text = prose();
        }
        texts.push(text);
        paragraphs.push({ doc, k, text, ...(planted ? { of: [source.doc, source.k], kind: planted } : {}) });
      }
    }
    articles.push(texts);
    const line = JSON.stringify({ id: String(doc), text: texts.join('\n\n') + '\n' }) + '\n';
    lines.push(line);
    bytes += Buffer.byteLength(line);
  }
  writeFileSync(file, lines.join(''));
  return bytes;
}

function measure(command, args) {
  const hasTime = existsSync('/usr/bin/time');
  const start = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${command} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  const peak = hasTime ? Number(r.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { seconds, peak, stdout: r.stdout };
}
const mib = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} MiB`);

console.log(`article-clean corpus dedupe bench: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, node ${process.version}`);
const file = path.join(workDir, `dedupe-${sizeMb}mb.jsonl`);
const bytes = generate(file);
const planted = paragraphs.filter((p) => p.of);
console.log(`corpus: ${articles.length} articles, ${paragraphs.length} paragraphs, ${(bytes / 1e6).toFixed(1)} MB; planted: ${planted.length} copied paragraphs (${['near', 'reordered', 'truncated', 'article'].map((k) => `${planted.filter((p) => p.kind === k).length} ${k}`).join(', ')}), ${plantedArticles.size} copied articles`);

const awk = measure('awk', ['!seen[$0]++', file]);
const base = measure(process.execPath, [bin, file, '--input-format', 'jsonl', '--id-field', 'id']);
const corpus = measure(process.execPath, [bin, file, '--input-format', 'jsonl', '--id-field', 'id', '--dedupe-scope', 'corpus']);

// What the run dropped across documents: paragraph (doc, k) → (doc, k) of the copy kept. Paragraph k is line 2k+1.
const dropped = new Map();
const flagged = new Map();
for (const line of corpus.stdout.split('\n')) {
  if (!line) continue;
  const record = JSON.parse(line);
  const doc = Number(record.id);
  for (const d of record.articleClean.duplicates) {
    if (d.of.source === undefined) continue;
    dropped.set(`${doc}:${(d.lines[0] - 1) / 2}`, `${Number(d.of.source)}:${(d.of.lines[0] - 1) / 2}`);
  }
  if (record.articleClean.duplicateOf) flagged.set(doc, Number(record.articleClean.duplicateOf.source));
}
const byKey = new Map(paragraphs.map((p) => [`${p.doc}:${p.k}`, p]));
const canon = new Map();
const canonOf = (key) => {
  let c = canon.get(key);
  if (c === undefined) canon.set(key, (c = canonicalize(byKey.get(key).text)));
  return c;
};
/** What --threshold and containment mean: a near copy by Dice, or the shorter one inside the longer (whole, or 90% of its word 3-shingles). */
const isCopy = (a, b) => {
  const [x, y] = [canonOf(a), canonOf(b)];
  const [s, l] = x.length <= y.length ? [x, y] : [y, x];
  return l.includes(s) || dice(x, y) >= THRESHOLD || coverage(s, l) >= 0.9;
};

// Planted truth: the planted pairs that really are copies by that measure (a heavy edit can fall below the threshold).
const truth = planted.filter((p) => isCopy(`${p.doc}:${p.k}`, `${p.of[0]}:${p.of[1]}`));
const found = truth.filter((p) => dropped.has(`${p.doc}:${p.k}`)).length;
let correct = 0;
for (const [copy, kept] of dropped) if (isCopy(copy, kept)) correct++;
const articleHits = [...plantedArticles].filter(([doc, of]) => flagged.get(doc) === of).length;
const articleRight = [...flagged].filter(([doc, of]) => plantedArticles.get(doc) === of).length;

// Brute force on the first SAMPLE paragraphs: every earlier paragraph of another article.
const sample = paragraphs.slice(0, SAMPLE);
const profiles = sample.map((p) => bigramProfile(canonOf(`${p.doc}:${p.k}`)));
const bruteStart = process.hrtime.bigint();
const brutePairs = [];
for (let j = 0; j < sample.length; j++) {
  const cj = canonOf(`${sample[j].doc}:${sample[j].k}`);
  for (let i = 0; i < j; i++) {
    if (sample[i].doc === sample[j].doc) continue;
    const ci = canonOf(`${sample[i].doc}:${sample[i].k}`);
    const [s, l] = ci.length <= cj.length ? [ci, cj] : [cj, ci];
    const contained = cj.length <= ci.length && ci.includes(cj);
    if (contained || (s.length / l.length >= THRESHOLD / (2 - THRESHOLD) && profileDice(profiles[i], profiles[j]) >= THRESHOLD)) brutePairs.push([i, j]);
  }
}
const bruteSeconds = Number(process.hrtime.bigint() - bruteStart) / 1e9;
const sampleKeys = new Set(sample.map((p) => `${p.doc}:${p.k}`));
const copiesInSample = new Set(brutePairs.map(([, j]) => `${sample[j].doc}:${sample[j].k}`));
const sampleFound = [...copiesInSample].filter((key) => dropped.has(key)).length;
const sampleDropped = [...dropped].filter(([copy, kept]) => sampleKeys.has(copy) && sampleKeys.has(kept));
const sampleCorrect = sampleDropped.filter(([copy, kept]) => isCopy(copy, kept)).length;

const pct = (a, b) => `${((100 * a) / Math.max(1, b)).toFixed(2)}%`;
const mb = bytes / 1e6;
console.log('\nwall time and memory:');
console.log(`  article-clean --dedupe-scope corpus   ${corpus.seconds.toFixed(1).padStart(7)} s  ${(mb / corpus.seconds).toFixed(1)} MB/s  peak RSS ${mib(corpus.peak)}`);
console.log(`  article-clean (document scope)        ${base.seconds.toFixed(1).padStart(7)} s  ${(mb / base.seconds).toFixed(1)} MB/s  peak RSS ${mib(base.peak)}`);
console.log(`  awk '!seen[$0]++'                     ${awk.seconds.toFixed(1).padStart(7)} s`);
console.log(`  ratio corpus scope / awk: ${(corpus.seconds / awk.seconds).toFixed(1)}× (target 2×); cost of the corpus scope itself: ${(corpus.seconds - base.seconds).toFixed(1)} s`);
console.log('\nagainst the planted truth:');
console.log(`  recall    ${found} of ${truth.length} planted copies at or above the threshold dropped (${pct(found, truth.length)}); by kind: ${['near', 'reordered', 'truncated', 'article'].map((k) => { const t = truth.filter((p) => p.kind === k); return `${k} ${pct(t.filter((p) => dropped.has(`${p.doc}:${p.k}`)).length, t.length)}`; }).join(', ')}`);
console.log(`  precision ${correct} of ${dropped.size} dropped paragraphs are copies of the one named (${pct(correct, dropped.size)})`);
console.log(`  articles  ${articleHits} of ${plantedArticles.size} copied articles reported (duplicateOf); ${articleRight} of ${flagged.size} reports right`);
console.log(`\nagainst brute-force all-pairs Dice on the first ${SAMPLE} paragraphs (${brutePairs.length} pairs, ${bruteSeconds.toFixed(1)} s):`);
console.log(`  recall    ${sampleFound} of ${copiesInSample.size} paragraphs with an earlier copy dropped (${pct(sampleFound, copiesInSample.size)})`);
console.log(`  precision ${sampleCorrect} of ${sampleDropped.length} drops within the sample verified (${pct(sampleCorrect, sampleDropped.length)})`);
