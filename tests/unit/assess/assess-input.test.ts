import { describe, expect, it } from 'vitest';
import { parseAssessInput } from '../../../lib/assess/assess-input';
import { assessShop } from '../../../lib/findings/assess';
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
    expect(ctx?.tracking).toMatchObject({ trackingNumber: 'ZT780000123456', status: 'in_transit', checkedAt: NOW, reportedCourier: 'zhongtong' });
  });

  it("compares the trace's courier with each order's own shipping_id, whichever order comes first", () => {
    // Two buyers' orders share YT1: one with 圆通 (85), one with 中通 (115); the trace names 圆通.
    const rows = [
      orderRow({ order_sn: '261118-000000000000085', shipping_id: 85, tracking_number: 'YT1', receive_name: '甲', shipping_address: '一路 1 号' }),
      orderRow({ order_sn: '261118-000000000000115', shipping_id: 115, tracking_number: 'YT1', receive_name: '乙', shipping_address: '二路 2 号' }),
    ];
    const traces = { YT1: { message: 'ok', nu: 'YT1', com: 'yuantong', state: '0', data: [{ time: '2026-11-19 21:40:00', context: '运输中', statusCode: '1002' }] } };
    for (const orders of [rows, [...rows].reverse()]) {
      const parsed = input({ now: NOW, orders, traces });
      const invalid = assessShop(parsed.contexts, parsed.now, parsed.policy).filter((finding) => finding.kind === 'tracking_invalid');
      expect(invalid.map((finding) => [finding.orderSn, finding.basis])).toEqual([
        ['261118-000000000000115', expect.objectContaining({ reason: 'other_courier', identifiedCourier: 'yuantong', shippingId: 115 })],
      ]);
    }
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
      'orders[1]: expected an object, got null; row skipped',
      'orders[2]: order_sn missing; row skipped',
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

  describe('courier times it cannot read as they are', () => {
    const SHIPPED_30H_AGO = NOW / 1000 - 30 * 3600;
    const shipped = orderRow({ tracking_number: 'YT123', shipping_id: 85, shipping_time: SHIPPED_30H_AGO });

    it('reads a pickup written with slashes: no false "invalid number", early upload or breached pickup', () => {
      const parsed = input({ now: NOW, orders: [shipped], traces: { YT123: { nu: 'YT123', data: [{ time: '2026/11/19 07:10:00', context: '已揽收' }] } } });
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.contexts[0]?.tracking).toMatchObject({ pickedUpAt: Date.UTC(2026, 10, 18, 23, 10), noRecord: false });
      const kinds = assessShop(parsed.contexts, parsed.now, parsed.policy).map((finding) => finding.kind);
      expect(kinds).not.toContain('tracking_invalid');
      expect(kinds).not.toContain('early_upload');
      expect(kinds).not.toContain('pickup_by');
    });

    it('names each courier problem under its trace key, and a trace none of whose events can be read', () => {
      const parsed = input({
        now: NOW,
        orders: [shipped, orderRow({ order_sn: '261118-582910374650299', tracking_number: 'YT124' })],
        traces: {
          YT123: { nu: 'YT123', data: [{ ftime: '19日 07:10', time: '2026-11-19 07:10:00', context: '已揽收' }] },
          YT124: { nu: 'YT124', data: [{ time: 'soon', context: '已揽收' }] },
        },
      });
      expect(parsed.diagnostics).toEqual([
        'traces.YT123: data[0].ftime: "19日 07:10" is not a time; event read from time',
        'traces.YT124: Kuaidi100 data lists 1 event and none can be read: data[0].time: "soon" is not a time; event skipped',
      ]);
      // The unread trace is no reading: the pickup clock stays unverified rather than "no record".
      expect(parsed.contexts.map((ctx) => ctx.tracking?.trackingNumber ?? null)).toEqual(['YT123', null]);
    });
  });

  describe('repeats, in any order', () => {
    const caseA = afterSaleRow({ refundAmount: 2590 });
    const caseB = afterSaleRow({ refundAmount: 1000 });

    it('keeps one of two after-sales rows with one id, whichever comes first, and names the other', () => {
      const ab = input({ now: NOW, afterSales: [caseA, caseB] });
      const ba = input({ now: NOW, afterSales: [caseB, caseA] });
      expect(ab.contexts).toEqual(ba.contexts);
      expect(ab.contexts[0]?.afterSales).toHaveLength(1);
      expect(ab.diagnostics).toEqual(['afterSales[0]: id 6120034455 repeated, row skipped (it differs from afterSales[1], which is kept)']);
      expect(ba.diagnostics).toEqual(['afterSales[1]: id 6120034455 repeated, row skipped (it differs from afterSales[0], which is kept)']);
    });

    it('keeps one of two differing order rows with one number, whichever comes first', () => {
      const early = orderRow({ order_amount: 100 });
      const late = orderRow({ order_amount: 200 });
      expect(input({ now: NOW, orders: [early, late] }).contexts).toEqual(input({ now: NOW, orders: [late, early] }).contexts);
    });

    it('names a trace key that is no tracking number, and merges the keys of one number in key order', () => {
      const body = (time: string, context: string, statusCode: string) => ({ nu: 'YT123', state: '0', data: [{ time, context, statusCode }] });
      const traces = {
        ' ': body('2026-11-19 08:00:00', '已揽收', '103'),
        'yt 123': body('2026-11-19 20:00:00', '快件已到达【转运中心】', '1002'),
        YT123: body('2026-11-19 08:00:00', '已揽收', '103'),
        ZZ999: body('2026-11-19 08:00:00', '已揽收', '103'),
      };
      const reversed = Object.fromEntries(Object.entries(traces).reverse());
      const orders = [orderRow({ tracking_number: 'YT123' })];
      const parsed = input({ now: NOW, orders, traces });
      expect(parsed.diagnostics).toEqual([
        'traces[" "]: key is not a tracking number, ignored',
        'traces.ZZ999: no order has tracking number ZZ999, ignored',
        'traces: keys "YT123", "yt 123" are one tracking number YT123; their readings are merged',
      ]);
      expect(parsed.contexts[0]?.tracking?.events.map((event) => event.text)).toEqual(['已揽收', '快件已到达【转运中心】']);
      expect(input({ now: NOW, orders, traces: reversed }).contexts).toEqual(parsed.contexts);
    });
  });

  it('keeps every diagnostic on one line, whatever the input says', () => {
    const parsed = input({
      now: NOW,
      policy: { 'pickupHours\nassess: fake': 1 },
      orders: [orderRow({ order_sn: 'a\nb' }), orderRow({ order_sn: 'a\nb' }), orderRow({ shipping_time: 'soon\nassess: orders[9]: fake line' })],
      traces: { 'yt\u2028x': {} },
    });
    expect(parsed.diagnostics).toHaveLength(4);
    for (const line of parsed.diagnostics) expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(parsed.diagnostics).toContain('orders[1]: order_sn "a\\nb" repeated, row skipped');
    expect(parsed.diagnostics).toContain('orders[2]: shipping_time: expected a number, got "soon\\nassess: orders[9]: fake line"; row skipped');
    expect(parsed.diagnostics).toContain('traces["yt\\u2028x"]: no order has tracking number YTX, ignored');
  });
});
