import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { afterSale, context, H, P, NOW, only, order, shipped, clock, SHIP_AND_REPLY_BANDS } from '../builders';

describe('after_sale_reply_by', () => {
  it.each(SHIP_AND_REPLY_BANDS)('expireRemainTime with %s', (_label, remaining, severity) => {
    // A row captured 3 h ago with its remaining time then.
    const sale = afterSale({ capturedAt: NOW - 3 * H, expireRemainMs: remaining + 3 * H, expireActionDesc: '超时将自动退款给消费者' });
    const found = only(assessOrder(context(order(), null, [sale]), NOW, P), 'after_sale_reply_by');
    expect(found.severity).toBe(severity);
    expect(found.dueAt).toBe(NOW + remaining);
    expect(found.rule).toBe('A16');
    expect(found.basis).toMatchObject({ dueSource: 'expireRemainTime', expireActionDesc: '超时将自动退款给消费者', afterSaleId: '5000000001' });
  });

  it.each([
    ['refund only, unshipped: 24 h', order(), afterSale({ kind: 'refund_only' }), 24, 'R10'],
    ['refund only, shipped before applying: 36 h', shipped(20), afterSale({ kind: 'refund_only' }), 36, 'R10'],
    ['return and refund: 36 h', shipped(80), afterSale({ kind: 'return_refund', statusText: '退货退款，待商家处理' }), 36, 'R11'],
  ])('without expireRemainTime falls back to %s', (_label, o, sale, hours, rule) => {
    const found = only(assessOrder(context(o, null, [sale]), NOW, P), 'after_sale_reply_by');
    expect(found.dueAt).toBe(NOW - 3 * H + hours * H);
    expect(found.rule).toBe(rule);
    expect(found.basis).toMatchObject({ dueSource: 'fixed_window', windowHours: hours });
  });

  it('reports a case waiting for the merchant to confirm the return (11) without a deadline', () => {
    const sale = afterSale({ kind: 'return_refund', statusCode: 11, statusText: '待商家确认收货' });
    const found = only(assessOrder(context(shipped(200), null, [sale]), NOW, P), 'after_sale_reply_by');
    expect(found).toMatchObject({ severity: 'warn', rule: 'A17' });
    expect(found.dueAt).toBeUndefined();
    expect(found.basis).toMatchObject({ dueSource: 'unknown', remainingHours: null });
  });

  it.each([
    ['closed', afterSale({ expireRemainMs: H, closedAt: NOW - H })],
    ['refunded (5)', afterSale({ expireRemainMs: H, statusCode: 5 })],
    ['waiting on the buyer, no remaining time', afterSale({ statusCode: 10, statusText: '待消费者寄货' })],
  ])('does not apply to a case that is %s', (_label, sale) => {
    expect(clock(assessOrder(context(order(), null, [sale]), NOW, P), 'after_sale_reply_by')).toBeUndefined();
  });
});
