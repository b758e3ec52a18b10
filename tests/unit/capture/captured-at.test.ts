import { describe, expect, test } from 'vitest';
import { CAPTURED_AT_TOLERANCE, captureTimeAt } from '../../../lib/capture/captured-at';

const RECEIVED = Date.parse('2026-11-20T10:00:00+08:00');

describe('captureTimeAt', () => {
  test.each([
    ['the same instant', RECEIVED],
    ['the relay latency behind', RECEIVED - 350],
    ['a minute behind (a waking worker)', RECEIVED - CAPTURED_AT_TOLERANCE.behindMs],
    ['clock rounding ahead', RECEIVED + CAPTURED_AT_TOLERANCE.aheadMs],
  ])('keeps the page time when it is %s', (_label, pageTime) => {
    expect(captureTimeAt(pageTime, RECEIVED)).toEqual({ capturedAt: pageTime, source: 'page' });
  });

  test.each([
    ['1 (1970)', 1],
    ['1e16 (no printable date)', 1e16],
    ['a year ahead', RECEIVED + 365 * 86_400_000],
    ['just past the tolerance ahead', RECEIVED + CAPTURED_AT_TOLERANCE.aheadMs + 1],
    ['just past the tolerance behind', RECEIVED - CAPTURED_AT_TOLERANCE.behindMs - 1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('uses the receive time for %s', (_label, pageTime) => {
    expect(captureTimeAt(pageTime, RECEIVED)).toEqual({ capturedAt: RECEIVED, source: 'received' });
  });
});
