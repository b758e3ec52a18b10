// delivery_problem (派件异常/问题件, A7): the provider reports a problem parcel (Kuaidi100 2 and 2xx except
// 203, Kdniao 4xx problems, held at a depot), or the newest event says so in words.
import { isTerminal } from '../../tracking/status-rank';
import { orderKind, type OrderFindingOf } from '../define';
import { TRACE_EVENT_FIELDS, newestEvent, traceEventBasis, type TraceEventBasis } from '../trace';

export type DeliveryProblemFinding = OrderFindingOf<'delivery_problem', 'A7', TraceEventBasis>;

export const deliveryProblem = orderKind<DeliveryProblemFinding>()({
  kind: 'delivery_problem',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '派件异常/问题件', en: 'Delivery problem' },
  advice: {
    zh: '联系快递处理问题件，核实收件地址和电话，必要时联系买家。',
    en: 'Have the courier resolve the problem parcel; check the address and phone, contact the buyer if needed.',
  },
  rules: { A7: { source: 'A7; courier problem states', confidence: 'M', heuristic: false, zh: '派件异常/问题件', en: 'Delivery problem' } },
  thresholds: [],
  basis: TRACE_EVENT_FIELDS,
  evaluate(subject, _now, _policy, out) {
    const parcel = subject.parcel;
    if (parcel === null) return;
    const { tracking } = parcel;
    const newest = newestEvent(tracking);
    // A provider's stagnation code (Kuaidi100 202, Kdniao 403) is a problem state too, so it is reported
    // here as well as under `stalled`.
    if (isTerminal(tracking.status) || (tracking.status !== 'exception' && newest?.status !== 'exception')) return;
    out.push({ orderSn: parcel.order.orderSn, kind: 'delivery_problem', severity: 'critical', rule: 'A7', basis: traceEventBasis(tracking, newest) });
  },
});
