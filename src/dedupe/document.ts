/**
 * Repeated paragraphs inside one document: exact copies, near copies (lightly
 * edited), and contained copies (a teaser or a copy cut short).
 *
 * Cost: each paragraph is compared only with paragraphs already *kept*, and
 * only with those that share one of its rarer word shingles (prefix
 * filtering: a pair that shares at least a share t of a paragraph's shingles
 * must share one of its |S| − ⌈t·|S|⌉ + 1 rarest). A page of n distinct
 * paragraphs costs far fewer than n² comparisons, and a page of n copies costs
 * about n (see docs/ARCHITECTURE.md).
 */
import type { DuplicateKind, KeepPolicy } from '../types.js';
import { canonicalize, shingles, tokenize, utf8Length } from './canonical.js';
import { bigramProfile, dice, profileDice, type BigramProfile } from './similarity.js';

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

/**
 * The smallest share of word 3-shingles a near copy (Dice ≥ 0.85) keeps,
 * measured on edited copies of real paragraphs (scripts/measure-dedupe.mjs:
 * 0.2 for the shortest paragraphs); a little below it for margin.
 */
const NEAR_MIN_COVERAGE = 0.15;
/** A shingle shared by more kept paragraphs than this says nothing about any pair: it is not probed. */
const MAX_POSTINGS = 1000;
/**
 * Only the kept paragraphs sharing the most shingles with a paragraph are
 * verified with Dice. A real copy shares more than almost any other paragraph
 * does, so this bounds a page of many look-alike paragraphs (a listing of
 * "Posted by X on Y" lines) to n·K comparisons instead of n².
 */
const MAX_VERIFIED = 32;

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

interface Candidate {
  index: number;
  canonical: string;
  shingles: Set<number>;
  /** How many of its shingles no other paragraph has. */
  uniqueShingles: number;
  /** The other shingles, rarest in the document first. */
  byRarity: number[];
  /** Character bigrams, built on first use. */
  profile?: BigramProfile;
}

const profileOf = (c: Candidate): BigramProfile => (c.profile ??= bigramProfile(c.canonical));

/** Verse and lists (several short lines) repeat on purpose: a chorus, a list item. */
const VERSE_LINE_MAX = 60;
export function isVerseOrList(lines: readonly string[]): boolean {
  return lines.length >= 2 && lines.every((l) => l.length <= VERSE_LINE_MAX);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The share of a's shingles that b has too. */
function coverage(a: Candidate, b: Candidate): number {
  let shared = 0;
  for (const s of a.shingles) if (b.shingles.has(s)) shared++;
  return a.shingles.size === 0 ? 0 : shared / a.shingles.size;
}

/** The relation between two paragraphs, if they are copies; `a` is the shorter (or equal) one. */
function relate(a: Candidate, b: Candidate, opts: DedupeOptions): { kind: DuplicateKind; similarity: number } | null {
  if (a.canonical === b.canonical) return { kind: 'exact', similarity: 1 };
  // A copy cut short, or a teaser: all of it stands inside the longer one.
  if (b.canonical.includes(a.canonical)) return { kind: 'contained', similarity: 1 };
  const covered = coverage(a, b);
  // Dice ≤ 2·min/(min+max): below this length ratio the threshold cannot be reached.
  const ratio = a.canonical.length / b.canonical.length;
  if (ratio >= opts.threshold / (2 - opts.threshold) && covered >= NEAR_MIN_COVERAGE) {
    // The profile value is the package's value, computed without rebuilding
    // both bigram maps; a hit is confirmed by string-similarity itself.
    if (profileDice(profileOf(a), profileOf(b)) >= opts.threshold) {
      const similarity = dice(a.canonical, b.canonical);
      if (similarity >= opts.threshold) return { kind: 'near', similarity: round(similarity) };
    }
  }
  if (covered >= opts.containment) return { kind: 'contained', similarity: round(covered) };
  return null;
}

/** An inverted index of kept paragraphs' shingles, probed with a paragraph's rarest shingles. */
class KeptIndex {
  private readonly postings = new Map<number, Candidate[]>();
  private readonly exact = new Map<string, Candidate>();

  add(c: Candidate): void {
    if (!this.exact.has(c.canonical)) this.exact.set(c.canonical, c);
    // Shingles no other paragraph has are never probed: only the shared ones are indexed.
    for (const s of c.byRarity) {
      const list = this.postings.get(s);
      if (list) list.push(c);
      else this.postings.set(s, [c]);
    }
  }

  exactCopy(c: Candidate): Candidate | undefined {
    return this.exact.get(c.canonical);
  }

  /**
   * Kept paragraphs that may share at least a share t of c's shingles, most
   * shared first. Any such paragraph shares one of c's |S| − ⌈t·|S|⌉ + 1
   * rarest shingles, so only those are probed.
   */
  probe(c: Candidate, t: number): Candidate[] {
    const prefix = c.shingles.size - Math.ceil(t * c.shingles.size) + 1;
    // Shingles no other paragraph has lead the rarity order and can match nothing.
    const probed = prefix - c.uniqueShingles;
    if (probed <= 0) return [];
    const counts = new Map<Candidate, number>();
    for (let i = 0; i < probed && i < c.byRarity.length; i++) {
      const list = this.postings.get(c.byRarity[i] as number);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const other of list) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
    if (counts.size <= MAX_VERIFIED) return [...counts.keys()];
    return [...counts.entries()]
      .sort((x, y) => y[1] - x[1] || x[0].index - y[0].index)
      .slice(0, MAX_VERIFIED)
      .map(([other]) => other);
  }
}

/**
 * What dedupe derives from a paragraph's text alone. clean() dedupes once per
 * round and most paragraphs come back unchanged, so it keeps these by text
 * across rounds instead of canonicalizing and shingling them again.
 */
export interface PreparedText {
  /** null: too short to be compared. */
  canonical: string | null;
  shingles?: Set<number>;
}
export type DedupeMemo = Map<string, PreparedText>;

function prepareText(text: string, minBytes: number): PreparedText {
  // The canonical form is never longer than the text: skip short ones before building it.
  if (utf8Length(text) < minBytes) return { canonical: null };
  const canonical = canonicalize(text);
  return { canonical: utf8Length(canonical) < minBytes ? null : canonical };
}

const TWO_32 = 2 ** 32;

function prepare(paragraphs: readonly DedupeInput[], minBytes: number, memo: DedupeMemo): Candidate[] {
  const candidates: Candidate[] = [];
  const prepared: PreparedText[] = [];
  for (let index = 0; index < paragraphs.length; index++) {
    const lines = (paragraphs[index] as DedupeInput).lines;
    if (isVerseOrList(lines)) continue;
    const text = lines.join(' ');
    let entry = memo.get(text);
    if (!entry) memo.set(text, (entry = prepareText(text, minBytes)));
    if (entry.canonical === null) continue;
    candidates.push({ index, canonical: entry.canonical, shingles: new Set(), uniqueShingles: 0, byRarity: [] });
    prepared.push(entry);
  }
  if (candidates.length < 2) return candidates;
  const frequency = new Map<number, number>();
  candidates.forEach((c, k) => {
    const entry = prepared[k] as PreparedText;
    c.shingles = entry.shingles ??= shingles(tokenize(c.canonical));
    for (const s of c.shingles) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  });
  for (const c of candidates) {
    // Rarest first, ties by hash: sorted as one number each (frequency · 2³² + hash), without a comparator.
    const keys: number[] = [];
    for (const s of c.shingles) {
      const f = frequency.get(s) as number;
      if (f === 1) c.uniqueShingles++;
      else keys.push(f * TWO_32 + s);
    }
    c.byRarity = Array.from(Float64Array.from(keys).sort(), (key) => key % TWO_32);
  }
  return candidates;
}

/**
 * Decide which paragraphs are copies of which. Exact and near copies yield to
 * the copy the keep policy prefers; a contained copy always yields to the
 * fuller paragraph, since dropping that one would lose words.
 *
 * `kept` marks the paragraphs kept by an earlier call on the same document
 * (clean() dedupes again after removing lines): they come first, so that
 * removing a boilerplate line from the kept copy does not hand the choice to
 * another copy, whose own boilerplate line would then go in the next round.
 * `memo` carries what was derived from paragraph texts between such calls
 * (it must be used with one `minBytes` only).
 */
export function findDuplicates(
  paragraphs: readonly DedupeInput[],
  opts: DedupeOptions,
  kept?: readonly boolean[],
  memo: DedupeMemo = new Map(),
): Map<number, DuplicateVerdict> {
  const verdicts = new Map<number, DuplicateVerdict>();
  const candidates = prepare(paragraphs, opts.minBytes, memo);
  if (candidates.length < 2) return verdicts;
  const len = (c: Candidate): number => c.canonical.length;
  const keptBefore = (c: Candidate): number => (kept?.[c.index] ? 0 : 1);

  // Phase 1: exact and near copies, in keep-priority order; each paragraph is
  // compared with the ones already kept.
  const order =
    opts.keep === 'longest'
      ? [...candidates].sort((x, y) => keptBefore(x) - keptBefore(y) || len(y) - len(x) || x.index - y.index)
      : kept
        ? [...candidates].sort((x, y) => keptBefore(x) - keptBefore(y) || x.index - y.index)
        : candidates;
  const index = new KeptIndex();
  const survivors: Candidate[] = [];
  for (const p of order) {
    const same = index.exactCopy(p);
    if (same) {
      verdicts.set(p.index, { of: same.index, kind: 'exact', similarity: 1 });
      continue;
    }
    let best: DuplicateVerdict | undefined;
    for (const q of index.probe(p, NEAR_MIN_COVERAGE)) {
      const [shorter, longer] = len(p) <= len(q) ? [p, q] : [q, p];
      const relation = relate(shorter, longer, opts);
      if (relation?.kind === 'near' && (!best || relation.similarity > best.similarity)) {
        best = { of: q.index, ...relation };
      }
    }
    if (best) verdicts.set(p.index, best);
    else {
      index.add(p);
      survivors.push(p);
    }
  }

  // Phase 2a: a survivor that is a near or contained copy of one kept before
  // yields to it, even when the kept one has since lost a boilerplate line
  // and the copy now looks fuller (it would lose the same line next round).
  let rest = survivors;
  if (kept) {
    const before = new KeptIndex();
    for (const p of survivors) if (keptBefore(p) === 0) before.add(p);
    rest = [];
    for (const p of survivors) {
      let best: DuplicateVerdict | undefined;
      if (keptBefore(p) === 1) {
        for (const q of before.probe(p, NEAR_MIN_COVERAGE)) {
          const relation = relate(p, q, opts);
          if (relation && (!best || relation.similarity > best.similarity)) best = { of: q.index, ...relation };
        }
      }
      if (best) verdicts.set(p.index, best);
      else rest.push(p);
    }
  }

  // Phase 2b: a survivor contained in a longer survivor yields to it. Longest
  // first, so every paragraph probed is shorter than all the ones indexed.
  rest.sort((x, y) => len(y) - len(x) || x.index - y.index);
  const fullest = new KeptIndex();
  for (const p of rest) {
    let best: DuplicateVerdict | undefined;
    // Probe wider than the containment share: a substring cut mid-word loses a boundary shingle.
    for (const q of fullest.probe(p, Math.min(opts.containment, 0.5))) {
      const relation = relate(p, q, opts);
      if (relation?.kind === 'contained' && (!best || relation.similarity > best.similarity)) {
        best = { of: q.index, ...relation };
      }
    }
    if (best) verdicts.set(p.index, best);
    else fullest.add(p);
  }

  // A copy of a paragraph that yielded in phase 2 is a copy of the one that
  // paragraph yielded to, in the end (each step leads to a later phase's
  // keeper, and phase 2b's are never dropped): name that one, with this
  // copy's own relation to it (the share of its shingles there, when it is
  // neither an exact nor a near copy of it).
  const byIndex = new Map(candidates.map((c) => [c.index, c]));
  for (const [index, verdict] of verdicts) {
    let target = verdict.of;
    for (let next = verdicts.get(target); next; next = verdicts.get(target)) target = next.of;
    if (target === verdict.of) continue;
    const [copy, keeper] = [byIndex.get(index) as Candidate, byIndex.get(target) as Candidate];
    const relation = relate(copy, keeper, opts) ?? { kind: 'contained' as const, similarity: round(coverage(copy, keeper)) };
    verdicts.set(index, { of: target, ...relation });
  }
  return verdicts;
}
