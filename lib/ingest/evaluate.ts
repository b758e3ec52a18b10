// Re-evaluating the findings of a set of orders inside the caller's transaction, with the same rules as
// every other surface (lib/findings/assess). Shop-level rules need every order of a group (all holders of a
// waybill, all rejected orders of a product); the set is widened to complete those groups through
// indexes, never by scanning the shop.
import type { AfterSaleFacts } from '../facts/facts';
import { openKindTag, type StoredChange, type StoredOrder, type StoredProduct, type StoredWaybill } from '../db/records';
import { readManyOfShop } from '../db/read-many';
import type { SentinelDb } from '../db/schema';
import { assessOrders, compareFindings, type OrderContext } from '../findings/assess';
import type { Finding, Policy } from '../findings/registry';
import { openKindTags, openPickupDueAt, reconcileFindings, riskOf } from './reconcile-findings';

export interface EvaluationRequest {
  shopId: string;
  /** The orders to evaluate, in their newest state (possibly not written yet: the caller writes the result). */
  orders: ReadonlyMap<string, StoredOrder>;
  /** Tracking numbers these orders held before this update: their remaining holders are re-checked too. */
  formerTrackingNumbers?: Iterable<string>;
  now: number;
  policy: Policy;
}

export interface EvaluationOutcome {
  /** Findings of every evaluated order (requested and group members), by order number, most urgent first. */
  findingsByOrder: Map<string, Finding[]>;
  /** Every evaluated order in its new state, and whether its findings changed (then its row must be written). */
  orders: Map<string, { order: StoredOrder; findingsChanged: boolean }>;
  /** Product rows whose findings changed. */
  products: StoredProduct[];
  /** Waybills read for the evaluation, by tracking number (numbers without a row are absent). */
  waybills: Map<string, StoredWaybill>;
  /** History lines for finding severity changes. */
  changes: StoredChange[];
  opened: number;
  closed: number;
}

export async function evaluateOrders(db: SentinelDb, request: EvaluationRequest): Promise<EvaluationOutcome> {
  const { shopId, now, policy } = request;
  const current = new Map(request.orders);

  // Products of the requested orders: every order of theirs with an open `rejected` finding joins, so the
  // rejection-cluster rule sees the whole product. Few orders of a shop are rejected at any time.
  const goods = new Set<string>();
  for (const order of current.values()) if (order.goodsId !== null) goods.add(order.goodsId);
  if (goods.size > 0) {
    const rejected = await db.orders.where('openKindTags').equals(openKindTag(shopId, 'rejected')).toArray();
    for (const order of rejected) {
      if (order.goodsId !== null && goods.has(order.goodsId) && !current.has(order.orderSn)) current.set(order.orderSn, order);
    }
  }

  // Every holder of every waybill involved, so duplicate_tracking sees whole groups (and a number that an
  // order gave up is re-checked for the orders that still carry it).
  const trackingNumbers = new Set(request.formerTrackingNumbers ?? []);
  for (const order of current.values()) if (order.trackingNumber !== null) trackingNumbers.add(order.trackingNumber);
  const holders = await readManyOfShop(db.orders, '[shopId+trackingNumber]', shopId, 'trackingNumber', trackingNumbers);
  for (const holder of holders) if (!current.has(holder.orderSn)) current.set(holder.orderSn, holder);

  const [waybillRows, afterSaleRows] = await Promise.all([
    readManyOfShop(db.waybills, null, shopId, 'trackingNumber', trackingNumbers),
    readManyOfShop(db.afterSales, '[shopId+orderSn]', shopId, 'orderSn', current.keys()),
  ]);
  const waybills = new Map<string, StoredWaybill>(waybillRows.map((row) => [row.trackingNumber, row]));
  const afterSalesByOrder = new Map<string, AfterSaleFacts[]>();
  for (const row of afterSaleRows) {
    const list = afterSalesByOrder.get(row.orderSn);
    if (list === undefined) afterSalesByOrder.set(row.orderSn, [row.facts]);
    else list.push(row.facts);
  }

  const contexts: OrderContext[] = [];
  for (const order of current.values()) {
    contexts.push({
      order: order.facts,
      afterSales: afterSalesByOrder.get(order.orderSn) ?? [],
      tracking: order.trackingNumber === null ? null : (waybills.get(order.trackingNumber)?.facts ?? null),
    });
  }
  const assessment = assessOrders(contexts, now, policy);
  const findingsByOrder = new Map<string, Finding[]>();
  contexts.forEach((context, index) => {
    findingsByOrder.set(context.order.orderSn, assessment.findings.slice(assessment.firstOf[index], assessment.firstOf[index + 1]));
  });
  const goodsFindings = new Map<string, Finding[]>();
  for (const finding of assessment.products) {
    // Products outside `goods` joined only through a waybill: their rejected orders were not all loaded.
    if (finding.goodsId === undefined || !goods.has(finding.goodsId)) continue;
    goodsFindings.set(finding.goodsId, [...(goodsFindings.get(finding.goodsId) ?? []), finding]);
  }

  const outcome: EvaluationOutcome = {
    findingsByOrder,
    orders: new Map(),
    products: [],
    waybills,
    changes: [],
    opened: 0,
    closed: 0,
  };
  for (const order of current.values()) {
    const findings = (findingsByOrder.get(order.orderSn) ?? []).sort(compareFindings);
    const reconciled = reconcileFindings(order.findings, findings, now, { shopId, orderSn: order.orderSn });
    outcome.changes.push(...reconciled.changes);
    outcome.opened += reconciled.opened;
    outcome.closed += reconciled.closed;
    // The place in the at-risk index also moves with the amount (an anomaly's place), which comes with the facts.
    const risk = riskOf(reconciled.findings, order.facts.orderAmountCents);
    const moved = risk.riskRank !== order.riskRank || risk.nextDueAt !== order.nextDueAt;
    outcome.orders.set(order.orderSn, {
      order:
        reconciled.changed || moved
          ? {
              ...order,
              findings: reconciled.findings,
              openKindTags: openKindTags(shopId, reconciled.findings),
              ...risk,
              pickupDueAt: openPickupDueAt(reconciled.findings),
            }
          : order,
      findingsChanged: reconciled.changed,
    });
  }
  await reconcileProducts(db, shopId, goods, goodsFindings, now, outcome);
  return outcome;
}

/** Product findings of every product whose rejected orders were all loaded. */
async function reconcileProducts(
  db: SentinelDb,
  shopId: string,
  goods: ReadonlySet<string>,
  goodsFindings: ReadonlyMap<string, Finding[]>,
  now: number,
  outcome: EvaluationOutcome,
): Promise<void> {
  // Only products with an open finding or a new one can change: the [shopId+hasOpen] index gives the former.
  const open = await db.products.where('[shopId+hasOpen]').equals([shopId, 1]).toArray();
  const stored = new Map<string, StoredProduct>(open.map((product) => [product.goodsId, product]));
  const newlyFlagged = [...goodsFindings.keys()].filter((goodsId) => !stored.has(goodsId));
  if (newlyFlagged.length > 0) {
    for (const product of await db.products.bulkGet(newlyFlagged.map((goodsId) => [shopId, goodsId] as [string, string]))) {
      if (product !== undefined) stored.set(product.goodsId, product);
    }
  }
  for (const goodsId of goods) {
    const product = stored.get(goodsId);
    const findings = (goodsFindings.get(goodsId) ?? []).sort(compareFindings);
    if (product === undefined && findings.length === 0) continue;
    const reconciled = reconcileFindings(product?.findings ?? [], findings, now, null);
    outcome.opened += reconciled.opened;
    outcome.closed += reconciled.closed;
    if (!reconciled.changed) continue;
    outcome.products.push({
      shopId,
      goodsId,
      findings: reconciled.findings,
      hasOpen: reconciled.findings.some((record) => record.closedAt === null) ? 1 : 0,
    });
  }
}
