import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeOrderRow, normalizeTrackingNumber } from '../../../lib/pdd/order-row';
import { orderRow } from './fixtures';

function facts(row: unknown) {
  const result = normalizeOrderRow(row);
  if (!result.ok) throw new Error(result.error);
  return result.facts;
}

describe('normalizeOrderRow', () => {
  it('converts seconds to ms, keeps cents, normalizes the waybill and hashes the receiver', () => {
    expect(facts(orderRow())).toEqual({
      orderSn: '261118-582910374650211',
      state: 'shipped',
      refunded: false,
      statusText: '已发货，待收货',
      orderAt: 1795399200_000,
      promiseShipAt: 1795572000_000,
      shippedAt: 1795482720_000,
      urgedAt: null,
      receivedAt: null,
      trackingNumber: 'ZT780000123456',
      shippingId: 115,
      courierName: '中通快递',
      goodsId: '800123456',
      goodsName: '测试商品 加厚保温杯 500ml',
      afterSalesStatus: null,
      afterSalesId: null,
      riskHold: false,
      noLogistics: false,
      noNeedShip: false,
      shippingDelayAllowed: false,
      provinceName: '江苏省',
      cityName: '苏州市',
      receiverKey: expect.stringMatching(/^[0-9a-f]{14}$/) as string,
      phoneTail: null,
      orderAmountCents: 2590,
    });
  });

  it.each([
    ['the hook-kept extension', { mobile: undefined, mobile_extension: '5678' }, '5678'],
    ['a privacy number in a row the hook never saw', { mobile: '184****1234-0042' }, '0042'],
    ['a masked ordinary number (the buyer\'s own digits)', { mobile: '138****1234' }, null],
    ['no phone at all', { mobile: undefined }, null],
  ])('reads the phone tail from %s', (_label, fields, phoneTail) => {
    expect(facts(orderRow(fields)).phoneTail).toBe(phoneTail);
  });

  it('refuses a mobile_extension that is not four digits by name', () => {
    expect(normalizeOrderRow(orderRow({ mobile_extension: '56789' }))).toEqual({ ok: false, error: 'mobile_extension: "56789" is not four digits' });
  });

  it.each([
    ['待支付', 'unpaid', false],
    ['待发货', 'unshipped', false],
    ['已发货，待签收', 'shipped', false],
    ['已发货，待收货', 'shipped', false],
    ['已签收', 'received', false],
    ['已收货', 'received', false],
    ['未发货，退款成功', 'unshipped', true],
    ['已发货，退款成功', 'shipped', true],
    ['已签收，退款成功', 'received', true],
    ['已取消', 'cancelled', false],
    ['已取消，退款成功', 'cancelled', true],
    ['未成交，退款成功', 'cancelled', true],
  ])('reads %s (2020–2026 wording) by prefix as %s, refunded %s', (text, state, refunded) => {
    expect(facts(orderRow({ order_status_str: text }))).toMatchObject({ state, refunded, statusText: text });
  });

  it.each([
    ['order_status 0', { order_status: 0, shipping_time: 0 }, 'unpaid'],
    ['order_status 2', { order_status: 2 }, 'cancelled'],
    ['order_status 1, not shipped', { order_status: 1, shipping_time: 0 }, 'unshipped'],
    ['order_status 1, shipped', { order_status: 1 }, 'shipped'],
    ['nothing at all', { order_status: null, shipping_time: null }, 'unknown'],
  ])('without a status string falls back on %s', (_label, fields, state) => {
    expect(facts(orderRow({ order_status_str: null, ...fields })).state).toBe(state);
  });

  it('treats shipping_time 0 and null as not shipped, and takes confirm_time when order_time is missing', () => {
    expect(facts(orderRow({ shipping_time: 0 })).shippedAt).toBeNull();
    expect(facts(orderRow({ shipping_time: null, promise_shipping_time: null })).promiseShipAt).toBeNull();
    expect(facts(orderRow({ order_time: null })).orderAt).toBe(1795399260_000);
  });

  it('reads mms after_sales_status 5 as refunded (never the open-API meaning)', () => {
    expect(facts(orderRow({ after_sales_status: 5 })).refunded).toBe(true);
    expect(facts(orderRow({ after_sales_status: 10 })).refunded).toBe(false);
  });

  it.each([
    ['no_need_ship', { no_need_ship: 1 }, true, true],
    ['no_trace_delivery', { no_trace_delivery: true }, true, false],
    ['self_contained', { self_contained: '1' }, true, false],
  ])('%s turns off logistics checks', (_label, fields, noLogistics, noNeedShip) => {
    expect(facts(orderRow(fields))).toMatchObject({ noLogistics, noNeedShip });
  });

  it.each([
    [['region_black_delay_shipping']],
    [[{ name: 'region_black_delay_shipping', value: 1 }]],
  ])('reads the relief tag from order_tag_list %j', (tags) => {
    expect(facts(orderRow({ order_tag_list: tags })).shippingDelayAllowed).toBe(true);
  });

  it('reads risk_status 1, urge time, waybill name from waybillDTOList', () => {
    const f = facts(orderRow({ risk_status: 1, urge_shipping_time: 1795450000, shipping_name: null, waybillDTOList: [{ shippingName: '极兔速递' }] }));
    expect(f).toMatchObject({ riskHold: true, urgedAt: 1795450000_000, courierName: '极兔速递' });
  });

  it('keeps a hook-made receiver_key instead of hashing (PII already removed)', () => {
    const stripped = orderRow({ receive_name: undefined, mobile: undefined, shipping_address: undefined, receiver_key: 'abc123' });
    expect(facts(stripped).receiverKey).toBe('abc123');
  });

  it.each([
    [null, 'expected an object, got null'],
    [[orderRow()], 'expected an object, got a list'],
    ['261118-582910374650211', 'expected an object, got "261118-582910374650211"'],
    [orderRow({ order_sn: undefined }), 'order_sn missing'],
    [orderRow({ order_sn: '  ' }), 'order_sn missing'],
    [orderRow({ shipping_time: 'yesterday' }), 'shipping_time: expected a number, got "yesterday"'],
    [orderRow({ promise_shipping_time: 100_000_000_000_000_000 }), 'promise_shipping_time: 100000000000000000 is not a plausible time'],
    [orderRow({ order_status_str: { text: '待发货' } }), 'order_status_str: expected text, got an object'],
    [orderRow({ order_sn: null, goods_id: [] }), 'order_sn missing; goods_id: expected text, got a list'],
  ])('rejects %j with a message, never throwing', (row, error) => {
    expect(normalizeOrderRow(row)).toEqual({ ok: false, error });
  });
});

describe('normalizeTrackingNumber', () => {
  it('removes whitespace and upper-cases; nothing left is null', () => {
    expect(normalizeTrackingNumber(' zt 7800\u3000001 ')).toBe('ZT7800001');
    expect(normalizeTrackingNumber('YT000000000009')).toBe('YT000000000009');
    expect(normalizeTrackingNumber('sf-1ß')).toBe('SF-1SS');
    expect(normalizeTrackingNumber(' \t')).toBeNull();
    expect(normalizeTrackingNumber('')).toBeNull();
    expect(normalizeTrackingNumber(null)).toBeNull();
  });

  it('agrees with its definition on any text, whether or not it is already compact', () => {
    const byDefinition = (text: string) => text.replace(/\s+/g, '').toUpperCase() || null;
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[A-Z0-9-]{0,16}$/));
    fc.assert(fc.property(text, (sample) => normalizeTrackingNumber(sample) === byDefinition(sample)), { numRuns: 3000 });
  });
});

describe('normalizeOrderRow on values it cannot take as they are', () => {
  // Read as the console's JSON arrives: through JSON.parse, which rounds numbers beyond 2^53.
  const fromJson = (fields: string) => JSON.parse(`{${fields}}`) as Record<string, unknown>;

  it.each([
    ['order_sn', '"order_sn": 231012123456789012345', 'order_sn: 231012123456789020000 is above 2^53, where JSON numbers lose digits; send it as text'],
    ['goods_id', '"goods_id": 9007199254740993', 'goods_id: 9007199254740992 is above 2^53, where JSON numbers lose digits; send it as text'],
    ['after_sales_id', '"after_sales_id": -9007199254740993', 'after_sales_id: -9007199254740992 is above 2^53, where JSON numbers lose digits; send it as text'],
    ['tracking_number', '"tracking_number": 1e21', 'tracking_number: 1e+21 is above 2^53, where JSON numbers lose digits; send it as text'],
  ])('refuses a numeric %s that JSON has rounded, saying to send it as text', (_field, json, error) => {
    expect(normalizeOrderRow(orderRow(fromJson(json)))).toEqual({ ok: false, error });
  });

  it('keeps ids that are safe integers, and any id sent as text', () => {
    expect(facts(orderRow({ goods_id: 9007199254740991 })).goodsId).toBe('9007199254740991');
    expect(facts(orderRow({ order_sn: '231012123456789012345' })).orderSn).toBe('231012123456789012345');
  });

  it.each([
    ['digits beyond any double', { order_amount: '9'.repeat(400) }, `order_amount: expected a number, got "${'9'.repeat(60)}"…`],
    ['a fraction (yuan, not cents)', { order_amount: 25.9 }, 'order_amount: 25.9 is not a whole number from 0 to 10000000000'],
    ['a negative amount', { order_amount: '-100' }, 'order_amount: "-100" is not a whole number from 0 to 10000000000'],
    ['an amount beyond any order', { order_amount: 1e300 }, 'order_amount: 1e+300 is not a whole number from 0 to 10000000000'],
    ['a code beyond any code', { shipping_id: 1e20 }, 'shipping_id: 100000000000000000000 is not a whole number from -1 to 2147483647'],
    ['a fractional status code', { order_status: 1.5 }, 'order_status: 1.5 is not a whole number from -1 to 2147483647'],
  ])('names %s', (_label, fields, error) => {
    expect(normalizeOrderRow(orderRow(fields))).toEqual({ ok: false, error });
  });

  it.each([
    [true, true],
    [1, true],
    ['1', true],
    [' 1', true],
    ['true', true],
    [false, false],
    [0, false],
    ['0', false],
    [' false ', false],
    [null, false],
    ['', false],
  ])('reads the flag %j as %s', (value, expected) => {
    expect(facts(orderRow({ no_trace_delivery: value })).noLogistics).toBe(expected);
  });

  it.each([
    ['yes', 'no_trace_delivery: expected a flag (true, false, 1 or 0), got "yes"'],
    [[], 'no_trace_delivery: expected a flag (true, false, 1 or 0), got a list'],
    [2, 'no_trace_delivery: expected a flag (true, false, 1 or 0), got 2'],
    ['TRUE!', 'no_trace_delivery: expected a flag (true, false, 1 or 0), got "TRUE!"'],
  ])('names the flag %j instead of reading it as false', (value, error) => {
    expect(normalizeOrderRow(orderRow({ no_trace_delivery: value }))).toEqual({ ok: false, error });
  });

  it("reads a relief tag object's value as a flag, and names one that is not", () => {
    const tag = (value: unknown) => orderRow({ order_tag_list: [{ name: 'region_black_delay_shipping', value }] });
    expect(facts(tag('0')).shippingDelayAllowed).toBe(false);
    expect(facts(tag(undefined)).shippingDelayAllowed).toBe(true);
    expect(normalizeOrderRow(tag('maybe'))).toEqual({
      ok: false,
      error: 'order_tag_list[0].value: expected a flag (true, false, 1 or 0), got "maybe"',
    });
    expect(normalizeOrderRow(orderRow({ order_tag_list: 'region_black_delay_shipping' }))).toEqual({
      ok: false,
      error: 'order_tag_list: expected a list, got "region_black_delay_shipping"',
    });
  });

  it('names a receiver field the receiver key could not read as it is', () => {
    expect(normalizeOrderRow(orderRow({ mobile: 13800000000000000000 }))).toEqual({
      ok: false,
      error: 'mobile: 13800000000000000000 is above 2^53, where JSON numbers lose digits; send it as text',
    });
    expect(normalizeOrderRow(orderRow({ receive_name: { first: '测试' } }))).toEqual({ ok: false, error: 'receive_name: expected text, got an object' });
  });

  it('quotes a bad value escaped, so that it cannot start a line of its own', () => {
    const result = normalizeOrderRow(orderRow({ shipping_time: 'soon\nassess: orders[9]: fake line' }));
    expect(result).toEqual({ ok: false, error: 'shipping_time: expected a number, got "soon\\nassess: orders[9]: fake line"' });
  });
});
