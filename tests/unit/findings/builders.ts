// Facts for rule tests: a realistic default order, overridden field by field. Times are Shanghai wall
// times so a table reads like the console, whatever zone the suite runs in.
import type { AfterSaleFacts, OrderFacts, TrackingEvent, TrackingFacts, TrackingStatus } from '../../../lib/facts/facts';
import { assessShop, type OrderContext } from '../../../lib/findings/assess';
import { DEFAULT_POLICY, type Policy } from '../../../lib/findings/policy';
import type { Finding, FindingByKind, FindingKind } from '../../../lib/findings/registry';
import type { Severity } from '../../../lib/findings/severity';
import { parseShanghaiLocal } from '../../../lib/time/parse';
import { HOUR_MS } from '../../../lib/time/shanghai';
import { completeTracking, orderEvents, type TrackingReading } from '../../../lib/tracking/status';

export const H = HOUR_MS;
export const S = 1000;
export const D = 24 * H;
export const P = DEFAULT_POLICY;

// The band tables of the ship-by and reply clocks, with each boundary exactly, one second inside and one out.
export const SHIP_AND_REPLY_BANDS: Array<[string, number, Severity]> = [
  ['12 h + 1 s left', 12 * H + S, 'info'],
  ['exactly 12 h left', 12 * H, 'warn'],
  ['2 h + 1 s left', 2 * H + S, 'warn'],
  ['exactly 2 h left', 2 * H, 'critical'],
  ['1 s left', S, 'critical'],
  ['at dueAt', 0, 'critical'],
  ['1 s after dueAt', -S, 'breached'],
  ['3 days after dueAt', -3 * D, 'breached'],
];

export function sh(text: string): number {
  const ms = parseShanghaiLocal(text);
  if (ms === null) throw new Error(`bad test time ${text}`);
  return ms;
}

export const NOW = sh('2026-11-20 10:00:00');

export function order(overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    orderSn: '261118-100000000000001',
    state: 'unshipped',
    refunded: false,
    statusText: '待发货',
    orderAt: NOW - 30 * H,
    promiseShipAt: NOW + 18 * H,
    shippedAt: null,
    urgedAt: null,
    receivedAt: null,
    trackingNumber: null,
    shippingId: null,
    courierName: null,
    goodsId: '800000001',
    goodsName: '测试商品 保温杯 500ml',
    afterSalesStatus: null,
    afterSalesId: null,
    riskHold: false,
    noLogistics: false,
    noNeedShip: false,
    shippingDelayAllowed: false,
    provinceName: '江苏省',
    cityName: '苏州市',
    receiverKey: 'r-000000000001',
    orderAmountCents: 2990,
    ...overrides,
  };
}

/** A shipped order: uploaded `hoursAgo` before NOW, courier 中通. */
export function shipped(hoursAgo: number, overrides: Partial<OrderFacts> = {}): OrderFacts {
  return order({
    state: 'shipped',
    statusText: '已发货，待收货',
    shippedAt: NOW - hoursAgo * H,
    promiseShipAt: NOW - hoursAgo * H + 10 * H,
    trackingNumber: 'ZT000000000001',
    shippingId: 115,
    courierName: '中通快递',
    ...overrides,
  });
}

/** A shipped order numbered `261117-2000000000000<n>` (a shop of several orders). */
export function withSn(n: number, overrides: Partial<OrderFacts> = {}): OrderFacts {
  return shipped(60, { orderSn: `261117-2000000000000${String(n).padStart(2, '0')}`, ...overrides });
}

export function event(at: number, text: string, status: TrackingStatus | null, area: string | null = null): TrackingEvent {
  return { at, text, area, status, code: null };
}

/** A trace as a normalizer would build it; `status` stands for the provider's code. */
export function trace(
  status: TrackingStatus | null,
  events: TrackingEvent[],
  overrides: Partial<Omit<TrackingReading, 'events'>> = {},
): TrackingFacts {
  return completeTracking(
    {
      trackingNumber: 'ZT000000000001',
      provider: 'kuaidi100',
      rawState: null,
      rawSub: null,
      events: orderEvents([...events]),
      reportedCourier: null,
      noRecord: events.length === 0 && status === null,
      providerStalled: false,
      proxySigned: false,
      destinationArea: null,
      unreadEvents: 0,
      checkedAt: NOW,
      ...overrides,
    },
    status,
  );
}

/** A parcel picked up `hoursAgo` before NOW and moving since, last scanned `lastHoursAgo` before NOW. */
export function inTransit(hoursAgo: number, lastHoursAgo: number): TrackingFacts {
  return trace('in_transit', [
    event(NOW - hoursAgo * H, '【苏州市】中通快递 苏州吴中 的业务员已揽收', 'picked_up', '江苏,苏州市'),
    event(NOW - lastHoursAgo * H, '快件已到达【无锡转运中心】', 'in_transit', '江苏,无锡市'),
  ]);
}

export function afterSale(overrides: Partial<AfterSaleFacts> = {}): AfterSaleFacts {
  return {
    id: '5000000001',
    orderSn: '261118-100000000000001',
    kind: 'refund_only',
    statusCode: null,
    statusText: '待商家处理',
    createdAt: NOW - 3 * H,
    closedAt: null,
    capturedAt: NOW,
    expireRemainMs: null,
    expireActionDesc: null,
    reasonText: '不想要了',
    actions: [],
    refundAmountCents: 2990,
    reverseTrackingNumber: null,
    ...overrides,
  };
}

/** The findings that only show across orders (duplicate numbers, rejection clusters), most urgent first. */
export function shopLevel(contexts: OrderContext[], now = NOW, policy: Policy = P): Finding[] {
  return assessShop(contexts, now, policy).filter((finding) => finding.kind === 'duplicate_tracking' || finding.kind === 'rejection_cluster');
}

export function context(o: OrderFacts, tracking: TrackingFacts | null = null, afterSales: AfterSaleFacts[] = []): OrderContext {
  return { order: o, tracking, afterSales };
}

export function only<K extends FindingKind>(findings: readonly Finding[], kind: K): FindingByKind<K> {
  const matching = findings.filter((finding): finding is FindingByKind<K> => finding.kind === kind);
  if (matching.length !== 1) throw new Error(`expected one ${kind}, got ${matching.length}: ${findings.map((f) => f.kind).join(', ')}`);
  return matching[0] as FindingByKind<K>;
}

/**
 * A finding written by hand, for tests of code that reads only some of its basis (badges, storage): the
 * basis fields not given are left out.
 */
export function stub<K extends FindingKind>(
  finding: { kind: K; severity: Severity; rule: FindingByKind<K>['rule']; dueAt?: number; orderSn?: string; goodsId?: string; basis?: Partial<FindingByKind<K>['basis']> },
): FindingByKind<K> {
  return { orderSn: '261118-000000000000001', basis: {}, ...finding } as unknown as FindingByKind<K>;
}

/** The finding of `kind` among `findings`, if any. */
export function clock<K extends FindingKind>(findings: readonly Finding[], kind: K): FindingByKind<K> | undefined {
  return findings.find((finding): finding is FindingByKind<K> => finding.kind === kind);
}

export function has(findings: readonly Finding[], kind: FindingKind): boolean {
  return findings.some((finding) => finding.kind === kind);
}

export function kindsOf(findings: readonly Finding[]): FindingKind[] {
  return findings.map((finding) => finding.kind).sort();
}
