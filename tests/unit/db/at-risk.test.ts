import { describe, expect, test } from 'vitest';
import { countAtRisk, countUnverifiedPickups, queryAtRisk } from '../../../lib/db/at-risk';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { ingestTrackingReply } from '../../../lib/ingest/ingest-tracking';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';
import type { StoredOrder } from '../../../lib/db/records';
import type { Severity } from '../../../lib/findings/severity';
import { HOUR, NOW, SHOP, freshDb, listCapture, shippedRow, spyOnQueries, storedOrder } from './helpers';

/** An order with one ship_by clock at this severity (none when null). */
function order(shopId: string, orderSn: string, severity: Severity | null, dueAt: number | null): StoredOrder {
  return storedOrder(shopId, orderSn, severity === null ? [] : [{ kind: 'ship_by', severity, dueAt }]);
}

describe('queryAtRisk', () => {
  test('lists warn and worse, worst severity first, then earliest due, anomalies without a due time last', async () => {
    const db = await freshDb();
    await db.orders.bulkPut([
      order('s1', 'info', 'info', NOW + HOUR),
      order('s1', 'none', null, null),
      order('s1', 'warn-late', 'warn', NOW + 10 * HOUR),
      order('s1', 'warn-soon', 'warn', NOW + 5 * HOUR),
      order('s1', 'critical-anomaly', 'critical', null),
      order('s1', 'critical-clock', 'critical', NOW + HOUR),
      order('s1', 'breached', 'breached', NOW - HOUR),
    ]);
    const result = await queryAtRisk(db, 's1', 50);
    expect(result.map((row) => row.orderSn)).toEqual(['breached', 'critical-clock', 'critical-anomaly', 'warn-soon', 'warn-late']);
    expect(await countAtRisk(db, 's1')).toBe(5);
    expect((await queryAtRisk(db, 's1', 50, 'info')).map((row) => row.orderSn)).toContain('info');
  });

  test('respects the limit and keeps shops apart; null means every shop', async () => {
    const db = await freshDb();
    await db.orders.bulkPut([
      order('s1', 'a', 'critical', NOW + 2 * HOUR),
      order('s2', 'b', 'critical', NOW + HOUR),
      order('s1', 'c', 'warn', NOW),
    ]);
    expect((await queryAtRisk(db, 's1', 1)).map((row) => row.orderSn)).toEqual(['a']);
    expect((await queryAtRisk(db, 's2', 10)).map((row) => row.orderSn)).toEqual(['b']);
    expect((await queryAtRisk(db, null, 10)).map((row) => row.orderSn)).toEqual(['b', 'a', 'c']);
    expect(await countAtRisk(db, null)).toBe(3);
    expect((await queryAtRisk(db, 's1', Infinity)).length).toBe(2);
  });

  test('reads index ranges of the at-risk index, never the whole table', async () => {
    const db = await freshDb();
    await db.orders.bulkPut(Array.from({ length: 200 }, (_, i) => order('s1', `o${i}`, i % 3 === 0 ? 'warn' : null, NOW + i)));
    const used = await spyOnQueries(db);
    const result = await queryAtRisk(db, 's1', 5);
    await countAtRisk(db, 's1');
    await queryAtRisk(db, null, 5);
    expect(result).toHaveLength(5);
    expect(used.length).toBeGreaterThan(0);
    expect(used.every((entry) => /^orders:(count:)?(\[shopId\+riskRank\+nextDueAt\]|\[riskRank\+nextDueAt\])$/.test(entry))).toBe(true);
  });
});

test('unverified pickups are counted across shops; a parcel whose trace was read (even "no record") no longer counts', async () => {
  const db = await freshDb();
  await ingestCapture(db, listCapture([shippedRow('261120-000000000000101', 'YT9001', 3), shippedRow('261120-000000000000102', 'YT9002', 5)]), NOW, DEFAULT_POLICY);
  await ingestCapture(db, listCapture([shippedRow('261120-000000000000103', 'YT9003', 2)], NOW, '900800700'), NOW, DEFAULT_POLICY);
  expect(await countUnverifiedPickups(db)).toBe(3);
  const noRecord = normalizeKuaidi100({ result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' }, 'YT9001', NOW);
  await ingestTrackingReply(db, SHOP, 'YT9001', noRecord, NOW, DEFAULT_POLICY);
  expect(await countUnverifiedPickups(db)).toBe(2);
});
