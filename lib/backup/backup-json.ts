// The JSON backup: every stored record of one shop (or all), in a versioned document; and its import,
// which merges into what is stored without duplicates (the same backup imported twice changes nothing)
// and skips, counting them, records that fail their check.
import type { Table } from 'dexie';
import { prefixRange, type SentinelDb } from '../db/schema';
import { recordDbError } from '../db/health';
import { classifyDbError } from '../db/errors';
import { CURRENT_SCHEMA_VERSION } from '../db/versions';
import { reassessOrders } from '../ingest/reassess';
import { textKey } from '../ingest/text-key';
import type { Policy } from '../findings/policy';
import { mergeAfterSale, mergeOrder, mergeProduct, mergeShop, mergeWaybill } from './merge';
import {
  InvalidRecord,
  checkAfterSale,
  checkChange,
  checkNotification,
  checkOrder,
  checkProduct,
  checkShop,
  checkTrackingEvent,
  checkWaybill,
} from './validate';

export const BACKUP_FORMAT = 'order-sentinel-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** The tables a backup carries (not `meta`: health records belong to one browser). */
export const BACKUP_TABLES = [
  'shops',
  'orders',
  'changes',
  'afterSales',
  'waybills',
  'trackingEvents',
  'products',
  'notifications',
] as const;

export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The database schema the records were read from. */
  schemaVersion: number;
  exportedAt: string;
  /** The shop exported, or null for all shops. */
  shopId: string | null;
  tables: Record<BackupTable, unknown[]>;
}

export async function exportJson(db: SentinelDb, now: number, shopId: string | null = null): Promise<BackupDocument> {
  const tables = {} as Record<BackupTable, unknown[]>;
  await db.transaction('r', BACKUP_TABLES.map((name) => db.table(name)), async () => {
    for (const name of BACKUP_TABLES) {
      const table = db.table(name);
      tables[name] =
        shopId === null
          ? await table.toArray()
          : name === 'shops'
            ? await table.where(':id').equals(shopId).toArray()
            : await table.where(':id').between(...prefixRange([shopId])).toArray();
    }
  });
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    shopId,
    tables,
  };
}

export interface TableImport {
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface ImportReport {
  ok: boolean;
  error: string | null;
  tables: Record<BackupTable, TableImport>;
  /** The first problems found, for the options page (counts are in `tables`). */
  problems: Array<{ table: BackupTable; index: number; reason: string }>;
  /** Orders re-evaluated after the merge (when a policy was given). */
  reevaluated: number;
}

const MAX_PROBLEMS = 50;
/** Records per transaction: a large backup never holds the database in one long transaction. */
const IMPORT_BATCH = 1_000;

/**
 * Merges a backup document (already parsed from JSON) into the database. With `policy`, the imported
 * orders are re-evaluated afterwards, so their findings follow the current rules and clock.
 */
export async function importJson(db: SentinelDb, doc: unknown, now: number, policy?: Policy): Promise<ImportReport> {
  const report: ImportReport = {
    ok: false,
    error: null,
    tables: Object.fromEntries(
      BACKUP_TABLES.map((name) => [name, { added: 0, updated: 0, unchanged: 0, skipped: 0 }]),
    ) as Record<BackupTable, TableImport>,
    problems: [],
    reevaluated: 0,
  };
  const header = checkHeader(doc);
  if (header !== null) return { ...report, error: header };
  const tables = (doc as BackupDocument).tables;

  const check = <T>(name: BackupTable, checker: (value: unknown, path: string) => T): T[] => {
    const rows = tables[name];
    if (rows === undefined) return [];
    if (!Array.isArray(rows)) {
      report.problems.push({ table: name, index: -1, reason: `${name} is not a list` });
      return [];
    }
    const valid: T[] = [];
    rows.forEach((row, index) => {
      try {
        valid.push(checker(row, `${name}[${index}]`));
      } catch (error) {
        if (!(error instanceof InvalidRecord)) throw error;
        report.tables[name].skipped += 1;
        if (report.problems.length < MAX_PROBLEMS) report.problems.push({ table: name, index, reason: error.message });
      }
    });
    return valid;
  };

  try {
    await mergeInto(db.shops, report.tables.shops, check('shops', checkShop), (row) => row.shopId, mergeShop);
    const orders = check('orders', checkOrder);
    await mergeInto(db.orders, report.tables.orders, orders, (row) => [row.shopId, row.orderSn], mergeOrder);
    await mergeInto(db.afterSales, report.tables.afterSales, check('afterSales', checkAfterSale), (row) => [row.shopId, row.id], mergeAfterSale);
    await mergeInto(
      db.waybills,
      report.tables.waybills,
      check('waybills', checkWaybill),
      (row) => [row.shopId, row.trackingNumber],
      mergeWaybill,
    );
    await mergeInto(db.products, report.tables.products, check('products', checkProduct), (row) => [row.shopId, row.goodsId], mergeProduct);
    // History rows are identified by their content (their keys): one already stored is kept as it is.
    await addMissing(db.changes, report.tables.changes, check('changes', checkChange), (row) => [row.shopId, row.orderSn, row.at, row.field]);
    await addMissing(
      db.trackingEvents,
      report.tables.trackingEvents,
      // The key is recomputed from the text, so an event is identified the way ingest identifies it.
      check('trackingEvents', checkTrackingEvent).map((event) => ({ ...event, textKey: textKey(event.text) })),
      (row) => [row.shopId, row.trackingNumber, row.at, row.textKey],
    );
    await addMissing(
      db.notifications,
      report.tables.notifications,
      check('notifications', checkNotification),
      (row) => [row.shopId, row.key, row.sentAt],
    );

    if (policy !== undefined) {
      const byShop = new Map<string, string[]>();
      for (const order of orders) byShop.set(order.shopId, [...(byShop.get(order.shopId) ?? []), order.orderSn]);
      for (const [shopId, orderSns] of byShop) {
        const result = await reassessOrders(db, shopId, [...new Set(orderSns)], now, policy);
        if (result.error !== undefined) throw new Error(result.error);
        report.reevaluated += result.evaluated;
      }
    }
  } catch (error) {
    // Batches already merged stay merged: each only added or widened records, so nothing is lost.
    await recordDbError(db, 'import', error, now);
    const failure = classifyDbError(error);
    return { ...report, error: `import stopped (${failure.reason}): ${failure.message}` };
  }
  return { ...report, ok: true };
}

function checkHeader(doc: unknown): string | null {
  if (typeof doc !== 'object' || doc === null) return 'not a backup: expected a JSON object';
  const { format, formatVersion, tables } = doc as Partial<BackupDocument>;
  if (format !== BACKUP_FORMAT) return `not an Order Sentinel backup (format ${JSON.stringify(format)})`;
  if (typeof formatVersion !== 'number' || formatVersion > BACKUP_FORMAT_VERSION) {
    return `backup format ${String(formatVersion)} is newer than this extension reads (${BACKUP_FORMAT_VERSION}): update the extension`;
  }
  if (typeof tables !== 'object' || tables === null) return 'backup has no tables';
  return null;
}

/** Equal as data, whatever the order of object keys (a merged record is rebuilt field by field). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

async function mergeInto<T, K, I>(
  table: Table<T, K>,
  counts: TableImport,
  incoming: readonly I[],
  keyOf: (row: I) => unknown,
  merge: (local: T | undefined, row: I) => T,
): Promise<void> {
  for (let start = 0; start < incoming.length; start += IMPORT_BATCH) {
    const batch = incoming.slice(start, start + IMPORT_BATCH);
    await table.db.transaction('rw', table, async () => {
      const merged = new Map<string, T>();
      const before = new Map<string, T | undefined>();
      const stored = await table.bulkGet(batch.map((row) => keyOf(row) as K));
      batch.forEach((row, index) => {
        const id = JSON.stringify(keyOf(row));
        if (!before.has(id)) before.set(id, stored[index]);
        // A key twice in one backup: the second merges into the first.
        const local = merged.get(id) ?? stored[index];
        const next = merge(local, row);
        if (local === undefined) counts.added += 1;
        else if (sameData(local, next)) counts.unchanged += 1;
        else counts.updated += 1;
        merged.set(id, next);
      });
      const changed = [...merged.entries()]
        .filter(([id, row]) => {
          const previous = before.get(id);
          return previous === undefined || !sameData(previous, row);
        })
        .map(([, row]) => row);
      if (changed.length > 0) await table.bulkPut(changed);
    });
  }
}

async function addMissing<T, K>(table: Table<T, K>, counts: TableImport, incoming: readonly T[], keyOf: (row: T) => unknown): Promise<void> {
  for (let start = 0; start < incoming.length; start += IMPORT_BATCH) {
    const batch = incoming.slice(start, start + IMPORT_BATCH);
    await table.db.transaction('rw', table, async () => {
      const stored = await table.bulkGet(batch.map((row) => keyOf(row) as K));
      const missing = new Map<string, T>();
      batch.forEach((row, index) => {
        const id = JSON.stringify(keyOf(row));
        if (stored[index] !== undefined || missing.has(id)) counts.unchanged += 1;
        else missing.set(id, row);
      });
      counts.added += missing.size;
      if (missing.size > 0) await table.bulkAdd([...missing.values()]);
    });
  }
}
