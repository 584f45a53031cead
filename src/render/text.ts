/** Clean text output. */
import type { CleanResult } from '../types.js';

/**
 * Separator between documents when several are written as text: a form-feed
 * line, the page break that text tools (and --split in later versions) know.
 */
export const DOCUMENT_SEPARATOR = '\f\n';

export function renderText(results: readonly CleanResult[]): string {
  return results.map((r) => r.text).join(DOCUMENT_SEPARATOR);
}
