// pickup_by (揽收截止, R6): a courier pickup scan within 24 h of uploading the tracking number, or the
// platform judges the shipment fake (虚假发货).
import { hoursToMs } from '../../time/shanghai';
import { isPickedUp } from '../../tracking/status-rank';
import { clockSeverity, remainingHours } from '../bands';
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { MAX_HOURS, policyEntry } from '../policy-entry';
import type { TrackingStatus } from '../../facts/facts';
import { isOpenOrder } from './ship-by';

export interface PickupByBasis {
  shippedAt: number;
  trackingNumber: string | null;
  pickupHours: number;
  warnHours: number;
  criticalHours: number;
  trackingStatus: TrackingStatus | null;
  /** When a trace was last read; null while none has been (the countdown is then unverified). */
  trackingCheckedAt: number | null;
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
  source: 'R6: seed 拼多多物流异常订单怎么消除 (2019), doc.intozgc.com 2022-12-19 (虚假发货 after 24 h without pickup)',
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
  source: 'A4 (warn at 12 h after upload)',
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
  source: 'A4 (critical at 20 h after upload)',
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
    remainingHours: FIELDS.remainingHours,
  },
  evaluate({ order, tracking }, now, policy, out) {
    const shippedAt = order.shippedAt;
    if (shippedAt === null || order.noLogistics || order.state === 'received' || !isOpenOrder(order)) return;
    // A status past pickup is a pickup even when the reply carries no event time (a signed parcel's bare state).
    if (tracking !== null && (tracking.pickedUpAt !== null || isPickedUp(tracking.status))) return;
    const dueAt = shippedAt + hoursToMs(policy.pickupHours);
    // Without a trace read we cannot know whether the courier scanned the parcel: the countdown reminds the
    // merchant while the window runs, but only a trace that shows no pickup may call the clock breached.
    if (tracking === null && now > dueAt) return;
    out.push({
      orderSn: order.orderSn,
      kind: 'pickup_by',
      severity: clockSeverity(dueAt - now, policy.pickupWarnHours, policy.pickupCriticalHours),
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
        remainingHours: remainingHours(dueAt, now),
      },
    });
  },
  severityAt: ({ dueAt, basis }, now) => {
    if (dueAt === undefined) return null;
    if (basis.trackingCheckedAt === null && now > dueAt) return null;
    return clockSeverity(dueAt - now, basis.warnHours, basis.criticalHours);
  },
});
