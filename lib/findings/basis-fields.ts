// Basis fields that several kinds carry, described once: how each value reads and what the merchant
// calls it. A kind's own fields are described in its module.
import type { AfterSaleKind, TrackingStatus } from '../facts/facts';
import type { BasisField, BasisFormat } from './define';
import type { Words } from './words';

export function field(format: BasisFormat, zh: string, en: string, values?: Readonly<Record<string, Words>>): BasisField {
  return values === undefined ? { format, zh, en, shown: true } : { format, zh, en, shown: true, values };
}

/** A field kept for the record but not listed in the explanation (the badge shows it live, or it restates the rule). */
export function unshown(format: BasisFormat, zh: string, en: string): BasisField {
  return { format, zh, en, shown: false };
}

export const TRACKING_STATUS_LABELS: Readonly<Record<TrackingStatus, Words>> = {
  unknown: { zh: '暂无轨迹', en: 'no trace yet' },
  pending: { zh: '待揽收', en: 'awaiting pickup' },
  picked_up: { zh: '已揽收', en: 'picked up' },
  in_transit: { zh: '运输中', en: 'in transit' },
  out_for_delivery: { zh: '派送中', en: 'out for delivery' },
  available_for_pickup: { zh: '待取件', en: 'ready for collection' },
  delivered: { zh: '已签收', en: 'delivered' },
  rejected: { zh: '拒收', en: 'rejected' },
  returning: { zh: '退回中', en: 'returning' },
  returned: { zh: '已退回', en: 'returned' },
  exception: { zh: '异常', en: 'exception' },
};

const AFTER_SALE_KIND_LABELS: Readonly<Record<AfterSaleKind, Words>> = {
  refund_only: { zh: '仅退款', en: 'refund only' },
  return_refund: { zh: '退货退款', en: 'return and refund' },
  exchange: { zh: '换货', en: 'exchange' },
  resend: { zh: '补寄', en: 'resend' },
  repair: { zh: '维修', en: 'repair' },
  unknown: { zh: '未知', en: 'unknown' },
};

/** The four trace fields every logistics finding starts with. */
export const TRACE_FIELDS = {
  trackingNumber: field('text', '运单号', 'Tracking number'),
  trackingStatus: field('code', '物流状态', 'Tracking status', TRACKING_STATUS_LABELS),
  rawState: field('code', '快递状态码', 'Courier state code'),
  rawSub: field('code', '快递子状态码', 'Courier sub-code'),
} as const;

export const FIELDS = {
  statusText: field('text', '订单状态', 'Order status'),
  shippedAt: field('instant', '上传单号时间', 'Tracking uploaded'),
  promiseShipAt: field('instant', '承诺发货时间', 'Promised ship time'),
  orderAt: field('instant', '成交时间', 'Deal time'),
  trackingNumber: TRACE_FIELDS.trackingNumber,
  trackingStatus: TRACE_FIELDS.trackingStatus,
  trackingCheckedAt: field('instant', '物流查询时间', 'Tracking checked'),
  courierName: field('text', '快递公司', 'Courier'),
  warnHours: field('hours', '提醒阈值', 'Warn from'),
  criticalHours: field('hours', '紧急阈值', 'Urgent from'),
  remainingHours: unshown('hours', '剩余时间', 'Time left'),
  heuristic: unshown('flag', '经验阈值', 'Heuristic'),
  eventAt: field('instant', '轨迹时间', 'Event time'),
  eventText: field('text', '轨迹', 'Event'),
  lastEventAt: field('instant', '最近轨迹时间', 'Last event'),
  afterSaleId: field('text', '售后单号', 'After-sales case'),
  afterSaleKind: field('code', '售后类型', 'Case type', AFTER_SALE_KIND_LABELS),
  afterSaleStatusText: field('text', '售后状态', 'Case status'),
  refundAmountCents: field('cents', '退款金额', 'Refund amount'),
  reasonText: field('text', '售后原因', 'Reason given'),
  goodsId: field('text', '商品ID', 'Product id'),
  goodsName: field('text', '商品', 'Product'),
} as const;
