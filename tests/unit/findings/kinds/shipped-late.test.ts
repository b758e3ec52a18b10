import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, H, P, S, NOW, only, shipped, has } from '../builders';

describe('shipped_late', () => {
  it('applies when the upload came after promise_shipping_time, as warn', () => {
    const o = shipped(10, { promiseShipAt: NOW - 13 * H });
    const found = only(assessOrder(context(o), NOW, P), 'shipped_late');
    expect(found).toMatchObject({ severity: 'warn', rule: 'A3' });
    expect(found.dueAt).toBeUndefined();
    expect(found.basis).toMatchObject({ shippedAt: NOW - 10 * H, shipByAt: NOW - 13 * H, lateHours: 3 });
  });

  it.each([
    ['exactly at the promise', 0, false],
    ['1 s after the promise', S, true],
    ['1 s before the promise', -S, false],
  ] as const)('shipping %s: late %s', (_label, offset, late) => {
    const o = shipped(10, { promiseShipAt: NOW - 10 * H - offset });
    expect(has(assessOrder(context(o), NOW, P), 'shipped_late')).toBe(late);
  });

  it('uses the 48 h fallback when the row has no promise', () => {
    const o = shipped(10, { promiseShipAt: null, orderAt: NOW - 60 * H });
    expect(only(assessOrder(context(o), NOW, P), 'shipped_late').basis).toMatchObject({ shipBySource: 'order_time', lateHours: 2 });
  });

  it.each([
    ['the relief tag', shipped(10, { promiseShipAt: NOW - 20 * H, shippingDelayAllowed: true })],
    ['no_need_ship', shipped(10, { promiseShipAt: NOW - 20 * H, noNeedShip: true, noLogistics: true })],
    ['no promise and no deal time', shipped(10, { promiseShipAt: null, orderAt: null })],
  ])('does not apply with %s', (_label, o) => {
    expect(has(assessOrder(context(o), NOW, P), 'shipped_late')).toBe(false);
  });
});
