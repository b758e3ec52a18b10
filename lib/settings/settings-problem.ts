// What is wrong with stored or candidate settings, as data: a code, the setting's path and its value or bounds,
// so the options page can word it in the merchant's language (./settings-problem-text.ts); `log` is the same
// problem in English for a developer's log line.
import type { BaseIssue } from 'valibot';
import { describePolicyProblem, policyEntryOf, type PolicyProblem } from '../findings/policy';
import { describeIssue, pathOf } from '../schema/issues';
import { describeValue } from '../text/quote';

export type SettingsProblemCode = 'not_object' | 'nothing_to_save' | 'unknown_setting' | 'out_of_range' | 'too_many' | 'repeated' | 'invalid';

export interface SettingsProblem {
  readonly code: SettingsProblemCode;
  /** `retentionDays`, `tracking.dailyBudget`, `policyOverrides.pickupHours`, …; `settings` for the whole. */
  readonly path: string;
  /** The refused value as `describeValue` quotes it (out_of_range, invalid); absent when there was none. */
  readonly value?: string;
  /** The bounds a number must keep (out_of_range); `max` is also how many a list may hold (too_many). */
  readonly min?: number;
  readonly max?: number;
  readonly log: string;
}

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** The refused value, quoted; nothing for a missing one. */
export const valueOf = (value: unknown): { value?: string } => (value === undefined ? {} : { value: describeValue(value) });

export const unknownSetting = (path: string): SettingsProblem => ({ code: 'unknown_setting', path, log: `${path}: unknown setting` });

/** Valibot's issues for the value at `root`; a number refused by a check with `bounds` is out of range. */
export function issueProblems(issues: readonly BaseIssue<unknown>[], root: string, bounds?: Bounds): SettingsProblem[] {
  return issues.map((issue) => {
    const log = describeIssue(issue, root);
    const keys = (issue.path ?? []).map((item) => item.key);
    const path = pathOf(root, keys);
    const last = issue.path?.[issue.path.length - 1];
    // A key the schema does not allow (describeIssue's "unknown key"); a missing one is an invalid value.
    const unknownKey = issue.expected === 'never' || (last?.origin === 'key' && !(issue.input === undefined && issue.expected !== 'never'));
    if (unknownKey) return { code: 'unknown_setting', path, log };
    const value = last !== undefined ? last.value : issue.input;
    if (bounds !== undefined && typeof value === 'number' && !(value >= bounds.min && value <= bounds.max)) return { code: 'out_of_range', path, value: describeValue(value), min: bounds.min, max: bounds.max, log };
    return { code: 'invalid', path, ...valueOf(value), log };
  });
}

/** A policy override's problem (lib/findings/policy.ts) at its settings path. */
export function policyProblem(problem: PolicyProblem): SettingsProblem {
  const log = describePolicyProblem(problem);
  switch (problem.type) {
    case 'not_object':
      return { code: 'invalid', path: 'policyOverrides', ...valueOf(problem.value), log };
    case 'unknown_key':
      return { code: 'unknown_setting', path: `policyOverrides.${problem.key}`, log };
    case 'value': {
      const path = `policyOverrides.${problem.key}`;
      if (problem.fault !== 'out_of_range') return { code: 'invalid', path, ...valueOf(problem.value), log };
      const { min, max } = policyEntryOf(problem.key);
      return { code: 'out_of_range', path, value: describeValue(problem.value), min, max, log };
    }
    case 'band':
      return { code: 'invalid', path: `policyOverrides.${problem.key}`, value: describeValue(problem.value), log };
  }
}
