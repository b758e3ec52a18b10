// Deciding what a freshly captured order means for the stored one: new, newer, the same, or older
// (and then ignored), and which changes to record in its history. Pure: no database access.
import type { CapturedEndpoint } from '../capture/capture';
import type { OrderFacts } from '../facts/facts';
import { noDuePlace, RISK_NONE, type ChangeCategory, type ChangeValue, type StoredChange, type StoredOrder } from '../db/records';
import { isClosedOrder } from '../retention/closed';

/**
 * Which history category each fact belongs to; null for facts whose changes are not worth a history line.
 * Typed over every OrderFacts key so that a new fact cannot be forgotten here.
 */
const FIELD_CATEGORY: Record<keyof OrderFacts, ChangeCategory | null> = {
  orderSn: null,
  state: 'status',
  refunded: 'status',
  statusText: 'status',
  riskHold: 'status',
  orderAt: 'order',
  promiseShipAt: 'shipping',
  shippedAt: 'shipping',
  urgedAt: 'shipping',
  receivedAt: 'shipping',
  trackingNumber: 'shipping',
  shippingId: 'shipping',
  courierName: 'shipping',
  shippingDelayAllowed: 'shipping',
  noLogistics: 'shipping',
  noNeedShip: 'shipping',
  goodsId: 'order',
  goodsName: 'order',
  afterSalesStatus: 'after_sale',
  afterSalesId: 'after_sale',
  provinceName: 'order',
  cityName: 'order',
  // A hash: a change is not something a merchant can read; the destination fields above carry the meaning.
  receiverKey: null,
  // What a courier query needs, not something that happened to the order.
  phoneTail: null,
  orderAmountCents: 'order',
};

const FACT_KEYS = Object.keys(FIELD_CATEGORY) as Array<keyof OrderFacts>;

/** The facts whose changes go into an order's history (and so can appear on its timeline). */
export const RECORDED_FIELDS: ReadonlyArray<keyof OrderFacts> = FACT_KEYS.filter((key) => FIELD_CATEGORY[key] !== null);

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

export function sameFacts(a: OrderFacts, b: OrderFacts): boolean {
  return FACT_KEYS.every((key) => sameValue(a[key], b[key]));
}

/**
 * orderDetail answers in a different shape from the list and may lack fields the list had. A null in a
 * detail capture therefore means "not in this response", not "cleared", and keeps the stored value.
 */
export function mergeDetailFacts(previous: OrderFacts, detail: OrderFacts): OrderFacts {
  const merged = { ...detail } as Record<keyof OrderFacts, unknown>;
  for (const key of FACT_KEYS) {
    if (merged[key] === null && previous[key] !== null) merged[key] = previous[key];
  }
  return merged as unknown as OrderFacts;
}

export type OrderUpdate =
  /** The stored facts are newer than this capture: nothing is written. */
  | { kind: 'stale'; stored: StoredOrder }
  /** Same capture (or an identical one at the same time) again: nothing is written. */
  | { kind: 'unchanged'; stored: StoredOrder }
  /** Same facts seen at a later time: only the sighting times move. */
  | { kind: 'seen'; next: StoredOrder }
  | { kind: 'new' | 'changed'; next: StoredOrder; changes: StoredChange[] };

export function planOrderUpdate(
  shopId: string,
  previous: StoredOrder | undefined,
  captured: OrderFacts,
  capturedAt: number,
  source: CapturedEndpoint,
): OrderUpdate {
  if (previous === undefined) {
    // No history line for the first sighting: the row itself says when and how it was first seen.
    return { kind: 'new', next: newStoredOrder(shopId, captured, capturedAt, source), changes: [] };
  }
  // Strictly older: an equal time is the same capture again (or one taken at the same instant), which the
  // comparison below turns into a no-op when it carries the same facts.
  if (capturedAt < previous.factsAt) return { kind: 'stale', stored: previous };

  const facts = source === 'orderDetail' ? mergeDetailFacts(previous.facts, captured) : captured;
  if (sameFacts(previous.facts, facts)) {
    if (capturedAt === previous.factsAt) return { kind: 'unchanged', stored: previous };
    return { kind: 'seen', next: withSighting(previous, previous.facts, capturedAt, previous.factsSource) };
  }

  const changes: StoredChange[] = [];
  for (const key of FACT_KEYS) {
    const category = FIELD_CATEGORY[key];
    if (category === null || sameValue(previous.facts[key], facts[key])) continue;
    changes.push({
      shopId,
      orderSn: previous.orderSn,
      at: capturedAt,
      field: key,
      category,
      from: previous.facts[key] as ChangeValue,
      to: facts[key] as ChangeValue,
      source,
    });
  }
  return { kind: 'changed', next: withSighting(previous, facts, capturedAt, source), changes };
}

function newStoredOrder(shopId: string, facts: OrderFacts, capturedAt: number, source: CapturedEndpoint): StoredOrder {
  return {
    shopId,
    orderSn: facts.orderSn,
    facts,
    factsAt: capturedAt,
    factsSource: source,
    firstSeenAt: capturedAt,
    firstStatusText: facts.statusText,
    firstSource: source,
    lastSeenAt: capturedAt,
    trackingNumber: facts.trackingNumber,
    goodsId: facts.goodsId,
    closedAt: isClosedOrder(facts) ? capturedAt : null,
    firstCheckAt: null,
    findings: [],
    openKindTags: [],
    riskRank: RISK_NONE,
    nextDueAt: noDuePlace(facts.orderAmountCents),
    pickupDueAt: null,
  };
}

function withSighting(previous: StoredOrder, facts: OrderFacts, capturedAt: number, source: CapturedEndpoint): StoredOrder {
  const lastSeenAt = Math.max(previous.lastSeenAt, capturedAt);
  return {
    ...previous,
    facts,
    factsAt: capturedAt,
    factsSource: source,
    lastSeenAt,
    trackingNumber: facts.trackingNumber,
    goodsId: facts.goodsId,
    // Retention counts from the last sighting of a closed order, so an order still shown is never pruned.
    closedAt: isClosedOrder(facts) ? lastSeenAt : null,
  };
}
