// The whole pipeline on the synthetic shop: paged captures in any order, after-sales and every courier
// reply; what is stored must be exactly what the rules say about the stored facts, and hold no buyer PII.
import { describe, expect, test } from 'vitest';
import type { Capture } from '../../../lib/capture/capture';
import { openFindingsOf } from '../../../lib/db/records';
import type { SentinelDb } from '../../../lib/db/schema';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { openPickupDueAt } from '../../../lib/ingest/reconcile-findings';
import { ingestTrackingReply } from '../../../lib/ingest/ingest-tracking';
import { assessShop, type OrderContext } from '../../../lib/findings/assess';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';
import { exportAtRiskCsv, exportHistoryCsv } from '../../../lib/backup/export-csv';
import { exportJson } from '../../../lib/backup/backup-json';
import { generateShop, type SyntheticShop } from '../../stand-in/synthetic-shop';
import { HOUR, dumpDb, freshDb } from '../db/helpers';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const policy = DEFAULT_POLICY;

function pages(rows: unknown[], size: number): unknown[][] {
  const result: unknown[][] = [];
  for (let start = 0; start < rows.length; start += size) result.push(rows.slice(start, start + size));
  return result;
}

function capture(endpoint: 'recentOrderList' | 'afterSalesList', shopId: string, rows: unknown[], capturedAt: number): Capture {
  const result = endpoint === 'recentOrderList' ? { totalItemNum: rows.length, pageItems: rows } : { total: rows.length, list: rows };
  return { endpoint, shopId, capturedAt, request: null, response: { success: true, errorCode: 1000000, result } };
}

/** Seeded shuffle, so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function ingestShop(db: SentinelDb, shop: SyntheticShop, options: { pageSize: number; seed: number }): Promise<void> {
  const capturedAt = NOW - HOUR;
  for (const page of shuffled(pages(shop.orders, options.pageSize), options.seed)) {
    const report = await ingestCapture(db, capture('recentOrderList', shop.shopId, page, capturedAt), NOW, policy);
    expect(report.error).toBeNull();
  }
  for (const page of pages(shop.afterSales, options.pageSize)) {
    expect((await ingestCapture(db, capture('afterSalesList', shop.shopId, page, capturedAt), NOW, policy)).error).toBeNull();
  }
  for (const trackingNumber of shuffled(Object.keys(shop.kuaidi100), options.seed + 1)) {
    const result = normalizeKuaidi100(shop.kuaidi100[trackingNumber], trackingNumber, NOW - HOUR / 2);
    const report = await ingestTrackingReply(db, shop.shopId, trackingNumber, result, NOW, policy);
    expect(report.errorReason === null || report.errorReason === 'provider').toBe(true);
  }
}

/** The rules over everything stored, in one pass (what `npm run assess` would say). */
async function assessStored(db: SentinelDb, shopId: string): Promise<string[]> {
  const [orders, afterSales, waybills] = await Promise.all([db.orders.toArray(), db.afterSales.toArray(), db.waybills.toArray()]);
  const trackingOf = new Map(waybills.map((waybill) => [waybill.trackingNumber, waybill.facts]));
  const contexts: OrderContext[] = orders.map((order) => ({
    order: order.facts,
    afterSales: afterSales.filter((sale) => sale.orderSn === order.orderSn).map((sale) => sale.facts),
    tracking: order.trackingNumber === null ? null : (trackingOf.get(order.trackingNumber) ?? null),
  }));
  expect(orders.every((order) => order.shopId === shopId)).toBe(true);
  return assessShop(contexts, NOW, policy)
    .map((finding) => `${finding.orderSn ?? `goods:${finding.goodsId}`}|${finding.kind}|${finding.severity}|${finding.dueAt ?? ''}`)
    .sort();
}

async function storedOpenFindings(db: SentinelDb): Promise<string[]> {
  const [orders, products] = await Promise.all([db.orders.toArray(), db.products.toArray()]);
  const lines = [
    ...orders.flatMap((order) => openFindingsOf(order).map((finding) => ({ subject: order.orderSn, finding }))),
    ...products.flatMap((product) => openFindingsOf(product).map((finding) => ({ subject: `goods:${product.goodsId}`, finding }))),
  ];
  return lines
    .map(({ subject, finding }) => `${subject}|${finding.kind}|${finding.severity}|${finding.dueAt ?? ''}`)
    .sort();
}

describe('the synthetic shop through the whole pipeline', () => {
  const shop = generateShop({ seed: 20261120, size: 240, now: NOW });

  test.each([
    { pageSize: 50, seed: 1 },
    { pageSize: 7, seed: 2 },
  ])('stored findings equal the rules over the stored facts (pages of $pageSize, shuffled)', async (options) => {
    const db = await freshDb();
    await ingestShop(db, shop, options);
    const expected = await assessStored(db, shop.shopId);
    expect(expected.length).toBeGreaterThan(100);
    // Every kind of the vocabulary shows up, shop-level ones included.
    expect(new Set(expected.map((line) => line.split('|')[1])).size).toBeGreaterThanOrEqual(20);
    expect(expected.some((line) => line.includes('|duplicate_tracking|'))).toBe(true);
    expect(expected.some((line) => line.includes('|rejection_cluster|'))).toBe(true);
    expect(await storedOpenFindings(db)).toEqual(expected);
    expect(await db.orders.count()).toBe(shop.orders.length);
    // The poller's upcoming-pickup index holds exactly the orders with an open pickup clock, at its due time.
    const orders = await db.orders.toArray();
    expect(orders.filter((order) => order.pickupDueAt !== null).length).toBeGreaterThan(0);
    for (const order of orders) expect(order.pickupDueAt, order.orderSn).toBe(openPickupDueAt(order.findings));
  });

  test('ingesting everything again changes nothing and duplicates nothing', async () => {
    const db = await freshDb();
    await ingestShop(db, shop, { pageSize: 50, seed: 3 });
    const before = await dumpDb(db);
    await ingestShop(db, shop, { pageSize: 30, seed: 4 });
    expect(await dumpDb(db)).toEqual(before);
  });

  test('no buyer name, phone or address is anywhere in the database or the exports', async () => {
    const db = await freshDb();
    const pii = [...shop.pii.names, ...shop.pii.phones, ...shop.pii.addresses].filter((value) => value.length >= 2);
    const leaksIn = (text: string) => pii.filter((value) => text.includes(value));
    // Control: the raw rows carry the fake PII (as if the page hook had failed to strip it), and the scan
    // finds it there. Storage must not keep it anyway.
    expect(pii.length).toBeGreaterThan(100);
    expect(leaksIn(JSON.stringify(shop.orders)).length).toBeGreaterThan(100);
    await ingestShop(db, shop, { pageSize: 50, seed: 5 });
    const stored = JSON.stringify(await dumpDb(db));
    const exported = [
      JSON.stringify(await exportJson(db, NOW)),
      await exportAtRiskCsv(db, null, 'info'),
      await exportHistoryCsv(db, null),
    ].join('\n');
    expect(leaksIn(stored)).toEqual([]);
    expect(leaksIn(exported)).toEqual([]);
  });
});
