import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { afterSale, context, event, H, D, P, S, inTransit, NOW, only, order, shipped, trace, clock } from '../builders';

describe('fast_refund_appeal_by', () => {
  const instant = (refundedHoursAgo: number) =>
    afterSale({ actions: [1000], statusCode: 5, statusText: '退款成功', closedAt: NOW - refundedHoursAgo * H, createdAt: NOW - refundedHoursAgo * H });

  it.each([
    ['6 days after the refund', 6 * 24, 'warn'],
    ['5 days after (exactly 48 h left)', 5 * 24, 'warn'],
    ['1 day after', 24, 'info'],
  ] as const)('%s is %s, due 7 days after the refund', (_label, hoursAgo, severity) => {
    const found = only(assessOrder(context(shipped(300), inTransit(290, 100), [instant(hoursAgo)]), NOW, P), 'fast_refund_appeal_by');
    expect(found).toMatchObject({ severity, dueAt: NOW - hoursAgo * H + 7 * D, rule: 'R13' });
  });

  it.each([
    ['at dueAt', 7 * 24 * H, true],
    ['1 s after dueAt', 7 * 24 * H + S, false],
  ] as const)('%s: open %s', (_label, ago, open) => {
    const sale = afterSale({ actions: [1000], closedAt: NOW - ago });
    expect(clock(assessOrder(context(shipped(400), null, [sale]), NOW, P), 'fast_refund_appeal_by') !== undefined).toBe(open);
  });

  it.each([
    ['nothing was shipped', order({ refunded: true }), null],
    ['the parcel is back', shipped(300), trace('returned', [event(NOW - 10 * H, '退回件已签收', 'returned')])],
  ])('does not apply when %s', (_label, o, tracking) => {
    expect(clock(assessOrder(context(o, tracking, [instant(24)]), NOW, P), 'fast_refund_appeal_by')).toBeUndefined();
  });
});
