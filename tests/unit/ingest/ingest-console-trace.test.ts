import { describe, expect, test } from 'vitest';
import type { Capture } from '../../../lib/capture/capture';
import { openFindingsOf } from '../../../lib/db/records';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { ingestConsoleTrace } from '../../../lib/ingest/ingest-console-trace';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { HOUR, NOW, SHOP, dumpDb, freshDb, listCapture, shippedRow } from '../db/helpers';

const A = '261120-000000000000051';
const B = '261120-000000000000052';
const policy = DEFAULT_POLICY;
const PICKED_UP_AT = NOW - 5 * HOUR;

function traceCapture(result: unknown, request: unknown = { orderSn: A }, response: Record<string, unknown> = { success: true, errorCode: 1000000, errorMsg: null }): Capture {
  return { endpoint: 'courierTrace', shopId: SHOP, capturedAt: NOW, request, response: { ...response, result } };
}
const pickupList = [{ time: PICKED_UP_AT, info: '【杭州市】圆通快递 已揽收', action: 'GOT' }];

async function shopWithParcel() {
  const db = await freshDb();
  await ingestCapture(db, listCapture([shippedRow(A, 'YT100', 6), shippedRow(B, 'YT200', 6)]), NOW - HOUR, policy);
  return db;
}

describe('ingestConsoleTrace', () => {
  test('a trace naming its waybill verifies the pickup: the waybill holds the console reading, the pickup clock closes', async () => {
    const db = await shopWithParcel();
    const before = await db.orders.get([SHOP, A]);
    expect(openFindingsOf(before!).some((finding) => finding.kind === 'pickup_by')).toBe(true);

    const report = await ingestConsoleTrace(db, traceCapture({ trackingNumber: 'YT100', traceList: pickupList }), NOW, policy);
    expect(report).toMatchObject({ shopId: SHOP, orderSn: A, trackingNumber: 'YT100', error: null, problems: [] });
    expect(report.findingsByOrder.get(A)?.some((finding) => finding.kind === 'pickup_by')).toBe(false);
    const waybill = await db.waybills.get([SHOP, 'YT100']);
    expect(waybill?.facts).toMatchObject({ provider: 'console', status: 'picked_up', pickedUpAt: PICKED_UP_AT, checkedAt: NOW });
    const order = await db.orders.get([SHOP, A]);
    expect(openFindingsOf(order!).some((finding) => finding.kind === 'pickup_by')).toBe(false);
    // The other parcel is untouched.
    expect(await db.waybills.get([SHOP, 'YT200'])).toBeUndefined();
  });

  test('a trace naming no waybill (the older form) goes to the stored order\'s', async () => {
    const db = await shopWithParcel();
    const report = await ingestConsoleTrace(db, traceCapture({ traces: [{ time: '2026-11-20 05:00:00', info: '已揽收' }] }, { orderSn: B }), NOW, policy);
    expect(report).toMatchObject({ orderSn: B, trackingNumber: 'YT200', error: null });
    expect((await db.waybills.get([SHOP, 'YT200']))?.facts).toMatchObject({ trackingNumber: 'YT200', provider: 'console', pickedUpAt: Date.parse('2026-11-20T05:00:00+08:00') });
  });

  test('the same trace twice writes nothing the second time', async () => {
    const db = await shopWithParcel();
    const capture = traceCapture({ trackingNumber: 'YT100', traceList: pickupList });
    await ingestConsoleTrace(db, capture, NOW, policy);
    const once = await dumpDb(db);
    expect((await ingestConsoleTrace(db, capture, NOW, policy)).error).toBeNull();
    expect(await dumpDb(db)).toEqual(once);
  });

  test.each([
    ['a console error', traceCapture({ verifyAuthToken: 'x' }, { orderSn: A }, { success: false, errorCode: 54001, errorMsg: '操作太过频繁' }), 'envelope', /54001/],
    ['a shape nobody documented', traceCapture({ logistics: [] }), 'unreadable', /no traceList/],
    ['an order never stored, in a trace naming no waybill', traceCapture({ traces: [] }, { orderSn: '261120-000000000000099' }), 'no_waybill', /order 261120-000000000000099 has no tracking number stored/],
    ['a trace naming neither order nor waybill', traceCapture({ traces: [] }, null), 'no_waybill', /names neither an order nor a waybill/],
  ])('%s writes nothing (not even a failure on the waybill)', async (_label, capture, errorReason, error) => {
    const db = await shopWithParcel();
    const before = await dumpDb(db);
    const report = await ingestConsoleTrace(db, capture, NOW, policy);
    expect(report.errorReason).toBe(errorReason);
    expect(report.error).toMatch(error);
    expect(await dumpDb(db)).toEqual(before);
  });

  test('ingestCapture leaves a trace alone: its result is no order row', async () => {
    const db = await shopWithParcel();
    const report = await ingestCapture(db, traceCapture({ trackingNumber: 'YT100', traceList: pickupList }), NOW, policy);
    expect(report).toMatchObject({ rowsSeen: 0, errorReason: 'envelope' });
  });
});
