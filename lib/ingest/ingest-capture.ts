// One captured console response → stored facts, their history, and re-evaluated findings, in one
// transaction. Idempotent: the same capture twice writes nothing the second time; an older capture never
// overwrites newer facts; orders missing from a page are left alone (a page is never the whole shop).
import type { Capture } from '../capture/capture';
import { orderKnownOnlyByNumber, type AfterSaleFacts, type OrderFacts } from '../facts/facts';
import { recordDbError, recordDbOk } from '../db/health';
import { classifyDbError, type DbFailureReason } from '../db/errors';
import { UNKNOWN_SHOP, type StoredChange, type StoredOrder } from '../db/records';
import { readManyOfShop } from '../db/read-many';
import type { SentinelDb } from '../db/schema';
import { normalizeAfterSaleRow } from '../pdd/after-sale-row';
import { keepOne, type IndexedRow } from '../pdd/keep-one';
import { normalizeOrderRow } from '../pdd/order-row';
import type { Finding, Policy } from '../findings/registry';
import { assessOrder } from '../findings/assess';
import { planAfterSaleUpdate } from './after-sale-update';
import { rowsOfCapture } from './envelope';
import { evaluateOrders, type EvaluationOutcome } from './evaluate';
import { planOrderUpdate } from './order-update';
import { NO_FACT_WRITES, writeEvaluation } from './write-evaluation';

export interface IngestReport {
  endpoint: Capture['endpoint'];
  shopId: string;
  /** True when the capture had no shop id and was stored under UNKNOWN_SHOP. */
  shopIdMissing: boolean;
  rowsSeen: number;
  /** Valid rows whose facts are now the stored ones (new, changed or confirmed). */
  rowsStored: number;
  /** Valid rows older than what is stored: left as they were. */
  rowsStale: number;
  /** Rows not read (a field of the wrong kind), or repeated within the capture (one is kept, see keepOne). */
  rowsSkipped: Array<{ index: number; reason: string }>;
  /** History lines written (fact changes, first sightings, finding severity changes). */
  changes: number;
  findingsOpened: number;
  findingsClosed: number;
  /** Findings of the orders in the capture (the badges), most urgent first. A Map: order numbers are page data (`__proto__`). */
  findingsByOrder: Map<string, Finding[]>;
  /** Parcels newly queued for their first tracking check (the background then asks the poller to run soon). */
  parcelsQueued: number;
  /** Why nothing was written: a console error, an unreadable response, or a storage failure. */
  error: string | null;
  errorReason: 'envelope' | DbFailureReason | null;
}

const ORDER_TABLES = (db: SentinelDb) => [
  db.orders,
  db.changes,
  db.afterSales,
  db.waybills,
  db.products,
  db.shops,
];

export async function ingestCapture(db: SentinelDb, capture: Capture, now: number, policy: Policy): Promise<IngestReport> {
  const shopId = capture.shopId ?? UNKNOWN_SHOP;
  const report: IngestReport = {
    endpoint: capture.endpoint,
    shopId,
    shopIdMissing: capture.shopId === null,
    rowsSeen: 0,
    rowsStored: 0,
    rowsStale: 0,
    rowsSkipped: [],
    changes: 0,
    findingsOpened: 0,
    findingsClosed: 0,
    findingsByOrder: new Map(),
    parcelsQueued: 0,
    error: null,
    errorReason: null,
  };
  // A trace's result is no order row: it goes to the waybill (./ingest-console-trace.ts).
  if (capture.endpoint === 'courierTrace') return { ...report, error: 'courierTrace: a trace, read by ingestConsoleTrace', errorReason: 'envelope' };
  const envelope = rowsOfCapture(capture);
  if (!envelope.ok) return { ...report, error: envelope.error, errorReason: 'envelope' };
  report.rowsSeen = envelope.rows.length;

  try {
    // The scopes are `async` arrows on purpose: Dexie keeps a transaction alive across native awaits only
    // when the scope function itself is an AsyncFunction (a plain arrow returning a promise commits early).
    if (capture.endpoint === 'afterSalesList') {
      const cases = normalizeRows(envelope.rows, report, (row) => normalizeAfterSaleRow(row, capture.capturedAt), (facts) => facts.id, 'id');
      await db.transaction('rw', ORDER_TABLES(db), async () => storeAfterSales(db, shopId, cases, capture, now, policy, report));
    } else {
      const orders = normalizeRows(envelope.rows, report, normalizeOrderRow, (facts) => facts.orderSn, 'order_sn');
      await db.transaction('rw', ORDER_TABLES(db), async () => storeOrders(db, shopId, orders, capture, now, policy, report));
    }
  } catch (error) {
    // The transaction was aborted as a whole: nothing of this capture was written, and nothing stored before
    // it was touched. Quota errors land here too; the popup reads them from the health record.
    await recordDbError(db, `ingest ${capture.endpoint}`, error, now);
    const failure = classifyDbError(error);
    return {
      ...report,
      rowsStored: 0,
      rowsStale: 0,
      changes: 0,
      findingsOpened: 0,
      findingsClosed: 0,
      findingsByOrder: new Map(),
      error: `storing the capture failed (${failure.reason}): ${failure.message}`,
      errorReason: failure.reason,
    };
  }
  // Clears a storage error shown in the popup once writing works again (one read when there is none).
  await recordDbOk(db, now);
  return report;
}

/**
 * The capture's readable rows by id. A page may list a row twice (it moved while paging): one is kept, the
 * same one whatever their order, and the other is counted as skipped like a row that cannot be read.
 */
function normalizeRows<T>(
  rows: readonly unknown[],
  report: IngestReport,
  normalize: (row: unknown) => { ok: true; facts: T } | { ok: false; error: string },
  idOf: (facts: T) => string,
  idField: string,
): Map<string, T> {
  const kept = new Map<string, IndexedRow<T>>();
  rows.forEach((row, index) => {
    const result = normalize(row);
    if (!result.ok) {
      report.rowsSkipped.push({ index, reason: result.error });
      return;
    }
    const repeat = keepOne(kept, idOf(result.facts), { facts: result.facts, index }, idField, (at) => `[${at}]`);
    if (repeat !== null) report.rowsSkipped.push({ index: repeat.dropped.index, reason: repeat.reason });
  });
  // In row order: a repeat may leave out a row before the one just read.
  report.rowsSkipped.sort((a, b) => a.index - b.index);
  const byId = new Map<string, T>();
  for (const [id, { facts }] of kept) byId.set(id, facts);
  return byId;
}

async function storeOrders(
  db: SentinelDb,
  shopId: string,
  byOrder: ReadonlyMap<string, OrderFacts>,
  capture: Capture,
  now: number,
  policy: Policy,
  report: IngestReport,
): Promise<void> {
  const stored = new Map<string, StoredOrder>();
  for (const row of await readManyOfShop(db.orders, null, shopId, 'orderSn', byOrder.keys())) stored.set(row.orderSn, row);

  const current = new Map<string, StoredOrder>();
  const dirty = new Set<string>();
  const changes: StoredChange[] = [];
  const formerTrackingNumbers = new Set<string>();
  for (const [orderSn, facts] of byOrder) {
    const update = planOrderUpdate(shopId, stored.get(orderSn), facts, capture.capturedAt, capture.endpoint);
    switch (update.kind) {
      case 'stale':
        report.rowsStale += 1;
        current.set(orderSn, update.stored);
        break;
      case 'unchanged':
        report.rowsStored += 1;
        current.set(orderSn, update.stored);
        break;
      case 'seen':
        report.rowsStored += 1;
        current.set(orderSn, update.next);
        dirty.add(orderSn);
        break;
      case 'new':
      case 'changed': {
        report.rowsStored += 1;
        current.set(orderSn, update.next);
        dirty.add(orderSn);
        changes.push(...update.changes);
        const previous = stored.get(orderSn)?.trackingNumber ?? null;
        if (previous !== null && previous !== update.next.trackingNumber) formerTrackingNumbers.add(previous);
        break;
      }
    }
  }

  const outcome = await evaluateOrders(db, { shopId, orders: current, formerTrackingNumbers, now, policy });
  report.parcelsQueued += scheduleFirstChecks(dirty, outcome, now);
  await writeEvaluation(db, outcome, { ...NO_FACT_WRITES, dirtyOrders: dirty, changes });
  await touchShop(db, shopId, capture);

  report.changes += changes.length + outcome.changes.length;
  report.findingsOpened += outcome.opened;
  report.findingsClosed += outcome.closed;
  for (const orderSn of byOrder.keys()) report.findingsByOrder.set(orderSn, outcome.findingsByOrder.get(orderSn) ?? []);
}

/**
 * Queues the first tracking check of parcels the console newly shows on their way (see
 * StoredOrder.firstCheckAt). A parcel whose waybill already has a row is on the waybill's schedule.
 * Returns how many parcels entered the queue.
 */
function scheduleFirstChecks(dirty: ReadonlySet<string>, outcome: EvaluationOutcome, now: number): number {
  const queued = new Set<string>();
  for (const orderSn of dirty) {
    const entry = outcome.orders.get(orderSn);
    if (entry === undefined) continue;
    const { order } = entry;
    const { trackingNumber, facts } = order;
    const wanted =
      trackingNumber !== null && facts.state === 'shipped' && !facts.noLogistics && !outcome.waybills.has(trackingNumber);
    // An order seen again keeps its place in the queue.
    const firstCheckAt = wanted ? (order.firstCheckAt ?? now) : null;
    if (firstCheckAt !== order.firstCheckAt) entry.order = { ...order, firstCheckAt };
    if (firstCheckAt !== null && order.firstCheckAt === null && trackingNumber !== null) queued.add(trackingNumber);
  }
  return queued.size;
}

async function touchShop(db: SentinelDb, shopId: string, capture: Capture): Promise<void> {
  const { capturedAt } = capture;
  const shop = await db.shops.get(shopId);
  // The name of the newest capture that carries one: a rename shows from the next capture on.
  const incoming = capture.shopName ?? undefined;
  const name = incoming !== undefined && (shop === undefined || capturedAt >= shop.lastCaptureAt) ? incoming : shop?.name;
  if (shop !== undefined && shop.lastCaptureAt >= capturedAt && shop.firstSeenAt <= capturedAt && shop.name === name) return;
  await db.shops.put({
    shopId,
    ...(name === undefined ? {} : { name }),
    firstSeenAt: Math.min(shop?.firstSeenAt ?? capturedAt, capturedAt),
    lastCaptureAt: Math.max(shop?.lastCaptureAt ?? capturedAt, capturedAt),
  });
}

async function storeAfterSales(
  db: SentinelDb,
  shopId: string,
  byCase: ReadonlyMap<string, AfterSaleFacts>,
  capture: Capture,
  now: number,
  policy: Policy,
  report: IngestReport,
): Promise<void> {
  const existing = await db.afterSales.bulkGet([...byCase.keys()].map((id) => [shopId, id] as [string, string]));
  const changes: StoredChange[] = [];
  const puts = [];
  let index = 0;
  for (const facts of byCase.values()) {
    const update = planAfterSaleUpdate(shopId, existing[index++], facts, capture.capturedAt);
    if (update.kind === 'stale') {
      report.rowsStale += 1;
      continue;
    }
    report.rowsStored += 1;
    if (update.kind === 'unchanged') continue;
    puts.push(update.next);
    changes.push(...update.changes);
  }
  await db.afterSales.bulkPut(puts);

  // Cases of orders not captured yet are kept; their orders are evaluated once they arrive.
  const orderSns = [...new Set([...byCase.values()].map((facts) => facts.orderSn))];
  const orders = await db.orders.bulkGet(orderSns.map((orderSn) => [shopId, orderSn] as [string, string]));
  const current = new Map<string, StoredOrder>();
  for (const order of orders) if (order !== undefined) current.set(order.orderSn, order);
  const outcome = await evaluateOrders(db, { shopId, orders: current, now, policy });
  // History lines of cases whose order is unknown are still kept: they belong to the order number.
  await writeEvaluation(db, outcome, { ...NO_FACT_WRITES, changes });
  await touchShop(db, shopId, capture);

  report.changes += changes.length + outcome.changes.length;
  report.findingsOpened += outcome.opened;
  report.findingsClosed += outcome.closed;
  for (const orderSn of current.keys()) report.findingsByOrder.set(orderSn, outcome.findingsByOrder.get(orderSn) ?? []);

  // A merchant may open the after-sales list before the order list: the case's own clocks (the reply
  // deadline) still show, judged on an order whose facts are not known yet. Nothing is stored for the order
  // until its row arrives, when the stored evaluation takes over.
  const casesOfUnseen = new Map<string, AfterSaleFacts[]>();
  for (const facts of byCase.values()) {
    if (current.has(facts.orderSn)) continue;
    const cases = casesOfUnseen.get(facts.orderSn) ?? [];
    cases.push(facts);
    casesOfUnseen.set(facts.orderSn, cases);
  }
  for (const [orderSn, cases] of casesOfUnseen) {
    report.findingsByOrder.set(orderSn, assessOrder({ order: orderKnownOnlyByNumber(orderSn), afterSales: cases, tracking: null }, now, policy));
  }
}
