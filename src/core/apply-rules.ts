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
  rule: Rule;
  metadata?: Metadata;
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

/** Returns, for each content line, the verdict of the rule that removed it (or undefined when kept). */
export function applyRules(lines: readonly ContentLine[], rules: readonly Rule[]): (LineVerdict | undefined)[] {
  const count = lines.length;
  const verdicts: (LineVerdict | undefined)[] = new Array(count).fill(undefined);
  if (count === 0 || rules.length === 0) return verdicts;
  const texts = lines.map((l) => l.text);
  const edge = zoneSize(count);
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
    zone.header = index < edge;
    zone.footer = index >= count - edge;
    for (const rule of candidates) {
      if (!inZone(rule.zone, zone)) continue;
      const match = rule.test(text, ctx);
      if (match) {
        verdicts[index] = match.metadata && Object.keys(match.metadata).length > 0 ? { rule, metadata: match.metadata } : { rule };
        return true;
      }
    }
    return false;
  };

  for (index = 0; index < count; index++) tryRules(rules);
  const contextual = rules.filter((r) => r.contextual);
  for (let pass = 0; pass < MAX_CONTEXT_PASSES && contextual.length > 0; pass++) {
    let changed = false;
    for (index = 0; index < count; index++) {
      if (verdicts[index] === undefined && tryRules(contextual)) changed = true;
    }
    if (!changed) break;
  }
  return verdicts;
}
