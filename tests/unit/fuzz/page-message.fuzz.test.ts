// Fuzz: the page world's window messages (checkPageMessage, in the bridge) and the capture envelope that
// finds the rows of an accepted capture (rowsOfCapture, in the worker). Both read untrusted values.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CAPTURED_ENDPOINTS } from '../../../lib/capture/capture';
import { checkPageMessage, PAGE_CHANNEL, type PageMessageCheck } from '../../../lib/capture/page-message';
import { rowsOfCapture, type EnvelopeResult } from '../../../lib/ingest/envelope';
import { fuzz } from './fuzz';

const ENDPOINTS = Object.keys(CAPTURED_ENDPOINTS) as Array<keyof typeof CAPTURED_ENDPOINTS>;

/** Everything structured clone can carry: maps, sets, dates, BigInts, typed arrays, sparse lists, boxed values. */
const cloneable = fc.anything({
  maxDepth: 4,
  maxKeys: 5,
  withMap: true,
  withSet: true,
  withDate: true,
  withBigInt: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  withNullPrototype: true,
  withObjectString: true,
});
/** Mostly JSON (as the console sends), now and then anything structured clone carries. */
const value = fc.oneof({ weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) }, { weight: 1, arbitrary: cloneable });
const plainObjectOf = (item: fc.Arbitrary<unknown>) => fc.dictionary(fc.string({ maxLength: 8 }), item, { maxKeys: 6 });

const isPlain = (candidate: unknown): candidate is Record<string, unknown> => {
  if (typeof candidate !== 'object' || candidate === null) return false;
  const prototype: unknown = Object.getPrototypeOf(candidate);
  return prototype === Object.prototype || prototype === null;
};

/** The reference: JSON-shaped exactly when a JSON round trip gives the same data back. */
function jsonShaped(candidate: unknown): boolean {
  let text: string | undefined;
  try {
    text = JSON.stringify(candidate);
  } catch {
    return false; // a BigInt
  }
  return text !== undefined && sameAsJson(JSON.parse(text), candidate);
}
function sameAsJson(json: unknown, candidate: unknown): boolean {
  if (json === candidate) return true;
  if (typeof candidate !== 'object' || candidate === null || typeof json !== 'object' || json === null) return false;
  if (Array.isArray(candidate)) {
    return (
      Array.isArray(json) &&
      Object.getPrototypeOf(candidate) === Array.prototype &&
      Object.keys(candidate).length === candidate.length &&
      json.length === candidate.length &&
      candidate.every((item, index) => sameAsJson(json[index], item))
    );
  }
  if (!isPlain(candidate) || Array.isArray(json)) return false;
  const keys = Object.keys(candidate);
  return keys.length === Object.keys(json).length && keys.every((key) => Object.hasOwn(json, key) && sameAsJson((json as Record<string, unknown>)[key], candidate[key]));
}

const messageInput = fc.record(
  {
    channel: fc.oneof({ weight: 6, arbitrary: fc.constant(PAGE_CHANNEL) }, { weight: 1, arbitrary: fc.string() }),
    version: fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: value }),
    endpoint: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ENDPOINTS) }, { weight: 1, arbitrary: value }),
    shopId: fc.oneof(fc.constant(null), fc.string({ maxLength: 70 }), value),
    capturedAt: fc.oneof({ weight: 4, arbitrary: fc.double() }, { weight: 1, arbitrary: value }),
    request: fc.option(value, { nil: undefined }),
    response: fc.oneof({ weight: 4, arbitrary: plainObjectOf(value) }, { weight: 1, arbitrary: value }),
  },
  { requiredKeys: ['channel', 'version', 'endpoint', 'shopId', 'capturedAt', 'response'] },
);
type MessageInput = typeof messageInput extends fc.Arbitrary<infer T> ? T : never;

const toMessage = ({ channel, version, ...capture }: MessageInput) => ({ channel, version, capture });

function expectedVerdict(input: MessageInput): boolean {
  const { shopId, capturedAt, response, request } = input;
  return (
    input.version === 1 &&
    (ENDPOINTS as unknown[]).includes(input.endpoint) &&
    (shopId === null || (typeof shopId === 'string' && shopId.length <= 64)) &&
    typeof capturedAt === 'number' &&
    Number.isFinite(capturedAt) &&
    isPlain(response) &&
    jsonShaped(response) &&
    jsonShaped(request ?? null)
  );
}

/** Every object's keys in the reverse order (lists keep theirs: their order is data). */
function reversedKeys(candidate: unknown): unknown {
  if (Array.isArray(candidate) && Object.getPrototypeOf(candidate) === Array.prototype && Object.keys(candidate).length === candidate.length) {
    return candidate.map(reversedKeys);
  }
  if (!isPlain(candidate)) return candidate;
  const copy: Record<string, unknown> = Object.getPrototypeOf(candidate) === null ? (Object.create(null) as Record<string, unknown>) : {};
  for (const key of Object.keys(candidate).reverse()) copy[key] = reversedKeys(candidate[key]);
  return copy;
}

describe('fuzz: page messages', () => {
  test('accepted exactly when JSON-shaped and well-formed; accepted captures unchanged; refusals name a path, one line', () => {
    fuzz<MessageInput, PageMessageCheck>({
      entry: 'page message',
      property: 'verdict matches a JSON round trip; accepted capture unchanged; refusal names its path on one line',
      input: messageInput,
      run: (input) => checkPageMessage(toMessage(input)),
      oracle: (input, check) => {
        if (input.channel !== PAGE_CHANNEL) return check.ok || check.ours ? 'a message of another channel was taken as ours' : null;
        const expected = expectedVerdict(input);
        if (check.ok !== expected) return `expected ${expected ? 'acceptance' : 'refusal'}, got ${JSON.stringify(check)}`;
        if (check.ok) {
          const { endpoint, shopId, capturedAt, request, response } = input;
          if (check.capture.response !== response) return 'the accepted response is not the one posted';
          const same = { endpoint, shopId, capturedAt, request: request ?? null };
          const got = { endpoint: check.capture.endpoint, shopId: check.capture.shopId, capturedAt: check.capture.capturedAt, request: check.capture.request };
          return Object.is(got.capturedAt, same.capturedAt) && got.request === same.request && got.endpoint === same.endpoint && got.shopId === same.shopId
            ? null
            : `accepted capture altered: ${String(got.endpoint)} ${String(got.shopId)} ${got.capturedAt}`;
        }
        if (!check.ours) return 'our channel was not counted as ours';
        if (check.reason.includes('\n')) return `a refusal spans lines: ${check.reason}`;
        return /^(version|capture)\b/.test(check.reason) ? null : `a refusal names no path: ${check.reason}`;
      },
      runs: 1000,
    });
  });

  test('the verdict does not depend on the order of object keys', () => {
    fuzz<MessageInput, [boolean, boolean]>({
      entry: 'page message',
      property: 'verdict independent of key order',
      input: messageInput,
      run: (input) => [checkPageMessage(toMessage(input)).ok, checkPageMessage(toMessage({ ...input, response: reversedKeys(input.response), request: reversedKeys(input.request) })).ok],
      oracle: (_input, [forward, reversed]) => (forward === reversed ? null : `accepted ${forward} in one key order, ${reversed} in the other`),
      runs: 500,
    });
  });
});

describe('fuzz: capture envelope', () => {
  const listKey = { recentOrderList: 'pageItems', afterSalesList: 'list' } as const;
  const envelopeInput = fc.record({
    endpoint: fc.constantFrom('recentOrderList', 'afterSalesList', 'orderDetail'),
    response: fc.oneof(
      { weight: 4, arbitrary: fc.record({ success: fc.constant(true), result: fc.oneof(plainObjectOf(fc.oneof(fc.array(value, { maxLength: 4 }), value)), value) }) },
      { weight: 1, arbitrary: fc.record({ success: fc.constant(true), result: fc.record({ pageItems: fc.array(value, { maxLength: 4 }), list: fc.array(value, { maxLength: 4 }) }) }) },
      { weight: 1, arbitrary: value },
    ),
  });
  type EnvelopeInput = typeof envelopeInput extends fc.Arbitrary<infer T> ? T : never;

  test('rows found where the endpoint keeps them, unchanged and in order; anything else refused on one line naming the endpoint', () => {
    fuzz<EnvelopeInput, EnvelopeResult>({
      entry: 'capture envelope',
      property: 'rows as the reference finds them; refusals name the endpoint on one line',
      input: envelopeInput,
      run: (input) => rowsOfCapture(input),
      oracle: ({ endpoint, response }, result) => {
        let expected: unknown[] | null = null;
        if (isPlain(response) && response.success === true && typeof response.result === 'object' && response.result !== null) {
          const found = endpoint === 'orderDetail' ? (isPlain(response.result) ? [response.result] : null) : (response.result as Record<string, unknown>)[listKey[endpoint]];
          expected = Array.isArray(found) ? found : null;
        } else if (isPlain(response) && response.success !== true && response.success !== undefined) {
          return 'generator produced an unexpected success flag';
        }
        if (expected === null) {
          if (result.ok) return `rows found where there are none: ${JSON.stringify(result.rows)}`;
          return result.error.startsWith(`${endpoint}: `) && !result.error.includes('\n') ? null : `refusal not on one line or without its endpoint: ${result.error}`;
        }
        if (!result.ok) return `rows refused: ${result.error}`;
        return result.rows.length === expected.length && result.rows.every((row, index) => row === expected[index]) ? null : 'rows altered, dropped or reordered';
      },
      runs: 1000,
    });
  });

  test('a console error is reported, its text quoted on one line', () => {
    fuzz<{ code: unknown; message: unknown }, EnvelopeResult>({
      entry: 'capture envelope',
      property: 'console errors quoted on one line',
      input: fc.record({ code: value, message: fc.oneof(fc.string(), value) }),
      run: ({ code, message }) => rowsOfCapture({ endpoint: 'recentOrderList', response: { success: false, errorCode: code, errorMsg: message, result: { pageItems: [] } } }),
      oracle: (_input, result) =>
        !result.ok && result.error.startsWith('recentOrderList: console answered with an error') && !result.error.includes('\n') ? null : `console error misread: ${JSON.stringify(result)}`,
      runs: 500,
    });
  });
});

test('the fuzz oracles themselves tell a JSON value from the rest', () => {
  expect([{ a: [1, 'x', null, true] }, [], 0, -0].map(jsonShaped)).toEqual([true, true, true, true]);
  expect([new Map(), new Date(0), 1n, [1, , 2], { a: undefined }, Number.NaN, new Number(1)].map(jsonShaped)).toEqual([false, false, false, false, false, false, false]); // eslint-disable-line no-sparse-arrays
});
