import { CAPTURED_ENDPOINTS, type Capture, type CapturedEndpoint } from './capture';

/** Tag of the window messages between our page-world hook and our bridge. */
export const PAGE_CHANNEL = 'order-sentinel:capture';
export const PAGE_MESSAGE_VERSION = 1;

export interface PageCaptureMessage {
  channel: typeof PAGE_CHANNEL;
  version: typeof PAGE_MESSAGE_VERSION;
  capture: Capture;
}

/** Generous for a 100-row page (a console row has ~80 fields), small enough to refuse a flood. */
export const MAX_CAPTURE_NODES = 60_000;
export const MAX_CAPTURE_TEXT = 4_000_000;

export type PageMessageCheck =
  | { ok: true; capture: Capture }
  | { ok: false; reason: string; ours: boolean };

const ENDPOINT_IDS = new Set<string>(Object.keys(CAPTURED_ENDPOINTS));

/**
 * Checks the shape and size of a window message claiming to come from our hook. Anything the page
 * (or another extension) posts is untrusted: `ours` tells whether it even carried our channel tag.
 */
export function checkPageMessage(data: unknown): PageMessageCheck {
  if (!isRecord(data) || data.channel !== PAGE_CHANNEL) return { ok: false, reason: 'not our channel', ours: false };
  if (data.version !== PAGE_MESSAGE_VERSION) return { ok: false, reason: 'unknown message version', ours: true };
  const capture = data.capture;
  if (!isRecord(capture)) return { ok: false, reason: 'capture missing', ours: true };
  if (typeof capture.endpoint !== 'string' || !ENDPOINT_IDS.has(capture.endpoint)) {
    return { ok: false, reason: 'unknown endpoint', ours: true };
  }
  if (typeof capture.capturedAt !== 'number' || !Number.isFinite(capture.capturedAt) || capture.capturedAt <= 0) {
    return { ok: false, reason: 'capturedAt invalid', ours: true };
  }
  if (capture.shopId !== null && (typeof capture.shopId !== 'string' || capture.shopId.length > 64)) {
    return { ok: false, reason: 'shopId invalid', ours: true };
  }
  if (!isRecord(capture.response)) return { ok: false, reason: 'response is not an object', ours: true };
  const size = measure(capture, 0, { nodes: 0, text: 0 });
  if (size === null) return { ok: false, reason: 'capture too large or too deep', ours: true };
  return {
    ok: true,
    capture: {
      endpoint: capture.endpoint as CapturedEndpoint,
      shopId: capture.shopId as string | null,
      capturedAt: capture.capturedAt,
      request: capture.request ?? null,
      response: capture.response,
    },
  };
}

function measure(value: unknown, depth: number, size: { nodes: number; text: number }): typeof size | null {
  size.nodes += 1;
  if (size.nodes > MAX_CAPTURE_NODES || depth > 16) return null;
  if (typeof value === 'string') {
    size.text += value.length;
    return size.text > MAX_CAPTURE_TEXT ? null : size;
  }
  if (value === null || typeof value !== 'object') return size;
  const children = Array.isArray(value) ? value : Object.values(value);
  for (const child of children) {
    if (measure(child, depth + 1, size) === null) return null;
  }
  return size;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
