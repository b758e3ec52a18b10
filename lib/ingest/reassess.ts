// Clocks move without any capture: a ship-by finding turns from info to warn to breached as time passes.
// The background calls this on its alarm to re-evaluate the orders that have open findings, in small
// transactions, so the stored severities (and the popup's at-risk index) follow the clock.
import { errorMessage } from '../errors/error-message';
import { recordDbError } from '../db/health';
import type { StoredOrder } from '../db/records';
import type { OrderKey, SentinelDb } from '../db/schema';
import type { Policy } from '../findings/registry';
import { SEVERITY_RANK } from '../findings/severity';
import { evaluateOrders } from './evaluate';
import { NO_FACT_WRITES, writeEvaluation } from './write-evaluation';

export interface ReassessResult {
  evaluated: number;
  findingsOpened: number;
  findingsClosed: number;
  changes: number;
  /** The orders whose stored findings this run changed, by shop: what open console tabs must redraw. */
  changedOrders: Map<string, string[]>;
  error?: string;
}

const LOWEST_RANK = Math.min(...Object.values(SEVERITY_RANK));
const HIGHEST_RANK = Math.max(...Object.values(SEVERITY_RANK));

/**
 * Re-evaluates every order with an open finding (of one shop, or all shops when `shopId` is null). Orders
 * without any open finding are closed or finished ones whose state only a new capture or tracking reply
 * can change, and those re-evaluate on arrival.
 */
export async function reassessOpenOrders(
  db: SentinelDb,
  shopId: string | null,
  now: number,
  policy: Policy,
  batchSize = 500,
): Promise<ReassessResult> {
  const result: ReassessResult = { evaluated: 0, findingsOpened: 0, findingsClosed: 0, changes: 0, changedOrders: new Map() };
  const shopIds = shopId === null ? await db.shops.toCollection().primaryKeys() : [shopId];
  try {
    for (const shop of shopIds) {
      const keys = await db.orders
        .where('[shopId+riskRank+nextDueAt]')
        .between([shop, LOWEST_RANK, -Infinity], [shop, HIGHEST_RANK, Infinity], true, true)
        .primaryKeys();
      for (let start = 0; start < keys.length; start += batchSize) {
        const orderSns = keys.slice(start, start + batchSize).map(([, orderSn]) => orderSn);
        await reassessBatch(db, shop, orderSns, now, policy, result);
      }
    }
  } catch (error) {
    await recordDbError(db, 'reassess', error, now);
    result.error = errorMessage(error);
  }
  return result;
}

/** Re-evaluates the given orders of one shop (after an import, for instance), in transactions of `batchSize`. */
export async function reassessOrders(
  db: SentinelDb,
  shopId: string,
  orderSns: readonly string[],
  now: number,
  policy: Policy,
  batchSize = 500,
): Promise<ReassessResult> {
  const result: ReassessResult = { evaluated: 0, findingsOpened: 0, findingsClosed: 0, changes: 0, changedOrders: new Map() };
  for (let start = 0; start < orderSns.length; start += batchSize) {
    await reassessBatch(db, shopId, orderSns.slice(start, start + batchSize), now, policy, result);
  }
  return result;
}

async function reassessBatch(
  db: SentinelDb,
  shopId: string,
  orderSns: readonly string[],
  now: number,
  policy: Policy,
  result: ReassessResult,
): Promise<void> {
  await db.transaction('rw', [db.orders, db.changes, db.afterSales, db.waybills, db.products], async () => {
    const orders = new Map<string, StoredOrder>();
    const rows = await db.orders.bulkGet(orderSns.map((orderSn) => [shopId, orderSn] as OrderKey));
    for (const order of rows) if (order !== undefined) orders.set(order.orderSn, order);
    const outcome = await evaluateOrders(db, { shopId, orders, now, policy });
    await writeEvaluation(db, outcome, NO_FACT_WRITES);
    result.evaluated += orders.size;
    result.findingsOpened += outcome.opened;
    result.findingsClosed += outcome.closed;
    result.changes += outcome.changes.length;
    const changed = [...outcome.orders].filter(([, { findingsChanged }]) => findingsChanged).map(([orderSn]) => orderSn);
    if (changed.length > 0) result.changedOrders.set(shopId, [...(result.changedOrders.get(shopId) ?? []), ...changed]);
  });
}
