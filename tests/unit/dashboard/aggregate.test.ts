import { expect, test } from 'vitest';
import { AGGREGATE_CHUNK, aggregateHistory, type AggregateProgress } from '@/lib/dashboard/aggregate';
import { courierScorecard } from '@/lib/dashboard/courier-scorecard';
import { trendsAccumulator, trendWindow } from '@/lib/dashboard/trends';
import type { StoredOrder, StoredWaybill } from '@/lib/db/records';
import { freshDb } from '../db/helpers';
import { event, finding, h, order, waybill } from './history';

// More orders than two chunks, in two shops, so that the key-order paging and the shop range are both crossed.
const PER_SHOP = AGGREGATE_CHUNK + 50;
const NOW = h(20 * 24);

function history(shopId: string) {
  return Array.from({ length: PER_SHOP }, (_, index) => {
    const sn = `${shopId}-${String(index).padStart(6, '0')}`;
    const shippedAt = h(index % 400);
    const row = order({ sn, shopId, shippedAt, shippingId: index % 3 === 0 ? 85 : 115, findings: index % 7 === 0 ? [finding({ kind: 'stalled', openedAt: shippedAt + 3_600_000 })] : [] });
    const trace = index % 5 === 0 ? undefined : waybill([event(shippedAt + (index % 11) * 3_600_000, 'picked_up'), ...(index % 2 === 0 ? [event(shippedAt + 40 * 3_600_000, 'delivered')] : [])]);
    return { order: row, waybill: trace };
  });
}

test('the streamed aggregate equals the pure functions over the same rows, for all shops and for one', async () => {
  const db = await freshDb();
  const shops = { a: history('shop-a'), b: history('shop-b') };
  const all = [...shops.a, ...shops.b];
  await db.orders.bulkPut(all.map((item) => item.order as unknown as StoredOrder));
  await db.waybills.bulkPut(
    all.flatMap((item) => (item.waybill === undefined ? [] : [{ shopId: item.order.shopId, trackingNumber: item.order.trackingNumber, ...item.waybill } as unknown as StoredWaybill])),
  );
  const progress: AggregateProgress[] = [];
  const result = await aggregateHistory(db, { shopId: null, now: NOW }, (step) => progress.push(step));
  expect(result.orders).toBe(2 * PER_SHOP);
  expect(progress.at(-1)).toEqual({ done: 2 * PER_SHOP, total: 2 * PER_SHOP });
  expect(progress.length).toBeGreaterThan(2);
  // Key order: shop-a's rows, then shop-b's, as they were generated.
  expect(result.scorecard).toEqual(courierScorecard(all, trendWindow(NOW)));
  const trends = trendsAccumulator(NOW);
  for (const item of all) trends.add(item.order, item.waybill, []);
  expect(result.trends).toEqual(trends.result());

  const one = await aggregateHistory(db, { shopId: 'shop-b', now: NOW });
  expect(one.orders).toBe(PER_SHOP);
  expect(one.scorecard).toEqual(courierScorecard(shops.b, trendWindow(NOW)));
  db.close();
});
