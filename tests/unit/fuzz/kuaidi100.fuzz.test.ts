// Fuzz: Kuaidi100 `poll/query.do` bodies through normalizeKuaidi100.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';
import type { TrackingResult } from '../../../lib/tracking/status';
import { eventSample, eventsMisread } from './courier-events';
import { fuzz } from './fuzz';
import { NOW } from './values';

const NUMBER = 'ZT7800001234567';
const CODES = ['0', '1', '3', '5', '103', '1002', '201', '202', '203', '301', '304', '501', '305', 1002, ' 103 ', 'toString'];
const event = eventSample({ first: 'ftime', second: 'time', textKey: 'context', codeKey: 'statusCode', areaKey: 'areaName' }, CODES);

/** A top-level field that may be of the wrong kind (named, read as absent). */
const topField = (values: readonly unknown[]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...values).map((raw) => ({ raw, named: false })) },
    { weight: 1, arbitrary: fc.constantFrom({}, [], true, 0.5).map((raw) => ({ raw, named: true })) },
  );

const input = fc
  .record({
    events: fc.array(event, { maxLength: 12 }),
    state: topField(['0', '1', '3', '5', '6', '14', '102', '202', '304', 3, undefined]),
    com: topField(['zhongtong', 'YuanTong', undefined]),
    nu: fc.constantFrom(NUMBER, 'zt 7800 0012 34567', undefined),
  })
  .map(({ events, state, com, nu }) => ({
    events,
    state,
    com,
    body: { message: 'ok', status: '200', ...(nu === undefined ? {} : { nu }), ...(state.raw === undefined ? {} : { state: state.raw }), ...(com.raw === undefined ? {} : { com: com.raw }), data: events.map((sample) => sample.raw) },
  }));
type Input = typeof input extends fc.Arbitrary<infer I> ? I : never;

function misread({ events, state, com, body }: Input, result: TrackingResult): string | null {
  if (JSON.stringify(result).length > 6 * JSON.stringify(body).length + 1000) return 'output out of proportion to the body';
  const readable = events.filter((sample) => sample.read !== null);
  if (events.length > 0 && readable.length === 0) {
    if (result.ok) return `listed events none of which can be read, yet answered a reading (noRecord ${result.facts.noRecord})`;
    if (result.retry !== 'backoff') return `retry ${result.retry} for an unreadable body`;
    if (/[\n\r\u2028\u2029]/.test(result.error)) return `error spans lines: ${JSON.stringify(result.error)}`;
    for (const [index, sample] of events.entries()) {
      for (const field of sample.named) {
        const place = field === '' ? `data[${index}]:` : `data[${index}].${field}:`;
        if (!result.error.includes(place)) return `the error does not name ${place}: ${result.error}`;
      }
    }
    return null;
  }
  if (!result.ok) return `refused a readable body: ${result.error}`;
  if (state.named && !result.problems.some((problem) => problem.startsWith('state:'))) return 'a state of the wrong kind is not named';
  if (com.named && !result.problems.some((problem) => problem.startsWith('com:'))) return 'a com of the wrong kind is not named';
  return eventsMisread('data', events, result.facts.events, result.problems);
}

describe('fuzz: Kuaidi100 bodies', () => {
  it('every readable event is kept and every other item named; a body of unreadable events is an error', () => {
    fuzz({ entry: 'Kuaidi100 body', property: 'events as the body says them; each skipped item and bad field named', input, run: ({ body }) => normalizeKuaidi100(body, NUMBER, NOW), oracle: misread, runs: 300 });
  });

  it('reads the same facts whatever the order of data[]', () => {
    fuzz({
      entry: 'Kuaidi100 body',
      property: 'facts independent of the order of data[]',
      input: input.chain(({ body }) => {
        const data = body.data;
        return fc.shuffledSubarray(data, { minLength: data.length, maxLength: data.length }).map((shuffled) => ({ body, shuffled }));
      }),
      run: ({ body, shuffled }) => [normalizeKuaidi100(body, NUMBER, NOW), normalizeKuaidi100({ ...body, data: shuffled }, NUMBER, NOW)] as const,
      oracle: (_input, [first, again]) => {
        const facts = (result: TrackingResult) => (result.ok ? JSON.stringify(result.facts) : result.retry);
        return facts(first) === facts(again) ? null : `shuffled data[] read as ${facts(again)}, not ${facts(first)}`;
      },
      runs: 200,
    });
  });

  it('never throws on any JSON value', () => {
    fuzz({
      entry: 'Kuaidi100 body',
      property: 'no throw on any JSON value; messages are one line',
      input: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ returnCode: fc.jsonValue({ maxDepth: 1 }), message: fc.string(), nu: fc.jsonValue({ maxDepth: 1 }), data: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: [] })),
      run: (body) => normalizeKuaidi100(body, NUMBER, NOW),
      oracle: (_body, result) => {
        const lines = result.ok ? result.problems : [result.error];
        return lines.some((line) => /[\n\r\u2028\u2029]/.test(line)) ? `a message spans lines: ${JSON.stringify(lines)}` : null;
      },
      runs: 200,
    });
  });
});
