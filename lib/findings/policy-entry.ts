// A threshold or duration of the rules, with where it comes from and how sure we are. Each entry lives in
// the finding module that owns it (lib/findings/kinds/); the registry lists them all as the policy table
// that the options page edits. Confidence: H = platform field description or many captures, M = one
// credible source, L = a single article or an inference.
import type { Words } from './words';

export type Confidence = 'H' | 'M' | 'L';
export type PolicyUnit = 'hours' | 'days' | 'count';

export interface PolicyEntry<K extends string = string> extends Words {
  readonly key: K;
  /** The rule the threshold belongs to (a RuleReference id of the owning module). */
  readonly rule: string;
  readonly default: number;
  readonly unit: PolicyUnit;
  /** Inclusive bounds an override must respect. */
  readonly min: number;
  readonly max: number;
  readonly confidence: Confidence;
  /** Not a published platform rule: an industry default the merchant should feel free to change. */
  readonly heuristic: boolean;
}

/** Declares an entry, keeping its key as a literal type (a module may read only the keys it declares). */
export function policyEntry<const K extends string>(entry: PolicyEntry<K>): PolicyEntry<K> {
  return entry;
}

/** The values a module sees: the keys of the entries it declared, nothing else. */
export type PolicyValues<K extends string> = Readonly<Record<K, number>>;

/** Where a rule comes from, so a badge can say it. */
export interface RuleReference extends Words {
  readonly source: string;
  readonly confidence: Confidence;
  readonly heuristic: boolean;
}

/** The longest threshold in hours that an override may set (90 days). */
export const MAX_HOURS = 24 * 90;
