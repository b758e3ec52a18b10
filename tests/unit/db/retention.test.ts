import { describe, expect, test } from 'vitest';
import { logNotification } from '../../../lib/db/notification-log';
import type { FindingRecord } from '../../../lib/db/records';
import type { SentinelDb } from '../../../lib/db/schema';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { ingestTrackingReply } from '../../../lib/ingest/ingest-tracking';
import { pruneClosedOrders } from '../../../lib/retention/prune';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';
import { DAY, HOUR, NOW, SHOP, afterSalesCapture, countRows, freshDb, listCapture, orderRow, shippedRow } from './helpers';

const policy = DEFAULT_POLICY;
const OLD = NOW - 200 * DAY;
const seconds = (ms: number) => Math.floor(ms / 1000);

/** A received order, last seen at `seenAt`, with a trace, an after-sales case and a notification. */
async function closedOrder(db: SentinelDb, orderSn: string, trackingNumber: string, seenAt: number): Promise<void> {
  const row = shippedRow(orderSn, trackingNumber, 0, {
    order_status_str: '已签收',
    order_time: seconds(seenAt - 5 * DAY),
    shipping_time: seconds(seenAt - 4 * DAY),
  });
  await ingestCapture(db, listCapture([row], seenAt - HOUR), seenAt - HOUR, policy);
  await ingestCapture(db, listCapture([{ ...row, tracking_number: `${trackingNumber}X` }], seenAt), seenAt, policy);
  await ingestCapture(db, listCapture([row], seenAt), seenAt, policy);
  const body = {
    message: 'ok',
    nu: trackingNumber,
    state: '3',
    status: '200',
    data: [{ time: '2026-01-01 10:00:00', ftime: '2026-01-01 10:00:00', context: '已签收，签收人：本人', statusCode: '301' }],
  };
  await ingestTrackingReply(db, SHOP, trackingNumber, normalizeKuaidi100(body, trackingNumber, seenAt), seenAt, policy);
  await ingestCapture(
    db,
    afterSalesCapture([{ id: `${orderSn}-as`, orderSn, afterSalesTypeName: '仅退款', afterSalesStatus: 5, afterSalesTitle: '退款成功', createdAt: seconds(seenAt - DAY) }], seenAt),
    seenAt,
    policy,
  );
  await logNotification(db, { shopId: SHOP, orderSn, key: `${orderSn}:x`, sentAt: seenAt, kind: null, severity: null, title: 't', body: 'b' });
}

describe('pruneClosedOrders', () => {
  test('deletes orders closed longer than the period with everything hanging off them, and keeps the rest', async () => {
    const db = await freshDb();
    await closedOrder(db, 'old-closed', 'YTOLD', OLD);
    await closedOrder(db, 'recent-closed', 'YTNEW', NOW - 10 * DAY);
    // Open orders are never pruned, however old.
    await ingestCapture(db, listCapture([orderRow('old-open', { order_time: seconds(OLD) })], OLD), OLD, policy);

    const result = await pruneClosedOrders(db, NOW, 180);
    expect(result).toEqual({ deleted: 1, done: true });
    const remaining = (await db.orders.toCollection().primaryKeys()).map(([, orderSn]) => orderSn).sort();
    expect(remaining).toEqual(['old-open', 'recent-closed']);
    expect(await db.changes.where(':id').between([SHOP, 'old-closed'], [SHOP, 'old-closed', []]).count()).toBe(0);
    expect(await db.afterSales.where('[shopId+orderSn]').equals([SHOP, 'old-closed']).count()).toBe(0);
    expect(await db.notifications.where('[shopId+orderSn]').equals([SHOP, 'old-closed']).count()).toBe(0);
    // Its waybills (the current one and the one corrected away) and their events went too.
    expect(await db.waybills.get([SHOP, 'YTOLD'])).toBeUndefined();
    expect(await db.trackingEvents.where(':id').between([SHOP, 'YTOLD'], [SHOP, 'YTOLD', []]).count()).toBe(0);
    expect(await db.waybills.get([SHOP, 'YTNEW'])).toBeDefined();
  });

  test('a waybill still carried by a kept order is kept', async () => {
    const db = await freshDb();
    await closedOrder(db, 'old-closed', 'SHARED', OLD);
    await ingestCapture(db, listCapture([shippedRow('still-open', 'SHARED', 5)]), NOW, policy);
    await pruneClosedOrders(db, NOW, 180);
    expect(await db.waybills.get([SHOP, 'SHARED'])).toBeDefined();
    expect(await db.trackingEvents.count()).toBeGreaterThan(0);
  });

  test('the retention period counts from the last time the closed order was seen', async () => {
    const db = await freshDb();
    await closedOrder(db, 'seen-again', 'YTAGAIN', OLD);
    const row = shippedRow('seen-again', 'YTAGAIN', 0, { order_status_str: '已签收', order_time: seconds(OLD - 5 * DAY), shipping_time: seconds(OLD - 4 * DAY) });
    await ingestCapture(db, listCapture([row], NOW - DAY), NOW - DAY, policy);
    expect(await pruneClosedOrders(db, NOW, 180)).toEqual({ deleted: 0, done: true });
    expect(await pruneClosedOrders(db, NOW, 0.5)).toEqual({ deleted: 1, done: true });
  });

  test('works in batches until done', async () => {
    const db = await freshDb();
    for (let i = 0; i < 5; i++) await closedOrder(db, `old-${i}`, `YT${i}`, OLD + i);
    const calls = [];
    for (;;) {
      const result = await pruneClosedOrders(db, NOW, 180, 2);
      calls.push(result);
      if (result.done) break;
    }
    expect(calls).toEqual([
      { deleted: 2, done: false },
      { deleted: 2, done: false },
      { deleted: 1, done: true },
    ]);
    expect(await countRows(db)).toMatchObject({ orders: 0, changes: 0, afterSales: 0, waybills: 0, trackingEvents: 0, notifications: 0 });
  });

  test('product findings that all closed before the cutoff go; open or recent ones stay', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([orderRow('any')]), NOW, policy);
    // Retention reads only when product findings closed: their bases are left empty.
    const finding = (closedAt: number | null) =>
      ({ kind: 'rejection_cluster', severity: 'critical', dueAt: null, rule: 'OS2', basis: {}, openedAt: OLD - DAY, closedAt, updatedAt: closedAt ?? OLD }) as unknown as FindingRecord;
    await db.products.bulkPut([
      { shopId: SHOP, goodsId: 'old', findings: [finding(OLD)], hasOpen: 0 },
      { shopId: SHOP, goodsId: 'recent', findings: [finding(NOW - DAY)], hasOpen: 0 },
      { shopId: SHOP, goodsId: 'open', findings: [finding(null)], hasOpen: 1 },
    ]);
    await pruneClosedOrders(db, NOW, 180);
    expect((await db.products.toArray()).map((product) => product.goodsId).sort()).toEqual(['open', 'recent']);
  });

  test("log rows of no single order (a digest's own row) go once sent before the cutoff; an open order's stay", async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([orderRow('open')]), NOW, policy);
    const row = (key: string, orderSn: string | null, sentAt: number) => ({ shopId: SHOP, orderSn, key, sentAt, kind: null, severity: null, title: 't', body: 'b' });
    await db.notifications.bulkPut([row('digest:old', null, OLD), row('digest:recent', null, NOW - DAY), row('lead:ship_by:4:open', 'open', OLD)]);
    await pruneClosedOrders(db, NOW, 180);
    expect((await db.notifications.toArray()).map((notification) => notification.key).sort()).toEqual(['digest:recent', 'lead:ship_by:4:open']);
  });
});
