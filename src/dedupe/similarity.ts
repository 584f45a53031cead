/**
 * The one file that imports string-similarity. The package is no longer
 * maintained upstream; everything else calls dice() so it can be swapped out
 * here without touching callers.
 */
import stringSimilarity from 'string-similarity';

/**
 * Sørensen–Dice coefficient over character bigrams (whitespace ignored):
 * 1 for identical strings, 0 for strings with no bigram in common.
 */
export function dice(a: string, b: string): number {
  return stringSimilarity.compareTwoStrings(a, b);
}
