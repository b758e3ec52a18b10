// The order of the normalized tracking statuses (lib/findings/README.md § Normalized tracking status), apart
// from the readers of traces in ./status.ts: the finding kinds need only this, and so do the badges on the page.
import type { TrackingStatus } from '../facts/facts';

/**
 * How far along a parcel is. Used only to refuse going backwards between two readings with no newer
 * event; `exception` sits between transit and the last mile because it can happen anywhere on the way.
 */
export const STATUS_RANK: Readonly<Record<TrackingStatus, number>> = {
  unknown: 0,
  pending: 1,
  picked_up: 2,
  in_transit: 3,
  exception: 4,
  out_for_delivery: 5,
  available_for_pickup: 6,
  rejected: 7,
  returning: 8,
  delivered: 9,
  returned: 9,
};

/** `delivered` and `returned` end the trace: no more polling, no more stall checks. */
export function isTerminal(status: TrackingStatus): boolean {
  return status === 'delivered' || status === 'returned';
}

/** A pickup event is any status from `picked_up` on. */
export function isPickedUp(status: TrackingStatus): boolean {
  return STATUS_RANK[status] >= STATUS_RANK.picked_up;
}
