// The page says when a response arrived (`capturedAt`), but the page's clock is not ours: its script can
// replace Date, and a value from the page world is untrusted anyway. A capture time rules every after-sales
// countdown and decides which of two captures is newer, so one far off does lasting harm: 1 (1970) breaches
// every deadline, 1e16 cannot be formatted, a year ahead makes every later real capture look older.
// The worker therefore checks it against its own clock when the capture arrives.

/**
 * A page and the worker read one machine clock, so a true capture time is at most the relay's latency
 * behind the worker's: milliseconds, or a few seconds while a stopped worker starts. A minute covers that
 * with room, and costs nothing a day-long after-sales countdown could notice. Ahead is never true: two
 * seconds absorb only the rounding between the two contexts' clocks.
 */
export const CAPTURED_AT_TOLERANCE = { behindMs: 60_000, aheadMs: 2_000 } as const;

export interface CaptureTime {
  capturedAt: number;
  /** 'received': the page's time was outside the tolerance (or no number), so the worker's receive time is used. */
  source: 'page' | 'received';
}

/** The page's capture time if it is within the tolerance of `receivedAt` (the worker's clock); otherwise `receivedAt`. */
export function captureTimeAt(pageCapturedAt: number, receivedAt: number): CaptureTime {
  const offset = pageCapturedAt - receivedAt;
  if (Number.isFinite(offset) && offset >= -CAPTURED_AT_TOLERANCE.behindMs && offset <= CAPTURED_AT_TOLERANCE.aheadMs) {
    return { capturedAt: pageCapturedAt, source: 'page' };
  }
  return { capturedAt: receivedAt, source: 'received' };
}
