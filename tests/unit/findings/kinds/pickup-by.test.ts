import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { severityAt } from '../../../../lib/findings/registry';
import { normalizeKuaidi100 } from '../../../../lib/tracking/kuaidi100';
import { context, event, H, P, S, inTransit, NOW, only, order, shipped, trace, clock } from '../builders';

describe('pickup_by', () => {
  it.each([
    ['12 h − 1 s after upload', 12 * H - S, 'info'],
    ['12 h after upload', 12 * H, 'warn'],
    ['20 h − 1 s after upload', 20 * H - S, 'warn'],
    ['20 h after upload', 20 * H, 'critical'],
    ['24 h after upload (at dueAt)', 24 * H, 'critical'],
    ['24 h + 1 s after upload', 24 * H + S, 'breached'],
  ] as const)('%s with a trace that shows no pickup: the full bands', (_label, elapsed, severity) => {
    const pending = trace('pending', [event(NOW - elapsed + H, '商家已下单，等待快递员揽收', 'pending')]);
    const found = only(assessOrder(context(shipped(0, { shippedAt: NOW - elapsed }), pending), NOW, P), 'pickup_by');
    expect(found.severity).toBe(severity);
    expect(found.dueAt).toBe(NOW - elapsed + 24 * H);
    expect(found.rule).toBe('R6');
    expect(found.basis).toMatchObject({ shippedAt: NOW - elapsed, pickupHours: 24, trackingStatus: 'pending', verified: true });
  });

  it.each([
    ['1 h after upload', H, 'info'],
    ['20 h after upload (critical if a trace had been read)', 20 * H, 'info'],
    ['24 h after upload (at dueAt)', 24 * H, 'info'],
    ['24 h + 1 s after upload', 24 * H + S, 'warn'],
    ['10 days after upload', 240 * H, 'warn'],
  ] as const)('%s with no trace read: %s, unverified, never breached', (_label, elapsed, severity) => {
    const found = only(assessOrder(context(shipped(0, { shippedAt: NOW - elapsed })), NOW, P), 'pickup_by');
    expect(found.severity).toBe(severity);
    expect(found.dueAt).toBe(NOW - elapsed + 24 * H);
    expect(found.basis).toMatchObject({ trackingStatus: null, trackingCheckedAt: null, verified: false });
  });

  it('an unverified clock keeps its warn chip at any later instant, and a verified one is breached', () => {
    const unverified = only(assessOrder(context(shipped(2)), NOW, P), 'pickup_by');
    expect(severityAt(unverified, NOW)).toBe('info');
    expect(severityAt(unverified, NOW + 23 * H)).toBe('warn');
    expect(severityAt(unverified, NOW + 60 * 24 * H)).toBe('warn');
    const read = only(assessOrder(context(shipped(2), trace('pending', [event(NOW - H, '等待揽收', 'pending')])), NOW, P), 'pickup_by');
    expect(severityAt(read, NOW + 19 * H)).toBe('critical');
    expect(severityAt(read, NOW + 23 * H)).toBe('breached');
  });

  it('a "no record" reply counts as read: breached past due', () => {
    const noRecord = trace(null, []);
    const found = only(assessOrder(context(shipped(25), noRecord), NOW, P), 'pickup_by');
    expect(found.severity).toBe('breached');
    expect(found.basis).toMatchObject({ verified: true, trackingStatus: 'unknown' });
  });

  it.each([
    ['20 h after upload', 20, 'info'],
    ['25 h after upload (past due)', 25, 'warn'],
  ] as const)('a trace with an unreadable event and no pickup, %s: unverified (%s), never breached', (_label, hours, severity) => {
    const partlyRead = trace('pending', [event(NOW - 19 * H, '商家已下单，等待快递员揽收', 'pending')], { unreadEvents: 1 });
    const found = only(assessOrder(context(shipped(hours), partlyRead), NOW, P), 'pickup_by');
    expect(found.severity).toBe(severity);
    expect(severityAt(found, NOW + 60 * 24 * H)).toBe('warn');
    expect(found.basis).toMatchObject({ verified: false, unreadEvents: 1, trackingStatus: 'pending', trackingCheckedAt: NOW });
  });

  it('a whole trace says unreadEvents null: only a count above 0 is shown', () => {
    const whole = trace('pending', [event(NOW - 19 * H, '商家已下单，等待快递员揽收', 'pending')]);
    expect(only(assessOrder(context(shipped(25), whole), NOW, P), 'pickup_by').basis).toMatchObject({ verified: true, unreadEvents: null });
  });

  it('a stored waybill from before unread events were counted (no field) is a whole trace: breached past due', () => {
    const { unreadEvents: _dropped, ...stored } = trace('pending', [event(NOW - 19 * H, '等待揽收', 'pending')]);
    expect(only(assessOrder(context(shipped(25), stored), NOW, P), 'pickup_by')).toMatchObject({ severity: 'breached', basis: { verified: true } });
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

  it('a Kuaidi100 reply whose 已揽收 event has no readable time: the pickup clock is unverified, not breached', () => {
    const body = {
      nu: 'ZT000000000001',
      state: '0',
      data: [
        { time: '19/11/2026 07:10', context: '【苏州】已揽收' },
        { time: '2026-11-18 20:00:00', context: '商家已下单，等待快递员揽收', statusCode: '101' },
      ],
    };
    const read = normalizeKuaidi100(body, 'ZT000000000001', NOW);
    if (!read.ok) throw new Error(read.error);
    expect(read.facts.unreadEvents).toBe(1);
    expect(only(assessOrder(context(shipped(30), read.facts), NOW, P), 'pickup_by')).toMatchObject({ severity: 'warn', basis: { verified: false } });
  });

  it('a reply still awaiting pickup with no event list keeps the clock, breached once it has run out', () => {
    const read = normalizeKuaidi100({ message: 'ok', nu: 'ZT000000000001', status: '200', state: '1', data: [{ time: '2026-11-18 20:00:00', context: '已下单', statusCode: '101' }] }, 'ZT000000000001', NOW);
    if (!read.ok) throw new Error(read.error);
    expect(only(assessOrder(context(shipped(30), read.facts), NOW, P), 'pickup_by').severity).toBe('breached');
  });
});
