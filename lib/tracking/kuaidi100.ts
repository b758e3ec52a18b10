// Kuaidi100 `poll/query.do` response bodies (tracking-apis §1.1–1.3) → TrackingFacts.
import type { TrackingEvent, TrackingStatus } from '../facts/facts';
import { codeText, isRecord } from '../pdd/fields';
import { normalizeTrackingNumber } from '../pdd/order-row';
import { trimmed } from '../text/whitespace';
import { parseShanghaiLocal } from '../time/shanghai';
import { codeTable, completeTracking, orderEvents, statusFromText, type TrackingResult } from './status';

/** `resultv2=4` sub-codes (tracking-apis §1.2, mapped per §6). */
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
/** Wrong company, missing phone digits, bad signature, expired key: asking again will not help. */
const NEVER_RETRY: ReadonlySet<string> = new Set(['400', '408', '503', '600', '601']);
const BACKOFF_RETRY: ReadonlySet<string> = new Set(['501', '502']);

/**
 * `expectedCouriers`: the Kuaidi100 codes right for the order's courier; when the body names another
 * company, `identifiedCourier` says which (pdd-rules A14).
 */
export function normalizeKuaidi100(
  body: unknown,
  trackingNumber: string,
  checkedAt: number,
  expectedCouriers: readonly string[] = [],
): TrackingResult {
  if (!isRecord(body)) return { ok: false, error: 'Kuaidi100 body is not an object', retry: 'backoff' };
  const number = normalizeTrackingNumber(trackingNumber) ?? '';
  const returnCode = codeText(body.returnCode);
  const failed = body.result === false || (returnCode !== null && returnCode !== '200');
  const message = typeof body.message === 'string' ? body.message : '';
  if (failed && returnCode !== NO_RECORD) {
    const retry = returnCode === null ? 'later' : NEVER_RETRY.has(returnCode) ? 'never' : BACKOFF_RETRY.has(returnCode) ? 'backoff' : 'later';
    return { ok: false, error: `Kuaidi100 returnCode ${returnCode ?? '?'}: ${message}`, retry };
  }
  const answeredFor = typeof body.nu === 'string' ? normalizeTrackingNumber(body.nu) : null;
  if (answeredFor !== null && answeredFor !== number) {
    return { ok: false, error: `Kuaidi100 body is for waybill ${answeredFor}, not ${number}`, retry: 'never' };
  }
  if (body.data !== undefined && body.data !== null && !Array.isArray(body.data)) {
    return { ok: false, error: 'Kuaidi100 data is not a list', retry: 'backoff' };
  }
  const events = orderEvents(Array.isArray(body.data) ? eventsOf(body.data) : []);
  const state = codeText(body.state);
  const newestCode = events[events.length - 1]?.code ?? null;
  const sub = state !== null && SUB_CODES.has(state) ? state : newestCode !== null && SUB_CODES.has(newestCode) ? newestCode : null;
  const main = state !== null ? mainCodeOf(state) : null;
  const company = typeof body.com === 'string' ? body.com.trim().toLowerCase() : '';
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
        identifiedCourier: company !== '' && expectedCouriers.length > 0 && !expectedCouriers.includes(company) ? company : null,
        noRecord: returnCode === NO_RECORD || (events.length === 0 && state === null),
        providerStalled: sub === STALLED_SUB,
        proxySigned: sub !== null && PROXY_SUBS.has(sub),
        destinationArea: routeDestination(body.routeInfo),
        checkedAt,
      },
      codeStatus,
    ),
  };
}

/**
 * `data[]` items with a readable time; others are skipped, not fatal. Read from the end: Kuaidi100 lists
 * the newest event first, so the events come out oldest first, as `orderEvents` keeps them.
 */
function eventsOf(data: readonly unknown[]): TrackingEvent[] {
  const events: TrackingEvent[] = [];
  for (let i = data.length - 1; i >= 0; i -= 1) {
    const item = data[i];
    if (!isRecord(item)) continue;
    // Each field is read only when the one before it is missing: every event of every trace comes here.
    const ftime = item.ftime;
    const timeText = typeof ftime === 'string' ? ftime : item.time;
    const at = typeof timeText === 'string' ? parseShanghaiLocal(timeText) : null;
    if (at === null) continue;
    const context = item.context;
    const text = typeof context === 'string' ? trimmed(context) : '';
    const code = codeText(item.statusCode) ?? codeOfStatusName(item.status);
    const codedStatus = code === null ? null : statusOfCode(code);
    const areaName = item.areaName;
    const areaText = typeof areaName === 'string' ? trimmed(areaName) : typeof item.location === 'string' ? trimmed(item.location) : '';
    events.push({ at, text, area: areaText === '' ? null : areaText, status: codedStatus ?? statusFromText(text), code });
  }
  return events;
}

/** A code's status: its own when the tables know it, else its main code's (tracking-apis §1.2). */
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

function codeOfStatusName(name: unknown): string | null {
  return typeof name === 'string' ? (MAIN_CODE_BY_NAME.get(name.trim()) ?? null) : null;
}

function routeDestination(routeInfo: unknown): string | null {
  if (!isRecord(routeInfo) || !isRecord(routeInfo.to)) return null;
  const name = routeInfo.to.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}
