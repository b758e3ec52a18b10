// The moment the stand-in couriers answer for: a parcel's reply holds the events that have happened by then,
// so timelines advance while a test or the demo runs.
import type { SyntheticShop } from '../synthetic-shop';

/** Epoch ms the stand-in Kuaidi100 and Kdniao answer for. A test may pass its own to move time on. */
export type CourierClock = () => number;

/** The shop's clock running on in real time from `startedAt` (epoch ms, default the call's moment). */
export function shopClock(shop: Pick<SyntheticShop, 'now'>, startedAt = Date.now()): CourierClock {
  return () => shop.now + (Date.now() - startedAt);
}

/** The clock in the unix seconds the shop's timelines count in. */
export const unixSecondsOf = (clock: CourierClock): number => Math.floor(clock() / 1000);
