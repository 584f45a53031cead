/**
 * Similarity of paragraphs: the Sørensen–Dice coefficient over character
 * bigrams, whitespace ignored, as string-similarity defines it.
 *
 * This is the one file that imports string-similarity (no longer maintained
 * upstream: swap it here and nowhere else). Its compareTwoStrings builds both
 * bigram maps on every call; comparing one paragraph with many, we build each
 * paragraph's bigram profile once and compute the same value from the
 * profiles (profileDice), then confirm hits with string-similarity itself, so
 * the threshold means exactly what the package says.
 */
import stringSimilarity from 'string-similarity';

/** Dice coefficient of two strings, by string-similarity: 1 identical, 0 nothing in common. */
export function dice(a: string, b: string): number {
  return stringSimilarity.compareTwoStrings(a, b);
}

/** A string's bigram multiset, built once and compared many times. */
export interface BigramProfile {
  /** The string without whitespace. */
  squashed: string;
  /** Bigram (two UTF-16 code units packed in a number) → count. */
  counts: Map<number, number>;
}

export function bigramProfile(text: string): BigramProfile {
  const squashed = text.replace(/\s+/g, '');
  const counts = new Map<number, number>();
  for (let i = 0; i < squashed.length - 1; i++) {
    const bigram = squashed.charCodeAt(i) * 0x10000 + squashed.charCodeAt(i + 1);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  return { squashed, counts };
}

/** The same value as dice() on the profiles' strings, without rebuilding either bigram map. */
export function profileDice(a: BigramProfile, b: BigramProfile): number {
  if (a.squashed === b.squashed) return 1;
  if (a.squashed.length < 2 || b.squashed.length < 2) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a.counts, b.counts] : [b.counts, a.counts];
  let shared = 0;
  for (const [bigram, count] of small) {
    const other = large.get(bigram);
    if (other !== undefined) shared += Math.min(count, other);
  }
  return (2 * shared) / (a.squashed.length + b.squashed.length - 2);
}
