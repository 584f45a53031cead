/** A compact way to declare the common kind of rule: whole-line patterns. */
import { compact } from '../core/metadata.js';
import { regexesOf, type Pattern } from './patterns.js';
import type { Metadata, Rule, RuleContext, RuleExample, RuleZone } from '../types.js';

export interface PatternRuleSpec {
  id: string;
  description: string;
  zone?: RuleZone;
  /** Longest line the rule looks at (see Rule.maxLength). */
  maxLength?: number;
  /** Whole-line patterns (anchored); the first that matches decides. */
  patterns: Pattern[];
  /**
   * What the match carries. Return null to reject the match after all
   * (a check a regex cannot express well, such as "at most 8 words").
   */
  lift?: (m: RegExpExecArray, line: string, ctx: RuleContext) => Metadata | null;
  /** Patterns the lift runs on parts of the line: listed with the rule's own for the ReDoS audit. */
  liftPatterns?: Pattern[];
  examples: { removes: RuleExample[]; keeps: RuleExample[] };
}

export function patternRule(spec: PatternRuleSpec): Rule {
  const { patterns, lift } = spec;
  return {
    id: spec.id,
    description: spec.description,
    zone: spec.zone ?? 'anywhere',
    ...(spec.maxLength === undefined ? {} : { maxLength: spec.maxLength }),
    examples: spec.examples,
    // A getter: listing the patterns builds the guarded ones, which a run may never need.
    get patterns() {
      return regexesOf([...patterns, ...(spec.liftPatterns ?? [])]);
    },
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

// The lookbehind starts the trailing match only where a run of such characters
// starts: tried at every place inside a run that does not end the line, it would cost the square of the run.
const TRIM = /^[\s|:：,;–—-]+|(?<![\s|:：,;–—-])[\s|:：,;–—-]+$/gu;

/** Trim a captured value and strip wrapping punctuation left by the layout. */
export function trimValue(value: string | undefined): string | undefined {
  const v = value?.replace(TRIM, '');
  return v === '' ? undefined : v;
}
