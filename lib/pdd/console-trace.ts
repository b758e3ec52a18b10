// The console's own parcel trace (lib/pdd/README.md § Console trace) → TrackingFacts with provider 'console'.
// Its field names are low confidence, so every documented spelling is tried, what cannot be read is named in
// `problems`, and an unknown shape is no reading at all (never "no record": that would start a pickup alarm).
import type { TrackingEvent, TrackingStatus } from '../facts/facts';
import { describeValue, quote } from '../text/quote';
import { codeTable, completeTracking, orderEvents, readEvents, statusFromText, type TrackingResult } from '../tracking/status';
import { isAbsent, isRecord, readEpoch, readText, readTime } from './fields';
import { normalizeTrackingNumber } from './order-row';

export interface ConsoleTrace {
  /** The order the trace was asked for: the hook's `request.orderSn`, else the result's own `orderSn`. */
  orderSn: string | null;
  /** The waybill the trace names; null when it names none (the older form), so the caller looks the order up. */
  trackingNumber: string | null;
  /** `facts.trackingNumber` is '' when the trace names no waybill: the caller sets the one it found. */
  result: TrackingResult;
}

/** Open-platform `action` codes (pdd.logistics.ordertrace.get), which the console trace may share. OTHER says nothing. */
const ACTION_STATUS: ReadonlyMap<string, TrackingStatus | null> = codeTable<TrackingStatus | null>({
  GOT: 'picked_up',
  DEPARTURE: 'in_transit',
  ARRIVAL: 'in_transit',
  SEND: 'out_for_delivery',
  IN_CABINET: 'available_for_pickup',
  SIGN: 'delivered',
  SIGN_ON_BEHALF: 'delivered',
  OUT_CABINET: 'delivered',
  FAIL: 'exception',
  STAY_IN_WAREHOUSE: 'exception',
  REJECTION: 'rejected',
  RETURN: 'returning',
  OTHER: null,
});
/** A station, locker or proxy holds the parcel (as Kuaidi100 303/304/501). */
const PROXY_ACTIONS: ReadonlySet<string> = new Set(['SIGN_ON_BEHALF', 'IN_CABINET']);

const ORDER_SN = /^\d{6}-\d{1,20}$/;
const NUMERIC = /^\s*\d+(?:\.\d+)?\s*$/;

/**
 * Reads a captured trace response (the envelope already checked by lib/ingest/envelope.ts) and the hook's
 * `request` (`{ orderSn }`). Never throws.
 */
export function normalizeConsoleTrace(response: unknown, request: unknown, checkedAt: number): ConsoleTrace {
  const problems: string[] = [];
  const result = isRecord(response) ? response.result : undefined;
  const fromRequest = isRecord(request) ? orderSnOf(request.orderSn, 'request.orderSn', problems) : null;
  if (!isRecord(result)) {
    return { orderSn: fromRequest, trackingNumber: null, result: { ok: false, error: `console trace: result is ${describeValue(result)}, not an object`, retry: 'later' } };
  }
  const orderSn = fromRequest ?? orderSnOf(result.orderSn ?? result.order_sn, 'result.orderSn', problems);
  const shipping = isRecord(result.shipping) ? result.shipping : null;
  const list = traceListOf(result, shipping);
  const trackingNumber = waybillOf(result, problems) ?? (shipping === null ? null : waybillOf(shipping, problems));
  if (list === null) {
    return { orderSn, trackingNumber, result: { ok: false, error: 'console trace: no traceList, traces, trace_list or shipping.traceList in result', retry: 'later' } };
  }
  if (!Array.isArray(list.items)) {
    return { orderSn, trackingNumber, result: { ok: false, error: `console trace: result.${list.name} is ${describeValue(list.items)}, not a list`, retry: 'later' } };
  }
  const items: readonly unknown[] = list.items;
  const read = readEvents(items, list.name, false, readEvent, problems);
  const events = orderEvents(read.events);
  // Events listed but none readable is no reading: "no trace" would be a false pickup alarm.
  if (events.length === 0 && items.length > 0) {
    const error = `console trace: ${list.name} lists ${items.length} ${items.length === 1 ? 'event' : 'events'} and none can be read: ${problems.join('; ')}`;
    return { orderSn, trackingNumber, result: { ok: false, error, retry: 'later' } };
  }
  const newest = events[events.length - 1];
  const facts = completeTracking(
    {
      trackingNumber: trackingNumber ?? '',
      provider: 'console',
      rawState: newest?.code ?? null,
      rawSub: null,
      events,
      // The console traces the order's own parcel: it names no courier to compare with the order's.
      reportedCourier: null,
      noRecord: events.length === 0,
      providerStalled: false,
      proxySigned: newest?.code != null && PROXY_ACTIONS.has(newest.code),
      destinationArea: null,
      unreadEvents: read.unread,
      checkedAt,
    },
    // The newest event that says something: a later line in words no keyword knows does not undo a pickup.
    latestStatus(events),
  );
  return { orderSn, trackingNumber, result: { ok: true, facts, problems } };
}

function traceListOf(result: Record<string, unknown>, shipping: Record<string, unknown> | null): { name: string; items: unknown } | null {
  if (!isAbsent(result.traceList)) return { name: 'traceList', items: result.traceList };
  if (!isAbsent(result.traces)) return { name: 'traces', items: result.traces };
  if (!isAbsent(result.trace_list)) return { name: 'trace_list', items: result.trace_list };
  if (shipping !== null && !isAbsent(shipping.traceList)) return { name: 'shipping.traceList', items: shipping.traceList };
  return null;
}

function orderSnOf(value: unknown, key: string, problems: string[]): string | null {
  const text = readText(value, key, problems);
  if (text === null || ORDER_SN.test(text)) return text;
  problems.push(`${key}: ${quote(text)} is not an order number`);
  return null;
}

function waybillOf(source: Record<string, unknown>, problems: string[]): string | null {
  const value = source.trackingNumber ?? source.tracking_number ?? source.mailNo ?? source.mail_no;
  return normalizeTrackingNumber(readText(value, 'trackingNumber', problems));
}

function latestStatus(events: readonly TrackingEvent[]): TrackingStatus | null {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const status = (events[i] as TrackingEvent).status;
    if (status !== null) return status;
  }
  return null;
}

/** One event: skipped without a readable time; a text or code of the wrong kind read as absent, each named. */
function readEvent(item: unknown, problems: string[]): TrackingEvent | null {
  if (!isRecord(item)) {
    problems.push(`: expected an event object, got ${describeValue(item)}; skipped`);
    return null;
  }
  const unreadBefore = problems.length;
  const [timeKey, timeValue] = !isAbsent(item.time) ? ['time', item.time] : ['status_time', item.status_time];
  const at = consoleTime(timeValue, `.${timeKey}`, problems);
  if (at === null) {
    if (problems.length === unreadBefore) problems.push(': no time or status_time; skipped');
    else problems[problems.length - 1] += '; event skipped';
    return null;
  }
  const text = eventText(item, problems);
  const action = readText(item.action, '.action', problems)?.toUpperCase() ?? null;
  let status: TrackingStatus | null = null;
  if (action !== null && ACTION_STATUS.has(action)) status = ACTION_STATUS.get(action) ?? null;
  else if (action !== null) problems.push(`.action: ${quote(action)} is not a known action code; read from the text`);
  return { at, text, area: null, status: status ?? statusFromText(text), code: action };
}

/** A time as unix seconds or ms (a number or numeric text, told apart by magnitude), or as wall-clock text. */
function consoleTime(value: unknown, key: string, problems: string[]): number | null {
  if (isAbsent(value)) return null;
  return typeof value === 'string' && !NUMERIC.test(value) ? readTime(value, key, problems) : readEpoch(value, key, problems);
}

/** The first of the documented text fields that is present. */
function eventText(item: Record<string, unknown>, problems: string[]): string {
  const fields: ReadonlyArray<readonly [string, unknown]> = [
    ['info', item.info],
    ['content', item.content],
    ['desc', item.desc],
    ['context', item.context],
    ['status_desc', item.status_desc],
  ];
  for (const [key, value] of fields) {
    if (value !== undefined && value !== null) return readText(value, `.${key}`, problems) ?? '';
  }
  return '';
}
