// The dashboard's heavy reading: every order of the history (100,000 of them in a large profile) with its
// waybill and notifications, streamed in key-order chunks into the scorecard and trend accumulators. The
// dashboard runs it in a Web Worker (entrypoints/dashboard/aggregate.worker.ts), so the page stays
// responsive; each chunk is its own short read transaction, so the background's writes never wait long.
import Dexie from 'dexie';
import type { StoredOrder, StoredWaybill } from '../db/records';
import { prefixRange, type SentinelDb, type WaybillKey } from '../db/schema';
import { DAY_MS, shanghaiMidnight } from '../time/shanghai';
import { scorecardAccumulator, type Scorecard } from './courier-scorecard';
import { TREND_DAYS, trendsAccumulator, type SentNotification, type Trends } from './trends';

/** Orders read per step. */
export const AGGREGATE_CHUNK = 2_000;

export interface AggregateRequest {
  /** One shop, or null for every shop together. */
  shopId: string | null;
  now: number;
}

export interface Aggregate {
  scorecard: Scorecard;
  trends: Trends;
  /** The scorecard's window: the trends' first day (00:00 Beijing) to `now`. */
  from: number;
  to: number;
  /** Orders read. */
  orders: number;
}

export interface AggregateProgress {
  done: number;
  total: number;
}

/** The dashboard's two views over one window: the scorecard counts the parcels uploaded in the trends' 30 days. */
export function dashboardWindow(now: number): { from: number; to: number } {
  return { from: shanghaiMidnight(now) - (TREND_DAYS - 1) * DAY_MS, to: now };
}

export async function aggregateHistory(
  db: SentinelDb,
  request: AggregateRequest,
  onProgress: (progress: AggregateProgress) => void = () => undefined,
): Promise<Aggregate> {
  const window = dashboardWindow(request.now);
  const scorecard = scorecardAccumulator(window);
  const trends = trendsAccumulator(request.now);
  const [lower, upper] = request.shopId === null ? [Dexie.minKey, Dexie.maxKey] : prefixRange([request.shopId]);
  const [total, notifications] = await Promise.all([
    db.orders.where(':id').between(lower, upper, true, true).count(),
    notificationsByOrder(db, request.shopId),
  ]);
  let done = 0;
  let after: [string, string] | null = null;
  onProgress({ done, total });
  for (;;) {
    const { orders, waybills } = await db.transaction('r', [db.orders, db.waybills], async () => {
      // Key-order paging: each chunk starts after the last key of the previous one.
      const chunk: StoredOrder[] = await db.orders
        .where(':id')
        .between(after ?? lower, upper, after === null, true)
        .limit(AGGREGATE_CHUNK)
        .toArray();
      const keys: WaybillKey[] = chunk.flatMap((order) => (order.trackingNumber === null ? [] : [[order.shopId, order.trackingNumber] as WaybillKey]));
      return { orders: chunk, waybills: await db.waybills.bulkGet(keys) };
    });
    const byKey = new Map<string, StoredWaybill>();
    for (const waybill of waybills) if (waybill !== undefined) byKey.set(`${waybill.shopId}|${waybill.trackingNumber}`, waybill);
    for (const order of orders) {
      const waybill = order.trackingNumber === null ? undefined : byKey.get(`${order.shopId}|${order.trackingNumber}`);
      scorecard.add(order, waybill);
      trends.add(order, waybill, notifications.get(`${order.shopId}|${order.orderSn}`) ?? NONE);
    }
    done += orders.length;
    onProgress({ done, total: Math.max(total, done) });
    if (orders.length < AGGREGATE_CHUNK) break;
    const last: StoredOrder = orders[orders.length - 1]!;
    after = [last.shopId, last.orderSn];
  }
  return { scorecard: scorecard.result(), trends: trends.result(), ...window, orders: done };
}

const NONE: readonly SentNotification[] = [];

/** The notification log's rows about one order (digests' own rows name no single order and are left out). */
async function notificationsByOrder(db: SentinelDb, shopId: string | null): Promise<Map<string, SentNotification[]>> {
  const byOrder = new Map<string, SentNotification[]>();
  const rows = shopId === null ? db.notifications.toCollection() : db.notifications.where(':id').between(...prefixRange([shopId]));
  await rows.each((row) => {
    if (row.orderSn === null) return;
    const key = `${row.shopId}|${row.orderSn}`;
    const list = byOrder.get(key);
    const item = { kind: row.kind, sentAt: row.sentAt };
    if (list === undefined) byOrder.set(key, [item]);
    else list.push(item);
  });
  return byOrder;
}

/** What the aggregation worker posts back for one request. */
export type AggregateReply =
  | ({ type: 'progress' } & AggregateProgress)
  | { type: 'result'; aggregate: Aggregate; ms: number }
  | { type: 'error'; message: string };
