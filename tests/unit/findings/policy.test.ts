import { describe, expect, it } from 'vitest';
import { checkPolicy, DEFAULT_POLICY, resolvePolicy, samePolicy } from '../../../lib/findings/policy';
import { POLICY_TABLE, RULE_REFERENCES } from '../../../lib/findings/registry';

describe('POLICY_TABLE', () => {
  it('has unique keys, defaults inside their bounds, and cites known rules', () => {
    const keys = POLICY_TABLE.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of POLICY_TABLE) {
      expect(entry.default, entry.key).toBeGreaterThanOrEqual(entry.min);
      expect(entry.default, entry.key).toBeLessThanOrEqual(entry.max);
      expect([...RULE_REFERENCES.keys()], entry.key).toContain(entry.rule);
      expect(entry.zh.length * entry.en.length, entry.key).toBeGreaterThan(0);
    }
  });

  it('carries the platform durations with their confidence (lib/pdd/README.md § Platform rules)', () => {
    const byKey = Object.fromEntries(POLICY_TABLE.map((entry) => [entry.key, entry]));
    expect(byKey.shipByFallbackHours).toMatchObject({ rule: 'R1', default: 48, unit: 'hours', confidence: 'H' });
    expect(byKey.pickupHours).toMatchObject({ rule: 'R6', default: 24, confidence: 'M' });
    expect(byKey.trackingEditHours).toMatchObject({ rule: 'R8', default: 24 });
    expect(byKey.extraPackageDays).toMatchObject({ rule: 'R8', default: 30, unit: 'days' });
    expect(byKey.autoConfirmDays).toMatchObject({ rule: 'R9', default: 15, unit: 'days' });
    expect(byKey.refundOnlyUnshippedReplyHours).toMatchObject({ rule: 'R10', default: 24, confidence: 'L' });
    expect(byKey.refundOnlyShippedReplyHours).toMatchObject({ rule: 'R10', default: 36 });
    expect(byKey.returnRefundReplyHours).toMatchObject({ rule: 'R11', default: 36 });
    expect(byKey.fastRefundAppealDays).toMatchObject({ rule: 'R13', default: 7 });
    for (const key of ['stallBeforeTransitHours', 'stallInTransitHours', 'stallLastMileHours']) {
      expect(byKey[key]).toMatchObject({ heuristic: true, confidence: 'L' });
    }
  });
});

describe('resolvePolicy', () => {
  it('gives the defaults without overrides', () => {
    for (const none of [undefined, null, {}]) expect(resolvePolicy(none)).toEqual({ policy: DEFAULT_POLICY, errors: [] });
  });

  it('applies valid overrides and rejects each bad one with its own message, keeping its default', () => {
    const { policy, errors } = resolvePolicy({
      pickupHours: 36,
      stallInTransitHours: '72',
      shipByWarnHours: -1,
      rejectionClusterCount: 2.5,
      pickupHourz: 30,
      autoConfirmDays: Number.NaN,
    });
    expect(policy).toEqual({ ...DEFAULT_POLICY, pickupHours: 36 });
    expect(errors).toHaveLength(5);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^policy\.stallInTransitHours: expected a number of hours, got "72"; default 48 hours kept$/),
        expect.stringMatching(/^policy\.shipByWarnHours: -1 is outside 0–2160 hours/),
        expect.stringMatching(/^policy\.rejectionClusterCount: expected a whole count, got 2\.5/),
        expect.stringMatching(/^policy\.pickupHourz: unknown key \(known: shipByFallbackHours, /),
        expect.stringMatching(/^policy\.autoConfirmDays: expected a number of days/),
      ]),
    );
  });

  it('rejects a critical band that is not narrower than the warn band', () => {
    const { policy, errors } = resolvePolicy({ pickupCriticalHours: 15 });
    expect(policy.pickupCriticalHours).toBe(4);
    expect(errors).toEqual([expect.stringMatching(/^policy\.pickupCriticalHours: 15 rejected, pickupCriticalHours \(15\) must be less than pickupWarnHours \(12\)/)]);
    expect(resolvePolicy({ pickupCriticalHours: 15, pickupWarnHours: 18 })).toEqual({
      policy: { ...DEFAULT_POLICY, pickupCriticalHours: 15, pickupWarnHours: 18 },
      errors: [],
    });
  });

  it.each([[[1, 2]], ['48'], [7]])('rejects a policy that is not an object: %j', (value) => {
    const { policy, errors } = resolvePolicy(value);
    expect(policy).toEqual(DEFAULT_POLICY);
    expect(errors).toEqual([expect.stringMatching(/^policy: expected an object of overrides by key/)]);
  });
});

describe('checkPolicy', () => {
  it('names the key of each problem, for the options page to word it beside its field', () => {
    expect(checkPolicy({ shipByWarnHours: -1, rejectionClusterCount: 2.5, autoConfirmDays: 'x', pickupHourz: 1 }).problems).toEqual([
      { type: 'value', key: 'shipByWarnHours', fault: 'out_of_range', value: -1 },
      { type: 'value', key: 'rejectionClusterCount', fault: 'not_whole', value: 2.5 },
      { type: 'value', key: 'autoConfirmDays', fault: 'not_number', value: 'x' },
      { type: 'unknown_key', key: 'pickupHourz' },
    ]);
  });

  it('puts a band problem on each overridden key of the pair, with the values that clash', () => {
    expect(checkPolicy({ shipByCriticalHours: 12 }).problems).toEqual([
      { type: 'band', key: 'shipByCriticalHours', value: 12, narrow: 'shipByCriticalHours', wide: 'shipByWarnHours', narrowValue: 12, wideValue: 12 },
    ]);
    const both = checkPolicy({ shipByCriticalHours: 6, shipByWarnHours: 3 });
    expect(both.problems.map((problem) => problem.type === 'band' && problem.key)).toEqual(['shipByCriticalHours', 'shipByWarnHours']);
    expect(both.policy).toEqual(DEFAULT_POLICY);
  });
});

describe('samePolicy', () => {
  it('compares by value: a policy read again is the same, one changed threshold is not', () => {
    expect(samePolicy(resolvePolicy({ shipByWarnHours: 12 }).policy, DEFAULT_POLICY)).toBe(true);
    expect(samePolicy(resolvePolicy({ shipByWarnHours: 24 }).policy, DEFAULT_POLICY)).toBe(false);
    // A refused override leaves the policy as it was.
    expect(samePolicy(resolvePolicy({ shipByCriticalHours: 20 }).policy, DEFAULT_POLICY)).toBe(true);
  });
});
