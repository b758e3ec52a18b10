// The shop's parcels: the provider-neutral journeys of lib/tracking/demo/journey.ts, carried on past the
// shop's clock so that the stand-in couriers, asked later, answer with later events.

import { ORIGIN, type Courier } from './catalog';
import { MINUTE, HOUR, indexOfKind, planJourney, resumeJourney, type Ending, type EventKind, type Timeline } from '../../../lib/tracking/demo/journey';
import { createRandom, seedOf } from './random';

export interface Parcel extends Timeline {
  courier: Courier;
}

/** Unix seconds of the parcel's last event, or null when it has none. */
export function lastEventAt(parcel: Parcel): number | null {
  const last = parcel.events?.[parcel.events.length - 1];
  return last === undefined ? null : parcel.uploadedAt + last.offset;
}

/** Kinds after which a delivery goes on; any other last event ends the journey (signed, rejected, a problem, …). */
const UNDER_WAY: ReadonlySet<EventKind> = new Set(['ordered', 'awaiting_pickup', 'picked_up', 'departed', 'arrived_hub', 'arrived_city', 'out_for_delivery']);

/** How journeys resumed after the shop's clock end: most are delivered, a few are refused at the door. */
const LATER_ENDINGS: readonly Ending[] = ['signed', 'signed', 'signed', 'signed', 'signed', 'signed_locker', 'signed_proxy', 'rejected'];

/**
 * The parcel with what happens after `now` (unix s), when its journey is under way at `now` (or has no record
 * yet): the courier resumes at `now`, keeping a fresh journey's gaps, so every later event is after `now` and
 * the parcel at `now` is what its scenario drew. The continuation is drawn from the parcel's own number, not
 * the shop's generator: adding it changes nothing else in the shop.
 */
export function withFuture(parcel: Parcel, now: number): Parcel {
  const past = parcel.events ?? [];
  const last = past[past.length - 1];
  if (last !== undefined && !UNDER_WAY.has(last.kind)) return parcel;
  const random = createRandom(seedOf(parcel.trackingNumber));
  const plan = planJourney(random, past[0]?.area ?? ORIGIN, parcel.destination, random.pick(LATER_ENDINGS));
  const nowOffset = now - parcel.uploadedAt;
  const future =
    last === undefined
      ? resumeJourney(plan, -1, nowOffset + random.int(10 * MINUTE, 2 * HOUR))
      : resumeJourney(plan, indexOfKind(plan, last.kind === 'awaiting_pickup' ? 'ordered' : last.kind), nowOffset);
  return { ...parcel, events: [...past, ...future] };
}
