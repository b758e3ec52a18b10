// What the popup shows, read by index: the counts of its header and chips, and one page of rows, most urgent
// first (severity, then time left, then order amount). Every read is an index range, an index count or a
// primary-key lookup; the only sort in memory is of rows already read.
import { countUnverifiedPickups, rankRange } from './at-risk';
import { openKindTag, RISK_NONE, type StoredOrder, type StoredShop, type StoredWaybill } from './records';
import type { SentinelDb } from './schema';
import { FINDING_KINDS, type FindingKind } from '../findings/registry';
import { SEVERITY_RANK, type Severity } from '../findings/severity';
import { mutedOrderKeys, orderMuteOf, type OrderMute } from '../notifications/mutes-item';
import type { Mutes } from '../notifications/types';
import { normalizeTrackingNumber } from '../pdd/order-row';

/** The severities the popup lists and counts, worst first (info is not "at risk"). */
export const LISTED_SEVERITIES = ['breached', 'critical', 'warn'] as const satisfies readonly Severity[];
export type ListedSeverity = (typeof LISTED_SEVERITIES)[number];
const LOWEST_LISTED_RANK = SEVERITY_RANK.warn;

export interface PopupQuery {
  /** Only the orders with an open finding of this kind (any severity); null: every order at warn or worse. */
  kind: FindingKind | null;
  /** Order number (prefix) or tracking number (prefix), over every stored order; empty: no search. */
  search: string;
  /** Rows in the page. */
  limit: number;
}

export interface PopupRow {
  order: StoredOrder;
  /** The tracking state of the order's parcel; null before a courier has been asked or without a number. */
  waybill: StoredWaybill | null;
  mute: OrderMute | null;
}

export interface PopupView {
  rows: PopupRow[];
  /** More rows than the page holds match. */
  more: boolean;
  /** The matching orders that are snoozed or 已处理, most urgent first (they leave the list, not the popup). */
  muted: PopupRow[];
}

/** What the popup paints with its first rows: the shops (a handful of records). */
export interface PopupHead {
  shops: StoredShop[];
  /** Newest capture of any shop; null before the first. */
  lastCaptureAt: number | null;
}

/**
 * What follows the first rows: the counts, which walk index ranges as long as what they count (per severity,
 * per kind and shop, the whole table, every open pickup clock). Read after the rows so that they do not delay
 * them; the popup reserves their space.
 */
export interface PopupCounts {
  /** Stored orders per listed severity (their worst open finding), muted or not: what the toolbar counts. */
  severities: Record<ListedSeverity, number>;
  /** Orders listed under 全部: at warn or worse and not muted. */
  listed: number;
  stored: number;
  /** Unmuted orders with an open finding of each kind; kinds with none are left out. */
  kinds: Partial<Record<FindingKind, number>>;
  unverifiedPickups: number;
}

/**
 * Most urgent first: worst severity, then the earliest due time, then the largest order amount (for orders
 * without a due time, `nextDueAt` already holds it); the row's key (shop, then order number) settles ties,
 * as it does in the index.
 */
export function compareUrgency(a: StoredOrder, b: StoredOrder): number {
  return (
    b.riskRank - a.riskRank ||
    a.nextDueAt - b.nextDueAt ||
    (b.facts.orderAmountCents ?? 0) - (a.facts.orderAmountCents ?? 0) ||
    (a.shopId < b.shopId ? -1 : a.shopId > b.shopId ? 1 : a.orderSn < b.orderSn ? -1 : a.orderSn > b.orderSn ? 1 : 0)
  );
}

export async function readPopupHead(db: SentinelDb): Promise<PopupHead> {
  const shops = await db.shops.toArray();
  return { shops, lastCaptureAt: shops.length === 0 ? null : Math.max(...shops.map((shop) => shop.lastCaptureAt)) };
}

/** Index counts: per severity over [riskRank+nextDueAt], per kind over openKindTags, less the muted orders (read by key from the mutes). */
export async function readPopupCounts(db: SentinelDb, mutes: Mutes, now: number): Promise<PopupCounts> {
  return db.transaction('r', [db.orders, db.shops], async () => {
    const shops = await db.shops.toCollection().primaryKeys();
    const kindTags = shops.flatMap((shopId) => FINDING_KINDS.map((kind) => ({ kind, tag: openKindTag(shopId, kind) })));
    const [severityCounts, stored, kindCounts, muted, unverifiedPickups] = await Promise.all([
      Promise.all(LISTED_SEVERITIES.map((severity) => rankRange(db, null, SEVERITY_RANK[severity], SEVERITY_RANK[severity]).count())),
      db.orders.count(),
      Promise.all(kindTags.map(({ tag }) => db.orders.where('openKindTags').equals(tag).count())),
      readMutedOrders(db, mutes, now),
      countUnverifiedPickups(db),
    ]);
    const kinds: Partial<Record<FindingKind, number>> = {};
    kindTags.forEach(({ kind }, index) => {
      if (kindCounts[index]! > 0) kinds[kind] = (kinds[kind] ?? 0) + kindCounts[index]!;
    });
    for (const order of muted) {
      for (const tag of order.openKindTags) {
        const kind = tag.slice(tag.indexOf('|') + 1) as FindingKind;
        if (kinds[kind] !== undefined) kinds[kind] -= 1;
      }
    }
    for (const kind of Object.keys(kinds) as FindingKind[]) if (kinds[kind] === 0) delete kinds[kind];
    const severities = Object.fromEntries(LISTED_SEVERITIES.map((severity, index) => [severity, severityCounts[index]!])) as Record<ListedSeverity, number>;
    const total = severityCounts.reduce((sum, count) => sum + count, 0);
    const listed = total - muted.filter((order) => order.riskRank >= LOWEST_LISTED_RANK).length;
    return { severities, listed, stored, kinds, unverifiedPickups };
  });
}

/** One page of rows for a query, with the muted orders it matches and each row's waybill. */
export async function readPopupView(db: SentinelDb, query: PopupQuery, mutes: Mutes, now: number): Promise<PopupView> {
  return db.transaction('r', [db.orders, db.shops, db.waybills], async () => {
    const isMuted = (order: StoredOrder) => orderMuteOf(mutes, order, now) !== null;
    const search = query.search.trim();
    const matches = (order: StoredOrder) =>
      (query.kind === null ? search !== '' || order.riskRank >= LOWEST_LISTED_RANK : order.openKindTags.includes(openKindTag(order.shopId, query.kind))) &&
      (search === '' || matchesSearch(order, search));
    const [page, muted] = await Promise.all([
      search !== ''
        ? searchOrders(db, search, query, isMuted)
        : query.kind !== null
          ? ordersOfKind(db, query.kind, query.limit, isMuted)
          : atRiskPage(db, query.limit, isMuted, mutedOrderKeys(mutes, now).length),
      readMutedOrders(db, mutes, now).then((orders) => orders.filter(matches).sort(compareUrgency)),
    ]);
    const rows = page.orders.slice(0, query.limit);
    const waybills = await readWaybills(db, [...rows, ...muted]);
    const row = (order: StoredOrder): PopupRow => ({
      order,
      waybill: order.trackingNumber === null ? null : (waybills.get(`${order.shopId}|${order.trackingNumber}`) ?? null),
      mute: orderMuteOf(mutes, order, now),
    });
    return { rows: rows.map(row), more: page.more, muted: muted.map(row) };
  });
}

interface Page {
  /** Sorted by urgency; may hold more than the limit. */
  orders: StoredOrder[];
  more: boolean;
}

/**
 * 全部: the [riskRank+nextDueAt] index orders by severity, then time left (an order without a due time by its
 * amount), then by key. The severities' ranges are read at once, each as long as the page could need (getAll,
 * many times faster than a cursor), and the muted orders dropped afterwards: at most `mutedCount` more rows.
 * Orders with the same due time are ordered by amount, which the index does not know: when the page ends
 * inside such a group, the group is read whole before the page is cut.
 */
async function atRiskPage(db: SentinelDb, limit: number, isMuted: (order: StoredOrder) => boolean, mutedCount: number): Promise<Page> {
  const ranges = await Promise.all(
    LISTED_SEVERITIES.map((severity) => rankRange(db, null, SEVERITY_RANK[severity], SEVERITY_RANK[severity]).limit(limit + 1 + mutedCount).toArray()),
  );
  const walked = ranges.flat().filter((order) => !isMuted(order)).slice(0, limit + 1);
  if (walked.length <= limit) return { orders: walked.sort(compareUrgency), more: false };
  const last = walked[limit - 1]!;
  const first = walked[limit]!;
  if (first.riskRank !== last.riskRank || first.nextDueAt !== last.nextDueAt) return { orders: walked.slice(0, limit).sort(compareUrgency), more: true };
  const before = walked.filter((order) => order.riskRank > last.riskRank || (order.riskRank === last.riskRank && order.nextDueAt < last.nextDueAt));
  const tied = (await db.orders.where('[riskRank+nextDueAt]').equals([last.riskRank, last.nextDueAt]).toArray()).filter((order) => !isMuted(order));
  return { orders: [...before, ...tied].sort(compareUrgency), more: true };
}

/** One chip: the orders with an open finding of the kind, in every shop (the open-kind index). */
async function ordersOfKind(db: SentinelDb, kind: FindingKind, limit: number, isMuted: (order: StoredOrder) => boolean): Promise<Page> {
  const shops = await db.shops.toCollection().primaryKeys();
  const read = await db.orders
    .where('openKindTags')
    .anyOf(shops.map((shopId) => openKindTag(shopId, kind)))
    .toArray();
  const orders = read.filter((order) => !isMuted(order));
  return { orders: orders.sort(compareUrgency), more: orders.length > limit };
}

/** From this many characters a search also matches the end of a number: merchants often have its last digits. */
export const SUFFIX_SEARCH_MIN = 4;

/**
 * Order numbers by prefix ([shopId+orderSn]) and tracking numbers by prefix ([shopId+trackingNumber]), in every
 * shop, any state: a merchant looks an order up whether or not it is at risk. A tracking number is looked up
 * the way it is stored (normalizeTrackingNumber: no spaces, upper case). A search of SUFFIX_SEARCH_MIN
 * characters or more also matches the numbers' ends, through the keys of the same two indexes (no record is
 * read until one matches).
 */
async function searchOrders(db: SentinelDb, search: string, query: PopupQuery, isMuted: (order: StoredOrder) => boolean): Promise<Page> {
  const shops = await db.shops.toCollection().primaryKeys();
  const trackingPrefix = normalizeTrackingNumber(search);
  const prefixRead = (index: string, shopId: string, prefix: string) => db.orders.where(index).between([shopId, prefix], [shopId, prefix + '\uffff'], true, true);
  const reads = shops.flatMap((shopId) => [
    prefixRead('[shopId+orderSn]', shopId, search),
    ...(trackingPrefix === null ? [] : [prefixRead('[shopId+trackingNumber]', shopId, trackingPrefix)]),
  ]);
  const found = new Map<string, StoredOrder>();
  const [prefixed, suffixed] = await Promise.all([
    Promise.all(reads.map((read) => read.limit(query.limit + 1).toArray())),
    search.length >= SUFFIX_SEARCH_MIN ? ordersEndingWith(db, search, trackingPrefix, query.limit + 1) : [],
  ]);
  for (const order of [...prefixed.flat(), ...suffixed]) found.set(`${order.shopId}|${order.orderSn}`, order);
  const orders = [...found.values()].filter(
    (order) => !isMuted(order) && (query.kind === null || order.openKindTags.includes(openKindTag(order.shopId, query.kind))),
  );
  return { orders: orders.sort(compareUrgency), more: orders.length > query.limit };
}

/** Up to `limit` orders whose number, or whose tracking number, ends with the search: each index read once, its keys only, until enough match. */
async function ordersEndingWith(db: SentinelDb, orderSuffix: string, trackingSuffix: string | null, limit: number): Promise<StoredOrder[]> {
  const matches: Array<[string, string]> = [];
  const enough = () => matches.length >= limit;
  // The primary keys in one request; the tracking index by cursor, which gives each key with its order's key.
  for (const key of await db.orders.toCollection().primaryKeys()) {
    if (enough()) break;
    if (key[1].endsWith(orderSuffix)) matches.push(key);
  }
  if (trackingSuffix !== null && !enough()) {
    await db.orders
      .orderBy('[shopId+trackingNumber]')
      .until(enough)
      .eachKey((key, cursor) => {
        if ((key as [string, string])[1].endsWith(trackingSuffix)) matches.push(cursor.primaryKey);
      });
  }
  return (await db.orders.bulkGet(matches.slice(0, limit))).filter((order): order is StoredOrder => order !== undefined);
}

function matchesSearch(order: StoredOrder, search: string): boolean {
  const tracking = normalizeTrackingNumber(search);
  const ends = search.length >= SUFFIX_SEARCH_MIN;
  const matches = (number: string, part: string) => number.startsWith(part) || (ends && number.endsWith(part));
  return matches(order.orderSn, search) || (tracking !== null && order.trackingNumber !== null && matches(order.trackingNumber, tracking));
}

/** The orders the mutes name that are muted now and still have something open. */
async function readMutedOrders(db: SentinelDb, mutes: Mutes, now: number): Promise<StoredOrder[]> {
  const keys = mutedOrderKeys(mutes, now);
  if (keys.length === 0) return [];
  const orders = await db.orders.bulkGet(keys);
  return orders.filter((order): order is StoredOrder => order !== undefined && order.riskRank !== RISK_NONE && orderMuteOf(mutes, order, now) !== null);
}

async function readWaybills(db: SentinelDb, orders: readonly StoredOrder[]): Promise<Map<string, StoredWaybill>> {
  const keys = orders.flatMap((order): Array<[string, string]> => (order.trackingNumber === null ? [] : [[order.shopId, order.trackingNumber]]));
  const waybills = await db.waybills.bulkGet(keys);
  return new Map(waybills.flatMap((waybill) => (waybill === undefined ? [] : [[`${waybill.shopId}|${waybill.trackingNumber}`, waybill] as const])));
}
