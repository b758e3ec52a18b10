// The one place for time calculations. Rules compute in Asia/Shanghai (the platform's zone) whatever the
// machine's zone; the UI displays in the merchant's own zone with Intl.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const SHANGHAI = 'Asia/Shanghai';

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function hoursToMs(hours: number): number {
  return hours * HOUR_MS;
}

export function daysToMs(days: number): number {
  return days * DAY_MS;
}

/** Milliseconds as hours, rounded to 0.01 h: enough for an explanation, stable in JSON. */
export function msToHours(ms: number): number {
  return Math.round(ms / (HOUR_MS / 100)) / 100;
}

// Console times outside these years are corrupt values, not dates: refusing them keeps every deadline
// computed from them printable (toISOString throws beyond the year 275760).
const EARLIEST_PLAUSIBLE = Date.UTC(2000, 0, 1);
const LATEST_PLAUSIBLE = Date.UTC(2100, 0, 1);

/**
 * A console epoch value to epoch ms, or null when it is no plausible time (2000–2100). The console sends
 * unix seconds almost everywhere but milliseconds in after-sales `closeTime`; a magnitude of 1e11
 * separates them without ambiguity (1e11 s is the year 5138, 1e11 ms is 1973), so one conversion serves both.
 */
export function epochToMs(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const ms = Math.abs(value) >= 1e11 ? Math.round(value) : Math.round(value * SECOND_MS);
  return isPlausibleInstant(ms) ? ms : null;
}

export function isPlausibleInstant(ms: number): boolean {
  return ms >= EARLIEST_PLAUSIBLE && ms < LATEST_PLAUSIBLE;
}

/** ISO-8601 UTC, the form every finding carries. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

// Shanghai has kept UTC+8 without daylight saving since 1991, so instants from 1992 on need no time-zone
// database. That fast path matters: courier traces carry one local time string per event, and a bench run
// parses a million of them. Earlier dates go through TZDate, which knows the 1986–1991 summer time.
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
const FIXED_OFFSET_SINCE_YEAR = 1992;

/** A wall-clock time in Shanghai (month 1–12) to epoch ms. */
export function shanghaiWallToMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  if (year >= FIXED_OFFSET_SINCE_YEAR) {
    return Date.UTC(year, month - 1, day, hour, minute, second) - SHANGHAI_OFFSET_MS;
  }
  return new TZDate(year, month - 1, day, hour, minute, second, SHANGHAI).getTime();
}

const LOCAL_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/**
 * A time string without a zone, as couriers write it ("2025-03-02 08:10:00"), read as Shanghai wall time.
 * Null when the text is not such a time or names an impossible date (02-30 is refused, not rolled over).
 */
export function parseShanghaiLocal(text: string): number | null {
  const match = LOCAL_TIME.exec(text.trim());
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = match[4] === undefined ? 0 : Number(match[4]);
  const minute = match[5] === undefined ? 0 : Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return shanghaiWallToMs(year, month, day, hour, minute, second);
}

/**
 * An instant from text: ISO-8601 with a zone (`2026-11-20T10:00:00+08:00`, `…Z`) as written, or a time
 * without a zone as Shanghai wall time (never the machine's zone). Null when unreadable.
 */
export function parseInstant(text: string): number | null {
  const trimmed = text.trim();
  if (OFFSET_TIME.test(trimmed)) {
    const ms = Date.parse(trimmed);
    return Number.isFinite(ms) ? ms : null;
  }
  return parseShanghaiLocal(trimmed);
}

/** 'MM-dd HH:mm' in Shanghai, the console's own display (e.g. "11-20 09:12"). */
export function formatShanghai(ms: number): string {
  return format(new TZDate(ms, SHANGHAI), 'MM-dd HH:mm');
}

export type Lang = 'zh' | 'en';

/**
 * A remaining duration, truncated to the minute: '2天3时' / '2d 3h' from a day on, '5时12分' / '5h 12m'
 * from an hour on, else '12分' / '12m'. A negative duration (overdue) keeps its sign: '-1时5分'.
 */
export function formatRemaining(ms: number, lang: Lang): string {
  const sign = ms < 0 ? '-' : '';
  const totalMinutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return sign + (lang === 'zh' ? `${days}天${hours}时` : `${days}d ${hours}h`);
  if (hours > 0) return sign + (lang === 'zh' ? `${hours}时${minutes}分` : `${hours}h ${minutes}m`);
  return sign + (lang === 'zh' ? `${minutes}分` : `${minutes}m`);
}

/** A badge countdown: like `formatRemaining`, with seconds in the last hour ('12分05秒' / '12m 05s'). */
export function formatCountdown(ms: number, lang: Lang): string {
  const abs = Math.abs(ms);
  if (abs >= HOUR_MS) return formatRemaining(ms, lang);
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.floor(abs / MINUTE_MS);
  const seconds = String(Math.floor((abs % MINUTE_MS) / SECOND_MS)).padStart(2, '0');
  return sign + (lang === 'zh' ? `${minutes}分${seconds}秒` : `${minutes}m ${seconds}s`);
}
