// When the poller may and should ask a courier provider about a waybill: the hard limits (enforced here and
// nowhere else), the priority of what to ask first, and the next check after a reading or an error. Pure:
// the clock and the random source come in as arguments; the cycle (lib/polling/cycle.ts) persists the results.
import type { TrackingStatus } from '../facts/facts';
import type { Policy } from '../findings/policy';
import { DAY_MS, HOUR_MS, MINUTE_MS, hoursToMs, shanghaiMidnight } from '../time/shanghai';
import type { ProviderErrorClass } from '../tracking/provider';
import { isPickedUp, isTerminal } from '../tracking/status-rank';

/**
 * Kuaidi100 locks a waybill queried more often than every 30 minutes (锁单), and 48 queries a day is what
 * that floor allows; past 60 days after shipping nothing useful is left to learn (lib/tracking/README.md).
 */
export const POLL_LIMITS = {
  minGapMs: 30 * MINUTE_MS,
  maxPerWindow: 48,
  windowMs: DAY_MS,
  maxAgeMs: 60 * DAY_MS,
  maxTransientTries: 5,
} as const;

export interface PollCandidate {
  shopId: string;
  trackingNumber: string;
  /** The waybill's merged status ('unknown' before any reading). */
  status: TrackingStatus;
  /** A provider reading exists (facts !== null). */
  read: boolean;
  /** Upload time of the number (the earliest among its orders). */
  shippedAt: number | null;
  lastEventAt: number | null;
  /** Any order carrying it is open (not received, refunded or cancelled). */
  orderOpen: boolean;
  /** The open pickup_by finding's dueAt (not picked up yet). */
  pickupDueAt: number | null;
  /** An open intercept_parcel finding (refund after shipping). */
  interceptOpen: boolean;
  /** Send times of attempts, newest last (persisted, ≤ 48 kept). */
  queryTimes: readonly number[];
  consecutiveFailures: number;
  needsInput: 'phone_tail' | 'courier' | null;
  /** Its persisted nextCheckAt / firstCheckAt. */
  dueAt: number;
}

export type Blocked = 'order_closed' | 'terminal' | 'too_old' | 'min_gap' | 'window_cap' | 'needs_input' | 'not_due';

/** Regular check intervals by status (tracking-apis §7); null: terminal, never asked again. */
export const INTERVAL_BY_STATUS: Readonly<Record<TrackingStatus, number | null>> = {
  unknown: 2 * HOUR_MS,
  pending: 2 * HOUR_MS,
  picked_up: 4 * HOUR_MS,
  // Trunk lines: nothing the merchant must act on within hours. The last-mile watch below tightens it.
  in_transit: 6 * HOUR_MS,
  out_for_delivery: 1 * HOUR_MS,
  available_for_pickup: 2 * HOUR_MS,
  exception: 2 * HOUR_MS,
  // Watched until it turns into a return.
  rejected: 2 * HOUR_MS,
  returning: 6 * HOUR_MS,
  delivered: null,
  returned: null,
};

/** Regular intervals vary by ±10%, so that parcels uploaded together do not stay queried together. */
export const JITTER_FRACTION = 0.1;
/** A check timed for a mark (warn band, stall limit, delivery day) lands this long after it, never before. */
export const MARK_SLACK_MS = 5 * MINUTE_MS;
/**
 * From a day after upload an in-transit parcel may be out for delivery and refused at the door any hour of
 * the delivery day: it is watched closely then, so that a rejection is seen within 2 h.
 */
export const LAST_MILE_AFTER_MS = DAY_MS;
export const LAST_MILE_WATCH_MS = 90 * MINUTE_MS;
/** Shanghai hours in which couriers deliver (and buyers refuse): [start, end). */
export const DELIVERY_DAY_HOURS = { start: 8, end: 21 } as const;
/** Transient failures: full-jitter backoff over the floor, capped per try at BASE·2^(try−1) ≤ MAX. */
export const BACKOFF_BASE_MS = 4 * MINUTE_MS;
export const BACKOFF_MAX_MS = 60 * MINUTE_MS;
/** After maxTransientTries failures in a row the provider is likely down for a while: wait long, then try again. */
export const LONG_WAIT_MS = 6 * HOUR_MS;
/** A rate answer without a time: the provider is paused this long. */
export const RATE_PAUSE_MS = HOUR_MS;
/** Idle this long (the smallest default stall limit) makes a parcel a stall candidate for priority. */
export const STALL_CANDIDATE_IDLE_MS = 24 * HOUR_MS;

function lastQueryAt(c: PollCandidate): number | null {
  let last: number | null = null;
  for (const at of c.queryTimes) if (last === null || at > last) last = at;
  return last;
}

/** Attempts within the 24 h before `now` (a query `windowMs` old no longer counts). */
function queriesInWindow(queryTimes: readonly number[], now: number): number[] {
  return queryTimes.filter((at) => at > now - POLL_LIMITS.windowMs && at <= now).sort((a, b) => a - b);
}

function tooOld(c: PollCandidate, at: number): boolean {
  return c.shippedAt !== null && at - c.shippedAt > POLL_LIMITS.maxAgeMs;
}

/** Why the waybill must not be asked about now; null when it may. The only place the hard limits live. */
export function blockedReason(c: PollCandidate, now: number): Blocked | null {
  if (!c.orderOpen) return 'order_closed';
  if (isTerminal(c.status)) return 'terminal';
  if (tooOld(c, now)) return 'too_old';
  if (c.needsInput !== null) return 'needs_input';
  const last = lastQueryAt(c);
  if (last !== null && now - last < POLL_LIMITS.minGapMs) return 'min_gap';
  if (queriesInWindow(c.queryTimes, now).length >= POLL_LIMITS.maxPerWindow) return 'window_cap';
  if (c.dueAt > now) return 'not_due';
  return null;
}

/** Never again by itself: the order closed, the trace ended, the parcel is too old, or it waits for input. */
function neverAgain(c: PollCandidate, now: number): boolean {
  return !c.orderOpen || isTerminal(c.status) || tooOld(c, now) || c.needsInput !== null;
}

/** The first instant the limits allow a query, not before `from`. */
function limitsAllowFrom(queryTimes: readonly number[], from: number): number {
  let at = from;
  const last = queryTimes.reduce<number | null>((max, q) => (max === null || q > max ? q : max), null);
  if (last !== null) at = Math.max(at, last + POLL_LIMITS.minGapMs);
  const inWindow = queriesInWindow(queryTimes, at);
  const excess = inWindow.length - POLL_LIMITS.maxPerWindow;
  // The window frees a place when its (excess+1)-th oldest attempt is a full window old.
  if (excess >= 0) at = Math.max(at, (inWindow[excess] as number) + POLL_LIMITS.windowMs);
  return at;
}

/** When the waybill may next be asked about: its due time, pushed past the limits; null: never again. */
export function earliestAllowedAt(c: PollCandidate, now: number): number | null {
  if (neverAgain(c, now)) return null;
  const at = limitsAllowFrom(c.queryTimes, Math.max(c.dueAt, now));
  return tooOld(c, at) ? null : at;
}

// Urgency tiers, each wider than any epoch millisecond, so a tier always sorts before the next one.
const TIER_SPAN = 1e13;

/**
 * Smaller = asked sooner, by what the merchant stands to lose soonest: a pickup deadline still ahead
 * (nearest first), then a refund after shipping (the parcel may need intercepting), then stall candidates
 * (longest idle first), then pickup clocks already past due (揽收未核实: the 虚假发货 judgement has happened,
 * a trace only tells which way), then the rest, each by due time. A past-due deadline ranked by its
 * deadline would beat every one still ahead, and each day's budget would go to earlier days' parcels.
 */
export function urgency(c: PollCandidate, now: number): number {
  if (c.pickupDueAt !== null && c.pickupDueAt >= now) return c.pickupDueAt;
  if (c.interceptOpen) return TIER_SPAN + c.dueAt;
  if (c.lastEventAt !== null && isPickedUp(c.status) && now - c.lastEventAt >= STALL_CANDIDATE_IDLE_MS) return 2 * TIER_SPAN + c.lastEventAt;
  if (c.pickupDueAt !== null) return 3 * TIER_SPAN + c.dueAt;
  return 4 * TIER_SPAN + c.dueAt;
}

/** The waybills to ask about in this cycle: the allowed ones, most urgent first, within both budgets. */
export function pickForCycle(
  cands: readonly PollCandidate[],
  now: number,
  budget: { remainingToday: number; maxThisCycle: number },
): PollCandidate[] {
  const take = Math.max(0, Math.floor(Math.min(budget.remainingToday, budget.maxThisCycle)));
  if (take === 0) return [];
  return cands
    .filter((c) => blockedReason(c, now) === null)
    .map((c) => ({ c, key: urgency(c, now) }))
    .sort((a, b) => a.key - b.key || compareText(a.c.shopId, b.c.shopId) || compareText(a.c.trackingNumber, b.c.trackingNumber))
    .slice(0, take)
    .map(({ c }) => c);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function jittered(intervalMs: number, random: () => number): number {
  return intervalMs * (1 + JITTER_FRACTION * (2 * random() - 1));
}

/** Shanghai hour of day. */
function shanghaiHour(ms: number): number {
  return Math.floor((ms - shanghaiMidnight(ms)) / HOUR_MS);
}

function inDeliveryDay(ms: number): boolean {
  const hour = shanghaiHour(ms);
  return hour >= DELIVERY_DAY_HOURS.start && hour < DELIVERY_DAY_HOURS.end;
}

/** `ms` itself when couriers deliver then, else the start of the next Shanghai delivery day. */
function deliveryTimeFrom(ms: number): number {
  if (inDeliveryDay(ms)) return ms;
  const today = shanghaiMidnight(ms) + DELIVERY_DAY_HOURS.start * HOUR_MS;
  return today > ms ? today : today + DAY_MS;
}

function stallLimitHours(status: TrackingStatus, policy: Policy): number | null {
  // The same limits as lib/findings/kinds/stalled.ts, so the confirming check lands just past the one that applies.
  if (status === 'picked_up') return policy.stallBeforeTransitHours;
  if (status === 'in_transit') return policy.stallInTransitHours;
  if (status === 'out_for_delivery' || status === 'available_for_pickup') return policy.stallLastMileHours;
  return null;
}

/**
 * When to ask again after a reading taken at `now` (status and last event as merged): the status interval
 * with jitter, brought forward to the marks where a finding may open — the pickup warn band of a parcel not
 * picked up, the stall limit of a parcel not moving, the start of the delivery day of one near the last mile
 * — never sooner than the limits allow; null when the waybill is not to be asked again.
 */
export function nextCheckAfterReading(
  c: PollCandidate,
  status: TrackingStatus,
  lastEventAt: number | null,
  now: number,
  policy: Policy,
  random: () => number,
): number | null {
  const after: PollCandidate = { ...c, status, lastEventAt, queryTimes: withAttempt(c.queryTimes, now) };
  const interval = INTERVAL_BY_STATUS[status];
  if (interval === null || neverAgain(after, now)) return null;
  let next = now + jittered(interval, random);
  const marks: number[] = [];
  if (!isPickedUp(status) && c.shippedAt !== null) {
    marks.push(c.shippedAt + hoursToMs(policy.pickupHours - policy.pickupWarnHours), c.shippedAt + hoursToMs(policy.earlyUploadNoScanHours));
  }
  const stallHours = stallLimitHours(status, policy);
  if (stallHours !== null && lastEventAt !== null) marks.push(lastEventAt + hoursToMs(stallHours));
  if (status === 'in_transit' && c.shippedAt !== null) {
    const lastMileFrom = c.shippedAt + LAST_MILE_AFTER_MS;
    if (now >= lastMileFrom && inDeliveryDay(now)) next = Math.min(next, now + jittered(LAST_MILE_WATCH_MS, random));
    else marks.push(deliveryTimeFrom(Math.max(now, lastMileFrom)));
  }
  for (const mark of marks) if (mark > now) next = Math.min(next, mark + MARK_SLACK_MS);
  const allowed = limitsAllowFrom(after.queryTimes, Math.max(next, now + POLL_LIMITS.minGapMs));
  return tooOld(after, allowed) ? null : Math.round(allowed);
}

/**
 * When to ask again after a failed attempt at `now`, by the error's class (lib/tracking/provider.ts): null
 * for the classes that wait for the merchant (a phone tail, a courier), which the cycle marks on the waybill.
 * `auth` keeps the waybill's turn: the cycle stops the whole provider until its settings change.
 */
export function nextCheckAfterError(
  c: PollCandidate,
  errorClass: ProviderErrorClass,
  now: number,
  random: () => number,
  retryAt?: number,
): number | null {
  if (neverAgain(c, now) || errorClass === 'needs_phone' || errorClass === 'bad_input') return null;
  const queryTimes = withAttempt(c.queryTimes, now);
  let wanted: number;
  if (errorClass === 'auth') wanted = c.dueAt;
  else if (errorClass === 'rate') wanted = retryAt !== undefined && retryAt > now ? retryAt : now + RATE_PAUSE_MS;
  else {
    const tries = c.consecutiveFailures + 1;
    // The attempt was recorded before it was sent, so the 30-min floor holds for retries too: the backoff
    // spreads the retries of waybills that failed together (one outage) over the time above it.
    wanted =
      tries > POLL_LIMITS.maxTransientTries
        ? now + jittered(LONG_WAIT_MS, random)
        : now + POLL_LIMITS.minGapMs + random() * Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (tries - 1));
  }
  const allowed = limitsAllowFrom(queryTimes, Math.max(wanted, now + POLL_LIMITS.minGapMs));
  return tooOld(c, allowed) ? null : Math.round(allowed);
}

/** The attempt at `now` counted once, whether or not the cycle has added it already. */
function withAttempt(queryTimes: readonly number[], now: number): readonly number[] {
  return queryTimes.includes(now) ? queryTimes : [...queryTimes, now];
}

/** Queries left today under the merchant's daily budget (never negative). */
export function remainingDailyBudget(dailyBudget: number, sentToday: number): number {
  return Math.max(0, Math.floor(dailyBudget) - Math.max(0, sentToday));
}
