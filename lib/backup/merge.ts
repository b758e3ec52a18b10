// Merging a record from a backup with the one already stored. The rules are those of ingest: newer facts
// win, sighting times widen, histories are united without duplicates. Pure.
import { compareClosed, openKindTags, openPickupDueAt, riskOf } from '../ingest/reconcile-findings';
import type { FindingRecord, StoredAfterSale, StoredOrder, StoredProduct, StoredShop, StoredWaybill } from '../db/records';
import { isClosedOrder } from '../retention/closed';
import { mergeTracking } from '../tracking/status';
import type { ImportedOrder } from './validate';

/**
 * Both lists' findings, each (kind, openedAt) once; when both have it, the closed or more recently updated
 * one. A kind open in both with different opening times is one ongoing condition: the earlier stays.
 */
export function mergeFindingRecords(local: readonly FindingRecord[], incoming: readonly FindingRecord[]): FindingRecord[] {
  const byKey = new Map<string, FindingRecord>();
  for (const record of [...local, ...incoming]) {
    const key = `${record.kind}|${record.openedAt}`;
    const known = byKey.get(key);
    if (known === undefined || prefer(record, known)) byKey.set(key, record);
  }
  const openByKind = new Map<string, FindingRecord>();
  const closed: FindingRecord[] = [];
  for (const record of byKey.values()) {
    if (record.closedAt !== null) {
      closed.push(record);
      continue;
    }
    const known = openByKind.get(record.kind);
    if (known === undefined || record.openedAt < known.openedAt) openByKind.set(record.kind, record);
  }
  // Open ones in the local (urgency) order first, then any new open kinds, then the closed history by time.
  const localOrder = new Map(local.map((record, index) => [record.kind, index]));
  const open = [...openByKind.values()].sort(
    (a, b) => (localOrder.get(a.kind) ?? Number.MAX_SAFE_INTEGER) - (localOrder.get(b.kind) ?? Number.MAX_SAFE_INTEGER),
  );
  closed.sort(compareClosed);
  return [...open, ...closed];
}

function prefer(candidate: FindingRecord, known: FindingRecord): boolean {
  if ((candidate.closedAt === null) !== (known.closedAt === null)) return candidate.closedAt !== null;
  return candidate.updatedAt > known.updatedAt;
}

/** A stored order from checked fields, with every index field derived from its facts and findings. */
export function withDerivedFields(order: ImportedOrder): StoredOrder {
  return {
    ...order,
    trackingNumber: order.facts.trackingNumber,
    goodsId: order.facts.goodsId,
    closedAt: isClosedOrder(order.facts) ? order.lastSeenAt : null,
    openKindTags: openKindTags(order.shopId, order.findings),
    ...riskOf(order.findings, order.facts.orderAmountCents),
    pickupDueAt: openPickupDueAt(order.findings),
  };
}

/**
 * Each merge writes a record new to the database the way merging it with itself would: findings, tracking
 * events and derived fields in their canonical form. Storing the file's form instead made the next import
 * of the same backup canonicalize it and report every such record as updated.
 */
export function mergeOrder(known: StoredOrder | undefined, incoming: ImportedOrder): StoredOrder {
  const local = known ?? withDerivedFields(incoming);
  const newer = incoming.factsAt > local.factsAt ? incoming : local;
  const earlier = incoming.firstSeenAt < local.firstSeenAt ? incoming : local;
  return withDerivedFields({
    shopId: local.shopId,
    orderSn: local.orderSn,
    facts: newer.facts,
    factsAt: newer.factsAt,
    factsSource: newer.factsSource,
    firstSeenAt: earlier.firstSeenAt,
    firstStatusText: earlier.firstStatusText,
    firstSource: earlier.firstSource,
    lastSeenAt: Math.max(local.lastSeenAt, incoming.lastSeenAt),
    firstCheckAt: local.firstCheckAt,
    findings: mergeFindingRecords(local.findings, incoming.findings),
  });
}

export function mergeAfterSale(local: StoredAfterSale | undefined, incoming: StoredAfterSale): StoredAfterSale {
  if (local === undefined) return incoming;
  const newer = incoming.factsAt > local.factsAt ? incoming : local;
  return {
    ...newer,
    firstSeenAt: Math.min(local.firstSeenAt, incoming.firstSeenAt),
    lastSeenAt: Math.max(local.lastSeenAt, incoming.lastSeenAt),
  };
}

export function mergeWaybill(known: StoredWaybill | undefined, incoming: StoredWaybill): StoredWaybill {
  const local = known ?? incoming;
  const facts =
    local.facts === null ? incoming.facts : incoming.facts === null ? local.facts : mergeTracking(local.facts, incoming.facts);
  const newerError = (incoming.lastError?.at ?? -Infinity) > (local.lastError?.at ?? -Infinity) ? incoming : local;
  return {
    ...local,
    facts,
    status: facts?.status ?? local.status,
    lastEventAt: facts?.lastEventAt ?? local.lastEventAt,
    checkedAt: laterOf(local.checkedAt, incoming.checkedAt),
    // The local schedule is this browser's; the backup's would be stale.
    nextCheckAt: local.nextCheckAt,
    attempts: Math.max(local.attempts, incoming.attempts),
    consecutiveFailures: newerError.consecutiveFailures,
    lastError: newerError.lastError,
    firstSeenAt: Math.min(local.firstSeenAt, incoming.firstSeenAt),
  };
}

function laterOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

export function mergeProduct(local: StoredProduct | undefined, incoming: Omit<StoredProduct, 'hasOpen'>): StoredProduct {
  const findings = mergeFindingRecords(local?.findings ?? [], incoming.findings);
  return {
    shopId: incoming.shopId,
    goodsId: incoming.goodsId,
    findings,
    hasOpen: findings.some((record) => record.closedAt === null) ? 1 : 0,
  };
}

export function mergeShop(local: StoredShop | undefined, incoming: StoredShop): StoredShop {
  if (local === undefined) return incoming;
  // The name of the later capture, as the ingest keeps it; either side's when only one has a name.
  const [later, earlier] = incoming.lastCaptureAt > local.lastCaptureAt ? [incoming, local] : [local, incoming];
  const name = later.name ?? earlier.name;
  return {
    shopId: local.shopId,
    ...(name === undefined ? {} : { name }),
    firstSeenAt: Math.min(local.firstSeenAt, incoming.firstSeenAt),
    lastCaptureAt: Math.max(local.lastCaptureAt, incoming.lastCaptureAt),
  };
}
