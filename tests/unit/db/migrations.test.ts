// Every schema version must open the databases of the versions before it. Each tests/fixtures/db/vN.json is
// a database written by version N's real code (tests/fixtures/db/freeze.ts), frozen: its stores spec and
// its rows. Each is written into IndexedDB with exactly that spec, then opened with the current code
// (running every upgrade since N); the result must equal the current version's fixture, which holds the
// same data in the current shape. Adding version N+1 therefore needs: an `upgrade` in lib/db/versions.ts,
// and v<N+1>.json frozen beside the older ones (which stay as they are).
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { describe, expect, test } from 'vitest';
import { SentinelDb } from '../../../lib/db/schema';
import { upgradeBasis, upgradeTrackingFacts } from '../../../lib/db/upgrades/v2-findings-in-ms';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, TABLE_NAMES } from '../../../lib/db/versions';

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

  test.each(fixtures.map((fixture) => [fixture.version, fixture] as const))(
    'a database written by version %i opens with the current code and its data comes through',
    async (version, fixture) => {
      const name = `migrate-from-v${version}-${Math.random().toString(36).slice(2)}`;
      await writeFixture(name, fixture);
      const db = new SentinelDb(name);
      await db.open();
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      expect(await readAll(db)).toEqual(fixtureOf(CURRENT_SCHEMA_VERSION)!.tables);
      // And the migrated database keeps working: its indexes answer queries.
      const [order] = fixtureOf(CURRENT_SCHEMA_VERSION)!.tables.orders as Array<{ shopId: string; trackingNumber: string | null }>;
      expect(await db.orders.where('[shopId+riskRank+nextDueAt]').between([order!.shopId, -Infinity, -Infinity], [order!.shopId, Infinity, Infinity]).count()).toBe(
        fixtureOf(CURRENT_SCHEMA_VERSION)!.tables.orders!.length,
      );
      db.close();
    },
  );
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
