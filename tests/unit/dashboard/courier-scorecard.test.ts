import { describe, expect, test } from 'vitest';
import { courierScorecard, nearestRank, type CourierScore } from '@/lib/dashboard/courier-scorecard';
import { parcelWaybill, type ParcelOrder, type ParcelWaybill } from '@/lib/dashboard/parcels';
import { HOUR_MS } from '@/lib/time/shanghai';
import { T0, event, finding, h, order, waybill } from './history';

const WINDOW = { from: T0, to: h(30 * 24) };
const hours = (ms: number | null) => (ms === null ? null : ms / HOUR_MS);

// Every tracking number is uploaded at T0 (h(0)) unless said otherwise.
const HISTORY: Array<{ order: ParcelOrder; waybill: ParcelWaybill | undefined }> = [
  // 中通 (shipping_id 115): five parcels.
  { order: order({ sn: 'A' }), waybill: waybill([event(h(2), 'picked_up'), event(h(20), 'in_transit'), event(h(50), 'delivered')]) },
  { order: order({ sn: 'B' }), waybill: waybill([event(h(6), 'picked_up'), event(h(30), 'delivered')]) },
  { order: order({ sn: 'C', findings: [finding({ kind: 'stalled', openedAt: h(30), closedAt: h(40) })] }), waybill: waybill([event(h(1), 'picked_up'), event(h(3), 'in_transit')]) },
  {
    order: order({ sn: 'D', findings: [finding({ kind: 'returning', openedAt: h(40) })] }),
    waybill: waybill([event(h(10), 'picked_up'), event(h(30), 'rejected'), event(h(40), 'returning')], 'returned'),
  },
  { order: order({ sn: 'E' }), waybill: undefined },
  // 圆通 (85): a scan an hour before the upload (latency 0), and a merged shipment (G and H share a waybill).
  { order: order({ sn: 'F', shippingId: 85 }), waybill: waybill([event(h(-1), 'picked_up'), event(h(20), 'delivered')]) },
  { order: order({ sn: 'G', shippingId: 85, trackingNumber: 'YT-GH' }), waybill: waybill([event(h(3), 'picked_up'), event(h(27), 'delivered')]) },
  {
    order: order({ sn: 'H', shippingId: 85, trackingNumber: 'YT-GH', findings: [finding({ kind: 'stalled' })] }),
    waybill: waybill([event(h(3), 'picked_up'), event(h(27), 'delivered')]),
  },
  // No shipping id, only the console's courier name.
  { order: order({ sn: 'I', shippingId: null, courierName: '某快递' }), waybill: waybill([event(h(4), 'in_transit')]) },
  // Not counted: uploaded before the window, no tracking number, no upload time, 无需物流.
  { order: order({ sn: 'J', shippedAt: h(-1) }), waybill: waybill([event(h(1), 'picked_up')]) },
  { order: order({ sn: 'K', trackingNumber: null }), waybill: undefined },
  { order: order({ sn: 'L', shippedAt: null }), waybill: undefined },
  { order: order({ sn: 'M', noLogistics: true }), waybill: undefined },
];

function row(rows: CourierScore[], key: string): CourierScore {
  const found = rows.find((item) => item.key === key);
  if (found === undefined) throw new Error(`no row ${key}`);
  return found;
}

describe('courier scorecard over a hand-computed history', () => {
  const card = courierScorecard(HISTORY, WINDOW);

  test('one row per courier, most parcels first, with the courier table’s names', () => {
    expect(card.couriers.map((item) => [item.key, item.name, item.parcels])).toEqual([
      ['id:115', '中通', 5],
      ['id:85', '圆通', 2],
      ['name:某快递', '某快递', 1],
    ]);
  });

  test('中通: latencies, transit times and rates', () => {
    const zto = row(card.couriers, 'id:115');
    // Pickup latency (scan − upload): A 2 h, B 6 h, C 1 h, D 10 h; E has no scan. Sorted 1, 2, 6, 10 (n = 4):
    // p50 = rank ⌈0.5·4⌉ = 2 → 2 h; p90 = rank ⌈0.9·4⌉ = ⌈3.6⌉ = 4 → 10 h.
    expect(zto.pickedUp).toBe(4);
    expect(hours(zto.pickupLatency.p50)).toBe(2);
    expect(hours(zto.pickupLatency.p90)).toBe(10);
    // Transit (delivered − scan): A 50 − 2 = 48 h, B 30 − 6 = 24 h. Sorted 24, 48 (n = 2):
    // p50 = rank ⌈1⌉ = 1 → 24 h; p90 = rank ⌈1.8⌉ = 2 → 48 h.
    expect(zto.delivered).toBe(2);
    expect(hours(zto.transitTime.p50)).toBe(24);
    expect(hours(zto.transitTime.p90)).toBe(48);
    // Stalled: C → 1/5. Rejected: D (a `rejected` event) → 1/5. Returned: D (finding and status) → 1/5.
    // Problems: C (stalled) and D → 2/5.
    expect([zto.stalled, zto.rejected, zto.returned, zto.problems]).toEqual([1, 1, 1, 2]);
    expect([zto.stagnationRate, zto.rejectionRate, zto.returnRate, zto.problemShare]).toEqual([0.2, 0.2, 0.2, 0.4]);
  });

  test('圆通: a scan before the upload is 0 h, and a merged shipment is one parcel (its first order read)', () => {
    const yto = row(card.couriers, 'id:85');
    // Latencies: F max(0, −1 h) = 0, G 3 h → p50 rank 1 → 0 h, p90 rank 2 → 3 h.
    expect(hours(yto.pickupLatency.p50)).toBe(0);
    expect(hours(yto.pickupLatency.p90)).toBe(3);
    // Transit: F 20 − (−1) = 21 h, G 27 − 3 = 24 h → p50 21 h, p90 24 h.
    expect(hours(yto.transitTime.p50)).toBe(21);
    expect(hours(yto.transitTime.p90)).toBe(24);
    // H (stalled) shares G's waybill and is not counted again.
    expect(yto.stalled).toBe(0);
    expect(yto.problemShare).toBe(0);
  });

  test('the total row pools every parcel', () => {
    const { total } = card;
    expect(total.parcels).toBe(8);
    // Latencies 2, 6, 1, 10, 0, 3, 4 → sorted 0, 1, 2, 3, 4, 6, 10 (n = 7):
    // p50 = rank ⌈3.5⌉ = 4 → 3 h; p90 = rank ⌈6.3⌉ = 7 → 10 h.
    expect(hours(total.pickupLatency.p50)).toBe(3);
    expect(hours(total.pickupLatency.p90)).toBe(10);
    // Transits 48, 24, 21, 24 → sorted 21, 24, 24, 48: p50 rank 2 → 24 h; p90 rank ⌈3.6⌉ = 4 → 48 h.
    expect(hours(total.transitTime.p50)).toBe(24);
    expect(hours(total.transitTime.p90)).toBe(48);
    // Problems: C, D of 8.
    expect(total.problemShare).toBe(2 / 8);
  });
});

test('the part of a waybill the aggregation keeps gives the same scorecard as the whole row', () => {
  const trimmed = HISTORY.map((item) => ({ order: item.order, waybill: item.waybill === undefined ? undefined : parcelWaybill(item.waybill) }));
  expect(trimmed.some((item) => (item.waybill?.facts?.events.length ?? 0) < 2)).toBe(true);
  expect(courierScorecard(trimmed, WINDOW)).toEqual(courierScorecard(HISTORY, WINDOW));
});

describe('edge cases', () => {
  test('no parcels: no rows, and the total has no figures rather than zeros', () => {
    const card = courierScorecard([], WINDOW);
    expect(card.couriers).toEqual([]);
    expect(card.total.parcels).toBe(0);
    expect(card.total.pickupLatency).toEqual({ p50: null, p90: null, count: 0 });
    expect([card.total.stagnationRate, card.total.rejectionRate, card.total.returnRate, card.total.problemShare]).toEqual([null, null, null, null]);
  });

  test('parcels without a pickup scan and without deliveries count as parcels but give no durations', () => {
    const card = courierScorecard(
      [
        { order: order({ sn: 'N1' }), waybill: undefined },
        { order: order({ sn: 'N2' }), waybill: waybill([event(h(1), 'pending')], 'pending') },
        { order: order({ sn: 'N3' }), waybill: waybill([event(h(5), 'in_transit')]) },
      ],
      WINDOW,
    );
    const zto = row(card.couriers, 'id:115');
    expect(zto.parcels).toBe(3);
    expect(zto.pickedUp).toBe(1);
    expect(hours(zto.pickupLatency.p50)).toBe(5);
    expect(zto.transitTime).toEqual({ p50: null, p90: null, count: 0 });
    expect(zto.rejectionRate).toBe(0);
  });

  test('a rejection known only from its finding still counts, and a waybill that says delivered without a delivered event ends at its newest event', () => {
    const card = courierScorecard(
      [
        { order: order({ sn: 'R', findings: [finding({ kind: 'rejected', severity: 'critical' })] }), waybill: waybill([event(h(2), 'in_transit')]) },
        { order: order({ sn: 'S' }), waybill: waybill([event(h(2), 'in_transit'), event(h(26), null)], 'delivered') },
      ],
      WINDOW,
    );
    const zto = row(card.couriers, 'id:115');
    expect(zto.rejected).toBe(1);
    expect(zto.problems).toBe(1);
    expect(hours(zto.transitTime.p50)).toBe(24);
  });

  test('nearest-rank percentiles', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(ten, 50)).toBe(5);
    expect(nearestRank(ten, 90)).toBe(9);
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([], 50)).toBeNull();
  });
});
