// What the console's badges need about a set of orders, read from the database in one transaction: the
// capture reply, and the background's pushes to open console tabs, both answer with these views.
import type { TrackingFacts } from '../facts/facts';
import { openFindingsOf } from '../db/records';
import type { SentinelDb } from '../db/schema';
import type { Finding } from '../findings/registry';
import { findingOfRecord } from '../ingest/reconcile-findings';
import type { OrderTrace, OrderView } from '../messages/protocol';

/** How many of a trace's events the explanation lists. */
export const TRACE_EVENTS_SHOWN = 3;

/**
 * The views of `orderSns` of one shop, in that order. `evaluated`: findings just worked out by the caller
 * (a capture's own evaluation, which also judges orders seen only through an after-sales case and not
 * stored yet); orders absent from it show their stored open findings.
 */
export async function orderViews(
  db: SentinelDb,
  shopId: string,
  orderSns: readonly string[],
  evaluated?: ReadonlyMap<string, Finding[]>,
): Promise<OrderView[]> {
  return db.transaction('r', [db.orders, db.waybills], async () => {
    const stored = await db.orders.bulkGet(orderSns.map((orderSn) => [shopId, orderSn] as [string, string]));
    const numbers = [...new Set(stored.flatMap((order) => (order?.trackingNumber == null ? [] : [order.trackingNumber])))];
    const waybills = await db.waybills.bulkGet(numbers.map((number) => [shopId, number] as [string, string]));
    const traces = new Map(numbers.map((number, index) => [number, orderTrace(waybills[index]?.facts ?? null)]));
    const waiting = new Map(numbers.map((number, index) => [number, waybills[index]?.needsInput ?? null]));
    return orderSns.map((orderSn, index): OrderView => {
      const order = stored[index];
      const facts = order?.facts;
      return {
        orderSn,
        promiseShipAt: facts?.promiseShipAt ?? null,
        shippedAt: facts?.shippedAt ?? null,
        state: facts?.state ?? 'unknown',
        findings: evaluated?.get(orderSn) ?? (order === undefined ? [] : openFindingsOf(order).map((record) => findingOfRecord(record, { orderSn }))),
        trace: order?.trackingNumber == null ? null : (traces.get(order.trackingNumber) ?? null),
        waitingFor: order?.trackingNumber == null ? null : (waiting.get(order.trackingNumber) ?? null),
      };
    });
  });
}

/** A waybill's merged trace as the badge explanation shows it; null while none has been read. */
export function orderTrace(facts: TrackingFacts | null): OrderTrace | null {
  if (facts === null) return null;
  const events = facts.events
    .slice(-TRACE_EVENTS_SHOWN)
    .reverse()
    .map(({ at, text, area }) => ({ at, text, area }));
  return { provider: facts.provider, checkedAt: facts.checkedAt, status: facts.status, events };
}
