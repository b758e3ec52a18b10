// When the poller should ask a courier provider about a waybill next. A placeholder schedule until the
// poller issue refines it; it lives in one place so that the poller replaces only this.
import type { TrackingStatus } from '../facts/facts';
import { HOUR_MS, MINUTE_MS } from '../time/shanghai';
import type { TrackingResult } from '../tracking/status';

type RetryAdvice = Extract<TrackingResult, { ok: false }>['retry'];

const MINUTE = MINUTE_MS;
const HOUR = HOUR_MS;

export const CHECK_INTERVAL_BY_STATUS: Record<TrackingStatus, number | null> = {
  unknown: 2 * HOUR,
  pending: 2 * HOUR,
  picked_up: 4 * HOUR,
  in_transit: 4 * HOUR,
  out_for_delivery: 1 * HOUR,
  available_for_pickup: 4 * HOUR,
  exception: 4 * HOUR,
  rejected: 4 * HOUR,
  returning: 6 * HOUR,
  // Terminal (lib/findings/README.md § Normalized tracking status): nothing more to learn.
  delivered: null,
  returned: null,
};

export const FIRST_RETRY_DELAY = 30 * MINUTE;
export const MAX_RETRY_DELAY = 12 * HOUR;

export type CheckOutcome =
  | { ok: true; status: TrackingStatus }
  | { ok: false; retry: RetryAdvice; consecutiveFailures: number };

/** Epoch ms of the next check, or null when the waybill should not be asked about again by itself. */
export function nextCheckAt(outcome: CheckOutcome, now: number): number | null {
  if (outcome.ok) {
    const interval = CHECK_INTERVAL_BY_STATUS[outcome.status];
    return interval === null ? null : now + interval;
  }
  // A provider error that retrying cannot fix (bad key, unsupported courier) waits for a settings change.
  if (outcome.retry === 'never') return null;
  // 'later': a passing condition (rate limit, timeout) that a fixed wait fixes; 'backoff': wait longer each time.
  if (outcome.retry === 'later') return now + FIRST_RETRY_DELAY;
  const exponent = Math.max(0, outcome.consecutiveFailures - 1);
  return now + Math.min(FIRST_RETRY_DELAY * 2 ** exponent, MAX_RETRY_DELAY);
}
