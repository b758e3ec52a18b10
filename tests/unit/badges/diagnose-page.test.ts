import { expect, test } from 'vitest';
import { diagnose, NO_CAPTURE_MS, SETTLE_MS } from '../../../lib/badges/diagnose-page';

const set = (...values: string[]) => new Set(values);

test.each([
  ['nothing yet', { captured: null, onScreen: set(), msSinceCapture: null, msSinceFirstCard: null }, 'ok'],
  ['data matched to a card', { captured: set('a', 'b'), onScreen: set('b'), msSinceCapture: SETTLE_MS, msSinceFirstCard: 10 }, 'ok'],
  ['data arrived, cards still rendering', { captured: set('a'), onScreen: set(), msSinceCapture: SETTLE_MS - 1, msSinceFirstCard: null }, 'ok'],
  ['data arrived, no card carries any of its numbers', { captured: set('a'), onScreen: set('z'), msSinceCapture: SETTLE_MS, msSinceFirstCard: 10 }, 'unmatched'],
  ['data arrived, no order number on the page at all', { captured: set('a'), onScreen: set(), msSinceCapture: SETTLE_MS, msSinceFirstCard: null }, 'unmatched'],
  ['an empty tab', { captured: set(), onScreen: set(), msSinceCapture: SETTLE_MS * 4, msSinceFirstCard: null }, 'ok'],
  ['cards but no data yet', { captured: null, onScreen: set('a'), msSinceCapture: null, msSinceFirstCard: NO_CAPTURE_MS - 1 }, 'ok'],
  ['cards and never any data', { captured: null, onScreen: set('a'), msSinceCapture: null, msSinceFirstCard: NO_CAPTURE_MS }, 'no_capture'],
] as const)('%s → %s', (_label, inputs, expected) => {
  expect(diagnose(inputs)).toBe(expected);
});
