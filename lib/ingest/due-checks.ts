// Which parcels the poller should consider now, as the scheduler's candidates: waybills whose next check
// is due, and parcels never asked about yet (queued on their orders, see StoredOrder.firstCheckAt). One
// function, so the poller does not need to know that the queue has two halves. Each candidate carries
// what the scheduler weighs (its orders' clocks and states, the waybill's query history) and what a
// query needs (courier, phone tail, destination).
import type { TrackingStatus } from '../facts/facts';
import { openFindingsOf, openKindTag, type StoredOrder, type StoredWaybill } from '../db/records';
import type { SentinelDb } from '../db/schema';
import type { PollCandidate } from '../polling/schedule';
import { isClosedOrder } from '../retention/closed';
import type { TrackingQuery } from '../tracking/provider';
import { STATUS_RANK, isPickedUp } from '../tracking/status-rank';

export interface DueParcel extends PollCandidate {
  /** The query to send, from the orders carrying the parcel. */
  query: TrackingQuery;
  /** Its waybill row; null for a parcel never asked about. */
  waybill: StoredWaybill | null;
}

export interface DueOptions {
  /** At most this many from each read of the queue (twice as many orders of the first-check queue). */
  limit: number;
  /** 寄件人手机后四位 from settings: the phone tail of a parcel whose order has none of its own. */
  senderPhoneTail: string | null;
}

/**
 * The phone tail section D reads from the order's virtual number (`主号-分机`), an optional fact: absent
 * until that lands, and on orders captured before it.
 */
function orderPhoneTail(order: StoredOrder): string | null {
  return (order.facts as { phoneTail?: string | null }).phoneTail ?? null;
}

/** The scheduler's view of one parcel, from its waybill (null before the first query) and every order carrying it. */
export function dueParcelOf(
  shopId: string,
  trackingNumber: string,
  waybill: StoredWaybill | null,
  holders: readonly StoredOrder[],
  dueAt: number,
  senderPhoneTail: string | null,
): DueParcel {
  let shippedAt: number | null = null;
  let pickupDueAt: number | null = null;
  let interceptOpen = false;
  let orderOpen = false;
  let phoneTail: string | null = null;
  for (const order of holders) {
    const { facts } = order;
    if (facts.shippedAt !== null && (shippedAt === null || facts.shippedAt < shippedAt)) shippedAt = facts.shippedAt;
    if (!isClosedOrder(facts)) orderOpen = true;
    phoneTail ??= orderPhoneTail(order);
    if (order.pickupDueAt !== null && (pickupDueAt === null || order.pickupDueAt < pickupDueAt)) pickupDueAt = order.pickupDueAt;
    if (openFindingsOf(order).some((finding) => finding.kind === 'intercept_parcel')) interceptOpen = true;
  }
  phoneTail ??= senderPhoneTail;
  const first = holders[0]?.facts;
  return {
    shopId,
    trackingNumber,
    status: waybill?.status ?? 'unknown',
    read: (waybill?.facts ?? null) !== null,
    shippedAt,
    lastEventAt: waybill?.lastEventAt ?? null,
    orderOpen,
    pickupDueAt,
    interceptOpen,
    queryTimes: waybill?.queryTimes ?? [],
    consecutiveFailures: waybill?.consecutiveFailures ?? 0,
    // A missing phone tail is known again once one exists (the sender tail set, or the order's own).
    needsInput: waybill?.needsInput === 'phone_tail' && phoneTail !== null ? null : (waybill?.needsInput ?? null),
    dueAt,
    query: {
      trackingNumber,
      shippingId: first?.shippingId ?? null,
      courierName: first?.courierName ?? null,
      phoneTail,
      shippedAt,
      provinceName: first?.provinceName ?? null,
      cityName: first?.cityName ?? null,
    },
    waybill,
  };
}

/** Statuses before the first pickup scan: a waybill in one of them may still be on its pickup clock. */
const BEFORE_PICKUP = (Object.keys(STATUS_RANK) as TrackingStatus[]).filter((status) => !isPickedUp(status));

/**
 * Due parcels (not yet filtered by the scheduler's limits), at most `limit` from each read. Read oldest due
 * first alone, a backlog (a daily budget below what the shop's parcels need) would hide the parcels the
 * scheduler ranks first (lib/polling/schedule.ts, `urgency`) whenever their check came due recently — and
 * the oldest due on a pickup clock are the parcels whose deadline has already passed. So beside the oldest
 * due, the parcels of the first two priorities are read by indexes of their own: pickup deadlines still
 * ahead, nearest first (StoredOrder.pickupDueAt), and refunded after shipping (the open intercept findings,
 * few at any time). The parcels asked about with no pickup seen yet ([status+nextCheckAt]) and the
 * first-check queue are read oldest due first, as before. Each read is bounded; the scheduler orders the
 * union. Stall candidates (idle for a day, which no index records) come in with the oldest due.
 */
export async function dueTrackingChecks(db: SentinelDb, now: number, options: DueOptions): Promise<DueParcel[]> {
  return db.transaction('r', [db.waybills, db.orders, db.shops], async () => {
    const { limit } = options;
    const [oldestDue, beforePickup, firstChecks, intercepts, upcoming] = await Promise.all([
      db.waybills.where('nextCheckAt').belowOrEqual(now).limit(limit).toArray(),
      Promise.all(
        BEFORE_PICKUP.map((status) =>
          db.waybills.where('[status+nextCheckAt]').between([status, -Infinity], [status, now], true, true).limit(limit).toArray(),
        ),
      ),
      // Several orders can share a parcel: read a few more than needed before deduplicating.
      db.orders.where('firstCheckAt').belowOrEqual(now).limit(limit * 2).toArray(),
      openInterceptOrders(db, limit),
      upcomingPickups(db, now, limit),
    ]);
    const tracked = intercepts.filter((order): order is StoredOrder & { trackingNumber: string } => order.trackingNumber !== null);
    const interceptWaybills = await db.waybills.bulkGet(tracked.map((order): [string, string] => [order.shopId, order.trackingNumber]));
    // An intercept without a waybill row is still in the first-check queue (with its own firstCheckAt).
    const neverAsked = tracked.filter((_, index) => interceptWaybills[index] === undefined);
    const due = new Map<string, { shopId: string; trackingNumber: string; dueAt: number; waybill: StoredWaybill | null }>();
    for (const order of [...firstChecks, ...neverAsked, ...upcoming.neverAsked]) {
      if (order.trackingNumber === null || order.firstCheckAt === null || order.firstCheckAt > now) continue;
      const key = `${order.shopId}|${order.trackingNumber}`;
      const known = due.get(key);
      if (known !== undefined && known.dueAt <= order.firstCheckAt) continue;
      due.set(key, { shopId: order.shopId, trackingNumber: order.trackingNumber, dueAt: order.firstCheckAt, waybill: null });
    }
    for (const waybill of [...oldestDue, ...beforePickup.flat(), ...interceptWaybills, ...upcoming.waybills]) {
      if (waybill === undefined || waybill.nextCheckAt === null || waybill.nextCheckAt > now) continue;
      // A waybill row holds the schedule; an order still queued for a first check of it is stale.
      due.set(`${waybill.shopId}|${waybill.trackingNumber}`, {
        shopId: waybill.shopId,
        trackingNumber: waybill.trackingNumber,
        dueAt: waybill.nextCheckAt,
        waybill,
      });
    }
    const entries = [...due.values()];
    const holders = await Promise.all(
      entries.map(({ shopId, trackingNumber }) => db.orders.where('[shopId+trackingNumber]').equals([shopId, trackingNumber]).toArray()),
    );
    return entries
      .map((entry, index) => dueParcelOf(entry.shopId, entry.trackingNumber, entry.waybill, holders[index]!, entry.dueAt, options.senderPhoneTail))
      .sort((a, b) => a.dueAt - b.dueAt);
  });
}

/** Open orders with an open intercept_parcel finding, in every shop (a refunded order is not polled, so it takes no place). */
async function openInterceptOrders(db: SentinelDb, limit: number): Promise<StoredOrder[]> {
  const shops = await db.shops.toCollection().primaryKeys();
  return db.orders
    .where('openKindTags')
    .anyOf(shops.map((shopId) => openKindTag(shopId, 'intercept_parcel')))
    .filter((order) => !isClosedOrder(order.facts))
    .limit(limit)
    .toArray();
}

/**
 * Due parcels whose pickup deadline is still ahead, nearest deadline first, at most `limit`: the never-asked
 * ones as their orders (their first check is due), the others as their waybills (their next check is due).
 * The nearest deadlines are mostly the parcels asked about within their last interval, not due again yet,
 * so the range is read page by page until `limit` due parcels are found or the deadlines run out (at most
 * the parcels uploaded within one pickup window).
 */
async function upcomingPickups(db: SentinelDb, now: number, limit: number): Promise<{ neverAsked: StoredOrder[]; waybills: StoredWaybill[] }> {
  const page = limit * 2;
  const found: { neverAsked: StoredOrder[]; waybills: StoredWaybill[] } = { neverAsked: [], waybills: [] };
  const seen = new Set<string>();
  // The range's keys once (no record read), nearest deadline first; then its orders a page at a time.
  const keys = await db.orders.where('pickupDueAt').aboveOrEqual(now).primaryKeys();
  for (let start = 0; start < keys.length && found.neverAsked.length + found.waybills.length < limit; start += page) {
    const orders = (await db.orders.bulkGet(keys.slice(start, start + page))).filter((order) => order !== undefined);
    const parcels = orders.filter((order): order is StoredOrder & { trackingNumber: string } => {
      if (order.trackingNumber === null || seen.has(`${order.shopId}|${order.trackingNumber}`)) return false;
      seen.add(`${order.shopId}|${order.trackingNumber}`);
      return true;
    });
    const rows = await db.waybills.bulkGet(parcels.map((order): [string, string] => [order.shopId, order.trackingNumber]));
    parcels.forEach((order, index) => {
      const waybill = rows[index];
      if (waybill === undefined) {
        if (order.firstCheckAt !== null && order.firstCheckAt <= now) found.neverAsked.push(order);
      } else if (waybill.nextCheckAt !== null && waybill.nextCheckAt <= now) found.waybills.push(waybill);
    });
  }
  return found;
}
