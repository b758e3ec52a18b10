// Reading times from text: courier event times and file times, as Shanghai wall time unless they carry a
// zone. Apart from lib/time/shanghai.ts (durations and display) because it needs the time zone database for
// old dates, which the console page's content script, showing only times, does without.
import { TZDate } from '@date-fns/tz';
import { trimmed } from '../text/whitespace';
import { DAY_MS, FIXED_OFFSET_SINCE_WALL_MS, FIXED_OFFSET_SINCE_YEAR, HOUR_MS, MINUTE_MS, SECOND_MS, SHANGHAI, SHANGHAI_OFFSET_MS } from './shanghai';

const DIGIT_0 = 48;
const DASH = 45;
const COLON = 58;
const LETTER_T = 84;

/**
 * The whole part of `dividend / divisor`, for non-negative integers below 2^31 (every calendar quantity
 * here). `| 0` lets V8 divide in integers, where Math.floor(a / b) is a floating-point division and a
 * rounding: courier times are converted by the million.
 */
function quotient(dividend: number, divisor: number): number {
  return (dividend / divisor) | 0;
}

// Instants from 1992 on need no time-zone database (a fixed UTC+8). That fast path matters: courier traces
// carry one local time string per event, and a bench run parses a million of them. Earlier dates go through
// TZDate, which knows the 1986–1991 summer time.
/** The Gregorian calendar repeats every 400 years, 146,097 days. */
const CALENDAR_CYCLE_MS = 146_097 * DAY_MS;

/** A wall-clock time in Shanghai (month 1–12, any year from 1 on) to epoch ms. */
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
  // Date and TZDate take a year below 100 for 19xx ("0050" would come out as 1950). Shanghai kept its local
  // mean time until 1901, so such a year is read 400 years on, with the same calendar and offset, and moved back.
  if (year < 100) return new TZDate(year + 400, month - 1, day, hour, minute, second, SHANGHAI).getTime() - CALENDAR_CYCLE_MS;
  return new TZDate(year, month - 1, day, hour, minute, second, SHANGHAI).getTime();
}

const SPACE = 32;
const SLASH = 47;

/**
 * Times as couriers and files write them: a date with '-' or '/' (one-digit month and day allowed), then
 * optionally a time after ' ' or 'T' (one-digit hour allowed, seconds and a fraction optional), then
 * optionally a zone: 'Z', '+08:00', '+0800' or '+08'.
 */
const TIME_TEXT = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$/i;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/**
 * An instant from text in any of the forms of TIME_TEXT: with a zone as written, without one as Shanghai
 * wall time (never the machine's zone). Null when unreadable or an impossible date or time (02-30 is
 * refused, not rolled over). Any year from 1 on is read as written; whether it is a plausible time is the
 * caller's question (isPlausibleInstant).
 */
export function parseInstant(text: string): number | null {
  return readTimeText(text, true);
}

/** `parseInstant` for a time that must carry no zone ("2025-03-02 08:10:00"), read as Shanghai wall time. */
export function parseShanghaiLocal(text: string): number | null {
  return readTimeText(text, false);
}

/** The one time reader behind parseInstant and parseShanghaiLocal; `zoned`: whether a zone may be given. */
function readTimeText(text: string, zoned: boolean): number | null {
  // Every event of every trace comes through here: read the usual 19-character form digit by digit. Anything
  // else, an impossible date and the years of Shanghai's summer time go the general way below.
  const dateSeparator = text.charCodeAt(4);
  const separator = text.charCodeAt(10);
  if (
    text.length === 19 &&
    (dateSeparator === DASH || dateSeparator === SLASH) &&
    text.charCodeAt(7) === dateSeparator &&
    (separator === SPACE || separator === LETTER_T) &&
    text.charCodeAt(13) === COLON &&
    text.charCodeAt(16) === COLON
  ) {
    const wall = leadingWallTime(text);
    if (wall >= FIXED_OFFSET_SINCE_WALL_MS) return wall - SHANGHAI_OFFSET_MS;
  }
  const match = TIME_TEXT.exec(trimmed(text));
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[3]);
  const day = Number(match[4]);
  const hour = match[5] === undefined ? 0 : Number(match[5]);
  const minute = match[6] === undefined ? 0 : Number(match[6]);
  const second = match[7] === undefined ? 0 : Number(match[7]);
  // Milliseconds: the fraction's first three digits, as Date.parse reads it.
  const milli = match[8] === undefined ? 0 : Number(match[8].slice(0, 3).padEnd(3, '0'));
  // The calendar has no year 0: 0000 is refused rather than read as 1 BC.
  if (year < 1 || !validWallTime(year, month, day, hour, minute, second)) return null;
  const utc = match[9] !== undefined;
  const sign = match[10];
  if (!utc && sign === undefined) return validWallTimeToMs(year, month, day, hour, minute, second) + milli;
  if (!zoned) return null;
  const offsetHours = utc ? 0 : Number(match[11]);
  const offsetMinutes = utc || match[12] === undefined ? 0 : Number(match[12]);
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const offsetMs = (sign === '-' ? -1 : 1) * (offsetHours * HOUR_MS + offsetMinutes * MINUTE_MS);
  return wallFieldsAsUtc(year, month, day, hour, minute, second) + milli - offsetMs;
}

/**
 * `shanghaiWallToMs` for fields that `validWallTime` accepted. Whole numbers within their ranges need none
 * of Date.UTC's conversions and roll-overs, so the fixed-offset years are plain arithmetic, which costs
 * less than half the builtin: every event of every courier trace comes through here.
 */
function validWallTimeToMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  if (year < FIXED_OFFSET_SINCE_YEAR) return shanghaiWallToMs(year, month, day, hour, minute, second);
  return wallFieldsAsUtc(year, month, day, hour, minute, second) - SHANGHAI_OFFSET_MS;
}

/**
 * The wall time 'YYYY-MM-DD?HH:mm:ss' at the start of `text` (the caller checks the separators), in ms as
 * if it were UTC; NaN when a field is not digits or the date or time cannot exist.
 */
function leadingWallTime(text: string): number {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || hour < 0 || minute < 0 || second < 0 || !validWallTime(year, month, day, hour, minute, second)) return NaN;
  return wallFieldsAsUtc(year, month, day, hour, minute, second);
}

/** Fields that `validWallTime` accepted, as the UTC instant with the same wall time. */
function wallFieldsAsUtc(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  return daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * SECOND_MS;
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar from the year 1 on (H. Hinnant's algorithm; month 1–12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const marchBasedYear = month <= 2 ? year - 1 : year;
  const era = quotient(marchBasedYear, 400);
  const yearOfEra = marchBasedYear - era * 400;
  const dayOfYear = quotient(153 * (month > 2 ? month - 3 : month + 9) + 2, 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + quotient(yearOfEra, 4) - quotient(yearOfEra, 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function validWallTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
}

/** The decimal number in `text[start, start + length)`, or -1 if any character is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i += 1) {
    const digit = text.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
