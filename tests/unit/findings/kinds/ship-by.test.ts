import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { resolvePolicy } from '../../../../lib/findings/policy';
import { context, H, P, NOW, only, order, sh, shipped, clock, SHIP_AND_REPLY_BANDS } from '../builders';

describe('ship_by', () => {
  it.each(SHIP_AND_REPLY_BANDS)('promise_shipping_time with %s', (_label, remaining, severity) => {
    const promise = NOW + remaining;
    const found = only(assessOrder(context(order({ promiseShipAt: promise })), NOW, P), 'ship_by');
    expect(found.severity).toBe(severity);
    expect(found.dueAt).toBe(promise);
    expect(found.rule).toBe('R1');
    expect(found.basis).toMatchObject({ dueSource: 'promise_shipping_time', promiseShipAt: promise, warnHours: 12, criticalHours: 2 });
  });

  it('falls back to the deal time + 48 h when promise_shipping_time is null', () => {
    const dealAt = sh('2026-11-18 11:30:00');
    const found = only(assessOrder(context(order({ promiseShipAt: null, orderAt: dealAt })), NOW, P), 'ship_by');
    expect(found.dueAt).toBe(dealAt + 48 * H);
    expect(found.severity).toBe('critical');
    expect(found.basis).toMatchObject({ dueSource: 'order_time', fallbackHours: 48, orderAt: dealAt, remainingHours: 1.5 });
  });

  it('follows an overridden fallback and warn band', () => {
    const { policy } = resolvePolicy({ shipByFallbackHours: 24, shipByWarnHours: 20 });
    const found = only(assessOrder(context(order({ promiseShipAt: null, orderAt: NOW - 5 * H })), NOW, policy), 'ship_by');
    expect(found.dueAt).toBe(NOW + 19 * H);
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
