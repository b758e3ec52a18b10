// The one message protocol between content scripts, extension pages and the background.
// Messages carry facts and ids, never HTML.
import type { Capture } from '../capture/capture';
import type { OrderFacts } from '../facts/facts';
import type { Finding } from '../findings/registry';

/** What a badge needs to know about one order on screen. */
export interface OrderView {
  orderSn: string;
  promiseShipAt: number | null;
  shippedAt: number | null;
  state: OrderFacts['state'];
  findings: Finding[];
}

/** The content script's own view of whether it can read the console. */
export type PageHealth =
  | { state: 'ok'; matchedCards: number; capturedOrders: number }
  | { state: 'no_capture' | 'unmatched'; matchedCards: number; capturedOrders: number };

export type BackgroundRequest =
  | { type: 'capture'; capture: Capture }
  | { type: 'page-health'; shopId: string | null; health: PageHealth; url: string };

export type CaptureReply =
  | { ok: true; shopId: string; orders: OrderView[]; skippedRows: number }
  | { ok: false; error: string };

export interface BackgroundReplies {
  capture: CaptureReply;
  'page-health': { ok: true };
}

export function isBackgroundRequest(value: unknown): value is BackgroundRequest {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'capture' || type === 'page-health';
}

/** storage.session keys the background writes and the extension pages read. */
export const SESSION_KEYS = {
  /** Record<tabId, { tabId, shopId, url, at, health: PageHealth }> */
  pageHealth: 'pageHealth',
  /** { reason, message, at } while the worker cannot open the database. */
  dbOpenFailure: 'dbOpenFailure',
} as const;
