// Kuaidi100 `poll/query.do` response bodies (lib/tracking/README.md § Kuaidi100 response) → TrackingFacts.
import type { TrackingEvent, TrackingStatus } from '../facts/facts';
import { isRecord, readFlag, readText, readTime } from '../pdd/fields';
import { normalizeTrackingNumber } from '../pdd/order-row';
import { describeValue, escapeText } from '../text/quote';
import { kuaidi100CodeClass, retryAdviceFor } from './provider-errors';
import { codeTable, completeTracking, orderEvents, readEvents, statusFromText, type TrackingResult } from './status';

/** `resultv2=4` sub-codes (lib/tracking/README.md § Kuaidi100 state codes). */
const SUB_CODES: ReadonlyMap<string, TrackingStatus> = codeTable({
  '101': 'pending',
  '102': 'pending',
  '103': 'picked_up',
  '1001': 'in_transit',
  '1002': 'in_transit',
  '1003': 'in_transit',
  '501': 'available_for_pickup',
  '301': 'delivered',
  '302': 'delivered',
  '303': 'delivered',
  '304': 'delivered',
  '201': 'exception',
  '202': 'exception',
  '203': 'rejected',
  '204': 'exception',
  '205': 'exception',
  '206': 'exception',
  '207': 'exception',
  '208': 'exception',
  '209': 'exception',
  '210': 'exception',
  '401': 'exception',
});

/** Main `state` values. 10–14 are main codes too (customs, 拒签), not sub-codes. */
const MAIN_CODES: ReadonlyMap<string, TrackingStatus> = codeTable({
  '0': 'in_transit',
  '1': 'picked_up',
  '2': 'exception',
  '3': 'delivered',
  '4': 'returned',
  '5': 'out_for_delivery',
  '6': 'returning',
  '7': 'in_transit',
  '8': 'in_transit',
  '10': 'in_transit',
  '11': 'in_transit',
  '12': 'in_transit',
  '13': 'exception',
  '14': 'rejected',
});

/** `data[].status` names (resultv2=1) → main code. */
const MAIN_CODE_BY_NAME: ReadonlyMap<string, string> = codeTable({
  在途: '0',
  揽收: '1',
  疑难: '2',
  签收: '3',
  退签: '4',
  派件: '5',
  退回: '6',
  转投: '7',
  转单: '7',
  清关: '8',
  待清关: '10',
  清关中: '11',
  已清关: '12',
  清关异常: '13',
  拒签: '14',
});

const STALLED_SUB = '202';
const PROXY_SUBS: ReadonlySet<string> = new Set(['303', '304', '501']);
const NO_RECORD = '500';

/**
 * Hand-written, without a schema library: every event of every trace of a shop comes through here. The
 * company the body names is kept as it says (`reportedCourier`); whether it is the order's is the rules' call.
 */
export function normalizeKuaidi100(body: unknown, trackingNumber: string, checkedAt: number): TrackingResult {
  if (!isRecord(body)) return { ok: false, error: 'Kuaidi100 body is not an object', retry: 'backoff' };
  const problems: string[] = [];
  const number = normalizeTrackingNumber(trackingNumber) ?? '';
  const returnCode = readText(body.returnCode, 'returnCode', problems);
  const failed = readFlag(body.result, 'result', problems) === false || (returnCode !== null && returnCode !== '200');
  if (failed && returnCode !== NO_RECORD) {
    // The code's class decides (provider-errors.ts); a code the reference does not list is asked again later.
    const errorClass = returnCode === null ? null : kuaidi100CodeClass(returnCode);
    const retry = errorClass === null ? 'later' : retryAdviceFor(errorClass);
    const message = typeof body.message === 'string' ? escapeText(body.message) : '';
    return { ok: false, error: `Kuaidi100 returnCode ${returnCode === null ? '?' : escapeText(returnCode)}: ${message}`, retry };
  }
  const answeredFor = normalizeTrackingNumber(readText(body.nu, 'nu', problems));
  if (answeredFor !== null && answeredFor !== number) {
    return { ok: false, error: `Kuaidi100 body is for waybill ${escapeText(answeredFor)}, not ${escapeText(number)}`, retry: 'never' };
  }
  if (body.data !== undefined && body.data !== null && !Array.isArray(body.data)) {
    return { ok: false, error: 'Kuaidi100 data is not a list', retry: 'backoff' };
  }
  const data: readonly unknown[] = Array.isArray(body.data) ? body.data : [];
  const read = readEvents(data, 'data', true, readEvent, problems);
  const events = orderEvents(read.events);
  // Events listed but none readable is no reading at all: "no trace" would be a false finding.
  if (events.length === 0 && data.length > 0) {
    return { ok: false, error: `Kuaidi100 data lists ${data.length} ${data.length === 1 ? 'event' : 'events'} and none can be read: ${problems.join('; ')}`, retry: 'backoff' };
  }
  const state = readText(body.state, 'state', problems);
  const newestCode = events[events.length - 1]?.code ?? null;
  const sub = state !== null && SUB_CODES.has(state) ? state : newestCode !== null && SUB_CODES.has(newestCode) ? newestCode : null;
  const main = state !== null ? mainCodeOf(state) : null;
  const company = readText(body.com, 'com', problems)?.toLowerCase() ?? '';
  const codeStatus = sub !== null ? (SUB_CODES.get(sub) ?? null) : main !== null ? (MAIN_CODES.get(main) ?? null) : null;
  return {
    ok: true,
    facts: completeTracking(
      {
        trackingNumber: number,
        provider: 'kuaidi100',
        rawState: state,
        rawSub: sub,
        events,
        reportedCourier: company === '' ? null : company,
        noRecord: returnCode === NO_RECORD || (events.length === 0 && state === null),
        providerStalled: sub === STALLED_SUB,
        proxySigned: sub !== null && PROXY_SUBS.has(sub),
        destinationArea: routeDestination(body.routeInfo, problems),
        unreadEvents: read.unread,
        checkedAt,
      },
      codeStatus,
    ),
    problems,
  };
}

/**
 * One `data[]` item (Kuaidi100 lists the newest first): skipped
 * without a readable time, a field of the wrong kind read as absent, each named in `problems` (see readEvents).
 */
function readEvent(item: unknown, problems: string[]): TrackingEvent | null {
  if (!isRecord(item)) {
    problems.push(`: expected an event object, got ${describeValue(item)}; skipped`);
    return null;
  }
  // Each field is read only when the one before it is missing: every event of every trace comes here.
  const unreadBefore = problems.length;
  const ftime = item.ftime;
  let at = ftime === undefined || ftime === null ? null : readTime(ftime, '.ftime', problems);
  if (at === null) {
    const time = item.time;
    at = time === undefined || time === null ? null : readTime(time, '.time', problems);
    // An unreadable ftime does not hide a readable time.
    if (at !== null && problems.length > unreadBefore) problems[problems.length - 1] += '; event read from time';
  }
  if (at === null) {
    if (problems.length === unreadBefore) problems.push(': no time or ftime; skipped');
    else problems[problems.length - 1] += '; event skipped';
    return null;
  }
  const text = readText(item.context, '.context', problems) ?? '';
  const code = readText(item.statusCode, '.statusCode', problems) ?? codeOfStatusName(readText(item.status, '.status', problems));
  const codedStatus = code === null ? null : statusOfCode(code);
  const area = readText(item.areaName, '.areaName', problems) ?? readText(item.location, '.location', problems);
  return { at, text, area, status: codedStatus ?? statusFromText(text), code };
}

/** A code's status: its own when the tables know it, else its main code's (lib/tracking/README.md § Kuaidi100 state codes). */
function statusOfCode(code: string): TrackingStatus | null {
  const known = SUB_CODES.get(code);
  if (known !== undefined) return known;
  const main = mainCodeOf(code);
  return main === null ? null : (MAIN_CODES.get(main) ?? null);
}

/**
 * The main `state` a code belongs to: itself when it is one (10–14 included), the hundreds of a 3-digit
 * sub-code (a 305 not yet in the table is a 3, signed), 0 for 100x; null for anything else.
 */
function mainCodeOf(code: string): string | null {
  if (MAIN_CODES.has(code)) return code;
  const main = /^\d{3}$/.test(code) ? String(Math.floor(Number(code) / 100)) : /^100\d$/.test(code) ? '0' : null;
  return main !== null && MAIN_CODES.has(main) ? main : null;
}

/** A `data[].status` name's main code; null for a name not in the table (the event's keywords decide then). */
function codeOfStatusName(name: string | null): string | null {
  return name === null ? null : (MAIN_CODE_BY_NAME.get(name) ?? null);
}

function routeDestination(routeInfo: unknown, problems: string[]): string | null {
  if (routeInfo === undefined || routeInfo === null) return null;
  if (!isRecord(routeInfo)) {
    problems.push(`routeInfo: expected an object, got ${describeValue(routeInfo)}`);
    return null;
  }
  const to = routeInfo.to;
  if (to === undefined || to === null) return null;
  if (!isRecord(to)) {
    problems.push(`routeInfo.to: expected an object, got ${describeValue(to)}`);
    return null;
  }
  return readText(to.name, 'routeInfo.to.name', problems);
}
