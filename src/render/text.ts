/** Clean text output: each document's `text`, as clean() made it, separated by this line. */
/**
 * Separator between documents when several are written as text: a form-feed
 * line, the page break that text tools (and --split in later versions) know.
 */
export const DOCUMENT_SEPARATOR = '\f\n';
