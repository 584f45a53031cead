/**
 * Page mode: for a whole-page dump, mark every block that is not the article
 * as removed (menus, link lists, widgets, sidebars), next to the line rules'
 * verdicts. See classify.ts for how the article is found.
 */
import type { LineVerdict } from '../core/apply-rules.js';
import type { ContentLine } from '../core/segment.js';
import type { CleanOptions } from '../types.js';
import { pageBlocks } from './blocks.js';
import { classifyBlocks, PAGE_RULES, type PageRuleId } from './classify.js';
import { looksLikePage } from './detect.js';
import { detectLanguage } from './prose.js';

export { PAGE_RULES } from './classify.js';

const RULES = new Map(PAGE_RULES.map((r) => [r.id, r]));

/**
 * Decide the mode and, for a page, add a verdict for each line of each block
 * that is not the article. Returns whether the document was read as a page.
 */
export function findArticle(lines: readonly ContentLine[], verdicts: (LineVerdict | undefined)[], options: CleanOptions): boolean {
  const mode = options.mode ?? 'auto';
  if (mode === 'article') return false;
  const blocks = pageBlocks(lines, (i) => verdicts[i] === undefined, (i) => verdicts[i]?.rule.id);
  if (blocks.length === 0 || (mode === 'auto' && !looksLikePage(blocks))) return false;
  const disabled = new Set(options.disable ?? []);
  const language = detectLanguage(blocks.map((b) => b.text));
  const decisions = classifyBlocks(blocks, { language, ...(options.title === false ? { title: false } : {}) });
  decisions.forEach((decision, b) => {
    if (!decision || disabled.has(decision.rule) || disabled.has('page')) return;
    const verdict: LineVerdict = { rule: RULES.get(decision.rule as PageRuleId) as LineVerdict['rule'], detail: decision.detail };
    for (const i of (blocks[b] as (typeof blocks)[number]).indices) verdicts[i] = verdict;
  });
  return true;
}
