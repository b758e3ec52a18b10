import type { SyntheticShop } from '../synthetic-shop';
import { STAND_IN_SENDER_PHONE_TAIL } from './credentials';

/**
 * The receiver's tail a courier accepts for one order's `mobile`: the extension of a privacy number
 * `主号-分机` (`18400001234-5678` → `5678`, never the main number's `1234`), else the last four digits of the
 * masked number (`138****0001` → `0001`, the buyer's real ones, which the extension is not allowed to keep).
 * Both end with it.
 */
export function receiverPhoneTail(mobile: string): string {
  return mobile.slice(-4);
}

/**
 * tracking number → the phone tails Kuaidi100 and Kdniao accept for its 顺丰/中通 queries
 * (lib/tracking/README.md § Phone tail): the receivers' tails and the sender's, STAND_IN_SENDER_PHONE_TAIL.
 * A number on several orders accepts any of their tails. Buyers' return parcels are not listed, so they need no tail.
 */
export function phoneTailsByTrackingNumber(shop: SyntheticShop): Map<string, Set<string>> {
  const tails = new Map<string, Set<string>>();
  for (const row of shop.orders) {
    const number = row.tracking_number;
    if (typeof number !== 'string' || number === '' || typeof row.mobile !== 'string') continue;
    const set = tails.get(number) ?? new Set<string>([STAND_IN_SENDER_PHONE_TAIL]);
    set.add(receiverPhoneTail(row.mobile));
    tails.set(number, set);
  }
  return tails;
}

/** Whether a query for `number` passes the phone check (numbers the shop does not know always pass). */
export function phoneTailAccepted(tails: Map<string, Set<string>>, number: string, given: unknown): boolean {
  const expected = tails.get(number);
  return expected === undefined || (typeof given === 'string' && expected.has(given));
}
