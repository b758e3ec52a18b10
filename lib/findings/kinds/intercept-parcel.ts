// intercept_parcel (发货后退款，需拦截, OS1): a refund asked for (or granted) after the parcel left, while it
// has not arrived: stop it before the buyer signs for goods already refunded.
import type { AfterSaleFacts, TrackingStatus } from '../../facts/facts';
import { REFUND_SUCCEEDED, isFinished } from '../after-sale';
import { shortText } from '../bands';
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { newestEvent } from '../trace';

export interface InterceptParcelBasis {
  refundSource: 'after_sale' | 'order_status';
  afterSaleId: string | null;
  refundRequestedAt: number | null;
  afterSaleStatus: string | null;
  statusText: string;
  shippedAt: number;
  trackingNumber: string | null;
  trackingStatus: TrackingStatus | null;
  lastEventAt: number | null;
  lastEventText: string | null;
}

export type InterceptParcelFinding = OrderFindingOf<'intercept_parcel', 'OS1', InterceptParcelBasis>;

/** Where the parcel already arrived or is on its way back, intercepting it is moot. */
const NO_INTERCEPT: ReadonlySet<TrackingStatus> = new Set(['delivered', 'rejected', 'returning', 'returned']);

export const interceptParcel = orderKind<InterceptParcelFinding>()({
  kind: 'intercept_parcel',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '发货后退款，需拦截', en: 'Refund after shipping: intercept parcel' },
  advice: {
    zh: '发货后买家申请退款而包裹尚未送达：联系快递拦截包裹；若退款原因是物流问题，可请买家修改退款原因。',
    en: 'Refund requested after shipping while the parcel is still moving: ask the courier to intercept it; if the reason cites logistics, ask the buyer to change it.',
  },
  rules: { OS1: { source: 'Order Sentinel rule: a refund after shipping on a parcel not yet delivered', confidence: 'M', heuristic: false, zh: '发货后退款需拦截', en: 'Refund after shipping: intercept' } },
  thresholds: [],
  basis: {
    refundSource: field('code', '退款依据', 'Refund from', {
      after_sale: { zh: '售后单', en: 'an after-sales case' },
      order_status: { zh: '订单状态', en: 'the order status' },
    }),
    afterSaleId: FIELDS.afterSaleId,
    refundRequestedAt: field('instant', '申请退款时间', 'Refund requested'),
    afterSaleStatus: FIELDS.afterSaleStatusText,
    statusText: FIELDS.statusText,
    shippedAt: FIELDS.shippedAt,
    trackingNumber: FIELDS.trackingNumber,
    trackingStatus: FIELDS.trackingStatus,
    lastEventAt: FIELDS.lastEventAt,
    lastEventText: field('text', '最近轨迹', 'Last event text'),
  },
  evaluate({ order, afterSales, tracking }, _now, _policy, out) {
    const shippedAt = order.shippedAt;
    if (shippedAt === null || order.noLogistics || order.state === 'received' || order.state === 'cancelled') return;
    if (tracking !== null && NO_INTERCEPT.has(tracking.status)) return;
    const refundCase = refundAfterShipping(afterSales, shippedAt);
    if (refundCase === null && !order.refunded) return;
    out.push({
      orderSn: order.orderSn,
      kind: 'intercept_parcel',
      severity: 'critical',
      rule: 'OS1',
      basis: {
        refundSource: refundCase !== null ? 'after_sale' : 'order_status',
        afterSaleId: refundCase?.id ?? null,
        refundRequestedAt: refundCase?.createdAt ?? null,
        afterSaleStatus: refundCase?.statusText ?? null,
        statusText: order.statusText,
        shippedAt,
        trackingNumber: order.trackingNumber,
        trackingStatus: tracking?.status ?? null,
        lastEventAt: tracking?.lastEventAt ?? null,
        lastEventText: tracking === null ? null : shortText(newestEvent(tracking)?.text),
      },
    });
  },
});

/**
 * The refund case open (or refunded) that was asked for once the parcel had left: the earliest request,
 * then the smallest case id, so that the case cited never depends on the order of the rows.
 */
function refundAfterShipping(sales: readonly AfterSaleFacts[], shippedAt: number): AfterSaleFacts | null {
  let chosen: AfterSaleFacts | null = null;
  for (const sale of sales) {
    if (sale.kind !== 'refund_only' && sale.kind !== 'return_refund' && sale.kind !== 'unknown') continue;
    if (isFinished(sale) && sale.statusCode !== REFUND_SUCCEEDED) continue;
    if (sale.createdAt !== null && sale.createdAt < shippedAt) continue;
    if (chosen === null || requestedBefore(sale, chosen)) chosen = sale;
  }
  return chosen;
}

function requestedBefore(a: AfterSaleFacts, b: AfterSaleFacts): boolean {
  const atA = a.createdAt ?? Infinity;
  const atB = b.createdAt ?? Infinity;
  return atA !== atB ? atA < atB : a.id < b.id;
}
