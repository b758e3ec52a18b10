// tracking_invalid (单号无效/快递不符, A14): the courier has no record of the number a day after upload, or
// the provider says the number belongs to another courier than the order's. A reply listing events that
// could not be read is a record, not "no record".
import { unreadEventsOf, type OrderFacts, type TrackingFacts } from '../../facts/facts';
import { hoursToMs } from '../../time/shanghai';
import { courierCodesFor } from '../../tracking/couriers';
import { FIELDS, TRACE_FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { MAX_HOURS, policyEntry } from '../policy-entry';
import type { TraceBasis } from '../trace';

export interface TrackingInvalidBasis extends TraceBasis {
  reason: 'other_courier' | 'no_record';
  shippedAt: number;
  trackingCheckedAt: number;
  noRecordHours: number;
  courierName: string | null;
  shippingId: number | null;
  identifiedCourier: string | null;
}

export type TrackingInvalidFinding = OrderFindingOf<'tracking_invalid', 'A14', TrackingInvalidBasis>;

const NO_RECORD_HOURS = policyEntry({
  key: 'noRecordInvalidHours',
  rule: 'A14',
  default: 24,
  unit: 'hours',
  min: 1,
  max: MAX_HOURS,
  confidence: 'M',
  heuristic: false,
  zh: '上传多少小时后仍查询无结果视为单号无效',
  en: 'Hours after upload after which "no record" means the number is invalid',
});

/**
 * The courier the provider names when it is not the order's (A14), judged per order: two buyers' orders
 * with one number may name different couriers, and the trace is one. An order whose courier has no known
 * code for the provider is not compared.
 */
function otherCourierOf(order: OrderFacts, tracking: TrackingFacts): string | null {
  const reported = tracking.reportedCourier;
  if (reported === null || tracking.provider === 'console') return null;
  // The demo simulation names couriers in Kuaidi100's codes.
  const expected = courierCodesFor(order.shippingId, tracking.provider === 'demo' ? 'kuaidi100' : tracking.provider);
  return expected.length > 0 && !expected.includes(reported) ? reported : null;
}

export const trackingInvalid = orderKind<TrackingInvalidFinding>()({
  kind: 'tracking_invalid',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '单号无效/快递不符', en: 'Invalid tracking number or courier' },
  advice: {
    zh: '快递查不到此单号或快递公司不符：核对快递公司和单号，24小时内可修改。',
    en: 'The courier has no record of this number, or it belongs to another courier: check both; editable within 24 h.',
  },
  rules: { A14: { source: 'A14: courier no-record and company replies', confidence: 'M', heuristic: false, zh: '单号无效/快递不符', en: 'Invalid number or courier' } },
  thresholds: [NO_RECORD_HOURS],
  basis: {
    ...TRACE_FIELDS,
    reason: field('code', '原因', 'Reason', {
      other_courier: { zh: '快递查询识别为其他快递公司', en: 'the provider names another courier' },
      no_record: { zh: '快递查无此单号', en: 'the courier has no record of it' },
    }),
    shippedAt: FIELDS.shippedAt,
    trackingCheckedAt: FIELDS.trackingCheckedAt,
    noRecordHours: field('hours', '无记录阈值', 'No-record limit'),
    courierName: FIELDS.courierName,
    shippingId: field('code', '快递编号', 'Courier id'),
    identifiedCourier: field('code', '快递查询识别为', 'Provider identified'),
  },
  evaluate(subject, _now, policy, out) {
    const parcel = subject.parcel;
    if (parcel === null) return;
    const { order, shippedAt, tracking } = parcel;
    const otherCourier = otherCourierOf(order, tracking);
    const noRecordLate = tracking.noRecord && unreadEventsOf(tracking) === 0 && tracking.checkedAt - shippedAt >= hoursToMs(policy.noRecordInvalidHours);
    if (otherCourier === null && !noRecordLate) return;
    out.push({
      orderSn: order.orderSn,
      kind: 'tracking_invalid',
      severity: 'critical',
      rule: 'A14',
      basis: {
        trackingNumber: tracking.trackingNumber,
        trackingStatus: tracking.status,
        rawState: tracking.rawState,
        rawSub: tracking.rawSub,
        reason: otherCourier !== null ? 'other_courier' : 'no_record',
        shippedAt,
        trackingCheckedAt: tracking.checkedAt,
        noRecordHours: policy.noRecordInvalidHours,
        courierName: order.courierName,
        shippingId: order.shippingId,
        identifiedCourier: otherCourier,
      },
    });
  },
});
