import type { PageHealth } from '../messages/protocol';

/** How long the list may take to render after its data arrived before we call it unmatched. */
export const SETTLE_MS = 2_500;
/** How long cards may sit on screen without any captured data before we say we cannot read them. */
export const NO_CAPTURE_MS = 8_000;

export interface HealthInputs {
  /** Order numbers in the latest list capture of this page; null before any capture. */
  captured: ReadonlySet<string> | null;
  /** Order numbers with a card on screen. */
  onScreen: ReadonlySet<string>;
  /** Time since the latest list capture arrived, and since the first card with an order number appeared. */
  msSinceCapture: number | null;
  msSinceFirstCard: number | null;
}

/**
 * The page's self-diagnosis. `unmatched`: data arrived but none of its orders can be found on the page
 * (the console's markup changed). `no_capture`: cards are on screen but no data arrived (the console's
 * API changed). Either way badges are paused and the merchant is told.
 */
export function diagnose(inputs: HealthInputs): PageHealth['state'] {
  const { captured, onScreen, msSinceCapture, msSinceFirstCard } = inputs;
  if (captured !== null && captured.size > 0 && msSinceCapture !== null && msSinceCapture >= SETTLE_MS) {
    for (const orderSn of captured) if (onScreen.has(orderSn)) return 'ok';
    return 'unmatched';
  }
  if (captured === null && msSinceFirstCard !== null && msSinceFirstCard >= NO_CAPTURE_MS) return 'no_capture';
  return 'ok';
}
