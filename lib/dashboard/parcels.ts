// What the dashboard calls a parcel, and the facts about one that the scorecard and the trends both read:
// one definition, so that the two views and the tests never count a parcel two ways.
import type { FindingRecord } from '../db/records';
import type { OrderFacts, TrackingEvent, TrackingFacts, TrackingStatus } from '../facts/facts';
import type { FindingKind } from '../findings/registry';
import { courierNameOf } from '../tracking/couriers';

/** The fields of an order row the dashboard reads (a StoredOrder has them all). */
export interface ParcelOrder {
  shopId: string;
  orderSn: string;
  trackingNumber: string | null;
  closedAt: number | null;
  facts: Pick<OrderFacts, 'shippedAt' | 'shippingId' | 'courierName' | 'noLogistics'>;
  findings: readonly FindingRecord[];
}

/** The fields of a waybill row the dashboard reads (a StoredWaybill has them all). */
export interface ParcelWaybill {
  status: TrackingStatus;
  facts: Pick<TrackingFacts, 'events' | 'pickedUpAt' | 'lastEventAt'> | null;
}

/**
 * The anomalies about the parcel itself, the ones a courier is answerable for or that show on its trace:
 * 提前上传单号, 物流停滞, 派件异常, 拒收, 退回, 轨迹与收货地不符, 单号重复, 单号无效. Not the shop's own
 * lateness (延迟发货), after-sales reasons (物流原因退款, 需拦截, 超时自动退款) or a proxy signature, which
 * is an ordinary delivery (代签, info).
 */
export const LOGISTICS_ANOMALY_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>([
  'early_upload',
  'stalled',
  'delivery_problem',
  'rejected',
  'returning',
  'destination_mismatch',
  'duplicate_tracking',
  'tracking_invalid',
]);

/**
 * An order is a parcel once it has a tracking number and its upload time (`shippedAt`), and needs
 * logistics (not 无需物流). Orders sharing one waybill (a merged shipment) are one parcel: the caller
 * counts a `parcelKey` once, with the first order read in primary-key order.
 */
export function isParcel(order: ParcelOrder): order is ParcelOrder & { trackingNumber: string; facts: { shippedAt: number } } {
  return order.trackingNumber !== null && order.facts.shippedAt !== null && !order.facts.noLogistics;
}

export function parcelKey(order: { shopId: string; trackingNumber: string | null }): string {
  return `${order.shopId}|${order.trackingNumber ?? ''}`;
}

export interface Courier {
  /** `id:<shipping_id>` when the console gave one, else `name:<its name>`, else `unknown`. */
  key: string;
  /** The courier table's name for the shipping id, else the console's own wording; null when neither is known. */
  name: string | null;
}

export function courierOf(facts: ParcelOrder['facts']): Courier {
  if (facts.shippingId !== null) return { key: `id:${facts.shippingId}`, name: courierNameOf(facts.shippingId) ?? facts.courierName };
  if (facts.courierName !== null && facts.courierName !== '') return { key: `name:${facts.courierName}`, name: facts.courierName };
  return { key: 'unknown', name: null };
}

/** The statuses whose events the functions below read. */
const READ_STATUSES: ReadonlySet<TrackingStatus> = new Set<TrackingStatus>(['delivered', 'returned', 'rejected', 'returning']);

/**
 * The part of a waybill the dashboard reads: its status, pickup and newest event, and of its events only
 * the first of each status below. Every function here gives the same answer for it as for the whole row;
 * the aggregation keeps 100,000 of these in memory instead of the waybills with all their events.
 */
export function parcelWaybill(waybill: ParcelWaybill): ParcelWaybill {
  if (waybill.facts === null) return { status: waybill.status, facts: null };
  const events: TrackingEvent[] = [];
  const seen = new Set<TrackingStatus>();
  for (const event of waybill.facts.events) {
    if (event.status === null || !READ_STATUSES.has(event.status) || seen.has(event.status)) continue;
    seen.add(event.status);
    events.push(event);
  }
  return { status: waybill.status, facts: { events, pickedUpAt: waybill.facts.pickedUpAt, lastEventAt: waybill.facts.lastEventAt } };
}

/** The first pickup scan (the tracking facts' own `pickedUpAt`: the first event at `picked_up` or later). */
export function pickedUpAtOf(waybill: ParcelWaybill | undefined): number | null {
  return waybill?.facts?.pickedUpAt ?? null;
}

/**
 * When the parcel was signed for: the first event whose status is `delivered`; when the waybill says
 * `delivered` but no event carries that status (the provider's code said so for the newest reading), its
 * newest event. Null while not delivered.
 */
export function deliveredAtOf(waybill: ParcelWaybill | undefined): number | null {
  return firstEventAt(waybill, (status) => status === 'delivered', waybill?.status === 'delivered');
}

/**
 * When the parcel's journey ended, for "in transit that day": signed for, or back with the sender (the
 * first `delivered` or `returned` event, as in `deliveredAtOf`), else the order's closing (received,
 * cancelled or refunded) when it closed without a terminal trace. Null while it is still on its way.
 */
export function journeyEndOf(order: ParcelOrder, waybill: ParcelWaybill | undefined): number | null {
  const terminal = firstEventAt(
    waybill,
    (status) => status === 'delivered' || status === 'returned',
    waybill?.status === 'delivered' || waybill?.status === 'returned',
  );
  return terminal ?? order.closedAt;
}

function firstEventAt(waybill: ParcelWaybill | undefined, matches: (status: TrackingStatus) => boolean, statusMatches: boolean): number | null {
  const facts = waybill?.facts;
  if (facts === null || facts === undefined) return null;
  for (const event of facts.events) if (event.status !== null && matches(event.status)) return event.at;
  return statusMatches ? facts.lastEventAt : null;
}

function hadFinding(order: ParcelOrder, kind: FindingKind): boolean {
  return order.findings.some((finding) => finding.kind === kind);
}

function traceShows(waybill: ParcelWaybill | undefined, statuses: readonly TrackingStatus[]): boolean {
  if (waybill === undefined) return false;
  if (statuses.includes(waybill.status)) return true;
  return waybill.facts?.events.some((event) => event.status !== null && statuses.includes(event.status)) ?? false;
}

/** Had a `stalled` finding (open or closed) at any time. */
export function wasStalled(order: ParcelOrder): boolean {
  return hadFinding(order, 'stalled');
}

/** Refused by the buyer: a `rejected` finding at any time, or the trace's status or one of its events says `rejected`. */
export function wasRejected(order: ParcelOrder, waybill: ParcelWaybill | undefined): boolean {
  return hadFinding(order, 'rejected') || traceShows(waybill, ['rejected']);
}

/** Sent back: a `returning` finding at any time, or the trace's status or one of its events says `returning` or `returned`. */
export function wasReturned(order: ParcelOrder, waybill: ParcelWaybill | undefined): boolean {
  return hadFinding(order, 'returning') || traceShows(waybill, ['returning', 'returned']);
}

/** A problem parcel: any logistics anomaly at any time, or rejected or returned by the definitions above. */
export function hadProblem(order: ParcelOrder, waybill: ParcelWaybill | undefined): boolean {
  return order.findings.some((finding) => LOGISTICS_ANOMALY_KINDS.has(finding.kind)) || wasRejected(order, waybill) || wasReturned(order, waybill);
}
