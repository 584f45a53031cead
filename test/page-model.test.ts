/** The learned block model of page mode: its features, the trees' walk, and that the shipped model is the one the features expect. */
import { describe, expect, it } from 'vitest';
import { segment } from '../src/core/segment.js';
import { readPage, classifyBlocks } from '../src/page/classify.js';
import { pageBlocks } from '../src/page/blocks.js';
import { blockFeatures, FEATURE_NAMES } from '../src/page/features.js';
import { CONTEXT_NAMES, contextFeatures } from '../src/page/context.js';
import { decide, hasModel, reasonsAgainst, STACKED_NAMES, verdictInputs, type PageModel } from '../src/page/model.js';
import { PAGE_MODEL } from '../src/page/page-model.js';

const prose = (topic: string): string =>
  `The council said on Tuesday that the ${topic} would be rebuilt over the next two summers, after engineers found that the storms of the winter had undermined it.`;
const page = [
  '* Home',
  '* News',
  '* Sport',
  '* Weather',
  '',
  'Harbour wall to be rebuilt',
  '',
  prose('harbour wall'),
  '',
  prose('old pier'),
  '',
  prose('lighthouse steps'),
  '',
  'Most read',
  '',
  '* Lifeboat crew rescue two walkers',
  '* New ferry timetable',
  '',
  '© 2024 Harbour News',
].join('\n');

function readingOf(text: string) {
  const { lines } = segment(text);
  const blocks = pageBlocks(lines, () => true);
  return { blocks, ...readPage(blocks, { language: 'en' }) };
}

/** A model of one tree: split on feature `f` at `at`; left leaf −2 (remove), right leaf +2 (keep). */
function stump(f: number, at: number): PageModel {
  return {
    features: FEATURE_NAMES,
    base: 0,
    rate: 1,
    threshold: 0.5,
    trees: [{ feature: [f, -1, -1], threshold: [at, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [0, -2, 2] }],
  };
}

describe('block features', () => {
  it('gives every block one number per feature name, all finite, none negative, none large (trees split them at learnt points)', () => {
    const { reading } = readingOf(page);
    const features = blockFeatures(reading);
    expect(features).toHaveLength(reading.blocks.length);
    for (const x of features) {
      expect(x).toHaveLength(FEATURE_NAMES.length);
      for (const v of x) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(7);
      }
    }
  });

  it('tells article paragraphs from menu items', () => {
    const { reading } = readingOf(page);
    const features = blockFeatures(reading);
    const at = (name: string, i: number): number => (features[i] as number[])[FEATURE_NAMES.indexOf(name)] as number;
    const paragraph = reading.blocks.findIndex((r) => r.block.text.startsWith('The council'));
    const menu = reading.blocks.findIndex((r) => r.block.text === 'Home');
    expect(at('in the run', paragraph)).toBe(1);
    expect(at('in the run', menu)).toBe(0);
    expect(at('bullet item', menu)).toBe(1);
    expect(at('ends a sentence', paragraph)).toBe(1);
    expect(at('weight (log)', paragraph)).toBeGreaterThan(at('weight (log)', menu));
    expect(at('commas', paragraph)).toBeGreaterThan(at('commas', menu));
    expect(at('before the run (distance)', menu)).toBeGreaterThan(0);
  });
});

describe('the trees', () => {
  const bullet = FEATURE_NAMES.indexOf('bullet item');

  it('walks a tree: a block goes left below the threshold', () => {
    const model = stump(bullet, 0.5);
    const decisions = decide([Array(FEATURE_NAMES.length).fill(0).map((_, k) => (k === bullet ? 1 : 0)), Array(FEATURE_NAMES.length).fill(0)], model);
    expect(decisions[0]?.keep).toBe(true);
    expect(decisions[1]?.keep).toBe(false);
    expect(decisions[0]?.probability).toBeCloseTo(1 / (1 + Math.exp(-2)));
  });

  it('never removes every block: the likeliest stays', () => {
    const model = { ...stump(bullet, 0.5), threshold: 0.99 };
    const decisions = decide([Array(FEATURE_NAMES.length).fill(0), Array(FEATURE_NAMES.length).fill(0)], model);
    expect(decisions.filter((d) => d.keep)).toHaveLength(1);
  });

  it('keeps a block with words rather than a likelier one without (a lone "*" is no output)', () => {
    const weight = FEATURE_NAMES.indexOf('weight (log)');
    // Wordless blocks (weight 0) go right of the split and score higher.
    const model: PageModel = { ...stump(weight, 0.01), threshold: 0.99, trees: [{ feature: [weight, -1, -1], threshold: [0.01, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [0, 2, -2] }] };
    const words = Array(FEATURE_NAMES.length).fill(0);
    words[weight] = 0.5;
    const decisions = decide([Array(FEATURE_NAMES.length).fill(0), words, Array(FEATURE_NAMES.length).fill(0)], model);
    expect(decisions.map((d) => d.keep)).toEqual([false, true, false]);
    expect(decisions[0]?.probability).toBeGreaterThan(decisions[1]?.probability as number);
  });

  it('names the feature that weighed against a removed block', () => {
    const model = stump(bullet, 0.5);
    expect(reasonsAgainst(Array(FEATURE_NAMES.length).fill(0), model)).toBe('bullet item −2.0');
  });

  it('is not used when it was trained on other features (a stale model falls back to the hand-made reading)', () => {
    expect(hasModel({ ...stump(bullet, 0.5), features: [...FEATURE_NAMES.slice(1), 'bias'] })).toBe(false);
    expect(hasModel({ ...stump(bullet, 0.5), trees: [] })).toBe(false);
  });

  it('ships a model trained on the current features', () => {
    expect(hasModel(PAGE_MODEL)).toBe(true);
    const sets = PAGE_MODEL.context ? [PAGE_MODEL, PAGE_MODEL.context] : [PAGE_MODEL];
    for (const set of sets) checkTrees(set.trees, set === PAGE_MODEL ? FEATURE_NAMES.length : STACKED_NAMES.length);
    expect(PAGE_MODEL.threshold).toBeGreaterThan(0);
    expect(PAGE_MODEL.threshold).toBeLessThan(1);
  });
});

/** Every inner node splits on a feature there is and points forward (no loops, no missing children). */
function checkTrees(trees: PageModel['trees'], features: number): void {
  expect(trees.length).toBeGreaterThan(0);
  for (const tree of trees) {
    for (let node = 0; node < tree.feature.length; node++) {
      const f = tree.feature[node] as number;
      if (f < 0) continue;
      expect(f).toBeLessThan(features);
      expect(tree.left[node]).toBeGreaterThan(node);
      expect(tree.right[node]).toBeGreaterThan(node);
    }
  }
}

describe('the second look (context of the first trees\' probabilities)', () => {
  const bullet = FEATURE_NAMES.indexOf('bullet item');
  const plain = (): number[] => Array(FEATURE_NAMES.length).fill(0);
  const item = (): number[] => plain().map((_, k) => (k === bullet ? 1 : 0));
  const column = (rows: number[][], name: string): number[] => rows.map((r) => r[CONTEXT_NAMES.indexOf(name)] as number);

  it('gives every block one number per context name', () => {
    const rows = contextFeatures([plain(), item(), plain()], [0.9, 0.2, 0.8]);
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r).toHaveLength(CONTEXT_NAMES.length);
  });

  it('reads a missing neighbour as −1, below any probability', () => {
    const rows = contextFeatures([plain(), plain()], [0.9, 0.2]);
    expect(column(rows, 'p(article) of the block before')).toEqual([-1, 0.9]);
    expect(column(rows, 'p(article) of the block after')).toEqual([0.2, -1]);
  });

  it('judges a run of list items as a whole, and a paragraph by itself', () => {
    const rows = contextFeatures([plain(), item(), item(), item(), plain()], [0.9, 0.9, 0.9, 0.0, 0.1]);
    const mean = column(rows, 'p(article) of its list, or of itself');
    expect(mean[0]).toBeCloseTo(0.9);
    for (const k of [1, 2, 3]) expect(mean[k]).toBeCloseTo(0.6);
    expect(mean[4]).toBeCloseTo(0.1);
  });

  it('knows a block that stands between likely article blocks, and how far they are', () => {
    const rows = contextFeatures([plain(), plain(), plain(), plain()], [0.9, 0.1, 0.8, 0.1]);
    expect(column(rows, 'between likely article blocks')).toEqual([0, 1, 0, 0]);
    const after = column(rows, 'blocks to the likely article after');
    expect(after[1]).toBeLessThan(after[3] as number);
  });

  it('decides on the second trees when there are any: a block after a likely one is kept', () => {
    const before = STACKED_NAMES.indexOf('p(article) of the block before');
    const context = { features: STACKED_NAMES, base: 0, rate: 1, trees: [{ feature: [before, -1, -1], threshold: [0.5, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [0, -2, 2] }] };
    // First trees: keep bullet items. Second: keep what follows a likely block.
    const model: PageModel = { ...stump(bullet, 0.5), context };
    const features = [item(), plain(), plain()];
    expect(decide(features, model).map((d) => d.keep)).toEqual([false, true, false]);
    expect(verdictInputs(features, model)[0]).toHaveLength(STACKED_NAMES.length);
    expect(reasonsAgainst(verdictInputs(features, model)[2] as number[], model)).toBe('p(article) of the block before −2.0');
  });

  it('is not used when its features are not the current ones, or it has no trees', () => {
    const context = { features: FEATURE_NAMES, base: 0, rate: 1, trees: [] };
    expect(hasModel({ ...stump(bullet, 0.5), context })).toBe(false);
    expect(hasModel({ ...stump(bullet, 0.5), context: { ...context, features: STACKED_NAMES } })).toBe(false);
  });
});

describe('page mode with the model', () => {
  it('keeps the article and says, for a removed block, the probability and what weighed against it', () => {
    const { blocks } = readingOf(page);
    const verdicts = classifyBlocks(blocks, { language: 'en' });
    const kept = blocks.filter((_, i) => verdicts[i] === undefined).map((b) => b.text);
    expect(kept).toEqual(expect.arrayContaining([prose('harbour wall'), prose('old pier'), prose('lighthouse steps')]));
    expect(kept).not.toContain('Home');
    const menu = verdicts[blocks.findIndex((b) => b.text === 'Home')];
    expect(menu?.detail).toMatch(/p\(article\) 0\.\d\d/);
  });

  it('with model: false, gives the hand-made reading', () => {
    const { blocks, heuristic } = readingOf(page);
    expect(classifyBlocks(blocks, { language: 'en', model: false })).toEqual(heuristic);
  });
});
