// early_upload (提前上传单号, A5): the number went up before the parcel was handed over — the trace is still
// empty (or only "ordered/awaiting pickup") long after upload, or the first real scan came much later.
// A trace with events that could not be read proves neither: any of them may be the first scan.
import { unreadEventsOf } from '../../facts/facts';
import { hoursToMs, msToHours } from '../../time/shanghai';
import { FIELDS, TRACE_FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { MAX_HOURS, policyEntry } from '../policy-entry';
import type { TraceBasis } from '../trace';

interface NoScanBasis extends TraceBasis {
  reason: 'no_scan';
  shippedAt: number;
  trackingCheckedAt: number;
  noRecord: boolean;
  noScanHours: number;
}

interface LateFirstScanBasis extends TraceBasis {
  reason: 'late_first_scan';
  shippedAt: number;
  firstScanAt: number;
  firstScanHours: number;
  firstScanAfterHours: number;
}

export type EarlyUploadFinding = OrderFindingOf<'early_upload', 'A5', NoScanBasis | LateFirstScanBasis>;

const NO_SCAN_HOURS = policyEntry({
  key: 'earlyUploadNoScanHours',
  rule: 'A5',
  default: 12,
  unit: 'hours',
  min: 1,
  max: MAX_HOURS,
  confidence: 'L',
  heuristic: true,
  zh: '上传单号多少小时后轨迹仍空白或仅“已下单/待揽收”，视为提前上传',
  en: 'Hours after upload with an empty or "ordered/awaiting pickup" trace that mean the number was uploaded early',
});

const FIRST_SCAN_HOURS = policyEntry({
  key: 'earlyUploadFirstScanHours',
  rule: 'A5',
  default: 24,
  unit: 'hours',
  min: 1,
  max: MAX_HOURS,
  confidence: 'L',
  heuristic: true,
  zh: '首个揽收扫描晚于上传多少小时，视为提前上传',
  en: 'A first real scan this many hours after upload means the number was uploaded early',
});

export const earlyUpload = orderKind<EarlyUploadFinding>()({
  kind: 'early_upload',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '提前上传单号', en: 'Tracking number uploaded early' },
  advice: {
    zh: '单号已上传但快递未揽收扫描：联系快递员尽快揽收，避免被判虚假发货。',
    en: 'The number is uploaded but the courier has not scanned the parcel: get it picked up before it counts as fake shipping.',
  },
  rules: { A5: { source: 'A5: Order Sentinel heuristic', confidence: 'L', heuristic: true, zh: '提前上传单号', en: 'Number uploaded before handover' } },
  thresholds: [NO_SCAN_HOURS, FIRST_SCAN_HOURS],
  basis: {
    ...TRACE_FIELDS,
    reason: field('code', '原因', 'Reason', {
      no_scan: { zh: '上传后仍无揽收扫描', en: 'no pickup scan since upload' },
      late_first_scan: { zh: '首次扫描远晚于上传', en: 'first scan long after upload' },
    }),
    shippedAt: FIELDS.shippedAt,
    trackingCheckedAt: FIELDS.trackingCheckedAt,
    noRecord: field('flag', '快递无记录', 'No courier record'),
    noScanHours: field('hours', '无揽收阈值', 'No-scan limit'),
    firstScanAt: field('instant', '首次扫描', 'First scan'),
    firstScanHours: field('hours', '首扫阈值', 'First scan limit'),
    firstScanAfterHours: field('hours', '上传后首扫', 'First scan after'),
  },
  evaluate(subject, _now, policy, out) {
    const parcel = subject.parcel;
    if (parcel === null || unreadEventsOf(parcel.tracking) > 0) return;
    const { order, shippedAt, tracking } = parcel;
    const status = tracking.status;
    // "查询无结果" right after upload is normal; only a reading taken late enough proves anything, so this
    // uses the time the trace was read, not `now`.
    const noScanYet = tracking.pickedUpAt === null && (status === 'unknown' || status === 'pending');
    if (noScanYet && tracking.checkedAt - shippedAt >= hoursToMs(policy.earlyUploadNoScanHours)) {
      out.push({
        orderSn: order.orderSn,
        kind: 'early_upload',
        severity: 'warn',
        rule: 'A5',
        basis: {
          trackingNumber: tracking.trackingNumber,
          trackingStatus: status,
          rawState: tracking.rawState,
          rawSub: tracking.rawSub,
          reason: 'no_scan',
          shippedAt,
          trackingCheckedAt: tracking.checkedAt,
          noRecord: tracking.noRecord,
          noScanHours: policy.earlyUploadNoScanHours,
        },
      });
    } else if (tracking.pickedUpAt !== null && tracking.pickedUpAt - shippedAt > hoursToMs(policy.earlyUploadFirstScanHours)) {
      out.push({
        orderSn: order.orderSn,
        kind: 'early_upload',
        severity: 'warn',
        rule: 'A5',
        basis: {
          trackingNumber: tracking.trackingNumber,
          trackingStatus: status,
          rawState: tracking.rawState,
          rawSub: tracking.rawSub,
          reason: 'late_first_scan',
          shippedAt,
          firstScanAt: tracking.pickedUpAt,
          firstScanHours: policy.earlyUploadFirstScanHours,
          firstScanAfterHours: msToHours(tracking.pickedUpAt - shippedAt),
        },
      });
    }
  },
});
