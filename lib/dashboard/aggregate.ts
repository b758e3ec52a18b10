// The dashboard's heavy reading: every order of the history (100,000 of them in a large profile) with its
// waybill and notifications, streamed in key-order chunks into the scorecard and trend accumulators. The
// dashboard runs it in a Web Worker (entrypoints/dashboard/aggregate.worker.ts), so the page stays
// responsive; each chunk is its own short read, so the background's writes never wait long.
import type { Table } from 'dexie';
import type { StoredOrder, StoredWaybill } from '../db/records';
import { shopKeyRange, type OrderKey, type SentinelDb, type WaybillKey } from '../db/schema';
import { scorecardAccumulator, type Scorecard } from './courier-scorecard';
import { parcelWaybill, type ParcelWaybill } from './parcels';
import { trendsAccumulator, trendWindow, type SentNotification, type Trends } from './trends';

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

export async function aggregateHistory(
  db: SentinelDb,
  request: AggregateRequest,
  onProgress: (progress: AggregateProgress) => void = () => undefined,
): Promise<Aggregate> {
  // The two views over one window: the scorecard counts the parcels uploaded in the trends' 30 days.
  const window = trendWindow(request.now);
  const scorecard = scorecardAccumulator(window);
  const trends = trendsAccumulator(request.now);
  const [lower, upper] = shopKeyRange(request.shopId);
  const total = await db.orders.where(':id').between(lower, upper, true, true).count();
  onProgress({ done: 0, total });
  // Waybills and notifications first, each table read by key ranges: one lookup per order would be
  // 100,000 requests. Only what the dashboard reads of a waybill is kept (parcelWaybill).
  const [waybills, notifications] = await Promise.all([
    readInChunks<StoredWaybill, WaybillKey, Map<string, ParcelWaybill>>(
      db.waybills,
      lower,
      upper,
      (waybill) => [waybill.shopId, waybill.trackingNumber],
      new Map(),
      (byKey, waybill) => byKey.set(`${waybill.shopId}|${waybill.trackingNumber}`, parcelWaybill(waybill)),
    ),
    notificationsByOrder(db, request.shopId),
  ]);
  let done = 0;
  await readInChunks<StoredOrder, OrderKey, null>(
    db.orders,
    lower,
    upper,
    (order) => [order.shopId, order.orderSn],
    null,
    (_, order) => {
      const waybill = order.trackingNumber === null ? undefined : waybills.get(`${order.shopId}|${order.trackingNumber}`);
      scorecard.add(order, waybill);
      trends.add(order, waybill, notifications.get(`${order.shopId}|${order.orderSn}`) ?? NONE);
    },
    (count) => {
      done += count;
      onProgress({ done, total: Math.max(total, done) });
    },
  );
  return { scorecard: scorecard.result(), trends: trends.result(), ...window, orders: done };
}

/**
 * Every row of a key range, AGGREGATE_CHUNK at a time in key order, each chunk its own short read: the
 * next chunk is asked for before the current one is folded in, so reading and folding overlap.
 */
async function readInChunks<Row, Key, Into>(
  table: Table<Row, Key>,
  lower: unknown,
  upper: unknown,
  keyOf: (row: Row) => Key,
  into: Into,
  fold: (into: Into, row: Row) => void,
  onChunk: (count: number) => void = () => undefined,
): Promise<Into> {
  const read = (after: Key | null) =>
    table
      .where(':id')
      .between(after ?? lower, upper, after === null, true)
      .limit(AGGREGATE_CHUNK)
      .toArray();
  let pending = read(null);
  for (;;) {
    const rows = await pending;
    const last = rows[rows.length - 1];
    const full = rows.length === AGGREGATE_CHUNK && last !== undefined;
    if (full) pending = read(keyOf(last));
    for (const row of rows) fold(into, row);
    onChunk(rows.length);
    if (!full) return into;
  }
}

const NONE: readonly SentNotification[] = [];

/** The notification log's rows about one order (digests' own rows name no single order and are left out). */
async function notificationsByOrder(db: SentinelDb, shopId: string | null): Promise<Map<string, SentNotification[]>> {
  const byOrder = new Map<string, SentNotification[]>();
  const rows = db.notifications.where(':id').between(...shopKeyRange(shopId), true, true);
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
