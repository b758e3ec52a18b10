// Fuzz: the `npm run assess` input through parseAssessInput and the rules (assessShop).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAssessInput } from '../../../lib/assess/assess-input';
import { assessShop } from '../../../lib/findings/assess';
import { fuzz } from './fuzz';
import { NOW } from './values';

const NOW_S = NOW / 1000;
const HOUR_S = 3600;

/** Shanghai wall time of unix seconds, as Kuaidi100 writes it. */
const wall = (seconds: number) => new Date((seconds + 8 * HOUR_S) * 1000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Which waybill and receiver an order has: its own (`null`), or one of a few slots that other orders of the
 * shop may draw too: one number on several receivers' orders (duplicate_tracking), or on orders of two
 * couriers (the trace names one: tracking_invalid "other courier" on the other).
 */
interface Sharing {
  numberSlot: number;
  receiverSlot: number;
}

/** One good order: a row the console could send, maybe its after-sales cases, maybe its trace. */
const goodOrder = (k: number, sharing: Sharing | null = null) =>
  fc
    .record({
      status: fc.constantFrom('待发货', '已发货，待收货', '已发货，待收货', '已签收', '已发货，退款成功', '已取消'),
      shippedHoursAgo: fc.integer({ min: 1, max: 20 * 24 }),
      promiseInHours: fc.integer({ min: -30, max: 48 }),
      shippingId: fc.constantFrom(115, 85),
      amount: fc.integer({ min: 100, max: 100_000 }),
      goods: fc.constantFrom(800100200, 800100201),
      province: fc.constantFrom(['江苏省', '苏州市'], ['广东省', '广州市']),
      cases: fc.array(
        fc.record({
          id: fc.integer({ min: 1, max: 4 }),
          typeName: fc.constantFrom('仅退款', '退货退款'),
          status: fc.constantFrom(0, 5, 11),
          expire: fc.option(fc.integer({ min: -3600, max: 3 * 86400 }), { nil: null }),
          actions: fc.constantFrom([], [1000], [1028]),
          reason: fc.constantFrom('不想要了', '快递一直未送到'),
        }),
        { maxLength: 2 },
      ),
      trace: fc.option(
        fc.record({
          state: fc.constantFrom('0', '1', '3', '5', '14', '202', '304'),
          events: fc.array(fc.record({ hoursAfter: fc.integer({ min: 0, max: 400 }), context: fc.constantFrom('已揽收', '快件已到达【苏州转运中心】', '派件中', '已签收', '客户拒收', '快件已退回'), code: fc.constantFrom('103', '1002', '5', '301', '203', '6', undefined) }), { maxLength: 6 }),
          keys: fc.constantFrom('exact', 'exact', 'lower', 'both'),
        }),
        { nil: null },
      ),
    })
    .map((o) => {
      const orderSn = `261118-${String(100000000000000 + k)}`;
      const trackingNumber = `ZT78${String(10000000000 + (sharing === null ? k : 900 + sharing.numberSlot))}`;
      const receiver = sharing === null ? k : 900 + sharing.receiverSlot;
      const shippingTime = o.status === '待发货' ? 0 : NOW_S - o.shippedHoursAgo * HOUR_S;
      const order = {
        order_sn: orderSn,
        order_status: o.status === '已取消' ? 2 : 1,
        order_status_str: o.status,
        order_time: NOW_S - (o.shippedHoursAgo + 20) * HOUR_S,
        promise_shipping_time: NOW_S + o.promiseInHours * HOUR_S,
        shipping_time: shippingTime,
        tracking_number: shippingTime === 0 ? null : trackingNumber,
        shipping_id: o.shippingId,
        goods_id: o.goods,
        goods_name: '测试商品',
        order_amount: o.amount,
        receive_name: `测试买家${receiver}`,
        mobile: `138****${String(receiver % 10_000).padStart(4, '0')}`,
        province_name: o.province[0],
        city_name: o.province[1],
        no_need_ship: 0,
      };
      const afterSales = o.cases.map((c) => ({
        id: 6120000000 + k * 10 + c.id,
        orderSn,
        afterSalesTypeName: c.typeName,
        afterSalesStatus: c.status,
        afterSalesTitle: '待商家处理',
        afterSalesReasonDesc: c.reason,
        createdAt: NOW_S - 10 * HOUR_S,
        closeTime: c.status === 5 ? NOW - 3600_000 : null,
        expireRemainTime: c.expire,
        actions: c.actions,
        refundAmount: o.amount,
      }));
      const traces: Record<string, unknown> = {};
      if (o.trace !== null && shippingTime !== 0) {
        const data = o.trace.events.map((e) => ({ time: wall(shippingTime + e.hoursAfter * HOUR_S), context: e.context, ...(e.code === undefined ? {} : { statusCode: e.code }) }));
        const body = { message: 'ok', status: '200', com: 'zhongtong', state: o.trace.state, data };
        if (o.trace.keys !== 'lower') traces[trackingNumber] = body;
        // A second key for the same number carries the trace's first half: the two readings are merged.
        if (o.trace.keys !== 'exact') traces[`${trackingNumber.slice(0, 6).toLowerCase()} ${trackingNumber.slice(6)}`] = { ...body, data: data.slice(0, 1 + (data.length >> 1)) };
      }
      return { order, afterSales, traces };
    });

/**
 * A shop of good orders, now and then with a repeated row (same number or case id, other values). Half the
 * shops give each order its own waybill and receiver; the other half draw them from two numbers and three
 * receivers, with both couriers (shipping_id 115 and 85) on one number.
 */
const sharing: fc.Arbitrary<Sharing | null> = fc.oneof(
  fc.constant(null),
  fc.record({ numberSlot: fc.integer({ min: 0, max: 1 }), receiverSlot: fc.integer({ min: 0, max: 2 }) }),
);
const goodShop = fc
  .record({ count: fc.integer({ min: 1, max: 6 }), shared: fc.boolean() })
  .chain(({ count, shared }) =>
    fc.tuple(...Array.from({ length: count }, (_, k) => (shared ? sharing.chain((slot) => goodOrder(k, slot)) : goodOrder(k)))),
  )
  .chain((orders) =>
    fc.record({ repeatOrder: fc.boolean(), repeatCase: fc.boolean() }).map(({ repeatOrder, repeatCase }) => {
      const rows = orders.map((o) => o.order);
      const cases = orders.flatMap((o) => o.afterSales);
      if (repeatOrder && rows[0] !== undefined) rows.push({ ...rows[0], order_amount: 1 });
      if (repeatCase && cases[0] !== undefined) cases.push({ ...cases[0], refundAmount: 1 });
      return { orders: rows, afterSales: cases, traces: Object.assign({}, ...orders.map((o) => o.traces)) as Record<string, unknown> };
    }),
  );

/** Rows and traces that cannot be read at all: they must be named and change nothing else. */
const badNeighbours = fc.record({
  orders: fc.array(
    fc.oneof(
      fc.integer({ min: 0, max: 99 }).map((j) => ({ order_sn: `269999-${String(100000000000000 + j)}`, order_status_str: '待发货', shipping_time: 'soon\nassess: orders[0]: fake' })),
      fc.constantFrom<unknown>('261118-100000000000000', null, 42, [], { order_status_str: '待发货' }, { order_sn: Number('231012123456789012345') }, { order_sn: '269999-1', no_need_ship: 'yes' }, { order_sn: '269999-2', order_amount: '9'.repeat(400) }),
    ),
    { maxLength: 4 },
  ),
  afterSales: fc.array(fc.constantFrom<unknown>({ orderSn: '261118-100000000000000' }, { id: 1, orderSn: '261118-100000000000000', refundAmount: 25.9 }, { id: 2, orderSn: '261118-100000000000001', createdAt: '0050-06-01 12:00:00' }, 'x'), { maxLength: 3 }),
  traces: fc.dictionary(fc.constantFrom(' ', '\t', 'NOPE0001', 'nope 0002', 'ZT99\n0000'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
});

interface File {
  now: number;
  orders: unknown[];
  afterSales: unknown[];
  traces: Record<string, unknown>;
}

function assess(file: File) {
  const parsed = parseAssessInput(file, NOW);
  if (!parsed.ok) throw new Error(parsed.error);
  return { findings: assessShop(parsed.input.contexts, parsed.input.now, parsed.input.policy), diagnostics: parsed.input.diagnostics };
}

const shuffle = <T,>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
const reorderedKeys = (record: Record<string, unknown>) => shuffle(Object.keys(record)).map((keys) => Object.fromEntries(keys.map((key) => [key, record[key]])));

describe('fuzz: the assess input', () => {
  it('meets shared waybills: duplicate_tracking, and another courier named on a number two couriers carry', () => {
    const seen = new Set<string>();
    for (const shop of fc.sample(goodShop, { numRuns: 150, seed: 7 })) {
      const findings = assess({ now: NOW, ...shop }).findings;
      for (const finding of findings) {
        if (finding.kind === 'duplicate_tracking') seen.add('duplicate_tracking');
        if (finding.kind !== 'tracking_invalid' || finding.basis.reason !== 'other_courier') continue;
        const number = finding.basis.trackingNumber;
        const couriers = new Set(shop.orders.filter((row) => row.tracking_number === number).map((row) => row.shipping_id));
        if (couriers.size > 1) seen.add('other courier on a shared number');
      }
    }
    expect([...seen].sort()).toEqual(['duplicate_tracking', 'other courier on a shared number']);
  });


  it('gives the same findings under any order of orders, after-sales rows and trace keys', () => {
    const input = goodShop.chain((shop) =>
      fc.record({ orders: shuffle(shop.orders), afterSales: shuffle(shop.afterSales), traces: reorderedKeys(shop.traces) }).map((permuted) => ({ shop: { now: NOW, ...shop }, permuted: { now: NOW, ...permuted } })),
    );
    fuzz({
      entry: 'assess input',
      property: 'findings independent of the order of rows and trace keys',
      input,
      run: ({ shop, permuted }) => [assess(shop), assess(permuted)] as const,
      oracle: (_input, [first, again]) => {
        const a = JSON.stringify(first.findings);
        const b = JSON.stringify(again.findings);
        return a === b ? null : `findings differ:\n${a}\n${b}`;
      },
      runs: 150,
    });
  });

  it("leaves a good order's findings as they are beside rows and traces that cannot be read, and names each of those", () => {
    const input = fc.tuple(goodShop, badNeighbours).chain(([shop, bad]) =>
      fc
        .record({
          orders: shuffle([...shop.orders.map((row) => ({ row, bad: false })), ...bad.orders.map((row) => ({ row, bad: true }))]),
          afterSales: shuffle([...shop.afterSales.map((row) => ({ row, bad: false })), ...bad.afterSales.map((row) => ({ row, bad: true }))]),
        })
        .map((mixed) => ({ shop, badTraceKeys: Object.keys(bad.traces), mixed: { ...mixed, traces: { ...bad.traces, ...shop.traces } } })),
    );
    fuzz({
      entry: 'assess input',
      property: 'good findings unchanged by bad neighbours, each of which is named',
      input,
      run: ({ shop, mixed }) => {
        const file = { now: NOW, orders: mixed.orders.map((item) => item.row), afterSales: mixed.afterSales.map((item) => item.row), traces: mixed.traces };
        return { alone: assess({ now: NOW, ...shop }), beside: assess(file), size: JSON.stringify(file).length };
      },
      oracle: ({ mixed, badTraceKeys }, { alone, beside, size }) => {
        if (JSON.stringify(alone.findings) !== JSON.stringify(beside.findings)) return `findings changed beside bad rows:\n${JSON.stringify(alone.findings)}\n${JSON.stringify(beside.findings)}`;
        for (const line of beside.diagnostics) if (/[\n\r\u2028\u2029]/.test(line)) return `a diagnostic spans lines: ${JSON.stringify(line)}`;
        for (const [list, items] of [['orders', mixed.orders], ['afterSales', mixed.afterSales]] as const) {
          for (const [index, item] of items.entries()) {
            if (item.bad && !beside.diagnostics.some((line) => line.startsWith(`${list}[${index}]: `))) return `${list}[${index}] skipped without a word: ${JSON.stringify(item.row)}`;
          }
        }
        for (const key of badTraceKeys) {
          const label = [`traces.${key}: `, `traces[${JSON.stringify(key)}]: `];
          if (!beside.diagnostics.some((line) => label.some((start) => line.startsWith(start)))) return `trace key ${JSON.stringify(key)} ignored without a word`;
        }
        const printed = JSON.stringify(beside.findings).length + beside.diagnostics.join('\n').length;
        return printed > 20 * size + 2000 ? `printed ${printed} characters for an input of ${size}` : null;
      },
      runs: 150,
    });
  });

  it('never throws on any JSON value as the whole file', () => {
    fuzz({
      entry: 'assess input',
      property: 'no throw on any JSON value; diagnostics are one line each',
      input: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ now: fc.constant('2026-11-20T10:00:00+08:00'), orders: fc.jsonValue({ maxDepth: 3 }), afterSales: fc.jsonValue({ maxDepth: 3 }), traces: fc.jsonValue({ maxDepth: 3 }), policy: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: ['now'] })),
      run: (json) => {
        const parsed = parseAssessInput(json, NOW);
        return parsed.ok ? { lines: parsed.input.diagnostics, findings: assessShop(parsed.input.contexts, parsed.input.now, parsed.input.policy).length } : { lines: [parsed.error], findings: 0 };
      },
      oracle: (_json, { lines }) => (lines.some((line) => /[\n\r\u2028\u2029]/.test(line)) ? `a diagnostic spans lines: ${JSON.stringify(lines)}` : null),
      runs: 200,
    });
  });
});
