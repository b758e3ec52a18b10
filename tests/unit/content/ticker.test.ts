// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { Ticker } from '../../../entrypoints/console.content/ticker';

const HOUR = 3_600_000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-11-20T02:00:00Z'));
});
afterEach(() => vi.useRealTimers());

function item(dueAt: number | null) {
  const updates: number[] = [];
  let connected = true;
  return { updates, disconnect: () => (connected = false), ticking: { dueAt, update: (now: number) => updates.push(now), isConnected: () => connected } };
}

test('ticks every minute when nothing is due within the hour, every second otherwise', () => {
  const ticker = new Ticker(document);
  const controller = new AbortController();
  ticker.start(controller.signal);
  const far = item(Date.now() + 5 * HOUR);
  ticker.add(far.ticking);
  vi.advanceTimersByTime(60_010);
  expect(far.updates).toHaveLength(1);
  const near = item(Date.now() + 30 * 60_000);
  ticker.add(near.ticking);
  vi.advanceTimersByTime(3_000);
  expect(near.updates.length).toBeGreaterThanOrEqual(2);
  expect(far.updates.length).toBe(near.updates.length + 1);
  controller.abort();
});

test('one tick updates every live item and forgets removed ones', () => {
  const ticker = new Ticker(document);
  const a = item(null);
  const b = item(null);
  ticker.add(a.ticking);
  ticker.add(b.ticking);
  expect(ticker.tick()).toBe(2);
  b.disconnect();
  expect(ticker.tick()).toBe(1);
  expect(ticker.tick()).toBe(1);
});

test('pauses while the tab is hidden and resumes when it is shown', () => {
  const ticker = new Ticker(document);
  const controller = new AbortController();
  ticker.start(controller.signal);
  const watched = item(Date.now() + 5 * HOUR);
  ticker.add(watched.ticking);
  const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
  document.dispatchEvent(new Event('visibilitychange'));
  vi.advanceTimersByTime(10 * 60_000);
  expect(watched.updates).toHaveLength(0);
  visibility.mockReturnValue('visible');
  document.dispatchEvent(new Event('visibilitychange'));
  vi.advanceTimersByTime(60_010);
  expect(watched.updates).toHaveLength(1);
  controller.abort();
});
