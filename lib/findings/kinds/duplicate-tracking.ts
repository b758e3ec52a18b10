// duplicate_tracking (单号重复, A13): one waybill number on the orders of two or more receivers. The shop
// pre-pass finds the shared numbers; each order carrying one gets this finding.
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';

export interface DuplicateTrackingBasis {
  trackingNumber: string;
  orderCount: number;
  receiverCount: number;
  /** The first few other orders with the number, in ascending order; the count says how many there are. */
  otherOrderSns: string;
  courierName: string | null;
}

export type DuplicateTrackingFinding = OrderFindingOf<'duplicate_tracking', 'A13', DuplicateTrackingBasis>;

/**
 * Other orders named per finding. A placeholder number ("0000") on thousands of orders must not make every
 * finding list every other order: the output would grow with the square of the orders.
 */
export const LISTED_OTHER_ORDERS = 5;

export const duplicateTracking = orderKind<DuplicateTrackingFinding>()({
  kind: 'duplicate_tracking',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '单号重复', en: 'Duplicate tracking number' },
  advice: {
    zh: '同一单号用于多个不同收件人的订单：核对并修改填错的单号。',
    en: 'One tracking number is on orders for different receivers: find and fix the wrong one.',
  },
  rules: { A13: { source: 'A13: Order Sentinel rule', confidence: 'M', heuristic: false, zh: '单号重复', en: 'Duplicate tracking number' } },
  thresholds: [],
  basis: {
    trackingNumber: FIELDS.trackingNumber,
    orderCount: field('count', '订单数', 'Orders'),
    receiverCount: field('count', '收件人数', 'Receivers'),
    otherOrderSns: field('orders', '其他订单', 'Other orders'),
    courierName: FIELDS.courierName,
  },
  evaluate({ order, sharedNumber }, _now, _policy, out) {
    if (sharedNumber === null) return;
    const others: string[] = [];
    for (const orderSn of sharedNumber.orderSns) {
      if (others.length === LISTED_OTHER_ORDERS) break;
      if (orderSn !== order.orderSn) others.push(orderSn);
    }
    out.push({
      orderSn: order.orderSn,
      kind: 'duplicate_tracking',
      severity: 'critical',
      rule: 'A13',
      basis: {
        trackingNumber: sharedNumber.trackingNumber,
        orderCount: sharedNumber.orderSns.length,
        receiverCount: sharedNumber.receiverCount,
        otherOrderSns: others.join(','),
        courierName: order.courierName,
      },
    });
  },
});
