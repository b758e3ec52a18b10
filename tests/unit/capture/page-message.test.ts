import { describe, expect, test } from 'vitest';
import { checkPageMessage, MAX_CAPTURE_NODES, MAX_CAPTURE_TEXT, MAX_SHOP_NAME, PAGE_CHANNEL } from '../../../lib/capture/page-message';

const capture = {
  endpoint: 'recentOrderList',
  shopId: '445566',
  shopName: '小鱼百货旗舰店',
  capturedAt: Date.UTC(2026, 10, 20, 2),
  request: { pageNumber: 1 },
  response: { success: true, result: { totalItemNum: 1, pageItems: [{ order_sn: '261120-000000000000001' }] } },
};
const message = (overrides: Record<string, unknown> = {}, captureOverrides: Record<string, unknown> = {}) => ({
  channel: PAGE_CHANNEL,
  version: 1,
  capture: { ...capture, ...captureOverrides },
  ...overrides,
});
const withRow = (row: unknown) => message({}, { response: { success: true, result: { pageItems: [row] } } });

describe('checkPageMessage', () => {
  test('accepts a well-formed capture and keeps only the known fields', () => {
    const check = checkPageMessage(message({}, { extra: 'dropped' }));
    expect(check).toEqual({ ok: true, capture });
  });

  test('a capture without a request body reads it as null', () => {
    const { request: _request, ...withoutRequest } = capture;
    expect(checkPageMessage({ channel: PAGE_CHANNEL, version: 1, capture: withoutRequest })).toEqual({ ok: true, capture: { ...capture, request: null } });
  });

  test('a capture without a shop name (an older hook, a page without one) reads it as null', () => {
    const { shopName: _shopName, ...withoutName } = capture;
    expect(checkPageMessage({ channel: PAGE_CHANNEL, version: 1, capture: withoutName })).toEqual({ ok: true, capture: { ...capture, shopName: null } });
  });

  test('ignores messages of other channels without counting them as ours', () => {
    expect(checkPageMessage({ channel: 'someone-else', capture })).toMatchObject({ ok: false, ours: false });
    expect(checkPageMessage('a string')).toMatchObject({ ok: false, ours: false });
    expect(checkPageMessage(null)).toMatchObject({ ok: false, ours: false });
  });

  test.each([
    ['an unknown version', message({ version: 2 }), 'version: expected 1, got 2'],
    ['an unknown endpoint', message({}, { endpoint: 'goodsList' }), 'capture.endpoint: expected ("recentOrderList" | "afterSalesList" | "orderDetail" | "courierTrace"), got "goodsList"'],
    ['a missing capture time', message({}, { capturedAt: 'yesterday' }), 'capture.capturedAt: expected number, got "yesterday"'],
    ['a capture time that is no finite number', message({}, { capturedAt: Number.POSITIVE_INFINITY }), 'capture.capturedAt: expected a finite number, got Infinity'],
    ['a non-string shop id', message({}, { shopId: { id: 1 } }), 'capture.shopId: expected string, got an object'],
    ['a shop id with a newline and too long', message({}, { shopId: `x\n${'y'.repeat(70)}` }), `capture.shopId: expected a shop id of at most 64 characters, got ${JSON.stringify(`x\n${'y'.repeat(58)}`)}…`],
    ['a non-string shop name', message({}, { shopName: 42 }), 'capture.shopName: expected string, got 42'],
    ['a shop name too long', message({}, { shopName: '店'.repeat(MAX_SHOP_NAME + 1) }), `capture.shopName: expected a shop name of at most ${MAX_SHOP_NAME} characters, got ${JSON.stringify('店'.repeat(60))}…`],
    ['a response that is not an object', message({}, { response: [1, 2] }), 'capture.response: expected a JSON object, got a list'],
  ])('rejects %s, naming the field and quoting the value', (_label, data, reason) => {
    const check = checkPageMessage(data);
    expect(check).toEqual({ ok: false, reason, ours: true });
    if (!check.ok) expect(check.reason).not.toContain('\n');
  });

  test('rejects captures over the size cap and accepts one just under it', () => {
    const rows = (count: number) => ({ result: { pageItems: Array.from({ length: count }, (_, i) => i) } });
    // Nodes: message capture object, its 5 fields, request's field, response, result, pageItems array.
    const overhead = 1 + 5 + 1 + 1 + 1 + 1;
    expect(checkPageMessage(message({}, { response: rows(MAX_CAPTURE_NODES - overhead) })).ok).toBe(true);
    expect(checkPageMessage(message({}, { response: rows(MAX_CAPTURE_NODES) }))).toMatchObject({ ok: false, ours: true });
  });

  test('rejects nesting deeper than any console response', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 40; i += 1) deep = { deep };
    expect(checkPageMessage(message({}, { response: deep }))).toMatchObject({ ok: false, reason: expect.stringMatching(/^capture\.response(\.deep)+: nested deeper than 16$/) as string });
  });

  test.each([
    ['a 64 MB ArrayBuffer', () => new ArrayBuffer(64 * 1024 * 1024), 'ArrayBuffer'],
    ['a 200,000-entry Map', () => new Map(Array.from({ length: 200_000 }, (_, i) => [i, i])), 'Map'],
    ['Set', () => new Set([1, 2, 3]), 'Set'],
    ['a BigInt', () => 10n ** 30n, '1000000000000000000000000000000n'],
    ['a Date', () => new Date(0), 'Date'],
    ['a typed array', () => new Uint8Array(8), 'Uint8Array'],
    ['undefined', () => undefined, 'undefined'],
  ])('only JSON-shaped values pass: %s deep in a row is refused by path', (_label, make, got) => {
    expect(checkPageMessage(withRow({ order_sn: '1', blob: make() }))).toEqual({
      ok: false,
      ours: true,
      reason: `capture.response.result.pageItems[0].blob: expected a JSON value, got ${got}`,
    });
  });

  test('NaN and Infinity are no JSON numbers', () => {
    expect(checkPageMessage(withRow({ amount: Number.NaN }))).toMatchObject({ ok: false, reason: 'capture.response.result.pageItems[0].amount: expected a finite number, got NaN' });
  });

  test('a list with holes or extra properties is refused', () => {
    const holes: unknown[] = [1];
    holes[2] = 3;
    const extra = Object.assign([1, 2], { hidden: 'x'.repeat(10) });
    expect(checkPageMessage(withRow({ list: holes }))).toMatchObject({ ok: false, reason: expect.stringContaining('pageItems[0].list: expected a list without holes') as string });
    expect(checkPageMessage(withRow({ list: extra }))).toMatchObject({ ok: false, reason: expect.stringContaining('pageItems[0].list: expected a list without holes') as string });
  });

  test('keys count against the caps: values and text alike', () => {
    const manyKeys = Object.fromEntries(Array.from({ length: MAX_CAPTURE_NODES }, (_, i) => [`k${i}`, null]));
    expect(checkPageMessage(withRow(manyKeys))).toMatchObject({ ok: false, reason: expect.stringContaining(`more than ${MAX_CAPTURE_NODES} values`) as string });
    const longKey = { ['k'.repeat(MAX_CAPTURE_TEXT + 1)]: 1 };
    expect(checkPageMessage(withRow(longKey))).toMatchObject({ ok: false, reason: expect.stringContaining(`more than ${MAX_CAPTURE_TEXT} characters of text`) as string });
    expect(checkPageMessage(message({}, { request: { note: 'x'.repeat(MAX_CAPTURE_TEXT) } }))).toMatchObject({ ok: false, reason: expect.stringContaining('capture.request.note') as string });
  });

  test('a key that is no plain name is quoted in the path', () => {
    expect(checkPageMessage(withRow({ 'bad\nkey': new Date(0) }))).toMatchObject({ reason: 'capture.response.result.pageItems[0]["bad\\nkey"]: expected a JSON value, got Date' });
  });
});
