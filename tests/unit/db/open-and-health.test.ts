import { Dexie } from 'dexie';
import { describe, expect, test } from 'vitest';
import { classifyDbError, isQuotaError } from '../../../lib/db/errors';
import { readHealth, recordDbError, recordDbOk } from '../../../lib/db/health';
import { openDatabase } from '../../../lib/db/open';
import { CURRENT_SCHEMA_VERSION } from '../../../lib/db/versions';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { NOW, SHOP, countRows, freshDb, listCapture, orderRow } from './helpers';

const uniqueName = () => `open-test-${Math.random().toString(36).slice(2)}`;

function rawOpen(name: string, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`could not open ${name}`));
  });
}

describe('openDatabase', () => {
  test('opens a new database at the current schema version', async () => {
    const result = await openDatabase(uniqueName());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.db.verno).toBe(CURRENT_SCHEMA_VERSION);
      result.db.close();
    }
  });

  test('a database from a newer build (a downgrade) is reported as "version" and left untouched', async () => {
    const name = uniqueName();
    const newer = await rawOpen(name, 99);
    newer.close();
    const result = await openDatabase(name);
    expect(result).toMatchObject({ ok: false, reason: 'version' });
    const again = await rawOpen(name);
    expect(again.version).toBe(99);
    again.close();
  });

  test('an upgrade blocked by an old connection that will not close is reported as "blocked", in time', async () => {
    const name = uniqueName();
    // An older page holding the database at a lower version and ignoring versionchange. (Dexie asks
    // IndexedDB for version verno × 10, so a raw version 1 is older than any schema of ours.)
    const stale = await rawOpen(name, 1);
    stale.onversionchange = () => undefined;
    const result = await openDatabase(name, { blockedTimeoutMs: 50 });
    expect(result).toMatchObject({ ok: false, reason: 'blocked' });
    stale.close();
    // Once the old connection is gone, the next open succeeds: nothing was deleted on the way.
    const retry = await openDatabase(name);
    expect(retry.ok).toBe(true);
    if (retry.ok) retry.db.close();
  });
});

describe('storage errors', () => {
  test('classifies quota errors, also when Dexie wraps them', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota });
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(wrapped)).toBe(true);
    expect(classifyDbError(wrapped).reason).toBe('quota');
    expect(classifyDbError(new Dexie.VersionError('too new')).reason).toBe('version');
    expect(classifyDbError(new Error('disk on fire')).reason).toBe('failed');
  });

  test('the health record keeps the last error until a later write succeeds', async () => {
    const db = await freshDb();
    expect(await readHealth(db)).toEqual({ lastError: null, lastOkAt: null });
    await recordDbError(db, 'ingest', new DOMException('full', 'QuotaExceededError'), NOW);
    expect((await readHealth(db)).lastError).toMatchObject({ at: NOW, operation: 'ingest', reason: 'quota' });
    await recordDbOk(db, NOW + 1);
    expect(await readHealth(db)).toMatchObject({ lastOkAt: NOW + 1, lastError: { at: NOW } });
  });

  test('a quota error during ingest is reported, recorded, and loses none of the stored data', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([orderRow('261120-000000000000001')]), NOW, DEFAULT_POLICY);
    const before = await countRows(db);
    // The disk fills up: every later write to orders fails the way Chromium reports it. (Middleware
    // takes effect on the next open.)
    db.close();
    db.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name !== 'orders'
            ? table
            : { ...table, mutate: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) };
        },
      }),
    });
    await db.open();
    const report = await ingestCapture(db, listCapture([orderRow('261120-000000000000002'), orderRow('261120-000000000000001', { order_status_str: '已取消' })], NOW + 1), NOW + 1, DEFAULT_POLICY);
    expect(report).toMatchObject({ errorReason: 'quota', rowsStored: 0, findingsByOrder: {} });
    expect(report.error).toContain('quota');
    const after = await countRows(db);
    expect(after.orders).toBe(before.orders);
    expect((await db.orders.get([SHOP, '261120-000000000000001']))?.facts.state).toBe('unshipped');
    expect((await readHealth(db)).lastError).toMatchObject({ reason: 'quota', operation: 'ingest recentOrderList' });

    // Space is freed (the middleware goes with a fresh connection): the next ingest succeeds and says so.
    db.close();
    const { SentinelDb } = await import('../../../lib/db/schema');
    const reopened = new SentinelDb(db.name);
    const retry = await ingestCapture(reopened, listCapture([orderRow('261120-000000000000002')], NOW + 2), NOW + 2, DEFAULT_POLICY);
    expect(retry.error).toBeNull();
    expect(await readHealth(reopened)).toMatchObject({ lastOkAt: NOW + 2, lastError: { at: NOW + 1 } });
  });
});
