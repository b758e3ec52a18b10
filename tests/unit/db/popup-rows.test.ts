import { describe, expect, test } from 'vitest';
import { compareUrgency, readPopupCounts, readPopupHead, readPopupView } from '../../../lib/db/popup-rows';
import type { StoredOrder } from '../../../lib/db/records';
import type { SentinelDb } from '../../../lib/db/schema';
import type { FindingKind } from '../../../lib/findings/registry';
import { EMPTY_MUTES, markHandled, snoozeOrders } from '../../../lib/notifications/mutes-item';
import { HOUR, NOW, freshDb, spyOnQueries, storedOrder as order } from './helpers';

async function dbWith(orders: StoredOrder[]): Promise<SentinelDb> {
  const db = await freshDb();
  await db.orders.bulkPut(orders);
  const shops = [...new Set(orders.map((row) => row.shopId))];
  await db.shops.bulkPut(shops.map((shopId, index) => ({ shopId, firstSeenAt: NOW - 10 * HOUR, lastCaptureAt: NOW - (index + 1) * HOUR })));
  return db;
}

const sns = (rows: Array<{ order: StoredOrder }>) => rows.map((row) => row.order.orderSn);
const ALL = { kind: null, search: '', limit: 50 };

describe('the rows', () => {
  test('most urgent first: severity, then time left, then the larger amount; info and no finding are not listed', async () => {
    const db = await dbWith([
      order('s1', 'warn-soon', [{ kind: 'ship_by', severity: 'warn', dueAt: NOW + 5 * HOUR }]),
      order('s1', 'critical-small', [{ kind: 'rejected', severity: 'critical' }], { amount: 990 }),
      order('s1', 'critical-large', [{ kind: 'returning', severity: 'critical' }], { amount: 25_000 }),
      order('s1', 'critical-clock', [{ kind: 'ship_by', severity: 'critical', dueAt: NOW + HOUR }], { amount: 1 }),
      order('s1', 'breached', [{ kind: 'ship_by', severity: 'breached', dueAt: NOW - HOUR }]),
      order('s1', 'warn-same-due-large', [{ kind: 'pickup_by', severity: 'warn', dueAt: NOW + 5 * HOUR }], { amount: 5000 }),
      order('s1', 'info', [{ kind: 'auto_confirm_at', severity: 'info', dueAt: NOW + HOUR }]),
      order('s1', 'none', []),
    ]);
    const view = await readPopupView(db, ALL, EMPTY_MUTES, NOW);
    expect(sns(view.rows)).toEqual(['breached', 'critical-clock', 'critical-large', 'critical-small', 'warn-same-due-large', 'warn-soon']);
    expect(view.more).toBe(false);
  });

  test('a page cut inside a tie of severity and due time still has the largest amounts of the tie', async () => {
    // Eleven anomalies with no due time: the index gives them in key order, the page must give them by amount.
    const orders = Array.from({ length: 11 }, (_, i) => order('s1', `a${String(i).padStart(2, '0')}`, [{ kind: 'rejected', severity: 'critical' }], { amount: i * 100 }));
    const db = await dbWith([order('s1', 'first', [{ kind: 'ship_by', severity: 'breached', dueAt: NOW }]), ...orders]);
    const view = await readPopupView(db, { ...ALL, limit: 4 }, EMPTY_MUTES, NOW);
    expect(sns(view.rows)).toEqual(['first', 'a10', 'a09', 'a08']);
    expect(view.more).toBe(true);
    const all = await readPopupView(db, { ...ALL, limit: 50 }, EMPTY_MUTES, NOW);
    expect(sns(all.rows)).toEqual(['first', ...orders.map((row) => row.orderSn).reverse()]);
    expect([...all.rows].map((row) => row.order).sort(compareUrgency).map((row) => row.orderSn)).toEqual(sns(all.rows));
  });

  test('a page cut inside orders of one due time still has the largest amounts of them; equal amounts go by order number', async () => {
    // Same severity and due time: the index gives them in key order, which is not the amount's.
    const amounts = [300, 9_900, 300, 4_500, 120, 9_900];
    const clocks = amounts.map((amount, i) => order('s1', `c${i}`, [{ kind: 'ship_by', severity: 'critical', dueAt: NOW + HOUR }], { amount }));
    const db = await dbWith([...clocks, order('s1', 'later', [{ kind: 'ship_by', severity: 'critical', dueAt: NOW + 2 * HOUR }], { amount: 99_999 })]);
    expect(sns((await readPopupView(db, { ...ALL, limit: 3 }, EMPTY_MUTES, NOW)).rows)).toEqual(['c1', 'c5', 'c3']);
    expect(sns((await readPopupView(db, { ...ALL, limit: 5 }, EMPTY_MUTES, NOW)).rows)).toEqual(['c1', 'c5', 'c3', 'c0', 'c2']);
    // A cut between two due times needs no more than the page.
    expect(sns((await readPopupView(db, { ...ALL, limit: 6 }, EMPTY_MUTES, NOW)).rows)).toEqual(['c1', 'c5', 'c3', 'c0', 'c2', 'c4']);
  });

  test('a chip lists the orders with that kind open, at any severity, in every shop (a clock before an anomaly of its severity)', async () => {
    const db = await dbWith([
      order('s1', 'p1', [{ kind: 'pickup_by', severity: 'warn', dueAt: NOW + 3 * HOUR }]),
      order('s2', 'p2', [{ kind: 'pickup_by', severity: 'critical', dueAt: NOW + 9 * HOUR }]),
      order('s1', 'p3', [{ kind: 'pickup_by', severity: 'info', dueAt: NOW + 30 * HOUR }, { kind: 'rejected', severity: 'critical' }]),
      order('s1', 's1', [{ kind: 'ship_by', severity: 'critical', dueAt: NOW }]),
    ]);
    expect(sns((await readPopupView(db, { ...ALL, kind: 'pickup_by' }, EMPTY_MUTES, NOW)).rows)).toEqual(['p2', 'p3', 'p1']);
  });

  test('the search finds order numbers by prefix and tracking numbers by prefix, at risk or not', async () => {
    const db = await dbWith([
      order('s1', '261120-000000000000101', [], { tracking: 'YT7001' }),
      order('s1', '261120-000000000000102', [{ kind: 'ship_by', severity: 'warn', dueAt: NOW }]),
      order('s2', '261121-000000000000103', [], { tracking: 'ZT7001' }),
    ]);
    const search = async (text: string) => sns((await readPopupView(db, { ...ALL, search: text }, EMPTY_MUTES, NOW)).rows).sort();
    expect(await search('261120-')).toEqual(['261120-000000000000101', '261120-000000000000102']);
    expect(await search('261121-000000000000103')).toEqual(['261121-000000000000103']);
    expect(await search('yt70')).toEqual(['261120-000000000000101']);
    // A tracking number typed with a space is looked up as it is stored.
    expect(await search('yt 70')).toEqual(['261120-000000000000101']);
    expect(await search(' ZT7001 ')).toEqual(['261121-000000000000103']);
    expect(await search('999')).toEqual([]);
  });

  test('from four characters on the search also matches the end of an order or tracking number', async () => {
    const db = await dbWith([
      order('s1', '261120-000000000000101', [], { tracking: 'YT7001' }),
      order('s1', '261120-000000000000102', [{ kind: 'ship_by', severity: 'warn', dueAt: NOW }]),
      order('s2', '261121-000000000000103', [], { tracking: 'ZT7001' }),
    ]);
    const search = async (text: string) => sns((await readPopupView(db, { ...ALL, search: text }, EMPTY_MUTES, NOW)).rows).sort();
    expect(await search('0102')).toEqual(['261120-000000000000102']);
    expect(await search('7001')).toEqual(['261120-000000000000101', '261121-000000000000103']);
    expect(await search('t7001')).toEqual(['261120-000000000000101', '261121-000000000000103']);
    // Shorter, only the start counts: "01" ends two numbers and starts none.
    expect(await search('01')).toEqual([]);
    expect(await search('9999')).toEqual([]);
  });

  test('snoozed and handled orders leave the rows for the muted group; the group follows the chip', async () => {
    const db = await dbWith([
      order('s1', 'a', [{ kind: 'ship_by', severity: 'critical', dueAt: NOW + HOUR }]),
      order('s1', 'b', [{ kind: 'rejected', severity: 'critical' }]),
      order('s1', 'c', [{ kind: 'ship_by', severity: 'warn', dueAt: NOW + 5 * HOUR }]),
    ]);
    const mutes = markHandled(snoozeOrders(EMPTY_MUTES, 's1', ['a'], NOW + HOUR, NOW), 's1', ['b'], NOW);
    const view = await readPopupView(db, ALL, mutes, NOW);
    expect(sns(view.rows)).toEqual(['c']);
    expect(view.muted.map((row) => [row.order.orderSn, row.mute])).toEqual([
      ['a', 'snoozed'],
      ['b', 'handled'],
    ]);
    expect(sns((await readPopupView(db, { ...ALL, kind: 'ship_by' }, mutes, NOW)).muted)).toEqual(['a']);
    // The snooze over, the order is back.
    expect(sns((await readPopupView(db, ALL, mutes, NOW + HOUR)).rows)).toEqual(['a', 'c']);
  });

  test("each row carries its parcel's waybill", async () => {
    const db = await dbWith([order('s1', 'a', [{ kind: 'stalled', severity: 'warn' }], { tracking: 'YT1' })]);
    await db.waybills.put({ shopId: 's1', trackingNumber: 'YT1', status: 'in_transit', lastEventAt: NOW - 6 * HOUR } as never);
    const [row] = (await readPopupView(db, ALL, EMPTY_MUTES, NOW)).rows;
    expect(row!.waybill?.status).toBe('in_transit');
  });
});

test('the head and the counts: counts per severity (muted or not), the listed count and kind counts less the muted, the newest capture', async () => {
  const db = await dbWith([
    order('s1', 'a', [{ kind: 'ship_by', severity: 'breached', dueAt: NOW - HOUR }]),
    order('s1', 'b', [{ kind: 'ship_by', severity: 'critical', dueAt: NOW + HOUR }, { kind: 'rejected', severity: 'critical' }]),
    order('s2', 'c', [{ kind: 'rejected', severity: 'warn' }]),
    order('s2', 'd', [{ kind: 'auto_confirm_at', severity: 'info', dueAt: NOW + HOUR }]),
    order('s2', 'e', []),
  ]);
  const mutes = snoozeOrders(EMPTY_MUTES, 's1', ['b'], NOW + HOUR, NOW);
  const head = await readPopupHead(db);
  expect(head.lastCaptureAt).toBe(NOW - HOUR);
  expect(head.shops.map((shop) => shop.shopId).sort()).toEqual(['s1', 's2']);
  const counts = await readPopupCounts(db, mutes, NOW);
  expect(counts.severities).toEqual({ breached: 1, critical: 1, warn: 1 });
  expect(counts.listed).toBe(2);
  expect(counts.stored).toBe(5);
  expect(counts.kinds).toEqual({ ship_by: 1, rejected: 1, auto_confirm_at: 1 });
  expect(counts.unverifiedPickups).toBe(0);
});

test('every read of orders is an index range or a count, whatever the chip or the search', async () => {
  const kinds: FindingKind[] = ['ship_by', 'pickup_by', 'rejected', 'stalled'];
  const orders = Array.from({ length: 300 }, (_, i) =>
    order('s1', `261120-${String(i).padStart(12, '0')}`, i % 3 === 0 ? [] : [{ kind: kinds[i % 4]!, severity: i % 5 === 0 ? 'critical' : 'warn', dueAt: NOW + i * HOUR }], { tracking: `YT${i}` }),
  );
  const db = await dbWith(orders);
  const mutes = markHandled(EMPTY_MUTES, 's1', ['261120-000000000000001'], NOW);
  const used = await spyOnQueries(db);
  const readsOf = async (read: () => Promise<unknown>) => {
    const from = used.length;
    await read();
    return new Set(used.slice(from).filter((entry) => entry.startsWith('orders:')));
  };
  expect(await readsOf(() => readPopupHead(db))).toEqual(new Set());
  // The table's own count is IndexedDB's, which reads no row.
  expect(await readsOf(() => readPopupCounts(db, mutes, NOW))).toEqual(
    new Set(['orders:count:[riskRank+nextDueAt]', 'orders:count::id', 'orders:count:openKindTags', 'orders:cursor:openKindTags']),
  );
  expect(await readsOf(() => readPopupView(db, ALL, mutes, NOW))).toEqual(new Set(['orders:[riskRank+nextDueAt]']));
  expect(await readsOf(() => readPopupView(db, { ...ALL, kind: 'pickup_by' }, mutes, NOW))).toEqual(new Set(['orders:cursor:openKindTags']));
  // The primary key is [shopId+orderSn]: the order-number search reads a range of it.
  expect(await readsOf(() => readPopupView(db, { ...ALL, search: 'YT1' }, mutes, NOW))).toEqual(new Set(['orders::id', 'orders:[shopId+trackingNumber]']));
  // From four characters the ends are matched on the same two indexes' keys.
  expect(await readsOf(() => readPopupView(db, { ...ALL, search: 'YT12' }, mutes, NOW))).toEqual(
    new Set(['orders::id', 'orders:[shopId+trackingNumber]', 'orders:cursor:[shopId+trackingNumber]']),
  );
});
