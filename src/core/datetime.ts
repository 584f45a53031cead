/**
 * Finding dates and times in boilerplate lines and turning them into ISO 8601.
 * Only the formats news sites print are recognised; a date inside a sentence is
 * the rules' business (they decide whether the line is metadata at all).
 */

export interface FoundDateTime {
  /** ISO 8601: "2024-04-24", "2024-04-24T04:08:32" or with an offset "…-05:00". */
  iso: string;
  /** The line with the date and time cut out (a space left in their place). */
  rest: string;
}

const MONTHS: Record<string, number> = {};
function addMonths(names: string[]): void {
  names.forEach((alternatives, i) => {
    for (const name of alternatives.split('|')) MONTHS[name] = i + 1;
  });
}
// en, es, pt, fr, de, it, ru (genitive and nominative), abbreviations with or without a dot.
addMonths([
  'january|jan|enero|ene|janeiro|janvier|janv|januar|jän|gennaio|gen|января|январь|янв',
  'february|feb|febrero|fevereiro|fev|février|févr|fevrier|februar|febbraio|февраля|февраль|фев',
  'march|mar|marzo|março|mars|märz|marz|марта|март',
  'april|apr|abril|abr|avril|avr|aprile|апреля|апрель|апр',
  'may|mayo|maio|mai|maggio|mag|мая|май',
  'june|jun|junio|junho|juin|juni|giugno|giu|июня|июнь|июн',
  'july|jul|julio|julho|juillet|juil|juli|luglio|lug|июля|июль|июл',
  'august|aug|agosto|ago|août|aout|agosto|августа|август|авг',
  'september|sep|sept|septiembre|setembro|set|septembre|settembre|сентября|сентябрь|сен|сент',
  'october|oct|octubre|outubro|out|octobre|oktober|okt|ottobre|ott|октября|октябрь|окт',
  'november|nov|noviembre|novembro|novembre|ноября|ноябрь|ноя',
  'december|dec|diciembre|dic|dezembro|dez|décembre|dezember|dicembre|декабря|декабрь|дек',
]);
const MONTH_NAME = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

// Offsets of the zone abbreviations news sites print. CST is read as US Central
// (the abbreviation China Standard Time shares); a dump that means +08:00 should say so.
const ZONES: Record<string, string> = {
  utc: '+00:00', gmt: '+00:00', z: '+00:00',
  est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00',
  mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
  bst: '+01:00', cet: '+01:00', cest: '+02:00', mez: '+01:00', mesz: '+02:00', msk: '+03:00', мск: '+03:00',
  ist: '+05:30', hkt: '+08:00', sgt: '+08:00', jst: '+09:00', kst: '+09:00',
  aest: '+10:00', aedt: '+11:00',
};
const ZONE_NAME = Object.keys(ZONES).filter((z) => z !== 'z').join('|');

interface DatePattern {
  re: RegExp;
  /** Year, month, day from the match, or null when the numbers are not a date. */
  read(m: RegExpExecArray): [number, number, number] | null;
}

const monthOf = (name: string | undefined): number => MONTHS[(name ?? '').toLowerCase().replace(/\.$/, '')] ?? 0;
const num = (s: string | undefined): number => Number.parseInt(s ?? '', 10);

// Order matters: the first pattern that matches wins. `(?!\d)` after the day
// would forbid glued times ("2404:08:32"), so day digits are bounded by the
// time pattern instead.
const DATE_PATTERNS: DatePattern[] = [
  // 2024/04/24, 2024-04-24, 2024.04.24 (a time may follow glued: 2024/04/2404:08:32)
  { re: /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{2}|\d(?!\d))/iu, read: (m) => [num(m[1]), num(m[3]), num(m[4])] },
  // 2024年4月24日
  { re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u, read: (m) => [num(m[1]), num(m[2]), num(m[3])] },
  // 24.04.2024 (day first, as in most of Europe; 10.29.2012 can only be month first)
  {
    re: /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/u,
    read: (m) => (num(m[2]) > 12 ? [num(m[3]), num(m[1]), num(m[2])] : [num(m[3]), num(m[2]), num(m[1])]),
  },
  // 04/24/2024 (US) or 24/04/2024 when the first number cannot be a month
  {
    re: /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/u,
    read: (m) => (num(m[1]) > 12 ? [num(m[3]), num(m[2]), num(m[1])] : [num(m[3]), num(m[1]), num(m[2])]),
  },
  // 24.abr.2024 (Folha de S.Paulo)
  { re: new RegExp(`(?<!\\d)(\\d{1,2})\\.(${MONTH_NAME})\\.(\\d{4})(?!\\d)`, 'iu'), read: (m) => [num(m[3]), monthOf(m[2]), num(m[1])] },
  // 24/04/24, 24.04.24: a two-digit year (20xx), read like the four-digit forms above
  {
    re: /(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{2})(?![\d/.])/u,
    read: (m) => {
      const [a, b, y] = [num(m[1]), num(m[3]), 2000 + num(m[4])];
      return m[2] === '.' || a > 12 ? [y, b, a] : [y, a, b];
    },
  },
  // April 24, 2024 / Apr. 24 2024 / Nov. 20, 2019
  {
    re: new RegExp(`(?<![\\p{L}])(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu'),
    read: (m) => [num(m[3]), monthOf(m[1]), num(m[2])],
  },
  // 24 April 2024 / 24. April 2024 / 24 de abril de 2024 / 24 апреля 2024 г.
  {
    re: new RegExp(`(?<!\\d)(\\d{1,2})\\.?\\s+(?:de\\s+)?(${MONTH_NAME})\\.?,?\\s+(?:de\\s+)?(\\d{4})(?:\\s*г\\.)?(?!\\d)`, 'iu'),
    read: (m) => [num(m[3]), monthOf(m[2]), num(m[1])],
  },
];

// 04:08, 04:08:32, 5:52 AM, 5:52 p.m., 04:08 Uhr, 04h08 and 10 h 30 (French,
// Portuguese), 04时08分, 下午4:08 / 午後4時08分 (afternoon), optionally a zone,
// bare or in brackets: "11:40 (МСК)", "04:08 JST".
const TIME_SOURCE =
  String.raw`(?<![\d:])(?:(?<half>上午|下午|午前|午後)\s?)?(?<h>\d{1,2})(?::|时|時|\s?h\s?(?=\d{2}(?!\d)))(?<min>\d{2})(?::(?<sec>\d{2}))?(?:分)?(?!\d)` +
  String.raw`(?:\s*(?<meridiem>[ap])\.?\s?m\.?(?![\p{L}]))?` +
  String.raw`(?:\s*(?:Uhr|h|ч\.?)(?![\p{L}]))?` +
  String.raw`(?:\s*[(（]?(?:(?<zone>${ZONE_NAME})(?![\p{L}])|(?<sign>[+-]\d{2}):?(?<offmin>\d{2})|(?:UTC|GMT)(?<hours>[+-]\d{1,2}))[)）]?)?`;
const TIME = new RegExp(TIME_SOURCE, 'iu');

/** Two digits: 4 → "04". */
export const pad = (n: number): string => String(n).padStart(2, '0');

function validDate(y: number, mo: number, d: number): boolean {
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export interface FoundTime {
  /** "04:08:32" with an optional "+08:00" suffix. */
  time: string;
  offset?: string;
  rest: string;
}

// Next to a date, "07.00" is a time too (British style); alone it could be any number.
const DOTTED_TIME = new RegExp(TIME_SOURCE.replace('(?::|时|時|', '(?::|时|時|\\.|'), 'iu');

/** Find a clock time (with optional am/pm and zone) in the text. */
export function findTime(text: string, { dotted = false } = {}): FoundTime | null {
  if (!DIGIT.test(text)) return null;
  const m = (dotted ? DOTTED_TIME : TIME).exec(text);
  if (!m) return null;
  const g = m.groups as Record<string, string | undefined>;
  let h = num(g.h);
  const min = num(g.min);
  const sec = g.sec === undefined ? 0 : num(g.sec);
  const meridiem = g.meridiem?.toLowerCase() ?? (g.half === '下午' || g.half === '午後' ? 'p' : g.half ? 'a' : undefined);
  if (meridiem) {
    if (h > 12 || (h < 1 && g.half === undefined)) return null;
    if (meridiem === 'p' && h !== 12) h += 12;
    if (meridiem === 'a' && h === 12) h = 0;
  }
  if (h > 23 || min > 59 || sec > 59) return null;
  let offset: string | undefined;
  if (g.zone) offset = ZONES[g.zone.toLowerCase()];
  else if (g.sign && g.offmin) offset = `${g.sign}:${g.offmin}`;
  else if (g.hours) offset = `${g.hours[0]}${pad(Math.abs(num(g.hours)))}:00`;
  const rest = text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length);
  return { time: `${pad(h)}:${pad(min)}:${pad(sec)}`, rest, ...(offset ? { offset } : {}) };
}

// Two date rules ask about the same line one after the other: remember the last answer.
let lastText: string | undefined;
let lastFound: FoundDateTime | null = null;

/** Find a calendar date, and a time next to it or elsewhere in the line. */
export function findDateTime(text: string): FoundDateTime | null {
  if (text !== lastText) {
    lastText = text;
    lastFound = DIGIT.test(text) ? searchDateTime(text) : null;
  }
  return lastFound;
}

const DIGIT = /\d/;

function searchDateTime(text: string): FoundDateTime | null {
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.re.exec(text);
    if (!m) continue;
    const ymd = pattern.read(m);
    if (!ymd || !validDate(...ymd)) continue;
    const date = `${ymd[0]}-${pad(ymd[1])}-${pad(ymd[2])}`;
    // Keep the cut-out date as a single space so glued neighbours stay apart.
    const rest = text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length);
    const time = findTime(rest, { dotted: true });
    if (!time) return { iso: date, rest };
    return { iso: `${date}T${time.time}${time.offset ?? ''}`, rest: time.rest };
  }
  return null;
}

/** A date printed without its year ("4月24日", "24 апреля", "April 24", "4/24"), with the time next to it. */
export interface FoundPartialDate {
  month: number;
  day: number;
  /** "18:40:00", when a time stands in the line. */
  time?: string;
  /** The date and time as printed, for publishedText / updatedText. */
  printed: string;
  rest: string;
}

const PARTIAL_PATTERNS: { re: RegExp; read(m: RegExpExecArray): [number, number] }[] = [
  // 4月24日
  { re: /(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日/u, read: (m) => [num(m[1]), num(m[2])] },
  // 24 апреля, 24. April, 24 de abril, 24 avr.
  { re: new RegExp(`(?<!\\d)(\\d{1,2})\\.?\\s+(?:de\\s+)?(${MONTH_NAME})(?![\\p{L}])\\.?`, 'iu'), read: (m) => [monthOf(m[2]), num(m[1])] },
  // April 24, Apr. 24
  { re: new RegExp(`(?<![\\p{L}])(${MONTH_NAME})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])`, 'iu'), read: (m) => [monthOf(m[1]), num(m[2])] },
  // 4/24 before a weekday or a time, as Japanese sites print it: "4/24(水) 4:08", "4/24 11:40"
  { re: /(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])(?=\s*(?:[(（][月火水木金土日][)）]\s*)?\d{1,2}:\d{2})/u, read: (m) => [num(m[1]), num(m[2])] },
];

/** Find a date without a year (and a time), when findDateTime finds no full date. */
export function findPartialDate(text: string): FoundPartialDate | null {
  if (!DIGIT.test(text)) return null;
  for (const pattern of PARTIAL_PATTERNS) {
    const m = pattern.re.exec(text);
    if (!m) continue;
    const [month, day] = pattern.read(m);
    if (!validDate(2000, month, day)) continue;
    const end = m.index + m[0].length;
    // A time right after the date is part of what was printed: "4月24日 4時08分", "24 апреля, 18:40".
    const next = TIME.exec(text.slice(end));
    const joined = next !== null && /^[\s,]*(?:(?:à|a las|às|в|um|at)\s+)?$/iu.test(text.slice(end, end + next.index));
    const printedEnd = joined ? end + next.index + next[0].length : end;
    const rest = text.slice(0, m.index) + ' ' + text.slice(printedEnd);
    const time = joined ? findTime(text.slice(end, printedEnd)) : findTime(rest);
    return { month, day, printed: text.slice(m.index, printedEnd).trim(), rest: joined || !time ? rest : time.rest, ...(time ? { time: time.time } : {}) };
  }
  return null;
}
