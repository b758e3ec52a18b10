// Reading fields of untrusted JSON (console rows, courier bodies): each reader returns a value or null for
// "not set", and records a message for a value it cannot take as it is, so a normalizer can name every bad
// field and never throw. Hand-written, without a schema library: every field of every row and courier
// event of a shop comes through here.
import { describeValue, quote } from '../text/quote';
import { trimmed } from '../text/whitespace';
import { parseInstant } from '../time/parse';
import { epochToMs, isPlausibleInstant } from '../time/shanghai';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Null, undefined or blank text: what the readers take for "not set" without a word. */
export function isAbsent(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && trimmed(value) === '');
}

/** Console codes (statuses, types, courier ids) are small integers; -1 is the console's "none" in several. */
export const CODE_MIN = -1;
export const CODE_MAX = 2 ** 31 - 1;
/** Money is in cents (分); an amount above 100 million yuan is a corrupt value. */
export const CENTS_MAX = 10_000_000_000;

const NUMERIC_TEXT = /^-?\d+(?:\.\d+)?$/;

// The readers take the field's value, read by the caller with a named access (`row.order_sn`): one
// reader reading every field as `row[key]` made that read megamorphic, a hash lookup per field of every row.
// `key` only names the field in a problem.

/**
 * Trimmed text; '' is null. A number (ids and codes come as either) is its decimal text when it is a safe
 * integer. A larger one was already rounded by JSON.parse (231012123456789012345 arrives as …89020000), so
 * it is refused by name, never kept rounded.
 */
export function readText(value: unknown, key: string, problems: string[]): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = trimmed(value);
    return text === '' ? null : text;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'number' && Number.isInteger(value)) {
    problems.push(`${key}: ${value} is above 2^53, where JSON numbers lose digits; send it as text`);
  } else {
    problems.push(`${key}: expected text, got ${describeValue(value)}`);
  }
  return null;
}

/** A finite number, also from numeric text (" 12.5 "); null when absent or blank. The one number reader. */
export function readNumber(value: unknown, key: string, problems: string[]): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === 'string') {
    const text = trimmed(value);
    if (text === '') return null;
    // A text of 400 digits matches and reads as Infinity: the finiteness check refuses it.
    const number = NUMERIC_TEXT.test(text) ? Number(text) : NaN;
    if (Number.isFinite(number)) return number;
  }
  problems.push(`${key}: expected a number, got ${describeValue(value)}`);
  return null;
}

/** A whole number from `min` to `max`, also from numeric text; null when absent. */
export function readInteger(value: unknown, key: string, min: number, max: number, problems: string[]): number | null {
  const number = readNumber(value, key, problems);
  if (number === null || (Number.isInteger(number) && number >= min && number <= max)) return number;
  problems.push(`${key}: ${describeValue(value)} is not a whole number from ${min} to ${max}`);
  return null;
}

/** A console or provider code as a number (CODE_MIN…CODE_MAX). */
export function readCode(value: unknown, key: string, problems: string[]): number | null {
  return readInteger(value, key, CODE_MIN, CODE_MAX, problems);
}

/** An amount in cents: a whole number from 0 to CENTS_MAX (a fraction means yuan were sent). */
export function readCents(value: unknown, key: string, problems: string[]): number | null {
  return readInteger(value, key, 0, CENTS_MAX, problems);
}

/** A console time (unix seconds, or milliseconds where the console uses them) as epoch ms; 0 is "not set". */
export function readEpoch(value: unknown, key: string, problems: string[]): number | null {
  const number = readNumber(value, key, problems);
  if (number === null || number === 0) return null;
  const ms = epochToMs(number);
  if (ms === null) problems.push(`${key}: ${number} is not a plausible time`);
  return ms;
}

/**
 * A time written as text (courier events, files) as epoch ms, in any form `parseInstant` reads; null when
 * absent. Text that is no time, or a time outside 2000–2100, is named: never shifted, never dropped unsaid.
 */
export function readTime(value: unknown, key: string, problems: string[]): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') {
    problems.push(`${key}: expected a time as text, got ${describeValue(value)}`);
    return null;
  }
  const ms = parseInstant(value);
  if (ms !== null && isPlausibleInstant(ms)) return ms;
  problems.push(`${key}: ${quote(value)} is ${ms === null ? 'not a time' : 'not a plausible time'}`);
  return null;
}

/**
 * A flag: true/false, 1/0, "1"/"0" or "true"/"false" (trimmed); null when absent or blank, and for anything
 * else, which is named.
 */
export function readFlag(value: unknown, key: string, problems: string[]): boolean | null {
  if (value === true || value === 1) return true;
  if (value === false || value === 0) return false;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = trimmed(value);
    if (text === '1' || text === 'true') return true;
    if (text === '0' || text === 'false') return false;
    if (text === '') return null;
  }
  problems.push(`${key}: expected a flag (true, false, 1 or 0), got ${describeValue(value)}`);
  return null;
}

