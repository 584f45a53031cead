#!/usr/bin/env node
// npm run train:page -- <dataset folder> [--ids FILE] [--views as,wrap,wet] [--check FILE] [--write] [--stages 1|2] [--context-settings JSON]
//
// Trains page mode's block model (src/page/model.ts) on a dumps/ + gold/ dataset,
// e.g. ../shared/datasets/dragnet-lynx with --ids .../splits/train.txt:
//   1. each dump goes through the line rules and the hand-made page reading, as in
//      clean()'s first round, and each block gets its feature vector (features.ts);
//   2. a block is article text when the gold holds it: its words in that order
//      (blocks of up to 5 words), or half of its word trigrams (longer ones);
//   3. gradient-boosted trees are fitted to those labels, each block weighted by its
//      words over the page's gold words (what the page's F1 moves by);
//   4. clean() judges the blocks again every round, on what is left, until nothing
//      changes (that is what makes cleaning the output again change nothing). Trees
//      that only saw first rounds eat into the article there: left alone on a page,
//      it no longer looks like the rest of a page did. So the first trees (5 folds,
//      each page judged by trees that never saw it) are run round after round on each
//      page, and the blocks of those later rounds are added to the training data;
//   5. the trees are fitted again on all of it, the keep threshold is the one with
//      the best mean per-page F1 after all rounds, out of fold, and that
//      cross-validated F1 is reported; the final trees are fitted on all pages;
//   6. the second look (context.ts): trees over each block's features followed by the
//      out-of-fold first trees' probabilities around it, fitted with the same folds; the
//      threshold and F1 are then those of the two together (--stages 1 leaves it out).
// --views as,wrap,wet (the default; --views as for the dumps alone): each page also as other converters print it
// (converter-views.mjs: wrapped at 76 columns, or WET lines), each in its page's fold;
// --check FILE scores another id list (the test split) with the final trees;
// --write rewrites src/page/page-model.ts. Not part of npm test (needs the dataset).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { segment } from '../dist/core/segment.js';
import { applyRules } from '../dist/core/apply-rules.js';
import { selectRules } from '../dist/rules/index.js';
import { readsAsPage, standingBlocks } from '../dist/page/index.js';
import { detectLanguage, proseMemo } from '../dist/page/prose.js';
import { readPage } from '../dist/page/classify.js';
import { blockFeatures, FEATURE_NAMES } from '../dist/page/features.js';
import { decide, stackedInputs, STACKED_NAMES } from '../dist/page/model.js';
import { viewsNamed } from './converter-views.mjs';

/** Tree settings: chosen by 5-fold cross-validation on the train split (docs/QUALITY.md). */
const DEFAULT_SETTINGS = { trees: 150, depth: 4, rate: 0.1, bins: 32, lambda: 1, minSamples: 20 };
const FOLDS = 5;
/** Pages with fewer gold words than this weigh their blocks as if they had this many (a 5-word gold would weigh one block like a whole page). */
const MIN_GOLD = 50;
const SHORT_BLOCK = 5;

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { views: { type: 'string' }, report: { type: 'string' }, ids: { type: 'string' }, stages: { type: 'string' }, 'context-settings': { type: 'string' }, check: { type: 'string' }, settings: { type: 'string' }, out: { type: 'string' }, passes: { type: 'string' }, write: { type: 'boolean' } },
});
const folder = positionals[0];
if (!folder) {
  console.error('usage: npm run train:page -- <dataset folder> [--ids FILE] [--views as,wrap,wet] [--check FILE] [--write] [--out FILE] [--report FILE] [--settings JSON] [--context-settings JSON] [--stages 1|2] [--passes N]');
  process.exit(2);
}
// --settings '{"trees":300}' tries other tree settings; --out FILE writes the model elsewhere;
// --report FILE writes each page's out-of-fold F1 (JSON), to see where the loss is.
const SETTINGS = { ...DEFAULT_SETTINGS, ...JSON.parse(options.settings ?? '{}') };
// The second look's trees: the same settings. Deeper or more trees scored a little higher on 5-fold
// (depth 5 0.8674, 250 trees 0.8672, against 0.8665) but kept menu items on short pages (test/page.test.ts);
// 100 trees of depth 3 scored 0.8635. --context-settings '{"depth":5}' tries others.
const CONTEXT_SETTINGS = { ...SETTINGS, ...JSON.parse(options['context-settings'] ?? '{}') };
const readIds = (file) => readFileSync(file ?? path.join(folder, 'splits', 'train.txt'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;
const tokens = (text) => text.toLowerCase().match(WORD) ?? [];

/** A page after the line rules, with its gold, and its blocks as page mode first sees them. */
function readPageData(id, view = (text) => text) {
  const dump = view(readFileSync(path.join(folder, 'dumps', `${id}.txt`), 'utf8'));
  const gold = tokens(readFileSync(path.join(folder, 'gold', `${id}.txt`), 'utf8'));
  const { lines } = segment(dump, false);
  const verdicts = new Array(lines.length).fill(undefined);
  applyRules(lines, selectRules(), verdicts);
  const blocks = standingBlocks(lines, verdicts, undefined, true);
  if (blocks.length === 0 || !readsAsPage(blocks, {})) return undefined;
  const trigrams = new Set();
  for (let i = 0; i + 2 < gold.length; i++) trigrams.add(`${gold[i]} ${gold[i + 1]} ${gold[i + 2]}`);
  const goldBag = new Map();
  for (const t of gold) goldBag.set(t, (goldBag.get(t) ?? 0) + 1);
  const memo = proseMemo();
  const page = { id, lines, verdicts, goldText: ` ${gold.join(' ')} `, trigrams, goldBag, goldCount: gold.length, memo, language: detectLanguage(blocks.map((b) => b.text), memo) };
  page.first = roundOf(page, blocks);
  page.later = [];
  return page;
}

/** The blocks of one round with their features, labels and words. */
function roundOf(page, blocks) {
  const { reading } = readPage(blocks, { language: page.language, memo: page.memo });
  const x = blockFeatures(reading);
  const samples = blocks.map((b, i) => {
    const words = tokens(b.text);
    let y = 0;
    if (words.length > 0 && words.length <= SHORT_BLOCK) y = page.goldText.includes(` ${words.join(' ')} `) ? 1 : 0;
    else if (words.length > SHORT_BLOCK) {
      let found = 0;
      for (let k = 0; k + 2 < words.length; k++) if (page.trigrams.has(`${words[k]} ${words[k + 1]} ${words[k + 2]}`)) found++;
      y = found >= (words.length - 2) / 2 ? 1 : 0;
    }
    return { x: x[i], y, words, weight: Math.min(1, words.length / Math.max(MIN_GOLD, page.goldCount)) };
  });
  return { blocks, samples };
}

const REMOVED = { rule: { id: 'page/training' } };
/** clean()'s rounds, page mode alone: judge the standing blocks until none is removed. Returns every round. */
function runRounds(page, model, threshold, maxRounds = 6) {
  const rounds = [page.first];
  const verdicts = page.verdicts.slice();
  for (let r = 0; r < maxRounds; r++) {
    const { blocks, samples } = rounds[rounds.length - 1];
    const kept = keeps(model, threshold, samples);
    let removed = false;
    blocks.forEach((b, i) => {
      if (kept[i]) return;
      for (const line of b.indices) verdicts[line] = REMOVED;
      removed = true;
    });
    if (!removed) break;
    const standing = standingBlocks(page.lines, verdicts, undefined, false);
    if (standing.length === 0) break;
    rounds.push(roundOf(page, standing));
  }
  return rounds;
}

// --- gradient-boosted trees (logistic loss, histogram splits) ---

/** Up to `bins - 1` cut points per feature, at its quantiles. */
function cutPoints(rows, f, bins) {
  const values = Float64Array.from(rows, (r) => r.x[f]).sort();
  const cuts = [];
  for (let q = 1; q < bins; q++) {
    const v = values[Math.floor((q * values.length) / bins)];
    if (v > values[0] && (cuts.length === 0 || v > cuts[cuts.length - 1])) cuts.push(v);
  }
  return cuts;
}

/** The bin of a value: how many cut points are at or below it (so bin ≤ t ⇔ value < cuts[t]). */
function binOf(cuts, v) {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fitTrees(rows, settings, names = FEATURE_NAMES) {
  const n = rows.length;
  const F = names.length;
  const width = settings.bins + 1;
  const cuts = names.map((_, f) => cutPoints(rows, f, settings.bins));
  // Row-major bins: one pass over a node's blocks fills every feature's histogram.
  const bins = new Uint8Array(n * F);
  for (let i = 0; i < n; i++) for (let f = 0; f < F; f++) bins[i * F + f] = binOf(cuts[f], rows[i].x[f]);
  const meanWeight = rows.reduce((a, r) => a + r.weight, 0) / n;
  const w = Float64Array.from(rows, (r) => r.weight / meanWeight);
  const y = Float64Array.from(rows, (r) => r.y);
  let positive = 0;
  for (let i = 0; i < n; i++) positive += w[i] * y[i];
  const base = Math.log(positive / (n - positive));
  const logit = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees = [];

  /** Gradient and hessian sums per feature and bin over the given blocks. */
  const histogram = (index) => {
    const hist = new Float64Array(2 * F * width);
    for (let k = 0; k < index.length; k++) {
      const i = index[k];
      const gi = g[i];
      const hi = h[i];
      const row = i * F;
      for (let f = 0; f < F; f++) {
        const at = 2 * (f * width + bins[row + f]);
        hist[at] += gi;
        hist[at + 1] += hi;
      }
    }
    return hist;
  };

  for (let t = 0; t < settings.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-logit[i]));
      g[i] = (p - y[i]) * w[i];
      h[i] = p * (1 - p) * w[i];
    }
    const tree = { feature: [], threshold: [], left: [], right: [], value: [] };
    const leafOf = new Int32Array(n);
    const grow = (index, depth, hist) => {
      let G = 0;
      let H = 0;
      for (let b = 0; b < width; b++) {
        G += hist[2 * b];
        H += hist[2 * b + 1];
      }
      const node = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      tree.value.push(-G / (H + settings.lambda));
      const leaf = () => {
        for (let k = 0; k < index.length; k++) leafOf[index[k]] = node;
        return node;
      };
      if (depth === settings.depth || index.length < 2 * settings.minSamples) return leaf();
      const parent = (G * G) / (H + settings.lambda);
      let best = { gain: 1e-9, f: -1, t: -1 };
      for (let f = 0; f < F; f++) {
        let GL = 0;
        let HL = 0;
        for (let b = 0; b < cuts[f].length; b++) {
          GL += hist[2 * (f * width + b)];
          HL += hist[2 * (f * width + b) + 1];
          const GR = G - GL;
          const HR = H - HL;
          if (HL < 1e-3 || HR < 1e-3) continue;
          const gain = (GL * GL) / (HL + settings.lambda) + (GR * GR) / (HR + settings.lambda) - parent;
          if (gain > best.gain) best = { gain, f, t: b };
        }
      }
      if (best.f < 0) return leaf();
      const left = index.filter((i) => bins[i * F + best.f] <= best.t);
      const right = index.filter((i) => bins[i * F + best.f] > best.t);
      if (left.length < settings.minSamples || right.length < settings.minSamples) return leaf();
      tree.feature[node] = best.f;
      tree.threshold[node] = cuts[best.f][best.t];
      // The smaller child is counted; the larger one's histogram is the parent's minus it.
      const small = left.length <= right.length ? left : right;
      const smallHist = histogram(small);
      const largeHist = hist.map((v, k) => v - smallHist[k]);
      const [leftHist, rightHist] = small === left ? [smallHist, largeHist] : [largeHist, smallHist];
      tree.left[node] = grow(left, depth + 1, leftHist);
      tree.right[node] = grow(right, depth + 1, rightHist);
      return node;
    };
    const all = Int32Array.from({ length: n }, (_, i) => i);
    grow(all, 0, histogram(all));
    for (let i = 0; i < n; i++) logit[i] += settings.rate * tree.value[leafOf[i]];
    trees.push(tree);
  }
  return { features: names, base, rate: settings.rate, trees };
}

/** Which samples the model keeps at a threshold: clean()'s own decision (model.ts), the likeliest block always. */
const keeps = (model, threshold, samples) => decide(samples.map((s) => s.x), { ...model, threshold }).map((d) => d.keep);

/** A page's F1 (bag of words, as the dataset's scorer) for the samples kept. */
function pageF1(page, kept) {
  const out = new Map();
  let outCount = 0;
  for (const s of kept) {
    for (const t of s.words) out.set(t, (out.get(t) ?? 0) + 1);
    outCount += s.words.length;
  }
  let tp = 0;
  for (const [t, c] of out) tp += Math.min(c, page.goldBag.get(t) ?? 0);
  return outCount === 0 || page.goldCount === 0 ? 0 : (2 * tp) / (outCount + page.goldCount);
}

/** Mean per-page F1 of the blocks left when the rounds end. */
function meanF1(pages, modelOf, threshold, report) {
  let sum = 0;
  for (const p of pages) {
    const model = modelOf(p);
    const rounds = runRounds(p, model, threshold);
    const last = rounds[rounds.length - 1].samples;
    const kept = keeps(model, threshold, last);
    const keptSamples = last.filter((_, i) => kept[i]);
    const f1 = pageF1(p, keptSamples);
    report?.push({ id: p.id, view: p.view, f1, gold: p.goldCount, kept: keptSamples.reduce((a, s) => a + s.words.length, 0) });
    sum += f1;
  }
  return sum / pages.length;
}

/** The hand-made reading's F1 on the first round's blocks. */
const handMadeF1 = (pages) => pages.reduce((a, p) => a + pageF1(p, p.first.samples.filter((s) => s.x[FEATURE_NAMES.indexOf('kept by the run')] === 1)), 0) / pages.length;

const rowsOf = (pages) => pages.flatMap((p) => [p.first, ...p.later].flatMap((r) => r.samples.filter((s) => s.words.length > 0)));
/** The same blocks with their second-look vectors (features, then the context of the first trees' probabilities) as x. */
const stackedRowsOf = (pages) => rowsOf(pages).map((s) => ({ ...s, x: s.stacked }));
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;
/** Trees fitted on all folds but one, for each page: the page's fold left out. */
function outOfFoldModels(pages, label, rows = rowsOf, names = FEATURE_NAMES, settings = SETTINGS) {
  const models = new Map();
  for (let f = 0; f < FOLDS; f++) {
    const model = fitTrees(rows(pages.filter((p) => p.fold !== f)), settings, names);
    for (const p of pages) if (p.fold === f) models.set(p, model);
    console.log(`${label}: fold ${f + 1}/${FOLDS} (${seconds(started)})`);
  }
  return models;
}

/** The keep threshold with the best cross-validated F1 after all rounds, on a grid. */
function bestThreshold(modelOf) {
  let best = { threshold: 0.5, f1: -1 };
  for (let t = 0.2; t <= 0.55 + 1e-9; t += 0.025) {
    const f1 = meanF1(pages, modelOf, t);
    if (f1 > best.f1) best = { threshold: Math.round(t * 1000) / 1000, f1 };
  }
  return best;
}

const started = Date.now();
// --views (default as,wrap,wet): each page as printed and as other converters print it (converter-views.mjs), in its own page's fold,
// so no page is judged by trees that saw it in another view.
const VIEW_LIST = viewsNamed(options.views ?? 'as,wrap,wet');
const pages = readIds(options.ids).flatMap((id, i) =>
  VIEW_LIST.map(([name, view]) => {
    const page = readPageData(id, view);
    return page && Object.assign(page, { fold: i % FOLDS, view: name });
  }).filter(Boolean),
);
{
  const firsts = pages.flatMap((p) => p.first.samples);
  console.log(`${pages.length} pages read as pages, ${firsts.length} blocks, ${firsts.filter((s) => s.y).length} labelled article text (${seconds(started)})`);
}

// First trees, from first rounds only; their later rounds become training data.
const FIRST_THRESHOLD = 0.3;
const first = outOfFoldModels(pages, 'first rounds');
for (const p of pages) p.later = runRounds(p, first.get(p), FIRST_THRESHOLD).slice(1);
console.log(`later rounds: ${pages.reduce((a, p) => a + p.later.reduce((b, r) => b + r.samples.length, 0), 0)} more blocks; first-round trees after all rounds: F1 ${meanF1(pages, (p) => first.get(p), FIRST_THRESHOLD).toFixed(4)}`);

// --passes 2: once more, the later rounds of trees that have seen later rounds.
for (let pass = 2; pass <= Number(options.passes ?? 1); pass++) {
  const again = outOfFoldModels(pages, `pass ${pass}`);
  for (const p of pages) p.later.push(...runRounds(p, again.get(p), FIRST_THRESHOLD).slice(1));
  console.log(`pass ${pass}: ${pages.reduce((a, p) => a + p.later.reduce((b, r) => b + r.samples.length, 0), 0)} later-round blocks in all; those trees after all rounds: F1 ${meanF1(pages, (p) => again.get(p), FIRST_THRESHOLD).toFixed(4)}`);
}

const models = outOfFoldModels(pages, 'all rounds');
let chosen = bestThreshold((p) => models.get(p));
console.log(`${FOLDS}-fold F1 after all rounds: trees ${chosen.f1.toFixed(4)} (threshold ${chosen.threshold}); hand-made reading ${handMadeF1(pages).toFixed(4)}`);
const final = fitTrees(rowsOf(pages), SETTINGS);

// The second look: trees over each block's features and the out-of-fold first
// trees' probabilities around it (context.ts), so they learn from the judgements
// the first trees make on pages they never saw.
const withContext = (options.stages ?? '2') === '2';
let context;
/** The trees that judge a page out of fold: its fold's first trees, and their second look. */
let outOfFold = (p) => models.get(p);
if (withContext) {
  for (const p of pages) {
    for (const round of [p.first, ...p.later]) {
      stackedInputs(round.samples.map((s) => s.x), models.get(p)).forEach((v, i) => (round.samples[i].stacked = v));
    }
  }
  const second = outOfFoldModels(pages, 'second look', stackedRowsOf, STACKED_NAMES, CONTEXT_SETTINGS);
  outOfFold = (p) => ({ ...models.get(p), context: second.get(p) });
  const stacked = bestThreshold(outOfFold);
  console.log(`${FOLDS}-fold F1 after all rounds with the second look: ${stacked.f1.toFixed(4)} (threshold ${stacked.threshold})`);
  chosen = stacked;
  context = fitTrees(stackedRowsOf(pages), CONTEXT_SETTINGS, STACKED_NAMES);
}
const threshold = chosen.threshold;
const bestF1 = chosen.f1;
// Each page's out-of-fold F1 at the chosen threshold: the mean by view, and with --report FILE all of them (JSON).
if (VIEW_LIST.length > 1 || options.report) {
  const report = [];
  meanF1(pages, outOfFold, threshold, report);
  const mean = (rows) => rows.reduce((a, r) => a + r.f1, 0) / rows.length;
  if (VIEW_LIST.length > 1) console.log(`${FOLDS}-fold F1 by view at threshold ${threshold}: ${VIEW_LIST.map(([name]) => `${name} ${mean(report.filter((r) => r.view === name)).toFixed(4)}`).join(', ')}`);
  if (options.report) writeFileSync(options.report, JSON.stringify(report));
}
const model = { ...final, ...(context ? { context } : {}), threshold };
console.log(`final trees fitted on all ${pages.length} pages (${seconds(started)})`);
if (options.check) {
  const check = readIds(options.check).map((id) => readPageData(id)).filter(Boolean);
  console.log(`check, ${check.length} pages: trees ${meanF1(check, () => model, threshold).toFixed(4)}; hand-made reading ${handMadeF1(check).toFixed(4)}`);
}
if (options.write) {
  const round = (v) => Math.round(v * 1e6) / 1e6;
  const treeLines = (set) =>
    set.trees.map(
      (t) => `    { feature: ${JSON.stringify(t.feature)}, threshold: ${JSON.stringify(t.threshold.map(round))}, left: ${JSON.stringify(t.left)}, right: ${JSON.stringify(t.right)}, value: ${JSON.stringify(t.value.map(round))} },`,
    );
  const second = context
    ? `
  context: {
    features: ${JSON.stringify(STACKED_NAMES)},
    base: ${round(context.base)},
    rate: ${context.rate},
    trees: [
${treeLines(context).map((l) => `  ${l}`).join('\n')}
    ],
  },`
    : '';
  const file = options.out ?? path.join(root, 'src', 'page', 'page-model.ts');
  writeFileSync(
    file,
    `// Generated by scripts/train-page-model.mjs (npm run train:page): do not edit by hand.
// ${SETTINGS.trees} trees of depth ${SETTINGS.depth}${context ? `, and ${CONTEXT_SETTINGS.trees} of depth ${CONTEXT_SETTINGS.depth} for the second look` : ''}, fitted on ${pages.length} pages; block F1 ${bestF1.toFixed(4)} (${FOLDS}-fold).
import type { PageModel } from './model.js';

export const PAGE_MODEL: PageModel = {
  features: ${JSON.stringify(FEATURE_NAMES)},
  base: ${round(model.base)},
  rate: ${model.rate},
  threshold: ${threshold},
  trees: [
${treeLines(model).join('\n')}
  ],${second}
};
`,
  );
  console.log(`wrote ${path.relative(root, file)}`);
}
