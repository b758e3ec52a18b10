import { privacyExtensionOf } from '../pdd/phone-tail';
import { receiverKeyOf } from '../pdd/receiver-key';

/**
 * Buyer fields that never leave the page world. Province and city stay: the destination check needs them.
 * Covers the list, detail and after-sales shapes (snake_case and camelCase spellings).
 */
const PII_KEYS = new Set([
  'receive_name',
  'receiver_name',
  'receiveName',
  'receiverName',
  'mobile',
  'receive_mobile',
  'receiver_phone',
  'receiverPhone',
  'mobileNumber',
  'shipping_address',
  'address',
  'receiver_address',
  'receiverAddress',
  'district_name',
  'town_name',
  'nickname',
  'nickName',
  'buyer_memo',
  'uid',
  'buyerName',
  'buyer_name',
]);

const RECEIVER_KEYS = ['receive_name', 'mobile', 'shipping_address'];

/**
 * Returns a copy of a console response with buyer names, phones and addresses removed.
 * Objects that described a receiver get a `receiver_key` hash instead, so that the
 * duplicate-tracking rule can still tell two receivers apart, and a privacy number's extension
 * as `mobile_extension` (not the buyer's digits: couriers ask for it as the 顺丰/中通 phone tail).
 */
export function stripBuyerPii(value: unknown, depth = 0): unknown {
  if (depth > 12 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => stripBuyerPii(item, depth + 1));
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (!PII_KEYS.has(key)) copy[key] = stripBuyerPii(source[key], depth + 1);
  }
  if (RECEIVER_KEYS.some((key) => key in source)) {
    const receiverKey = receiverKeyOf(source);
    if (receiverKey !== null) copy.receiver_key = receiverKey;
  }
  const extension = privacyExtensionOf(source.mobile);
  if (extension !== null) copy.mobile_extension = extension;
  return copy;
}
