// The JSON backup: every stored record of one shop (or all), in a versioned document; and its import,
// which merges into what is stored without duplicates (the same backup imported twice changes nothing),
// skips, counting and naming them, records that fail their check, and writes all or nothing.
import type { Table } from 'dexie';
import * as v from 'valibot';
import { prefixRange, type SentinelDb } from '../db/schema';
import { recordDbError } from '../db/health';
import { classifyDbError } from '../db/errors';
import { upgradeBasis, upgradeTrackingFacts } from '../db/upgrades/v2-findings-in-ms';
import { CURRENT_SCHEMA_VERSION } from '../db/versions';
import { reassessOrders } from '../ingest/reassess';
import type { Policy } from '../findings/policy';
import { describeIssue, describeIssues, pathOf } from '../schema/issues';
import { describeValue } from '../text/quote';
import { isPlainObject, plainObject } from '../schema/plain-object';
import { unknownKeys } from '../schema/unknown-keys';
import { mergeAfterSale, mergeOrder, mergeProduct, mergeShop, mergeWaybill } from './merge';
import { RECORD_SCHEMAS } from './validate';

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
  /** What was written (all zero unless `ok`: an import that fails writes nothing). */
  tables: Record<BackupTable, TableImport>;
  /** The first records skipped and why (counts are in `tables`). */
  problems: Array<{ table: BackupTable; index: number; reason: string }>;
  /** Fields no table has, left out of the records imported (another tool's, or buyer data): how many, and the first. */
  unknownFields: { count: number; paths: string[] };
  /** Orders re-evaluated after the merge (when a policy was given). */
  reevaluated: number;
}

const MAX_PROBLEMS = 50;

const emptyCounts = () =>
  Object.fromEntries(BACKUP_TABLES.map((name) => [name, { added: 0, updated: 0, unchanged: 0, skipped: 0 }])) as Record<BackupTable, TableImport>;

const formatVersionSchema = v.pipe(v.number(), v.check((version) => Number.isInteger(version) && version >= 1, 'a whole version number from 1'));

const rows = v.array(v.unknown());
const headerSchema = v.object({
  schemaVersion: v.pipe(v.number(), v.check((version) => Number.isInteger(version) && version >= 1, 'a whole schema version from 1')),
  exportedAt: v.string(),
  shopId: v.nullable(v.string()),
  // Every table the export writes, and no other: a backup of nothing (`tables: []`, `{}`) is no backup.
  tables: v.pipe(
    plainObject('an object of tables'),
    v.strictObject({ shops: rows, orders: rows, changes: rows, afterSales: rows, waybills: rows, trackingEvents: rows, products: rows, notifications: rows }),
  ),
});

/** The tables of a backup document, or why the document is refused as a whole. */
function checkHeader(doc: unknown): { ok: true; tables: Record<BackupTable, unknown[]> } | { ok: false; error: string } {
  if (!isPlainObject(doc)) return { ok: false, error: 'not a backup: expected a JSON object' };
  if (doc.format !== BACKUP_FORMAT) return { ok: false, error: `not an Order Sentinel backup (format ${describeValue(doc.format)})` };
  const version = v.safeParse(formatVersionSchema, doc.formatVersion);
  if (!version.success) return { ok: false, error: describeIssue(version.issues[0], 'formatVersion') };
  if (version.output > BACKUP_FORMAT_VERSION) {
    return { ok: false, error: `backup format ${version.output} is newer than this extension reads (${BACKUP_FORMAT_VERSION}): update the extension` };
  }
  const header = v.safeParse(headerSchema, doc);
  if (!header.success) return { ok: false, error: describeIssues(header.issues, 'backup').join('; ') };
  const { schemaVersion, tables } = header.output;
  if (schemaVersion > CURRENT_SCHEMA_VERSION) {
    return { ok: false, error: `backup records of schema ${schemaVersion} are newer than this extension reads (${CURRENT_SCHEMA_VERSION}): update the extension` };
  }
  return { ok: true, tables: schemaVersion < 2 ? withV2Findings(tables) : tables };
}

/**
 * Records exported by schema 1 (finding times as ISO text, the courier only when it differed): they get
 * the same upgrade the database's own version 1 records got (lib/db/upgrades), then the same checks as any
 * other record.
 */
function withV2Findings(tables: Record<BackupTable, unknown[]>): Record<BackupTable, unknown[]> {
  const upgraded = (row: unknown): unknown => {
    if (!isPlainObject(row) || !Array.isArray(row.findings)) return row;
    const findings = row.findings.map((finding: unknown) =>
      isPlainObject(finding) && typeof finding.kind === 'string' && isPlainObject(finding.basis) ? upgradeBasis({ ...finding, kind: finding.kind, basis: finding.basis }) : finding,
    );
    return { ...row, findings };
  };
  const waybill = (row: unknown): unknown => (isPlainObject(row) && isPlainObject(row.facts) ? { ...row, facts: upgradeTrackingFacts(row.facts) } : row);
  return { ...tables, orders: tables.orders.map(upgraded), products: tables.products.map(upgraded), waybills: tables.waybills.map(waybill) };
}

/**
 * Merges a backup document (already parsed from JSON) into the database. Every record is checked before
 * anything is written; then the merge (and, with `policy`, the re-evaluation of the imported orders under
 * the current rules and clock) runs in one transaction, so a failure leaves the database as it was.
 * A backup the size exports make takes seconds; captures arriving meanwhile wait for it, none is lost.
 */
export async function importJson(db: SentinelDb, doc: unknown, now: number, policy?: Policy): Promise<ImportReport> {
  const report: ImportReport = { ok: false, error: null, tables: emptyCounts(), problems: [], unknownFields: { count: 0, paths: [] }, reevaluated: 0 };
  const header = checkHeader(doc);
  if (!header.ok) return { ...report, error: header.error };

  const check = <T>(name: BackupTable, schema: v.GenericSchema<unknown, T>): T[] => {
    const valid: T[] = [];
    header.tables[name].forEach((row, index) => {
      const root = `${name}[${index}]`;
      const result = v.safeParse(schema, row);
      if (!result.success) {
        report.tables[name].skipped += 1;
        if (report.problems.length < MAX_PROBLEMS) report.problems.push({ table: name, index, reason: describeIssues(result.issues, root).join('; ') });
        return;
      }
      valid.push(result.output);
      for (const keys of unknownKeys(schema, row)) {
        report.unknownFields.count += 1;
        if (report.unknownFields.paths.length < MAX_PROBLEMS) report.unknownFields.paths.push(pathOf(root, keys));
      }
    });
    return valid;
  };
  const shops = check('shops', RECORD_SCHEMAS.shops);
  const orders = check('orders', RECORD_SCHEMAS.orders);
  const afterSales = check('afterSales', RECORD_SCHEMAS.afterSales);
  const waybills = check('waybills', RECORD_SCHEMAS.waybills);
  const products = check('products', RECORD_SCHEMAS.products);
  const changes = check('changes', RECORD_SCHEMAS.changes);
  const trackingEvents = check('trackingEvents', RECORD_SCHEMAS.trackingEvents);
  const notifications = check('notifications', RECORD_SCHEMAS.notifications);

  const counts = emptyCounts();
  let reevaluated = 0;
  try {
    await db.transaction('rw', BACKUP_TABLES.map((name) => db.table(name)), async () => {
      await mergeInto(db.shops, counts.shops, shops, (row) => row.shopId, mergeShop);
      await mergeInto(db.orders, counts.orders, orders, (row) => [row.shopId, row.orderSn], mergeOrder);
      await mergeInto(db.afterSales, counts.afterSales, afterSales, (row) => [row.shopId, row.id], mergeAfterSale);
      await mergeInto(db.waybills, counts.waybills, waybills, (row) => [row.shopId, row.trackingNumber], mergeWaybill);
      await mergeInto(db.products, counts.products, products, (row) => [row.shopId, row.goodsId], mergeProduct);
      // History rows are identified by their content (their keys): one already stored is kept as it is.
      await addMissing(db.changes, counts.changes, changes, (row) => [row.shopId, row.orderSn, row.at, row.field]);
      await addMissing(db.trackingEvents, counts.trackingEvents, trackingEvents, (row) => [row.shopId, row.trackingNumber, row.at, row.textKey]);
      await addMissing(db.notifications, counts.notifications, notifications, (row) => [row.shopId, row.key, row.sentAt]);

      if (policy === undefined) return;
      const byShop = new Map<string, Set<string>>();
      for (const order of orders) byShop.set(order.shopId, (byShop.get(order.shopId) ?? new Set()).add(order.orderSn));
      for (const [shopId, orderSns] of byShop) {
        // Inside this transaction (Dexie nests the re-evaluation's own): its failure undoes the merge too.
        const result = await reassessOrders(db, shopId, [...orderSns], now, policy);
        if (result.error !== undefined) throw new Error(result.error);
        reevaluated += result.evaluated;
      }
    });
  } catch (error) {
    await recordDbError(db, 'import', error, now);
    const failure = classifyDbError(error);
    return { ...report, error: `import failed, nothing was imported (${failure.reason}): ${failure.message}` };
  }
  for (const name of BACKUP_TABLES) report.tables[name] = { ...counts[name], skipped: report.tables[name].skipped };
  return { ...report, ok: true, reevaluated };
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
  const merged = new Map<string, T>();
  const before = new Map<string, T | undefined>();
  const stored = await table.bulkGet(incoming.map((row) => keyOf(row) as K));
  incoming.forEach((row, index) => {
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
}

async function addMissing<T, K>(table: Table<T, K>, counts: TableImport, incoming: readonly T[], keyOf: (row: T) => unknown): Promise<void> {
  const stored = await table.bulkGet(incoming.map((row) => keyOf(row) as K));
  const missing = new Map<string, T>();
  incoming.forEach((row, index) => {
    const id = JSON.stringify(keyOf(row));
    if (stored[index] !== undefined || missing.has(id)) counts.unchanged += 1;
    else missing.set(id, row);
  });
  counts.added += missing.size;
  if (missing.size > 0) await table.bulkAdd([...missing.values()]);
}
