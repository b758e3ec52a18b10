// Ships inside the ~3 KB page-world hook: no imports, no async, nothing but a string hash.

const RECEIVER_FIELDS = ['receive_name', 'mobile', 'shipping_address'] as const;
const AREA_FIELDS = ['province_name', 'city_name', 'district_name'] as const;

/**
 * A non-reversible key of an order's receiver, so the duplicate-tracking rule can tell "one parcel for
 * two orders of the same buyer" (merged shipment) from "one number on two buyers' orders" without
 * keeping names, phones or addresses. A `receiver_key` left by our page hook (after it removed the PII)
 * wins; null when the row names no receiver.
 */
export function receiverKeyOf(row: Record<string, unknown>): string | null {
  if (typeof row.receiver_key === 'string' && row.receiver_key !== '') return row.receiver_key;
  const receiver = RECEIVER_FIELDS.map((field) => normalized(row[field]));
  if (receiver.every((part) => part === '')) return null;
  const area = AREA_FIELDS.map((field) => normalized(row[field]));
  return cyrb53([...receiver, ...area].join('\u0001'));
}

// Whitespace and letter case vary between captures of the same masked value ("138 **** 0000").
function normalized(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\s+/g, '').toLowerCase();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** cyrb53 (public domain, bryc): a fast 53-bit string hash, as 14 hex digits. */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
