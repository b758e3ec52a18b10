// returning (退回, A9): the parcel is on its way back or back already (Kuaidi100 6 or 4, Kdniao 406/407,
// keywords 退回 返货 退签).
import type { TrackingEvent, TrackingStatus } from '../../facts/facts';
import { orderKind, type OrderFindingOf } from '../define';
import { TRACE_EVENT_FIELDS, newestEvent, traceEventBasis, type TraceEventBasis } from '../trace';

export type ReturningFinding = OrderFindingOf<'returning', 'A9', TraceEventBasis>;

const BACK_TO_SENDER: ReadonlySet<TrackingStatus> = new Set(['returning', 'returned']);

export const returning = orderKind<ReturningFinding>()({
  kind: 'returning',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '退回', en: 'Returning to sender' },
  advice: {
    zh: '包裹正在退回：关注退回轨迹，收到后核对货物再处理退款。',
    en: 'The parcel is on its way back: follow the return and check the goods before refunding.',
  },
  rules: { A9: { source: 'A9; courier return states', confidence: 'M', heuristic: false, zh: '退回', en: 'Returning' } },
  thresholds: [],
  basis: TRACE_EVENT_FIELDS,
  evaluate(subject, _now, _policy, out) {
    const parcel = subject.parcel;
    if (parcel === null || parcel.tracking.status === 'delivered') return;
    const { tracking } = parcel;
    let goingBack: TrackingEvent | undefined;
    for (const event of tracking.events) {
      if (event.status !== null && BACK_TO_SENDER.has(event.status)) {
        goingBack = event;
        break;
      }
    }
    if (goingBack === undefined && !BACK_TO_SENDER.has(tracking.status)) return;
    goingBack ??= newestEvent(tracking);
    out.push({ orderSn: parcel.order.orderSn, kind: 'returning', severity: 'critical', rule: 'A9', basis: traceEventBasis(tracking, goingBack) });
  },
});
