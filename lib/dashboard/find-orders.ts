// The timeline's search: an order number or a tracking number, looked up by key in every shop (the
// primary key [shopId+orderSn] and the [shopId+trackingNumber] index), never by a scan.
import type { StoredOrder } from '../db/records';
import type { SentinelDb } from '../db/schema';
import { normalizeTrackingNumber } from '../pdd/order-row';

/** The most orders one search lists (a tracking number shared by a merged shipment names a few). */
export const FOUND_LIMIT = 20;

export async function findOrders(db: SentinelDb, query: string): Promise<StoredOrder[]> {
  const text = query.trim();
  if (text === '') return [];
  // Tracking numbers are stored normalized (no spaces, upper case); order numbers as the console writes them.
  const trackingNumber = normalizeTrackingNumber(text);
  return db.transaction('r', [db.shops, db.orders], async () => {
    const shops = await db.shops.toCollection().primaryKeys();
    const [byNumber, byTracking] = await Promise.all([
      db.orders.bulkGet(shops.map((shopId) => [shopId, text] as [string, string])),
      trackingNumber === null
        ? []
        : Promise.all(shops.map((shopId) => db.orders.where('[shopId+trackingNumber]').equals([shopId, trackingNumber]).limit(FOUND_LIMIT).toArray())),
    ]);
    const found = new Map<string, StoredOrder>();
    for (const order of [...byNumber, ...byTracking.flat()]) {
      if (order !== undefined) found.set(`${order.shopId}|${order.orderSn}`, order);
    }
    return [...found.values()].slice(0, FOUND_LIMIT);
  });
}
