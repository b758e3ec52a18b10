// Writing an evaluation and the facts that led to it, inside the caller's transaction: one bulk call per
// table, and only the rows that actually changed (an idempotent re-run writes nothing).
import type { StoredChange, StoredOrder, StoredWaybill } from '../db/records';
import type { SentinelDb } from '../db/schema';
import type { EvaluationOutcome } from './evaluate';

export interface FactWrites {
  /** Orders whose facts or sighting times changed: written even when their findings did not. */
  dirtyOrders: ReadonlySet<string>;
  changes: readonly StoredChange[];
  waybills: readonly StoredWaybill[];
}

export const NO_FACT_WRITES: FactWrites = { dirtyOrders: new Set(), changes: [], waybills: [] };

export async function writeEvaluation(db: SentinelDb, outcome: EvaluationOutcome, facts: FactWrites): Promise<void> {
  const orders: StoredOrder[] = [];
  for (const [orderSn, { order, findingsChanged }] of outcome.orders) {
    if (findingsChanged || facts.dirtyOrders.has(orderSn)) orders.push(order);
  }
  const changes = [...facts.changes, ...outcome.changes];
  const writes: Array<Promise<unknown>> = [];
  if (orders.length > 0) writes.push(db.orders.bulkPut(orders));
  if (changes.length > 0) writes.push(db.changes.bulkPut(changes));
  if (outcome.products.length > 0) writes.push(db.products.bulkPut(outcome.products));
  if (facts.waybills.length > 0) writes.push(db.waybills.bulkPut(facts.waybills));
  await Promise.all(writes);
}
