import type { SyntheticShop } from '../synthetic-shop';

/**
 * tracking number → the receivers' phone tails (last four digits of the masked `mobile`), which Kuaidi100
 * and Kdniao require for 顺丰 and 中通 waybills (lib/tracking/README.md § Phone tail). A number on several orders
 * accepts any of their tails. Buyers' return parcels are not listed, so they need no tail.
 */
export function phoneTailsByTrackingNumber(shop: SyntheticShop): Map<string, Set<string>> {
  const tails = new Map<string, Set<string>>();
  for (const row of shop.orders) {
    const number = row.tracking_number;
    if (typeof number !== 'string' || number === '' || typeof row.mobile !== 'string') continue;
    const set = tails.get(number) ?? new Set<string>();
    set.add(row.mobile.slice(-4));
    tails.set(number, set);
  }
  return tails;
}

/** Whether a query for `number` passes the phone check (numbers the shop does not know always pass). */
export function phoneTailAccepted(tails: Map<string, Set<string>>, number: string, given: unknown): boolean {
  const expected = tails.get(number);
  return expected === undefined || (typeof given === 'string' && expected.has(given));
}
