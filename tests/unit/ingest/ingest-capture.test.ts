import { describe, expect, test } from 'vitest';
import { UNKNOWN_SHOP, openFindingsOf } from '../../../lib/db/records';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import {
  DAY,
  HOUR,
  NOW,
  SHOP,
  afterSalesCapture,
  countRows,
  dumpDb,
  freshDb,
  listCapture,
  orderRow,
  shippedRow,
} from '../db/helpers';

const A = '261120-000000000000001';
const B = '261120-000000000000002';
const C = '261120-000000000000003';
const D = '261120-000000000000004';
const policy = DEFAULT_POLICY;
const seconds = (ms: number) => Math.floor(ms / 1000);

describe('ingestCapture: storing orders', () => {
  test('stores each order of a list page under its shop and reports findings for every row', async () => {
    const db = await freshDb();
    const report = await ingestCapture(db, listCapture([orderRow(A), shippedRow(B, 'yt 123', 30)]), NOW, policy);
    expect(report).toMatchObject({ error: null, shopId: SHOP, rowsSeen: 2, rowsStored: 2, rowsSkipped: [] });
    expect([...report.findingsByOrder.keys()].sort()).toEqual([A, B]);
    expect(report.findingsByOrder.get(A)?.map((finding) => finding.kind)).toContain('ship_by');

    const stored = await db.orders.get([SHOP, B]);
    expect(stored?.facts.state).toBe('shipped');
    // Index copies follow the normalized facts (waybill numbers are compact and upper case).
    expect(stored?.trackingNumber).toBe('YT123');
    expect(stored?.firstSeenAt).toBe(NOW);
    expect(stored?.firstStatusText).toBe('已发货，待收货');
    expect(await db.shops.get(SHOP)).toEqual({ shopId: SHOP, firstSeenAt: NOW, lastCaptureAt: NOW });
  });

  test("the shop keeps the name of its newest capture that named it; an older or unnamed capture leaves it", async () => {
    const db = await freshDb();
    const named = (at: number, shopName: string | null) => ({ ...listCapture([orderRow(A)], at), shopName });
    await ingestCapture(db, named(NOW, '小鱼百货'), NOW, policy);
    expect(await db.shops.get(SHOP)).toEqual({ shopId: SHOP, name: '小鱼百货', firstSeenAt: NOW, lastCaptureAt: NOW });
    await ingestCapture(db, named(NOW + HOUR, null), NOW + HOUR, policy);
    expect((await db.shops.get(SHOP))?.name).toBe('小鱼百货');
    await ingestCapture(db, named(NOW - HOUR, '旧店名'), NOW + HOUR, policy);
    expect(await db.shops.get(SHOP)).toEqual({ shopId: SHOP, name: '小鱼百货', firstSeenAt: NOW - HOUR, lastCaptureAt: NOW + HOUR });
    // Renamed on the console: the next capture carries the new name, even at the same time as the last one.
    await ingestCapture(db, named(NOW + HOUR, '小鱼百货旗舰店'), NOW + HOUR, policy);
    expect((await db.shops.get(SHOP))?.name).toBe('小鱼百货旗舰店');
  });

  test('the same order number in two shops is two orders', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([orderRow(A)], NOW, 'shop-1'), NOW, policy);
    await ingestCapture(db, listCapture([shippedRow(A, 'SF1', 2)], NOW, 'shop-2'), NOW, policy);
    expect((await db.orders.get(['shop-1', A]))?.facts.state).toBe('unshipped');
    expect((await db.orders.get(['shop-2', A]))?.facts.state).toBe('shipped');
    expect(await db.orders.count()).toBe(2);
  });

  test('a capture without a shop id is stored under "unknown", and the report says so', async () => {
    const db = await freshDb();
    const report = await ingestCapture(db, listCapture([orderRow(A)], NOW, null), NOW, policy);
    expect(report).toMatchObject({ shopId: UNKNOWN_SHOP, shopIdMissing: true, rowsStored: 1 });
    expect(await db.orders.get([UNKNOWN_SHOP, A])).toBeDefined();
  });

  test('the same capture twice changes nothing the second time', async () => {
    const db = await freshDb();
    const capture = listCapture([orderRow(A), shippedRow(B, 'YT1', 30), orderRow(C, { urge_shipping_time: seconds(NOW - HOUR) })]);
    const first = await ingestCapture(db, capture, NOW, policy);
    expect(first.findingsOpened).toBeGreaterThan(0);
    const before = await dumpDb(db);
    const second = await ingestCapture(db, capture, NOW, policy);
    expect(second).toMatchObject({ changes: 0, findingsOpened: 0, findingsClosed: 0, rowsStored: 3, error: null });
    expect(second.findingsByOrder).toEqual(first.findingsByOrder);
    expect(await dumpDb(db)).toEqual(before);
  });

  test('a later capture with the same facts only moves the sighting times, and adds no history', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([orderRow(A)], NOW), NOW, policy);
    const report = await ingestCapture(db, listCapture([orderRow(A)], NOW + HOUR), NOW + HOUR, policy);
    expect(report.changes).toBe(0);
    const stored = await db.orders.get([SHOP, A]);
    expect(stored).toMatchObject({ firstSeenAt: NOW, lastSeenAt: NOW + HOUR, factsAt: NOW + HOUR });
    expect(await db.changes.count()).toBe(0);
  });

  test('an older capture never overwrites newer facts', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([shippedRow(A, 'YT9', 2)], NOW), NOW, policy);
    // A page captured an hour earlier (a slow request, a second tab) arrives afterwards.
    const report = await ingestCapture(db, listCapture([orderRow(A)], NOW - HOUR), NOW, policy);
    expect(report).toMatchObject({ rowsStale: 1, rowsStored: 0, changes: 0 });
    const stored = await db.orders.get([SHOP, A]);
    expect(stored?.facts.state).toBe('shipped');
    expect(stored?.factsAt).toBe(NOW);
    // The badge still gets the findings of the stored (newer) facts.
    expect(report.findingsByOrder.get(A)?.some((finding) => finding.kind === 'ship_by')).toBe(false);
  });

  test('a partial page never deletes the orders that are not on it', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([orderRow(A), orderRow(B), orderRow(C)]), NOW, policy);
    await ingestCapture(db, listCapture([orderRow(D)], NOW + HOUR), NOW + HOUR, policy);
    await ingestCapture(db, listCapture([], NOW + 2 * HOUR), NOW + 2 * HOUR, policy);
    expect((await db.orders.toCollection().primaryKeys()).map(([, orderSn]) => orderSn).sort()).toEqual([A, B, C, D]);
    // Orders not on the page keep their open findings: absence from a page is not resolution.
    expect(openFindingsOf((await db.orders.get([SHOP, A]))!).map((finding) => finding.kind)).toContain('ship_by');
  });

  test('records each change of the facts with the capture time at which it was first seen', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([orderRow(A)], NOW - 2 * HOUR), NOW - 2 * HOUR, policy);
    await ingestCapture(db, listCapture([shippedRow(A, 'YT5', 1)], NOW - 1 * HOUR), NOW - HOUR, policy);
    await ingestCapture(db, listCapture([shippedRow(A, 'YT5', 1)], NOW), NOW, policy);
    const changes = await db.changes.where('[shopId+orderSn+at+field]').between([SHOP, A], [SHOP, A, []]).toArray();
    const byField = Object.fromEntries(changes.map((change) => [change.field, change]));
    expect(byField.state).toMatchObject({ at: NOW - HOUR, category: 'status', from: 'unshipped', to: 'shipped' });
    expect(byField.statusText).toMatchObject({ from: '待发货', to: '已发货，待收货' });
    expect(byField.trackingNumber).toMatchObject({ category: 'shipping', from: null, to: 'YT5' });
    expect(byField.shippedAt).toMatchObject({ at: NOW - HOUR, to: NOW - HOUR });
    // The third capture repeated the second: no second line for the same change.
    expect(changes.filter((change) => change.field === 'state')).toHaveLength(1);
  });

  test('orderDetail fills in what the list lacks without erasing what the detail omits', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([shippedRow(A, 'YT7', 40)]), NOW, policy);
    const detail = {
      endpoint: 'orderDetail' as const,
      shopId: SHOP,
      capturedAt: NOW + HOUR,
      request: { order_sn: A },
      response: {
        success: true,
        result: { order_sn: A, order_status_str: '已签收', receive_time: seconds(NOW + HOUR / 2), shipping_time: seconds(NOW - 40 * HOUR) },
      },
    };
    const report = await ingestCapture(db, detail, NOW + HOUR, policy);
    expect(report.error).toBeNull();
    const stored = await db.orders.get([SHOP, A]);
    expect(stored?.facts).toMatchObject({ state: 'received', receivedAt: NOW + HOUR / 2, trackingNumber: 'YT7', goodsId: '5001' });
    expect(stored?.closedAt).toBe(NOW + HOUR);
  });
});

describe('ingestCapture: bad input writes nothing', () => {
  test.each([
    ['success false', { success: false, errorCode: 54001, errorMsg: '操作太过频繁', result: { verifyAuthToken: 'x' } }, '54001'],
    ['no result', { success: true, errorCode: 1000000 }, 'no result'],
    ['pageItems not a list', { success: true, result: { pageItems: 'nope' } }, 'pageItems'],
    ['not an object', 'garbage', 'not a JSON object'],
  ])('%s', async (_name, response, message) => {
    const db = await freshDb();
    const report = await ingestCapture(db, { ...listCapture([]), response }, NOW, policy);
    expect(report.error).toContain(message);
    expect(report.errorReason).toBe('envelope');
    expect(Object.values(await countRows(db)).every((count) => count === 0)).toBe(true);
  });

  test('orderDetail with a snake_case error is refused', async () => {
    const db = await freshDb();
    const report = await ingestCapture(
      db,
      { endpoint: 'orderDetail', shopId: SHOP, capturedAt: NOW, request: null, response: { error_code: 40002, error_msg: '限流', result: {} } },
      NOW,
      policy,
    );
    expect(report.error).toContain('40002');
    expect(await db.orders.count()).toBe(0);
  });

  test('malformed rows are skipped with their index and reason; the other rows are stored', async () => {
    const db = await freshDb();
    const report = await ingestCapture(db, listCapture([orderRow(A), { order_status_str: '待发货' }, 'row', orderRow(B)]), NOW, policy);
    expect(report.rowsStored).toBe(2);
    expect(report.rowsSkipped.map((skip) => skip.index)).toEqual([1, 2]);
    expect(report.rowsSkipped[0]?.reason).toContain('order_sn');
    expect(await db.orders.count()).toBe(2);
  });

  test('an order listed twice in one capture is stored once, the same row whatever their order, and the other counted as skipped', async () => {
    const waiting = orderRow(A);
    const shipped = shippedRow(A, 'YT77', 2);
    const stored: unknown[] = [];
    for (const rows of [[waiting, orderRow(B), shipped], [shipped, orderRow(B), waiting]]) {
      const db = await freshDb();
      const report = await ingestCapture(db, listCapture(rows), NOW, policy);
      expect(report).toMatchObject({ rowsSeen: 3, rowsStored: 2 });
      expect(report.rowsSkipped).toEqual([{ index: report.rowsSkipped[0]!.index, reason: expect.stringMatching(/^order_sn 261120-000000000000001 repeated, row skipped \(it differs from \[[02]\], which is kept\)$/) as unknown }]);
      stored.push((await db.orders.get([SHOP, A]))?.facts);
    }
    expect(stored[0]).toEqual(stored[1]);
  });

  test('an after-sales case listed twice in one capture is stored once and the other row counted as skipped', async () => {
    const db = await freshDb();
    const row = { id: 9001, orderSn: A, afterSalesType: 1, afterSalesTypeName: '仅退款', afterSalesStatus: 2, afterSalesTitle: '待商家处理', createdAt: seconds(NOW - HOUR) };
    const report = await ingestCapture(db, afterSalesCapture([row, row]), NOW, policy);
    expect(report).toMatchObject({ rowsStored: 1, rowsSkipped: [{ index: 1, reason: 'id 9001 repeated, row skipped' }] });
    expect(await db.afterSales.count()).toBe(1);
  });
});

describe('ingestCapture: findings follow the facts', () => {
  test('a finding that no longer holds is closed, with when it opened and closed', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([orderRow(A)], NOW - 3 * HOUR), NOW - 3 * HOUR, policy);
    const report = await ingestCapture(db, listCapture([shippedRow(A, 'YT42', 1)], NOW), NOW, policy);
    expect(report.findingsClosed).toBeGreaterThanOrEqual(1);
    const order = (await db.orders.get([SHOP, A]))!;
    const shipBy = order.findings.find((finding) => finding.kind === 'ship_by');
    expect(shipBy).toMatchObject({ openedAt: NOW - 3 * HOUR, closedAt: NOW });
    expect(openFindingsOf(order).map((finding) => finding.kind)).toContain('pickup_by');
    expect(order.openKindTags).not.toContain(`${SHOP}|ship_by`);
  });

  test('a severity change updates the open finding in place and leaves a history line', async () => {
    const db = await freshDb();
    const row = orderRow(A, { promise_shipping_time: seconds(NOW + 20 * HOUR) });
    await ingestCapture(db, listCapture([row], NOW), NOW, policy);
    const later = NOW + 10 * HOUR; // 10 h left: inside the 12 h warn band
    const report = await ingestCapture(db, listCapture([row], later), later, policy);
    expect(report).toMatchObject({ findingsOpened: 0, findingsClosed: 0, changes: 1 });
    const order = (await db.orders.get([SHOP, A]))!;
    const shipBy = order.findings.filter((finding) => finding.kind === 'ship_by');
    expect(shipBy).toHaveLength(1);
    expect(shipBy[0]).toMatchObject({ severity: 'warn', openedAt: NOW, closedAt: null, updatedAt: later });
    expect(order.riskRank).toBe(1);
    const history = await db.changes.toArray();
    expect(history).toEqual([
      expect.objectContaining({ field: 'finding:ship_by', category: 'finding', from: 'info', to: 'warn', at: later }),
    ]);
  });

  test('the order row carries its worst open severity and earliest due time for the at-risk index', async () => {
    const db = await freshDb();
    const due = NOW + HOUR;
    await ingestCapture(db, listCapture([orderRow(A, { promise_shipping_time: seconds(due) })]), NOW, policy);
    expect(await db.orders.get([SHOP, A])).toMatchObject({ riskRank: 2, nextDueAt: due });
  });

  test('an after-sales case re-evaluates its order; a case for an order not seen yet still shows its reply clock, stores no order', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([shippedRow(A, 'YT3', 20, { order_status_str: '已签收' })]), NOW, policy);
    const cases = [
      { id: 9001, orderSn: A, afterSalesType: 1, afterSalesTypeName: '仅退款', afterSalesStatus: 2, afterSalesTitle: '待商家处理', createdAt: seconds(NOW - HOUR), expireRemainTime: 3 * 3600 },
      { id: 9002, orderSn: B, afterSalesType: 2, afterSalesTypeName: '退货退款', afterSalesStatus: 2, afterSalesTitle: '待商家处理', createdAt: seconds(NOW - HOUR), expireRemainTime: 30 * 3600 },
    ];
    const report = await ingestCapture(db, afterSalesCapture(cases), NOW, policy);
    expect(report).toMatchObject({ error: null, rowsStored: 2 });
    expect([...report.findingsByOrder.keys()].sort()).toEqual([A, B]);
    expect(report.findingsByOrder.get(A)?.map((finding) => finding.kind)).toContain('after_sale_reply_by');
    expect(report.findingsByOrder.get(B)).toEqual([
      expect.objectContaining({ orderSn: B, kind: 'after_sale_reply_by', dueAt: NOW + 30 * HOUR }),
    ]);
    expect(await db.afterSales.count()).toBe(2);
    expect(await db.orders.get([SHOP, B])).toBeUndefined();

    // The order of the second case arrives later and is evaluated with its case.
    const second = await ingestCapture(db, listCapture([shippedRow(B, 'YT4', 20)], NOW + 1), NOW + 1, policy);
    expect(second.findingsByOrder.get(B)?.map((finding) => finding.kind)).toContain('after_sale_reply_by');
  });

  test('after-sales history: first sighting and status changes of the case are on its order', async () => {
    const db = await freshDb();
    const row = { id: 7, orderSn: A, afterSalesType: 1, afterSalesTypeName: '仅退款', afterSalesStatus: 2, afterSalesTitle: '待商家处理', createdAt: seconds(NOW - DAY) };
    await ingestCapture(db, afterSalesCapture([row], NOW), NOW, policy);
    await ingestCapture(db, afterSalesCapture([{ ...row, afterSalesStatus: 5, afterSalesTitle: '退款成功' }], NOW + HOUR), NOW + HOUR, policy);
    const fields = (await db.changes.toArray()).map((change) => [change.field, change.to]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['after_sale:7:first_seen', '待商家处理'],
        ['after_sale:7:statusCode', 5],
        ['after_sale:7:statusText', '退款成功'],
      ]),
    );
  });
});

describe('ingestCapture: order numbers are page data', () => {
  test('an order numbered like an Object property (__proto__, constructor) gets its findings like any other', async () => {
    const db = await freshDb();
    const report = await ingestCapture(db, listCapture([orderRow('__proto__'), orderRow('constructor')]), NOW, policy);
    expect(report.error).toBeNull();
    for (const orderSn of ['__proto__', 'constructor']) {
      expect(report.findingsByOrder.get(orderSn)?.map((finding) => finding.kind), orderSn).toEqual(['ship_by']);
    }
    expect([...report.findingsByOrder.keys()].sort()).toEqual(['__proto__', 'constructor']);
  });
});

describe('ingestCapture: a placeholder number on many orders', () => {
  test('orders read later with the same number leave the stored rows of the earlier ones as they were', async () => {
    const db = await freshDb();
    const page = (from: number) => Array.from({ length: 30 }, (_, n) => shippedRow(`261117-${String(from + n).padStart(15, '0')}`, '0000', 30, { receiver_key: `r${from + n}` }));
    await ingestCapture(db, listCapture(page(0)), NOW, policy);
    await ingestCapture(db, listCapture(page(30)), NOW, policy);
    const before = await db.orders.where('[shopId+trackingNumber]').equals([SHOP, '0000']).toArray();
    expect(before.every((order) => openFindingsOf(order).some((finding) => finding.kind === 'duplicate_tracking'))).toBe(true);
    await ingestCapture(db, listCapture(page(60)), NOW, policy);
    const after = new Map((await db.orders.where('[shopId+trackingNumber]').equals([SHOP, '0000']).toArray()).map((order) => [order.orderSn, order]));
    expect(after.size).toBe(90);
    for (const order of before) expect(after.get(order.orderSn), order.orderSn).toEqual(order);
  });
});
