/**
 * The learned block model: gradient-boosted decision trees over the block
 * features of features.ts, trained on the train split of the dragnet-lynx
 * pages by scripts/train-page-model.mjs. The trees are data (page-model.ts),
 * not code; this file only walks them.
 *
 * Why trees and not one weighted sum: what a feature means depends on the
 * others (a short line is a subheading inside the article and a menu item
 * outside it), and trees learn those interactions from the data instead of
 * from hand-set thresholds. Measured on the train split (5-fold by page):
 * block F1 0.829 for the hand-made reading alone, 0.842 for a logistic
 * regression on the same features, 0.861 for the trees (docs/QUALITY.md).
 */
import { CONTEXT_NAMES, contextFeatures } from './context.js';
import { FEATURE_NAMES } from './features.js';
import { PAGE_MODEL } from './page-model.js';

/** One tree: parallel arrays of nodes; a node with feature −1 is a leaf. Node 0 is the root. */
export interface Tree {
  /** The feature a node splits on (index into FEATURE_NAMES), or −1 at a leaf. */
  feature: readonly number[];
  /** A block goes left when its feature is below this. */
  threshold: readonly number[];
  left: readonly number[];
  right: readonly number[];
  /** The node's value (log-odds step): a leaf's output; inner nodes' values explain decisions. */
  value: readonly number[];
}

/** Boosted trees: a base log-odds plus each tree's leaf times the rate. */
export interface TreeSet {
  /** Log-odds of article text before any tree. */
  base: number;
  /** Each tree's output is scaled by this (the learning rate). */
  rate: number;
  trees: readonly Tree[];
}

export interface PageModel extends TreeSet {
  /** The features the trees were trained on, in order: a model for other features is not used. */
  features: readonly string[];
  /**
   * The second look (context.ts): trees over the block features followed by
   * the first trees' probabilities around the block. When present, its
   * probability is the verdict.
   */
  context?: TreeSet & { features: readonly string[] };
  /** A block is kept when its (final) probability reaches this (chosen for the best mean F1 per page). */
  threshold: number;
}

/** The features of the second look, in order. */
export const STACKED_NAMES: readonly string[] = [...FEATURE_NAMES, ...CONTEXT_NAMES];

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
/** A block's weight feature: 0 when it has no words. */
const WEIGHT = FEATURE_NAMES.indexOf('weight (log)');

const sameNames = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((n, k) => n === b[k]);
/** Whether a model fits the current features (an empty or stale one, or one with an empty or stale second look, is not used). */
export const hasModel = (model: PageModel = PAGE_MODEL): boolean =>
  model.trees.length > 0 &&
  sameNames(model.features, FEATURE_NAMES) &&
  (model.context === undefined || (model.context.trees.length > 0 && sameNames(model.context.features, STACKED_NAMES)));

/** The trees whose probability is the verdict: the second look's when there is one. */
const verdictTrees = (model: PageModel): TreeSet & { features: readonly string[] } => model.context ?? model;

/** The log-odds that a block is article text, and what each feature added along the trees' paths. */
function score(model: TreeSet, x: readonly number[], contributions?: number[]): number {
  let sum = model.base;
  for (const tree of model.trees) {
    let node = 0;
    while ((tree.feature[node] as number) >= 0) {
      const f = tree.feature[node] as number;
      const next = (x[f] as number) < (tree.threshold[node] as number) ? (tree.left[node] as number) : (tree.right[node] as number);
      if (contributions) contributions[f] = (contributions[f] as number) + model.rate * ((tree.value[next] as number) - (tree.value[node] as number));
      node = next;
    }
    sum += model.rate * (tree.value[node] as number);
  }
  return sum;
}

export interface ModelDecision {
  keep: boolean;
  probability: number;
}

/** The second look's input: each block's features followed by the context of the first trees' probabilities (the trainer builds its rows with this too). */
export function stackedInputs(features: readonly (readonly number[])[], first: TreeSet): number[][] {
  const probabilities = features.map((x) => sigmoid(score(first, x)));
  return contextFeatures(features, probabilities).map((c, i) => [...(features[i] as number[]), ...c]);
}

/** The vectors the verdict is scored on: the block features, or with a second look, its stacked input. */
export function verdictInputs(features: readonly (readonly number[])[], model: PageModel = PAGE_MODEL): readonly (readonly number[])[] {
  return model.context ? stackedInputs(features, model) : features;
}

/** Keep or remove each block, with its probability. `inputs` are verdictInputs(features), when already at hand. */
export function decide(features: readonly (readonly number[])[], model: PageModel = PAGE_MODEL, inputs = verdictInputs(features, model)): ModelDecision[] {
  const trees = verdictTrees(model);
  const probabilities = inputs.map((x) => sigmoid(score(trees, x)));
  // Never nothing: the most likely block stays when none reaches the threshold, one with words if there is one
  // (a lone "*" left by a converter kept as a page's whole output, test T141, reads as empty).
  const hasWords = (i: number): boolean => ((features[i] as readonly number[])[WEIGHT] as number) > 0;
  const candidates = probabilities.map((_, i) => i).filter(hasWords);
  const best = (candidates.length > 0 ? candidates : probabilities.map((_, i) => i)).reduce((b, i) => ((probabilities[i] as number) > (probabilities[b] as number) ? i : b));
  return probabilities.map((probability, i) => ({ keep: probability >= model.threshold || i === best, probability }));
}

/** The three features that pushed a block's verdict down most ("stop words −1.2"), for --explain; `input` is its verdictInputs vector. */
export function reasonsAgainst(input: readonly number[], model: PageModel = PAGE_MODEL): string {
  const trees = verdictTrees(model);
  const names = trees.features;
  const contributions = new Array<number>(names.length).fill(0);
  score(trees, input, contributions);
  return contributions
    .map((value, k) => ({ name: names[k] as string, value }))
    .filter((c) => c.value < -0.05)
    .sort((a, b) => a.value - b.value)
    .slice(0, 3)
    .map((c) => `${c.name} −${Math.abs(c.value).toFixed(1)}`)
    .join(', ');
}
