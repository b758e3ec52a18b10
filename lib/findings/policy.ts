// The policy: every threshold's default, and the merchant's overrides of them, checked.
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

export function isPolicyKey(key: string): key is PolicyKey {
  return ENTRY_BY_KEY.has(key);
}

export function policyEntryOf(key: PolicyKey): PolicyEntry {
  return ENTRY_BY_KEY.get(key) as PolicyEntry;
}

/**
 * Applies overrides by key. Each bad key or value is rejected with its own message and the default kept;
 * the valid rest is applied. `null`/`undefined` mean "no overrides".
 */
export function resolvePolicy(overrides: unknown): { policy: Policy; errors: string[] } {
  const policy: Record<PolicyKey, number> = { ...DEFAULT_POLICY };
  const errors: string[] = [];
  if (overrides === null || overrides === undefined) return { policy, errors };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) {
    errors.push(`policy: expected an object of overrides by key, got ${describe(overrides)}`);
    return { policy, errors };
  }
  const applied = new Set<PolicyKey>();
  for (const [key, value] of Object.entries(overrides)) {
    const entry = ENTRY_BY_KEY.get(key);
    if (entry === undefined || !isPolicyKey(key)) {
      errors.push(`policy.${JSON.stringify(key).slice(1, -1)}: unknown key (known: ${POLICY_TABLE.map((known) => known.key).join(', ')})`);
      continue;
    }
    const problem = valueProblem(entry, value);
    if (problem !== null) {
      errors.push(`policy.${key}: ${problem}; default ${entry.default} ${entry.unit} kept`);
      continue;
    }
    policy[key] = value as number;
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

function valueProblem(entry: PolicyEntry, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a number of ${entry.unit}, got ${describe(value)}`;
  if (entry.unit === 'count' && !Number.isInteger(value)) return `expected a whole count, got ${value}`;
  if (value < entry.min || value > entry.max) return `${value} is outside ${entry.min}–${entry.max} ${entry.unit}`;
  return null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
