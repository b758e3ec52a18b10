// Reading fields of untrusted JSON rows: each reader returns a value or null for "not set", and records a
// message for a value of the wrong kind, so a normalizer can name every bad field and never throw.
import { trimmed } from '../text/whitespace';
import { epochToMs } from '../time/shanghai';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A provider or console code sent as a number or as text ("3", 3), as trimmed text; null when absent. */
export function codeText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value !== 'string') return null;
  const text = trimmed(value);
  return text === '' ? null : text;
}

const DIGITS = /^-?\d+(?:\.\d+)?$/;

// The readers take the field's value, read by the caller with a named access (`row.order_sn`): one
// reader reading every field as `row[key]` made that read megamorphic, a hash lookup per field of every row.
// `key` only names the field in a problem.

/** Trimmed text; numbers (ids) become their decimal text; '' is null. */
export function readText(value: unknown, key: string, problems: string[]): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = trimmed(value);
    return text === '' ? null : text;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  problems.push(`${key}: expected text, got ${kindOf(value)}`);
  return null;
}

/** A number, also from numeric text; null when absent. */
export function readNumber(value: unknown, key: string, problems: string[]): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && DIGITS.test(value.trim())) return Number(value);
  problems.push(`${key}: expected a number, got ${kindOf(value)}`);
  return null;
}

/** A console time (unix seconds, or milliseconds where the console uses them) as epoch ms; 0 is "not set". */
export function readEpoch(value: unknown, key: string, problems: string[]): number | null {
  const number = readNumber(value, key, problems);
  if (number === null || number === 0) return null;
  const ms = epochToMs(number);
  if (ms === null) problems.push(`${key}: ${number} is not a plausible time`);
  return ms;
}

/** Console flags come as true/false, 1/0 or "1"/"0". */
export function readFlag(value: unknown): boolean {
  return value === true || (typeof value === 'number' && value !== 0) || value === '1' || value === 'true';
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.slice(0, 30)}"`;
  return typeof value;
}
