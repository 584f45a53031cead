/**
 * Datelines and timestamps: lines that only say when (and often where, in
 * which category, how many views), glued or separated.
 */
import { findDateTime, findTime } from '../core/datetime.js';
import { parseCount } from '../core/metadata.js';
import type { Metadata, Rule } from '../types.js';
import { patternRule, trimValue } from './define.js';
import { anyCase, CJK_NAME, COUNT, GuardedPattern, type Pattern, PEOPLE, restOfLine, SENTENCE_END, SHORT_LINE, splitNames } from './patterns.js';
import { parseRelative } from '../core/relative-time.js';

// Words that label a date without adding information.
const PUBLISHED_LABEL = String.raw`published(?:\s+on)?|posted(?:\s+on)?|posted|date|dated|created|publicado(?:\s+el)?|publicada|veröffentlicht(?:\s+am)?|publié(?:\s+le)?|pubblicato(?:\s+il)?|опубликовано|дата(?:\s+публикации)?|发布时间|发表时间|发布日期|时间|日期|公開日|投稿日`;
const UPDATED_LABEL = String.raw`updated(?:\s+on)?|last\s+(?:updated|modified)(?:\s+on)?|modified|actualizado(?:\s+el)?|actualizada|aktualisiert(?:\s+am)?|stand|mis\s+à\s+jour(?:\s+le)?|atualizado(?:\s+em)?|aggiornato(?:\s+il)?|обновлено|更新时间|更新日期|更新日`;
const WEEKDAY = String.raw`mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|lunes|martes|miércoles|jueves|viernes|sábado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|星期[一二三四五六日天]|周[一二三四五六日]`;

const LABEL_ONLY = new RegExp(`^(?:(${PUBLISHED_LABEL})|(${UPDATED_LABEL})|${WEEKDAY}|on|at|am|le|el|a\\s+las|в|um|às)\\.?$`, 'iu');
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
const PUNCTUATION_PIECE = /^[:：.]$/u;
const TRAILING_COLON = /[:：]$/u;
/** What the pieces of the line besides the date are read with: listed for the ReDoS audit. */
const PIECE_PATTERNS: Pattern[] = [SEPARATORS, PUNCTUATION_PIECE, TRAILING_COLON, LABEL_ONLY, COUNTER, BYLINE, AUTHOR, SOURCE, CATEGORY];
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
function readMetadataPieces(rest: string, when: string): { metadata: Metadata; pieces: number } | null {
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
  return { metadata: md, pieces };
}

const timestamp = patternRule({
  id: 'dates/timestamp',
  maxLength: SHORT_LINE,
  description: 'a date or time standing alone, optionally labelled (published, updated, posted)',
  patterns: [/^.{4,80}$/u],
  lift(_m, line) {
    if (SENTENCE_END.test(line) && !ENDS_WITH_TIME.test(line)) return null;
    const found = findDateTime(line);
    if (found) {
      const read = readMetadataPieces(found.rest, found.iso);
      return read && read.pieces === 0 ? read.metadata : null;
    }
    // A time alone ("04:08", "Updated 5:52 AM EST") carries no date to lift.
    const time = findTime(line);
    const read = time ? readMetadataPieces(time.rest, '') : null;
    return read && read.pieces === 0 ? {} : null;
  },
  liftPatterns: [ENDS_WITH_TIME, ...PIECE_PATTERNS],
  examples: {
    removes: ['2024-04-24', 'April 24, 2024', 'Nov. 20, 2019 5:52 AM EST', 'Published: 24.04.2024, 04:08 Uhr', 'Updated: 2023-06-01 10:15', 'Monday, April 24, 2024', '24 апреля 2024, 04:08', '2024年4月24日 04:08', '24 de abril de 2024 | 04:08', '04:08'],
    keeps: ['On April 24, 2024, the council met.', 'The deadline is 2024-04-24 for all entries.', 'At 04:08 the power went out across the city.', 'April 24, 2024 was a turning point for the town'],
  },
});

const metadataLine = patternRule({
  id: 'dates/metadata-line',
  description: 'a line of metadata only: a date or time glued to a category, counts, byline or source',
  patterns: [/^.{6,160}$/u],
  lift(_m, line) {
    if (SENTENCE_END.test(line)) return null;
    const found = findDateTime(line);
    if (!found) return null;
    const read = readMetadataPieces(found.rest, found.iso);
    return read && read.pieces > 0 ? read.metadata : null;
  },
  liftPatterns: PIECE_PATTERNS,
  examples: {
    removes: ['2024/04/2404:08:32 international 1518', 'Business | 2024-04-24 04:08 | 2,310 views', 'Posted on March 3, 2023 by Sam Lee', '发布时间：2024-04-24 04:08 来源：新华社', 'World • 12 May 2023 • 3 comments'],
    keeps: ['On 2024/04/24 the minister said 1518 people had left.', 'In 2023-04-24 international trade grew 12 percent.', 'Police said on March 3, 2023 that Sam Lee had been released.'],
  },
});

const relative = patternRule({
  id: 'dates/relative-time',
  maxLength: SHORT_LINE,
  description: 'a relative publication time ("3 hours ago", "yesterday") standing alone',
  patterns: [
    /^(?:(?:published|posted|updated)\s+)?(?:\d{1,3}|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$/iu,
    /^(?:(?:published|posted|updated)\s+)?(?:just now|yesterday|today|moments ago)$/iu,
    /^(?:hace|vor|il y a|há)\s+\d{1,3}\s+\p{L}+$/iu,
    /^\d{1,3}\s+(?:секунд\p{L}*|минут\p{L}*|час\p{L}*|дн\p{L}*|день|недел\p{L}*)\s+назад$/iu,
    /^(?:\d{1,3}\s*(?:秒|分钟|小时|天|周|个月)前|刚刚|昨天|今天|前天)$/u,
    /^(?:\d{1,3}\s*(?:秒|分|時間|日|週間|か月|ヶ月)前|たった今|昨日|今日)$/u,
    /^(?:hoy|ayer|heute|gestern|aujourd'hui|hoje|ontem|сегодня|вчера)$/iu,
  ],
  // Kept as printed (publishedText, updatedText); clean() resolves it when given `now`.
  lift: (_m, line) => {
    const rel = parseRelative(line);
    return rel ? { [rel.updated ? 'updatedText' : 'publishedText']: line.trim() } : {};
  },
  examples: {
    removes: ['3 hours ago', 'Updated 5 minutes ago', 'yesterday', 'hace 3 horas', 'vor 2 Stunden', '2 дня назад', '3小时前', '2時間前', '昨日', 'há 2 dias', 'ontem', 'Gestern'],
    keeps: ['Three hours ago the bridge collapsed.', 'Yesterday was the hottest day on record.', 'Gestern war der heißeste Tag des Jahres.', '2時間前に地震がありました。'],
  },
});

export const dateRules: Rule[] = [metadataLine, timestamp, relative];
