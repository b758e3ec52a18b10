// Runs in an extension page of the loaded extension (bundled by popup-bench.ts, evaluated there): stores a
// synthetic shop through the real ingest into the extension's own database, as its console pages and the
// poller would, so the popup opens over what the extension itself wrote.
import type { Capture } from '../../lib/capture/capture';
import { DEFAULT_POLICY } from '../../lib/findings/policy';
import { ingestCapture } from '../../lib/ingest/ingest-capture';
import { ingestTrackingReply } from '../../lib/ingest/ingest-tracking';
import { openSentinelDb } from '../../lib/db/schema';
import { normalizeKuaidi100 } from '../../lib/tracking/kuaidi100';

export interface SeedInput {
  shopId: string;
  now: number;
  pageItems: unknown[];
  /** tracking number → Kuaidi100 body: replies read half an hour before `now`. */
  kuaidi100: Record<string, unknown>;
}

const PAGE = 500;

export async function seed(input: SeedInput): Promise<{ orders: number; waybills: number }> {
  const db = openSentinelDb();
  const capturedAt = input.now - 30 * 60_000;
  for (let start = 0; start < input.pageItems.length; start += PAGE) {
    const rows = input.pageItems.slice(start, start + PAGE);
    const capture: Capture = {
      endpoint: 'recentOrderList',
      shopId: input.shopId,
      capturedAt,
      request: null,
      response: { success: true, errorCode: 1000000, result: { totalItemNum: input.pageItems.length, pageItems: rows } },
    };
    const report = await ingestCapture(db, capture, input.now, DEFAULT_POLICY);
    if (report.error !== null) throw new Error(`ingest failed: ${JSON.stringify(report.error)}`);
  }
  for (const [trackingNumber, body] of Object.entries(input.kuaidi100)) {
    await ingestTrackingReply(db, input.shopId, trackingNumber, normalizeKuaidi100(body, trackingNumber, input.now - 20 * 60_000), input.now, DEFAULT_POLICY);
  }
  const figures = { orders: await db.orders.count(), waybills: await db.waybills.count() };
  db.close();
  return figures;
}
