/**
 * The human report behind --explain: every removal and duplicate with its line
 * numbers and reason. The only module that uses chalk; color is decided by the
 * caller and passed in.
 */
import { Chalk } from 'chalk';
import type { CleanResult, Rule } from '../types.js';

const PREVIEW = 100;

function preview(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return oneLine.length > PREVIEW ? `${oneLine.slice(0, PREVIEW - 1)}…` : oneLine;
}

function lineLabel([first, last]: [number, number]): string {
  return first === last ? `L${first}` : `L${first}-${last}`;
}

export function renderReport(result: CleanResult, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [c.bold(result.source ?? '-')];
  const events = [
    ...result.removed.map((r) => ({
      at: r.lines[0],
      head: `${c.red('removed')}   ${c.cyan(r.rule)}: ${r.reason}`,
      lines: r.lines,
      text: r.text,
    })),
    ...result.duplicates.map((d) => ({
      at: d.lines[0],
      head: `${c.yellow('duplicate')} ${d.kind} copy of ${lineLabel(d.of.lines)}${d.of.source ? ` in ${d.of.source}` : ''} (similarity ${d.similarity.toFixed(2)})`,
      lines: d.lines,
      text: d.text,
    })),
  ].sort((a, b) => a.at - b.at);
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
export function renderRuleList(rules: readonly Rule[], color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const width = Math.max(...rules.map((r) => r.id.length));
  return rules.map((r) => `${c.cyan(r.id.padEnd(width))}  ${r.zone.padEnd(8)}  ${r.description}`).join('\n') + '\n';
}
