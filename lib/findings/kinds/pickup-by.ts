// pickup_by (揽收截止, R6): a courier pickup scan within 24 h of uploading the tracking number, or the
// platform judges the shipment fake (虚假发货). Before a whole trace of the parcel has been read (none yet,
// or one with events that could not be read, any of which may be the scan) nobody knows whether the
// courier scanned it: the clock is then unverified (basis.verified false) and never claims a breach, but
// it never goes quiet either — past due it stays a warn chip until a readable trace arrives.
import { hoursToMs } from '../../time/shanghai';
import { isPickedUp } from '../../tracking/status-rank';
import { clockSeverity, remainingHours } from '../bands';
import type { Severity } from '../severity';
import { FIELDS, field, unshown } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { MAX_HOURS, policyEntry } from '../policy-entry';
import { unreadEventsOf, type TrackingStatus } from '../../facts/facts';
import { isOpenOrder } from './ship-by';

export interface PickupByBasis {
  shippedAt: number;
  trackingNumber: string | null;
  pickupHours: number;
  warnHours: number;
  criticalHours: number;
  trackingStatus: TrackingStatus | null;
  /** When a trace was last read; null while none has been. */
  trackingCheckedAt: number | null;
  /** Events of the trace that could not be read (then unverified); null when there is no trace or none was unreadable. */
  unreadEvents: number | null;
  /** A whole trace of the parcel has been read (any source, a "no record" reply included); false: unverified. */
  verified: boolean;
  remainingHours: number;
}

export type PickupByFinding = OrderFindingOf<'pickup_by', 'R6', PickupByBasis>;

const PICKUP_HOURS = policyEntry({
  key: 'pickupHours',
  rule: 'R6',
  default: 24,
  unit: 'hours',
  min: 1,
  max: 24 * 30,
  confidence: 'M',
  heuristic: false,
  zh: '上传单号后多少小时内须有揽收记录',
  en: 'Hours after uploading the tracking number by which the courier must scan the pickup',
});

const PICKUP_WARN_HOURS = policyEntry({
  key: 'pickupWarnHours',
  rule: 'A4',
  default: 12,
  unit: 'hours',
  min: 0,
  max: MAX_HOURS,
  confidence: 'L',
  heuristic: true,
  zh: '揽收截止前多少小时提醒',
  en: 'Warn this many hours before the pickup deadline',
});

const PICKUP_CRITICAL_HOURS = policyEntry({
  key: 'pickupCriticalHours',
  rule: 'A4',
  default: 4,
  unit: 'hours',
  min: 0,
  max: MAX_HOURS,
  confidence: 'L',
  heuristic: true,
  zh: '揽收截止前多少小时告急',
  en: 'Critical this many hours before the pickup deadline',
});

export const pickupBy = orderKind<PickupByFinding>()({
  kind: 'pickup_by',
  type: 'clock',
  subject: 'order',
  labels: { zh: '揽收截止', en: 'Pickup scan due' },
  badge: { label: { zh: '揽收', en: 'Pickup' }, always: true },
  advice: {
    zh: '联系快递员尽快上门揽收或送到网点扫描：上传单号后24小时无揽收记录会被判虚假发货。单号填错可在24小时内修改。',
    en: 'Get the courier to pick up or scan the parcel now: no pickup scan within 24 h of upload counts as fake shipping. A wrong number can be edited within 24 h.',
  },
  unverified: {
    mark: { zh: '未核实', en: 'unverified' },
    overdue: { zh: '揽收未核实', en: 'Pickup unverified' },
    howToVerify: {
      zh: '还没有读到这个包裹完整的物流轨迹（尚未读到，或有轨迹条目无法读取），不知道快递是否已揽收。核实方法：在选项页选择查询服务（快递100或快递鸟），或在商家后台打开这个订单的物流信息。',
      en: 'No whole trace of this parcel has been read yet (none so far, or some of its events could not be read), so whether the courier scanned it is unknown. To verify: choose a query service (Kuaidi100 or Kdniao) in the options, or open this order\'s logistics in the console.',
    },
  },
  rules: {
    R6: { source: 'R6: seed 拼多多物流异常订单怎么消除 (2019)', confidence: 'M', heuristic: false, zh: '上传单号后24小时内须揽收', en: 'Pickup scan within 24 h of upload' },
    A4: { source: 'A4: Order Sentinel default', confidence: 'L', heuristic: true, zh: '揽收倒计时分级', en: 'Pickup countdown bands' },
  },
  thresholds: [PICKUP_HOURS, PICKUP_WARN_HOURS, PICKUP_CRITICAL_HOURS],
  narrowerThan: [['pickupCriticalHours', 'pickupWarnHours']],
  basis: {
    shippedAt: FIELDS.shippedAt,
    trackingNumber: FIELDS.trackingNumber,
    pickupHours: field('hours', '揽收时限', 'Pickup limit'),
    warnHours: FIELDS.warnHours,
    criticalHours: FIELDS.criticalHours,
    trackingStatus: FIELDS.trackingStatus,
    trackingCheckedAt: FIELDS.trackingCheckedAt,
    unreadEvents: field('count', '无法读取的轨迹条目', 'Trace events that could not be read'),
    verified: unshown('flag', '已读取轨迹', 'Trace read'),
    remainingHours: FIELDS.remainingHours,
  },
  evaluate({ order, tracking }, now, policy, out) {
    const shippedAt = order.shippedAt;
    if (shippedAt === null || order.noLogistics || order.state === 'received' || !isOpenOrder(order)) return;
    // A status past pickup is a pickup even when the reply carries no event time (a signed parcel's bare state).
    if (tracking !== null && (tracking.pickedUpAt !== null || isPickedUp(tracking.status))) return;
    const dueAt = shippedAt + hoursToMs(policy.pickupHours);
    const unread = tracking === null ? 0 : unreadEventsOf(tracking);
    const verified = tracking !== null && unread === 0;
    out.push({
      orderSn: order.orderSn,
      kind: 'pickup_by',
      severity: pickupSeverity(dueAt - now, verified, policy.pickupWarnHours, policy.pickupCriticalHours),
      dueAt,
      rule: 'R6',
      basis: {
        shippedAt,
        trackingNumber: order.trackingNumber,
        pickupHours: policy.pickupHours,
        warnHours: policy.pickupWarnHours,
        criticalHours: policy.pickupCriticalHours,
        trackingStatus: tracking?.status ?? null,
        trackingCheckedAt: tracking?.checkedAt ?? null,
        unreadEvents: unread === 0 ? null : unread,
        verified,
        remainingHours: remainingHours(dueAt, now),
      },
    });
  },
  severityAt: ({ dueAt, basis }, now) =>
    dueAt === undefined ? null : pickupSeverity(dueAt - now, basis.verified, basis.warnHours, basis.criticalHours),
});

/**
 * A whole trace that shows no pickup gets the full bands, breached past due (the real 虚假发货 risk).
 * Without one the countdown stays at info and past due turns warn, never breached: the scan may well exist.
 */
function pickupSeverity(remainingMs: number, verified: boolean, warnHours: number, criticalHours: number): Severity {
  if (verified) return clockSeverity(remainingMs, warnHours, criticalHours);
  return remainingMs < 0 ? 'warn' : 'info';
}
