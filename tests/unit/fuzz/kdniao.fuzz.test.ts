// Fuzz: Kdniao 1002 / 8001 bodies through normalizeKdniao.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { normalizeKdniao } from '../../../lib/tracking/kdniao';
import type { TrackingResult } from '../../../lib/tracking/status';
import { eventSample, eventsMisread } from './courier-events';
import { fuzz } from './fuzz';
import { NOW } from './values';

const NUMBER = 'YT0000000000001';
const ACTIONS = ['1', '2', '201', '202', '211', '3', '304', '311', '4', '403', '404', '406', '407', '413', 2, '__proto__'];
const event = eventSample({ first: 'AcceptTime', second: null, textKey: 'AcceptStation', codeKey: 'Action', areaKey: 'Location' }, ACTIONS);

const input = fc
  .record({
    events: fc.array(event, { maxLength: 12 }),
    success: fc.constantFrom(true, true, true, 'true', 1),
    state: fc.constantFrom('0', '1', '2', '3', '4', 2, undefined),
    stateEx: fc.constantFrom('201', '202', '211', '304', '403', '404', '406', 'toString', undefined),
    logisticCode: fc.constantFrom(NUMBER, 'yt 0000 0000 00001', undefined),
  })
  .map(({ events, success, state, stateEx, logisticCode }) => ({
    events,
    body: {
      EBusinessID: '1000000',
      ShipperCode: 'YTO',
      Success: success,
      Reason: null,
      ...(logisticCode === undefined ? {} : { LogisticCode: logisticCode }),
      ...(state === undefined ? {} : { State: state }),
      ...(stateEx === undefined ? {} : { StateEx: stateEx }),
      Traces: events.map((sample) => sample.raw),
    },
  }));
type Input = typeof input extends fc.Arbitrary<infer I> ? I : never;

function misread({ events, body }: Input, result: TrackingResult): string | null {
  if (JSON.stringify(result).length > 6 * JSON.stringify(body).length + 1000) return 'output out of proportion to the body';
  if (events.length > 0 && events.every((sample) => sample.read === null)) {
    if (result.ok) return `listed traces none of which can be read, yet answered a reading (noRecord ${result.facts.noRecord})`;
    if (result.retry !== 'backoff' || /[\n\r\u2028\u2029]/.test(result.error)) return `unreadable body answered ${JSON.stringify(result)}`;
    for (const [index, sample] of events.entries()) {
      for (const field of sample.named) {
        const place = field === '' ? `Traces[${index}]:` : `Traces[${index}].${field}:`;
        if (!result.error.includes(place)) return `the error does not name ${place}: ${result.error}`;
      }
    }
    return null;
  }
  if (!result.ok) return `refused a readable body: ${result.error}`;
  return eventsMisread('Traces', events, result.facts.events, result.problems);
}

describe('fuzz: Kdniao bodies', () => {
  it('every readable trace is kept and every other item named; a body of unreadable traces is an error', () => {
    fuzz({ entry: 'Kdniao body', property: 'traces as the body says them; each skipped item and bad field named', input, run: ({ body }) => normalizeKdniao(body, NUMBER, NOW), oracle: misread, runs: 300 });
  });

  it('never throws on any JSON value', () => {
    fuzz({
      entry: 'Kdniao body',
      property: 'no throw on any JSON value; messages are one line',
      input: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ Success: fc.jsonValue({ maxDepth: 1 }), Reason: fc.string(), LogisticCode: fc.jsonValue({ maxDepth: 1 }), Traces: fc.jsonValue({ maxDepth: 3 }) }, { requiredKeys: [] })),
      run: (body) => normalizeKdniao(body, NUMBER, NOW),
      oracle: (_body, result) => {
        const lines = result.ok ? result.problems : [result.error];
        return lines.some((line) => /[\n\r\u2028\u2029]/.test(line)) ? `a message spans lines: ${JSON.stringify(lines)}` : null;
      },
      runs: 200,
    });
  });
});
