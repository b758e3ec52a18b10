// Fuzz: importing a JSON backup (importJson on fake-indexeddb). The input is a real export of a small
// synthetic shop with values replaced at random paths, fields of other tools added and records reordered.
import fc from 'fast-check';
import { beforeAll, describe, test } from 'vitest';
import { BACKUP_TABLES, exportJson, importJson, type BackupDocument, type BackupTable, type ImportReport } from '../../../lib/backup/backup-json';
import type { Capture } from '../../../lib/capture/capture';
import type { SentinelDb } from '../../../lib/db/schema';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { ingestTrackingReply } from '../../../lib/ingest/ingest-tracking';
import { textKey } from '../../../lib/ingest/text-key';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';
import { generateShop } from '../../stand-in/synthetic-shop';
import { dumpDb, freshDb, HOUR } from '../db/helpers';
import { fuzzAsync } from './fuzz';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
type Row = Record<string, unknown>;

/** The primary key of a row as the database keys it (a tracking event by the key of its text). */
const KEY_OF: Record<BackupTable, (row: Row) => unknown[]> = {
  shops: (row) => [row.shopId],
  orders: (row) => [row.shopId, row.orderSn],
  changes: (row) => [row.shopId, row.orderSn, row.at, row.field],
  afterSales: (row) => [row.shopId, row.id],
  waybills: (row) => [row.shopId, row.trackingNumber],
  trackingEvents: (row) => [row.shopId, row.trackingNumber, row.at, typeof row.text === 'string' ? textKey(row.text) : row.textKey],
  products: (row) => [row.shopId, row.goodsId],
  notifications: (row) => [row.shopId, row.key, row.sentAt],
};
/** Fields the import recomputes from the others: replacing them, or anything in them, tests nothing. */
const RECOMPUTED: Partial<Record<BackupTable, readonly string[]>> = {
  orders: ['trackingNumber', 'goodsId', 'closedAt', 'openKindTags', 'riskRank', 'nextDueAt', 'pickupDueAt'],
  products: ['hasOpen'],
  trackingEvents: ['textKey'],
};
const isRecomputed = (table: BackupTable, path: readonly (string | number)[]) => RECOMPUTED[table]?.includes(String(path[0])) ?? false;

const BAD_VALUES: unknown[] = [1e300, -1, 0.5, 'x\ny', '', null, true, {}, [], 0, 946_684_800_000, 'shipped'];

let base: BackupDocument;

beforeAll(async () => {
  const shop = generateShop({ seed: 4242, size: 10, now: NOW });
  const db = await freshDb();
  const capture = (endpoint: 'recentOrderList' | 'afterSalesList', rows: unknown[]): Capture => ({
    endpoint,
    shopId: shop.shopId,
    capturedAt: NOW - HOUR,
    request: null,
    response: { success: true, result: endpoint === 'recentOrderList' ? { pageItems: rows } : { list: rows } },
  });
  await ingestCapture(db, capture('recentOrderList', shop.orders), NOW, DEFAULT_POLICY);
  await ingestCapture(db, capture('afterSalesList', shop.afterSales), NOW, DEFAULT_POLICY);
  for (const [number, body] of Object.entries(shop.kuaidi100)) {
    await ingestTrackingReply(db, shop.shopId, number, normalizeKuaidi100(body, number, NOW - HOUR / 2), NOW, DEFAULT_POLICY);
  }
  base = JSON.parse(JSON.stringify(await exportJson(db, NOW))) as BackupDocument;
  db.close();
});

interface Replacement {
  table: BackupTable;
  index: number;
  path: (string | number)[];
  value: unknown;
}
interface Addition {
  table: BackupTable;
  index: number;
  name: string;
}
interface Input {
  replacements: Array<{ table: number; index: number; path: number; value: number }>;
  additions: Array<{ table: number; index: number; name: string }>;
  /** An element of a list in a record listed twice (valid, but not the form a merge writes). */
  repeats: Array<{ table: number; index: number; list: number; item: number }>;
  seed: number;
}

const input: fc.Arbitrary<Input> = fc.record({
  replacements: fc.array(fc.record({ table: fc.nat(), index: fc.nat(), path: fc.nat(), value: fc.nat() }), { maxLength: 3 }),
  additions: fc.array(fc.record({ table: fc.nat(), index: fc.nat(), name: fc.string({ minLength: 1, maxLength: 6 }) }), { maxLength: 2 }),
  repeats: fc.array(fc.record({ table: fc.nat(), index: fc.nat(), list: fc.nat(), item: fc.nat() }), { maxLength: 2 }),
  seed: fc.nat(),
});

function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...pathsOf((value as Row)[key as string], [...prefix, key])]);
}
function at(row: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Row)[key as string] : undefined), row);
}
function setAt(row: Row, path: readonly (string | number)[], value: unknown): void {
  const parent = at(row, path.slice(0, -1)) as Row;
  parent[path[path.length - 1] as string] = value;
}
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** The base export with the input's replacements and additions applied, and what they were. */
function edited(spec: Input): { doc: BackupDocument; replacements: Replacement[]; repeated: Array<{ table: BackupTable; index: number }>; additions: Addition[] } {
  const doc = structuredClone(base);
  const tables = BACKUP_TABLES.filter((name) => doc.tables[name].length > 0);
  const replacements: Replacement[] = [];
  const touched = new Set<string>();
  for (const choice of spec.replacements) {
    const table = tables[choice.table % tables.length]!;
    const index = choice.index % doc.tables[table].length;
    if (touched.has(`${table}|${index}`)) continue; // one replacement per record, so each one can be judged
    const row = doc.tables[table][index] as Row;
    const paths = pathsOf(row).filter((path) => !isRecomputed(table, path));
    const path = paths[choice.path % paths.length]!;
    const value = BAD_VALUES[choice.value % BAD_VALUES.length];
    setAt(row, path, structuredClone(value));
    touched.add(`${table}|${index}`);
    replacements.push({ table, index, path, value });
  }
  const repeated: Array<{ table: BackupTable; index: number }> = [];
  for (const choice of spec.repeats) {
    const table = tables[choice.table % tables.length]!;
    const index = choice.index % doc.tables[table].length;
    if (touched.has(`${table}|${index}`)) continue;
    const row = doc.tables[table][index] as Row;
    const lists = pathsOf(row)
      .map((path) => at(row, path))
      .filter((value): value is unknown[] => Array.isArray(value) && value.length > 0);
    const list = lists[choice.list % Math.max(lists.length, 1)];
    if (list === undefined) continue;
    list.push(structuredClone(list[choice.item % list.length]));
    touched.add(`${table}|${index}`);
    repeated.push({ table, index });
  }
  const additions: Addition[] = [];
  for (const choice of spec.additions) {
    const table = tables[choice.table % tables.length]!;
    const index = choice.index % doc.tables[table].length;
    const row = doc.tables[table][index] as Row;
    const name = `x-${choice.name}`; // never a field of any table
    if (name in row) continue;
    row[name] = 'from another tool';
    additions.push({ table, index, name });
  }
  return { doc, replacements, repeated, additions };
}

interface Outcome {
  doc: BackupDocument;
  replacements: Replacement[];
  repeated: Array<{ table: BackupTable; index: number }>;
  additions: Addition[];
  first: ImportReport;
  again: ImportReport;
  reordered: ImportReport;
  reorderedDoc: BackupDocument;
  stored: Record<string, Row[]>;
  storedAgain: Record<string, Row[]>;
  storedReordered: Record<string, Row[]>;
}

async function withFreshDb<T>(work: (db: SentinelDb) => Promise<T>): Promise<T> {
  const db = await freshDb();
  try {
    return await work(db);
  } finally {
    await db.delete();
  }
}
const tablesOf = async (db: SentinelDb) => {
  const { meta: _meta, ...tables } = (await dumpDb(db)) as Record<string, Row[]>;
  return tables;
};

async function run(spec: Input): Promise<Outcome> {
  const { doc, replacements, repeated, additions } = edited(spec);
  const [first, stored, again, storedAgain] = await withFreshDb(async (db) => {
    const report = await importJson(db, doc, NOW);
    const dump = await tablesOf(db);
    const second = await importJson(db, doc, NOW);
    return [report, dump, second, await tablesOf(db)] as const;
  });
  const reorderedDoc: BackupDocument = {
    ...doc,
    tables: Object.fromEntries(BACKUP_TABLES.map((name, offset) => [name, shuffled(doc.tables[name], spec.seed + offset)])) as BackupDocument['tables'],
  };
  const [reordered, storedReordered] = await withFreshDb(async (db) => [await importJson(db, reorderedDoc, NOW), await tablesOf(db)] as const);
  return { doc, replacements, repeated, additions, first, again, reordered, reorderedDoc, stored, storedAgain, storedReordered };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const storedRow = (stored: Record<string, Row[]>, table: BackupTable, row: Row) => stored[table]!.find((candidate) => sameJson(KEY_OF[table](candidate), KEY_OF[table](row)));
/** Records the report skipped, as their JSON (an index means nothing across orders). */
const skippedRecords = (report: ImportReport, doc: BackupDocument) => report.problems.map((problem) => `${problem.table}:${JSON.stringify(doc.tables[problem.table][problem.index])}`).sort();

function oracle(_spec: Input, outcome: Outcome): string | null {
  const { doc, first, stored } = outcome;
  if (!first.ok) return `the import failed: ${first.error}`;
  const skipped = new Set(first.problems.map((problem) => `${problem.table}|${problem.index}`));
  for (const problem of first.problems) if (problem.reason.includes('\n')) return `a problem spans lines: ${problem.reason}`;

  for (const { table, index, path, value } of outcome.replacements) {
    const row = doc.tables[table][index] as Row;
    const where = `${table}[${index}]`;
    if (skipped.has(`${table}|${index}`)) {
      const reason = first.problems.find((problem) => problem.table === table && problem.index === index)!.reason;
      // Named at the replaced field, or at one that contains it (a check across the row's own fields).
      if (!reason.startsWith(where)) return `${where} skipped with a reason that names another record: ${reason}`;
      continue;
    }
    const kept = storedRow(stored, table, row);
    if (kept === undefined) return `${where} (${path.join('.')} = ${JSON.stringify(value)}) neither stored nor named`;
    // Lists a merge puts in their canonical order (findings, tracking events) are checked as present only.
    const inCanonicalList = path.some((key) => key === 'findings' || key === 'events');
    if (!inCanonicalList && !sameJson(at(kept, path), value)) return `${where}.${path.join('.')} stored as ${JSON.stringify(at(kept, path))}, not ${JSON.stringify(value)}, without a word`;
  }

  // A list element repeated is a valid record: stored (its list as a merge writes it), never skipped.
  for (const { table, index } of outcome.repeated) {
    if (skipped.has(`${table}|${index}`) || storedRow(stored, table, doc.tables[table][index] as Row) === undefined) return `${table}[${index}] with a repeated list element was not stored`;
  }

  const replaced = new Set([...outcome.replacements, ...outcome.repeated].map(({ table, index }) => `${table}|${index}`));
  for (const table of BACKUP_TABLES) {
    for (const [index, row] of (doc.tables[table] as Row[]).entries()) {
      if (replaced.has(`${table}|${index}`)) continue;
      if (skipped.has(`${table}|${index}`)) return `the good record ${table}[${index}] was skipped: ${first.problems.find((problem) => problem.table === table && problem.index === index)?.reason}`;
      const kept = storedRow(stored, table, row);
      const expected = Object.fromEntries(Object.entries(row).filter(([name]) => !name.startsWith('x-')));
      if (!sameJson(kept === undefined ? undefined : Object.fromEntries(Object.entries(kept).sort()), Object.fromEntries(Object.entries(expected).sort()))) {
        return `the good record ${table}[${index}] was not stored unchanged next to its neighbours`;
      }
    }
  }

  for (const { table, index, name } of outcome.additions) {
    if (skipped.has(`${table}|${index}`)) continue;
    if (!first.unknownFields.paths.includes(`${table}[${index}].${name}`) && !first.unknownFields.paths.includes(`${table}[${index}][${JSON.stringify(name)}]`)) {
      return `the unknown field ${table}[${index}].${name} was left out without a word`;
    }
    if (JSON.stringify(stored).includes('from another tool')) return 'an unknown field was stored';
  }

  for (const table of BACKUP_TABLES) {
    if (outcome.again.tables[table].added !== 0 || outcome.again.tables[table].updated !== 0) return `importing again reported ${JSON.stringify(outcome.again.tables[table])} for ${table}`;
  }
  if (!sameJson(outcome.storedAgain, stored)) return 'importing again changed the database';

  if (!sameJson(outcome.storedReordered, stored)) return 'reordered records gave another database';
  if (!sameJson(skippedRecords(outcome.reordered, outcome.reorderedDoc), skippedRecords(first, doc))) return 'reordered records skipped other records';
  return null;
}

describe('fuzz: backup import', () => {
  test('replaced values are refused by name or stored as given; good neighbours unchanged; again: nothing; reordered: the same', async () => {
    await fuzzAsync({
      entry: 'backup import',
      property: 'each value stored as given or its record named; neighbours unchanged; idempotent; order-independent',
      input,
      run,
      oracle,
      runs: 24,
    });
  });
});
