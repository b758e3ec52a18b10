// The finding vocabulary of /shared/domain/vocabulary.md §1: every surface (badges, popup, notifications,
// `npm run assess`) speaks these ids and nothing else.

/** Deadline kinds (vocabulary §1.1): one finding per clock, its severity rising as time runs out. */
export const CLOCK_KINDS = [
  'ship_by',
  'pickup_by',
  'tracking_edit_by',
  'after_sale_reply_by',
  'fast_refund_appeal_by',
  'extra_package_by',
  'auto_confirm_at',
] as const;

/** Anomaly kinds (vocabulary §1.2). */
export const ANOMALY_KINDS = [
  'shipped_late',
  'early_upload',
  'stalled',
  'delivery_problem',
  'rejected',
  'returning',
  'destination_mismatch',
  'duplicate_tracking',
  'tracking_invalid',
  'proxy_signed',
  'urged_unshipped',
  'risk_hold',
  'intercept_parcel',
  'logistics_refund',
  'timeout_auto_refund',
  'rejection_cluster',
] as const;

export type ClockKind = (typeof CLOCK_KINDS)[number];
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];
export type FindingKind = ClockKind | AnomalyKind;

export const FINDING_KINDS: readonly FindingKind[] = [...CLOCK_KINDS, ...ANOMALY_KINDS];

export type Severity = 'info' | 'warn' | 'critical' | 'breached';

/** `info` < `warn` < `critical` < `breached`. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warn: 1, critical: 2, breached: 3 };

export type BasisValue = string | number | boolean | null;

export interface Finding {
  /** Absent only on shop-level findings about a product (`rejection_cluster`). */
  orderSn?: string;
  goodsId?: string;
  kind: FindingKind;
  severity: Severity;
  /** ISO-8601 UTC: the instant a clock runs out. Absent on anomalies. */
  dueAt?: string;
  /** Policy rule id that produced the finding (see RULE_REFERENCES in policy.ts). */
  rule: string;
  /** The facts and thresholds used; timestamps as ISO-8601 UTC strings. */
  basis: Record<string, BasisValue>;
}

export const KIND_LABELS: Readonly<Record<FindingKind, { zh: string; en: string }>> = {
  ship_by: { zh: '发货截止', en: 'Ship by' },
  pickup_by: { zh: '揽收截止', en: 'Pickup scan due' },
  tracking_edit_by: { zh: '单号可修改截止', en: 'Tracking number editable until' },
  after_sale_reply_by: { zh: '售后处理截止', en: 'After-sales reply due' },
  fast_refund_appeal_by: { zh: '极速退款申诉截止', en: 'Instant-refund appeal due' },
  extra_package_by: { zh: '补寄截止', en: 'Extra package allowed until' },
  auto_confirm_at: { zh: '自动确认收货', en: 'Auto-confirm receipt' },
  shipped_late: { zh: '延迟发货', en: 'Shipped late' },
  early_upload: { zh: '提前上传单号', en: 'Tracking number uploaded early' },
  stalled: { zh: '物流停滞', en: 'Tracking stalled' },
  delivery_problem: { zh: '派件异常/问题件', en: 'Delivery problem' },
  rejected: { zh: '拒收', en: 'Rejected by buyer' },
  returning: { zh: '退回', en: 'Returning to sender' },
  destination_mismatch: { zh: '轨迹与收货地不符', en: 'Trace does not match destination' },
  duplicate_tracking: { zh: '单号重复', en: 'Duplicate tracking number' },
  tracking_invalid: { zh: '单号无效/快递不符', en: 'Invalid tracking number or courier' },
  proxy_signed: { zh: '代签/驿站签收', en: 'Signed by proxy or locker' },
  urged_unshipped: { zh: '催发货未发', en: 'Buyer urged, not shipped' },
  risk_hold: { zh: '风控审核中', en: 'Under risk review' },
  intercept_parcel: { zh: '发货后退款，需拦截', en: 'Refund after shipping: intercept parcel' },
  logistics_refund: { zh: '物流原因退款', en: 'Logistics-related refund' },
  timeout_auto_refund: { zh: '超时自动退款', en: 'Auto-refunded on timeout' },
  rejection_cluster: { zh: '同款多单拒收', en: 'Rejections cluster on one product' },
};

const KIND_SET: ReadonlySet<string> = new Set(FINDING_KINDS);
const CLOCK_SET: ReadonlySet<string> = new Set(CLOCK_KINDS);

export function isFindingKind(value: unknown): value is FindingKind {
  return typeof value === 'string' && KIND_SET.has(value);
}

export function isClockKind(kind: FindingKind): kind is ClockKind {
  return CLOCK_SET.has(kind);
}

/**
 * Clocks that count down a window the merchant may use (vocabulary §1.1: "applies while … within the
 * window") rather than a duty: at `dueAt` the window closes and the clock no longer applies. Never breached.
 */
const WINDOW_CLOCKS: ReadonlySet<FindingKind> = new Set<ClockKind>(['tracking_edit_by', 'fast_refund_appeal_by', 'extra_package_by', 'auto_confirm_at']);

export function isWindowClock(kind: FindingKind): boolean {
  return WINDOW_CLOCKS.has(kind);
}
