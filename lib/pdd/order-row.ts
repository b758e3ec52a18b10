// `recentOrderList` pageItems (pdd-rules §3.2, §4.1) → OrderFacts.
import type { OrderFacts, OrderState } from '../facts/facts';
import { FieldReader, isRecord } from './fields';
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
  const read = new FieldReader(row);
  const orderSn = read.text('order_sn');
  const statusText = read.text('order_status_str') ?? '';
  const orderStatus = read.number('order_status');
  const shippedAt = read.epoch('shipping_time');
  const afterSalesStatus = read.number('after_sales_status');
  const noNeedShip = read.flag('no_need_ship');
  const facts: OrderFacts = {
    orderSn: orderSn ?? '',
    state: stateOf(statusText, orderStatus, shippedAt),
    refunded: statusText.endsWith('退款成功') || afterSalesStatus === MMS_REFUND_SUCCEEDED,
    statusText,
    orderAt: read.epoch('order_time') ?? read.epoch('confirm_time'),
    promiseShipAt: read.epoch('promise_shipping_time'),
    shippedAt,
    urgedAt: read.epoch('urge_shipping_time'),
    receivedAt: read.epoch('receive_time'),
    trackingNumber: normalizeTrackingNumber(read.text('tracking_number')),
    shippingId: read.number('shipping_id'),
    courierName: read.text('shipping_name') ?? waybillShippingName(row.waybillDTOList),
    goodsId: read.text('goods_id'),
    goodsName: read.text('goods_name'),
    afterSalesStatus,
    afterSalesId: read.text('after_sales_id'),
    riskHold: read.number('risk_status') === 1,
    noLogistics: noNeedShip || read.flag('no_trace_delivery') || read.flag('self_contained'),
    noNeedShip,
    shippingDelayAllowed: read.flag(RELIEF_TAG) || hasTag(row.order_tag_list, RELIEF_TAG),
    provinceName: read.text('province_name'),
    cityName: read.text('city_name'),
    receiverKey: receiverKeyOf(row),
    orderAmountCents: read.number('order_amount'),
  };
  if (orderSn === null) read.problems.unshift('order_sn missing');
  if (read.problems.length > 0) return { ok: false, error: read.problems.join('; ') };
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
  return list.some((item) => item === tag || (isRecord(item) && item.name === tag && item.value !== 0 && item.value !== false));
}
