import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../lib/rules/assess';
import { DEFAULT_POLICY, resolvePolicy } from '../../../lib/rules/policy';
import type { Finding } from '../../../lib/rules/vocabulary';
import { toIso } from '../../../lib/time/shanghai';
import { afterSale, context, event, H, inTransit, NOW, only, order, S, sh, shipped, trace } from './builders';

const P = DEFAULT_POLICY;
const D = 24 * H;

function clock(findings: Finding[], kind: Finding['kind']): Finding | undefined {
  return findings.find((finding) => finding.kind === kind);
}

// The band tables of vocabulary §1.1, with each boundary exactly, one second inside and one second out.
const SHIP_AND_REPLY_BANDS: Array<[string, number, Finding['severity']]> = [
  ['12 h + 1 s left', 12 * H + S, 'info'],
  ['exactly 12 h left', 12 * H, 'warn'],
  ['2 h + 1 s left', 2 * H + S, 'warn'],
  ['exactly 2 h left', 2 * H, 'critical'],
  ['1 s left', S, 'critical'],
  ['at dueAt', 0, 'critical'],
  ['1 s after dueAt', -S, 'breached'],
  ['3 days after dueAt', -3 * D, 'breached'],
];

describe('ship_by', () => {
  it.each(SHIP_AND_REPLY_BANDS)('promise_shipping_time with %s', (_label, remaining, severity) => {
    const promise = NOW + remaining;
    const found = only(assessOrder(context(order({ promiseShipAt: promise })), NOW, P), 'ship_by');
    expect(found.severity).toBe(severity);
    expect(found.dueAt).toBe(toIso(promise));
    expect(found.rule).toBe('R1');
    expect(found.basis).toMatchObject({ dueSource: 'promise_shipping_time', promiseShipAt: toIso(promise), warnHours: 12, criticalHours: 2 });
  });

  it('falls back to the deal time + 48 h when promise_shipping_time is null', () => {
    const dealAt = sh('2026-11-18 11:30:00');
    const found = only(assessOrder(context(order({ promiseShipAt: null, orderAt: dealAt })), NOW, P), 'ship_by');
    expect(found.dueAt).toBe(toIso(dealAt + 48 * H));
    expect(found.severity).toBe('critical');
    expect(found.basis).toMatchObject({ dueSource: 'order_time', fallbackHours: 48, orderAt: toIso(dealAt), remainingHours: 1.5 });
  });

  it('follows an overridden fallback and warn band', () => {
    const { policy } = resolvePolicy({ shipByFallbackHours: 24, shipByWarnHours: 20 });
    const found = only(assessOrder(context(order({ promiseShipAt: null, orderAt: NOW - 5 * H })), NOW, policy), 'ship_by');
    expect(found.dueAt).toBe(toIso(NOW + 19 * H));
    expect(found.severity).toBe('warn');
  });

  it('has no clock when neither a promise nor a deal time is known', () => {
    expect(clock(assessOrder(context(order({ promiseShipAt: null, orderAt: null })), NOW, P), 'ship_by')).toBeUndefined();
  });

  it.each([
    ['shipped', shipped(1)],
    ['cancelled', order({ state: 'cancelled', statusText: '已取消' })],
    ['refunded before shipping', order({ refunded: true, statusText: '未发货，退款成功' })],
    ['unpaid', order({ state: 'unpaid', statusText: '待支付' })],
    ['no_need_ship', order({ noNeedShip: true, noLogistics: true })],
  ])('does not apply to an order that is %s', (_label, o) => {
    expect(clock(assessOrder(context(o), NOW, P), 'ship_by')).toBeUndefined();
  });

  it('still applies to no_trace_delivery orders, which must be marked shipped like any other', () => {
    expect(clock(assessOrder(context(order({ noLogistics: true })), NOW, P), 'ship_by')).toBeDefined();
  });

  it.each([
    [-5 * H, 'warn'],
    [H, 'warn'],
    [20 * H, 'info'],
  ] as const)('with the relief tag region_black_delay_shipping, %d ms left is at most warn', (remaining, severity) => {
    const o = order({ promiseShipAt: NOW + remaining, shippingDelayAllowed: true });
    const found = only(assessOrder(context(o), NOW, P), 'ship_by');
    expect(found.severity).toBe(severity);
    expect(found.basis.shippingDelayAllowed).toBe(true);
  });
});

describe('pickup_by', () => {
  it.each([
    ['12 h − 1 s after upload', 12 * H - S, 'info'],
    ['12 h after upload', 12 * H, 'warn'],
    ['20 h − 1 s after upload', 20 * H - S, 'warn'],
    ['20 h after upload', 20 * H, 'critical'],
    ['24 h after upload (at dueAt)', 24 * H, 'critical'],
  ] as const)('%s with no trace read yet', (_label, elapsed, severity) => {
    const o = shipped(0, { shippedAt: NOW - elapsed });
    const found = only(assessOrder(context(o), NOW, P), 'pickup_by');
    expect(found.severity).toBe(severity);
    expect(found.dueAt).toBe(toIso(NOW - elapsed + 24 * H));
    expect(found.rule).toBe('R6');
    expect(found.basis).toMatchObject({ shippedAt: toIso(NOW - elapsed), pickupHours: 24, trackingStatus: null });
  });

  it('past the window with no trace read, claims nothing (the scan may well exist)', () => {
    expect(clock(assessOrder(context(shipped(0, { shippedAt: NOW - 24 * H - S })), NOW, P), 'pickup_by')).toBeUndefined();
  });

  it('is breached 1 s past the window when a trace shows no pickup scan', () => {
    const pending = trace('pending', [event(NOW - 25 * H, '商家已下单，等待快递员揽收', 'pending')]);
    const found = only(assessOrder(context(shipped(0, { shippedAt: NOW - 24 * H - S }), pending), NOW, P), 'pickup_by');
    expect(found.severity).toBe('breached');
  });

  it('keeps running while the trace says only 待揽收', () => {
    const pending = trace('pending', [event(NOW - 19 * H, '商家已下单，等待快递员揽收', 'pending')]);
    const found = only(assessOrder(context(shipped(19), pending), NOW, P), 'pickup_by');
    expect(found.severity).toBe('warn');
    expect(found.basis).toMatchObject({ trackingStatus: 'pending', trackingCheckedAt: toIso(NOW) });
  });

  it('stops at the pickup scan', () => {
    expect(clock(assessOrder(context(shipped(30), inTransit(29, 5)), NOW, P), 'pickup_by')).toBeUndefined();
  });

  it.each([
    ['refunded', shipped(30, { refunded: true, statusText: '已发货，退款成功' })],
    ['cancelled', shipped(30, { state: 'cancelled', statusText: '已取消' })],
    ['received', shipped(30, { state: 'received', statusText: '已签收' })],
    ['no_need_ship', shipped(30, { noLogistics: true, noNeedShip: true })],
    ['not shipped', order()],
  ])('does not apply when the order is %s', (_label, o) => {
    expect(clock(assessOrder(context(o), NOW, P), 'pickup_by')).toBeUndefined();
  });
});

describe('tracking_edit_by', () => {
  it('is info inside the 24 h window, due 24 h after upload', () => {
    const found = only(assessOrder(context(shipped(1)), NOW, P), 'tracking_edit_by');
    expect(found).toMatchObject({ severity: 'info', dueAt: toIso(NOW + 23 * H), rule: 'R8' });
    expect(found.basis).toMatchObject({ editHours: 24, openAnomaly: null });
  });

  it.each([
    ['at dueAt', 24 * H, true],
    ['1 s after dueAt', 24 * H + S, false],
  ] as const)('%s the window is %s', (_label, elapsed, open) => {
    const o = shipped(0, { shippedAt: NOW - elapsed });
    expect(clock(assessOrder(context(o), NOW, P), 'tracking_edit_by') !== undefined).toBe(open);
  });

  const wrongCity = trace('out_for_delivery', [
    event(NOW - 20 * H, '【苏州市】已揽收', 'picked_up', '江苏,苏州市'),
    event(NOW - 2 * H, '【广州市】快递员正在派送', 'out_for_delivery', '广东,广州市'),
  ]);

  it.each([
    ['4 h + 1 s left', 20 * H - S, 'info'],
    ['exactly 4 h left', 20 * H, 'warn'],
    ['at dueAt', 24 * H, 'warn'],
  ] as const)('with a destination mismatch open, %s is %s', (_label, elapsed, severity) => {
    const o = shipped(0, { shippedAt: NOW - elapsed });
    const found = only(assessOrder(context(o, wrongCity), NOW, P), 'tracking_edit_by');
    expect(found.severity).toBe(severity);
    expect(found.basis.openAnomaly).toBe('destination_mismatch');
  });

  it('warns in the last 4 h when the number looks uploaded early', () => {
    const empty = trace(null, [], { noRecord: true });
    const found = only(assessOrder(context(shipped(21), empty), NOW, P), 'tracking_edit_by');
    expect(found.severity).toBe('warn');
    expect(found.basis.openAnomaly).toBe('early_upload');
  });

  it.each([
    ['no logistics', shipped(1, { noLogistics: true })],
    ['refunded', shipped(1, { refunded: true })],
    ['not shipped', order()],
  ])('does not apply with %s', (_label, o) => {
    expect(clock(assessOrder(context(o), NOW, P), 'tracking_edit_by')).toBeUndefined();
  });
});

describe('extra_package_by', () => {
  const otherCourier = (checkedAt: number) =>
    trace('in_transit', [event(checkedAt - 2 * H, '快件已发出', 'in_transit')], { identifiedCourier: 'yuantong', checkedAt });

  it('opens with a wrong-number anomaly, due 30 days after upload', () => {
    const found = only(assessOrder(context(shipped(48), otherCourier(NOW)), NOW, P), 'extra_package_by');
    expect(found).toMatchObject({ severity: 'info', dueAt: toIso(NOW - 48 * H + 30 * D), rule: 'R8' });
    expect(found.basis).toMatchObject({ extraPackageDays: 30, openAnomaly: 'tracking_invalid' });
  });

  it.each([
    ['at dueAt', 30 * D, true],
    ['1 s after dueAt', 30 * D + S, false],
  ] as const)('%s: open %s', (_label, elapsed, open) => {
    const o = shipped(0, { shippedAt: NOW - elapsed });
    expect(clock(assessOrder(context(o, otherCourier(NOW)), NOW, P), 'extra_package_by') !== undefined).toBe(open);
  });

  it('does not apply without a wrong-number anomaly', () => {
    expect(clock(assessOrder(context(shipped(48), inTransit(40, 3)), NOW, P), 'extra_package_by')).toBeUndefined();
  });
});

describe('auto_confirm_at', () => {
  it('is info, 15 days after upload', () => {
    const found = only(assessOrder(context(shipped(50), inTransit(45, 3)), NOW, P), 'auto_confirm_at');
    expect(found).toMatchObject({ severity: 'info', dueAt: toIso(NOW - 50 * H + 15 * D), rule: 'R9' });
  });

  it.each([
    ['at dueAt', 15 * D, true],
    ['1 s after dueAt', 15 * D + S, false],
  ] as const)('%s: present %s', (_label, elapsed, present) => {
    const o = shipped(0, { shippedAt: NOW - elapsed });
    expect(clock(assessOrder(context(o), NOW, P), 'auto_confirm_at') !== undefined).toBe(present);
  });

  it.each([
    ['received', shipped(50, { state: 'received', statusText: '已收货' })],
    ['refunded', shipped(50, { refunded: true })],
    ['cancelled', shipped(50, { state: 'cancelled' })],
    ['confirmed (receive_time set)', shipped(50, { receivedAt: NOW - H })],
  ])('does not apply when %s', (_label, o) => {
    expect(clock(assessOrder(context(o), NOW, P), 'auto_confirm_at')).toBeUndefined();
  });
});

describe('after_sale_reply_by', () => {
  it.each(SHIP_AND_REPLY_BANDS)('expireRemainTime with %s', (_label, remaining, severity) => {
    // A row captured 3 h ago with its remaining time then.
    const sale = afterSale({ capturedAt: NOW - 3 * H, expireRemainMs: remaining + 3 * H, expireActionDesc: '超时将自动退款给消费者' });
    const found = only(assessOrder(context(order(), null, [sale]), NOW, P), 'after_sale_reply_by');
    expect(found.severity).toBe(severity);
    expect(found.dueAt).toBe(toIso(NOW + remaining));
    expect(found.rule).toBe('A16');
    expect(found.basis).toMatchObject({ dueSource: 'expireRemainTime', expireActionDesc: '超时将自动退款给消费者', afterSaleId: '5000000001' });
  });

  it.each([
    ['refund only, unshipped: 24 h', order(), afterSale({ kind: 'refund_only' }), 24, 'R10'],
    ['refund only, shipped before applying: 36 h', shipped(20), afterSale({ kind: 'refund_only' }), 36, 'R10'],
    ['return and refund: 36 h', shipped(80), afterSale({ kind: 'return_refund', statusText: '退货退款，待商家处理' }), 36, 'R11'],
  ])('without expireRemainTime falls back to %s', (_label, o, sale, hours, rule) => {
    const found = only(assessOrder(context(o, null, [sale]), NOW, P), 'after_sale_reply_by');
    expect(found.dueAt).toBe(toIso(NOW - 3 * H + hours * H));
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

describe('fast_refund_appeal_by', () => {
  const instant = (refundedHoursAgo: number) =>
    afterSale({ actions: [1000], statusCode: 5, statusText: '退款成功', closedAt: NOW - refundedHoursAgo * H, createdAt: NOW - refundedHoursAgo * H });

  it.each([
    ['6 days after the refund', 6 * 24, 'warn'],
    ['5 days after (exactly 48 h left)', 5 * 24, 'warn'],
    ['1 day after', 24, 'info'],
  ] as const)('%s is %s, due 7 days after the refund', (_label, hoursAgo, severity) => {
    const found = only(assessOrder(context(shipped(300), inTransit(290, 100), [instant(hoursAgo)]), NOW, P), 'fast_refund_appeal_by');
    expect(found).toMatchObject({ severity, dueAt: toIso(NOW - hoursAgo * H + 7 * D), rule: 'R13' });
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
