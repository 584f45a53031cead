/** A compact way to declare the common kind of rule: whole-line patterns. */
import { compact } from '../core/metadata.js';
import type { Metadata, Rule, RuleContext, RuleExample, RuleZone } from '../types.js';

export interface PatternRuleSpec {
  id: string;
  description: string;
  zone?: RuleZone;
  /** Whole-line patterns (anchored); the first that matches decides. */
  patterns: RegExp[];
  /**
   * What the match carries. Return null to reject the match after all
   * (a check a regex cannot express well, such as "at most 8 words").
   */
  lift?: (m: RegExpExecArray, line: string, ctx: RuleContext) => Metadata | null;
  examples: { removes: RuleExample[]; keeps: RuleExample[] };
}

export function patternRule(spec: PatternRuleSpec): Rule {
  const { patterns, lift } = spec;
  return {
    id: spec.id,
    description: spec.description,
    zone: spec.zone ?? 'anywhere',
    examples: spec.examples,
    test(line, ctx) {
      for (const re of patterns) {
        const m = re.exec(line);
        if (!m) continue;
        if (!lift) return {};
        const metadata = lift(m, line, ctx);
        if (metadata === null) continue;
        return { metadata: compact(metadata) };
      }
      return null;
    },
  };
}

/** Trim a captured value and strip wrapping punctuation left by the layout. */
export function trimValue(value: string | undefined): string | undefined {
  const v = value?.replace(/^[\s|:：,;–—-]+|[\s|:：,;–—-]+$/gu, '');
  return v === '' ? undefined : v;
}
