/** An amount in cents (分), as the console sends it, in yuan: 1990 → ¥19.90. */
export function centsText(cents: number): string {
  return `¥${(cents / 100).toFixed(2)}`;
}
