import { describe, expect, it } from 'vitest';
import { parseAssessInput } from '../../../lib/assess/assess-input';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { afterSaleRow, orderRow } from '../pdd/fixtures';

const NOW = Date.UTC(2026, 10, 20, 2, 0, 0);
const FALLBACK = Date.UTC(2030, 0, 1);

function input(json: unknown) {
  const result = parseAssessInput(json, FALLBACK);
  if (!result.ok) throw new Error(result.error);
  return result.input;
}

describe('parseAssessInput', () => {
  it('joins orders, their after-sales cases and the trace of their waybill', () => {
    const parsed = input({
      now: '2026-11-20T10:00:00+08:00',
      orders: [orderRow()],
      afterSales: [afterSaleRow()],
      traces: { ZT780000123456: { message: 'ok', nu: 'ZT780000123456', com: 'zhongtong', state: '0', data: [{ time: '2026-11-19 21:40:00', context: '运输中', statusCode: '1002' }] } },
    });
    expect(parsed.now).toBe(NOW);
    expect(parsed.policy).toEqual(DEFAULT_POLICY);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.contexts).toHaveLength(1);
    const [ctx] = parsed.contexts;
    expect(ctx?.order.orderSn).toBe('261118-582910374650211');
    expect(ctx?.afterSales.map((sale) => [sale.id, sale.capturedAt])).toEqual([['6120034455', NOW]]);
    expect(ctx?.tracking).toMatchObject({ trackingNumber: 'ZT780000123456', status: 'in_transit', checkedAt: NOW, identifiedCourier: null });
  });

  it("compares the trace's courier with the order's shipping_id", () => {
    const parsed = input({
      now: NOW,
      orders: [orderRow({ shipping_id: 85 })],
      traces: { ZT780000123456: { message: 'ok', nu: 'ZT780000123456', com: 'zhongtong', state: '0', data: [] } },
    });
    expect(parsed.contexts[0]?.tracking?.identifiedCourier).toBe('zhongtong');
  });

  it('names every bad row and keeps the rest', () => {
    const parsed = input({
      now: NOW,
      policy: { pickupHours: 0 },
      orders: [orderRow(), null, orderRow({ order_sn: undefined }), orderRow()],
      afterSales: 'none',
      traces: [],
    });
    expect(parsed.contexts).toHaveLength(1);
    expect(parsed.diagnostics).toEqual([
      'policy.pickupHours: 0 is outside 1–720 hours; default 24 hours kept',
      'orders[1]: expected an object, got object',
      'orders[2]: order_sn missing',
      'orders[3]: order_sn 261118-582910374650211 repeated, row skipped',
      'afterSales: expected a list of rows, ignored',
      'traces: expected an object keyed by tracking number, ignored',
    ]);
  });

  it('assesses as of the fallback time when the file has no now, and says so', () => {
    const parsed = input({ orders: [] });
    expect(parsed.now).toBe(FALLBACK);
    expect(parsed.diagnostics).toEqual(['now: missing, assessed as of 2030-01-01T00:00:00.000Z']);
  });

  it.each([
    [{ now: 'soon' }, 'now: "soon" is not an ISO-8601 time between 2000 and 2100'],
    [{ now: 1e20 }, 'now: 100000000000000000000 is not an ISO-8601 time between 2000 and 2100'],
    [[], 'expected a JSON object with now, orders, afterSales and traces'],
    ['{}', 'expected a JSON object with now, orders, afterSales and traces'],
  ])('refuses %j', (json, error) => {
    expect(parseAssessInput(json, FALLBACK)).toEqual({ ok: false, error });
  });

  it('assesses a case whose order was not captured, knowing only its number', () => {
    const parsed = input({ now: NOW, orders: [], afterSales: [afterSaleRow()] });
    expect(parsed.contexts.map((ctx) => [ctx.order.orderSn, ctx.order.state, ctx.afterSales.length])).toEqual([['261118-582910374650211', 'unknown', 1]]);
  });
});
