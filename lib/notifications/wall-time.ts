// The merchant's wall clock for quiet hours and the day of the unverified-pickup summary: instants to local
// dates and 'HH:MM' back to instants, in any Intl time zone (daylight saving included).
import { TZDate } from '@date-fns/tz';

export interface WallDate {
  year: number;
  month: number;
  day: number;
}

export interface Period {
  start: number;
  end: number;
}

const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = DATE_FORMATS.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DATE_FORMATS.set(timeZone, format);
  }
  return format;
}

/** The local calendar date of an instant in `timeZone`. */
export function wallDate(ms: number, timeZone: string): WallDate {
  const parts = dateFormat(timeZone).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((item) => item.type === type)?.value ?? NaN);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** 'yyyy-mm-dd' of an instant in `timeZone`. */
export function wallDayKey(ms: number, timeZone: string): string {
  const { year, month, day } = wallDate(ms, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function plusDays(date: WallDate, days: number): WallDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The instant of a local wall time (minutes after midnight) on a local date. */
export function wallToMs(date: WallDate, minutes: number, timeZone: string): number {
  return new TZDate(date.year, date.month - 1, date.day, Math.floor(minutes / 60), minutes % 60, 0, timeZone).getTime();
}

/** The start of the next local day after the instant. */
export function nextDayStart(ms: number, timeZone: string): number {
  return wallToMs(plusDays(wallDate(ms, timeZone), 1), 0, timeZone);
}

/** The next instant after `ms` at which the local clock reads `minutes` after midnight (today's, or tomorrow's once passed). */
export function nextWallTime(ms: number, minutes: number, timeZone: string): number {
  const today = wallToMs(wallDate(ms, timeZone), minutes, timeZone);
  return today > ms ? today : wallToMs(plusDays(wallDate(ms, timeZone), 1), minutes, timeZone);
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:MM' as minutes after midnight; null when it is not such a time. */
export function parseHhMm(text: string): number | null {
  const match = HH_MM.exec(text);
  return match === null ? null : Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The quiet periods around `ms` (from two local days before to one after), ascending. A period that starts
 * at or after its end time of day ends the next day (22:00–07:00). Equal or unreadable times: no periods.
 */
export function quietPeriodsAround(ms: number, quiet: { start: string; end: string }, timeZone: string): Period[] {
  const start = parseHhMm(quiet.start);
  const end = parseHhMm(quiet.end);
  if (start === null || end === null || start === end) return [];
  const today = wallDate(ms, timeZone);
  const periods: Period[] = [];
  for (let offset = -2; offset <= 1; offset += 1) {
    const day = plusDays(today, offset);
    periods.push({ start: wallToMs(day, start, timeZone), end: wallToMs(end > start ? day : plusDays(day, 1), end, timeZone) });
  }
  return periods;
}

/** The quiet period holding `ms` (start ≤ ms < end), if any. */
export function quietPeriodAt(periods: readonly Period[], ms: number): Period | null {
  return periods.find((period) => period.start <= ms && ms < period.end) ?? null;
}

/** The latest quiet period that ended at or before `ms`, if any. */
export function lastQuietPeriodBefore(periods: readonly Period[], ms: number): Period | null {
  let last: Period | null = null;
  for (const period of periods) if (period.end <= ms && (last === null || period.end > last.end)) last = period;
  return last;
}
