import { describe, expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { FINDING_MODULES, POLICY_TABLE } from '../../../lib/findings/registry';
import { checkSettingsCandidate, DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { checkThresholds, isModified, parseThresholdText, THRESHOLD_GROUPS, thresholdTextsOf } from '../../../lib/settings/threshold-form';

const defaults = thresholdTextsOf({});

describe('THRESHOLD_GROUPS', () => {
  test('every policy entry once, under the first kind that reads it, in registry order', () => {
    const keys = THRESHOLD_GROUPS.flatMap((group) => group.entries.map((entry) => entry.key));
    expect(keys).toEqual(POLICY_TABLE.map((entry) => entry.key));
    for (const { kind, entries } of THRESHOLD_GROUPS) {
      const owner = FINDING_MODULES.find((module) => (module.thresholds as readonly { key: string }[]).some((entry) => entry.key === entries[0]!.key))!;
      expect(owner.kind).toBe(kind);
    }
    expect(THRESHOLD_GROUPS[0]).toMatchObject({ kind: 'ship_by' });
  });
});

describe('parseThresholdText', () => {
  test.each([
    ['12', 12],
    [' 0.5 ', 0.5],
    ['.5', 0.5],
    ['-1', -1],
    ['１２', 12],
    ['', null],
    ['0x10', null],
    ['12h', null],
    ['1e3', null],
  ])('%j → %j', (text, value) => expect(parseThresholdText(text)).toBe(value));
});

describe('checkThresholds', () => {
  test('the defaults are no overrides and no problem', () => {
    expect(checkThresholds(defaults)).toEqual({ overrides: {}, problems: {} });
  });

  test('changed values become overrides, values equal to the default do not', () => {
    expect(checkThresholds({ ...defaults, shipByWarnHours: '24', pickupHours: '24.0' })).toEqual({ overrides: { shipByWarnHours: 24 }, problems: {} });
  });

  test('each field gets its own problem: empty, no number, a fraction of a count, out of range', () => {
    const { overrides, problems } = checkThresholds({ ...defaults, shipByWarnHours: '', pickupHours: 'abc', rejectionClusterCount: '2.5', autoConfirmDays: '0', stallInTransitHours: '72' });
    expect(overrides).toEqual({ stallInTransitHours: 72 });
    expect(Object.keys(problems)).toEqual(['shipByWarnHours', 'pickupHours', 'autoConfirmDays', 'rejectionClusterCount']);
    expect(problems).toMatchObject({
      shipByWarnHours: { fault: 'empty' },
      pickupHours: { fault: 'not_number', entry: { key: 'pickupHours' } },
      rejectionClusterCount: { fault: 'not_whole', entry: { key: 'rejectionClusterCount' } },
      autoConfirmDays: { fault: 'out_of_range', entry: { key: 'autoConfirmDays' } },
    });
  });

  test('the band rule: a critical band not below its warn band marks the critical field, and the warn field too when it was changed', () => {
    const one = checkThresholds({ ...defaults, shipByCriticalHours: '12' }).problems;
    expect(Object.keys(one)).toEqual(['shipByCriticalHours']);
    expect(one).toMatchObject({ shipByCriticalHours: { fault: 'band', narrow: true, other: { key: 'shipByWarnHours' }, otherValue: 12 } });
    const both = checkThresholds({ ...defaults, shipByCriticalHours: '6', shipByWarnHours: '5' });
    expect(both.overrides).toEqual({});
    expect(Object.keys(both.problems).sort()).toEqual(['shipByCriticalHours', 'shipByWarnHours']);
    expect(both.problems).toMatchObject({
      shipByCriticalHours: { fault: 'band', narrow: true, other: { key: 'shipByWarnHours' }, otherValue: 5 },
      shipByWarnHours: { fault: 'band', narrow: false, other: { key: 'shipByCriticalHours' }, otherValue: 6 },
    });
    expect(checkThresholds({ ...defaults, shipByCriticalHours: '6', shipByWarnHours: '7' })).toEqual({ overrides: { shipByCriticalHours: 6, shipByWarnHours: 7 }, problems: {} });
  });

  test('what the form accepts, saving accepts, and the other way round (the same checks)', () => {
    const cases = [{ pickupCriticalHours: '11' }, { pickupCriticalHours: '12' }, { shipByFallbackHours: '721' }, { shipByFallbackHours: '720' }, { rejectionClusterCount: '2' }];
    for (const edit of cases) {
      const check = checkThresholds({ ...defaults, ...edit });
      const candidate = { ...DEFAULT_SETTINGS, policyOverrides: Object.fromEntries(Object.entries(edit).map(([key, text]) => [key, Number(text)])) };
      expect(Object.keys(check.problems).length === 0, JSON.stringify(edit)).toBe(checkSettingsCandidate(candidate).ok);
    }
  });
});

test('thresholdTextsOf fills the saved overrides and the defaults; isModified compares with the default', () => {
  const texts = thresholdTextsOf({ shipByWarnHours: 24 });
  expect(texts.shipByWarnHours).toBe('24');
  expect(texts.pickupHours).toBe(String(DEFAULT_POLICY.pickupHours));
  expect(isModified('shipByWarnHours', '24')).toBe(true);
  expect(isModified('shipByWarnHours', '12.0')).toBe(false);
  expect(isModified('shipByWarnHours', 'x')).toBe(true);
});
