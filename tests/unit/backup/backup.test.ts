import { describe, expect, test, vi } from 'vitest';
import { BACKUP_FORMAT, BACKUP_TABLES, exportJson, importJson, type BackupDocument, type BackupTable } from '../../../lib/backup/backup-json';
import { exportAtRiskCsv, exportHistoryCsv } from '../../../lib/backup/export-csv';
import { logNotification } from '../../../lib/db/notification-log';
import type { SentinelDb } from '../../../lib/db/schema';
import { CURRENT_SCHEMA_VERSION } from '../../../lib/db/versions';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { ingestTrackingReply } from '../../../lib/ingest/ingest-tracking';
import { reassessOpenOrders } from '../../../lib/ingest/reassess';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';
import { HOUR, NOW, SHOP, dumpDb, freshDb, listCapture, orderRow, shippedRow } from '../db/helpers';

const policy = DEFAULT_POLICY;
const seconds = (ms: number) => Math.floor(ms / 1000);
const A = '261120-000000000000031';
const B = '261120-000000000000032';
const C = '261120-000000000000033';

/** A small shop: an order about to miss its ship-by time, a shipped one with a trace, a calm one. */
async function smallShop(db: SentinelDb, shopId = SHOP): Promise<void> {
  await ingestCapture(
    db,
    {
      ...listCapture(
        [
          orderRow(A, { promise_shipping_time: seconds(NOW + HOUR), goods_name: '保温杯, "加厚"款' }),
          shippedRow(B, '773123456789012', 10),
          orderRow(C, { promise_shipping_time: seconds(NOW + 40 * HOUR) }),
        ],
        NOW - HOUR,
        shopId,
      ),
      // The shop's name travels with the backup (the round trips below compare every record).
      shopName: '小鱼百货',
    },
    NOW - HOUR,
    policy,
  );
  const body = {
    message: 'ok', nu: '773123456789012', state: '0', status: '200',
    data: [{ time: '2026-11-20 01:00:00', ftime: '2026-11-20 01:00:00', context: '【杭州市】已揽收', statusCode: '103' }],
  };
  await ingestTrackingReply(db, shopId, '773123456789012', normalizeKuaidi100(body, '773123456789012', NOW), NOW, policy);
  await logNotification(db, { shopId, orderSn: A, key: `${A}:ship_by:critical`, sentAt: NOW, kind: 'ship_by', severity: 'critical', title: '即将超时', body: `订单 ${A}` });
}

const parseCsv = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '');

describe('CSV exports', () => {
  test('at-risk list: most urgent first, Shanghai times, Chinese labels, safe identifiers', async () => {
    const db = await freshDb();
    await smallShop(db);
    const csv = await exportAtRiskCsv(db, SHOP);
    expect(csv.startsWith('\uFEFF店铺ID,订单号,最高风险')).toBe(true);
    const lines = parseCsv(csv);
    expect(lines).toHaveLength(2); // header + the one order at warn or worse
    expect(lines[1]).toContain(A);
    expect(lines[1]).toContain('紧急');
    expect(lines[1]).toContain('发货截止');
    expect(lines[1]).toContain('2026-11-20 11:00:00'); // due at NOW + 1 h, in Shanghai
    expect(lines[1]).toContain('"保温杯, ""加厚""款"');
    const all = parseCsv(await exportAtRiskCsv(db, SHOP, 'info'));
    expect(all).toHaveLength(4);
    expect(all.find((line) => line.includes(B))).toContain('"=""773123456789012"""');
  });

  test('history: every order\u2019s timeline, one line per entry', async () => {
    const db = await freshDb();
    await smallShop(db);
    const lines = parseCsv(await exportHistoryCsv(db, SHOP));
    expect(lines[0]).toBe('时间,店铺ID,订单号,类型,类型代码,项目,原值,新值,说明');
    expect(lines.filter((line) => line.includes(',first_seen,'))).toHaveLength(3);
    expect(lines.some((line) => line.includes(',tracking_event,') && line.includes('已揽收'))).toBe(true);
    expect(lines.some((line) => line.includes(',notification,') && line.includes('即将超时'))).toBe(true);
    expect(lines.some((line) => line.startsWith('2026-11-20 09:00:00,'))).toBe(true); // NOW - 1 h
    // Another shop's orders are not in this shop's export, and all shops are in the null export.
    await smallShop(db, 'other-shop');
    expect(parseCsv(await exportHistoryCsv(db, SHOP))).toHaveLength(lines.length);
    expect(parseCsv(await exportHistoryCsv(db, null)).length).toBe(2 * (lines.length - 1) + 1);
  });
});

describe('JSON backup', () => {
  test('export then import into an empty database gives the same records', async () => {
    const source = await freshDb();
    await smallShop(source);
    const doc = JSON.parse(JSON.stringify(await exportJson(source, NOW))) as BackupDocument;
    expect(doc).toMatchObject({ format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt: new Date(NOW).toISOString() });

    const target = await freshDb();
    const report = await importJson(target, doc, NOW);
    expect(report).toMatchObject({ ok: true, error: null, problems: [] });
    expect(report.tables.orders).toEqual({ added: 3, updated: 0, unchanged: 0, skipped: 0 });
    const { meta: _sourceMeta, ...expected } = await dumpDb(source);
    const { meta: _targetMeta, ...actual } = await dumpDb(target);
    expect(actual).toEqual(expected);
  });

  test('importing the same backup twice, or into the database it came from, adds nothing', async () => {
    const db = await freshDb();
    await smallShop(db);
    const doc = await exportJson(db, NOW);
    const before = await dumpDb(db);
    for (let i = 0; i < 2; i++) {
      const report = await importJson(db, doc, NOW);
      expect(report.ok).toBe(true);
      for (const table of BACKUP_TABLES) expect(report.tables[table].added, table).toBe(0);
      expect(report.tables.orders.updated).toBe(0);
    }
    expect(await dumpDb(db)).toEqual(before);
  });

  test('merging: newer facts win, history is united, the local schedule is kept', async () => {
    const older = await freshDb();
    await ingestCapture(older, listCapture([orderRow(A)], NOW - 2 * HOUR), NOW - 2 * HOUR, policy);
    const newer = await freshDb();
    await ingestCapture(newer, listCapture([orderRow(A)], NOW - 2 * HOUR), NOW - 2 * HOUR, policy);
    await ingestCapture(newer, { ...listCapture([shippedRow(A, 'YT9', 1), orderRow(B)], NOW), shopName: '小鱼百货' }, NOW, policy);

    // The older browser imports the newer one's backup: it learns the shipment and the new order.
    const report = await importJson(older, await exportJson(newer, NOW), NOW, policy);
    expect(report.ok).toBe(true);
    expect(report.tables.orders).toMatchObject({ added: 1, updated: 1 });
    expect(report.reevaluated).toBe(2);
    const order = await older.orders.get([SHOP, A]);
    expect(order).toMatchObject({ factsAt: NOW, firstSeenAt: NOW - 2 * HOUR, trackingNumber: 'YT9' });
    expect(order?.findings.find((finding) => finding.kind === 'ship_by')?.closedAt).toBe(NOW);
    expect(await older.changes.count()).toBe(await newer.changes.count());
    expect((await older.shops.get(SHOP))?.name).toBe('小鱼百货');

    // And the newer browser importing the older backup loses nothing it knew.
    const back = await importJson(newer, await exportJson(older, NOW), NOW);
    expect(back.ok).toBe(true);
    expect((await newer.orders.get([SHOP, A]))?.facts.state).toBe('shipped');
    expect((await newer.shops.get(SHOP))?.name).toBe('小鱼百货');
  });

  test('bad records are counted and skipped; unknown fields (buyer data included) are dropped', async () => {
    const source = await freshDb();
    await smallShop(source);
    const doc = JSON.parse(JSON.stringify(await exportJson(source, NOW))) as BackupDocument;
    const orders = doc.tables.orders as Array<Record<string, unknown>>;
    (orders[0]!.facts as Record<string, unknown>).receive_name = '张三';
    orders[0]!.mobile = '13800000000';
    orders.push({ shopId: SHOP, orderSn: 'broken', facts: { orderSn: 'broken' } });
    orders.push('not even an object' as unknown as Record<string, unknown>);
    doc.tables.changes.push({ shopId: SHOP, orderSn: A, at: 'yesterday', field: 'state' });

    const target = await freshDb();
    const report = await importJson(target, doc, NOW);
    expect(report.ok).toBe(true);
    expect(report.tables.orders).toMatchObject({ added: 3, skipped: 2 });
    expect(report.tables.changes.skipped).toBe(1);
    expect(report.problems.map((problem) => problem.table)).toEqual(['orders', 'orders', 'changes']);
    expect(report.problems[0]?.reason).toContain('orders[3].facts');
    const stored = JSON.stringify(await dumpDb(target));
    expect(stored).not.toContain('张三');
    expect(stored).not.toContain('13800000000');
  });

  test.each([
    ['not an object', 'garbage', 'not a backup'],
    ['another format', { format: 'something-else', formatVersion: 1, tables: {} }, 'not an Order Sentinel backup'],
    ['a newer format', { format: BACKUP_FORMAT, formatVersion: 99, tables: {} }, 'newer'],
    ['no tables', { format: BACKUP_FORMAT, formatVersion: 1 }, 'no tables'],
  ])('refuses %s without writing', async (_name, doc, message) => {
    const db = await freshDb();
    const report = await importJson(db, doc, NOW);
    expect(report.ok).toBe(false);
    expect(report.error).toContain(message);
    expect(await db.orders.count()).toBe(0);
  });

  test('a one-shop export holds only that shop', async () => {
    const db = await freshDb();
    await smallShop(db, 'shop-a');
    await smallShop(db, 'shop-b');
    const doc = await exportJson(db, NOW, 'shop-a');
    for (const table of BACKUP_TABLES) {
      const rows = doc.tables[table] as Array<{ shopId: string }>;
      expect(rows.every((row) => row.shopId === 'shop-a'), table).toBe(true);
    }
    expect(doc.tables.orders).toHaveLength(3);
  });
});

/** A JSON round trip of a small shop's export, to be edited by each test. */
async function backupOf(build: (db: SentinelDb) => Promise<void> = smallShop): Promise<BackupDocument> {
  const source = await freshDb();
  await build(source);
  return JSON.parse(JSON.stringify(await exportJson(source, NOW))) as BackupDocument;
}
type JsonObject = Record<string, unknown>;
const rowsOf = (doc: BackupDocument, table: BackupTable) => doc.tables[table] as JsonObject[];

function valueAt(record: JsonObject, path: ReadonlyArray<string | number>): unknown {
  let value: unknown = record;
  for (const step of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[step] : undefined;
  return value;
}
/** The object at `path` in an exported record, for a test to edit; a path the record does not have fails the test. */
function objectAt(record: JsonObject, ...path: Array<string | number>): JsonObject {
  const value = valueAt(record, path);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`the record has no object at ${path.join('.')}`);
  return value as JsonObject;
}
/** The list at `path` in an exported record, as `objectAt`. */
function listAt(record: JsonObject, ...path: Array<string | number>): unknown[] {
  const value = valueAt(record, path);
  if (!Array.isArray(value)) throw new Error(`the record has no list at ${path.join('.')}`);
  return value;
}

describe('JSON backup: impossible values', () => {
  test('a time no instant can have (1e300) is refused by name; the other orders import and re-evaluate, and so does the shop later', async () => {
    const doc = await backupOf();
    const bad = rowsOf(doc, 'orders').find((order) => order.orderSn === B)!;
    objectAt(bad, 'facts').shippedAt = 1e300;
    const db = await freshDb();
    const report = await importJson(db, doc, NOW, policy);
    expect(report).toMatchObject({ ok: true, error: null, reevaluated: 2 });
    expect(report.tables.orders).toEqual({ added: 2, updated: 0, unchanged: 0, skipped: 1 });
    const index = rowsOf(doc, 'orders').indexOf(bad);
    expect(report.problems).toEqual([
      { table: 'orders', index, reason: `orders[${index}].facts.shippedAt: expected a plausible instant (epoch ms, years 2000–2099), got 1e+300` },
    ]);
    expect(await db.orders.get([SHOP, B])).toBeUndefined();
    expect((await reassessOpenOrders(db, SHOP, NOW + HOUR, policy)).error).toBeUndefined();
  });

  type Edit = (row: JsonObject) => void;
  const instant = 'a plausible instant (epoch ms, years 2000–2099)';
  const count = 'a count (a whole number, 0 or more)';
  const cases: Array<[string, BackupTable, Edit, string]> = [
    ['a time before 2000', 'orders', (row) => void (row.factsAt = 1), `orders[0].factsAt: expected ${instant}, got 1`],
    ['a finding due in 2200', 'orders', (row) => void (objectAt(row, 'findings', 0).dueAt = Date.UTC(2200, 0, 1)), `orders[0].findings[0].dueAt: expected ${instant}, got 7258118400000`],
    ['a negative count', 'waybills', (row) => void (row.attempts = -1), `waybills[0].attempts: expected ${count}, got -1`],
    ['a fractional count', 'waybills', (row) => void (row.consecutiveFailures = 1.5), `waybills[0].consecutiveFailures: expected ${count}, got 1.5`],
    ['a negative unread event count', 'waybills', (row) => void (objectAt(row, 'facts').unreadEvents = -1), `waybills[0].facts.unreadEvents: expected ${count}, got -1`],
    ['a negative amount', 'orders', (row) => void (objectAt(row, 'facts').orderAmountCents = -5), `orders[0].facts.orderAmountCents: expected ${count}, got -5`],
    ['a number as text, with a newline', 'shops', (row) => void (row.firstSeenAt = '2026\n11'), 'shops[0].firstSeenAt: expected number, got "2026\\n11"'],
    ['a last event time the events do not have', 'waybills', (row) => void (objectAt(row, 'facts').lastEventAt = 946_684_800_000), `waybills[0].facts.lastEventAt: expected the time of its last event, got 946684800000; waybills[0].lastEventAt: expected its facts' last event time, got ${Date.parse('2026-11-20T01:00:00+08:00')}`],
    ['a status its facts do not have', 'waybills', (row) => void (row.status = 'delivered'), `waybills[0].status: expected its facts' status, got "delivered"`],
    ['facts of another order', 'orders', (row) => void (objectAt(row, 'facts').orderSn = 'other'), "orders[0].facts: expected an orderSn equal to the row's"],
    ['an unknown state', 'orders', (row) => void (objectAt(row, 'facts').state = 'lost'), 'orders[0].facts.state: expected ("unpaid" | "unshipped" | "shipped" | "received" | "cancelled" | "unknown"), got "lost"'],
    ['a phone tail that is a whole number', 'orders', (row) => void (objectAt(row, 'facts').phoneTail = '13800001234'), 'orders[0].facts.phoneTail: expected four digits, got "13800001234"'],
  ];
  test.each(cases)('%s is refused by path and value', async (_label, table, edit, reason) => {
    const doc = await backupOf();
    edit(rowsOf(doc, table)[0]!);
    const report = await importJson(await freshDb(), doc, NOW);
    expect(report.ok).toBe(true);
    expect(report.tables[table].skipped).toBe(1);
    expect(report.problems).toEqual([{ table, index: 0, reason }]);
    expect(report.problems[0]!.reason).not.toContain('\n');
  });

  test('fields no table has are left out and named, buyer data included', async () => {
    const doc = await backupOf();
    rowsOf(doc, 'orders')[0]!.mobile = '13800000000';
    objectAt(rowsOf(doc, 'orders')[0]!, 'facts')['receive\nname'] = '张三';
    const db = await freshDb();
    const report = await importJson(db, doc, NOW);
    expect(report.unknownFields).toEqual({ count: 2, paths: ['orders[0].facts["receive\\nname"]', 'orders[0].mobile'] });
    expect(report.tables.orders.added).toBe(3);
    expect(JSON.stringify(await dumpDb(db))).not.toContain('13800000000');
  });
});

describe('JSON backup: all or nothing', () => {
  test('a write that fails part way leaves nothing imported', async () => {
    const doc = await backupOf();
    const db = await freshDb();
    // The notifications are written last: everything else is written by then.
    vi.spyOn(db.notifications, 'bulkAdd').mockRejectedValueOnce(new Error('disk on fire'));
    const report = await importJson(db, doc, NOW, policy);
    expect(report.ok).toBe(false);
    expect(report.error).toContain('nothing was imported');
    expect(report.error).toContain('disk on fire');
    for (const table of BACKUP_TABLES) expect(report.tables[table], table).toEqual({ added: 0, updated: 0, unchanged: 0, skipped: 0 });
    const { meta: _meta, ...tables } = await dumpDb(db);
    for (const [name, rows] of Object.entries(tables)) expect(rows, name).toEqual([]);
  });
});

describe('JSON backup: the header', () => {
  const header = (overrides: Record<string, unknown>) => ({
    format: BACKUP_FORMAT,
    formatVersion: 1,
    schemaVersion: 1,
    exportedAt: new Date(NOW).toISOString(),
    shopId: null,
    tables: Object.fromEntries(BACKUP_TABLES.map((name) => [name, []])),
    ...overrides,
  });

  test.each([
    ['formatVersion 0', { formatVersion: 0 }, 'formatVersion: expected a whole version number from 1, got 0'],
    ['formatVersion -1', { formatVersion: -1 }, 'formatVersion: expected a whole version number from 1, got -1'],
    ['formatVersion 0.5', { formatVersion: 0.5 }, 'formatVersion: expected a whole version number from 1, got 0.5'],
    ['formatVersion "1"', { formatVersion: '1' }, 'formatVersion: expected number, got "1"'],
    ['formatVersion null', { formatVersion: null }, 'formatVersion: expected number, got null'],
    ['tables: []', { tables: [] }, 'backup.tables: expected an object of tables, got a list'],
    ['tables: {}', { tables: {} }, 'backup.tables has no shops; backup.tables has no orders'],
    ['an unknown table', { tables: { ...header({}).tables, meta: [] } }, 'backup.tables.meta: unknown key'],
    ['a table that is no list', { tables: { ...header({}).tables, orders: { 0: {} } } }, 'backup.tables.orders: expected Array, got an object'],
  ])('refuses %s by name, writing nothing', async (_label, overrides, error) => {
    const db = await freshDb();
    const report = await importJson(db, header(overrides), NOW);
    expect(report.ok).toBe(false);
    expect(report.error?.startsWith(error)).toBe(true);
    expect(report.error).not.toContain('newer');
    expect(await db.shops.count()).toBe(0);
  });

  test('an empty backup with every table imports nothing, successfully', async () => {
    expect(await importJson(await freshDb(), header({}), NOW)).toMatchObject({ ok: true, error: null });
  });

  test('records of a newer schema are refused as a whole, naming both versions', async () => {
    const report = await importJson(await freshDb(), header({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 }), NOW);
    expect(report).toMatchObject({ ok: false, error: `backup records of schema ${CURRENT_SCHEMA_VERSION + 1} are newer than this extension reads (${CURRENT_SCHEMA_VERSION}): update the extension` });
  });

  test('a schema 1 backup (finding times as ISO text) imports with its times in epoch ms, as the database upgrade reads them', async () => {
    const source = await freshDb();
    await smallShop(source);
    const doc = JSON.parse(JSON.stringify(await exportJson(source, NOW))) as BackupDocument;
    const toV1 = (record: { findings: Array<{ basis: Record<string, unknown> }> }) => ({
      ...record,
      findings: record.findings.map((finding) => ({
        ...finding,
        basis: Object.fromEntries(Object.entries(finding.basis).map(([key, value]) => [key, /At$/.test(key) && typeof value === 'number' ? new Date(value).toISOString() : value])),
      })),
    });
    const v1 = { ...doc, schemaVersion: 1, tables: { ...doc.tables, orders: doc.tables.orders.map((row) => toV1(row as never)), products: doc.tables.products.map((row) => toV1(row as never)) } };
    expect(JSON.stringify(v1.tables.orders)).toMatch(/"shippedAt":"2026-/);
    const target = await freshDb();
    const report = await importJson(target, v1, NOW);
    expect(report).toMatchObject({ ok: true, problems: [] });
    const { meta: _sourceMeta, ...expected } = await dumpDb(source);
    const { meta: _targetMeta, ...actual } = await dumpDb(target);
    expect(actual).toEqual(expected);
  });
});

describe('JSON backup: importing again', () => {
  test('a second import of an unchanged backup reports 0 added, 0 updated, even for records not in the form a merge writes', async () => {
    const doc = await backupOf();
    // Valid, but not how a merge writes them: a finding listed twice, a tracking event listed twice.
    const order = rowsOf(doc, 'orders').find((row) => listAt(row, 'findings').length > 0)!;
    listAt(order, 'findings').push({ ...objectAt(order, 'findings', 0) });
    const waybill = rowsOf(doc, 'waybills')[0]!;
    listAt(waybill, 'facts', 'events').push({ ...objectAt(waybill, 'facts', 'events', 0) });
    const db = await freshDb();
    expect((await importJson(db, doc, NOW, policy)).ok).toBe(true);
    const before = await dumpDb(db);
    const again = await importJson(db, doc, NOW, policy);
    expect(again.ok).toBe(true);
    for (const table of BACKUP_TABLES) expect({ table, ...again.tables[table] }).toMatchObject({ table, added: 0, updated: 0 });
    expect(await dumpDb(db)).toEqual(before);
  });
});
