import { describe, expect, test } from 'vitest';
import { countAtRisk, queryAtRisk } from '../../../lib/db/at-risk';
import { logNotification } from '../../../lib/db/notification-log';
import { openFindingsOf } from '../../../lib/db/records';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { ingestTrackingReply } from '../../../lib/ingest/ingest-tracking';
import { reassessOpenOrders } from '../../../lib/ingest/reassess';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { orderTimeline } from '../../../lib/timeline/order-timeline';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';
import { HOUR, NOW, SHOP, freshDb, listCapture, orderRow, shippedRow } from '../db/helpers';

const A = '261120-000000000000021';
const policy = DEFAULT_POLICY;
const seconds = (ms: number) => Math.floor(ms / 1000);

describe('orderTimeline', () => {
  test('everything known about one order, in time order', async () => {
    const db = await freshDb();
    const t0 = NOW - 30 * HOUR;
    await ingestCapture(db, listCapture([orderRow(A, { promise_shipping_time: seconds(NOW - 20 * HOUR) })], t0), t0, policy);
    // Shipped with a wrong number, corrected an hour later.
    const t1 = NOW - 22 * HOUR;
    await ingestCapture(db, listCapture([shippedRow(A, 'WRONG1', 22, { promise_shipping_time: seconds(NOW - 20 * HOUR) })], t1), t1, policy);
    const t2 = NOW - 21 * HOUR;
    await ingestCapture(db, listCapture([shippedRow(A, 'RIGHT1', 22, { promise_shipping_time: seconds(NOW - 20 * HOUR) })], t2), t2, policy);
    const trace = (nu: string, text: string, at: string) => ({
      message: 'ok', nu, state: '1', status: '200',
      data: [{ time: at, ftime: at, context: text, statusCode: '103' }],
    });
    await ingestTrackingReply(db, SHOP, 'WRONG1', normalizeKuaidi100(trace('WRONG1', '其他城市 已揽收', '2026-11-19 13:00:00'), 'WRONG1', t2), t2, policy);
    await ingestTrackingReply(db, SHOP, 'RIGHT1', normalizeKuaidi100(trace('RIGHT1', '杭州 已揽收', '2026-11-19 14:00:00'), 'RIGHT1', NOW - HOUR), NOW - HOUR, policy);
    await logNotification(db, { shopId: SHOP, orderSn: A, key: `${A}:pickup_by`, sentAt: NOW - 2 * HOUR, kind: 'pickup_by', severity: 'warn', title: '揽收提醒', body: '…' });

    const timeline = await orderTimeline(db, SHOP, A);
    expect(timeline.map((entry) => entry.at)).toEqual([...timeline.map((entry) => entry.at)].sort((a, b) => a - b));
    expect(timeline[0]).toMatchObject({ type: 'first_seen', at: t0, statusText: '待发货', source: 'recentOrderList' });
    const types = new Set(timeline.map((entry) => entry.type));
    expect(types).toEqual(new Set(['first_seen', 'change', 'tracking_event', 'finding_opened', 'finding_closed', 'notification']));
    // Events of the number that was corrected away stay in the order's history.
    expect(timeline.filter((entry) => entry.type === 'tracking_event').map((entry) => entry.type === 'tracking_event' && entry.trackingNumber)).toEqual([
      'WRONG1',
      'RIGHT1',
    ]);
    expect(timeline).toContainEqual(expect.objectContaining({ type: 'change', field: 'trackingNumber', from: 'WRONG1', to: 'RIGHT1', at: t2 }));
    expect(timeline).toContainEqual(expect.objectContaining({ type: 'finding_opened', kind: 'ship_by', at: t0 }));
    expect(timeline).toContainEqual(expect.objectContaining({ type: 'finding_closed', kind: 'ship_by', at: t1 }));
    expect(timeline).toContainEqual(expect.objectContaining({ type: 'notification', title: '揽收提醒' }));
  });

  test('a finding is shown with the severity it opened with; its escalations are changes', async () => {
    const db = await freshDb();
    const row = orderRow(A, { promise_shipping_time: seconds(NOW + 20 * HOUR) });
    await ingestCapture(db, listCapture([row], NOW), NOW, policy);
    await ingestCapture(db, listCapture([row], NOW + 10 * HOUR), NOW + 10 * HOUR, policy);
    const timeline = await orderTimeline(db, SHOP, A);
    expect(timeline).toContainEqual(expect.objectContaining({ type: 'finding_opened', kind: 'ship_by', severity: 'info', at: NOW }));
    expect(timeline).toContainEqual(expect.objectContaining({ type: 'change', field: 'finding:ship_by', from: 'info', to: 'warn' }));
  });

  test('an unknown order has an empty timeline', async () => {
    expect(await orderTimeline(await freshDb(), SHOP, 'nope')).toEqual([]);
  });
});

describe('reassessOpenOrders', () => {
  test('clocks move with time: stored severities and the at-risk index follow without a new capture', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([orderRow(A, { promise_shipping_time: seconds(NOW + 20 * HOUR) })]), NOW, policy);
    expect(await countAtRisk(db, SHOP)).toBe(0);

    const later = NOW + 21 * HOUR; // an hour past the promise
    const result = await reassessOpenOrders(db, null, later, policy, 1);
    expect(result).toMatchObject({ evaluated: 1, changes: 1 });
    const [order] = await queryAtRisk(db, SHOP, 10);
    expect(order?.orderSn).toBe(A);
    expect(openFindingsOf(order!).find((finding) => finding.kind === 'ship_by')?.severity).toBe('breached');
    // Running it again at the same time changes nothing.
    expect(await reassessOpenOrders(db, SHOP, later, policy)).toMatchObject({ evaluated: 1, changes: 0, findingsOpened: 0, findingsClosed: 0 });
  });

  test('a new policy changes the findings it bands differently, and names exactly those orders', async () => {
    const db = await freshDb();
    const B = '261120-000000000000022';
    // A is due in 20 h (info under the default 12 h warn band), B in 60 h: a 24 h band reaches A only.
    await ingestCapture(
      db,
      listCapture([orderRow(A, { promise_shipping_time: seconds(NOW + 20 * HOUR) }), orderRow(B, { promise_shipping_time: seconds(NOW + 60 * HOUR) })]),
      NOW,
      policy,
    );
    const wider = { ...policy, shipByWarnHours: 24 };
    const result = await reassessOpenOrders(db, null, NOW, wider);
    expect(result.changedOrders).toEqual(new Map([[SHOP, [A, B]]]));
    const [order] = await queryAtRisk(db, SHOP, 10);
    expect(order?.orderSn).toBe(A);
    expect(openFindingsOf(order!).find((finding) => finding.kind === 'ship_by')).toMatchObject({ severity: 'warn', basis: { warnHours: 24 } });
    // Idempotent: the same policy again changes nothing and names no order.
    expect((await reassessOpenOrders(db, null, NOW, wider)).changedOrders).toEqual(new Map());
  });
});
