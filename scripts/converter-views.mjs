// The same dump as other converters would print it, for training and measuring page mode
// beyond one converter's layout. The dragnet-lynx dumps were made with `lynx -width=1024`:
// one line per paragraph, blank lines between blocks. Users' dumps often come
// from `lynx -dump` / `w3m -dump` / html2text at their default width (paragraphs wrapped
// at about 76 columns) or from Common Crawl WET records (one line per block, no blank
// lines, no indentation). Measured on 300 train pages with the model trained on lynx
// only: F1 0.869 as printed, 0.847 wrapped, 0.840 as WET (docs/QUALITY.md).

const LIST_ITEM = /^\s*(?:[*+•-]|\d+\.)\s/u;

/** A line wrapped at `width` columns the way lynx and w3m do: continuation lines keep the indentation (under a list item's text). */
function wrapLine(line, width) {
  if (line.length <= width) return [line];
  const indent = /^\s*/u.exec(line)[0];
  const hanging = LIST_ITEM.test(line) ? `${indent}  ` : indent;
  const out = [];
  let current = indent;
  for (const word of line.trim().split(/\s+/u)) {
    if (current.trim() !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = hanging + word;
    } else current = current.trim() === '' ? current + word : `${current} ${word}`;
  }
  out.push(current);
  return out;
}

export const VIEWS = {
  /** The dump as it is. */
  as: (text) => text,
  /** Paragraphs wrapped at 76 columns (lynx, w3m and html2text defaults). */
  wrap: (text) => text.split('\n').flatMap((line) => wrapLine(line, 76)).join('\n'),
  /** One line per block, no blank lines, no indentation (Common Crawl WET). */
  wet: (text) => text.split('\n').map((line) => line.trim()).filter(Boolean).join('\n'),
};

/** The views named in a comma-separated list ("as,wrap,wet"); an unknown name is an error. */
export function viewsNamed(list) {
  return list.split(',').map((name) => {
    const view = VIEWS[name.trim()];
    if (!view) throw new Error(`unknown view "${name}" (known: ${Object.keys(VIEWS).join(', ')})`);
    return [name.trim(), view];
  });
}
