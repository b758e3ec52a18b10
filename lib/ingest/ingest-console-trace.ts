// A captured console trace (the merchant opened an order's logistics) → a tracking reply for the order's
// waybill, through the same ingest as a provider's. Free and without any setup, so it verifies a pickup
// even when no query service is configured.
import type { Capture } from '../capture/capture';
import { UNKNOWN_SHOP } from '../db/records';
import type { SentinelDb } from '../db/schema';
import type { Finding, Policy } from '../findings/registry';
import { normalizeConsoleTrace } from '../pdd/console-trace';
import { rowsOfCapture } from './envelope';
import { ingestTrackingReply, type TrackingIngestReport } from './ingest-tracking';

export interface ConsoleTraceReport {
  shopId: string;
  orderSn: string | null;
  trackingNumber: string | null;
  /** What the trace could not read (named items and fields); the rest was ingested. */
  problems: string[];
  /** Findings of the orders that carry the waybill, most urgent first. */
  findingsByOrder: Map<string, Finding[]>;
  /** Why nothing was stored: a console error, an unreadable trace, no waybill to put it on, or a storage failure. */
  error: string | null;
  errorReason: 'envelope' | 'unreadable' | 'no_waybill' | TrackingIngestReport['errorReason'];
}

/**
 * The trace's own waybill number wins; a trace that names none (the older form) belongs to the stored
 * order's. An unreadable trace writes nothing: it is not a provider failure and must not read as "no record".
 */
export async function ingestConsoleTrace(db: SentinelDb, capture: Capture, now: number, policy: Policy): Promise<ConsoleTraceReport> {
  const shopId = capture.shopId ?? UNKNOWN_SHOP;
  const report: ConsoleTraceReport = { shopId, orderSn: null, trackingNumber: null, problems: [], findingsByOrder: new Map(), error: null, errorReason: null };
  const envelope = rowsOfCapture(capture);
  if (!envelope.ok) return { ...report, error: envelope.error, errorReason: 'envelope' };
  const trace = normalizeConsoleTrace(capture.response, capture.request, capture.capturedAt);
  report.orderSn = trace.orderSn;
  if (!trace.result.ok) return { ...report, error: trace.result.error, errorReason: 'unreadable' };
  report.problems = trace.result.problems;
  const stored = trace.trackingNumber === null && trace.orderSn !== null ? await db.orders.get([shopId, trace.orderSn]) : undefined;
  const trackingNumber = trace.trackingNumber ?? stored?.facts.trackingNumber ?? null;
  if (trackingNumber === null) {
    const error = trace.orderSn === null ? 'courierTrace: the trace names neither an order nor a waybill' : `courierTrace: order ${trace.orderSn} has no tracking number stored`;
    return { ...report, error, errorReason: 'no_waybill' };
  }
  report.trackingNumber = trackingNumber;
  const result = { ...trace.result, facts: { ...trace.result.facts, trackingNumber } };
  const ingested = await ingestTrackingReply(db, capture.shopId, trackingNumber, result, now, policy);
  return { ...report, findingsByOrder: ingested.findingsByOrder, error: ingested.error, errorReason: ingested.errorReason };
}
