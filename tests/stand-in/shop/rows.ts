// Drafts written out exactly as the console sends them: `recentOrderList` pageItems (lib/pdd/README.md § Order list fields,
// snake_case, unix seconds, cents) and `afterSales/queryList` rows (lib/pdd/README.md § After-sales list, camelCase, `closeTime` in ms).

import type { AfterSaleDraft, OrderDraft } from './drafts';

export const THUMB_URL = 'https://mms.pinduoduo.com/stand-in-assets/thumb.png';

const REFUNDED = new Set(['未发货，退款成功', '已发货，退款成功']);

/** Money of one order, in cents. */
export interface Amounts {
  goodsAmount: number;
  merchantDiscount: number;
  platformDiscount: number;
  orderAmount: number;
}

export function amountsOf(draft: OrderDraft, discountRoll: number): Amounts {
  const goodsAmount = draft.goods.priceCents * draft.quantity;
  const merchantDiscount = discountRoll < 0.3 ? 0 : discountRoll < 0.7 ? 100 : 300;
  const platformDiscount = discountRoll < 0.5 ? 0 : 50;
  return { goodsAmount, merchantDiscount, platformDiscount, orderAmount: goodsAmount - merchantDiscount - platformDiscount };
}

function shippingStatusOf(draft: OrderDraft): number {
  if (draft.shippingTime === 0) return 0;
  return draft.status === '已收货' ? 2 : 1;
}

function payStatusOf(draft: OrderDraft): number {
  if (draft.status === '已取消') return 0;
  return REFUNDED.has(draft.status) ? 4 : 2;
}

/** One `recentOrderList` pageItem. `mall_id` is absent, as in 2026 captures. */
export function toPageItem(draft: OrderDraft, orderSn: string, afterSalesId: number | null, amounts: Amounts): Record<string, unknown> {
  const { buyer, goods, parcel } = draft;
  const shipped = draft.shippingTime !== 0;
  const createdAt = draft.orderTime - 47;
  return {
    order_sn: orderSn,
    order_status: draft.status === '已取消' ? 2 : 1,
    order_status_str: draft.status,
    shipping_status: shippingStatusOf(draft),
    pay_status: payStatusOf(draft),
    group_status: 1,
    risk_status: draft.riskHold ? 1 : 0,
    order_time: draft.orderTime,
    confirm_time: draft.orderTime,
    created_at: createdAt,
    payment_start_time: createdAt,
    promise_shipping_time: draft.status === '已取消' ? null : draft.promiseShippingTime,
    shipping_time: draft.shippingTime,
    urge_shipping_time: draft.urgeShippingTime,
    tracking_number: shipped && parcel !== null ? parcel.trackingNumber : '',
    shipping_id: shipped && parcel !== null ? parcel.courier.shippingId : 0,
    shipping_name: shipped && parcel !== null ? parcel.courier.name : null,
    waybillDTOList: shipped && parcel !== null ? [{ trackingNumber: parcel.trackingNumber, shippingId: parcel.courier.shippingId, shippingName: parcel.courier.name }] : [],
    after_sales_status: draft.afterSale?.status ?? null,
    after_sales_id: afterSalesId,
    goods_id: goods.goodsId,
    goods_name: goods.name,
    spec: goods.spec,
    goods_number: draft.quantity,
    sku_id: goods.skuId,
    out_sku_sn: null,
    out_goods_sn: goods.outGoodsSn,
    thumb_url: THUMB_URL,
    goods_price: goods.priceCents,
    goods_amount: amounts.goodsAmount,
    order_amount: amounts.orderAmount,
    merchant_discount: amounts.merchantDiscount,
    platform_discount: amounts.platformDiscount,
    shipping_amount: 0,
    service_amount: 0,
    receive_name: buyer.name,
    province_name: buyer.area.province,
    city_name: buyer.area.city,
    district_name: buyer.district,
    shipping_address: buyer.address,
    mobile: buyer.mobile,
    nickname: buyer.nickname,
    buyer_memo: '',
    mall_remark: null,
    mall_remark_tag: null,
    remark_status: 0,
    delivery_one_day: 0,
    no_need_ship: draft.noNeedShip ? 1 : 0,
    no_trace_delivery: 0,
    self_contained: 0,
    stockout_source_type: 0,
    step_pay_orders: null,
    trade_type: 0,
    type: 0,
    biz_type: 0,
    is_exist_fine_info: false,
  };
}

/** One `afterSales/queryList` row. */
export function toAfterSalesRow(draft: OrderDraft, afterSale: AfterSaleDraft, id: number, orderSn: string, amounts: Amounts): Record<string, unknown> {
  return {
    id,
    orderSn,
    afterSalesType: afterSale.type,
    afterSalesTypeName: afterSale.type === 1 ? '仅退款' : '退货退款',
    afterSalesStatus: afterSale.status,
    afterSalesTitle: afterSale.title,
    afterSalesReasonCode: null,
    afterSalesReasonDesc: afterSale.reason,
    orderAmount: amounts.orderAmount,
    refundAmount: amounts.orderAmount,
    receiveAmount: amounts.orderAmount,
    returnCouponAmount: 0,
    createdAt: afterSale.createdAt,
    closeTime: afterSale.closeTimeMs,
    expireRemainTime: afterSale.expireRemainTime,
    expireActionDesc: afterSale.expireActionDesc,
    rejectChatTipDesc: null,
    rejectChatTipExpireRemainTime: null,
    reverseShippingId: afterSale.reverse?.courier.shippingId ?? null,
    reverseTrackingNumber: afterSale.reverse?.trackingNumber ?? null,
    sellerAfterSalesShippingStatus: 0,
    sellerAfterSalesShippingStatusDesc: null,
    actions: afterSale.actions,
    assignedProcessorId: null,
    assignedProcessorName: null,
    goodsId: draft.goods.goodsId,
    goodsName: draft.goods.name,
    goodsSpec: draft.goods.spec,
    goodsNumber: draft.quantity,
    goodsThumbUrl: THUMB_URL,
    mallRemark: null,
    mallRemarkTag: null,
    ticketId: null,
    uid: draft.buyer.uid,
    version: 1,
  };
}
