import { describe, expect, test } from 'vitest';
import { trendsAccumulator, type SentNotification, type Trends } from '@/lib/dashboard/trends';
import type { ParcelOrder, ParcelWaybill } from '@/lib/dashboard/parcels';
import { T0, event, finding, h, order, waybill } from './history';

// Four Beijing days, 11-01 to 11-04 (T0 = 11-01 00:00 Beijing); now is 11-04 12:00 (h(84)).
const NOW = h(84);
const DAYS = 4;
const SHIP = { warnHours: 12, criticalHours: 2, shippingDelayAllowed: false };
const REPLY = { warnHours: 12, criticalHours: 2 };
const pickup = (verified: boolean) => ({ verified, warnHours: 12, criticalHours: 4 });

function trendsOf(history: Array<{ order: ParcelOrder; waybill?: ParcelWaybill; notifications?: SentNotification[] }>, now = NOW, days = DAYS): Trends {
  const accumulator = trendsAccumulator(now, days);
  for (const item of history) accumulator.add(item.order, item.waybill, item.notifications ?? []);
  return accumulator.result();
}

/** An order that is no parcel (no tracking number): it counts for at-risk and breaches only. */
const unshipped = (sn: string, findings: ReturnType<typeof finding>[]) => ({ order: order({ sn, trackingNumber: null, findings }) });

describe('days', () => {
  test('30 Beijing days ending with the one that holds now, whatever the machine’s zone', () => {
    const lateEvening = trendsOf([], Date.UTC(2026, 10, 4, 15, 30), 30); // 11-04 23:30 Beijing
    expect(lateEvening.days).toHaveLength(30);
    expect(lateEvening.days[29]!.date).toBe('2026-11-04');
    expect(lateEvening.days[29]!.start).toBe(Date.UTC(2026, 10, 3, 16));
    expect(lateEvening.days[0]!.date).toBe('2026-10-06');
    const pastMidnight = trendsOf([], Date.UTC(2026, 10, 4, 16, 30), 30); // 11-05 00:30 Beijing
    expect(pastMidnight.days[29]!.date).toBe('2026-11-05');
  });

  test('no history: zero counts and no exception rate', () => {
    const trends = trendsOf([]);
    expect(trends.days.map((day) => [day.atRisk, day.parcelsInTransit, day.exceptionRate, day.avoided, day.incurred])).toEqual(
      Array.from({ length: DAYS }, () => [0, 0, null, 0, 0]),
    );
    expect(trends.breaches).toEqual([
      { kind: 'ship_by', avoided: 0, incurred: 0 },
      { kind: 'pickup_by', avoided: 0, incurred: 0 },
      { kind: 'after_sale_reply_by', avoided: 0, incurred: 0 },
    ]);
  });
});

test('at-risk orders per day: a finding open that day at warn or worse at some instant of it', () => {
  const trends = trendsOf([
    // O1: ship-by due h30, closed h20. 11-01: at h20 − 1 ms 10 h are left (≤ 12 h) → warn ✓.
    unshipped('O1', [finding({ kind: 'ship_by', severity: 'warn', dueAt: h(30), openedAt: T0, closedAt: h(20), basis: SHIP })]),
    // O2: ship-by due h60, open. 11-01 at h24−: 36 h left, info. 11-02 at h48−: 12 h + 1 ms left, still info.
    // 11-03: breached at its end ✓. 11-04: breached ✓.
    unshipped('O2', [finding({ kind: 'ship_by', severity: 'breached', dueAt: h(60), openedAt: T0, basis: SHIP })]),
    // O3: stalled (warn) open h50–h73: 11-03 ✓ and 11-04 ✓.
    unshipped('O3', [finding({ kind: 'stalled', severity: 'warn', openedAt: h(50), closedAt: h(73) })]),
    // O4: a proxy signature (info) all along: never.
    unshipped('O4', [finding({ kind: 'proxy_signed', severity: 'info', openedAt: T0 })]),
    // O5: unverified pickup due h34, open h10–h40: info until due, warn after. 11-01 ✗; 11-02 at h40− ✓.
    unshipped('O5', [finding({ kind: 'pickup_by', severity: 'warn', dueAt: h(34), openedAt: h(10), closedAt: h(40), basis: pickup(false) })]),
    // O6: a window clock (tracking edit, warns ≤ 4 h) due h60, open h40–h80. 11-02 at h48−: 12 h left, info ✗.
    // 11-03: at its end the window has closed (null), but at the due time h60 0 h are left → warn ✓. 11-04 ✗.
    unshipped('O6', [
      finding({ kind: 'tracking_edit_by', severity: 'warn', dueAt: h(60), openedAt: h(40), closedAt: h(80), basis: { warnHours: 4, openAnomaly: 'early_upload' } }),
    ]),
    // O7: open and closed before the window: never.
    unshipped('O7', [finding({ kind: 'stalled', severity: 'warn', openedAt: h(-30), closedAt: h(-10) })]),
    // O8: two findings at warn or worse on 11-01: the order counts once.
    unshipped('O8', [
      finding({ kind: 'stalled', severity: 'warn', openedAt: h(1), closedAt: h(2) }),
      finding({ kind: 'rejected', severity: 'critical', openedAt: h(3), closedAt: h(4) }),
    ]),
  ]);
  // 11-01: O1, O8 = 2. 11-02: O5 = 1. 11-03: O2, O3, O6 = 3. 11-04: O2, O3 = 2.
  expect(trends.days.map((day) => day.atRisk)).toEqual([2, 1, 3, 2]);
});

test('exception rate per day: parcels in transit with a logistics anomaly opened that day ÷ parcels in transit', () => {
  const trends = trendsOf([
    // P1: uploaded h0, delivered h30 → in transit 11-01, 11-02.
    { order: order({ sn: 'P1' }), waybill: waybill([event(h(2), 'picked_up'), event(h(30), 'delivered')]) },
    // P2: uploaded h20, still on its way; stalled opened h50 → in transit 11-01…11-04, anomaly 11-03.
    { order: order({ sn: 'P2', shippedAt: h(20), trackingNumber: 'YT-P2', findings: [finding({ kind: 'stalled', openedAt: h(50) })] }) },
    // P3: uploaded h49, rejected h60, returning h78 (a proxy signature h75 is no logistics anomaly), back h80
    // → in transit 11-03, 11-04; anomalies 11-03 and 11-04.
    {
      order: order({
        sn: 'P3',
        shippedAt: h(49),
        findings: [
          finding({ kind: 'rejected', severity: 'critical', openedAt: h(60) }),
          finding({ kind: 'proxy_signed', severity: 'info', openedAt: h(75) }),
          finding({ kind: 'returning', severity: 'critical', openedAt: h(78) }),
        ],
      }),
      waybill: waybill([event(h(50), 'picked_up'), event(h(60), 'rejected'), event(h(80), 'returned')]),
    },
    // P4: uploaded before the window, order closed h10 without a trace → in transit 11-01; its anomaly is older.
    { order: order({ sn: 'P4', shippedAt: h(-30), closedAt: h(10), findings: [finding({ kind: 'early_upload', openedAt: h(-5), closedAt: h(10) })] }) },
    // P5: delivered before the window: never in transit in it.
    { order: order({ sn: 'P5', shippedAt: h(-50) }), waybill: waybill([event(h(-40), 'picked_up'), event(h(-10), 'delivered')]) },
    // P6 shares P2's waybill (read after it): not a second parcel, its anomaly is not counted.
    { order: order({ sn: 'P6', shippedAt: h(20), trackingNumber: 'YT-P2', findings: [finding({ kind: 'delivery_problem', openedAt: h(30) })] }) },
  ]);
  // 11-01: P1, P2, P4 in transit, no anomaly → 0/3. 11-02: P1, P2 → 0/2. 11-03: P2, P3, both with one → 2/2.
  // 11-04: P2, P3, P3's returning → 1/2.
  expect(trends.days.map((day) => [day.parcelsInTransit, day.anomalyParcels])).toEqual([
    [3, 0],
    [2, 0],
    [2, 2],
    [2, 1],
  ]);
  expect(trends.days.map((day) => day.exceptionRate)).toEqual([0, 0, 1, 0.5]);
});

test('breaches avoided and incurred per clock kind and per day', () => {
  const trends = trendsOf([
    // Avoided 11-01: closed h20 before its due time h30, shown at warn.
    unshipped('O1', [finding({ kind: 'ship_by', severity: 'warn', dueAt: h(30), openedAt: T0, closedAt: h(20), basis: SHIP })]),
    // Incurred 11-03: due h60, still open at now.
    unshipped('O2', [finding({ kind: 'ship_by', severity: 'breached', dueAt: h(60), openedAt: T0, basis: SHIP })]),
    // Neither: an unverified pickup past due is never breached, and it closed after its due time.
    unshipped('O5', [finding({ kind: 'pickup_by', severity: 'warn', dueAt: h(34), openedAt: h(10), closedAt: h(40), basis: pickup(false) })]),
    // Avoided 11-03: still info when it closed (h65, due h70), but a notification about it went out at h60.
    {
      ...unshipped('B1', [finding({ kind: 'after_sale_reply_by', severity: 'info', dueAt: h(70), openedAt: h(40), closedAt: h(65), basis: REPLY })]),
      notifications: [{ kind: 'after_sale_reply_by', sentAt: h(60) }],
    },
    // Incurred 11-01: due h20, closed h30.
    unshipped('B2', [finding({ kind: 'after_sale_reply_by', severity: 'breached', dueAt: h(20), openedAt: T0, closedAt: h(30), basis: REPLY })]),
    // Neither: closed in time at info, and the notification was about another kind.
    {
      ...unshipped('B3', [finding({ kind: 'pickup_by', severity: 'info', dueAt: h(45), openedAt: h(30), closedAt: h(44), basis: pickup(true) })]),
      notifications: [{ kind: 'ship_by', sentAt: h(40) }],
    },
    // Neither: past due with the delay relief, which never breaches.
    unshipped('B4', [finding({ kind: 'ship_by', severity: 'warn', dueAt: h(10), openedAt: T0, basis: { ...SHIP, shippingDelayAllowed: true } })]),
    // Neither: closed before the window.
    unshipped('B5', [finding({ kind: 'ship_by', severity: 'warn', dueAt: h(-20), openedAt: h(-40), closedAt: h(-30), basis: SHIP })]),
    // Neither: a window clock is no duty.
    unshipped('B6', [finding({ kind: 'auto_confirm_at', severity: 'info', dueAt: h(90), openedAt: T0, closedAt: h(50) })]),
    // Incurred 11-04: a verified pickup due h80, open at now (h84).
    unshipped('B7', [finding({ kind: 'pickup_by', severity: 'critical', dueAt: h(80), openedAt: h(56), basis: pickup(true) })]),
    // Neither: the only notification went out before the finding opened.
    {
      ...unshipped('B8', [finding({ kind: 'after_sale_reply_by', severity: 'info', dueAt: h(70), openedAt: h(50), closedAt: h(60), basis: REPLY })]),
      notifications: [{ kind: 'after_sale_reply_by', sentAt: h(45) }],
    },
  ]);
  expect(trends.breaches).toEqual([
    { kind: 'ship_by', avoided: 1, incurred: 1 },
    { kind: 'pickup_by', avoided: 0, incurred: 1 },
    { kind: 'after_sale_reply_by', avoided: 1, incurred: 1 },
  ]);
  // 11-01: O1 avoided, B2 incurred. 11-02: none. 11-03: B1 avoided, O2 incurred. 11-04: B7 incurred.
  expect(trends.days.map((day) => [day.avoided, day.incurred])).toEqual([
    [1, 1],
    [0, 0],
    [1, 1],
    [0, 1],
  ]);
});
