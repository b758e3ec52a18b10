import { describe, expect, test } from 'vitest';
import { openFindingsOf } from '../../../lib/db/records';
import { dueTrackingChecks } from '../../../lib/ingest/due-checks';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { ingestTrackingReply } from '../../../lib/ingest/ingest-tracking';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';
import type { TrackingResult } from '../../../lib/tracking/status';
import { HOUR, NOW, SHOP, dumpDb, freshDb, listCapture, shippedRow } from '../db/helpers';

const A = '261120-000000000000011';
const B = '261120-000000000000012';
const policy = DEFAULT_POLICY;

/** 'yyyy-MM-dd HH:mm:ss' in Shanghai, as couriers write it. */
function wall(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().replace('T', ' ').slice(0, 19);
}

/** A Kuaidi100 poll/query.do body; events oldest first here, newest first in the body as the API sends it. */
function body(nu: string, state: string, events: Array<[at: number, context: string, statusCode?: string]>) {
  return {
    message: 'ok',
    nu,
    ischeck: state === '3' ? '1' : '0',
    com: 'yuantong',
    status: '200',
    state,
    data: [...events].reverse().map(([at, context, statusCode]) => ({ time: wall(at), ftime: wall(at), context, ...(statusCode ? { statusCode } : {}) })),
  };
}

const reply = (nu: string, state: string, events: Array<[number, string, string?]>, checkedAt = NOW): TrackingResult =>
  normalizeKuaidi100(body(nu, state, events), nu, checkedAt);

const PICKUP: [number, string, string] = [NOW - 20 * HOUR, '【杭州市】圆通快递 已揽收', '103'];
const TRANSIT: [number, string, string] = [NOW - 10 * HOUR, '快件已发往 上海转运中心', '1002'];
const DELIVERED: [number, string, string] = [NOW - 1 * HOUR, '您的快件已签收，签收人：本人签收', '301'];

describe('ingestTrackingReply', () => {
  test('stores the merged state, each event once, and re-evaluates the orders on the waybill', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([shippedRow(A, 'YT100', 22)]), NOW, policy);
    const first = await ingestTrackingReply(db, SHOP, 'YT100', reply('YT100', '0', [PICKUP, TRANSIT]), NOW, policy);
    expect(first).toMatchObject({ answered: true, newEvents: 2, status: 'in_transit', ordersEvaluated: 1, error: null });
    expect(first.findingsByOrder.get(A)?.some((finding) => finding.kind === 'pickup_by')).toBe(false);

    // The next reply repeats both events and adds one.
    const later = NOW + HOUR;
    const second = await ingestTrackingReply(db, SHOP, 'YT100', reply('YT100', '3', [PICKUP, TRANSIT, DELIVERED], later), later, policy);
    expect(second).toMatchObject({ newEvents: 1, status: 'delivered', nextCheckAt: null });
    const events = await db.trackingEvents.toArray();
    expect(events.map((event) => event.text)).toEqual([PICKUP[1], TRANSIT[1], DELIVERED[1]]);
    expect(events.map((event) => event.firstSeenAt)).toEqual([NOW, NOW, later]);
    const waybill = await db.waybills.get([SHOP, 'YT100']);
    expect(waybill).toMatchObject({ status: 'delivered', lastEventAt: DELIVERED[0], attempts: 2, consecutiveFailures: 0 });
    expect(waybill?.facts?.events).toHaveLength(3);
  });

  test('a reply with an event it cannot read reports it and stores the count: the pickup stays unverified until a whole trace comes', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([shippedRow(A, 'YT100', 30)]), NOW, policy);
    const ordered = body('YT100', '0', [[NOW - 29 * HOUR, '商家已下单', '101']]);
    const partly = normalizeKuaidi100({ ...ordered, data: [{ time: 'yesterday', context: '【杭州市】已揽收' }, ...ordered.data] }, 'YT100', NOW);
    const first = await ingestTrackingReply(db, SHOP, 'YT100', partly, NOW, policy);
    expect(first.problems).toEqual(['data[0].time: "yesterday" is not a time; event skipped']);
    expect(first.findingsByOrder.get(A)?.find((finding) => finding.kind === 'pickup_by')).toMatchObject({ severity: 'warn', basis: { verified: false, unreadEvents: 1 } });
    // Read whole an hour later, with no pickup in it: now it is the real breach.
    const whole = await ingestTrackingReply(db, SHOP, 'YT100', reply('YT100', '0', [[NOW - 29 * HOUR, '商家已下单', '101']], NOW + HOUR), NOW + HOUR, policy);
    expect(whole.problems).toEqual([]);
    expect((await db.waybills.get([SHOP, 'YT100']))?.facts?.unreadEvents).toBe(0);
    expect(whole.findingsByOrder.get(A)?.find((finding) => finding.kind === 'pickup_by')).toMatchObject({ severity: 'breached', basis: { verified: true } });
  });

  test('the same reply twice changes nothing the second time', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([shippedRow(A, 'YT101', 22)]), NOW, policy);
    const answer = reply('YT101', '0', [PICKUP, TRANSIT]);
    await ingestTrackingReply(db, SHOP, 'YT101', answer, NOW, policy);
    const before = await dumpDb(db);
    const again = await ingestTrackingReply(db, SHOP, 'YT101', answer, NOW, policy);
    expect(again).toMatchObject({ duplicate: true, newEvents: 0, findingsOpened: 0, findingsClosed: 0 });
    expect(await dumpDb(db)).toEqual(before);
  });

  test('an older reply never moves the status backwards', async () => {
    const db = await freshDb();
    await ingestTrackingReply(db, SHOP, 'YT102', reply('YT102', '3', [PICKUP, TRANSIT, DELIVERED]), NOW, policy);
    await ingestTrackingReply(db, SHOP, 'YT102', reply('YT102', '0', [PICKUP, TRANSIT], NOW - 5 * HOUR), NOW, policy);
    expect((await db.waybills.get([SHOP, 'YT102']))?.status).toBe('delivered');
    expect(await db.trackingEvents.count()).toBe(3);
  });

  test('a provider error is recorded on the waybill with the caller\'s next check, and changes no facts', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([shippedRow(A, 'YT103', 5)]), NOW, policy);
    const error: TrackingResult = { ok: false, error: 'Kuaidi100 returnCode 502: 服务器错误', retry: 'backoff' };
    // Without a schedule the parcel keeps its place in the queue (its order's first check).
    const first = await ingestTrackingReply(db, SHOP, 'YT103', error, NOW, policy);
    expect(first).toMatchObject({ answered: false, errorReason: 'provider', nextCheckAt: NOW });
    const second = await ingestTrackingReply(db, SHOP, 'YT103', error, NOW + HOUR, policy, (waybill) => NOW + HOUR * (1 + waybill.consecutiveFailures));
    expect(second.nextCheckAt).toBe(NOW + 3 * HOUR);
    expect(await db.waybills.get([SHOP, 'YT103'])).toMatchObject({
      attempts: 2,
      consecutiveFailures: 2,
      lastError: { at: NOW + HOUR, message: error.error, retry: 'backoff' },
      facts: null,
    });
    // A good answer resets the failure count but keeps the last error for the record.
    await ingestTrackingReply(db, SHOP, 'YT103', reply('YT103', '0', [PICKUP]), NOW + 2 * HOUR, policy);
    expect(await db.waybills.get([SHOP, 'YT103'])).toMatchObject({ attempts: 3, consecutiveFailures: 0, status: 'picked_up' });
  });

  test('a reply for another waybill, or an empty number, is refused', async () => {
    const db = await freshDb();
    const wrong = await ingestTrackingReply(db, SHOP, 'YT104', reply('YT999', '0', [PICKUP]), NOW, policy);
    expect(wrong.errorReason).toBe('invalid');
    expect((await ingestTrackingReply(db, SHOP, '  ', reply('YT104', '0', [PICKUP]), NOW, policy)).errorReason).toBe('invalid');
    expect(await db.waybills.count()).toBe(0);
  });

  test('courier texts lose buyer names and phone numbers before they are stored', async () => {
    const db = await freshDb();
    const signed: [number, string, string] = [NOW - HOUR, '已签收，签收人：王小明，如有疑问请联系13812345678', '301'];
    await ingestTrackingReply(db, SHOP, 'YT105', reply('YT105', '3', [PICKUP, signed]), NOW, policy);
    const stored = JSON.stringify(await dumpDb(db));
    expect(stored).not.toContain('王小明');
    expect(stored).not.toContain('13812345678');
    expect(stored).toContain('签收人：***');
  });
});

describe('shop-level findings across orders', () => {
  test('one waybill on two buyers\u2019 orders opens duplicate_tracking on both, and closes it when one is corrected', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([shippedRow(A, 'DUP1', 5)]), NOW, policy);
    // The second order arrives on another page, later.
    const report = await ingestCapture(db, listCapture([shippedRow(B, 'DUP1', 5)], NOW + 1), NOW + 1, policy);
    expect(report.findingsByOrder.get(B)?.map((finding) => finding.kind)).toContain('duplicate_tracking');
    const kindsOf = async (orderSn: string) => openFindingsOf((await db.orders.get([SHOP, orderSn]))!).map((finding) => finding.kind);
    expect(await kindsOf(A)).toContain('duplicate_tracking');

    // B's number is corrected: A, not on this page, is re-checked through the number B gave up.
    await ingestCapture(db, listCapture([shippedRow(B, 'FIXED2', 5)], NOW + 2), NOW + 2, policy);
    expect(await kindsOf(A)).not.toContain('duplicate_tracking');
    expect(await kindsOf(B)).not.toContain('duplicate_tracking');
  });

  test('orders of one receiver sharing a parcel are not duplicates', async () => {
    const db = await freshDb();
    await ingestCapture(
      db,
      listCapture([shippedRow(A, 'MERGED', 5, { receiver_key: 'same' }), shippedRow(B, 'MERGED', 5, { receiver_key: 'same' })]),
      NOW,
      policy,
    );
    for (const orderSn of [A, B]) {
      expect(openFindingsOf((await db.orders.get([SHOP, orderSn]))!).map((finding) => finding.kind)).not.toContain('duplicate_tracking');
    }
  });
});

describe('the poller queue', () => {
  test('a parcel newly on its way is due at once; after its first reply the waybill holds its schedule', async () => {
    const db = await freshDb();
    const captured = await ingestCapture(
      db,
      listCapture([shippedRow(A, 'Q1', 5), shippedRow(B, 'Q1', 5, { receiver_key: `rk-${A}` }), shippedRow('261120-000000000000013', 'Q2', 5, { order_status_str: '已签收' })]),
      NOW,
      policy,
    );
    // The background asks the poller to run soon when a capture queues parcels; seen again, none is new.
    expect(captured.parcelsQueued).toBe(1);
    expect((await ingestCapture(db, listCapture([shippedRow(A, 'Q1', 5)], NOW + 1000), NOW + 1000, policy)).parcelsQueued).toBe(0);
    const options = { limit: 50, senderPhoneTail: '4321' };
    const due = await dueTrackingChecks(db, NOW, options);
    // One check per parcel, and none for a received order; both orders' clocks weigh in.
    expect(due.map((check) => check.trackingNumber)).toEqual(['Q1']);
    expect(due[0]).toMatchObject({
      shopId: SHOP,
      dueAt: NOW,
      status: 'unknown',
      read: false,
      orderOpen: true,
      shippedAt: NOW - 5 * HOUR,
      pickupDueAt: NOW + 19 * HOUR,
      queryTimes: [],
      waybill: null,
      query: { trackingNumber: 'Q1', shippingId: 85, phoneTail: '4321', provinceName: '浙江省', cityName: '杭州市' },
    });

    const next = NOW + 4 * HOUR;
    await ingestTrackingReply(db, SHOP, 'Q1', reply('Q1', '0', [PICKUP, TRANSIT]), NOW, policy, () => next);
    expect(await dueTrackingChecks(db, NOW, options)).toEqual([]);
    expect(await dueTrackingChecks(db, next, options)).toEqual([expect.objectContaining({ trackingNumber: 'Q1', dueAt: next, read: true, status: 'in_transit' })]);
    expect(await db.orders.where('firstCheckAt').above(0).count()).toBe(0);
  });

  test('a reply from outside the poller keeps the parcel in the queue, and a terminal one ends its polling', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([shippedRow(A, 'Q3', 5)]), NOW, policy);
    expect((await ingestTrackingReply(db, SHOP, 'Q3', reply('Q3', '0', [PICKUP]), NOW + HOUR, policy)).nextCheckAt).toBe(NOW);
    expect((await ingestTrackingReply(db, SHOP, 'Q3', reply('Q3', '3', [PICKUP, DELIVERED], NOW + 2 * HOUR), NOW + 2 * HOUR, policy)).nextCheckAt).toBeNull();
  });
});
