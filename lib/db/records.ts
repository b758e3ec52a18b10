// The records the extension keeps in IndexedDB. Every key starts with the shop id, so that several shops
// in one browser never mix. No record holds a raw console row or any buyer name, phone or address: orders
// and after-sales cases are stored as their normalized facts, which have no such fields.
import type { CapturedEndpoint } from '../capture/capture';
import type { AfterSaleFacts, OrderFacts, TrackingFacts, TrackingStatus } from '../facts/facts';
import type { Finding, FindingKind } from '../findings/registry';
import type { Severity } from '../findings/severity';
import type { QueryProvider } from '../tracking/provider';

/** Shop id used when the console page did not expose one (Capture.shopId null). */
export const UNKNOWN_SHOP = 'unknown';

/** Whether the stored shops are several, so that titles and rows name theirs: UNKNOWN_SHOP does not make one shop two. */
export function severalShops(shopIds: Iterable<string>): boolean {
  let named = 0;
  for (const shopId of shopIds) if (shopId !== UNKNOWN_SHOP) named += 1;
  return named > 1;
}

/** `riskRank` of an order with no open finding. Severity ranks are ≥ 0, so this sorts below all of them. */
export const RISK_NONE = -1;

/**
 * The at-risk index orders by `riskRank`, then `nextDueAt`. IndexedDB cannot index null, so an order whose
 * open findings at its worst severity have no due time (an anomaly) needs a number too: the largest valid
 * Date less its order amount in cents. Such orders sort after every clock of their severity, the larger
 * amount first, so the popup's page of them is an index range like any other. Read due times with `dueTimeOf`.
 */
export const NO_DUE = 8_640_000_000_000_000;
/** Amounts from ¥10 billion up share the first place; no real due time comes near NO_DUE less this. */
const NO_DUE_AMOUNT_PLACES = 1_000_000_000_000;

/** `nextDueAt` of an order without a due time, placed by its amount (null: last). */
export function noDuePlace(amountCents: number | null): number {
  return NO_DUE - Math.min(Math.max(Math.round(amountCents ?? 0), 0), NO_DUE_AMOUNT_PLACES);
}

/** The due time behind `nextDueAt`; null when the order's worst findings have none. */
export function dueTimeOf(order: Pick<StoredOrder, 'nextDueAt'>): number | null {
  return order.nextDueAt >= NO_DUE - NO_DUE_AMOUNT_PLACES ? null : order.nextDueAt;
}

export type ChangeValue = string | number | boolean | null;

/**
 * A finding with its lifetime. A kind that closes and later holds again gets a new record. Findings live
 * on the row of their order (or product): writing an order and its findings is one IndexedDB request,
 * and requests, not bytes, are what a large ingest pays for.
 */
export type FindingRecord = RecordOf<Finding>;

/** The record of one kind of finding (distributed over the union, so each record keeps its kind's basis). */
type RecordOf<F extends Finding> = F extends unknown
  ? {
      kind: F['kind'];
      severity: Severity;
      /** Epoch ms, or null for an anomaly. */
      dueAt: number | null;
      rule: F['rule'];
      basis: F['basis'];
      openedAt: number;
      /** Null while the finding holds. */
      closedAt: number | null;
      updatedAt: number;
    }
  : never;

export interface StoredOrder {
  shopId: string;
  orderSn: string;
  facts: OrderFacts;
  /** Capture time of the facts: a capture older than this never overwrites them. */
  factsAt: number;
  factsSource: CapturedEndpoint;
  firstSeenAt: number;
  /** The console's status wording when the order was first seen (later ones are in its changes). */
  firstStatusText: string;
  firstSource: CapturedEndpoint | 'import';
  lastSeenAt: number;
  /** Copies of facts fields that indexes need (Dexie indexes cannot reach into `facts` with compound keys). */
  trackingNumber: string | null;
  goodsId: string | null;
  /** Last capture time at which the order was closed (received, cancelled or refunded); null while open. */
  closedAt: number | null;
  /**
   * When to ask a courier provider about this order's parcel for the first time; null once its waybill
   * has a row (which then holds the schedule) or when it needs no tracking. Keeping the first check here
   * saves a waybill write per order in a large capture: writes are counted in requests.
   */
  firstCheckAt: number | null;
  /** Every finding the order has had, open ones (closedAt null) most urgent first, then closed ones. */
  findings: FindingRecord[];
  /** `<shopId>|<kind>` of each open finding (a multiEntry index: "the shop's orders with an open X"). */
  openKindTags: string[];
  /** SEVERITY_RANK of the worst open finding, RISK_NONE when there is none. */
  riskRank: number;
  /** Earliest due time among the open findings at the worst severity; when none has one, `noDuePlace` of the amount. */
  nextDueAt: number;
  /**
   * Due time of the open pickup_by finding (揽收截止, no pickup scan seen yet); null when none is open, so
   * the index holds only the orders on a pickup clock: from `now` on, the pickup deadlines still ahead,
   * nearest first, which the poller asks about before anything else (lib/ingest/due-checks.ts).
   */
  pickupDueAt: number | null;
}

/** Findings about a product rather than one order (rejection_cluster). */
export interface StoredProduct {
  shopId: string;
  goodsId: string;
  findings: FindingRecord[];
  /** 1 while any finding is open (IndexedDB cannot index booleans). */
  hasOpen: 0 | 1;
}

export type ChangeCategory = 'order' | 'status' | 'shipping' | 'after_sale' | 'finding';

/** One observed change, kept with the capture time at which it was first seen. */
export interface StoredChange {
  shopId: string;
  orderSn: string;
  /** When the change was first seen: the capture time for facts, the evaluation time for findings. */
  at: number;
  /** An OrderFacts field name, `after_sale:<caseId>:<field>` or `finding:<kind>`. */
  field: string;
  category: ChangeCategory;
  from: ChangeValue;
  to: ChangeValue;
  source: CapturedEndpoint | 'tracking' | 'evaluation' | 'import';
}

export interface StoredAfterSale {
  shopId: string;
  /** After-sales case id. */
  id: string;
  orderSn: string;
  facts: AfterSaleFacts;
  factsAt: number;
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface WaybillError {
  at: number;
  message: string;
  /** The provider normalizer's advice (TrackingResult). */
  retry: 'never' | 'later' | 'backoff';
}

/** Tracking state of one waybill of one shop. */
export interface StoredWaybill {
  shopId: string;
  trackingNumber: string;
  /** Merged tracking facts (with their events: the rules read them); null until a provider has answered. */
  facts: TrackingFacts | null;
  status: TrackingStatus;
  lastEventAt: number | null;
  checkedAt: number | null;
  /** When the poller should ask a provider next; null when it should not (terminal, or nothing to ask). */
  nextCheckAt: number | null;
  /** Provider answers and errors received, in total. */
  attempts: number;
  /** Provider errors since the last good answer. */
  consecutiveFailures: number;
  lastError: WaybillError | null;
  firstSeenAt: number;
  /**
   * Send times (epoch ms) of the poller's queries, oldest first, at most POLL_LIMITS.maxPerWindow kept:
   * each is written before its request goes out, so the 30-minute gap and the 48-in-24-h cap hold across
   * worker restarts.
   */
  queryTimes: number[];
  /** What the waybill waits for before a provider may be asked (a 顺丰/中通 phone tail, a courier code); null: nothing. */
  needsInput: WaybillInput | null;
  /** The provider the poller asked last; null before its first query. */
  lastProvider: QueryProvider | null;
}

export type WaybillInput = 'phone_tail' | 'courier';

export function emptyWaybill(shopId: string, trackingNumber: string, now: number, nextCheckAt: number | null): StoredWaybill {
  return {
    shopId,
    trackingNumber,
    facts: null,
    status: 'unknown',
    lastEventAt: null,
    checkedAt: null,
    nextCheckAt,
    attempts: 0,
    consecutiveFailures: 0,
    lastError: null,
    firstSeenAt: now,
    queryTimes: [],
    needsInput: null,
    lastProvider: null,
  };
}

/** A tracking event, stored once however many replies repeat it. */
export interface StoredTrackingEvent {
  shopId: string;
  trackingNumber: string;
  at: number;
  /** Short hash of the text: with `at` it identifies the event. */
  textKey: string;
  text: string;
  area: string | null;
  status: TrackingStatus | null;
  code: string | null;
  firstSeenAt: number;
}

/** One notification the extension showed. Titles and bodies are built from facts and never hold buyer PII. */
export interface StoredNotification {
  shopId: string;
  orderSn: string | null;
  /** The planner's dedupe key of the notification, or of one item it covers (`lead:ship_by:4:<orderSn>`). */
  key: string;
  sentAt: number;
  kind: FindingKind | null;
  severity: Severity | null;
  title: string;
  body: string;
  /**
   * The notification's own row only: every order it names (one order's detail page, or the list for a
   * digest, is what a click opens). Absent on the rows of the items it covers and on older rows.
   */
  orderSns?: string[];
}

export interface StoredShop {
  shopId: string;
  /** The name the console showed with the newest capture that named one; absent until then (not indexed). */
  name?: string;
  firstSeenAt: number;
  lastCaptureAt: number;
}

/** What the merchant calls a shop: its name once the console showed one, else its id. */
export const shopLabelOf = (shop: Pick<StoredShop, 'shopId' | 'name'>): string => shop.name ?? shop.shopId;

export interface StoredMeta {
  key: string;
  value: unknown;
}

export const openKindTag = (shopId: string, kind: FindingKind): string => `${shopId}|${kind}`;

/** The findings of an order (or product) that hold now, most urgent first. */
export function openFindingsOf(subject: { findings: readonly FindingRecord[] }): FindingRecord[] {
  return subject.findings.filter((record) => record.closedAt === null);
}
