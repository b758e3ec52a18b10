// The policy: every threshold's default, and the merchant's overrides of them, checked.
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
const NARROWER_THAN: ReadonlyArray<readonly [PolicyKey, PolicyKey]> = FINDING_MODULES.flatMap(
  (module) => ('narrowerThan' in module ? module.narrowerThan : []) as ReadonlyArray<readonly [PolicyKey, PolicyKey]>,
);

function isPolicyKey(key: string): key is PolicyKey {
  return ENTRY_BY_KEY.has(key);
}

function policyEntryOf(key: PolicyKey): PolicyEntry {
  return ENTRY_BY_KEY.get(key) as PolicyEntry;
}

/** One schema per policy key: a finite number within the entry's bounds, whole for counts. */
const VALUE_SCHEMAS: ReadonlyMap<string, v.GenericSchema<unknown, number>> = new Map(
  POLICY_TABLE.map((entry) => [
    entry.key,
    v.pipe(
      v.number(`expected a number of ${entry.unit}`),
      v.finite(`expected a number of ${entry.unit}`),
      v.check((value) => entry.unit !== 'count' || Number.isInteger(value), (issue) => `expected a whole count, got ${String(issue.input)}`),
      v.check((value) => value >= entry.min && value <= entry.max, (issue) => `${String(issue.input)} is outside ${entry.min}–${entry.max} ${entry.unit}`),
    ),
  ]),
);

/**
 * Applies overrides by key. Each bad key or value is rejected with its own message and the default kept;
 * the valid rest is applied. `null`/`undefined` mean "no overrides".
 */
export function resolvePolicy(overrides: unknown): { policy: Policy; errors: string[] } {
  const policy: Record<PolicyKey, number> = { ...DEFAULT_POLICY };
  const errors: string[] = [];
  if (overrides === null || overrides === undefined) return { policy, errors };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) {
    errors.push(`policy: expected an object of overrides by key, got ${describeValue(overrides)}`);
    return { policy, errors };
  }
  const applied = new Set<PolicyKey>();
  for (const [key, value] of Object.entries(overrides)) {
    const schema = VALUE_SCHEMAS.get(key);
    if (schema === undefined || !isPolicyKey(key)) {
      errors.push(`policy${step(key, false)}: unknown key (known: ${POLICY_TABLE.map((known) => known.key).join(', ')})`);
      continue;
    }
    const checked = v.safeParse(schema, value);
    if (!checked.success) {
      const entry = policyEntryOf(key);
      const message = checked.issues[0]?.message ?? 'invalid';
      errors.push(`policy.${key}: ${typeof value === 'number' && Number.isFinite(value) ? message : `${message}, got ${describeValue(value)}`}; default ${entry.default} ${entry.unit} kept`);
      continue;
    }
    policy[key] = checked.output;
    applied.add(key);
  }
  for (const [narrow, wide] of NARROWER_THAN) {
    if (policy[narrow] < policy[wide]) continue;
    for (const key of [narrow, wide]) {
      if (!applied.has(key)) continue;
      errors.push(`policy.${key}: ${policy[key]} rejected, ${narrow} (${policy[narrow]}) must be less than ${wide} (${policy[wide]}); default ${DEFAULT_POLICY[key]} kept`);
    }
    policy[narrow] = DEFAULT_POLICY[narrow];
    policy[wide] = DEFAULT_POLICY[wide];
  }
  return { policy, errors };
}
