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

export interface PageModel {
  /** The features the trees were trained on, in order: a model for other features is not used. */
  features: readonly string[];
  /** Log-odds of article text before any tree. */
  base: number;
  /** Each tree's output is scaled by this (the learning rate). */
  rate: number;
  trees: readonly Tree[];
  /** A block is kept when its probability reaches this (chosen for the best mean F1 per page). */
  threshold: number;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Whether a model fits the current features (an empty or stale one is not used). */
export const hasModel = (model: PageModel = PAGE_MODEL): boolean =>
  model.trees.length > 0 && model.features.length === FEATURE_NAMES.length && model.features.every((n, k) => n === FEATURE_NAMES[k]);

/** The log-odds that a block is article text, and what each feature added along the trees' paths. */
function score(model: PageModel, x: readonly number[], contributions?: number[]): number {
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

/** Keep or remove each block, with its probability. */
export function decide(features: readonly (readonly number[])[], model: PageModel = PAGE_MODEL): ModelDecision[] {
  const probabilities = features.map((x) => sigmoid(score(model, x)));
  // Never nothing: the most likely block stays when none reaches the threshold.
  const best = probabilities.reduce((b, p, i) => (p > (probabilities[b] as number) ? i : b), 0);
  return probabilities.map((probability, i) => ({ keep: probability >= model.threshold || i === best, probability }));
}

/** The three features that pushed a block's score down most ("stop words −1.2"), for --explain. */
export function reasonsAgainst(x: readonly number[], model: PageModel = PAGE_MODEL): string {
  const contributions = new Array<number>(FEATURE_NAMES.length).fill(0);
  score(model, x, contributions);
  return contributions
    .map((value, k) => ({ name: FEATURE_NAMES[k] as string, value }))
    .filter((c) => c.value < -0.05)
    .sort((a, b) => a.value - b.value)
    .slice(0, 3)
    .map((c) => `${c.name} −${Math.abs(c.value).toFixed(1)}`)
    .join(', ');
}
