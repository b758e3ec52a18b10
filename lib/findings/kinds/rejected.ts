// rejected (拒收, A8): the buyer refused the parcel (Kuaidi100 14 or 203, Kdniao 404, keywords 拒收 拒签).
import type { TrackingEvent } from '../../facts/facts';
import { shortText } from '../bands';
import { FIELDS, TRACE_FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { newestEvent, type TraceBasis, type TracedParcel } from '../trace';

export interface RejectedBasis extends TraceBasis {
  rejectedAt: number;
  eventText: string | null;
}

export type RejectedFinding = OrderFindingOf<'rejected', 'A8', RejectedBasis>;

export interface Rejection {
  at: number;
  event: TrackingEvent | undefined;
}

/**
 * The parcel's rejection, when its trace shows one and it was not delivered after all: the first rejection
 * event, else (a rejected status without such an event) the newest event or the reading itself. The shop
 * pre-pass counts these per product (rejection_cluster) with this same reading.
 */
export function rejectionOf(parcel: TracedParcel | null): Rejection | null {
  if (parcel === null) return null;
  const { tracking } = parcel;
  if (tracking.status === 'delivered') return null;
  let event: TrackingEvent | undefined;
  for (const candidate of tracking.events) {
    if (candidate.status === 'rejected') {
      event = candidate;
      break;
    }
  }
  if (event === undefined && tracking.status !== 'rejected') return null;
  event ??= newestEvent(tracking);
  return { at: event?.at ?? tracking.lastEventAt ?? tracking.checkedAt, event };
}

export const rejected = orderKind<RejectedFinding>()({
  kind: 'rejected',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '拒收', en: 'Rejected by buyer' },
  advice: {
    zh: '买家拒收：联系买家了解原因，关注退回包裹；拒收订单会转为仅退款。',
    en: 'The buyer refused the parcel: ask why and watch the return; a rejection becomes a refund.',
  },
  rules: { A8: { source: 'A8; courier rejection states', confidence: 'M', heuristic: false, zh: '拒收', en: 'Rejected' } },
  thresholds: [],
  basis: {
    ...TRACE_FIELDS,
    rejectedAt: field('instant', '拒收时间', 'Rejected at'),
    eventText: FIELDS.eventText,
  },
  evaluate(subject, _now, _policy, out) {
    const rejection = rejectionOf(subject.parcel);
    const tracking = subject.parcel?.tracking;
    if (rejection === null || tracking === undefined) return;
    out.push({
      orderSn: subject.order.orderSn,
      kind: 'rejected',
      severity: 'critical',
      rule: 'A8',
      basis: {
        trackingNumber: tracking.trackingNumber,
        trackingStatus: tracking.status,
        rawState: tracking.rawState,
        rawSub: tracking.rawSub,
        rejectedAt: rejection.at,
        eventText: shortText(rejection.event?.text),
      },
    });
  },
});
