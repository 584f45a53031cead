/**
 * Page mode: for a whole-page dump, mark every block that is not the article
 * as removed (menus, link lists, widgets, sidebars), next to the line rules'
 * verdicts. See classify.ts for how the article is found.
 */
import type { LineVerdict } from '../core/apply-rules.js';
import type { ContentLine } from '../core/segment.js';
import type { CleanOptions } from '../types.js';
import { pageBlocks, type PageBlock } from './blocks.js';
import { classifyBlocks, PAGE_RULES, type PageRuleId } from './classify.js';
import { looksLikePage } from './detect.js';
import { detectLanguage, type ProseMemo } from './prose.js';

export { PAGE_RULES } from './classify.js';
export { proseMemo } from './prose.js';

const RULES = new Map(PAGE_RULES.map((r) => [r.id, r]));

/**
 * The blocks of the lines neither removed yet nor `excluded` (dropped as
 * duplicates). After the first round, wrapped lines are found as in the
 * output (`pageBlocks`' `widthOfStanding`) and removed lines no longer mark
 * the block after them: the last rounds see what a second cleaning of the
 * output would see.
 */
export function standingBlocks(
  lines: readonly ContentLine[],
  verdicts: readonly (LineVerdict | undefined)[],
  excluded: (index: number) => boolean = () => false,
  firstRound = true,
): PageBlock[] {
  // Which rule removed the line before a block (a signature, a byline) is evidence only in the first round: a
  // second cleaning of the output has no removed lines, and the last rounds must see what it will see.
  return pageBlocks(lines, (i) => verdicts[i] === undefined && !excluded(i), firstRound ? (i) => verdicts[i]?.rule.id : undefined, !firstRound);
}

/** Whether the document is read as a page: asked for, or (auto) shaped like one once the line rules have run. */
export function readsAsPage(blocks: readonly PageBlock[], options: CleanOptions): boolean {
  const mode = options.mode ?? 'auto';
  if (mode === 'article' || blocks.length === 0) return false;
  return mode === 'page' || looksLikePage(blocks);
}

/**
 * Add a verdict for each line of each block that is not the article. Returns
 * whether anything new was removed. `memo` carries what earlier rounds learnt about block texts.
 */
export function findArticle(blocks: readonly PageBlock[], verdicts: (LineVerdict | undefined)[], options: CleanOptions, memo?: ProseMemo): boolean {
  if (blocks.length === 0) return false;
  const disabled = new Set(options.disable ?? []);
  const language = detectLanguage(blocks.map((b) => b.text), memo);
  const decisions = classifyBlocks(blocks, { language, ...(memo ? { memo } : {}), ...(options.title === false ? { title: false } : {}) });
  let changed = false;
  decisions.forEach((decision, b) => {
    if (!decision || disabled.has(decision.rule) || disabled.has('page')) return;
    const verdict: LineVerdict = { rule: RULES.get(decision.rule as PageRuleId) as LineVerdict['rule'], detail: decision.detail };
    for (const i of (blocks[b] as PageBlock).indices) verdicts[i] = verdict;
    changed = true;
  });
  return changed;
}
