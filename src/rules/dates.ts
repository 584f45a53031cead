/**
 * Datelines and timestamps: lines that only say when (and often where, in
 * which category, how many views), glued or separated.
 */
import { findDateTime, findPartialDate, findTime, pad } from '../core/datetime.js';
import { parseCount } from '../core/metadata.js';
import type { Metadata, Rule } from '../types.js';
import { patternRule, trimValue } from './define.js';
import { anyCase, CJK_NAME, COUNT, GuardedPattern, type Pattern, PEOPLE, restOfLine, SENTENCE_END, SHORT_LINE, splitNames } from './patterns.js';
import { parseRelative } from '../core/relative-time.js';

// Words that label a date without adding information.
const PUBLISHED_LABEL = String.raw`published(?:\s+on)?|posted(?:\s+on)?|posted|date|dated|created|publicado(?:\s+(?:el|em|a|no|na))?|publicada(?:\s+(?:el|em|a))?|erstellt(?:\s+am)?|veröffentlicht(?:\s+am)?|publié(?:e)?(?:\s+le)?|pubblicato(?:\s+il)?|опубликовано|дата(?:\s+публикации)?|发布时间|發布時間|發佈時間|发表时间|發表時間|发布日期|發布日期|发布于|時間|时间|日期|公開日時?|投稿日時?|掲載日時?|配信日時?|配信|公開|投稿`;
const UPDATED_LABEL = String.raw`updated(?:\s+on)?|last\s+(?:updated|modified)(?:\s+on)?|modified|actualizado(?:\s+(?:el|a|em|às|a\s+las))?|actualizada|aktualisiert(?:\s+am)?|stand|mis\s+à\s+jour(?:\s+le)?|modifié(?:e)?(?:\s+le)?|atualizad[oa](?:\s+(?:em|a|às))?|atualização|aggiornato(?:\s+il)?|обновлено|обновлён|更新时间|更新時間|更新日期|更新日時|最終更新日時?|最終更新|更新日|更新`;
const WEEKDAY = String.raw`[(（][月火水木金土日][)）]|(?:segunda|terça|quarta|quinta|sexta)(?:-feira)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|lunes|martes|miércoles|jueves|viernes|sábado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|星期[一二三四五六日天]|周[一二三四五六日]|週[一二三四五六日]|[月火水木金土日]曜日`;

// Words that join a label, a date and a time: "Publié le … à …", "Atualizado em … às …", "Обновлено … в …".
const LABEL_ONLY = new RegExp(`^(?:(${PUBLISHED_LABEL})|(${UPDATED_LABEL})|${WEEKDAY}|on|at|am|le|el|em|de|a|à|a\\s+las|в|um|às|г\\.)\\.?$`, 'iu');
// A comma separates only when a space follows, so "2,310 views" stays one piece.
const SEPARATORS = /\s*[|•·，、/–—]\s*|,\s+|\s+-\s+|\s{2,}/u;
const COUNTER = new RegExp(
  `^(?:(${COUNT})\\s*(views?|reads?|hits|comments?|likes?|shares?|次阅读|阅读|浏览|评论|просмотр\\p{L}*|visitas|aufrufe|vues|visualizações)|(views?|reads?|hits|comments?|likes?|shares?|阅读|浏览|评论|点击|просмотр\\p{L}*|visitas|aufrufe|vues)\\s*(?:[:：]\\s*)?(${COUNT}))$`,
  'iu',
);
const BYLINE = new GuardedPattern(/^(?:by|por|von|par|от)\s/iu, () => new RegExp(`^(?:${anyCase('by|por|von|par|от')})\\s+(${PEOPLE})$`, 'u'));
const SOURCE = new RegExp(`^(?:source|来源|稿源|источник|fuente|quelle|fonte)\\s*[:：]\\s*${restOfLine(1, 60)}`, 'iu');
const AUTHOR = new GuardedPattern(
  /^(?:author|作者|记者|автор|autor)/iu,
  () => new RegExp(`^(?:${anyCase('author|作者|记者|автор|autor')})\\s*(?:[:：]\\s*)?(${PEOPLE}|${CJK_NAME})$`, 'u'),
);
const CATEGORY = /^\p{L}[\p{L}\p{M}&'’-]*(?: \p{L}[\p{L}\p{M}&'’-]*){0,2}$/u;
const PUNCTUATION_PIECE = /^[:：.–—-]$/u;
const TRAILING_COLON = /[:：]$/u;
// Where the update part of a line starts: "Publié le … à 04h08, modifié le … à 11h40",
// "2024/4/24 04:08（最終更新 4/24 11:40）", "2024年4月24日 4:08 (2024年4月24日 11:40更新)".
// The lookbehinds start a match only where a run of spaces and separators starts
// (tried inside a long run, the leading `\s*` would cost the square of the run).
const UPDATE_PART = new RegExp(
  `(?<![\\s,|•·—–])(?:\\s*[,|•·—–]\\s*|\\s+)(?=(?:updated|modifié|mis à jour|actualizado|atualizado|atualização|aktualisiert|обновлено|最終更新|更新)(?![\\p{Script=Latin}\\p{Script=Cyrillic}]))|(?<!\\s)\\s*[(（](?=[^()（）]{0,40}\\d[^()（）]{0,40}[)）]$)`,
  'iu',
);
const CLOSING_BRACKET = /[)）]$/u;
const DIGIT = /\d/;

/** What the pieces of the line besides the date are read with: listed for the ReDoS audit. */
const LEADING_LABEL = new RegExp(`^(?:(${PUBLISHED_LABEL})|(${UPDATED_LABEL}))\\s+`, 'iu');
const PIECE_PATTERNS: Pattern[] = [LEADING_LABEL, UPDATE_PART, CLOSING_BRACKET, SEPARATORS, PUNCTUATION_PIECE, TRAILING_COLON, LABEL_ONLY, COUNTER, BYLINE, AUTHOR, SOURCE, CATEGORY];
/** A line may end like a sentence and still be a timestamp: "24.04.2024.", "5:52 p.m." */
const ENDS_WITH_TIME = /\d\.?$|\b[ap]\.m\.$/iu;
const ENGAGEMENT_FIELD: Record<string, keyof Metadata> = {
  view: 'views', read: 'views', hit: 'views', 阅读: 'views', 次阅读: 'views', 浏览: 'views', 点击: 'views',
  просмотр: 'views', visita: 'views', aufrufe: 'views', vue: 'views', visualizaç: 'views',
  comment: 'comments', 评论: 'comments', like: 'likes', share: 'shares',
};

function engagementField(unit: string): keyof Metadata {
  const u = unit.toLowerCase();
  for (const [prefix, field] of Object.entries(ENGAGEMENT_FIELD)) if (u.startsWith(prefix)) return field;
  return 'views';
}

/**
 * Read what is left of a line once its date and time are cut out. Every piece
 * must be metadata (a label, a count, a category, a byline, a source), or the
 * line is not a metadata line. Returns the metadata, or null.
 */
function readMetadataPieces(rest: string, when: string, printed?: string, allowCategory = true): { metadata: Metadata; pieces: number } | null {
  const md: Metadata = {};
  let dateIsUpdate = false;
  let pieces = 0;
  // Several labels or words may share one separator-less piece ("international 1518"),
  // so a piece that is not one thing is also tried word by word.
  const queue = rest.split(SEPARATORS).map((p) => p.trim()).filter((p) => p !== '' && !PUNCTUATION_PIECE.test(p));
  for (const raw of queue) {
    const piece = raw.replace(TRAILING_COLON, '');
    const label = LABEL_ONLY.exec(piece);
    if (label) {
      if (label[2]) dateIsUpdate = true;
      continue;
    }
    pieces++;
    const counter = COUNTER.exec(piece);
    if (counter) {
      const field = engagementField((counter[2] ?? counter[3]) as string);
      (md as Record<string, unknown>)[field] ??= parseCount((counter[1] ?? counter[4]) as string);
      continue;
    }
    const bare = parseCount(piece);
    if (bare !== undefined) {
      md.views ??= bare;
      continue;
    }
    const by = BYLINE.exec(piece) ?? AUTHOR.exec(piece);
    if (by) {
      md.byline ??= by[1];
      md.authors ??= splitNames(by[1]);
      continue;
    }
    const source = SOURCE.exec(piece);
    if (source) {
      md.source ??= trimValue(source[1]);
      continue;
    }
    // Labels and weekdays that share a piece: "最終更新: (水)", "Last modified on Thu" (a label of several words first).
    const lead = LEADING_LABEL.exec(piece);
    const labelWords = (lead ? piece.slice(lead[0].length) : piece).split(' ').map((word) => word.replace(TRAILING_COLON, ''));
    if ((lead || piece.includes(' ')) && labelWords.every((word) => LABEL_ONLY.test(word))) {
      if (lead?.[2] || labelWords.some((word) => LABEL_ONLY.exec(word)?.[2])) dateIsUpdate = true;
      pieces--;
      continue;
    }
    // Next to a date without a year or a time alone, a word is no evidence: "Born April 24".
    if (!allowCategory) return null;
    if (CATEGORY.test(piece) && md.category === undefined) {
      md.category = piece;
      continue;
    }
    // "international 1518": a category and a count in one piece.
    const words = piece.split(' ');
    const last = words.pop() as string;
    const lastCount = parseCount(last);
    if (lastCount !== undefined && CATEGORY.test(words.join(' ')) && md.category === undefined) {
      md.category = words.join(' ');
      md.views ??= lastCount;
      continue;
    }
    return null;
  }
  if (when !== '') md[dateIsUpdate ? 'updated' : 'published'] = when;
  else if (printed !== undefined) md[dateIsUpdate ? 'updatedText' : 'publishedText'] = printed;
  return { metadata: md, pieces };
}

/**
 * One part of a date line: a full date (ISO), a date without a year (kept as
 * printed, or given `year` from the other part), or a time alone (a date only
 * when `date` comes from the other part).
 */
function readDatePart(part: string, context: { year?: number; date?: string } = {}): { metadata: Metadata; pieces: number; year?: number; date?: string } | null {
  const found = findDateTime(part);
  if (found) {
    const read = readMetadataPieces(found.rest, found.iso);
    return read && { ...read, year: Number(found.iso.slice(0, 4)), date: found.iso.slice(0, 10) };
  }
  const partial = findPartialDate(part);
  if (partial) {
    if (context.year !== undefined) {
      const iso = `${context.year}-${pad(partial.month)}-${pad(partial.day)}${partial.time ? `T${partial.time}` : ''}`;
      return readMetadataPieces(partial.rest, iso, undefined, false);
    }
    return readMetadataPieces(partial.rest, '', partial.printed, false);
  }
  // A time alone ("04:08", "Updated 5:52 AM EST") carries no date to lift, unless the other part gave one.
  const time = findTime(part);
  if (!time) return null;
  return readMetadataPieces(time.rest, context.date ? `${context.date}T${time.time}${time.offset ?? ''}` : '', undefined, false);
}


/** A whole line of dates and metadata, read part by part; null when some piece is not metadata. */
function readDateLine(line: string): { metadata: Metadata; pieces: number } | null {
  // Every date and time has a digit; most lines that reach here (short ones) have none.
  if (!DIGIT.test(line)) return null;
  const split = UPDATE_PART.exec(line);
  if (!split || split.index === 0) return readDatePart(line);
  const head = readDatePart(line.slice(0, split.index));
  if (!head) return null;
  const tailText = line.slice(split.index + split[0].length).replace(CLOSING_BRACKET, '');
  // "24/04/2024 04h08 Atualizado há 3 horas": the update as printed.
  const relativeTail = parseRelative(tailText);
  const tail = readDatePart(tailText, head) ?? (relativeTail ? { metadata: { updatedText: tailText.trim() }, pieces: 0 } : null);
  if (!tail) return null;
  // What the tail carries without a label of its own ("(… 11:40更新)" has one; a bare bracket dates an update too).
  const md: Metadata = { ...head.metadata };
  for (const [k, v] of Object.entries(tail.metadata) as [keyof Metadata, unknown][]) {
    const field = k === 'published' ? 'updated' : k === 'publishedText' ? 'updatedText' : k;
    (md as Record<string, unknown>)[field] ??= v;
  }
  return { metadata: md, pieces: head.pieces + tail.pieces };
}

const timestamp = patternRule({
  id: 'dates/timestamp',
  maxLength: SHORT_LINE,
  description: 'a date or time standing alone, optionally labelled (published, updated, posted)',
  patterns: [/^.{4,80}$/u],
  lift(_m, line) {
    if (SENTENCE_END.test(line) && !ENDS_WITH_TIME.test(line)) return null;
    const read = readDateLine(line);
    return read && read.pieces === 0 ? read.metadata : null;
  },
  liftPatterns: [ENDS_WITH_TIME, ...PIECE_PATTERNS],
  examples: {
    removes: ['2024-04-24', 'April 24, 2024', 'Nov. 20, 2019 5:52 AM EST', 'Published: 24.04.2024, 04:08 Uhr', 'Updated: 2023-06-01 10:15', 'Monday, April 24, 2024', '24 апреля 2024, 04:08', '2024年4月24日 04:08', '24 de abril de 2024 | 04:08', '04:08', 'Last modified on Thu 14 Mar 2024 19.05 GMT'],
    keeps: ['On April 24, 2024, the council met.', 'The deadline is 2024-04-24 for all entries.', 'At 04:08 the power went out across the city.', 'April 24, 2024 was a turning point for the town'],
  },
});

const metadataLine = patternRule({
  id: 'dates/metadata-line',
  description: 'a line of metadata only: a date or time glued to a category, counts, byline or source',
  patterns: [/^.{6,160}$/u],
  lift(_m, line) {
    if (SENTENCE_END.test(line)) return null;
    const read = readDateLine(line);
    return read && read.pieces > 0 ? read.metadata : null;
  },
  liftPatterns: PIECE_PATTERNS,
  examples: {
    removes: ['2024/04/2404:08:32 international 1518', 'Business | 2024-04-24 04:08 | 2,310 views', 'Posted on March 3, 2023 by Sam Lee', '发布时间：2024-04-24 04:08 来源：新华社', 'World • 12 May 2023 • 3 comments'],
    keeps: ['On 2024/04/24 the minister said 1518 people had left.', 'In 2023-04-24 international trade grew 12 percent.', 'Police said on March 3, 2023 that Sam Lee had been released.'],
  },
});

const RELATED = new Set(['navigation/related-list', 'navigation/related']);

const relative = patternRule({
  id: 'dates/relative-time',
  maxLength: SHORT_LINE,
  description: 'a relative publication time ("3 hours ago", "yesterday at 18:40") standing alone',
  // The reading is parseRelative's (core/relative-time.ts): the whole line must be one.
  patterns: [/^\S.{0,59}$/u],
  // Kept as printed (publishedText, updatedText); clean() resolves it when given `now`.
  // Under a headline in a list of related links it dates that article, not this one: removed, nothing lifted.
  lift: (_m, line, ctx) => {
    const rel = parseRelative(line);
    if (!rel) return null;
    return RELATED.has(ctx.removedBy(-1) ?? '') ? {} : { [rel.updated ? 'updatedText' : 'publishedText']: line.trim() };
  },
  examples: {
    removes: [
      '3 hours ago', 'Updated 5 minutes ago', 'yesterday', 'hace 3 horas', 'Actualizado hace 2 horas', 'Ayer a las 18:45', 'vor 2 Stunden', 'Aktualisiert vor 3 Stunden', 'Gestern, 21:15',
      'Il y a 3 heures', 'Mis à jour il y a 45 minutes', 'Hier à 18h45', "Aujourd'hui à 09:30", 'há 2 dias', 'Atualizado há 3 horas', 'ontem', 'ontem, 18h30',
      '2 дня назад', 'вчера в 18:40', 'Сегодня, 09:15', 'позавчера в 21:10', '3小时前', '3小時前', '剛剛', '昨天 04:08', '2時間前', '更新：3時間前', '昨日',
    ],
    keeps: [
      'Three hours ago the bridge collapsed.', 'Yesterday was the hottest day on record.', 'Gestern war der heißeste Tag des Jahres.', 'Hier, le maire a annoncé sa démission.',
      'Ontem à noite, a câmara aprovou o orçamento.', 'Вчера в 18:40 на улице Ленина прорвало трубу.', '2時間前に地震がありました。', '昨天下午，市政府召开了新闻发布会。',
    ],
  },
});

export const dateRules: Rule[] = [metadataLine, timestamp, relative];
