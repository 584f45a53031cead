/**
 * Repeated paragraphs inside one document: exact copies, near copies (lightly
 * edited), and contained copies (a teaser or a copy cut short).
 *
 * Cost: a pair is only compared when the paragraphs share a word shingle and
 * their lengths allow the threshold to be reached, so a page of n paragraphs
 * costs far less than n² Dice computations (see docs/ARCHITECTURE.md).
 */
import type { DuplicateKind, KeepPolicy } from '../types.js';
import { canonicalize, shingles, tokenize, utf8Length } from './canonical.js';
import { dice } from './similarity.js';

export interface DedupeOptions {
  threshold: number;
  keep: KeepPolicy;
  minBytes: number;
  /** Share of a shorter copy's shingles found in a longer one that makes it a contained copy. */
  containment: number;
}

export const DEFAULT_THRESHOLD = 0.85;
export const DEFAULT_MIN_BYTES = 50;
export const DEFAULT_CONTAINMENT = 0.9;

export interface DedupeInput {
  /** The paragraph's lines, normalized. */
  lines: readonly string[];
}

export interface DuplicateVerdict {
  /** Index of the kept paragraph this one copies. */
  of: number;
  kind: DuplicateKind;
  similarity: number;
}

/** Two paragraphs found to be copies; `a` is the shorter one. */
interface Relation {
  a: number;
  b: number;
  kind: DuplicateKind;
  similarity: number;
}

interface Candidate {
  index: number;
  canonical: string;
  bytes: number;
  shingles: Set<number>;
}

/** Verse and lists (several short lines) repeat on purpose: a chorus, a list item. */
const VERSE_LINE_MAX = 60;
function isVerseOrList(lines: readonly string[]): boolean {
  return lines.length >= 2 && lines.every((l) => l.length <= VERSE_LINE_MAX);
}

/**
 * A near copy (Dice ≥ 0.85) keeps most word 3-shingles; pairs sharing fewer than
 * this share of the shorter one's shingles are not compared (measured in
 * docs/ARCHITECTURE.md: no pair above the threshold falls below it).
 */
const NEAR_MIN_COVERAGE = 0.1;

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The relation between two paragraphs, if they are copies; `a` is the shorter (or equal) one. */
function relate(a: Candidate, b: Candidate, opts: DedupeOptions): { kind: DuplicateKind; similarity: number } | null {
  if (a.canonical === b.canonical) return { kind: 'exact', similarity: 1 };
  // A copy cut short, or a teaser: all of it stands inside the longer one.
  if (b.canonical.includes(a.canonical)) return { kind: 'contained', similarity: 1 };
  let shared = 0;
  for (const s of a.shingles) if (b.shingles.has(s)) shared++;
  const coverage = a.shingles.size === 0 ? 0 : shared / a.shingles.size;
  // Dice ≤ 2·min/(min+max): below this length ratio the threshold cannot be reached.
  // Sharing almost no shingles rules a near copy out before the costlier Dice.
  const ratio = a.canonical.length / b.canonical.length;
  if (ratio >= opts.threshold / (2 - opts.threshold) && coverage >= NEAR_MIN_COVERAGE) {
    const similarity = dice(a.canonical, b.canonical);
    if (similarity >= opts.threshold) return { kind: 'near', similarity: round(similarity) };
  }
  if (coverage >= opts.containment) return { kind: 'contained', similarity: round(coverage) };
  return null;
}

/**
 * Decide which paragraphs are copies of which. Exact and near copies yield to
 * the copy the keep policy prefers; a contained copy always yields to the
 * fuller paragraph, since dropping that one would lose words.
 */
export function findDuplicates(paragraphs: readonly DedupeInput[], opts: DedupeOptions): Map<number, DuplicateVerdict> {
  const verdicts = new Map<number, DuplicateVerdict>();
  const candidates: Candidate[] = [];
  for (let index = 0; index < paragraphs.length; index++) {
    const lines = (paragraphs[index] as DedupeInput).lines;
    if (isVerseOrList(lines)) continue;
    const canonical = canonicalize(lines.join(' '));
    const bytes = utf8Length(canonical);
    if (bytes < opts.minBytes) continue;
    candidates.push({ index, canonical, bytes, shingles: new Set() });
  }
  if (candidates.length < 2) return verdicts;
  for (const c of candidates) c.shingles = shingles(tokenize(c.canonical));

  // Candidate pairs: paragraphs that share at least one shingle.
  const postings = new Map<number, number[]>();
  const related = new Map<number, Relation[]>();
  const link = (r: Relation): void => {
    for (const end of [r.a, r.b]) {
      const list = related.get(end);
      if (list) list.push(r);
      else related.set(end, [r]);
    }
  };
  const seen = new Set<number>();
  for (let j = 0; j < candidates.length; j++) {
    const cj = candidates[j] as Candidate;
    seen.clear();
    for (const s of cj.shingles) {
      const list = postings.get(s);
      if (list) for (const i of list) seen.add(i);
      else postings.set(s, []);
      postings.get(s)?.push(j);
    }
    for (const i of seen) {
      const ci = candidates[i] as Candidate;
      const [shorter, longer] = ci.canonical.length <= cj.canonical.length ? [ci, cj] : [cj, ci];
      const relation = relate(shorter, longer, opts);
      if (relation) link({ a: shorter.index, b: longer.index, ...relation });
    }
  }
  if (related.size === 0) return verdicts;

  const byIndex = new Map(candidates.map((c) => [c.index, c]));
  const length = (i: number): number => byIndex.get(i)?.canonical.length ?? 0;
  // Priority of being kept, for exact and near copies.
  const before = (x: number, y: number): boolean =>
    opts.keep === 'longest' && length(x) !== length(y) ? length(x) > length(y) : x < y;

  // Phase 1: exact and near copies, resolved greedily in keep-priority order.
  const order = candidates.map((c) => c.index).sort((x, y) => (before(x, y) ? -1 : before(y, x) ? 1 : 0));
  const kept = new Set<number>();
  for (const p of order) {
    let best: DuplicateVerdict | undefined;
    for (const r of related.get(p) ?? []) {
      if (r.kind === 'contained') continue;
      const other = r.a === p ? r.b : r.b === p ? r.a : -1;
      if (other < 0 || !kept.has(other)) continue;
      if (!best || r.similarity > best.similarity) best = { of: other, kind: r.kind, similarity: r.similarity };
    }
    if (best) verdicts.set(p, best);
    else kept.add(p);
  }
  // Phase 2: a survivor contained in a longer survivor yields to it (longest first, so chains end at the fullest copy).
  const survivors = [...kept].sort((x, y) => length(y) - length(x) || x - y);
  const fullest = new Set<number>();
  for (const p of survivors) {
    let best: DuplicateVerdict | undefined;
    for (const r of related.get(p) ?? []) {
      if (r.kind !== 'contained' || r.a !== p || !fullest.has(r.b)) continue;
      if (!best || r.similarity > best.similarity) best = { of: r.b, kind: r.kind, similarity: r.similarity };
    }
    if (best) verdicts.set(p, best);
    else fullest.add(p);
  }
  return verdicts;
}
