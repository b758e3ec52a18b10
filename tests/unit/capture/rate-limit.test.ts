import { expect, test } from 'vitest';
import { TokenBucket } from '../../../lib/capture/rate-limit';

test('allows a burst, refuses the next, and refills with time', () => {
  const bucket = new TokenBucket(3, 2);
  const t0 = 1_000_000;
  expect([bucket.take(t0), bucket.take(t0), bucket.take(t0), bucket.take(t0)]).toEqual([true, true, true, false]);
  expect(bucket.take(t0 + 400)).toBe(false); // 0.8 token
  expect(bucket.take(t0 + 500)).toBe(true); // 1 token after 0.5 s at 2/s
  expect(bucket.take(t0 + 60_000)).toBe(true);
  expect(bucket.take(t0 + 60_000)).toBe(true);
  expect(bucket.take(t0 + 60_000)).toBe(true);
  expect(bucket.take(t0 + 60_000)).toBe(false); // never more than the burst
});

test('a clock that goes backwards does not mint tokens', () => {
  const bucket = new TokenBucket(1, 1);
  expect(bucket.take(10_000)).toBe(true);
  expect(bucket.take(5_000)).toBe(false);
});
