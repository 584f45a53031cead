/**
 * Building blocks the rule families share: how names, counts and phrase lists
 * look, compiled once at load time. Every pattern here is anchored and free of
 * nested unbounded quantifiers, so its cost stays linear in the line length.
 */

/** Escape text for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Phrases from a list separated by spaces, "|", "•", "·" or "/" ("Print | Email",
 * "Latest News Most Read"), as a pattern source to embed in a larger pattern.
 */
export function phraseList(phrases: readonly string[]): string {
  // One phrase can be another plus more words ("Latest" + "News" = "Latest News"):
  // left ambiguous, "Latest News Latest News ... x" has 2^n ways to fail and the
  // regex backtracks through all of them. So a phrase never matches where a
  // longer phrase it begins does (a negative lookahead), and duplicates
  // (case-insensitively) are dropped: at most one phrase matches at a place.
  const unique = [...new Map(phrases.map((p) => [p.toLowerCase(), p])).values()].sort((a, b) => b.length - a.length);
  const source = (text: string): string => escapeRegExp(text).replace(/ /g, '\\s+');
  const alternatives = unique
    .map((p) => {
      const lower = p.toLowerCase();
      const longer = unique.filter((q) => q.length > p.length && q.slice(0, p.length).toLowerCase() === lower).map((q) => source(q.slice(p.length)));
      return longer.length === 0 ? source(p) : `${source(p)}(?!${longer.join('|')})`;
    })
    .join('|');
  const phrase = `(?:${alternatives})`;
  return `${phrase}(?:(?:\\s*[|•·/]\\s*|\\s)${phrase})*`;
}

/** A line made only of phrases from a list (see phraseList). Case-insensitive. */
export function phraseLine(phrases: readonly string[], { glueDigits = false } = {}): RegExp {
  // Sites glue a counter to the last link ("Latest News2926"): optional trailing digits.
  const tail = glueDigits ? '(?:\\s*\\d{1,7})?' : '';
  // Arrows and chevrons that decorate links ("↑ Back to top", "» More news") are part of the link.
  return new RegExp(`^(?:[↑↓←→▲▼►▸»«›‹]\\s*)?${phraseList(phrases)}${tail}\\s*[:：»›→]?$`, 'iu');
}

/** A count as sites print it: 1518, 1,518, 1.2K, 2.3万, 1,2 тыс. */
/**
 * The longest line a prompt, counter, byline or short credit is taken to be:
 * about 25 words, twice the longest such line removed from 1,380 real pages
 * (a follow prompt of 69 characters, a subscribe box of 91). Prose lines are
 * longer, so these rules never run, or compile their patterns, on them.
 */
export const SHORT_LINE = 160;

/**
 * A costly pattern behind a cheap guard. Patterns with personal names repeat
 * ~30 Unicode property classes and take 2–4 ms each to build and compile,
 * which V8 does on first use: behind a guard (their label: "By", "作者",
 * "Editor") they are built only when a line first passes it, so a run that
 * meets no byline never pays. The guard must accept every line the pattern
 * accepts (test/rules.test.ts checks it on every example and fixture line).
 */
export class GuardedPattern {
  private built: RegExp | undefined;
  constructor(
    readonly guard: RegExp,
    private readonly build: () => RegExp,
  ) {
    GUARDED.push(this);
  }

  get regex(): RegExp {
    return (this.built ??= this.build());
  }

  exec(line: string): RegExpExecArray | null {
    return this.guard.test(line) ? this.regex.exec(line) : null;
  }
}

/** Every guarded pattern, for the test that guards accept what their patterns accept. */
export const GUARDED: GuardedPattern[] = [];

export type Pattern = RegExp | GuardedPattern;

/** The regular expressions behind patterns (building guarded ones), for the ReDoS audit. */
export const regexesOf = (patterns: readonly Pattern[]): RegExp[] => patterns.flatMap((p) => (p instanceof RegExp ? [p] : [p.guard, p.regex]));

const NAME_SEPARATOR = /\s*(?:,|&|;|、|，|\s(?:and|und|y|et|e|и)\s)\s*/u;
const CJK_NAMES_ONLY = /^[\p{Script=Han}\p{Script=Hangul}\s、，,]+$/u;

/** The names of a byline as printed: "JANE DOE and JOHN ROE" → ["JANE DOE", "JOHN ROE"]; "张三 李四" → ["张三", "李四"]. */
export function splitNames(byline: string | undefined): string[] | undefined {
  const text = byline?.trim();
  if (!text) return undefined;
  const names = text.split(CJK_NAMES_ONLY.test(text) ? /[\s、，,]+/u : NAME_SEPARATOR).map((n) => n.trim()).filter((n) => n !== '');
  return names.length > 0 ? names : undefined;
}

export const COUNT = String.raw`\d{1,3}(?:[,.\s]\d{3})+|\d+(?:[.,]\d+)?\s?(?:[kKmMbB千万萬亿億]|тыс\.?|млн\.?|mil(?![\p{L}]))?\+?`;

/**
 * The rest of the line as a value of `min` (0 or 1) to `max` characters, after
 * a label and a `\s*` (which must come right before): `\s*(.{1,80})$` as it
 * matches, without its cost. Written plainly, the value can start with the
 * spaces the `\s*` takes too, so when it cannot fit, every split of a run of
 * spaces between the two is tried (`max` × the run). Here the value starts at
 * a non-space. Only for min 1 and a rest made only of spaces does the plain
 * pattern take one space as the value: the second alternative does the same.
 */
export function restOfLine(min: 0 | 1, max: number): string {
  const value = String.raw`\S.{0,${max - 1}}`;
  return min === 0 ? String.raw`(${value}|)$` : String.raw`(${value}|[^\S\n\r\u2028\u2029])$`;
}

/**
 * A capitalised name word: "Jane", "O'Neil", "Müller", "JANE", "J.". It does
 * not end inside a run of letters (the lookahead): free to, it would read
 * "AeAeAe…" as names and glued separators ("A" "e" "Ae"…) in exponentially
 * many ways, all tried when the line then fails. It may end before a hyphen:
 * "Doe-Reuters" is a name, or a name and its outlet.
 */
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]{0,30}(?![\p{L}\p{M}'’.])`;
/** Particles inside names: "van", "de", "bin", "von der". */
const NAME_PARTICLE = String.raw`(?:van|von|der|den|de|da|del|della|di|du|la|le|bin|ibn|al|el)`;
/** One person's name: 1 to 4 capitalised words, with particles in between. */
export const PERSON = String.raw`${NAME_WORD}(?:\s(?:${NAME_PARTICLE}\s)?${NAME_WORD}){0,3}`;
/** A Chinese/Japanese/Korean name: 2 to 4 ideographs or Hangul syllables. */
export const CJK_NAME = String.raw`[\p{Script=Han}\p{Script=Hangul}]{2,4}`;
/** Several people: "Jane Doe and John Roe", "A, B & C". */
export const PEOPLE = String.raw`${PERSON}(?:\s?(?:,|&|and|und|y|et|e|и)\s?${PERSON}){0,4}`;

/** Matches text written in CJK scripts, where words are not separated by spaces. */
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Words in a line, counting each CJK character as a word. */
export function wordCount(line: string): number {
  let count = 0;
  for (const token of line.split(/\s+/)) {
    if (token === '') continue;
    const cjk = token.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu);
    count += cjk ? Math.max(1, Math.ceil(cjk.length / 2)) : 1;
  }
  return count;
}

/** Ends like a sentence (so it is prose, not a label). */
export const SENTENCE_END = /[.!?。！？…]["'”’»)]*$/u;

/**
 * Labels in the casings sites print them ("by", "By", "BY"), for patterns that
 * cannot use the `i` flag: with it, \p{Lu} would match lowercase letters too and
 * "By the end of the year" would pass for a byline.
 */
export function anyCase(alternatives: string): string {
  const out = new Set<string>();
  for (const a of alternatives.split('|')) {
    out.add(a);
    out.add(a.charAt(0).toUpperCase() + a.slice(1));
    out.add(a.toUpperCase());
  }
  return [...out].join('|');
}
