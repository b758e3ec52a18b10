import { logFailure } from '@/lib/errors/error-message';
import type { Capture } from '@/lib/capture/capture';
import { captureTimeAt } from '@/lib/capture/captured-at';
import { ingestCapture } from '@/lib/ingest/ingest-capture';
import { orderViews } from '@/lib/badges/order-views';
import type { CaptureReply } from '@/lib/messages/protocol';
import { loadSettings } from '@/lib/settings/settings-item';
import { database } from './database';
import { sendOrderViews } from './push-views';
import { requestPollSoon } from './poller';
import { refreshToolbarCount } from './toolbar-count';

/**
 * Stores a capture received at `receivedAt` (the worker's clock), re-evaluates its orders and answers with
 * what their badges need; the other console tabs (not `senderTabId`'s) get the same views pushed.
 */
export async function handleCapture(capture: Capture, receivedAt: number, senderTabId: number | null = null): Promise<CaptureReply> {
  const db = await database();
  const { policy, errors } = await loadSettings();
  if (errors.length > 0) console.warn('[order-sentinel] settings problems, defaults used for:', errors);
  const time = captureTimeAt(capture.capturedAt, receivedAt);
  if (time.source === 'received') {
    console.warn(`[order-sentinel] ${capture.endpoint}: the page's capture time is ${capture.capturedAt - receivedAt} ms off this clock; the receive time is used`);
  }
  const report = await ingestCapture(db, { ...capture, capturedAt: time.capturedAt }, receivedAt, policy);
  if (report.error !== null) return { ok: false, error: report.error };
  if (report.rowsSkipped.length > 0) {
    console.warn(`[order-sentinel] ${capture.endpoint}: ${report.rowsSkipped.length} row(s) skipped`, report.rowsSkipped);
  }
  const orders = await orderViews(db, report.shopId, [...report.findingsByOrder.keys()], report.findingsByOrder);
  sendOrderViews(report.shopId, orders, senderTabId).catch(logFailure('updating the other console tabs'));
  refreshToolbarCount(db).catch(logFailure('the toolbar count'));
  // A parcel new on its way is first asked about within two minutes (budget permitting).
  if (report.parcelsQueued > 0) requestPollSoon().catch(logFailure('requesting a tracking poll'));
  return { ok: true, shopId: report.shopId, orders, skippedRows: report.rowsSkipped.length, capturedAtSource: time.source };
}
