/**
 * Runs the rule registry over a document's content lines. Rules see their
 * zone and their neighbours; contextual rules are re-run until nothing
 * changes, so a bare "1518" between two metadata lines is found whichever
 * side was removed first.
 */
import type { Metadata, Rule, RuleContext, RuleZone, Zone } from '../types.js';
import type { ContentLine } from './segment.js';

/** Lines longer than this are never boilerplate: no rule looks at them (and none can be slow on them). */
export const MAX_RULE_LINE_LENGTH = 400;
/** Contextual passes after the first; each one only re-tests lines still kept. */
const MAX_CONTEXT_PASSES = 4;

export interface LineVerdict {
  /** The line rule, or page-mode classifier rule, that removed the line. */
  rule: Pick<Rule, 'id' | 'description'>;
  metadata?: Metadata;
  /** What decided it, for rules that weigh features (page mode). */
  detail?: string;
}

/** How many content lines at each end count as header or footer: a quarter of the document, 3 to 8 lines. */
export function zoneSize(count: number): number {
  return Math.min(8, Math.max(3, Math.ceil(count / 4)));
}

function inZone(zone: RuleZone, at: Zone): boolean {
  switch (zone) {
    case 'anywhere':
      return true;
    case 'header':
      return at.header;
    case 'footer':
      return at.footer;
    case 'edges':
      return at.header || at.footer;
  }
}

/**
 * Apply the rules to every content line that is neither removed yet nor
 * `excluded` (dropped as a duplicate), adding to `verdicts`. Zones are
 * measured over those lines only, so that cleaning the clean text again finds
 * each line in the same zone (idempotence). Returns whether anything new was removed.
 */
export function applyRules(
  lines: readonly ContentLine[],
  rules: readonly Rule[],
  verdicts: (LineVerdict | undefined)[],
  excluded: (index: number) => boolean = () => false,
): boolean {
  const count = lines.length;
  if (count === 0 || rules.length === 0) return false;
  const texts = lines.map((l) => l.text);
  // Rank of each candidate line among the lines still standing, for its zone.
  const rank = new Int32Array(count).fill(-1);
  let standing = 0;
  for (let i = 0; i < count; i++) if (verdicts[i] === undefined && !excluded(i)) rank[i] = standing++;
  const edge = zoneSize(standing);
  const zone: Zone = { header: false, footer: false };
  let index = 0;
  const at = (offset: number): number => index + offset;
  const ctx: RuleContext = {
    get index() {
      return index;
    },
    lines: texts,
    zone,
    line: (offset) => texts[at(offset)],
    removedBy: (offset) => verdicts[at(offset)]?.rule.id,
    standsAlone(offset = 0) {
      const i = at(offset);
      const p = lines[i]?.paragraph;
      return p !== undefined && lines[i - 1]?.paragraph !== p && lines[i + 1]?.paragraph !== p;
    },
  };

  const tryRules = (candidates: readonly Rule[]): boolean => {
    const text = texts[index] as string;
    if (text.length > MAX_RULE_LINE_LENGTH) return false;
    const r = rank[index] as number;
    zone.header = r < edge;
    zone.footer = r >= standing - edge;
    for (const rule of candidates) {
      if (!inZone(rule.zone, zone) || (rule.maxLength !== undefined && text.length > rule.maxLength)) continue;
      const match = rule.test(text, ctx);
      if (match) {
        verdicts[index] = match.metadata && Object.keys(match.metadata).length > 0 ? { rule, metadata: match.metadata } : { rule };
        return true;
      }
    }
    return false;
  };

  let changed = false;
  for (index = 0; index < count; index++) {
    if (rank[index] !== -1 && tryRules(rules)) changed = true;
  }
  const contextual = rules.filter((r) => r.contextual);
  for (let pass = 0; pass < MAX_CONTEXT_PASSES && contextual.length > 0; pass++) {
    let changedInPass = false;
    for (index = 0; index < count; index++) {
      if (rank[index] !== -1 && verdicts[index] === undefined && tryRules(contextual)) changedInPass = true;
    }
    if (!changedInPass) break;
    changed = true;
  }
  return changed;
}
