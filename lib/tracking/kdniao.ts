// Kdniao (快递鸟) 1002 and 8001 response bodies (lib/tracking/README.md § Kdniao response) → TrackingFacts.
import type { TrackingEvent, TrackingStatus } from '../facts/facts';
import { isRecord, readFlag, readText, readTime } from '../pdd/fields';
import { normalizeTrackingNumber } from '../pdd/order-row';
import { describeValue, escapeText } from '../text/quote';
import { kdniaoReasonClass, retryAdviceFor } from './provider-errors';
import { codeTable, completeTracking, orderEvents, readEvents, statusFromText, type TrackingResult } from './status';

/** 8001 `StateEx` codes and per-event `Action` codes (lib/tracking/README.md § Kdniao state codes). Maps, as in kuaidi100.ts. */
const SUB_CODES: ReadonlyMap<string, TrackingStatus> = codeTable({
  '1': 'picked_up',
  '10': 'pending',
  '2': 'in_transit',
  '201': 'in_transit',
  '202': 'out_for_delivery',
  '204': 'in_transit',
  '205': 'in_transit',
  '206': 'in_transit',
  '211': 'available_for_pickup',
  '3': 'delivered',
  '301': 'delivered',
  '302': 'delivered',
  '304': 'delivered',
  '311': 'delivered',
  '4': 'exception',
  '401': 'pending',
  '402': 'exception',
  '403': 'exception',
  '404': 'rejected',
  '405': 'exception',
  '406': 'returned',
  '407': 'returning',
  '412': 'exception',
  '413': 'returning',
  '414': 'exception',
  '415': 'exception',
  '416': 'exception',
  '417': 'exception',
  '418': 'delivered',
  '419': 'out_for_delivery',
  '420': 'exception',
  '421': 'exception',
  '422': 'exception',
  '423': 'exception',
  '5': 'in_transit',
  '6': 'in_transit',
  '601': 'in_transit',
  '602': 'in_transit',
  '603': 'in_transit',
  '604': 'exception',
});

/** 1002 `State`. 0 (暂无轨迹) has no status: the reading is "no record". */
const MAIN_CODES: ReadonlyMap<string, TrackingStatus> = codeTable({
  '1': 'picked_up',
  '2': 'in_transit',
  '3': 'delivered',
  '4': 'exception',
  '5': 'in_transit',
  '6': 'in_transit',
});

const NO_TRACE_STATE = '0';
const STALLED_SUB = '403';
const PROXY_SUBS: ReadonlySet<string> = new Set(['211', '304', '311']);
/** Kdniao errors have no stable code, only a `Reason` text (lib/tracking/README.md § Kdniao errors); failures are classed in provider-errors.ts. */
const NO_TRACE_REASON = /暂无轨迹|没有物流轨迹|无轨迹信息|查询无结果/;

/**
 * Hand-written, without a schema library, like the Kuaidi100 reader; the `ShipperCode` is kept as the
 * body says (`reportedCourier`), for the rules to compare with each order's courier.
 */
export function normalizeKdniao(body: unknown, trackingNumber: string, checkedAt: number): TrackingResult {
  if (!isRecord(body)) return { ok: false, error: 'Kdniao body is not an object', retry: 'backoff' };
  const problems: string[] = [];
  const number = normalizeTrackingNumber(trackingNumber) ?? '';
  const reason = typeof body.Reason === 'string' ? body.Reason : '';
  const noTrace = NO_TRACE_REASON.test(reason);
  if (readFlag(body.Success, 'Success', problems) !== true && !noTrace) {
    return { ok: false, error: `Kdniao request failed: ${reason === '' ? 'no reason given' : escapeText(reason)}`, retry: retryAdviceFor(kdniaoReasonClass(reason)) };
  }
  const answeredFor = normalizeTrackingNumber(readText(body.LogisticCode, 'LogisticCode', problems));
  if (answeredFor !== null && answeredFor !== number) {
    return { ok: false, error: `Kdniao body is for waybill ${escapeText(answeredFor)}, not ${escapeText(number)}`, retry: 'never' };
  }
  if (body.Traces !== undefined && body.Traces !== null && !Array.isArray(body.Traces)) {
    return { ok: false, error: 'Kdniao Traces is not a list', retry: 'backoff' };
  }
  const traces: readonly unknown[] = Array.isArray(body.Traces) ? body.Traces : [];
  const read = readEvents(traces, 'Traces', false, readEvent, problems);
  const events = orderEvents(read.events);
  // Events listed but none readable is no reading at all: "no trace" would be a false finding.
  if (events.length === 0 && traces.length > 0) {
    return { ok: false, error: `Kdniao Traces lists ${traces.length} ${traces.length === 1 ? 'event' : 'events'} and none can be read: ${problems.join('; ')}`, retry: 'backoff' };
  }
  const state = readText(body.State, 'State', problems);
  const stateEx = readText(body.StateEx, 'StateEx', problems);
  const newestCode = events[events.length - 1]?.code ?? null;
  // The newest event's Action stands in for a missing StateEx only when it is a sub-code: an Action of a
  // main level ("2" 在途) must not outrank the body's State ("4" 问题件) (lib/tracking/README.md § Normalized status).
  const newestSub = newestCode !== null && SUB_CODES.has(newestCode) && !MAIN_CODES.has(newestCode) ? newestCode : null;
  const sub = stateEx !== null && SUB_CODES.has(stateEx) ? stateEx : newestSub;
  const main = state !== null && MAIN_CODES.has(state) ? state : null;
  const shipper = readText(body.ShipperCode, 'ShipperCode', problems)?.toUpperCase() ?? '';
  const codeStatus = sub !== null ? (SUB_CODES.get(sub) ?? null) : main !== null ? (MAIN_CODES.get(main) ?? null) : null;
  return {
    ok: true,
    facts: completeTracking(
      {
        trackingNumber: number,
        provider: 'kdniao',
        rawState: state,
        rawSub: sub,
        events,
        reportedCourier: shipper === '' ? null : shipper,
        noRecord: events.length === 0 && (noTrace || state === NO_TRACE_STATE || state === null),
        providerStalled: sub === STALLED_SUB,
        proxySigned: sub !== null && PROXY_SUBS.has(sub),
        destinationArea: null,
        unreadEvents: read.unread,
        checkedAt,
      },
      codeStatus,
    ),
    problems,
  };
}

/**
 * One `Traces[]` item (Kdniao lists them oldest first): skipped without a readable time, a field of the
 * wrong kind read as absent, each named in `problems` (see readEvents).
 */
function readEvent(item: unknown, problems: string[]): TrackingEvent | null {
  if (!isRecord(item)) {
    problems.push(`: expected an event object, got ${describeValue(item)}; skipped`);
    return null;
  }
  const acceptTime = item.AcceptTime;
  const at = acceptTime === undefined || acceptTime === null ? null : readTime(acceptTime, '.AcceptTime', problems);
  if (at === null) {
    if (acceptTime === undefined || acceptTime === null) problems.push(': no AcceptTime; skipped');
    else problems[problems.length - 1] += '; event skipped';
    return null;
  }
  const text = readText(item.AcceptStation, '.AcceptStation', problems) ?? '';
  const code = readText(item.Action, '.Action', problems);
  const codedStatus = code === null ? null : (SUB_CODES.get(code) ?? null);
  const area = readText(item.Location, '.Location', problems);
  return { at, text, area, status: codedStatus ?? statusFromText(text), code };
}
