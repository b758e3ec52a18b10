// Checking a basis that comes from outside (a backup) against its kind's field descriptions: every field
// known to the kind, every value of its field's form. What the rules wrote always passes.
import { isPlausibleInstant } from '../time/shanghai';
import type { BasisField, BasisFormat } from './define';
import { moduleOf, type FindingKind } from './registry';

const NUMBER_FORMATS: ReadonlySet<BasisFormat> = new Set(['hours', 'days', 'seconds', 'cents', 'count']);

/** What is wrong with `basis` as a basis of `kind`, one line per field (empty when nothing is). */
export function basisProblems(kind: FindingKind, basis: unknown): string[] {
  if (typeof basis !== 'object' || basis === null || Array.isArray(basis)) return ['expected an object'];
  const fields = moduleOf(kind).basis as Readonly<Record<string, BasisField>>;
  const problems: string[] = [];
  for (const [key, value] of Object.entries(basis)) {
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (field === undefined) problems.push(`${JSON.stringify(key)}: not a field of ${kind}`);
    else if (value !== null && !fitsFormat(field.format, value)) problems.push(`${key}: ${JSON.stringify(value)?.slice(0, 40) ?? typeof value} is not ${expected(field.format)}`);
  }
  return problems;
}

function fitsFormat(format: BasisFormat, value: unknown): boolean {
  if (format === 'instant') return typeof value === 'number' && isPlausibleInstant(value);
  if (NUMBER_FORMATS.has(format)) return typeof value === 'number' && Number.isFinite(value);
  if (format === 'flag') return typeof value === 'boolean';
  if (format === 'code') return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
  return typeof value === 'string';
}

function expected(format: BasisFormat): string {
  if (format === 'instant') return 'a time (epoch ms between 2000 and 2100)';
  if (NUMBER_FORMATS.has(format)) return 'a number';
  if (format === 'flag') return 'true or false';
  if (format === 'code') return 'a code';
  return 'text';
}
