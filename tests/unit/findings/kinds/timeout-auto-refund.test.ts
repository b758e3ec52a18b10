import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { afterSale, context, H, P, NOW, only, order, has } from '../builders';

describe('timeout_auto_refund', () => {
  it('is critical for a closed case that the platform refunded on timeout (1028)', () => {
    const sale = afterSale({ actions: [1028], statusCode: 5, statusText: '退款成功', closedAt: NOW - 5 * H });
    expect(only(assessOrder(context(order({ refunded: true }), null, [sale]), NOW, P), 'timeout_auto_refund')).toMatchObject({
      severity: 'critical',
      rule: 'A19',
      basis: { closedAt: NOW - 5 * H },
    });
  });

  it('waits for the case to close', () => {
    const open = afterSale({ actions: [1028], statusCode: 11 });
    expect(has(assessOrder(context(order(), null, [open]), NOW, P), 'timeout_auto_refund')).toBe(false);
  });
});
