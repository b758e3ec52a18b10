import type { Capture } from '@/lib/capture/capture';
import type { StoredOrder } from '@/lib/db/records';
import { ingestCapture } from '@/lib/ingest/ingest-capture';
import type { CaptureReply, OrderView } from '@/lib/messages/protocol';
import { loadSettings } from '@/lib/settings/settings';
import { browser } from 'wxt/browser';
import { database } from './database';
import { refreshToolbarCount } from './toolbar-count';

/** Stores a capture, re-evaluates its orders and answers with what their badges need. */
export async function handleCapture(capture: Capture): Promise<CaptureReply> {
  const db = await database();
  const { policy, errors } = await loadSettings(browser.storage.local);
  if (errors.length > 0) console.warn('[order-sentinel] settings problems, defaults used for:', errors);
  const now = Date.now();
  const report = await ingestCapture(db, capture, now, policy);
  if (report.error !== null) return { ok: false, error: report.error };
  if (report.rowsSkipped.length > 0) {
    console.warn(`[order-sentinel] ${capture.endpoint}: ${report.rowsSkipped.length} row(s) skipped`, report.rowsSkipped);
  }
  const orderSns = Object.keys(report.findingsByOrder);
  const stored = await db.orders.bulkGet(orderSns.map((orderSn) => [report.shopId, orderSn] as [string, string]));
  const orders: OrderView[] = stored
    .filter((order): order is StoredOrder => order !== undefined)
    .map((order) => ({
      orderSn: order.orderSn,
      promiseShipAt: order.facts.promiseShipAt,
      shippedAt: order.facts.shippedAt,
      state: order.facts.state,
      findings: report.findingsByOrder[order.orderSn] ?? [],
    }));
  void refreshToolbarCount(db);
  return { ok: true, shopId: report.shopId, orders, skippedRows: report.rowsSkipped.length };
}
