// tracking_edit_by (单号可修改截止, R8): a wrong tracking number can be replaced within 24 h of upload. A
// window the merchant may use: it closes at its end and warns in its last hours only when a tracking
// anomaly is open on the order.
import { hoursToMs } from '../../time/shanghai';
import { remainingHours, windowSeverity, windowSeverityAt } from '../bands';
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf, type OrderSubject } from '../define';
import { MAX_HOURS, policyEntry, type RuleReference } from '../policy-entry';
import type { Words } from '../words';
import { destinationMismatch } from './destination-mismatch';
import { duplicateTracking } from './duplicate-tracking';
import { earlyUpload } from './early-upload';
import { isOpenOrder } from './ship-by';
import { trackingInvalid } from './tracking-invalid';

/** Anomalies that make the last hours of the edit window worth a warning, in the order they are cited. */
const EDIT_WARNING_KINDS = [earlyUpload, trackingInvalid, destinationMismatch, duplicateTracking] as const;

export type EditWarningKind = (typeof EDIT_WARNING_KINDS)[number]['kind'];

export interface TrackingEditByBasis {
  shippedAt: number;
  trackingNumber: string | null;
  editHours: number;
  warnHours: number;
  /** The tracking anomaly open on the order, if any: only then does the window warn. */
  openAnomaly: EditWarningKind | null;
  remainingHours: number;
}

export type TrackingEditByFinding = OrderFindingOf<'tracking_edit_by', 'R8', TrackingEditByBasis>;

/** R8 is also the rule of extra_package_by: a wrong number is edited within 24 h, or answered by a 补寄 package. */
export const WRONG_NUMBER_RULE: RuleReference = {
  source: 'R8: seed 拼多多填错单号导致揽收超时怎么办',
  confidence: 'M',
  heuristic: false,
  zh: '填错单号：24小时内修改，30天内补寄',
  en: 'Wrong number: edit within 24 h, extra package within 30 days',
};

const EDIT_HOURS = policyEntry({
  key: 'trackingEditHours',
  rule: 'R8',
  default: 24,
  unit: 'hours',
  min: 1,
  max: 24 * 30,
  confidence: 'M',
  heuristic: false,
  zh: '上传后多少小时内可修改单号',
  en: 'Hours after upload during which the tracking number can be edited',
});

const EDIT_WARN_HOURS = policyEntry({
  key: 'trackingEditWarnHours',
  rule: 'R8',
  default: 4,
  unit: 'hours',
  min: 0,
  max: MAX_HOURS,
  confidence: 'L',
  heuristic: true,
  zh: '单号有异常时，修改截止前多少小时提醒',
  en: 'With a tracking anomaly open, warn this many hours before editing closes',
});

/** The first of `kinds` among the order's findings so far, by its position in `kinds`. */
export function firstFound<K extends string>(subject: OrderSubject, kinds: readonly { kind: K }[]): K | null {
  for (const { kind } of kinds) {
    for (let i = subject.first; i < subject.found.length; i += 1) if (subject.found[i]?.kind === kind) return kind;
  }
  return null;
}

/** The words for the anomaly kinds a window clock cites. */
export function kindWords(kinds: readonly { kind: string; labels: Words }[]): Record<string, Words> {
  return Object.fromEntries(kinds.map(({ kind, labels }) => [kind, labels]));
}

export const trackingEditBy = orderKind<TrackingEditByFinding>()({
  kind: 'tracking_edit_by',
  type: 'clock',
  subject: 'order',
  labels: { zh: '单号可修改截止', en: 'Tracking number editable until' },
  badge: { label: { zh: '改单号', en: 'Edit no.' }, always: false },
  advice: {
    zh: '单号填错请在发货后24小时内通过发货中心「覆盖发货」或订单详情修改；之后只能补寄额外包裹。',
    en: 'A wrong tracking number can be replaced within 24 h of shipping (发货中心 覆盖发货 or order details); after that only an extra package is possible.',
  },
  rules: { R8: WRONG_NUMBER_RULE },
  thresholds: [EDIT_HOURS, EDIT_WARN_HOURS],
  reads: EDIT_WARNING_KINDS.map(({ kind }) => kind),
  basis: {
    shippedAt: FIELDS.shippedAt,
    trackingNumber: FIELDS.trackingNumber,
    editHours: field('hours', '可修改时限', 'Editable for'),
    warnHours: FIELDS.warnHours,
    openAnomaly: field('code', '相关异常', 'Related warning', kindWords(EDIT_WARNING_KINDS)),
    remainingHours: FIELDS.remainingHours,
  },
  evaluate(subject, now, policy, out) {
    const { order } = subject;
    const shippedAt = order.shippedAt;
    if (shippedAt === null || order.noLogistics || !isOpenOrder(order)) return;
    const editUntil = shippedAt + hoursToMs(policy.trackingEditHours);
    if (now > editUntil) return;
    const openAnomaly = firstFound(subject, EDIT_WARNING_KINDS);
    out.push({
      orderSn: order.orderSn,
      kind: 'tracking_edit_by',
      severity: windowSeverity(editUntil - now, openAnomaly === null ? null : policy.trackingEditWarnHours),
      dueAt: editUntil,
      rule: 'R8',
      basis: {
        shippedAt,
        trackingNumber: order.trackingNumber,
        editHours: policy.trackingEditHours,
        warnHours: policy.trackingEditWarnHours,
        openAnomaly,
        remainingHours: remainingHours(editUntil, now),
      },
    });
  },
  severityAt: ({ dueAt, basis }, now) => (dueAt === undefined ? null : windowSeverityAt(dueAt, now, basis.openAnomaly === null ? null : basis.warnHours)),
});
