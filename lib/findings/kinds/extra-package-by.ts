// extra_package_by (补寄截止, R8): once a wrong number can no longer be edited, an extra package of type 补寄
// may be added within 30 days of shipping. Open only while a wrong-number anomaly is.
import { daysToMs } from '../../time/shanghai';
import { remainingHours, windowSeverityAt } from '../bands';
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { policyEntry } from '../policy-entry';
import { destinationMismatch } from './destination-mismatch';
import { duplicateTracking } from './duplicate-tracking';
import { isOpenOrder } from './ship-by';
import { firstFound, kindWords, WRONG_NUMBER_RULE } from './tracking-edit-by';
import { trackingInvalid } from './tracking-invalid';

/** Anomalies that say the uploaded number may be wrong, so a 补寄 package is the way out. */
const WRONG_NUMBER_KINDS = [trackingInvalid, destinationMismatch, duplicateTracking] as const;

export interface ExtraPackageByBasis {
  shippedAt: number;
  extraPackageDays: number;
  openAnomaly: (typeof WRONG_NUMBER_KINDS)[number]['kind'];
  remainingHours: number;
}

export type ExtraPackageByFinding = OrderFindingOf<'extra_package_by', 'R8', ExtraPackageByBasis>;

const EXTRA_PACKAGE_DAYS = policyEntry({
  key: 'extraPackageDays',
  rule: 'R8',
  default: 30,
  unit: 'days',
  min: 1,
  max: 365,
  confidence: 'M',
  heuristic: false,
  zh: '发货后多少天内可新增补寄包裹',
  en: 'Days after shipping during which an extra package can be added',
});

export const extraPackageBy = orderKind<ExtraPackageByFinding>()({
  kind: 'extra_package_by',
  type: 'clock',
  subject: 'order',
  labels: { zh: '补寄截止', en: 'Extra package allowed until' },
  badge: { label: { zh: '补寄', en: 'Extra pkg' }, always: false },
  advice: {
    zh: '单号已无法修改：在聊天中告知买家、添加商家备注，并在发货后30天内添加「补寄」类型的额外包裹。补寄单号不影响发货考核，考核仍看原单号。',
    en: 'The number can no longer be edited: tell the buyer, add a remark, and add an extra package of type 补寄 within 30 days of shipping. Extra numbers do not change the shipping verdict.',
  },
  rules: { R8: WRONG_NUMBER_RULE },
  thresholds: [EXTRA_PACKAGE_DAYS],
  reads: WRONG_NUMBER_KINDS.map(({ kind }) => kind),
  basis: {
    shippedAt: FIELDS.shippedAt,
    extraPackageDays: field('days', '补寄时限', 'Extra package within'),
    openAnomaly: field('code', '相关异常', 'Related warning', kindWords(WRONG_NUMBER_KINDS)),
    remainingHours: FIELDS.remainingHours,
  },
  evaluate(subject, now, policy, out) {
    const { order } = subject;
    const shippedAt = order.shippedAt;
    if (shippedAt === null || order.noLogistics || !isOpenOrder(order)) return;
    const openAnomaly = firstFound(subject, WRONG_NUMBER_KINDS);
    const until = shippedAt + daysToMs(policy.extraPackageDays);
    if (openAnomaly === null || now > until) return;
    out.push({
      orderSn: order.orderSn,
      kind: 'extra_package_by',
      severity: 'info',
      dueAt: until,
      rule: 'R8',
      basis: { shippedAt, extraPackageDays: policy.extraPackageDays, openAnomaly, remainingHours: remainingHours(until, now) },
    });
  },
  severityAt: ({ dueAt }, now) => (dueAt === undefined ? null : windowSeverityAt(dueAt, now, null)),
});
