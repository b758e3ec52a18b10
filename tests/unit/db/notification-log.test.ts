import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { RECORD_SCHEMAS } from '../../../lib/backup/validate';
import { lastNotification, readNotifierLastRun, readSentLog, recordNotifierRun } from '../../../lib/db/notification-log';
import { readPlanFindings } from '../../../lib/db/plan-findings';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { logRowsOf, PLANNED_KINDS } from '../../../lib/notifications/notifier-inputs';
import type { PlannedNotification } from '../../../lib/notifications/types';
import { DAY, HOUR, NOW, SHOP, freshDb, listCapture, orderRow, shippedRow } from './helpers';

const A = '261120-000000000000001';
const B = '261120-000000000000002';
const C = '261120-000000000000003';
const OTHER_SHOP = '900800700';

const digest: PlannedNotification = {
  key: 'digest:29400000:abc',
  shopId: SHOP,
  covers: [`lead:ship_by:1:${A}`, `lead:ship_by:1:${B}`],
  orderSns: [A, B],
  kind: 'digest',
  severity: 'critical',
  title: '订单哨兵',
  body: '2 个订单 1 小时内需发货',
};
const single: PlannedNotification = {
  key: `lead:ship_by:4:${C}`,
  shopId: SHOP,
  covers: [`lead:ship_by:4:${C}`],
  orderSns: [C],
  kind: 'ship_by',
  severity: 'warn',
  title: '发货提醒',
  body: `${C} 4 小时内需发货`,
};

describe('the log rows of a planned notification', () => {
  test('a digest: its own row names every order and no single one; each covered item sits on its order', () => {
    const rows = logRowsOf(digest, NOW);
    expect(rows).toHaveLength(3);
    expect(rows.find((row) => row.key === digest.key)).toMatchObject({ orderSn: null, orderSns: [A, B], kind: null, severity: 'critical', sentAt: NOW });
    expect(rows.filter((row) => row.key !== digest.key).map((row) => [row.key, row.orderSn, row.orderSns])).toEqual([
      [`lead:ship_by:1:${A}`, A, undefined],
      [`lead:ship_by:1:${B}`, B, undefined],
    ]);
  });

  test('a notification that is its own item: one row, on its order, with the order to open', () => {
    expect(logRowsOf(single, NOW)).toEqual([
      { shopId: SHOP, key: single.key, sentAt: NOW, orderSn: C, orderSns: [C], kind: 'ship_by', severity: 'warn', title: single.title, body: single.body },
    ]);
  });

  test('an item key naming none of the orders is kept without an order', () => {
    const summary: PlannedNotification = { ...digest, key: 'catch-up:29400000', covers: ['unverified:2026-11-20'], kind: 'summary' };
    expect(logRowsOf(summary, NOW).find((row) => row.key === 'unverified:2026-11-20')?.orderSn).toBeNull();
  });
});

describe('the log as the planner reads it', () => {
  test('rows of the open orders and recent rows are read; rows of other orders and old summaries are not', async () => {
    const db = await freshDb();
    await recordNotifierRun(db, logRowsOf(digest, NOW - 5 * DAY), NOW - 5 * DAY);
    await recordNotifierRun(db, logRowsOf(single, NOW - HOUR), NOW - HOUR);
    const sent = await readSentLog(db, [[SHOP, A]], NOW - 3 * DAY);
    expect(sent.map((row) => row.key).sort()).toEqual([`lead:ship_by:1:${A}`, single.key].sort());
    expect(await readNotifierLastRun(db)).toBe(NOW - HOUR);
    // A click finds what the notification named.
    expect((await lastNotification(db, SHOP, digest.key))?.orderSns).toEqual([A, B]);
  });

  test('a backup keeps the orders a notification named (older rows without them still import)', () => {
    const [row] = logRowsOf(digest, NOW).filter((candidate) => candidate.key === digest.key);
    expect(v.parse(RECORD_SCHEMAS.notifications, row)).toEqual(row);
    const { orderSns: _named, ...older } = row!;
    expect(v.parse(RECORD_SCHEMAS.notifications, older)).toEqual(older);
  });

  test('no run yet: no last run time', async () => {
    expect(await readNotifierLastRun(await freshDb())).toBeNull();
  });
});

describe('the open findings the planner sees', () => {
  test('only the planned kinds of open findings, across shops, with the pickup clock unverified until a trace is read', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([orderRow(A, { promise_shipping_time: Math.floor((NOW + 3 * HOUR) / 1000) }), shippedRow(B, 'YT100000000002', 5)]), NOW, DEFAULT_POLICY);
    await ingestCapture(db, { ...listCapture([orderRow(C)], NOW, OTHER_SHOP), shopName: '小鱼百货' }, NOW, DEFAULT_POLICY);
    const { findings, orders, shopNames } = await readPlanFindings(db, PLANNED_KINDS);
    // A shop is called by the name its console showed, by its id while none was.
    expect(shopNames).toEqual({ [SHOP]: SHOP, [OTHER_SHOP]: '小鱼百货' });
    expect(findings.map((finding) => [finding.shopId, finding.orderSn, finding.kind]).sort()).toEqual(
      [
        [SHOP, A, 'ship_by'],
        [SHOP, B, 'pickup_by'],
        [OTHER_SHOP, C, 'ship_by'],
      ].sort(),
    );
    expect(findings.every((finding) => PLANNED_KINDS.includes(finding.kind))).toBe(true);
    expect(findings.find((finding) => finding.kind === 'pickup_by')?.verified).toBe(false);
    expect(findings.find((finding) => finding.orderSn === A)).toMatchObject({ severity: 'warn', dueAt: Math.floor((NOW + 3 * HOUR) / 1000) * 1000 });
    expect(orders).toHaveLength(3);
  });
});
