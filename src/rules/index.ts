/**
 * The rule registry, in the order rules are tried: the first rule that matches
 * a line removes it. Specific families come before general ones so a line is
 * credited to the rule that says most about it (a dateline with a view count
 * is a metadata line, not a view counter).
 */
import type { Rule } from '../types.js';
import { PAGE_RULES } from '../page/classify.js';
import { TEMPLATE_RULE } from '../core/template.js';
import { bylineRules } from './bylines.js';
import { counterRules } from './counters.js';
import { creditRules } from './credits.js';
import { dateRules } from './dates.js';
import { footerRules } from './footers.js';
import { legalRules } from './legal.js';
import { navigationRules, relatedList } from './navigation.js';
import { socialRules } from './social.js';

export const rules: readonly Rule[] = Object.freeze([
  ...dateRules,
  ...counterRules,
  ...creditRules,
  ...bylineRules,
  ...footerRules,
  ...socialRules,
  ...navigationRules,
  ...legalRules,
  relatedList,
]);

let selectors: ReadonlySet<string> | undefined;

/** Rule ids and family names ("social", "page"), for validating --disable. Built once: clean() asks per document. */
export function ruleSelectors(): ReadonlySet<string> {
  if (!selectors) {
    const names = new Set<string>();
    for (const rule of [...rules, ...PAGE_RULES, TEMPLATE_RULE]) {
      names.add(rule.id);
      names.add(rule.id.split('/')[0] as string);
    }
    selectors = names;
  }
  return selectors;
}

/** The rules left after disabling ids or whole families. Unknown names throw. */
export function selectRules(disable: readonly string[] = []): readonly Rule[] {
  if (disable.length === 0) return rules;
  const known = ruleSelectors();
  const unknown = disable.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new UnknownRuleError(unknown);
  const off = new Set(disable);
  return rules.filter((rule) => !off.has(rule.id) && !off.has(rule.id.split('/')[0] as string));
}

export class UnknownRuleError extends Error {
  constructor(readonly names: string[]) {
    super(`unknown rule ${names.map((n) => `"${n}"`).join(', ')} (see --list-rules)`);
    this.name = 'UnknownRuleError';
  }
}
