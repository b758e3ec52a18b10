import { describe, expect, test } from 'vitest';
import { checkPageMessage, MAX_CAPTURE_NODES, PAGE_CHANNEL } from '../../../lib/capture/page-message';

const capture = {
  endpoint: 'recentOrderList',
  shopId: '445566',
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

describe('checkPageMessage', () => {
  test('accepts a well-formed capture and keeps only the known fields', () => {
    const check = checkPageMessage(message({}, { extra: 'dropped' }));
    expect(check).toEqual({ ok: true, capture });
  });

  test('ignores messages of other channels without counting them as ours', () => {
    expect(checkPageMessage({ channel: 'someone-else', capture })).toMatchObject({ ok: false, ours: false });
    expect(checkPageMessage('a string')).toMatchObject({ ok: false, ours: false });
    expect(checkPageMessage(null)).toMatchObject({ ok: false, ours: false });
  });

  test.each([
    ['an unknown version', message({ version: 2 }), 'unknown message version'],
    ['an unknown endpoint', message({}, { endpoint: 'goodsList' }), 'unknown endpoint'],
    ['a missing capture time', message({}, { capturedAt: 'yesterday' }), 'capturedAt invalid'],
    ['a non-string shop id', message({}, { shopId: { id: 1 } }), 'shopId invalid'],
    ['a response that is not an object', message({}, { response: [1, 2] }), 'response is not an object'],
  ])('rejects %s', (_label, data, reason) => {
    expect(checkPageMessage(data)).toEqual({ ok: false, reason, ours: true });
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
    expect(checkPageMessage(message({}, { response: deep }))).toMatchObject({ ok: false, reason: 'capture too large or too deep' });
  });
});
