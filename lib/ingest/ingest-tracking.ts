// One courier provider reply (already normalized by lib/tracking) → the waybill's merged state, its new
// events (each stored once), its next check, and re-evaluated findings of the orders that carry it. The
// next check is the caller's: the poller passes the scheduler's (lib/polling/schedule.ts); a reply from
// elsewhere (the console's own trace) keeps the parcel's place in the poll queue.
import { recordDbError, recordDbOk } from '../db/health';
import { classifyDbError, type DbFailureReason } from '../db/errors';
import { UNKNOWN_SHOP, emptyWaybill, type StoredOrder, type StoredTrackingEvent, type StoredWaybill } from '../db/records';
import { prefixRange, type SentinelDb } from '../db/schema';
import type { TrackingStatus } from '../facts/facts';
import { normalizeTrackingNumber } from '../pdd/order-row';
import type { Finding, Policy } from '../findings/registry';
import { mergeTracking, type TrackingResult } from '../tracking/status';
import { isTerminal } from '../tracking/status-rank';
import { evaluateOrders } from './evaluate';
import { scrubTrackingFacts } from './scrub-tracking';
import { textKey } from './text-key';
import { NO_FACT_WRITES, writeEvaluation } from './write-evaluation';

export interface TrackingIngestReport {
  shopId: string;
  trackingNumber: string;
  /** The provider answered with a trace (false: it answered with an error, recorded on the waybill). */
  answered: boolean;
  /** What the normalizer could not read of the answer (named items and fields, quoted escaped); the rest was stored. */
  problems: string[];
  /** The same reply was already stored: nothing about the waybill was written. */
  duplicate: boolean;
  status: TrackingStatus | null;
  newEvents: number;
  nextCheckAt: number | null;
  ordersEvaluated: number;
  changes: number;
  findingsOpened: number;
  findingsClosed: number;
  findingsByOrder: Map<string, Finding[]>;
  error: string | null;
  /** 'provider': the provider answered with an error (recorded on the waybill, not a storage failure). */
  errorReason: DbFailureReason | 'invalid' | 'provider' | null;
}

/** The next check of the waybill as the reply leaves it (merged facts, counts), given the orders carrying it. */
export type NextCheckRule = (waybill: StoredWaybill, holders: readonly StoredOrder[]) => number | null;

/**
 * Without a schedule from the caller: a terminal reading ends the polling (nothing more to learn); any other
 * reply keeps the waybill's next check, or takes over its orders' first check, so the queue loses nothing.
 */
export const keepPollQueue: NextCheckRule = (waybill, holders) => {
  if (isTerminal(waybill.status)) return null;
  if (waybill.nextCheckAt !== null) return waybill.nextCheckAt;
  const queued = holders.map((order) => order.firstCheckAt).filter((at): at is number => at !== null);
  return queued.length > 0 ? Math.min(...queued) : null;
};

export async function ingestTrackingReply(
  db: SentinelDb,
  shopId: string | null,
  trackingNumber: string,
  result: TrackingResult,
  now: number,
  policy: Policy,
  nextCheck: NextCheckRule = keepPollQueue,
): Promise<TrackingIngestReport> {
  const shop = shopId ?? UNKNOWN_SHOP;
  const number = normalizeTrackingNumber(trackingNumber);
  const report: TrackingIngestReport = {
    shopId: shop,
    trackingNumber: number ?? trackingNumber,
    answered: result.ok,
    problems: result.ok ? result.problems : [],
    duplicate: false,
    status: null,
    newEvents: 0,
    nextCheckAt: null,
    ordersEvaluated: 0,
    changes: 0,
    findingsOpened: 0,
    findingsClosed: 0,
    findingsByOrder: new Map(),
    error: null,
    errorReason: null,
  };
  if (number === null) return { ...report, error: 'empty tracking number', errorReason: 'invalid' };
  if (result.ok && normalizeTrackingNumber(result.facts.trackingNumber) !== number) {
    return { ...report, error: `reply is for ${result.facts.trackingNumber}, not ${number}`, errorReason: 'invalid' };
  }

  try {
    await db.transaction(
      'rw',
      [db.orders, db.changes, db.afterSales, db.waybills, db.trackingEvents, db.products],
      async () => {
        const waybill = (await db.waybills.get([shop, number])) ?? emptyWaybill(shop, number, now, null);
        const holders = await db.orders.where('[shopId+trackingNumber]').equals([shop, number]).toArray();
        const merged = result.ok ? await storeAnswer(db, waybill, result, now, report) : failedCheck(waybill, result, now);
        const next = { ...merged, nextCheckAt: nextCheck(merged, holders) };
        report.status = next.status;
        report.nextCheckAt = next.nextCheckAt;
        // A duplicate reply that leaves the schedule as it was writes nothing.
        if (merged !== waybill || next.nextCheckAt !== waybill.nextCheckAt) await db.waybills.put(next);

        // The waybill has a row now, which holds its schedule: its orders leave the first-check queue.
        const dirtyOrders = new Set<string>();
        const orders = new Map<string, StoredOrder>();
        for (const order of holders) {
          if (order.firstCheckAt !== null) dirtyOrders.add(order.orderSn);
          orders.set(order.orderSn, order.firstCheckAt === null ? order : { ...order, firstCheckAt: null });
        }
        if (!result.ok) {
          // A provider error changes no facts: nothing to re-evaluate.
          report.error = result.error;
          report.errorReason = 'provider';
          if (dirtyOrders.size > 0) await db.orders.bulkPut([...dirtyOrders].map((orderSn) => orders.get(orderSn)!));
          return;
        }
        const outcome = await evaluateOrders(db, { shopId: shop, orders, now, policy });
        await writeEvaluation(db, outcome, { ...NO_FACT_WRITES, dirtyOrders });
        report.ordersEvaluated = outcome.orders.size;
        report.changes = outcome.changes.length;
        report.findingsOpened = outcome.opened;
        report.findingsClosed = outcome.closed;
        for (const orderSn of orders.keys()) report.findingsByOrder.set(orderSn, outcome.findingsByOrder.get(orderSn) ?? []);
      },
    );
  } catch (error) {
    await recordDbError(db, 'ingest tracking', error, now);
    const failure = classifyDbError(error);
    return {
      ...report,
      newEvents: 0,
      changes: 0,
      findingsOpened: 0,
      findingsClosed: 0,
      findingsByOrder: new Map(),
      error: `storing the tracking reply failed (${failure.reason}): ${failure.message}`,
      errorReason: failure.reason,
    };
  }
  await recordDbOk(db, now);
  return report;
}

function failedCheck(waybill: StoredWaybill, result: Extract<TrackingResult, { ok: false }>, now: number): StoredWaybill {
  const consecutiveFailures = waybill.consecutiveFailures + 1;
  return {
    ...waybill,
    attempts: waybill.attempts + 1,
    consecutiveFailures,
    lastError: { at: now, message: result.error, retry: result.retry },
  };
}

/** Merges the answer into the waybill and stores the events not seen before; returns the new waybill row. */
async function storeAnswer(
  db: SentinelDb,
  waybill: StoredWaybill,
  result: Extract<TrackingResult, { ok: true }>,
  now: number,
  report: TrackingIngestReport,
): Promise<StoredWaybill> {
  // Scrubbed before anything reads it: the rules and the database see the same PII-free text.
  const answer = scrubTrackingFacts(result.facts);
  const merged = mergeTracking(waybill.facts, answer);
  if (waybill.facts !== null && JSON.stringify(merged) === JSON.stringify(waybill.facts)) {
    // The same reply delivered twice (a retried message, a restarted worker): nothing new to record.
    report.duplicate = true;
    return waybill;
  }

  const known = new Set(
    (await db.trackingEvents.where(':id').between(...prefixRange([waybill.shopId, waybill.trackingNumber])).primaryKeys()).map(
      ([, , at, key]) => `${at}|${key}`,
    ),
  );
  const fresh = new Map<string, StoredTrackingEvent>();
  for (const event of answer.events) {
    const key = textKey(event.text);
    const id = `${event.at}|${key}`;
    if (known.has(id) || fresh.has(id)) continue;
    fresh.set(id, {
      shopId: waybill.shopId,
      trackingNumber: waybill.trackingNumber,
      at: event.at,
      textKey: key,
      text: event.text,
      area: event.area,
      status: event.status,
      code: event.code,
      firstSeenAt: now,
    });
  }
  if (fresh.size > 0) await db.trackingEvents.bulkAdd([...fresh.values()]);
  report.newEvents = fresh.size;

  return {
    ...waybill,
    facts: merged,
    status: merged.status,
    lastEventAt: merged.lastEventAt,
    checkedAt: merged.checkedAt,
    attempts: waybill.attempts + 1,
    consecutiveFailures: 0,
    // A reading came: whatever the waybill waited for (a phone tail, a courier code) was not needed after all.
    needsInput: null,
  };
}
