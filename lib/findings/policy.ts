// The policy: every threshold's default, and the merchant's overrides of them, checked. The checks give
// structured problems (`checkPolicy`) so that the options page can word each one beside its own field;
// `resolvePolicy` words them in English for the settings errors and `npm run assess`.
import * as v from 'valibot';
import { step } from '../schema/issues';
import { describeValue } from '../text/quote';
import type { PolicyEntry } from './policy-entry';
import { FINDING_MODULES, POLICY_TABLE, type Policy, type PolicyKey } from './registry';

export type { Policy, PolicyKey } from './registry';

export const DEFAULT_POLICY: Policy = Object.freeze(
  Object.fromEntries(POLICY_TABLE.map((entry) => [entry.key, entry.default])) as Record<PolicyKey, number>,
);

const ENTRY_BY_KEY: ReadonlyMap<string, PolicyEntry> = new Map(POLICY_TABLE.map((entry) => [entry.key, entry]));

/** Band pairs of every module: the critical band must be narrower than the warn band, or "critical" would come first. */
export const NARROWER_THAN: ReadonlyArray<readonly [PolicyKey, PolicyKey]> = FINDING_MODULES.flatMap(
  (module) => ('narrowerThan' in module ? module.narrowerThan : []) as ReadonlyArray<readonly [PolicyKey, PolicyKey]>,
);

function isPolicyKey(key: string): key is PolicyKey {
  return ENTRY_BY_KEY.has(key);
}

export function policyEntryOf(key: PolicyKey): PolicyEntry {
  return ENTRY_BY_KEY.get(key) as PolicyEntry;
}

/** Why one override value is refused: not a finite number, a fraction of a count, or outside the entry's bounds. */
export type PolicyValueFault = 'not_number' | 'not_whole' | 'out_of_range';

/** What is wrong with a set of overrides; each names the key it concerns, where there is one. */
export type PolicyProblem =
  | { type: 'not_object'; value: unknown }
  | { type: 'unknown_key'; key: string }
  | { type: 'value'; key: PolicyKey; fault: PolicyValueFault; value: unknown }
  /** `key` was set to `value`, and with it `narrow` (`narrowValue`) is not below `wide` (`wideValue`). */
  | { type: 'band'; key: PolicyKey; value: number; narrow: PolicyKey; wide: PolicyKey; narrowValue: number; wideValue: number };

/**
 * One valibot schema per policy key: a finite number, whole for counts, within the entry's bounds; each check's
 * message is the fault it finds. Built on first use: the console's content script reads the policy but never
 * checks overrides, and so carries none of valibot (its 30 KB budget has 0.2 KB to spare).
 */
let valueSchemas: ReadonlyMap<string, v.GenericSchema<unknown, number>> | null = null;

function valueSchemaOf(entry: PolicyEntry): v.GenericSchema<unknown, number> {
  valueSchemas ??= new Map(
    POLICY_TABLE.map((known) => [
      known.key,
      v.pipe(
        v.number('not_number' satisfies PolicyValueFault),
        v.finite('not_number' satisfies PolicyValueFault),
        v.check((value) => known.unit !== 'count' || Number.isInteger(value), 'not_whole' satisfies PolicyValueFault),
        v.minValue(known.min, 'out_of_range' satisfies PolicyValueFault),
        v.maxValue(known.max, 'out_of_range' satisfies PolicyValueFault),
      ),
    ]),
  );
  return valueSchemas.get(entry.key) as v.GenericSchema<unknown, number>;
}

/** The check of one value against its entry: the first fault its schema finds, or null. */
export function policyValueFault(entry: PolicyEntry, value: unknown): PolicyValueFault | null {
  const result = v.safeParse(valueSchemaOf(entry), value, { abortPipeEarly: true });
  return result.success ? null : (result.issues[0].message as PolicyValueFault);
}

/**
 * Applies overrides by key. Each bad key or value is refused with its own problem and the default kept;
 * the valid rest is applied. `null`/`undefined` mean "no overrides". A band pair whose narrow band is not
 * below the wide one falls back to both defaults, with a problem for each of the two that was overridden.
 */
export function checkPolicy(overrides: unknown): { policy: Policy; problems: PolicyProblem[] } {
  const policy: Record<PolicyKey, number> = { ...DEFAULT_POLICY };
  const problems: PolicyProblem[] = [];
  if (overrides === null || overrides === undefined) return { policy, problems };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) return { policy, problems: [{ type: 'not_object', value: overrides }] };
  const applied = new Set<PolicyKey>();
  for (const [key, value] of Object.entries(overrides)) {
    if (!isPolicyKey(key)) {
      problems.push({ type: 'unknown_key', key });
      continue;
    }
    const fault = policyValueFault(policyEntryOf(key), value);
    if (fault !== null) {
      problems.push({ type: 'value', key, fault, value });
      continue;
    }
    policy[key] = value as number;
    applied.add(key);
  }
  for (const [narrow, wide] of NARROWER_THAN) {
    if (policy[narrow] < policy[wide]) continue;
    for (const key of [narrow, wide]) {
      if (applied.has(key)) problems.push({ type: 'band', key, value: policy[key], narrow, wide, narrowValue: policy[narrow], wideValue: policy[wide] });
    }
    policy[narrow] = DEFAULT_POLICY[narrow];
    policy[wide] = DEFAULT_POLICY[wide];
  }
  return { policy, problems };
}

/** A problem in plain English, as the settings errors and `npm run assess` print it. */
export function describePolicyProblem(problem: PolicyProblem): string {
  switch (problem.type) {
    case 'not_object':
      return `policy: expected an object of overrides by key, got ${describeValue(problem.value)}`;
    case 'unknown_key':
      return `policy${step(problem.key, false)}: unknown key (known: ${POLICY_TABLE.map((known) => known.key).join(', ')})`;
    case 'value': {
      const entry = policyEntryOf(problem.key);
      const { value } = problem;
      const message =
        problem.fault === 'not_number'
          ? `expected a number of ${entry.unit}, got ${describeValue(value)}`
          : problem.fault === 'not_whole'
            ? `expected a whole count, got ${String(value)}`
            : `${String(value)} is outside ${entry.min}–${entry.max} ${entry.unit}`;
      return `policy.${problem.key}: ${message}; default ${entry.default} ${entry.unit} kept`;
    }
    case 'band':
      return `policy.${problem.key}: ${problem.value} rejected, ${problem.narrow} (${problem.narrowValue}) must be less than ${problem.wide} (${problem.wideValue}); default ${DEFAULT_POLICY[problem.key]} kept`;
  }
}

/** `checkPolicy` with its problems in words. */
export function resolvePolicy(overrides: unknown): { policy: Policy; errors: string[] } {
  const { policy, problems } = checkPolicy(overrides);
  return { policy, errors: problems.map(describePolicyProblem) };
}

/** Whether two policies set every threshold alike (policies are compared by value: each read builds a new one). */
export function samePolicy(a: Policy, b: Policy): boolean {
  return POLICY_TABLE.every(({ key }) => a[key as PolicyKey] === b[key as PolicyKey]);
}
