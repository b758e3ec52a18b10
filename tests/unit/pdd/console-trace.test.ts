import { describe, expect, it } from 'vitest';
import { normalizeConsoleTrace } from '../../../lib/pdd/console-trace';

const CHECKED = Date.UTC(2026, 10, 20, 2, 0, 0);
const SN = '261119-100000000000001';
/** Shanghai wall time → ms, independent of the code under test. */
const sh = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`);
const envelope = (result: unknown) => ({ success: true, errorCode: 1000000, errorMsg: null, result });

function read(result: unknown, request: unknown = { orderSn: SN }) {
  const trace = normalizeConsoleTrace(envelope(result), request, CHECKED);
  if (!trace.result.ok) throw new Error(trace.result.error);
  return { ...trace, facts: trace.result.facts, problems: trace.result.problems };
}

describe('normalizeConsoleTrace', () => {
  it('reads the current form: traceList with ms times and action codes, newest first', () => {
    const trace = read({
      trackingNumber: 'zt 7800 0012 34567',
      traceList: [
        { time: sh('2026-11-19 21:40:00'), info: '快件已到达【无锡转运中心】', action: 'ARRIVAL' },
        { time: sh('2026-11-19 18:05:00'), info: '【苏州市】中通快递 吴中网点 的业务员已揽收', action: 'GOT' },
      ],
    });
    expect(trace.orderSn).toBe(SN);
    expect(trace.trackingNumber).toBe('ZT7800001234567');
    expect(trace.problems).toEqual([]);
    expect(trace.facts).toMatchObject({
      trackingNumber: 'ZT7800001234567',
      provider: 'console',
      status: 'in_transit',
      rawState: 'ARRIVAL',
      pickedUpAt: sh('2026-11-19 18:05:00'),
      lastEventAt: sh('2026-11-19 21:40:00'),
      noRecord: false,
      reportedCourier: null,
      checkedAt: CHECKED,
    });
    expect(trace.facts.events.map((event) => [event.at, event.status, event.code])).toEqual([
      [sh('2026-11-19 18:05:00'), 'picked_up', 'GOT'],
      [sh('2026-11-19 21:40:00'), 'in_transit', 'ARRIVAL'],
    ]);
  });

  it('reads the older form: traces with text times and info only, newest last, naming no waybill', () => {
    const trace = read({
      traces: [
        { time: '2026-11-19 18:05:00', info: '【苏州市】已揽收' },
        { time: '2026-11-20 08:10:00', info: '快件已签收，签收人：本人' },
      ],
    });
    expect(trace.trackingNumber).toBeNull();
    expect(trace.facts).toMatchObject({ trackingNumber: '', status: 'delivered', pickedUpAt: sh('2026-11-19 18:05:00'), rawState: null });
  });

  it.each([
    ['unix seconds', Math.floor(sh('2026-11-19 18:05:00') / 1000)],
    ['seconds as text', String(Math.floor(sh('2026-11-19 18:05:00') / 1000))],
    ['ms as text', ` ${sh('2026-11-19 18:05:00')} `],
    ['wall-clock text', '2026-11-19 18:05:00'],
  ])('reads a time given as %s', (_name, time) => {
    expect(read({ traceList: [{ time, info: '已揽收' }] }).facts.pickedUpAt).toBe(sh('2026-11-19 18:05:00'));
  });

  it('tries trace_list and shipping.traceList, content/desc/context/status_desc and status_time', () => {
    const a = read({ trace_list: [{ status_time: '2026-11-19 18:05:00', status_desc: '运输中', action: 'departure' }] });
    expect(a.facts.events[0]).toMatchObject({ text: '运输中', status: 'in_transit', code: 'DEPARTURE' });
    const b = read({ shipping: { mailNo: 'YT0000000000001', traceList: [{ time: '2026-11-19 18:05:00', desc: '派件中' }, { time: '2026-11-19 19:05:00', context: '放入快递柜', action: 'IN_CABINET' }] } });
    expect(b.trackingNumber).toBe('YT0000000000001');
    expect(b.facts).toMatchObject({ status: 'available_for_pickup', proxySigned: true });
    const c = read({ traceList: [{ time: '2026-11-19 18:05:00', content: '客户拒收', action: 'REJECTION' }] });
    expect(c.facts.status).toBe('rejected');
  });

  it('a later line no keyword knows keeps the status of the one before it', () => {
    const trace = read({ traceList: [{ time: '2026-11-19 18:05:00', info: '已揽收', action: 'GOT' }, { time: '2026-11-19 20:00:00', info: '【苏州】快件离开' }] });
    expect(trace.facts).toMatchObject({ status: 'picked_up', pickedUpAt: sh('2026-11-19 18:05:00') });
  });

  it('an empty list is a reading with no record', () => {
    expect(read({ trackingNumber: 'ZT7800001234567', traceList: [] }).facts).toMatchObject({ status: 'unknown', noRecord: true, events: [], pickedUpAt: null });
  });

  it('takes the order number from the result when the request has none, and refuses one that is not an order number', () => {
    expect(read({ orderSn: SN, traceList: [] }, null).orderSn).toBe(SN);
    const bad = read({ traceList: [] }, { orderSn: 'x<script>' });
    expect(bad.orderSn).toBeNull();
    expect(bad.problems).toEqual(['request.orderSn: "x<script>" is not an order number']);
  });

  it('names every item it cannot read and keeps the rest', () => {
    const trace = read({
      traceList: [
        'garbage',
        { info: '没有时间' },
        { time: 'soon', info: '时间读不了' },
        { time: true, info: '时间是布尔' },
        { time: '2026-11-19 18:05:00', info: { text: '对象' }, action: 'GOT' },
        { time: '2026-11-19 19:05:00', info: '到达【无锡】', action: 'TELEPORT' },
      ],
    });
    expect(trace.problems).toEqual([
      'traceList[0]: expected an event object, got "garbage"; skipped',
      'traceList[1]: no time or status_time; skipped',
      'traceList[2].time: "soon" is not a time; event skipped',
      'traceList[3].time: expected a number, got true; event skipped',
      'traceList[4].info: expected text, got an object',
      'traceList[5].action: "TELEPORT" is not a known action code; read from the text',
    ]);
    expect(trace.facts.events.map((event) => [event.text, event.status])).toEqual([
      ['', 'picked_up'],
      ['到达【无锡】', 'in_transit'],
    ]);
    // Four items skipped; the two read with a field problem are events all the same.
    expect(trace.facts.unreadEvents).toBe(4);
  });

  it.each([
    ['a result that is not an object', null, /result is null/],
    ['a result without any known list', { verifyAuthToken: 'abc' }, /no traceList, traces, trace_list or shipping.traceList/],
    ['a list that is not a list', { traceList: { 0: 'a' } }, /result.traceList is an object, not a list/],
    ['a list none of whose events can be read', { traces: [{ info: 'x' }, 7] }, /traces lists 2 events and none can be read/],
  ])('%s is no reading at all', (_name, result, error) => {
    const trace = normalizeConsoleTrace(envelope(result), { orderSn: SN }, CHECKED);
    expect(trace.orderSn).toBe(SN);
    expect(trace.result.ok).toBe(false);
    if (!trace.result.ok) expect(trace.result.error).toMatch(error);
  });

  it('never throws on a response that is no object at all', () => {
    for (const response of [null, 'x', 7, [], { result: [] }]) {
      expect(normalizeConsoleTrace(response, undefined, CHECKED).result.ok).toBe(false);
    }
  });
});
