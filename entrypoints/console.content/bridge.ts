import type { Capture } from '@/lib/capture/capture';
import { errorMessage } from '@/lib/errors/error-message';
import { checkPageMessage } from '@/lib/capture/page-message';
import { TokenBucket } from '@/lib/capture/rate-limit';
import { sendMessage, type CaptureReply } from '@/lib/messages/protocol';

/** A console page makes a handful of list requests a minute; more than this is not the console. */
const BURST = 20;
const PER_SECOND = 2;

export interface BridgeCounters {
  forwarded: number;
  rejected: number;
  rateLimited: number;
}

/**
 * Listens, from document_start, for our page-world hook's messages: only from this window, only
 * with our channel and a valid shape, capped in size and rate. Valid captures go to the background.
 */
export function startBridge(
  signal: AbortSignal,
  onReply: (reply: CaptureReply, capture: Capture) => void,
): BridgeCounters {
  const counters: BridgeCounters = { forwarded: 0, rejected: 0, rateLimited: 0 };
  const bucket = new TokenBucket(BURST, PER_SECOND);
  window.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source !== window || event.origin !== window.location.origin) return;
      const check = checkPageMessage(event.data);
      if (!check.ok) {
        if (check.ours) counters.rejected += 1;
        return;
      }
      if (!bucket.take(Date.now())) {
        counters.rateLimited += 1;
        return;
      }
      counters.forwarded += 1;
      sendMessage('capture', check.capture).then(
        (reply) => onReply(reply, check.capture),
        (error: unknown) => onReply({ ok: false, error: errorMessage(error) }, check.capture),
      );
    },
    { signal },
  );
  return counters;
}
