// Every schema version must open the databases of the versions before it. Each tests/fixtures/db/vN.json is
// a database written by version N's real code (tests/fixtures/db/freeze.ts), frozen: its stores spec and
// its rows. Each is written into IndexedDB with exactly that spec, then opened with newer code:
// - one version up, it must equal the next fixture (the same scenario written by that version), except
//   where the newer version's ingest itself writes the scenario differently (declared below, with why);
// - with the current code (every upgrade since N), every row comes through in the current shape.
// Adding version N+1 therefore needs: an `upgrade` in lib/db/versions.ts, and v<N+1>.json frozen beside the
// older ones (which stay as they are).
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { describe, expect, test } from 'vitest';
import { noDuePlace } from '../../../lib/db/records';
import { unreadEventsOf } from '../../../lib/facts/facts';
import { SentinelDb } from '../../../lib/db/schema';
import { upgradeBasis, upgradeTrackingFacts } from '../../../lib/db/upgrades/v2-findings-in-ms';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, TABLE_NAMES } from '../../../lib/db/versions';
import { mergeTracking } from '../../../lib/tracking/status';

interface Fixture {
  version: number;
  stores: Record<string, string | null>;
  tables: Record<string, unknown[]>;
}

const FIXTURE_DIR = resolve(import.meta.dirname, '../../fixtures/db');
const fixtures: Fixture[] = readdirSync(FIXTURE_DIR)
  .filter((file) => /^v\d+\.json$/.test(file))
  .map((file) => JSON.parse(readFileSync(resolve(FIXTURE_DIR, file), 'utf8')) as Fixture)
  .sort((a, b) => a.version - b.version);
const fixtureOf = (version: number) => fixtures.find((fixture) => fixture.version === version);

/** Writes a fixture with exactly its own version's schema, the way that version's build would have. */
async function writeFixture(name: string, fixture: Fixture): Promise<void> {
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  await old.transaction('rw', Object.keys(fixture.tables).map((table) => old.table(table)), async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkPut(rows);
  });
  old.close();
}

async function readAll(db: Dexie): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) tables[name] = await db.table(name).toArray();
  return tables;
}

/** The database as the build of `version` opened it: the versions up to it, with their upgrades. */
function openAsVersion(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const step of SCHEMA_VERSIONS.filter((candidate) => candidate.version <= version)) {
    const declared = db.version(step.version).stores(step.stores);
    if (step.upgrade) declared.upgrade(step.upgrade);
  }
  return db;
}

/**
 * Fields that version N's ingest writes differently from version N−1's for the same captures: no upgrade
 * rewrites them (they are what happened, not how it is stored), so one hop up they are not compared.
 */
const INGEST_CHANGES: Readonly<Record<number, ReadonlyArray<{ table: string; field: string; why: string }>>> = {
  4: [
    { table: 'orders', field: 'findings', why: 'version 4 also keeps the pickup clock that ran until the first courier scan was read (closed)' },
    { table: 'waybills', field: 'nextCheckAt', why: "version 4's poller asks about a new parcel at once and never about a delivered one" },
  ],
};

function withoutIngestChanges(version: number, tables: Record<string, unknown[]>): Record<string, unknown[]> {
  const changes = INGEST_CHANGES[version] ?? [];
  return Object.fromEntries(
    Object.entries(tables).map(([table, rows]) => {
      const fields = changes.filter((change) => change.table === table).map((change) => change.field);
      return [table, rows.map((row) => Object.fromEntries(Object.entries(row as Record<string, unknown>).filter(([field]) => !fields.includes(field))))];
    }),
  );
}

/** The field names of a row and of its nested records (facts, limits), sorted: what "the same shape" compares. */
function shapeOf(row: unknown, path = ''): string[] {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return [];
  return Object.entries(row as Record<string, unknown>)
    .flatMap(([field, value]) => [`${path}${field}`, ...(field === 'basis' ? [] : shapeOf(value, `${path}${field}.`))])
    .sort();
}

const uniqueName = (label: string) => `${label}-${Math.random().toString(36).slice(2)}`;

describe('schema versions and their frozen fixtures', () => {
  test('versions are 1, 2, 3… and every version after the first has an upgrade', () => {
    SCHEMA_VERSIONS.forEach((step, index) => {
      expect(step.version).toBe(index + 1);
      if (index > 0) expect(step.upgrade, `version ${step.version} needs an upgrade function`).toBeTypeOf('function');
    });
  });

  test('every version has a frozen fixture whose stores spec is the one the code declares', () => {
    for (const step of SCHEMA_VERSIONS) {
      const fixture = fixtureOf(step.version);
      expect(fixture, `tests/fixtures/db/v${step.version}.json (run tests/fixtures/db/freeze.ts)`).toBeDefined();
      // A shipped version is never edited: its spec must still be what its fixture was written with.
      expect(fixture?.stores).toEqual(step.stores);
    }
    expect(fixtures.map((fixture) => fixture.version).every((version) => version <= CURRENT_SCHEMA_VERSION)).toBe(true);
  });

  test('the current fixture exercises every table', () => {
    const current = fixtureOf(CURRENT_SCHEMA_VERSION)!;
    for (const name of TABLE_NAMES) expect(current.tables[name]?.length, name).toBeGreaterThan(0);
  });

  test('every declared ingest change names a field its table has', () => {
    for (const [version, changes] of Object.entries(INGEST_CHANGES)) {
      for (const { table, field } of changes) expect(Object.keys((fixtureOf(Number(version))!.tables[table]![0] ?? {})), `v${version} ${table}`).toContain(field);
    }
  });

  test.each(fixtures.filter((fixture) => fixture.version < CURRENT_SCHEMA_VERSION).map((fixture) => [fixture.version, fixture.version + 1, fixture] as const))(
    'a database written by version %i, opened by version %i, holds what that version writes',
    async (version, next, fixture) => {
      const name = uniqueName(`hop-from-v${version}`);
      await writeFixture(name, fixture);
      const db = openAsVersion(name, next);
      await db.open();
      expect(db.verno).toBe(next);
      expect(withoutIngestChanges(next, await readAll(db))).toEqual(withoutIngestChanges(next, fixtureOf(next)!.tables));
      db.close();
    },
  );

  test.each(fixtures.map((fixture) => [fixture.version, fixture] as const))(
    'a database written by version %i opens with the current code: every row comes through, in the current shape',
    async (version, fixture) => {
      const name = uniqueName(`migrate-from-v${version}`);
      await writeFixture(name, fixture);
      const db = new SentinelDb(name);
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      const current = fixtureOf(CURRENT_SCHEMA_VERSION)!.tables;
      const migrated = await readAll(db);
      for (const table of TABLE_NAMES) {
        const keys = (rows: unknown[]) => rows.map((row) => JSON.stringify(db.table(table).core.schema.primaryKey.extractKey!(row)));
        expect(keys(migrated[table]!), `${table}: the rows of version ${version}`).toEqual(keys(fixture.tables[table] ?? []));
        const currentShapes = new Set((current[table] ?? []).map((row) => shapeOf(row).join(' ')));
        for (const row of migrated[table]!) expect(currentShapes, `${table} row in the shape the current build writes`).toContain(shapeOf(row).join(' '));
      }
      // And the migrated database keeps working: its indexes answer queries.
      const [order] = migrated.orders as Array<{ shopId: string }>;
      expect(await db.orders.where('[shopId+riskRank+nextDueAt]').between([order!.shopId, -Infinity, -Infinity], [order!.shopId, Infinity, Infinity]).count()).toBe(migrated.orders!.length);
      db.close();
    },
  );
});

describe('version 4 → 5', () => {
  test("the waybills a version 4 database holds are in the new [status+nextCheckAt] index, those with no next check not", async () => {
    const fixture = fixtureOf(4)!;
    const waybills = fixture.tables.waybills as Array<{ trackingNumber: string; status: string; nextCheckAt: number | null }>;
    const due = 1_795_136_400_000;
    const name = uniqueName('v4-to-v5');
    await writeFixture(name, {
      ...fixture,
      tables: { waybills: [...waybills, { ...waybills.find((row) => row.status === 'unknown')!, trackingNumber: 'YT7000000009', nextCheckAt: due }] },
    });
    const db = openAsVersion(name, 5);
    await db.open();
    const unknownDue = await db.table('waybills').where('[status+nextCheckAt]').between(['unknown', -Infinity], ['unknown', due], true, true).primaryKeys();
    expect(unknownDue.map((key) => (key as string[])[1])).toEqual(['YT7000000009']);
    expect(await db.table('waybills').where('[status+nextCheckAt]').between(['rejected', -Infinity], ['rejected', due], true, true).count()).toBe(3);
    db.close();
  });
});

describe('version 4 → 5: pickupDueAt', () => {
  test("an order's open pickup clock is copied to pickupDueAt and answers the index nearest first; a closed one, or none, is null", async () => {
    const fixture = fixtureOf(4)!;
    type Row = { orderSn: string; findings: Array<{ kind: string; dueAt: number | null; closedAt: number | null }> };
    const orders = fixture.tables.orders as Row[];
    const template = orders.find((order) => order.findings.some((record) => record.kind === 'pickup_by'))!;
    const openClock = (orderSn: string, dueAt: number): Row => ({
      ...template,
      orderSn,
      findings: template.findings.map((record) => (record.kind === 'pickup_by' ? { ...record, dueAt, closedAt: null } : record)),
    });
    const later = 1_795_240_800_000;
    const sooner = later - 3_600_000;
    const name = uniqueName('v4-to-v5-pickup');
    await writeFixture(name, { ...fixture, tables: { orders: [...orders, openClock('261119-000000000000901', later), openClock('261119-000000000000902', sooner)] } });
    const db = openAsVersion(name, 5);
    await db.open();
    const byNumber = new Map(((await db.table('orders').toArray()) as Array<Row & { pickupDueAt: number | null }>).map((order) => [order.orderSn, order.pickupDueAt]));
    expect(byNumber.get('261119-000000000000901')).toBe(later);
    // Its pickup clock closed when the first scan was read; the other has none.
    expect(byNumber.get('261119-000000000000102')).toBeNull();
    expect(byNumber.get('261119-000000000000101')).toBeNull();
    const upcoming = (await db.table('orders').where('pickupDueAt').aboveOrEqual(sooner).toArray()) as Row[];
    expect(upcoming.map((order) => order.orderSn)).toEqual(['261119-000000000000902', '261119-000000000000901']);
    db.close();
  });
});

describe('version 3 → 4', () => {
  test('an order without a due time is placed by its amount, larger first; due times and read phone tails stay', async () => {
    const fixture = fixtureOf(3)!;
    const [template] = fixture.tables.orders as Array<Record<string, unknown> & { facts: Record<string, unknown> }>;
    const row = (orderSn: string, nextDueAt: number, amount: number | null, phoneTail?: string | null) => ({
      ...template,
      orderSn,
      riskRank: 2,
      nextDueAt,
      facts: { ...template!.facts, orderSn, orderAmountCents: amount, ...(phoneTail === undefined ? {} : { phoneTail }) },
    });
    const name = uniqueName('v3-to-v4');
    await writeFixture(name, {
      ...fixture,
      tables: { orders: [row('A', 8_640_000_000_000_000, 12_900), row('B', 8_640_000_000_000_000, null, '4321'), row('C', 1_795_204_800_000, 99), row('D', 8_640_000_000_000_000, 1_990)] },
    });
    const db = openAsVersion(name, 4);
    await db.open();
    const orders = (await db.table('orders').toArray()) as Array<{ orderSn: string; nextDueAt: number; facts: { phoneTail?: string | null } }>;
    expect(orders.map((order) => [order.orderSn, order.nextDueAt, order.facts.phoneTail])).toEqual([
      ['A', noDuePlace(12_900), null],
      ['B', noDuePlace(null), '4321'],
      ['C', 1_795_204_800_000, null],
      ['D', noDuePlace(1_990), null],
    ]);
    const walked = await db.table('orders').where('[riskRank+nextDueAt]').between([2, -Infinity], [2, Infinity]).primaryKeys();
    expect(walked.map((key) => (key as string[])[1])).toEqual(['C', 'A', 'D', 'B']);
    db.close();
  });
});

describe('version 1 → 2', () => {
  test('reads every ISO instant of a basis as epoch ms and leaves other text alone', () => {
    const upgraded = upgradeBasis({
      kind: 'pickup_by',
      basis: { shippedAt: '2026-11-19T06:00:00.000Z', trackingCheckedAt: null, trackingNumber: 'ZT7800000000001', statusText: '2026-11-19 已发货' },
    });
    expect(upgraded.basis).toEqual({ shippedAt: Date.UTC(2026, 10, 19, 6), trackingCheckedAt: null, trackingNumber: 'ZT7800000000001', statusText: '2026-11-19 已发货' });
  });

  test('a duplicate number names the five lowest other orders, as version 2 writes it', () => {
    const others = ['261117-9', '261117-3', '261117-7', '261117-1', '261117-5', '261117-2', '261117-8'];
    const upgraded = upgradeBasis({ kind: 'duplicate_tracking', basis: { trackingNumber: '0000', orderCount: 8, receiverCount: 8, otherOrderSns: others.join(','), courierName: null } });
    expect(upgraded.basis).toEqual({ trackingNumber: '0000', otherOrderSns: '261117-1,261117-2,261117-3,261117-5,261117-7', moreOrders: true, courierName: null });
  });
});

describe('version 1 → 2: waybills', () => {
  test("a waybill keeps the courier its provider reported: version 1's mismatching code carries over, a missing one stays unknown", () => {
    expect(upgradeTrackingFacts({ trackingNumber: 'YT1', identifiedCourier: 'zhongtong', status: 'in_transit' })).toEqual({ trackingNumber: 'YT1', reportedCourier: 'zhongtong', status: 'in_transit' });
    expect(upgradeTrackingFacts({ trackingNumber: 'YT1', identifiedCourier: null })).toEqual({ trackingNumber: 'YT1', reportedCourier: null });
  });
});

describe('a field added without a schema version: TrackingFacts.unreadEvents', () => {
  test('waybills stored before it was counted open without it and read as whole traces; the next reading writes it', async () => {
    const name = uniqueName('unread-events');
    await writeFixture(name, fixtureOf(CURRENT_SCHEMA_VERSION)!);
    const db = new SentinelDb(name);
    await db.open();
    const waybills = (await db.waybills.toArray()).filter((waybill) => waybill.facts !== null);
    expect(waybills.length).toBeGreaterThan(0);
    for (const { facts } of waybills) {
      expect(facts).not.toHaveProperty('unreadEvents');
      expect(unreadEventsOf(facts!)).toBe(0);
      expect(mergeTracking(facts, { ...facts!, checkedAt: facts!.checkedAt + 1, unreadEvents: 1 }).unreadEvents).toBe(1);
      expect(mergeTracking(facts, { ...facts!, checkedAt: facts!.checkedAt + 1, unreadEvents: 0 }).unreadEvents).toBe(0);
    }
    db.close();
  });
});
