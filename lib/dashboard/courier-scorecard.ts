// The courier scorecard: how each courier handled the shop's parcels, from the local history alone.
// Pure (no browser, no clock): the window comes in, and parcels arrive one at a time so that the dashboard's
// worker can stream 100,000 orders through it in chunks.
//
// Definitions (ParcelOrder / parcel: ./parcels.ts):
// - a parcel counts when its tracking upload (`facts.shippedAt`) lies in the window [from, to];
// - pickup latency: first pickup scan − tracking upload, over the parcels with a pickup scan; a scan
//   before the upload (the courier scanned first, the merchant uploaded later) counts as 0;
// - transit time: delivered (first `delivered` event, ./parcels.ts deliveredAtOf) − first pickup scan,
//   over the parcels with both;
// - percentiles are nearest-rank: the p-th percentile of n sorted values is the value at rank ⌈p/100 · n⌉
//   (1-based), so it is always one of the measured durations; null when there is none;
// - stagnation, rejection, return and problem rates: parcels with the property ÷ parcels of the courier
//   (wasStalled, wasRejected, wasReturned, hadProblem in ./parcels.ts).
import { courierOf, deliveredAtOf, hadProblem, isParcel, parcelKey, pickedUpAtOf, wasRejected, wasReturned, wasStalled } from './parcels';
import type { ParcelOrder, ParcelWaybill } from './parcels';

export interface ScoreWindow {
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, inclusive: "now" for the dashboard. */
  to: number;
}

export interface Percentiles {
  /** Milliseconds; null without any measured duration. */
  p50: number | null;
  p90: number | null;
  /** How many durations were measured. */
  count: number;
}

export interface CourierScore {
  /** `id:<shipping_id>`, `name:<name>`, `unknown`, or `all` for the total row. */
  key: string;
  name: string | null;
  parcels: number;
  pickedUp: number;
  delivered: number;
  pickupLatency: Percentiles;
  transitTime: Percentiles;
  stalled: number;
  rejected: number;
  returned: number;
  problems: number;
  /** Shares of `parcels`, 0–1; null for no parcel. */
  stagnationRate: number | null;
  rejectionRate: number | null;
  returnRate: number | null;
  problemShare: number | null;
}

export interface Scorecard {
  /** One row per courier, most parcels first (then by key, so the order is stable). */
  couriers: CourierScore[];
  /** Every parcel of the window together. */
  total: CourierScore;
}

/** The nearest-rank percentile (see the header) of ascending `sorted`; null when empty. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

interface Tally {
  key: string;
  name: string | null;
  parcels: number;
  latencies: number[];
  transits: number[];
  stalled: number;
  rejected: number;
  returned: number;
  problems: number;
}

function emptyTally(key: string, name: string | null): Tally {
  return { key, name, parcels: 0, latencies: [], transits: [], stalled: 0, rejected: 0, returned: 0, problems: 0 };
}

export interface ScorecardAccumulator {
  /** One order with its waybill (undefined when it has none yet); orders that are no parcel, or a parcel already counted, are skipped. */
  add(order: ParcelOrder, waybill: ParcelWaybill | undefined): void;
  result(): Scorecard;
}

export function scorecardAccumulator(window: ScoreWindow): ScorecardAccumulator {
  const tallies = new Map<string, Tally>();
  const total = emptyTally('all', null);
  const seen = new Set<string>();
  return {
    add(order, waybill) {
      if (!isParcel(order)) return;
      const uploadedAt = order.facts.shippedAt;
      if (uploadedAt < window.from || uploadedAt > window.to) return;
      const key = parcelKey(order);
      if (seen.has(key)) return;
      seen.add(key);
      const courier = courierOf(order.facts);
      let tally = tallies.get(courier.key);
      if (tally === undefined) {
        tally = emptyTally(courier.key, courier.name);
        tallies.set(courier.key, tally);
      }
      const pickedUpAt = pickedUpAtOf(waybill);
      const deliveredAt = deliveredAtOf(waybill);
      const latency = pickedUpAt === null ? null : Math.max(0, pickedUpAt - uploadedAt);
      const transit = pickedUpAt === null || deliveredAt === null ? null : Math.max(0, deliveredAt - pickedUpAt);
      const stalled = wasStalled(order);
      const rejected = wasRejected(order, waybill);
      const returned = wasReturned(order, waybill);
      const problem = hadProblem(order, waybill);
      for (const target of [tally, total]) {
        target.parcels += 1;
        if (latency !== null) target.latencies.push(latency);
        if (transit !== null) target.transits.push(transit);
        if (stalled) target.stalled += 1;
        if (rejected) target.rejected += 1;
        if (returned) target.returned += 1;
        if (problem) target.problems += 1;
      }
    },
    result() {
      const couriers = [...tallies.values()].map(scoreOf).sort((a, b) => b.parcels - a.parcels || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return { couriers, total: scoreOf(total) };
    },
  };
}

/** The scorecard of a whole history at once (the accumulator over every order). */
export function courierScorecard(parcels: Iterable<{ order: ParcelOrder; waybill: ParcelWaybill | undefined }>, window: ScoreWindow): Scorecard {
  const accumulator = scorecardAccumulator(window);
  for (const { order, waybill } of parcels) accumulator.add(order, waybill);
  return accumulator.result();
}

function percentilesOf(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: nearestRank(sorted, 50), p90: nearestRank(sorted, 90), count: sorted.length };
}

function share(count: number, of: number): number | null {
  return of === 0 ? null : count / of;
}

function scoreOf(tally: Tally): CourierScore {
  return {
    key: tally.key,
    name: tally.name,
    parcels: tally.parcels,
    pickedUp: tally.latencies.length,
    delivered: tally.transits.length,
    pickupLatency: percentilesOf(tally.latencies),
    transitTime: percentilesOf(tally.transits),
    stalled: tally.stalled,
    rejected: tally.rejected,
    returned: tally.returned,
    problems: tally.problems,
    stagnationRate: share(tally.stalled, tally.parcels),
    rejectionRate: share(tally.rejected, tally.parcels),
    returnRate: share(tally.returned, tally.parcels),
    problemShare: share(tally.problems, tally.parcels),
  };
}
