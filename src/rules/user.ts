/**
 * User rules: boilerplate a site has that the built-in rules do not know,
 * declared as data in a config file (article-clean.config.json or
 * .articlecleanrc; see README "Your own rules"). Validated before anything is
 * cleaned: a bad rule is an error naming the file, the rule and the reason.
 *
 * A spec is plain data, so it crosses to worker threads as it is; clean()
 * compiles it (compileUserRules, memoised by content).
 */
import { MAX_RULE_LINE_LENGTH } from '../core/apply-rules.js';
import { parseCount } from '../core/metadata.js';
import type { Metadata, Rule, RuleZone } from '../types.js';
import { patternRule } from './define.js';
import { ruleSelectors } from './index.js';

export interface UserRuleSpec {
  /** "family/name", like the built-in ids ("site/newsletter-box"). */
  id: string;
  /** One line: the removal reason. */
  description: string;
  /** A JavaScript regular expression tried on each (normalized) line; anchor it with ^…$ to match whole lines. */
  pattern: string;
  /** Regular expression flags: "i" (any case) and "s" only; "u" is always on. */
  flags?: string;
  zone?: RuleZone;
  /** Longest line the rule looks at (default and cap: 400). */
  maxLength?: number;
  /** Keep what a capture group holds as metadata: { "field": "source", "group": 1 }. */
  lift?: { field: LiftField; group: number };
  /** Lines the pattern must remove, and lines it must not: checked when the config is read. */
  examples?: { removes?: string[]; keeps?: string[] };
}

export interface UserConfig {
  rules: UserRuleSpec[];
  /** Built-in rule ids or families to turn off (as --disable). */
  disable: string[];
}

const STRING_FIELDS = ['category', 'source', 'byline', 'editor', 'photoCredit'] as const;
const COUNT_FIELDS = ['views', 'comments', 'likes', 'shares'] as const;
type LiftField = (typeof STRING_FIELDS)[number] | (typeof COUNT_FIELDS)[number] | 'tags';
const LIFT_FIELDS: readonly string[] = [...STRING_FIELDS, ...COUNT_FIELDS, 'tags'];
const ZONES: readonly string[] = ['anywhere', 'header', 'footer', 'edges'];
const RULE_KEYS = new Set(['id', 'description', 'pattern', 'flags', 'zone', 'maxLength', 'lift', 'examples']);
const CONFIG_KEYS = new Set(['$schema', 'rules', 'disable']);

/** A pattern slower than this on a hostile 400-character line is refused: it backtracks catastrophically. */
const SLOW_PATTERN_MS = 20;

/** What is wrong with a config, for one line on stderr: "rule "site/x": invalid pattern: ...". */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Check a parsed config file and return it typed; throws ConfigError on the first problem. */
export function validateConfig(value: unknown): UserConfig {
  if (!isObject(value)) throw new ConfigError('the config must be a JSON object with "rules" and/or "disable"');
  for (const key of Object.keys(value)) if (!CONFIG_KEYS.has(key)) throw new ConfigError(`unknown key "${key}" (expected "rules", "disable")`);
  const disable = value.disable ?? [];
  if (!Array.isArray(disable) || disable.some((d) => typeof d !== 'string')) throw new ConfigError('"disable" must be a list of rule ids or families');
  const known = ruleSelectors();
  for (const name of disable as string[]) if (!known.has(name)) throw new ConfigError(`"disable": unknown rule "${name}" (see --list-rules)`);
  const rules = value.rules ?? [];
  if (!Array.isArray(rules)) throw new ConfigError('"rules" must be a list');
  const ids = new Set<string>();
  const specs = rules.map((rule, i) => {
    const spec = validateRule(rule, i);
    if (known.has(spec.id)) throw new ConfigError(`rule "${spec.id}": the id of a built-in rule; give it a family of your own ("site/...")`);
    if (ids.has(spec.id)) throw new ConfigError(`rule "${spec.id}": defined twice`);
    ids.add(spec.id);
    return spec;
  });
  return { rules: specs, disable: disable as string[] };
}

function validateRule(rule: unknown, i: number): UserRuleSpec {
  const where = isObject(rule) && typeof rule.id === 'string' ? `rule "${rule.id}"` : `rule ${i + 1}`;
  const fail = (message: string): never => {
    throw new ConfigError(`${where}: ${message}`);
  };
  if (!isObject(rule)) return fail('must be an object');
  for (const key of Object.keys(rule)) if (!RULE_KEYS.has(key)) fail(`unknown key "${key}"`);
  if (typeof rule.id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rule.id)) fail('"id" must be "family/name" in lowercase letters, digits and dashes');
  if (typeof rule.description !== 'string' || rule.description.trim() === '' || rule.description.includes('\n')) fail('"description" must be one line of text');
  if (typeof rule.pattern !== 'string' || rule.pattern === '') fail('"pattern" must be a regular expression (a string)');
  const flags = rule.flags ?? '';
  if (typeof flags !== 'string' || !/^(?!.*(.).*\1)[is]*$/.test(flags)) fail('"flags" may hold "i" and "s" only');
  if (rule.zone !== undefined && !ZONES.includes(rule.zone as string)) fail(`"zone" must be one of ${ZONES.join(', ')}`);
  const maxLength = rule.maxLength;
  if (maxLength !== undefined && (!Number.isInteger(maxLength) || (maxLength as number) < 1 || (maxLength as number) > MAX_RULE_LINE_LENGTH)) fail(`"maxLength" must be a whole number from 1 to ${MAX_RULE_LINE_LENGTH}`);
  let regex: RegExp;
  try {
    regex = new RegExp(rule.pattern as string, `${flags as string}u`);
  } catch (err) {
    return fail(`invalid pattern: ${(err as Error).message}`);
  }
  const lift = rule.lift;
  if (lift !== undefined) {
    if (!isObject(lift) || !LIFT_FIELDS.includes(lift.field as string)) fail(`"lift.field" must be one of ${LIFT_FIELDS.join(', ')}`);
    const groups = new RegExp(`${regex.source}|`, regex.flags).exec('')?.length ?? 1;
    if (!Number.isInteger((lift as { group?: unknown }).group) || ((lift as { group: number }).group as number) < 1 || ((lift as { group: number }).group as number) >= groups) {
      fail(`"lift.group" must be a capture group of the pattern (1 to ${groups - 1})`);
    }
  }
  checkSpeed(regex, fail);
  const examples = rule.examples;
  if (examples !== undefined) {
    if (!isObject(examples)) fail('"examples" must be { "removes": [...], "keeps": [...] }');
    const list = (name: 'removes' | 'keeps'): string[] => {
      const v = (examples as Record<string, unknown>)[name] ?? [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(`"examples.${name}" must be a list of lines`);
      return v as string[];
    };
    for (const line of list('removes')) if (!regex.test(line)) fail(`the pattern does not match its example ${JSON.stringify(line)}`);
    for (const line of list('keeps')) if (regex.test(line)) fail(`the pattern matches ${JSON.stringify(line)}, which it must keep`);
  }
  return rule as unknown as UserRuleSpec;
}

/**
 * Refuse a pattern that backtracks catastrophically. A regex cannot be
 * interrupted, so hostile lines grow step by step (2 characters at a time
 * while short, where exponential patterns blow up, then doubling up to the
 * longest line a rule sees) and the check stops at the first slow step,
 * before a step that would hang.
 */
function checkSpeed(regex: RegExp, fail: (message: string) => never): void {
  const lengths = [8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 40, 60, 100, 200, MAX_RULE_LINE_LENGTH];
  const units = ['a', ' ', 'ab ', '1', 'A a', 'a.', '-'];
  for (const unit of units) {
    for (const n of lengths) {
      const line = unit.repeat(Math.ceil(n / unit.length)).slice(0, n - 1) + '\u0000';
      // Timed twice when slow: the first run also compiles the pattern, and a busy machine can pause any run once.
      if (timed(regex, line) > SLOW_PATTERN_MS && timed(regex, line) > SLOW_PATTERN_MS) {
        fail(`the pattern is too slow on a ${n}-character line (catastrophic backtracking?): avoid nested repeats like (a+)+ or (\\w+\\s?)*`);
      }
    }
  }
}

function timed(regex: RegExp, line: string): number {
  const start = performance.now();
  regex.test(line);
  return performance.now() - start;
}

function liftValue(field: LiftField, raw: string | undefined): Metadata {
  const value = raw?.trim();
  if (!value) return {};
  if ((COUNT_FIELDS as readonly string[]).includes(field)) {
    const n = parseCount(value);
    return n === undefined ? {} : { [field]: n };
  }
  if (field === 'tags') return { tags: value.split(/\s*[,;|]\s*/u).filter((t) => t !== '') };
  return { [field]: value };
}

/** Rules from specs (already validated). */
function compile(specs: readonly UserRuleSpec[]): Rule[] {
  return specs.map((spec) => {
    const lift = spec.lift;
    return patternRule({
      id: spec.id,
      description: spec.description,
      zone: spec.zone ?? 'anywhere',
      ...(spec.maxLength === undefined ? {} : { maxLength: spec.maxLength }),
      patterns: [new RegExp(spec.pattern, `${spec.flags ?? ''}u`)],
      ...(lift ? { lift: (m: RegExpExecArray) => liftValue(lift.field, m[lift.group]) } : {}),
      examples: { removes: spec.examples?.removes ?? [], keeps: spec.examples?.keeps ?? [] },
    });
  });
}

const compiled = new Map<string, Rule[]>();

/**
 * The rules for these specs, compiled once per distinct content (clean() is
 * called per document, and in worker threads the specs arrive as copies).
 */
export function compileUserRules(specs: readonly UserRuleSpec[]): Rule[] {
  const key = JSON.stringify(specs);
  let rules = compiled.get(key);
  if (!rules) {
    rules = compile(specs);
    if (compiled.size >= 16) compiled.clear();
    compiled.set(key, rules);
  }
  return rules;
}
