// The demo provider's timelines (演示模式): what happens to a parcel follows from its number alone (a hash
// seeds the generator), placed from its upload time, so the same number always travels the same way and
// a reading at a later moment shows more of the same journey. The rates are demo-friendly, not realistic:
// a 100-order shop shows every outcome.
import { normalizeTrackingNumber } from '../../pdd/order-row';
import { courierCodesFor } from '../couriers';
import type { TrackingQuery } from '../provider';
import { DESTINATIONS, ORIGIN, areaOf, type Area } from './areas';
import { HOUR, awaitingPickup, indexOfKind, planJourney, type JourneyEvent, type Timeline } from './journey';
import { createRandom, seedOf, weightedPicker, type Random } from './random';

export type DemoOutcome = 'delivered' | 'in_transit' | 'never_picked_up' | 'stalled' | 'rejected' | 'returning' | 'wrong_city';

/** Shares in percent. `in_transit` is a long route through a second hub; `wrong_city` is signed in another province. */
export const DEMO_OUTCOME_SHARES: Readonly<Record<DemoOutcome, number>> = {
  delivered: 25,
  in_transit: 15,
  never_picked_up: 12,
  stalled: 12,
  rejected: 12,
  returning: 12,
  wrong_city: 12,
};

export const DEMO_OUTCOMES = Object.keys(DEMO_OUTCOME_SHARES) as DemoOutcome[];

const pickOutcome = weightedPicker(DEMO_OUTCOMES, (outcome) => DEMO_OUTCOME_SHARES[outcome]);

export interface DemoTimeline extends Timeline {
  outcome: DemoOutcome;
}

/** The whole timeline of a queried parcel (past and future); null without a number or an upload time to count from. */
export function demoTimeline(query: TrackingQuery): DemoTimeline | null {
  const trackingNumber = normalizeTrackingNumber(query.trackingNumber);
  if (trackingNumber === null || query.shippedAt === null) return null;
  const random = createRandom(seedOf(trackingNumber));
  const outcome = pickOutcome(random);
  const home = query.provinceName !== null && query.cityName !== null ? areaOf(query.provinceName, query.cityName) : random.pick(DESTINATIONS);
  const destination = outcome === 'wrong_city' ? random.pick(DESTINATIONS.filter((place) => place.province !== home.province)) : home;
  return {
    outcome,
    trackingNumber,
    courier: { kuaidi100: courierCodesFor(query.shippingId, 'kuaidi100')[0] ?? null },
    uploadedAt: Math.floor(query.shippedAt / 1000),
    events: journeyOf(random, outcome, destination),
    destination,
  };
}

function journeyOf(random: Random, outcome: DemoOutcome, destination: Area): JourneyEvent[] | null {
  switch (outcome) {
    case 'delivered':
      return planJourney(random, ORIGIN, destination, random.pick(['signed', 'signed_proxy', 'signed_locker'] as const));
    case 'in_transit':
      return viaTransferHub(random, planJourney(random, ORIGIN, destination, 'signed'), destination);
    case 'never_picked_up':
      // Half the couriers know the e-waybill (已下单) and nothing more; half never record the number at all.
      return random.chance(0.5) ? awaitingPickup(random, 0).slice(0, 1) : null;
    case 'stalled': {
      // The scans stop somewhere between the pickup and the destination city's station.
      const plan = planJourney(random, ORIGIN, destination, 'open');
      return plan.slice(0, random.int(indexOfKind(plan, 'picked_up'), indexOfKind(plan, 'arrived_city')) + 1);
    }
    case 'rejected':
      return planJourney(random, ORIGIN, destination, 'rejected');
    case 'returning':
      return planJourney(random, ORIGIN, destination, 'returning');
    case 'wrong_city':
      return planJourney(random, ORIGIN, destination, 'signed');
  }
}

/** A longer route: after leaving the origin the parcel passes a hub in another province first (6-20 h more). */
function viaTransferHub(random: Random, plan: JourneyEvent[], destination: Area): JourneyEvent[] {
  const departed = indexOfKind(plan, 'departed');
  const leftAt = (plan[departed] as JourneyEvent).offset;
  const transfer = random.pick(DESTINATIONS.filter((place) => place.province !== destination.province && place.province !== ORIGIN.province));
  const arrivedAt = leftAt + random.int(6 * HOUR, 14 * HOUR);
  const movedOnAt = arrivedAt + random.int(2 * HOUR, 6 * HOUR);
  return [
    ...plan.slice(0, departed),
    { ...(plan[departed] as JourneyEvent), nextHub: transfer.hub },
    { offset: arrivedAt, kind: 'arrived_hub', area: transfer },
    { offset: movedOnAt, kind: 'departed', area: transfer, nextHub: destination.hub },
    ...plan.slice(departed + 1).map((event) => ({ ...event, offset: event.offset + (movedOnAt - leftAt) })),
  ];
}
