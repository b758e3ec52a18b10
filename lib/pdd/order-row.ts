// `recentOrderList` pageItems (lib/pdd/README.md § Order list fields, § Order status strings) → OrderFacts.
import type { OrderFacts, OrderState } from '../facts/facts';
import { isAbsent, isRecord, readCents, readCode, readEpoch, readFlag, readText } from './fields';
import { describeValue } from '../text/quote';
import { privacyExtensionOf } from './phone-tail';
import { receiverKeyOf } from './receiver-key';

export type OrderRowResult = { ok: true; facts: OrderFacts } | { ok: false; error: string };

/** The mms after-sales code for 退款成功 (lib/pdd/README.md § After-sales status codes; never the open-API table, where 5 means 退款中). */
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

// Hand-written field by field, without a schema library: a shop's capture normalizes thousands of rows.
export function normalizeOrderRow(row: unknown): OrderRowResult {
  if (!isRecord(row)) return { ok: false, error: `expected an object, got ${describeValue(row)}` };
  const problems: string[] = [];
  const orderSn = readText(row.order_sn, 'order_sn', problems);
  const statusText = readText(row.order_status_str, 'order_status_str', problems) ?? '';
  const orderStatus = readCode(row.order_status, 'order_status', problems);
  const shippedAt = readEpoch(row.shipping_time, 'shipping_time', problems);
  const afterSalesStatus = readCode(row.after_sales_status, 'after_sales_status', problems);
  const noNeedShip = readFlag(row.no_need_ship, 'no_need_ship', problems) === true;
  const noTraceDelivery = readFlag(row.no_trace_delivery, 'no_trace_delivery', problems) === true;
  const selfContained = readFlag(row.self_contained, 'self_contained', problems) === true;
  const reliefFlag = readFlag(row[RELIEF_TAG], RELIEF_TAG, problems) === true;
  const reliefTag = hasReliefTag(row.order_tag_list, problems);
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
    shippingId: readCode(row.shipping_id, 'shipping_id', problems),
    courierName: readText(row.shipping_name, 'shipping_name', problems) ?? waybillShippingName(row.waybillDTOList),
    goodsId: readText(row.goods_id, 'goods_id', problems),
    goodsName: readText(row.goods_name, 'goods_name', problems),
    afterSalesStatus,
    afterSalesId: readText(row.after_sales_id, 'after_sales_id', problems),
    riskHold: readCode(row.risk_status, 'risk_status', problems) === 1,
    noLogistics: noNeedShip || noTraceDelivery || selfContained,
    noNeedShip,
    shippingDelayAllowed: reliefFlag || reliefTag,
    provinceName: readText(row.province_name, 'province_name', problems),
    cityName: readText(row.city_name, 'city_name', problems),
    receiverKey: receiverKeyOf(row),
    phoneTail: phoneTailOf(row, problems),
    orderAmountCents: readCents(row.order_amount, 'order_amount', problems),
  };
  checkReceiverFields(row, problems);
  // A value that is there but unreadable is named by its reader, not called missing.
  if (orderSn === null && isAbsent(row.order_sn)) problems.unshift('order_sn missing');
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

/**
 * Whether `order_tag_list` carries the relief tag: as a tag name, or as a `{name, value}` object of the open
 * API whose value is a flag (absent: set). Other tags, in any shape, are not read.
 */
function hasReliefTag(list: unknown, problems: string[]): boolean {
  if (list === null || list === undefined) return false;
  if (!Array.isArray(list)) {
    problems.push(`order_tag_list: expected a list, got ${describeValue(list)}`);
    return false;
  }
  let found = false;
  for (let i = 0; i < list.length; i += 1) {
    const item: unknown = list[i];
    if (item === RELIEF_TAG) found = true;
    else if (isRecord(item) && item.name === RELIEF_TAG) {
      found = item.value === undefined || item.value === null || readFlag(item.value, `order_tag_list[${i}].value`, problems) === true || found;
    }
  }
  return found;
}

/**
 * `mobile_extension`, which our page hook keeps when it drops a privacy number; else the number itself, in
 * rows that never went through the hook (saved console data given to `npm run assess`).
 */
function phoneTailOf(row: Record<string, unknown>, problems: string[]): string | null {
  if (row.mobile_extension === undefined || row.mobile_extension === null) return privacyExtensionOf(row.mobile);
  const tail = readText(row.mobile_extension, 'mobile_extension', problems);
  if (tail === null || /^\d{4}$/.test(tail)) return tail;
  problems.push(`mobile_extension: ${describeValue(tail)} is not four digits`);
  return null;
}

/**
 * The receiver fields feed only the receiver key (see receiverKeyOf), which reads text and numbers: any
 * other value, or a number JSON has rounded, would change the key without a word.
 */
function checkReceiverFields(row: Record<string, unknown>, problems: string[]): void {
  if (typeof row.receiver_key === 'string' && row.receiver_key !== '') return;
  readText(row.receive_name, 'receive_name', problems);
  readText(row.mobile, 'mobile', problems);
  readText(row.shipping_address, 'shipping_address', problems);
  readText(row.district_name, 'district_name', problems);
}
