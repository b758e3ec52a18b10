import { expect, test } from 'vitest';
import { orderTrace, orderViews } from '../../../lib/badges/order-views';
import { emptyWaybill } from '../../../lib/db/records';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { ingestTrackingReply } from '../../../lib/ingest/ingest-tracking';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';
import { stub } from '../findings/builders';
import { HOUR, NOW, SHOP, freshDb, listCapture, orderRow, shippedRow } from '../db/helpers';

const SHIPPED = '261120-000000000000021';
const UNSHIPPED = '261120-000000000000022';
const UNKNOWN = '261120-000000000000023';

const wall = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().replace('T', ' ').slice(0, 19);

/** A Kuaidi100 body (newest event first, as the API sends it) for events given oldest first. */
function kuaidi100(nu: string, events: Array<[at: number, context: string, statusCode: string]>) {
  const data = [...events].reverse().map(([at, context, statusCode]) => ({ time: wall(at), ftime: wall(at), context, statusCode }));
  return normalizeKuaidi100({ message: 'ok', nu, com: 'yuantong', status: '200', state: '0', data }, nu, NOW);
}

test('before any trace: the stored open findings, an unverified pickup clock, and no trace', async () => {
  const db = await freshDb();
  await ingestCapture(db, listCapture([shippedRow(SHIPPED, 'YT200', 22), orderRow(UNSHIPPED)]), NOW, DEFAULT_POLICY);
  const [shipped, unshipped, unknown] = await orderViews(db, SHOP, [SHIPPED, UNSHIPPED, UNKNOWN]);
  expect(shipped).toMatchObject({ orderSn: SHIPPED, state: 'shipped', shippedAt: NOW - 22 * HOUR, trace: null });
  expect(shipped!.findings.find((finding) => finding.kind === 'pickup_by')).toMatchObject({ severity: 'info', basis: { verified: false } });
  expect(unshipped!.findings.map((finding) => finding.kind)).toContain('ship_by');
  expect(unshipped!.findings.every((finding) => finding.orderSn === UNSHIPPED)).toBe(true);
  // An order the database does not hold: a view with nothing to show, not an error.
  expect(unknown).toEqual({ orderSn: UNKNOWN, promiseShipAt: null, shippedAt: null, state: 'unknown', findings: [], trace: null, waitingFor: null });
});

test('after a reply: the pickup clock is gone and the trace shows its source, check time and newest three events, newest first', async () => {
  const db = await freshDb();
  await ingestCapture(db, listCapture([shippedRow(SHIPPED, 'YT200', 40)]), NOW, DEFAULT_POLICY);
  const events: Array<[number, string, string]> = [
    [NOW - 39 * HOUR, '【杭州市】圆通快递 已揽收', '103'],
    [NOW - 30 * HOUR, '快件已发往 上海转运中心', '1002'],
    [NOW - 20 * HOUR, '快件已到达 上海转运中心', '1002'],
    [NOW - 5 * HOUR, '快件已发往 苏州分拨中心', '1002'],
  ];
  await ingestTrackingReply(db, SHOP, 'YT200', kuaidi100('YT200', events), NOW, DEFAULT_POLICY);
  const [view] = await orderViews(db, SHOP, [SHIPPED]);
  expect(view!.findings.map((finding) => finding.kind)).not.toContain('pickup_by');
  expect(view!.trace).toEqual({
    provider: 'kuaidi100',
    checkedAt: NOW,
    status: 'in_transit',
    events: [
      { at: NOW - 5 * HOUR, text: '快件已发往 苏州分拨中心', area: null },
      { at: NOW - 20 * HOUR, text: '快件已到达 上海转运中心', area: null },
      { at: NOW - 30 * HOUR, text: '快件已发往 上海转运中心', area: null },
    ],
  });
});

test("findings the caller just evaluated take the place of the stored ones (a capture's own, orders not stored yet)", async () => {
  const db = await freshDb();
  await ingestCapture(db, listCapture([orderRow(UNSHIPPED)]), NOW, DEFAULT_POLICY);
  const justEvaluated = new Map([[UNKNOWN, [stub({ kind: 'risk_hold', severity: 'info', rule: 'A21', orderSn: UNKNOWN })]]]);
  const [stored, fresh] = await orderViews(db, SHOP, [UNSHIPPED, UNKNOWN], justEvaluated);
  expect(stored!.findings.map((finding) => finding.kind)).toContain('ship_by');
  expect(fresh!.findings.map((finding) => finding.kind)).toEqual(['risk_hold']);
});

test('a waybill waiting for a phone tail is said on its view', async () => {
  const db = await freshDb();
  await ingestCapture(db, listCapture([shippedRow(SHIPPED, 'ZT300', 2)]), NOW, DEFAULT_POLICY);
  expect((await orderViews(db, SHOP, [SHIPPED]))[0]!.waitingFor).toBeNull();
  await db.waybills.put({ ...emptyWaybill(SHOP, 'ZT300', NOW, null), needsInput: 'phone_tail' });
  expect((await orderViews(db, SHOP, [SHIPPED]))[0]!.waitingFor).toBe('phone_tail');
});

test('a trace with fewer events than shown keeps them all; none read gives null', () => {
  expect(orderTrace(null)).toBeNull();
  const read = kuaidi100('YT201', [[NOW - HOUR, '已揽收', '103']]);
  if (!read.ok) throw new Error(read.error);
  expect(orderTrace(read.facts)?.events).toEqual([{ at: NOW - HOUR, text: '已揽收', area: null }]);
});
