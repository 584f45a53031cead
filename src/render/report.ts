/**
 * The human report behind --explain: every removal and duplicate with its line
 * numbers and reason. The only module that uses chalk; color is decided by the
 * caller and passed in.
 */
import { Chalk } from 'chalk';
import type { CleanResult } from '../types.js';

const PREVIEW = 100;

// A run of spaces is matched from its start only (the lookbehind): tried from every place inside a long
// run that holds no line break, `\s*\n` would cost the square of the run (removed text is the input as it was).
const LINE_BREAK = /(?<!\s)\s*\n\s*/g;

function preview(text: string): string {
  const oneLine = text.replace(LINE_BREAK, ' ⏎ ');
  return oneLine.length > PREVIEW ? `${oneLine.slice(0, PREVIEW - 1)}…` : oneLine;
}

function lineLabel([first, last]: [number, number]): string {
  return first === last ? `L${first}` : `L${first}-${last}`;
}

export function renderReport(result: CleanResult, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [`${c.bold(result.source ?? '-')}${result.mode === 'page' ? c.dim(' (read as a whole page)') : ''}`];
  type Event = { at: number; head: string; lines: [number, number]; text: string; rule?: string; reason?: string; count: number };
  const sorted: Event[] = [
    ...result.removed.map((r) => ({
      at: r.lines[0],
      head: `${c.red('removed')}   ${c.cyan(r.rule)}: ${r.reason}${r.detail ? c.dim(` (${r.detail})`) : ''}`,
      lines: [...r.lines] as [number, number],
      text: r.text,
      rule: r.rule,
      reason: r.reason,
      count: 1,
    })),
    ...(result.changes ?? []).map((ch) => ({
      at: ch.lines[0],
      head: `${c.magenta('repaired')}  ${ch.reason}`,
      lines: [...ch.lines] as [number, number],
      text: `${ch.before} → ${ch.after}`,
      count: 1,
    })),
    ...result.duplicates.map((d) => ({
      at: d.lines[0],
      head: `${c.yellow('duplicate')} ${d.kind} copy of ${lineLabel(d.of.lines)}${d.of.source ? ` in ${d.of.source}` : ''} (similarity ${d.similarity.toFixed(2)})`,
      lines: [...d.lines] as [number, number],
      text: d.text,
      count: 1,
    })),
  ].sort((a, b) => a.at - b.at);
  // Page mode removes menus item by item: one line per run of the same page rule.
  const events: Event[] = [];
  for (const e of sorted) {
    const last = events[events.length - 1];
    if (last && e.rule?.startsWith('page/') && last.rule === e.rule) {
      last.lines[1] = e.lines[1];
      last.count++;
      last.head = `${c.red('removed')}   ${c.cyan(e.rule)}: ${e.reason} ${c.dim(`(${last.count} blocks)`)}`;
    } else {
      events.push(e);
    }
  }
  for (const e of events) {
    out.push(`  ${lineLabel(e.lines).padEnd(9)} ${e.head}`);
    out.push(`  ${' '.repeat(9)} ${c.dim(`│ ${preview(e.text)}`)}`);
  }
  const md = Object.entries(result.metadata)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join('  ');
  if (md) out.push(`  ${c.green('metadata')}  ${md}`);
  const s = result.stats;
  out.push(
    c.dim(`  ${s.contentLinesIn} content lines in: ${s.linesOut} kept in ${s.paragraphsOut} paragraphs, ${s.removed} removed, ${s.duplicateLines} in ${s.duplicates} duplicate paragraphs`),
  );
  return out.join('\n') + '\n';
}

/** The rule registry as a table (for --list-rules). */
/** A rule as --list-rules shows it: line rules with their zone, page and template rules with "page" and "batch". */
export interface ListedRule {
  id: string;
  description: string;
  zone: string;
  /** The config file a rule of your own comes from (built-in rules have none). */
  origin?: string;
}

export function renderRuleList(all: readonly ListedRule[], color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const width = Math.max(...all.map((r) => r.id.length));
  return all.map((r) => `${c.cyan(r.id.padEnd(width))}  ${r.zone.padEnd(8)}  ${r.description}${r.origin ? c.dim(`  (from ${r.origin})`) : ''}`).join('\n') + '\n';
}
