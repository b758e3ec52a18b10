import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, P, NOW, only, order, shipped, has } from '../builders';

describe('risk_hold', () => {
  it('is info under risk review, only before shipping', () => {
    expect(only(assessOrder(context(order({ riskHold: true })), NOW, P), 'risk_hold')).toMatchObject({
      severity: 'info',
      rule: 'A21',
      basis: { riskStatus: 1, statusText: '待发货' },
    });
    expect(has(assessOrder(context(shipped(2, { riskHold: true })), NOW, P), 'risk_hold')).toBe(false);
    expect(has(assessOrder(context(order({ riskHold: true, state: 'cancelled' })), NOW, P), 'risk_hold')).toBe(false);
  });
});
