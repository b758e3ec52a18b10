import { logFailure } from '@/lib/errors/error-message';
import type { Capture } from '@/lib/capture/capture';
import { captureTimeAt } from '@/lib/capture/captured-at';
import type { SentinelDb } from '@/lib/db/schema';
import type { Finding } from '@/lib/findings/registry';
import { ingestCapture } from '@/lib/ingest/ingest-capture';
import { ingestConsoleTrace } from '@/lib/ingest/ingest-console-trace';
import { orderViews } from '@/lib/badges/order-views';
import type { CaptureReply } from '@/lib/messages/protocol';
import { loadSettings } from '@/lib/settings/settings-item';
import { database } from './database';
import { sendOrderViews } from './push-views';
import { requestNotifierRun } from './notifier';
import { requestPollSoon } from './poller';
import { refreshToolbarCount } from './toolbar-count';

/** How many skipped rows' reasons the page gets for its notice: enough to see what broke, short enough to hover. */
const SKIPPED_REASONS_SENT = 5;

/**
 * Stores a capture received at `receivedAt` (the worker's clock), re-evaluates its orders and answers with
 * what their badges need; the other console tabs (not `senderTabId`'s) get the same views pushed.
 */
export async function handleCapture(capture: Capture, receivedAt: number, senderTabId: number | null = null): Promise<CaptureReply> {
  const db = await database();
  const { policy, errors } = await loadSettings();
  if (errors.length > 0) console.warn('[order-sentinel] settings problems, defaults used for:', errors.map((problem) => problem.log));
  const time = captureTimeAt(capture.capturedAt, receivedAt);
  if (time.source === 'received') {
    console.warn(`[order-sentinel] ${capture.endpoint}: the page's capture time is ${capture.capturedAt - receivedAt} ms off this clock; the receive time is used`);
  }
  const timed = { ...capture, capturedAt: time.capturedAt };
  // The console's own trace goes to the order's waybill; every other capture carries order or case rows.
  if (capture.endpoint === 'courierTrace') {
    const report = await ingestConsoleTrace(db, timed, receivedAt, policy);
    if (report.error !== null) return { ok: false, error: report.error };
    if (report.problems.length > 0) console.warn(`[order-sentinel] courierTrace: ${report.problems.length} part(s) of the trace unread`, report.problems);
    return answer(db, report.shopId, report.findingsByOrder, senderTabId, [], time.source);
  }
  const report = await ingestCapture(db, timed, receivedAt, policy);
  if (report.error !== null) return { ok: false, error: report.error };
  if (report.rowsSkipped.length > 0) {
    console.warn(`[order-sentinel] ${capture.endpoint}: ${report.rowsSkipped.length} row(s) skipped`, report.rowsSkipped);
  }
  // A parcel new on its way is first asked about within two minutes (budget permitting).
  if (report.parcelsQueued > 0) requestPollSoon().catch(logFailure('requesting a tracking poll'));
  return answer(db, report.shopId, report.findingsByOrder, senderTabId, report.rowsSkipped, time.source);
}

/** The views of the orders whose findings were just worked out, also pushed to the other console tabs; refreshes the toolbar count and runs the notifier. */
async function answer(
  db: SentinelDb,
  shopId: string,
  findingsByOrder: ReadonlyMap<string, Finding[]>,
  senderTabId: number | null,
  skipped: ReadonlyArray<{ index: number; reason: string }>,
  capturedAtSource: 'page' | 'received',
): Promise<CaptureReply> {
  const orders = await orderViews(db, shopId, [...findingsByOrder.keys()], findingsByOrder);
  sendOrderViews(shopId, orders, senderTabId).catch(logFailure('updating the other console tabs'));
  refreshToolbarCount(db).catch(logFailure('the toolbar count'));
  requestNotifierRun().catch(logFailure('the notifier'));
  const skippedReasons = skipped.slice(0, SKIPPED_REASONS_SENT).map(({ index, reason }) => `[${index}] ${reason}`);
  return { ok: true, shopId, orders, skippedRows: skipped.length, skippedReasons, capturedAtSource };
}
