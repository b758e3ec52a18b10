// `recentOrderList` pageItems (pdd-rules §3.2, §4.1) → OrderFacts.
import type { OrderFacts, OrderState } from '../facts/facts';
import { isRecord, readEpoch, readFlag, readNumber, readText } from './fields';
import { receiverKeyOf } from './receiver-key';

export type OrderRowResult = { ok: true; facts: OrderFacts } | { ok: false; error: string };

/** The mms after-sales code for 退款成功 (pdd-rules §4.3; never the open-API table, where 5 means 退款中). */
const MMS_REFUND_SUCCEEDED = 5;
const RELIEF_TAG = 'region_black_delay_shipping';

/**
 * `order_status_str` prefixes, matched in order. The wording changed over the years (已发货，待签收 in
 * 2020–22, 已发货，待收货 in 2026; 已签收 / 已收货), so only the part before the full-width comma counts.
 */
const STATUS_PREFIXES: ReadonlyArray<readonly [string, OrderState]> = [
  ['待支付', 'unpaid'],
  ['待发货', 'unshipped'],
  ['未发货', 'unshipped'],
  ['已发货', 'shipped'],
  ['已签收', 'received'],
  ['已收货', 'received'],
  ['已取消', 'cancelled'],
  ['未成交', 'cancelled'],
];

export function normalizeOrderRow(row: unknown): OrderRowResult {
  if (!isRecord(row)) return { ok: false, error: `expected an object, got ${Array.isArray(row) ? 'an array' : typeof row}` };
  const problems: string[] = [];
  const orderSn = readText(row.order_sn, 'order_sn', problems);
  const statusText = readText(row.order_status_str, 'order_status_str', problems) ?? '';
  const orderStatus = readNumber(row.order_status, 'order_status', problems);
  const shippedAt = readEpoch(row.shipping_time, 'shipping_time', problems);
  const afterSalesStatus = readNumber(row.after_sales_status, 'after_sales_status', problems);
  const noNeedShip = readFlag(row.no_need_ship);
  const facts: OrderFacts = {
    orderSn: orderSn ?? '',
    state: stateOf(statusText, orderStatus, shippedAt),
    refunded: statusText.endsWith('退款成功') || afterSalesStatus === MMS_REFUND_SUCCEEDED,
    statusText,
    orderAt: readEpoch(row.order_time, 'order_time', problems) ?? readEpoch(row.confirm_time, 'confirm_time', problems),
    promiseShipAt: readEpoch(row.promise_shipping_time, 'promise_shipping_time', problems),
    shippedAt,
    urgedAt: readEpoch(row.urge_shipping_time, 'urge_shipping_time', problems),
    receivedAt: readEpoch(row.receive_time, 'receive_time', problems),
    trackingNumber: normalizeTrackingNumber(readText(row.tracking_number, 'tracking_number', problems)),
    shippingId: readNumber(row.shipping_id, 'shipping_id', problems),
    courierName: readText(row.shipping_name, 'shipping_name', problems) ?? waybillShippingName(row.waybillDTOList),
    goodsId: readText(row.goods_id, 'goods_id', problems),
    goodsName: readText(row.goods_name, 'goods_name', problems),
    afterSalesStatus,
    afterSalesId: readText(row.after_sales_id, 'after_sales_id', problems),
    riskHold: readNumber(row.risk_status, 'risk_status', problems) === 1,
    noLogistics: noNeedShip || readFlag(row.no_trace_delivery) || readFlag(row.self_contained),
    noNeedShip,
    shippingDelayAllowed: readFlag(row[RELIEF_TAG]) || hasTag(row.order_tag_list, RELIEF_TAG),
    provinceName: readText(row.province_name, 'province_name', problems),
    cityName: readText(row.city_name, 'city_name', problems),
    receiverKey: receiverKeyOf(row),
    orderAmountCents: readNumber(row.order_amount, 'order_amount', problems),
  };
  if (orderSn === null) problems.unshift('order_sn missing');
  if (problems.length > 0) return { ok: false, error: problems.join('; ') };
  return { ok: true, facts };
}

/** Waybill numbers are compared across orders and providers: no spaces, upper case. */
export function normalizeTrackingNumber(value: string | null): string | null {
  if (value === null) return null;
  // Numbers almost always arrive compact and upper-case already. Keeping the caller's string avoids two
  // copies per call, and a string that is looked up again keeps the hash V8 computed for it.
  if (value !== '' && isPrintableAsciiWithoutLowerCase(value)) return value;
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return compact === '' ? null : compact;
}

/** Only '!'…'~' without 'a'…'z': no whitespace to remove and nothing `toUpperCase` would change. */
function isPrintableAsciiWithoutLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x21 || code > 0x7e || (code >= 0x61 && code <= 0x7a)) return false;
  }
  return true;
}

function stateOf(statusText: string, orderStatus: number | null, shippedAt: number | null): OrderState {
  for (const [prefix, state] of STATUS_PREFIXES) {
    if (statusText.startsWith(prefix)) return state;
  }
  // Without a status string, fall back on the coarse integer (0 待支付, 1 paid, 2 已取消) and the upload time.
  if (orderStatus === 2) return 'cancelled';
  if (orderStatus === 0) return 'unpaid';
  if (shippedAt !== null) return 'shipped';
  return orderStatus === 1 ? 'unshipped' : 'unknown';
}

function waybillShippingName(list: unknown): string | null {
  if (!Array.isArray(list)) return null;
  for (const waybill of list) {
    if (isRecord(waybill) && typeof waybill.shippingName === 'string' && waybill.shippingName.trim() !== '') {
      return waybill.shippingName.trim();
    }
  }
  return null;
}

/** `order_tag_list` holds tag names, or `{name, value}` objects as in the open API. */
function hasTag(list: unknown, tag: string): boolean {
  if (!Array.isArray(list)) return false;
  for (const item of list) {
    if (item === tag || (isRecord(item) && item.name === tag && item.value !== 0 && item.value !== false)) return true;
  }
  return false;
}
