// Which parcels the poller should ask a courier provider about now: waybills whose next check is due, and
// parcels never asked about yet (queued on their orders, see StoredOrder.firstCheckAt). One function, so
// the poller does not need to know that the queue has two halves.
import type { SentinelDb } from '../db/schema';

export interface DueCheck {
  shopId: string;
  trackingNumber: string;
  dueAt: number;
  /** The courier of an order carrying the parcel (Kuaidi100/Kdniao need a courier code). */
  shippingId: number | null;
  courierName: string | null;
  /** Provider answers and errors so far (0 for a first check). */
  attempts: number;
  consecutiveFailures: number;
}

/** Due checks, earliest first, at most `limit`. */
export async function dueTrackingChecks(db: SentinelDb, now: number, limit = 50): Promise<DueCheck[]> {
  return db.transaction('r', [db.waybills, db.orders], async () => {
    const [waybills, firstChecks] = await Promise.all([
      db.waybills.where('nextCheckAt').belowOrEqual(now).limit(limit).toArray(),
      // Several orders can share a parcel: read a few more than needed before deduplicating.
      db.orders.where('firstCheckAt').belowOrEqual(now).limit(limit * 2).toArray(),
    ]);
    const due = new Map<string, DueCheck>();
    for (const order of firstChecks) {
      if (order.trackingNumber === null || order.firstCheckAt === null) continue;
      const key = `${order.shopId}|${order.trackingNumber}`;
      const known = due.get(key);
      if (known !== undefined && known.dueAt <= order.firstCheckAt) continue;
      due.set(key, {
        shopId: order.shopId,
        trackingNumber: order.trackingNumber,
        dueAt: order.firstCheckAt,
        shippingId: order.facts.shippingId,
        courierName: order.facts.courierName,
        attempts: 0,
        consecutiveFailures: 0,
      });
    }
    const holders = await Promise.all(
      waybills.map((waybill) =>
        db.orders.where('[shopId+trackingNumber]').equals([waybill.shopId, waybill.trackingNumber]).first(),
      ),
    );
    waybills.forEach((waybill, index) => {
      const holder = holders[index];
      due.set(`${waybill.shopId}|${waybill.trackingNumber}`, {
        shopId: waybill.shopId,
        trackingNumber: waybill.trackingNumber,
        dueAt: waybill.nextCheckAt ?? now,
        shippingId: holder?.facts.shippingId ?? null,
        courierName: holder?.facts.courierName ?? null,
        attempts: waybill.attempts,
        consecutiveFailures: waybill.consecutiveFailures,
      });
    });
    return [...due.values()].sort((a, b) => a.dueAt - b.dueAt).slice(0, limit);
  });
}
