// duplicate_tracking (单号重复, A13): one waybill number on the orders of two or more receivers. The shop
// pre-pass finds the shared numbers; each order carrying one gets this finding.
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';

/**
 * Nothing here grows with the group: a placeholder number on thousands of orders would otherwise change
 * every holder's finding (and rewrite every holder) each time another order with it is read.
 */
export interface DuplicateTrackingBasis {
  trackingNumber: string;
  /** The lowest other order numbers carrying it, at most LISTED_OTHER_ORDERS. */
  otherOrderSns: string;
  /** More orders carry it than are listed. */
  moreOrders: boolean;
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
    otherOrderSns: field('orders', '其他订单', 'Other orders'),
    moreOrders: field('flag', '还有更多订单', 'More orders than listed'),
    courierName: FIELDS.courierName,
  },
  evaluate({ order, sharedNumber }, _now, _policy, out) {
    if (sharedNumber === null) return;
    const others: string[] = [];
    for (const orderSn of sharedNumber.orderSns) {
      if (others.length === LISTED_OTHER_ORDERS) break;
      if (orderSn !== order.orderSn) others.push(orderSn);
    }
    const otherCount = sharedNumber.orderSns.length - 1;
    out.push({
      orderSn: order.orderSn,
      kind: 'duplicate_tracking',
      severity: 'critical',
      rule: 'A13',
      basis: {
        trackingNumber: sharedNumber.trackingNumber,
        otherOrderSns: others.join(','),
        moreOrders: otherCount > others.length,
        courierName: order.courierName,
      },
    });
  },
});
