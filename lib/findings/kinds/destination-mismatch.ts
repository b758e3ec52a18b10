// destination_mismatch (轨迹与收货地不符, A12): the province or city where the parcel is delivered (or, before
// that, the provider's destination) is not the order's.
import type { TrackingEvent, TrackingStatus } from '../../facts/facts';
import { areasDiffer, parseArea, placeName } from '../area';
import { TRACE_FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import type { TraceBasis } from '../trace';

export interface DestinationMismatchBasis extends TraceBasis {
  orderProvince: string | null;
  orderCity: string | null;
  traceArea: string;
  areaSource: 'event' | 'route';
  eventAt: number | null;
}

export type DestinationMismatchFinding = OrderFindingOf<'destination_mismatch', 'A12', DestinationMismatchBasis>;

const DELIVERY_STAGES: ReadonlySet<TrackingStatus> = new Set(['out_for_delivery', 'available_for_pickup', 'delivered']);

export const destinationMismatch = orderKind<DestinationMismatchFinding>()({
  kind: 'destination_mismatch',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '轨迹与收货地不符', en: 'Trace does not match destination' },
  advice: {
    zh: '轨迹与收货地址不符：核对是否填错单号（24小时内可修改），否则可能被判虚假轨迹。',
    en: 'The trace does not go to the buyer’s city: check for a wrong number (editable within 24 h) before it counts as a false trace.',
  },
  rules: { A12: { source: 'A12: trace areas against the order\'s province and city', confidence: 'M', heuristic: false, zh: '轨迹与收货地不符', en: 'Destination mismatch' } },
  thresholds: [],
  basis: {
    ...TRACE_FIELDS,
    orderProvince: field('text', '收货省份', 'Destination province'),
    orderCity: field('text', '收货城市', 'Destination city'),
    traceArea: field('text', '轨迹地区', 'Trace area'),
    areaSource: field('code', '地区来源', 'Area from', {
      event: { zh: '派送或签收轨迹', en: 'a delivery event' },
      route: { zh: '快递给出的目的地', en: "the courier's destination" },
    }),
    eventAt: field('instant', '轨迹时间', 'Event time'),
  },
  evaluate(subject, _now, _policy, out) {
    const parcel = subject.parcel;
    if (parcel === null) return;
    const { order, tracking } = parcel;
    if (order.provinceName === null && order.cityName === null) return;
    let event: TrackingEvent | undefined;
    for (let i = tracking.events.length - 1; i >= 0; i -= 1) {
      const candidate = tracking.events[i] as TrackingEvent;
      if (candidate.area !== null && candidate.status !== null && DELIVERY_STAGES.has(candidate.status)) {
        event = candidate;
        break;
      }
    }
    const traceArea = event?.area ?? tracking.destinationArea;
    if (traceArea === null || traceArea === undefined) return;
    const orderArea = {
      province: order.provinceName === null ? null : placeName(order.provinceName),
      city: order.cityName === null ? null : placeName(order.cityName),
    };
    if (!areasDiffer(orderArea, parseArea(traceArea))) return;
    out.push({
      orderSn: order.orderSn,
      kind: 'destination_mismatch',
      severity: 'critical',
      rule: 'A12',
      basis: {
        trackingNumber: tracking.trackingNumber,
        trackingStatus: tracking.status,
        rawState: tracking.rawState,
        rawSub: tracking.rawSub,
        orderProvince: order.provinceName,
        orderCity: order.cityName,
        traceArea,
        areaSource: event === undefined ? 'route' : 'event',
        eventAt: event?.at ?? null,
      },
    });
  },
});
