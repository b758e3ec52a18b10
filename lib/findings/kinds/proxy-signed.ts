// proxy_signed (代签/驿站签收, A15): a station, a locker or someone else signed for the parcel.
import { orderKind, type OrderFindingOf } from '../define';
import { TRACE_EVENT_FIELDS, newestEvent, traceEventBasis, type TraceEventBasis } from '../trace';

export type ProxySignedFinding = OrderFindingOf<'proxy_signed', 'A15', TraceEventBasis>;

export const proxySigned = orderKind<ProxySignedFinding>()({
  kind: 'proxy_signed',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '代签/驿站签收', en: 'Signed by proxy or locker' },
  advice: {
    zh: '包裹由驿站、快递柜或他人代签：提醒买家取件，避免「签收未收到」投诉。',
    en: 'Signed by a station, locker or someone else: remind the buyer to collect it, to avoid a “signed but not received” complaint.',
  },
  rules: { A15: { source: 'A15 (Kuaidi100 303/304/501, Kdniao 211/304/311)', confidence: 'M', heuristic: false, zh: '代签/驿站签收', en: 'Proxy or locker signature' } },
  thresholds: [],
  basis: TRACE_EVENT_FIELDS,
  evaluate(subject, _now, _policy, out) {
    const parcel = subject.parcel;
    if (parcel === null || parcel.tracking.proxySigned !== true) return;
    const { tracking } = parcel;
    out.push({ orderSn: parcel.order.orderSn, kind: 'proxy_signed', severity: 'info', rule: 'A15', basis: traceEventBasis(tracking, newestEvent(tracking)) });
  },
});
