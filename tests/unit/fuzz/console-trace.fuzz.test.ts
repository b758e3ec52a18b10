// Fuzz: the console's own trace responses (/express_base/mms/track) through normalizeConsoleTrace.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { normalizeConsoleTrace, type ConsoleTrace } from '../../../lib/pdd/console-trace';
import { eventsMisread, type EventSample } from './courier-events';
import { fuzz } from './fuzz';
import { badTimeText, BAD, NOW, text, timeText } from './values';

const HOUR = 3_600_000;
const REQUEST = { orderSn: '261119-100000000000001' };

/** A time as the console may write it (ms, s, numeric text, wall-clock text) with its instant, or a value to name; 0 is the console's "not set". */
const time = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: NOW - 20 * 24 * HOUR, max: NOW }).map((at) => ({ raw: at, at: at, named: false })) },
  { weight: 2, arbitrary: fc.integer({ min: (NOW - 20 * 24 * HOUR) / 1000, max: NOW / 1000 }).chain((s) => fc.constantFrom(s, String(s), ` ${s} `).map((raw) => ({ raw: raw, at: s * 1000, named: false }))) },
  { weight: 3, arbitrary: timeText.filter((t) => t.expected !== BAD).map((t) => ({ raw: t.text, at: t.expected as number, named: false })) },
  { weight: 1, arbitrary: badTimeText.filter((t) => t.text.trim() !== '' && Number(t.text) !== 0).map((t) => ({ raw: t.text, at: null, named: true })) },
  { weight: 1, arbitrary: fc.constantFrom(true, {}, [], -5).map((raw) => ({ raw: raw, at: null, named: true })) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null).map((raw) => ({ raw: raw, at: null, named: false })) },
);
const info = fc.oneof(
  { weight: 8, arbitrary: fc.oneof(fc.constantFrom('已揽收', '快件已到达【苏州转运中心】', '派件中', '已签收', '客户拒收'), text).map((value) => ({ raw: value, text: value.trim(), named: false })) },
  { weight: 1, arbitrary: fc.constantFrom({}, [], 1.5).map((raw) => ({ raw: raw, text: '', named: true })) },
  { weight: 1, arbitrary: fc.constant({ raw: undefined, text: '', named: false }) },
);
const action = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GOT', 'got', 'ARRIVAL', 'SEND', 'SIGN', 'REJECTION', 'RETURN', 'IN_CABINET', 'OTHER', undefined).map((raw) => ({ raw: raw, named: false })) },
  { weight: 1, arbitrary: fc.constantFrom('TELEPORT', {}, [], true).map((raw) => ({ raw: raw, named: true })) },
);

const event: fc.Arbitrary<EventSample> = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.record({ time, info, action, textKey: fc.constantFrom('info', 'content', 'desc', 'context') }).map(({ time: t, info: i, action: a, textKey }): EventSample => {
      const raw: Record<string, unknown> = {};
      if (t.raw !== undefined) raw.time = t.raw;
      if (i.raw !== undefined) raw[textKey] = i.raw;
      if (a.raw !== undefined) raw.action = a.raw;
      if (t.at === null) return { raw, read: null, named: [t.named ? 'time' : ''], readFromSecond: false };
      const named = [...(i.named ? [textKey] : []), ...(a.named ? ['action'] : [])];
      return { raw, read: { at: t.at, text: i.text }, named, readFromSecond: false };
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom('garbage', 7, null, ['2026-11-19 07:10:00', '已揽收']).map((raw): EventSample => ({ raw, read: null, named: [''], readFromSecond: false })) },
);

const input = fc.array(event, { maxLength: 12 }).map((events) => ({ events, response: { success: true, errorCode: 1000000, result: { trackingNumber: 'ZT7800001234567', traceList: events.map((sample) => sample.raw) } } }));

describe('fuzz: console traces', () => {
  it('every readable event is kept and every other item named; a list of unreadable events is no reading', () => {
    fuzz({
      entry: 'console trace',
      property: 'events as the trace says them; each skipped item and bad field named',
      input,
      run: ({ response }) => normalizeConsoleTrace(response, REQUEST, NOW),
      oracle: ({ events }, trace) => {
        if (events.length > 0 && events.every((sample) => sample.read === null)) return trace.result.ok ? 'a list of unreadable events answered a reading' : null;
        if (!trace.result.ok) return `refused a readable trace: ${trace.result.error}`;
        return eventsMisread('traceList', events, trace.result.facts.events, trace.result.problems);
      },
      runs: 300,
    });
  });

  it('reads the same facts whatever the order of the list', () => {
    fuzz({
      entry: 'console trace',
      property: 'facts independent of the order of traceList',
      input: input.chain(({ response }) => {
        const list = response.result.traceList;
        return fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }).map((shuffled) => ({ response, shuffled }));
      }),
      run: ({ response, shuffled }) =>
        [normalizeConsoleTrace(response, REQUEST, NOW), normalizeConsoleTrace({ ...response, result: { ...response.result, traceList: shuffled } }, REQUEST, NOW)] as const,
      oracle: (_input, [first, again]) => {
        const facts = (trace: ConsoleTrace) => (trace.result.ok ? JSON.stringify(trace.result.facts) : 'no reading');
        return facts(first) === facts(again) ? null : `shuffled list read as ${facts(again)}, not ${facts(first)}`;
      },
      runs: 200,
    });
  });

  it('never throws on any JSON value', () => {
    fuzz({
      entry: 'console trace',
      property: 'no throw on any JSON value; messages are one line',
      input: fc.tuple(
        fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ result: fc.record({ traceList: fc.jsonValue({ maxDepth: 3 }), traces: fc.jsonValue({ maxDepth: 3 }), trackingNumber: fc.jsonValue({ maxDepth: 1 }), shipping: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: [] }) })),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      run: ([response, request]) => normalizeConsoleTrace(response, request, NOW),
      oracle: (_input, trace) => {
        const lines = trace.result.ok ? trace.result.problems : [trace.result.error];
        return lines.some((line) => /[\n\r\u2028\u2029]/.test(line)) ? `a message spans lines: ${JSON.stringify(lines)}` : null;
      },
      runs: 200,
    });
  });
});
