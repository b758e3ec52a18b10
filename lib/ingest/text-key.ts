// A short, stable key for a tracking event's text, so that the same event repeated by every reply is
// stored once. Two 32-bit FNV-1a hashes with different offsets: collisions within one waybill's events at
// the same millisecond are not a practical concern.

function fnv1a(text: string, offset: number): number {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function textKey(text: string): string {
  const normalized = text.trim().replace(/\s+/g, ' ');
  return (
    fnv1a(normalized, 0x811c9dc5).toString(16).padStart(8, '0') +
    fnv1a(normalized, 0x01234567).toString(16).padStart(8, '0')
  );
}
