import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TrackingStatus } from '../../../lib/facts/facts';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import {
  BACKOFF_BASE_MS,
  BACKOFF_MAX_MS,
  LAST_MILE_WATCH_MS,
  LONG_WAIT_MS,
  MARK_SLACK_MS,
  POLL_LIMITS,
  RATE_PAUSE_MS,
  blockedReason,
  earliestAllowedAt,
  nextCheckAfterError,
  nextCheckAfterReading,
  pickForCycle,
  remainingDailyBudget,
  urgency,
  type PollCandidate,
} from '../../../lib/polling/schedule';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../lib/time/shanghai';

const sh = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`);
const NOW = sh('2026-11-20 10:00:00');
const H = HOUR_MS;
const M = MINUTE_MS;
/** A random source that always answers the same: the jitter is then known exactly. */
const fixed = (value: number) => () => value;
const MID = fixed(0.5);

function candidate(overrides: Partial<PollCandidate> = {}): PollCandidate {
  return {
    shopId: 'shop-1',
    trackingNumber: 'ZT0001',
    status: 'in_transit',
    read: true,
    shippedAt: NOW - 30 * H,
    lastEventAt: NOW - 3 * H,
    orderOpen: true,
    pickupDueAt: null,
    interceptOpen: false,
    queryTimes: [NOW - 2 * H],
    consecutiveFailures: 0,
    needsInput: null,
    dueAt: NOW,
    ...overrides,
  };
}

/** `count` attempts every 30 min, the newest `newestAgo` before NOW. */
function attempts(count: number, newestAgo: number): number[] {
  return Array.from({ length: count }, (_, i) => NOW - newestAgo - (count - 1 - i) * POLL_LIMITS.minGapMs);
}

describe('blockedReason: the hard limits', () => {
  const cases: Array<[string, Partial<PollCandidate>, ReturnType<typeof blockedReason>]> = [
    ['allowed when due and within the limits', {}, null],
    ['a closed order', { orderOpen: false }, 'order_closed'],
    ['delivered', { status: 'delivered' }, 'terminal'],
    ['returned', { status: 'returned' }, 'terminal'],
    ['rejected is watched on, not terminal', { status: 'rejected' }, null],
    ['shipped more than 60 days ago', { shippedAt: NOW - 60 * DAY_MS - 1 }, 'too_old'],
    ['shipped exactly 60 days ago', { shippedAt: NOW - 60 * DAY_MS }, null],
    ['waiting for a phone tail', { needsInput: 'phone_tail' }, 'needs_input'],
    ['waiting for a courier', { needsInput: 'courier' }, 'needs_input'],
    ['asked 29 min ago', { queryTimes: [NOW - 29 * M] }, 'min_gap'],
    ['asked exactly 30 min ago', { queryTimes: [NOW - 30 * M] }, null],
    ['the newest attempt counts even when not last in the list', { queryTimes: [NOW - 10 * M, NOW - 5 * H] }, 'min_gap'],
    ['48 attempts within 24 h, the newest 40 min ago', { queryTimes: Array.from({ length: 48 }, (_, i) => NOW - 40 * M - i * 29 * M).reverse() }, 'window_cap'],
    ['48 attempts, the oldest a full 24 h ago', { queryTimes: attempts(48, 30 * M) }, null],
    ['not due yet', { dueAt: NOW + 1 }, 'not_due'],
    ['a closed order is told before the limits', { orderOpen: false, queryTimes: [NOW - M] }, 'order_closed'],
  ];
  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(blockedReason(candidate(overrides), NOW)).toBe(expected);
  });
});

describe('earliestAllowedAt', () => {
  it('is null for waybills that are never to be asked again', () => {
    for (const overrides of [{ orderOpen: false }, { status: 'delivered' as const }, { shippedAt: NOW - 61 * DAY_MS }, { needsInput: 'phone_tail' as const }]) {
      expect(earliestAllowedAt(candidate(overrides), NOW)).toBeNull();
    }
  });

  it('is the due time when the limits allow it, and never in the past', () => {
    expect(earliestAllowedAt(candidate({ dueAt: NOW + H }), NOW)).toBe(NOW + H);
    expect(earliestAllowedAt(candidate({ dueAt: NOW - H }), NOW)).toBe(NOW);
  });

  it('waits out the 30-min floor', () => {
    expect(earliestAllowedAt(candidate({ queryTimes: [NOW - 10 * M] }), NOW)).toBe(NOW + 20 * M);
  });

  it('waits until the oldest attempt of a full window is 24 h old', () => {
    const queryTimes = attempts(48, 30 * M).map((at) => at + 7 * M);
    expect(earliestAllowedAt(candidate({ queryTimes }), NOW)).toBe((queryTimes[0] as number) + DAY_MS);
  });

  it('is null when the window frees a place only after the 60 days', () => {
    // The oldest attempt leaves the window 7 min from now; the parcel turns 60 days old in 5.
    const queryTimes = attempts(48, 30 * M).map((at) => at + 7 * M);
    expect(earliestAllowedAt(candidate({ queryTimes, shippedAt: NOW - 60 * DAY_MS + 10 * M }), NOW)).toBe(NOW + 7 * M);
    expect(earliestAllowedAt(candidate({ queryTimes, shippedAt: NOW - 60 * DAY_MS + 5 * M }), NOW)).toBeNull();
  });
});

describe('urgency and pickForCycle', () => {
  const pickupLate = candidate({ trackingNumber: 'P2', status: 'pending', pickupDueAt: NOW + 6 * H, dueAt: NOW - 5 * H });
  const pickupSoon = candidate({ trackingNumber: 'P1', status: 'unknown', pickupDueAt: NOW + 2 * H });
  const intercept = candidate({ trackingNumber: 'I1', interceptOpen: true, dueAt: NOW - 9 * H });
  const stallCandidate = candidate({ trackingNumber: 'S1', lastEventAt: NOW - 30 * H, dueAt: NOW - 9 * H });
  const olderDue = candidate({ trackingNumber: 'R1', dueAt: NOW - 2 * H });
  const newerDue = candidate({ trackingNumber: 'R2', dueAt: NOW - H });
  const blocked = candidate({ trackingNumber: 'B1', pickupDueAt: NOW, queryTimes: [NOW - M] });
  // Yesterday's parcel, still unverified: its deadline passed 20 h ago and its check has been due longest.
  const pickupPast = candidate({ trackingNumber: 'X1', status: 'unknown', pickupDueAt: NOW - 20 * H, dueAt: NOW - 12 * H });
  const all = [newerDue, stallCandidate, blocked, olderDue, pickupPast, intercept, pickupLate, pickupSoon];

  it('puts the nearest pickup deadline still ahead first, then intercepts, stall candidates, past-due pickups, the rest by due time', () => {
    const picked = pickForCycle(all, NOW, { remainingToday: 100, maxThisCycle: 100 });
    expect(picked.map((c) => c.trackingNumber)).toEqual(['P1', 'P2', 'I1', 'S1', 'X1', 'R1', 'R2']);
    expect(urgency(pickupLate, NOW)).toBeLessThan(urgency(intercept, NOW));
  });

  it('ranks a pickup deadline still ahead before a past-due one, and a past-due one after the stall candidates', () => {
    expect(urgency(pickupLate, NOW)).toBeLessThan(urgency(pickupPast, NOW));
    expect(urgency(candidate({ pickupDueAt: NOW - M, dueAt: NOW - 12 * H }), NOW)).toBeGreaterThan(urgency(candidate({ pickupDueAt: NOW + 20 * H, dueAt: NOW }), NOW));
    expect(urgency(pickupPast, NOW)).toBeGreaterThan(urgency(stallCandidate, NOW));
    expect(urgency(pickupPast, NOW)).toBeLessThan(urgency(olderDue, NOW));
    // The same parcel a minute before its deadline was first in line.
    expect(urgency(pickupPast, NOW - 20 * H - M)).toBeLessThan(urgency(intercept, NOW - 20 * H - M));
  });

  it('does not count a picked-up-only parcel idle for less than a day as a stall candidate', () => {
    const idle = candidate({ trackingNumber: 'S2', lastEventAt: NOW - 23 * H, dueAt: NOW - 9 * H });
    expect(pickForCycle([olderDue, idle], NOW, { remainingToday: 10, maxThisCycle: 10 }).map((c) => c.trackingNumber)).toEqual(['S2', 'R1']);
    expect(urgency(idle, NOW)).toBeGreaterThan(urgency(stallCandidate, NOW));
  });

  it('never picks a blocked waybill, and takes no more than either budget allows', () => {
    expect(pickForCycle(all, NOW, { remainingToday: 100, maxThisCycle: 100 })).not.toContain(blocked);
    expect(pickForCycle(all, NOW, { remainingToday: 2, maxThisCycle: 5 }).map((c) => c.trackingNumber)).toEqual(['P1', 'P2']);
    expect(pickForCycle(all, NOW, { remainingToday: 50, maxThisCycle: 3 }).map((c) => c.trackingNumber)).toEqual(['P1', 'P2', 'I1']);
    expect(pickForCycle(all, NOW, { remainingToday: 0, maxThisCycle: 5 })).toEqual([]);
  });

  it('orders ties by shop and number, whatever the input order', () => {
    const a = candidate({ trackingNumber: 'A' });
    const b = candidate({ trackingNumber: 'B' });
    expect(pickForCycle([b, a], NOW, { remainingToday: 5, maxThisCycle: 5 }).map((c) => c.trackingNumber)).toEqual(['A', 'B']);
  });
});

describe('remainingDailyBudget', () => {
  it('is what is left of the budget today, never negative', () => {
    expect(remainingDailyBudget(500, 120)).toBe(380);
    expect(remainingDailyBudget(500, 500)).toBe(0);
    expect(remainingDailyBudget(500, 730)).toBe(0);
  });
});

describe('nextCheckAfterReading', () => {
  const after = (c: Partial<PollCandidate>, status: TrackingStatus, lastEventAt: number | null, now = NOW, random = MID) =>
    nextCheckAfterReading(candidate({ queryTimes: [], ...c }), status, lastEventAt, now, DEFAULT_POLICY, random);

  it('never again for a terminal status, a closed order, or past 60 days', () => {
    expect(after({}, 'delivered', NOW - H)).toBeNull();
    expect(after({}, 'returned', NOW - H)).toBeNull();
    expect(after({ orderOpen: false }, 'in_transit', NOW - H)).toBeNull();
    expect(after({ shippedAt: NOW - 60 * DAY_MS + H }, 'exception', NOW - H)).toBeNull();
  });

  it('uses the status interval with ±10% jitter', () => {
    const shipped = { shippedAt: NOW - 5 * H };
    expect(after(shipped, 'picked_up', NOW - H)).toBe(NOW + 4 * H);
    expect(after(shipped, 'picked_up', NOW - H, NOW, fixed(0))).toBe(NOW + 3.6 * H);
    expect(after(shipped, 'picked_up', NOW - H, NOW, fixed(1))).toBe(NOW + 4.4 * H);
    expect(after({}, 'out_for_delivery', NOW - H)).toBe(NOW + H);
    expect(after({}, 'exception', NOW - H)).toBe(NOW + 2 * H);
    expect(after({}, 'rejected', NOW - H)).toBe(NOW + 2 * H);
  });

  it('never goes below the 30-min floor, jitter or not', () => {
    // out_for_delivery with jitter 0.9 h is above the floor; a mark 1 min away is not.
    const shippedAt = NOW - 11 * H - 59 * M;
    expect(after({ shippedAt }, 'pending', null)).toBe(NOW + POLL_LIMITS.minGapMs);
  });

  it('checks an unpicked parcel just after its pickup warn mark (12 h after upload by default)', () => {
    const shippedAt = NOW - 11 * H;
    expect(after({ shippedAt, status: 'pending' }, 'pending', null)).toBe(shippedAt + 12 * H + MARK_SLACK_MS);
    // Earlier in its life the plain 2 h interval comes first.
    expect(after({ shippedAt: NOW - H }, 'unknown', null)).toBe(NOW + 2 * H);
    // The mark follows the policy.
    const policy = { ...DEFAULT_POLICY, pickupWarnHours: 14, earlyUploadNoScanHours: 20 };
    expect(nextCheckAfterReading(candidate({ shippedAt, queryTimes: [] }), 'pending', null, NOW, policy, MID)).toBe(NOW + 2 * H);
    expect(nextCheckAfterReading(candidate({ shippedAt: NOW - 9 * H, queryTimes: [] }), 'pending', null, NOW, policy, MID)).toBe(
      NOW - 9 * H + 10 * H + MARK_SLACK_MS,
    );
  });

  it('checks a parcel not moving just after its stall limit, by the limit of its stage', () => {
    const night = sh('2026-11-20 22:00:00');
    const inTransit = after({ shippedAt: night - 3 * DAY_MS }, 'in_transit', night - 47 * H, night);
    expect(inTransit).toBe(night + H + MARK_SLACK_MS);
    const pickedUp = after({ shippedAt: NOW - 24 * H }, 'picked_up', NOW - 22 * H);
    expect(pickedUp).toBe(NOW + 2 * H + MARK_SLACK_MS);
    const lastMile = after({}, 'available_for_pickup', NOW - 23 * H - 30 * M);
    expect(lastMile).toBe(NOW + 30 * M + MARK_SLACK_MS);
  });

  it('watches an in-transit parcel a day after upload closely in delivery hours, and wakes it for the next delivery day', () => {
    expect(after({ shippedAt: NOW - 30 * H }, 'in_transit', NOW - H)).toBe(NOW + LAST_MILE_WATCH_MS);
    const earlyMorning = sh('2026-11-20 04:00:00');
    expect(after({ shippedAt: earlyMorning - 30 * H }, 'in_transit', earlyMorning - H, earlyMorning)).toBe(sh('2026-11-20 08:00:00') + MARK_SLACK_MS);
    const evening = sh('2026-11-20 21:30:00');
    expect(after({ shippedAt: evening - 30 * H }, 'in_transit', evening - H, evening)).toBe(evening + 6 * H);
    // A young parcel on the trunk line: 6 h, or the moment it turns a day old when that comes first.
    expect(after({ shippedAt: NOW - 10 * H }, 'in_transit', NOW - H)).toBe(NOW + 6 * H);
    expect(after({ shippedAt: NOW - 21 * H }, 'in_transit', NOW - H)).toBe(NOW + 3 * H + MARK_SLACK_MS);
  });

  it('pushes the next check past a full 24-h window, counting this attempt', () => {
    // 47 earlier attempts from 22 h ago on: with this one the window is full until 2 h from now, past the 1 h interval.
    const queryTimes = Array.from({ length: 47 }, (_, i) => NOW - 22 * H + i * 27 * M);
    const next = after({ queryTimes, status: 'out_for_delivery' }, 'out_for_delivery', NOW - H);
    expect(next).toBe(NOW + 2 * H);
    expect(after({ queryTimes: queryTimes.slice(1), status: 'out_for_delivery' }, 'out_for_delivery', NOW - H)).toBe(NOW + H);
  });

  it('never proposes a time the limits would refuse (property)', () => {
    const statuses: TrackingStatus[] = ['unknown', 'pending', 'picked_up', 'in_transit', 'out_for_delivery', 'available_for_pickup', 'exception', 'rejected', 'returning'];
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        fc.integer({ min: 0, max: 50 * DAY_MS }),
        fc.integer({ min: 0, max: 3 * DAY_MS }),
        fc.array(fc.integer({ min: 30 * M, max: 6 * H }), { maxLength: 60 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (status, age, idle, gaps, roll) => {
          const now = NOW;
          const queryTimes: number[] = [];
          let at = now;
          for (const gap of gaps) queryTimes.unshift((at -= gap));
          const kept = queryTimes.slice(-POLL_LIMITS.maxPerWindow);
          const c = candidate({ status, shippedAt: now - age, lastEventAt: now - Math.min(idle, age), queryTimes: kept });
          const next = nextCheckAfterReading(c, status, c.lastEventAt, now, DEFAULT_POLICY, fixed(roll));
          if (next === null) return;
          expect(next).toBeGreaterThanOrEqual(now + POLL_LIMITS.minGapMs);
          expect(blockedReason({ ...c, queryTimes: [...kept, now], dueAt: next }, next)).toBeNull();
        },
      ),
    );
  });
});

describe('nextCheckAfterError', () => {
  const failed = (c: Partial<PollCandidate>, errorClass: Parameters<typeof nextCheckAfterError>[1], random = MID, retryAt?: number) =>
    nextCheckAfterError(candidate({ queryTimes: [NOW], ...c }), errorClass, NOW, random, retryAt);

  it('waits for the merchant on needs_phone and bad_input', () => {
    expect(failed({}, 'needs_phone')).toBeNull();
    expect(failed({}, 'bad_input')).toBeNull();
  });

  it('keeps the waybill\'s turn on auth (the provider is stopped as a whole), above the floor', () => {
    expect(failed({ dueAt: NOW + 3 * H }, 'auth')).toBe(NOW + 3 * H);
    expect(failed({ dueAt: NOW }, 'auth')).toBe(NOW + POLL_LIMITS.minGapMs);
  });

  it('pauses until the provider\'s retry time on rate, else an hour', () => {
    expect(failed({}, 'rate', MID, NOW + 5 * H)).toBe(NOW + 5 * H);
    expect(failed({}, 'rate')).toBe(NOW + RATE_PAUSE_MS);
    expect(failed({}, 'rate', MID, NOW - H)).toBe(NOW + RATE_PAUSE_MS);
    expect(failed({}, 'rate', MID, NOW + M)).toBe(NOW + POLL_LIMITS.minGapMs);
  });

  it('backs off with full jitter over the floor, each try\'s cap doubling up to 60 min', () => {
    const caps = [1, 2, 4, 8, 16].map((k) => Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * k));
    expect(caps.at(-1)).toBe(BACKOFF_MAX_MS);
    caps.forEach((cap, tries) => {
      expect(failed({ consecutiveFailures: tries }, 'transient', fixed(0))).toBe(NOW + POLL_LIMITS.minGapMs);
      expect(failed({ consecutiveFailures: tries }, 'transient', fixed(0.5))).toBe(NOW + POLL_LIMITS.minGapMs + cap / 2);
      const highest = failed({ consecutiveFailures: tries }, 'transient', fixed(0.999_999)) as number;
      expect(highest).toBeLessThanOrEqual(NOW + POLL_LIMITS.minGapMs + cap);
      expect(highest).toBeGreaterThan(NOW + POLL_LIMITS.minGapMs + cap - 1_000);
    });
  });

  it('waits long after five transient failures in a row, with jitter', () => {
    expect(failed({ consecutiveFailures: 5 }, 'transient')).toBe(NOW + LONG_WAIT_MS);
    expect(failed({ consecutiveFailures: 9 }, 'transient', fixed(0))).toBe(NOW + 0.9 * LONG_WAIT_MS);
  });

  it('never again for a closed order or a parcel past 60 days, whatever the error', () => {
    expect(failed({ orderOpen: false }, 'transient')).toBeNull();
    expect(failed({ shippedAt: NOW - 60 * DAY_MS + 10 * M }, 'transient')).toBeNull();
  });
});
