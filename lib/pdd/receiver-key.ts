// Ships inside the ~3 KB page-world hook: nothing but a string hash, no async.
import { isWhitespace } from '../text/whitespace';

/** The first three hashed fields name the receiver; the area alone does not. */
const RECEIVER_FIELD_COUNT = 3;

/**
 * A non-reversible key of an order's receiver, so the duplicate-tracking rule can tell "one parcel for
 * two orders of the same buyer" (merged shipment) from "one number on two buyers' orders" without
 * keeping names, phones or addresses. A `receiver_key` left by our page hook (after it removed the PII)
 * wins; null when the row names no receiver.
 *
 * Whitespace and ASCII letter case vary between captures of the same masked value ("138 **** 0000"), so
 * they are skipped while hashing: cyrb53 (public domain, bryc), one pass, as 14 hex digits.
 */
export function receiverKeyOf(row: Record<string, unknown>): string | null {
  if (typeof row.receiver_key === 'string' && row.receiver_key !== '') return row.receiver_key;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let namesReceiver = false;
  // Read by name rather than as row[name] in the loop, which would be one megamorphic read per field.
  const fields = [row.receive_name, row.mobile, row.shipping_address, row.province_name, row.city_name, row.district_name];
  for (let field = 0; field < fields.length; field += 1) {
    const value = fields[field];
    const text = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
    for (let i = 0; i < text.length; i += 1) {
      let code = text.charCodeAt(i);
      if (isWhitespace(code)) continue;
      if (code >= 65 && code <= 90) code += 32;
      if (field < RECEIVER_FIELD_COUNT) namesReceiver = true;
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    // A separator, so that moving text from one field to the next changes the key.
    h1 = Math.imul(h1 ^ 1, 2654435761);
    h2 = Math.imul(h2 ^ 1, 1597334677);
  }
  if (!namesReceiver) return null;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // cyrb53's 53-bit value 4294967296 * (2097151 & h2) + (h1 >>> 0) in hex is the low 21 bits of h2 as 6
  // digits, then h1 as 8. Written digit by digit: Number#toString(16) on a 53-bit double costs close to a
  // microsecond, once per order.
  const high = h2 & 2097151;
  return String.fromCharCode(
    hexDigit(high, 20),
    hexDigit(high, 16),
    hexDigit(high, 12),
    hexDigit(high, 8),
    hexDigit(high, 4),
    hexDigit(high, 0),
    hexDigit(h1, 28),
    hexDigit(h1, 24),
    hexDigit(h1, 20),
    hexDigit(h1, 16),
    hexDigit(h1, 12),
    hexDigit(h1, 8),
    hexDigit(h1, 4),
    hexDigit(h1, 0),
  );
}

const HEX_DIGIT_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

/** The character code of the hex digit of `value` at bit `shift` (a multiple of 4). */
function hexDigit(value: number, shift: number): number {
  return HEX_DIGIT_CODES[(value >>> shift) & 15] as number;
}
