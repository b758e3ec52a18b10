// Time in Asia/Shanghai, the platform's zone, whatever the machine's: durations, plausible instants and
// their display (the UI shows the merchant's own zone with Intl). Reading times from text is ./parse.ts.

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


/** ISO-8601 UTC text of an instant (`2026-11-20T02:00:00.000Z`): how `npm run assess` prints times. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** 'MM-dd HH:mm' in Shanghai, the console's own display (e.g. "11-20 09:12"). */
export function formatShanghai(ms: number): string {
  const wall = shanghaiWallText(ms);
  return `${wall.slice(5, 10)} ${wall.slice(11, 16)}`;
}

/** 'yyyy-MM-dd HH:mm:ss' in Shanghai, as exported files show times; null for no time. */
export function shanghaiDateTime(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return null;
  return shanghaiWallText(ms);
}

/** Shanghai has kept UTC+8 without daylight saving since 1991 (1986–1991 had summer time). */
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
export const FIXED_OFFSET_SINCE_YEAR = 1992;
export const FIXED_OFFSET_SINCE_WALL_MS = Date.UTC(FIXED_OFFSET_SINCE_YEAR, 0, 1);

/**
 * The instant the Beijing day of `ms` began (00:00 Beijing time): the days the dashboard counts by, the
 * couriers' delivery day, the providers' daily allowance. Plain UTC+8 arithmetic, valid from 1992 on.
 */
export function shanghaiMidnight(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** Shanghai's wall clock, read by the time zone database for the years of its summer time (and before). */
let historicWall: Intl.DateTimeFormat | null = null;

/**
 * 'yyyy-MM-dd HH:mm:ss' in Shanghai. From 1992 on (every time the extension shows) it is UTC+8, plain
 * arithmetic; earlier instants ask Intl. Not date-fns: its `format` was a fifth of the content script.
 */
function shanghaiWallText(ms: number): string {
  if (ms >= FIXED_OFFSET_SINCE_WALL_MS - SHANGHAI_OFFSET_MS) return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
  historicWall ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: SHANGHAI,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const parts = historicWall.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
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

/**
 * How long ago, in its largest whole unit ('6小时前' / '6 h ago'): where the age of a status matters at a
 * glance and its minutes do not (a courier scan, the last check).
 */
export function formatAge(ms: number, lang: Lang): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE_MS);
  if (minutes < 1) return lang === 'zh' ? '刚刚' : 'just now';
  if (minutes < 60) return lang === 'zh' ? `${minutes}分钟前` : `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return lang === 'zh' ? `${hours}小时前` : `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return lang === 'zh' ? `${days}天前` : `${days} d ago`;
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
