// fast_refund_appeal_by (极速退款申诉截止, R13): after an instant refund paid before the goods came back, the
// merchant may appeal within 7 days. A window: it closes at its end.
import type { TrackingStatus } from '../../facts/facts';
import { daysToMs } from '../../time/shanghai';
import { remainingHours, windowSeverity, windowSeverityAt } from '../bands';
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { MAX_HOURS, policyEntry } from '../policy-entry';

export interface FastRefundAppealByBasis {
  afterSaleId: string;
  refundedAt: number;
  appealDays: number;
  warnHours: number;
  trackingStatus: TrackingStatus | null;
  refundAmountCents: number | null;
  remainingHours: number;
}

export type FastRefundAppealByFinding = OrderFindingOf<'fast_refund_appeal_by', 'R13', FastRefundAppealByBasis>;

const INSTANT_REFUND_ACTION = 1000;

const APPEAL_DAYS = policyEntry({
  key: 'fastRefundAppealDays',
  rule: 'R13',
  default: 7,
  unit: 'days',
  min: 1,
  max: 365,
  confidence: 'L',
  heuristic: false,
  zh: '极速退款后多少天内可申诉',
  en: 'Days after an instant refund during which the merchant can appeal',
});

const APPEAL_WARN_HOURS = policyEntry({
  key: 'fastRefundWarnHours',
  rule: 'R13',
  default: 48,
  unit: 'hours',
  min: 0,
  max: MAX_HOURS,
  confidence: 'L',
  heuristic: true,
  zh: '极速退款申诉截止前多少小时提醒',
  en: 'Warn this many hours before the instant-refund appeal window closes',
});

export const fastRefundAppealBy = orderKind<FastRefundAppealByFinding>()({
  kind: 'fast_refund_appeal_by',
  type: 'clock',
  subject: 'order',
  labels: { zh: '极速退款申诉截止', en: 'Instant-refund appeal due' },
  badge: { label: { zh: '申诉', en: 'Appeal' }, always: true },
  advice: {
    zh: '极速退款后买家未退货或退回异常（空包等）：保留凭证，7天内发起申诉。',
    en: 'Instant refund and the goods did not come back (or came back wrong): keep evidence and appeal within 7 days.',
  },
  rules: { R13: { source: 'R13 (actions 1000)', confidence: 'L', heuristic: false, zh: '极速退款申诉', en: 'Instant-refund appeal' } },
  thresholds: [APPEAL_DAYS, APPEAL_WARN_HOURS],
  basis: {
    afterSaleId: FIELDS.afterSaleId,
    refundedAt: field('instant', '退款时间', 'Refunded at'),
    appealDays: field('days', '申诉时限', 'Appeal within'),
    warnHours: FIELDS.warnHours,
    trackingStatus: FIELDS.trackingStatus,
    refundAmountCents: FIELDS.refundAmountCents,
    remainingHours: FIELDS.remainingHours,
  },
  // Nothing to appeal when nothing was shipped or the parcel is already back.
  evaluate({ order, afterSales, tracking }, now, policy, out) {
    if (order.shippedAt === null || tracking?.status === 'returned') return;
    for (const sale of afterSales) {
      if (!sale.actions.includes(INSTANT_REFUND_ACTION)) continue;
      const refundedAt = sale.closedAt ?? sale.createdAt;
      if (refundedAt === null) continue;
      const dueAt = refundedAt + daysToMs(policy.fastRefundAppealDays);
      if (now > dueAt) continue;
      out.push({
        orderSn: order.orderSn,
        kind: 'fast_refund_appeal_by',
        severity: windowSeverity(dueAt - now, policy.fastRefundWarnHours),
        dueAt,
        rule: 'R13',
        basis: {
          afterSaleId: sale.id,
          refundedAt,
          appealDays: policy.fastRefundAppealDays,
          warnHours: policy.fastRefundWarnHours,
          trackingStatus: tracking?.status ?? null,
          refundAmountCents: sale.refundAmountCents,
          remainingHours: remainingHours(dueAt, now),
        },
      });
    }
  },
  severityAt: ({ dueAt, basis }, now) => (dueAt === undefined ? null : windowSeverityAt(dueAt, now, basis.warnHours)),
});
