// Fuzz: console order rows (`recentOrderList` pageItems) through normalizeOrderRow.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { OrderFacts } from '../../../lib/facts/facts';
import { normalizeOrderRow, type OrderRowResult } from '../../../lib/pdd/order-row';
import { fuzz } from './fuzz';
import { ABSENT, BAD, badKeys, centsField, codeField, epochField, extraFields, flagField, idField, rowOf, textField, waybillField, type Sample } from './values';

const STATUS_TEXTS = ['待支付', '待发货', '已发货，待签收', '已发货，待收货', '已签收', '已收货', '未发货，退款成功', '已发货，退款成功', '已取消', '未成交，退款成功', '其他状态'];
const statusText: fc.Arbitrary<Sample<string>> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...STATUS_TEXTS).map((text) => ({ raw: text, expected: text })) },
  { weight: 1, arbitrary: textField },
);

const RELIEF = 'region_black_delay_shipping';
/** `order_tag_list`: tag names or `{name, value}` objects; whether it carries the relief tag. */
const tagList: fc.Arbitrary<Sample<boolean>> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<Sample<boolean>>({ raw: [], expected: false }, { raw: [RELIEF], expected: true }, { raw: ['open_in_festival', 7, null], expected: false }, { raw: undefined, expected: false }) },
  // A tag object without a value is set; its value, when there, is read as a flag.
  { weight: 4, arbitrary: flagField.map(({ raw, expected }): Sample<boolean> => ({ raw: [{ name: RELIEF, value: raw === ABSENT ? undefined : raw }], expected: raw === ABSENT || raw === null ? true : expected })) },
  { weight: 1, arbitrary: fc.constantFrom<Sample<boolean>>({ raw: RELIEF, expected: BAD }, { raw: {}, expected: BAD }, { raw: 1, expected: BAD }) },
);

const shape = {
  order_sn: idField(true),
  order_status_str: statusText,
  order_status: codeField([0, 1, 2]),
  order_time: epochField,
  confirm_time: epochField,
  promise_shipping_time: epochField,
  shipping_time: epochField,
  urge_shipping_time: epochField,
  receive_time: epochField,
  tracking_number: waybillField,
  shipping_id: codeField([1, 44, 85, 115, 384, 999]),
  shipping_name: textField,
  goods_id: idField(false),
  goods_name: textField,
  after_sales_status: codeField([5, 10, 11]),
  after_sales_id: idField(false),
  risk_status: codeField([0, 1]),
  no_need_ship: flagField,
  no_trace_delivery: flagField,
  self_contained: flagField,
  province_name: textField,
  city_name: textField,
  receive_name: textField,
  mobile: textField,
  shipping_address: textField,
  district_name: textField,
  order_amount: centsField,
  region_black_delay_shipping: flagField,
  order_tag_list: tagList,
};
type Fields = Record<keyof typeof shape, Sample<unknown>>;

const input = fc.record({ fields: fc.record(shape), extra: extraFields }).map(({ fields, extra }) => ({ fields, row: rowOf(fields, extra) }));

/** The prefixes of order_status_str, as lib/pdd/README.md § Order status strings lists them. */
function stateOf(text: string, orderStatus: number | null, shippedAt: number | null): OrderFacts['state'] {
  const prefixes: Array<[string, OrderFacts['state']]> = [
    ['待支付', 'unpaid'], ['待发货', 'unshipped'], ['未发货', 'unshipped'], ['已发货', 'shipped'],
    ['已签收', 'received'], ['已收货', 'received'], ['已取消', 'cancelled'], ['未成交', 'cancelled'],
  ];
  const found = prefixes.find(([prefix]) => text.startsWith(prefix));
  if (found !== undefined) return found[1];
  if (orderStatus === 2) return 'cancelled';
  if (orderStatus === 0) return 'unpaid';
  if (shippedAt !== null) return 'shipped';
  return orderStatus === 1 ? 'unshipped' : 'unknown';
}

/** The fields the normalizer reads: confirm_time only stands in for a missing order_time. */
function readKeys(fields: Fields): Array<keyof Fields> {
  const keys = Object.keys(fields) as Array<keyof Fields>;
  return fields.order_time.expected === null ? keys : keys.filter((key) => key !== 'confirm_time');
}

const value = <T,>(sample: Sample<unknown>) => sample.expected as T | null;

/** What a plain reading of a good row says, field by field. */
function expectedFacts(fields: Fields): Partial<OrderFacts> {
  const statusText = value<string>(fields.order_status_str) ?? '';
  const shippedAt = value<number>(fields.shipping_time);
  const flag = (sample: Sample<unknown>) => sample.expected === true;
  return {
    orderSn: value<string>(fields.order_sn) ?? '',
    state: stateOf(statusText, value<number>(fields.order_status), shippedAt),
    refunded: statusText.endsWith('退款成功') || value<number>(fields.after_sales_status) === 5,
    statusText,
    orderAt: value<number>(fields.order_time) ?? value<number>(fields.confirm_time),
    promiseShipAt: value<number>(fields.promise_shipping_time),
    shippedAt,
    urgedAt: value<number>(fields.urge_shipping_time),
    receivedAt: value<number>(fields.receive_time),
    trackingNumber: value<string>(fields.tracking_number),
    shippingId: value<number>(fields.shipping_id),
    courierName: value<string>(fields.shipping_name),
    goodsId: value<string>(fields.goods_id),
    goodsName: value<string>(fields.goods_name),
    afterSalesStatus: value<number>(fields.after_sales_status),
    afterSalesId: value<string>(fields.after_sales_id),
    riskHold: value<number>(fields.risk_status) === 1,
    noLogistics: flag(fields.no_need_ship) || flag(fields.no_trace_delivery) || flag(fields.self_contained),
    noNeedShip: flag(fields.no_need_ship),
    shippingDelayAllowed: flag(fields.region_black_delay_shipping) || flag(fields.order_tag_list),
    provinceName: value<string>(fields.province_name),
    cityName: value<string>(fields.city_name),
    orderAmountCents: value<number>(fields.order_amount),
  };
}

/** Null when the result is what a plain reading of the row says; else what was mis-read. */
function misread({ fields, row }: { fields: Fields; row: Record<string, unknown> }, result: OrderRowResult): string | null {
  const bad = badKeys(Object.fromEntries(readKeys(fields).map((key) => [key, fields[key]])));
  const orderSnMissing = fields.order_sn.expected === null;
  if (JSON.stringify(result).length > 4 * JSON.stringify(row).length + 1000) return 'output out of proportion to the row';
  if (bad.length > 0 || orderSnMissing) {
    if (result.ok) return `accepted a row with ${bad.join(', ') || 'no order_sn'}`;
    if (/[\n\r\u2028\u2029]/.test(result.error)) return `error spans lines: ${JSON.stringify(result.error)}`;
    // A field is named as itself (`order_amount: …`) or by a part of it (`order_tag_list[0].value: …`).
    for (const key of bad) if (!result.error.includes(`${key}:`) && !result.error.includes(`${key}[`)) return `error does not name ${key}: ${result.error}`;
    if (orderSnMissing && !result.error.includes('order_sn missing')) return `error does not say order_sn is missing: ${result.error}`;
    return null;
  }
  if (!result.ok) return `refused a good row: ${result.error}`;
  const expected = expectedFacts(fields);
  for (const [key, wanted] of Object.entries(expected)) {
    const got = result.facts[key as keyof OrderFacts];
    if (!Object.is(got, wanted)) return `${key}: read ${JSON.stringify(got)}, the row says ${JSON.stringify(wanted)}`;
  }
  return null;
}

describe('fuzz: console order rows', () => {
  it('every row is read as it says, or refused naming each bad field', () => {
    fuzz({ entry: 'console order row', property: 'facts match the row, or an error names each bad field', input, run: ({ row }) => normalizeOrderRow(row), oracle: misread, runs: 400 });
  });

  it('never throws on any JSON value', () => {
    fuzz({
      entry: 'console order row',
      property: 'no throw on any JSON value; the error is one line',
      input: fc.jsonValue({ maxDepth: 3 }),
      run: normalizeOrderRow,
      oracle: (_row, result) => (!result.ok && /[\n\r\u2028\u2029]/.test(result.error) ? `error spans lines: ${JSON.stringify(result.error)}` : null),
      runs: 200,
    });
  });
});
