// Reading fields of untrusted JSON rows: each reader returns a value or null for "not set", and records a
// message for a value of the wrong kind, so a normalizer can name every bad field and never throw.
import { epochToMs } from '../time/shanghai';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A provider or console code sent as a number or as text ("3", 3), as trimmed text; null when absent. */
export function codeText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

const DIGITS = /^-?\d+(?:\.\d+)?$/;

// The readers are plain functions of the row and its list of problems, not methods of an object made per
// row: V8 drops the hidden classes of such objects at each full collection once none is alive, and with
// them the optimized code of the normalizers that used them (10,000 order rows took ~10 ms instead of ~6
// after each collection).

/** Trimmed text; numbers (ids) become their decimal text; '' is null. */
export function readText(row: Record<string, unknown>, key: string, problems: string[]): string | null {
  const value = row[key];
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  problems.push(`${key}: expected text, got ${kindOf(value)}`);
  return null;
}

/** A number, also from numeric text; null when absent. */
export function readNumber(row: Record<string, unknown>, key: string, problems: string[]): number | null {
  const value = row[key];
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && DIGITS.test(value.trim())) return Number(value);
  problems.push(`${key}: expected a number, got ${kindOf(value)}`);
  return null;
}

/** A console time (unix seconds, or milliseconds where the console uses them) as epoch ms; 0 is "not set". */
export function readEpoch(row: Record<string, unknown>, key: string, problems: string[]): number | null {
  const value = readNumber(row, key, problems);
  if (value === null || value === 0) return null;
  const ms = epochToMs(value);
  if (ms === null) problems.push(`${key}: ${value} is not a plausible time`);
  return ms;
}

/** Console flags come as true/false, 1/0 or "1"/"0". */
export function readFlag(row: Record<string, unknown>, key: string): boolean {
  const value = row[key];
  return value === true || (typeof value === 'number' && value !== 0) || value === '1' || value === 'true';
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.slice(0, 30)}"`;
  return typeof value;
}
