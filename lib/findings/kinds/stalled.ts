// stalled (物流停滞, A6/A11): the parcel has not moved for longer than is usual at its stage, or the provider
// flags it as stagnant. A heuristic (industry defaults, not a published platform rule): the basis says so.
import type { TrackingStatus } from '../../facts/facts';
import { hoursToMs, msToHours } from '../../time/shanghai';
import { isTerminal } from '../../tracking/status-rank';
import { FIELDS, TRACE_FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { MAX_HOURS, policyEntry } from '../policy-entry';
import type { TraceBasis } from '../trace';

export interface StalledBasis extends TraceBasis {
  heuristic: true;
  lastEventAt: number | null;
  /** How long the parcel has been idle at the evaluation (measured, not a limit). */
  idleHours: number | null;
  /** The idle limit of the parcel's stage; null when the stage has none (only the provider's flag counts). */
  thresholdHours: number | null;
  providerStalled: boolean;
}

export type StalledFinding = OrderFindingOf<'stalled', 'A6' | 'A11', StalledBasis>;

const LAST_MILE: ReadonlySet<TrackingStatus> = new Set(['out_for_delivery', 'available_for_pickup']);

const BEFORE_TRANSIT_HOURS = policyEntry({
  key: 'stallBeforeTransitHours',
  rule: 'A6',
  default: 24,
  unit: 'hours',
  min: 1,
  max: MAX_HOURS,
  confidence: 'L',
  heuristic: true,
  zh: '揽收后多少小时无中转扫描视为停滞',
  en: 'Hours without a transit scan after pickup that count as stalled',
});

const IN_TRANSIT_HOURS = policyEntry({
  key: 'stallInTransitHours',
  rule: 'A6',
  default: 48,
  unit: 'hours',
  min: 1,
  max: MAX_HOURS,
  confidence: 'L',
  heuristic: true,
  zh: '运输中多少小时无更新视为停滞',
  en: 'Hours without an update in transit that count as stalled',
});

const LAST_MILE_HOURS = policyEntry({
  key: 'stallLastMileHours',
  rule: 'A11',
  default: 24,
  unit: 'hours',
  min: 1,
  max: MAX_HOURS,
  confidence: 'L',
  heuristic: true,
  zh: '派件中或在驿站/快递柜多少小时无更新视为停滞',
  en: 'Hours out for delivery or at a locker without an update that count as stalled',
});

export const stalled = orderKind<StalledFinding>()({
  kind: 'stalled',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '物流停滞', en: 'Tracking stalled' },
  advice: {
    zh: '联系快递网点查询包裹为何没有更新，必要时主动告知买家，避免物流投诉。',
    en: 'Ask the courier depot why the parcel is not moving and tell the buyer before they complain.',
  },
  rules: {
    A6: { source: 'A6 (industry default, not a PDD rule)', confidence: 'L', heuristic: true, zh: '物流停滞', en: 'Stalled trace' },
    A11: { source: 'A11 (industry default, not a PDD rule)', confidence: 'L', heuristic: true, zh: '派签超时', en: 'Out for delivery too long' },
  },
  thresholds: [BEFORE_TRANSIT_HOURS, IN_TRANSIT_HOURS, LAST_MILE_HOURS],
  basis: {
    ...TRACE_FIELDS,
    heuristic: FIELDS.heuristic,
    lastEventAt: FIELDS.lastEventAt,
    idleHours: field('hours', '已停滞', 'Idle for'),
    thresholdHours: field('hours', '停滞阈值', 'Idle limit'),
    providerStalled: field('flag', '快递标记停滞', 'Courier flags it stalled'),
  },
  evaluate(subject, now, policy, out) {
    const parcel = subject.parcel;
    if (parcel === null || isTerminal(parcel.tracking.status)) return;
    const { tracking } = parcel;
    const status = tracking.status;
    const thresholdHours =
      status === 'picked_up'
        ? policy.stallBeforeTransitHours
        : status === 'in_transit'
          ? policy.stallInTransitHours
          : LAST_MILE.has(status)
            ? policy.stallLastMileHours
            : null;
    const idle = tracking.lastEventAt === null ? null : now - tracking.lastEventAt;
    const idleTooLong = thresholdHours !== null && idle !== null && idle > hoursToMs(thresholdHours);
    if (!idleTooLong && !tracking.providerStalled) return;
    out.push({
      orderSn: parcel.order.orderSn,
      kind: 'stalled',
      severity: 'warn',
      rule: LAST_MILE.has(status) ? 'A11' : 'A6',
      basis: {
        trackingNumber: tracking.trackingNumber,
        trackingStatus: status,
        rawState: tracking.rawState,
        rawSub: tracking.rawSub,
        heuristic: true,
        lastEventAt: tracking.lastEventAt,
        idleHours: idle === null ? null : msToHours(idle),
        thresholdHours,
        providerStalled: tracking.providerStalled,
      },
    });
  },
});
