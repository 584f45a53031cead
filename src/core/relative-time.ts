/**
 * Relative publication times ("3 hours ago", "vor 2 Stunden", "3小时前",
 * "yesterday"): read into an amount and a unit, and resolved only against a
 * "now" the caller gives (--now, or the file's modification time). Without
 * one, the dump's words are kept as they were (publishedText, updatedText):
 * a time of day guessed from the moment of cleaning would be wrong.
 *
 * Resolution rule: seconds, minutes and hours give a timestamp (in now's
 * offset); days, weeks, months, years, "yesterday" and "today" give a date
 * only, since "3 days ago" says nothing about the hour.
 */

import { escapeRegExp } from '../rules/patterns.js';
import { pad } from './datetime.js';

export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

export interface RelativeTime {
  amount: number;
  unit: RelativeUnit;
  /** "Updated 5 minutes ago" dates an update, not the publication. */
  updated: boolean;
  /** A clock time printed with a day word ("yesterday at 18:40"): "18:40:00". */
  time?: string;
}

// Unit words by their stem, in the languages the rule knows.
const UNITS: [RegExp, RelativeUnit][] = [
  [/^(?:s|sec|secs?|seconds?|segundos?|sekunden?|secondes?|секунд\p{L}*|秒)$/u, 'second'],
  [/^(?:min|mins?|minutes?|minutos?|minuten?|минут\p{L}*|分钟|分鐘|分)$/u, 'minute'],
  [/^(?:h|hrs?|hours?|horas?|stunden?|heures?|час\p{L}*|小时|小時|時間)$/u, 'hour'],
  [/^(?:d|days?|d[ií]as?|tage?n?|jours?|dias?|дн\p{L}*|день|天|日)$/u, 'day'],
  [/^(?:w|weeks?|semanas?|wochen?|semaines?|недел\p{L}*|周|週|週間)$/u, 'week'],
  [/^(?:months?|mes(?:es)?|monaten?|mois|meses|месяц\p{L}*|个月|個月|か月|ヶ月)$/u, 'month'],
  [/^(?:years?|años?|jahren?|ans?|anos?|год\p{L}*|лет|年)$/u, 'year'],
];

const WORD_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1 };
const DAY_WORDS: Record<string, number> = {
  'just now': 0, 'moments ago': 0, today: 0, yesterday: 1,
  刚刚: 0, 剛剛: 0, 今天: 0, 昨天: 1, 前天: 2, たった今: 0, 今日: 0, 昨日: 1, 一昨日: 2, おととい: 2,
  hoy: 0, ayer: 1, anteayer: 2, heute: 0, gestern: 1, vorgestern: 2, "aujourd'hui": 0, 'aujourd’hui': 0, hier: 1, 'avant-hier': 2,
  hoje: 0, ontem: 1, anteontem: 2, сегодня: 0, вчера: 1, позавчера: 2,
};

const AGO = [
  // "3 hours ago", "5 min ago", "an hour ago"
  /^(\d{1,3}|an?|one)\s*(\p{L}+)\.?\s+ago$/iu,
  // "hace 3 horas", "vor 2 Stunden", "il y a 3 heures", "há 2 dias"
  /^(?:hace|vor|il y a|há|ha)\s+(\d{1,3})\s+(\p{L}+)$/iu,
  // "2 дня назад"
  /^(\d{1,3})\s+(\p{L}+)\s+назад$/iu,
  // "3小时前", "3時間前", "3 小時前"
  /^(\d{1,3})\s*(\p{L}+?)前$/u,
];

// Words that say the time dates an update, or the publication (the default),
// before the relative time ("Updated 3 hours ago", "Aktualisiert vor 2 Stunden", "更新：3時間前").
const UPDATED_WORDS = String.raw`updated|last updated|aktualisiert|actualizado|actualizada|atualizado|atualizada|mis à jour|modifié|обновлено|更新|最終更新|更新时间|更新時間`;
const PUBLISHED_WORDS = String.raw`published|posted|publicado|publicada|veröffentlicht|erstellt|publié|publiée|опубликовано|发布|發布|公開|配信|投稿`;
const LABELLED = new RegExp(`^(?:(${UPDATED_WORDS})|(?:${PUBLISHED_WORDS}))\\s*(?:[:：]\\s*)?(.+)$`, 'iu');
// A clock time after a day word: "yesterday at 18:40", "Gestern, 21:15", "вчера в 18:40", "Hier à 18h45", "昨天 04:08".
// Day words are one or two words; lines are normalized (single spaces).
const WITH_TIME = /^(\S+(?: \S+)??)(?:, ?| )(?:(?:at|um|à|a las|a la|às|в) )?(\d{1,2})[:h時](\d{2})(?: ?(?:Uhr|h|分))?$/iu;


// Every relative time has a number or a day word: most lines have neither, and are answered here.
const WORTH_READING = new RegExp(`\\d|ago\\b|${Object.keys(DAY_WORDS).map(escapeRegExp).join('|')}`, 'iu');

/** Read a relative time, or undefined when the line is not one. */
export function parseRelative(line: string): RelativeTime | undefined {
  if (!WORTH_READING.test(line)) return undefined;
  const text = line.trim();
  const labelled = LABELLED.exec(text);
  const updated = labelled?.[1] !== undefined;
  let rest = (labelled ? labelled[2] : text) as string;
  let time: string | undefined;
  const timed = WITH_TIME.exec(rest);
  if (timed && DAY_WORDS[(timed[1] as string).replace(/,$/, '').toLowerCase()] !== undefined) {
    const h = Number(timed[2]);
    const m = Number(timed[3]);
    if (h > 23 || m > 59) return undefined;
    rest = (timed[1] as string).replace(/,$/, '');
    time = `${pad(h)}:${pad(m)}:00`;
  }
  const days = DAY_WORDS[rest.toLowerCase()];
  if (days !== undefined) return { amount: days, unit: 'day', updated, ...(time ? { time } : {}) };
  for (const re of AGO) {
    const m = re.exec(rest);
    if (!m) continue;
    const amount = WORD_NUMBERS[(m[1] as string).toLowerCase()] ?? Number(m[1]);
    const unit = UNITS.find(([stem]) => stem.test((m[2] as string).toLowerCase()))?.[1];
    if (unit && Number.isFinite(amount)) return { amount, unit, updated };
  }
  return undefined;
}

/** An ISO 8601 timestamp with an offset (or Z): what --now accepts. */
const ISO_NOW = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether `now` is a timestamp relative times can be resolved against. */
export function isValidNow(now: string): boolean {
  return ISO_NOW.test(now) && !Number.isNaN(Date.parse(now));
}

const MS: Partial<Record<RelativeUnit, number>> = { second: 1e3, minute: 60e3, hour: 3600e3, day: 86400e3, week: 7 * 86400e3 };

/** The ISO 8601 time a relative time points at, seen from `now` (see the resolution rule above). */
export function resolveRelative(rel: RelativeTime, now: string): string {
  const m = ISO_NOW.exec(now);
  if (!m || Number.isNaN(Date.parse(now))) throw new RangeError(`now must be an ISO 8601 time with an offset, got ${JSON.stringify(now)}`);
  const zone = m[7] as string;
  const offsetMinutes = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  // Work on the wall clock of now's zone, as UTC fields.
  const local = new Date(Date.parse(now) + offsetMinutes * 60e3);
  if (rel.unit === 'month') local.setUTCMonth(local.getUTCMonth() - rel.amount);
  else if (rel.unit === 'year') local.setUTCFullYear(local.getUTCFullYear() - rel.amount);
  else local.setTime(local.getTime() - rel.amount * (MS[rel.unit] as number));
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  if (rel.time !== undefined) return `${date}T${rel.time}${zone === 'Z' ? 'Z' : zone}`;
  if (rel.unit !== 'second' && rel.unit !== 'minute' && rel.unit !== 'hour') return date;
  return `${date}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${zone === 'Z' ? 'Z' : zone}`;
}
