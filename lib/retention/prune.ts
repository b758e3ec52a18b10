// Retention: orders closed (received, cancelled or refunded) and not seen for longer than the retention
// period are deleted with everything that hangs off them. Small transactions, so the worker (and any
// page reading the database) never waits long; the daily alarm calls this until `done`.
import { errorMessage } from '../errors/error-message';
import { recordDbError } from '../db/health';
import type { StoredOrder } from '../db/records';
import { prefixRange, type SentinelDb } from '../db/schema';
import { daysToMs } from '../time/shanghai';
import { DEFAULT_RETENTION_DAYS } from './closed';

export interface PruneResult {
  deleted: number;
  /** True when no order older than the cutoff is left (or an error stopped the run: see `error`). */
  done: boolean;
  error?: string;
}

export async function pruneClosedOrders(
  db: SentinelDb,
  now: number,
  retentionDays: number = DEFAULT_RETENTION_DAYS,
  batchSize = 500,
): Promise<PruneResult> {
  const cutoff = now - daysToMs(retentionDays);
  try {
    const deleted = await db.transaction(
      'rw',
      [db.orders, db.changes, db.afterSales, db.waybills, db.trackingEvents, db.notifications],
      async () => {
        // closedAt is null on open orders, so they are not in this index at all.
        const batch = await db.orders.where('closedAt').below(cutoff).limit(batchSize).toArray();
        const waybills = new Map<string, Set<string>>();
        for (const order of batch) {
          const numbers = waybills.get(order.shopId) ?? new Set<string>();
          for (const trackingNumber of await deleteOrder(db, order)) numbers.add(trackingNumber);
          waybills.set(order.shopId, numbers);
        }
        await pruneUnreferencedWaybills(db, waybills);
        return batch.length;
      },
    );
    if (deleted < batchSize) await Promise.all([pruneClosedProducts(db, cutoff), pruneOrderlessNotifications(db, cutoff)]);
    return { deleted, done: deleted < batchSize };
  } catch (error) {
    await recordDbError(db, 'retention', error, now);
    return { deleted: 0, done: true, error: errorMessage(error) };
  }
}

/** Deletes an order (its findings live on its row) and its dependents; returns every tracking number it had (corrected-away ones too). */
async function deleteOrder(db: SentinelDb, order: StoredOrder): Promise<string[]> {
  const key: [string, string] = [order.shopId, order.orderSn];
  const history = db.changes.where(':id').between(...prefixRange(key));
  const trackingNumbers = new Set<string>();
  if (order.trackingNumber !== null) trackingNumbers.add(order.trackingNumber);
  for (const change of await history.clone().filter((change) => change.field === 'trackingNumber').toArray()) {
    if (typeof change.from === 'string') trackingNumbers.add(change.from);
    if (typeof change.to === 'string') trackingNumbers.add(change.to);
  }
  await Promise.all([
    history.delete(),
    db.afterSales.where('[shopId+orderSn]').equals(key).delete(),
    db.notifications.where('[shopId+orderSn]').equals(key).delete(),
    db.orders.delete(key),
  ]);
  return [...trackingNumbers];
}

async function pruneUnreferencedWaybills(db: SentinelDb, byShop: Map<string, Set<string>>): Promise<void> {
  for (const [shopId, numbers] of byShop) {
    for (const trackingNumber of numbers) {
      const stillUsed = await db.orders.where('[shopId+trackingNumber]').equals([shopId, trackingNumber]).count();
      if (stillUsed > 0) continue;
      await db.waybills.delete([shopId, trackingNumber]);
      await db.trackingEvents.where(':id').between(...prefixRange([shopId, trackingNumber])).delete();
    }
  }
}

/** Product findings (rejection_cluster) belong to no order: products whose findings all closed before the cutoff go. */
async function pruneClosedProducts(db: SentinelDb, cutoff: number): Promise<void> {
  const shopIds = await db.shops.toCollection().primaryKeys();
  await db.transaction('rw', db.products, async () => {
    for (const shopId of shopIds) {
      await db.products
        .where('[shopId+hasOpen]')
        .equals([shopId, 0])
        .filter((product) => product.findings.every((record) => record.closedAt !== null && record.closedAt < cutoff))
        .delete();
    }
  });
}

/**
 * Log rows of no single order (digests, quiet-hours summaries, the unverified-pickups line) go with no order:
 * those sent before the cutoff go by age. An order's own rows go with the order.
 */
async function pruneOrderlessNotifications(db: SentinelDb, cutoff: number): Promise<void> {
  await db.notifications
    .where('sentAt')
    .below(cutoff)
    .filter((row) => row.orderSn === null)
    .delete();
}
