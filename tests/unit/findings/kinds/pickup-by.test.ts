import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { normalizeKuaidi100 } from '../../../../lib/tracking/kuaidi100';
import { context, event, H, P, S, inTransit, NOW, only, order, shipped, trace, clock } from '../builders';

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
    expect(found.dueAt).toBe(NOW - elapsed + 24 * H);
    expect(found.rule).toBe('R6');
    expect(found.basis).toMatchObject({ shippedAt: NOW - elapsed, pickupHours: 24, trackingStatus: null });
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
    expect(found.basis).toMatchObject({ trackingStatus: 'pending', trackingCheckedAt: NOW });
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

describe('pickup_by on a reply without events', () => {
  it('a signed parcel (Kuaidi100 state 3) with no event list has been picked up: no pickup clock, never breached', () => {
    const body = { message: 'ok', nu: 'ZT000000000001', com: 'zhongtong', status: '200', state: '3', data: [] };
    const read = normalizeKuaidi100(body, 'ZT000000000001', NOW);
    if (!read.ok) throw new Error(read.error);
    const findings = assessOrder(context(shipped(30), read.facts), NOW, P);
    expect(clock(findings, 'pickup_by')).toBeUndefined();
  });

  it('a reply still awaiting pickup with no event list keeps the clock, breached once it has run out', () => {
    const read = normalizeKuaidi100({ message: 'ok', nu: 'ZT000000000001', status: '200', state: '1', data: [{ time: '2026-11-18 20:00:00', context: '已下单', statusCode: '101' }] }, 'ZT000000000001', NOW);
    if (!read.ok) throw new Error(read.error);
    expect(only(assessOrder(context(shipped(30), read.facts), NOW, P), 'pickup_by').severity).toBe('breached');
  });
});
