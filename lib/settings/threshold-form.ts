// The 规则阈值 section's form, apart from React: each threshold as typed, checked as the merchant types with
// the policy's own checks (lib/findings/policy.ts `checkPolicy`: bounds, whole counts, the band rule), so that
// what the form accepts is exactly what saving accepts. Pure.
import { checkPolicy, DEFAULT_POLICY, policyEntryOf, type PolicyValueFault } from '../findings/policy';
import type { PolicyEntry } from '../findings/policy-entry';
import { FINDING_MODULES, type FindingKind, type PolicyKey } from '../findings/registry';

/** Every threshold's field as typed. */
export type ThresholdTexts = Readonly<Record<PolicyKey, string>>;

/** Why a field cannot be saved, with what its message needs. */
export type ThresholdProblem =
  | { fault: 'empty' }
  | { fault: PolicyValueFault; entry: PolicyEntry }
  /** The band rule: this field must stay below (`narrow`) or above `other`, which holds `otherValue`. */
  | { fault: 'band'; narrow: boolean; other: PolicyEntry; otherValue: number };

export interface ThresholdCheck {
  /** The values that differ from their defaults: what `Settings.policyOverrides` stores. */
  overrides: Record<string, number>;
  problems: Partial<Record<PolicyKey, ThresholdProblem>>;
}

/** The thresholds of each finding kind, each under the first kind that reads it (the one that owns it). */
export const THRESHOLD_GROUPS: ReadonlyArray<{ kind: FindingKind; entries: readonly PolicyEntry[] }> = (() => {
  const seen = new Set<string>();
  const groups: Array<{ kind: FindingKind; entries: PolicyEntry[] }> = [];
  for (const module of FINDING_MODULES) {
    const entries = (module.thresholds as readonly PolicyEntry[]).filter((entry) => !seen.has(entry.key));
    for (const entry of entries) seen.add(entry.key);
    if (entries.length > 0) groups.push({ kind: module.kind, entries });
  }
  return groups;
})();

/** The fields as the saved overrides fill them: an override where there is one, else the default. */
export function thresholdTextsOf(overrides: Readonly<Record<string, number>>): ThresholdTexts {
  return Object.fromEntries(Object.entries(DEFAULT_POLICY).map(([key, value]) => [key, String(overrides[key] ?? value)])) as Record<PolicyKey, string>;
}

/** A field's number: plain decimals only (Number('') and Number('0x10') would pass), full-width digits read as digits. */
export function parseThresholdText(text: string): number | null {
  const plain = text.trim().replace(/[０-９．－]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
  return /^-?(\d+(\.\d+)?|\.\d+)$/.test(plain) ? Number(plain) : null;
}

/** Checks every field at once (the band rule pairs two of them): the overrides to save, or each field's problem. */
export function checkThresholds(texts: ThresholdTexts): ThresholdCheck {
  const overrides: Record<string, number> = {};
  const problems: Partial<Record<PolicyKey, ThresholdProblem>> = {};
  for (const [key, text] of Object.entries(texts) as Array<[PolicyKey, string]>) {
    if (text.trim() === '') {
      problems[key] = { fault: 'empty' };
      continue;
    }
    const value = parseThresholdText(text);
    if (value === null) problems[key] = { fault: 'not_number', entry: policyEntryOf(key) };
    else if (value !== DEFAULT_POLICY[key]) overrides[key] = value;
  }
  for (const problem of checkPolicy(overrides).problems) {
    if (problem.type === 'value') {
      problems[problem.key] = { fault: problem.fault, entry: policyEntryOf(problem.key) };
    } else if (problem.type === 'band') {
      const narrow = problem.key === problem.narrow;
      const other = narrow ? problem.wide : problem.narrow;
      problems[problem.key] = { fault: 'band', narrow, other: policyEntryOf(other), otherValue: narrow ? problem.wideValue : problem.narrowValue };
    }
  }
  for (const key of Object.keys(problems)) delete overrides[key];
  return { overrides, problems };
}

/** Whether a field holds something other than its default (a problem counts: it is not the default either). */
export function isModified(key: PolicyKey, text: string): boolean {
  return parseThresholdText(text) !== DEFAULT_POLICY[key];
}
