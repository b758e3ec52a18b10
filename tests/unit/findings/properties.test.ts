// Properties over generated input (fast-check): untrusted rows never break the rules, clocks only get
// more urgent as time passes, and a trace's status does not depend on how often or in what order it is read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AfterSaleFacts, OrderFacts, TrackingFacts, TrackingStatus } from '../../../lib/facts/facts';
import { parseAssessInput } from '../../../lib/assess/assess-input';
import { assessOrder, assessShop } from '../../../lib/findings/assess';
import { basisProblems } from '../../../lib/findings/basis-check';
import { basisValues } from '../../../lib/findings/define';
import { findingJson } from '../../../lib/findings/serialize';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { FINDING_KINDS, isClockKind, RULE_REFERENCES, severityAt, type Finding } from '../../../lib/findings/registry';
import { SEVERITY_RANK } from '../../../lib/findings/severity';
import { normalizeKdniao } from '../../../lib/tracking/kdniao';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';
import { mergeTracking } from '../../../lib/tracking/status';
import { STATUS_RANK } from '../../../lib/tracking/status-rank';
import { afterSale, event, H, NOW, order, trace } from './builders';

const NOW_S = Math.floor(NOW / 1000);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// Console-like values: the right shapes most of the time, anything at all now and then (a row with one
// corrupt field is rejected whole, so garbage must stay rare for rows to reach the rules).
const anyValue = fc.oneof(
  { weight: 1, arbitrary: fc.anything() },
  { weight: 3, arbitrary: fc.constantFrom(null, 0, '', '0', 1, true) },
  { weight: 30, arbitrary: fc.integer({ min: NOW_S - 40 * 86400, max: NOW_S + 5 * 86400 }) },
);
const rarely = <T,>(usual: fc.Arbitrary<T>) => fc.oneof({ weight: 30, arbitrary: usual }, { weight: 1, arbitrary: fc.anything() });
const statusStr = fc.constantFrom('待支付', '待发货', '已发货，待签收', '已发货，待收货', '已签收', '已收货', '未发货，退款成功', '已发货，退款成功', '已取消', '未成交，退款成功', '???');
const orderRow = fc.oneof(
  { weight: 1, arbitrary: fc.anything() },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        order_sn: rarely(fc.constantFrom('261120-000000000000001', '261120-000000000000002', '261120-000000000000003')),
        order_status_str: rarely(statusStr),
        order_status: anyValue,
        order_time: anyValue,
        confirm_time: anyValue,
        promise_shipping_time: anyValue,
        shipping_time: anyValue,
        urge_shipping_time: anyValue,
        tracking_number: rarely(fc.constantFrom('ZT000000000001', 'zt 000000000001', 'YT000000000002')),
        shipping_id: fc.oneof(fc.constantFrom(115, 85, 384, '44'), anyValue),
        goods_id: rarely(fc.constantFrom(800000001, '800000002')),
        after_sales_status: fc.oneof(fc.constantFrom(null, 5, 10, 11), anyValue),
        risk_status: anyValue,
        // Flags and lists of the wrong kind reject their row (named), so they stay rare like any garbage.
        no_need_ship: rarely(fc.constantFrom(0, 1, '0', '1', true, false, null)),
        order_tag_list: rarely(fc.constantFrom(['region_black_delay_shipping'], [])),
        province_name: rarely(fc.constantFrom('江苏省', '广东省')),
        city_name: rarely(fc.constantFrom('苏州市', '广州市')),
        receive_name: rarely(fc.constantFrom('测试买家', '测试买家2')),
        waybillDTOList: rarely(fc.constant([{ shippingName: '中通快递' }])),
      },
      { requiredKeys: [] },
    ),
  },
);
const saleRow = fc.oneof(
  { weight: 1, arbitrary: fc.anything() },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        id: rarely(fc.integer({ min: 1, max: 5 })),
        orderSn: rarely(fc.constantFrom('261120-000000000000001', '261120-000000000000009')),
        afterSalesType: anyValue,
        afterSalesTypeName: rarely(fc.constantFrom('仅退款', '退货退款', '换货')),
        afterSalesStatus: fc.oneof(fc.constantFrom(5, 6, 10, 11, 12), anyValue),
        createdAt: anyValue,
        closeTime: fc.oneof(fc.integer({ min: NOW - 30 * 86400_000, max: NOW }), anyValue),
        expireRemainTime: fc.oneof(fc.integer({ min: -86400, max: 10 * 86400 }), fc.integer({ min: 5_184_001, max: 9e9 }), anyValue),
        afterSalesReasonDesc: rarely(fc.constantFrom('物流太慢', '不想要了')),
        actions: rarely(fc.constantFrom([1000], [1028], ['1000', null])),
      },
      { requiredKeys: [] },
    ),
  },
);
const k100Code = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '14', '101', '102', '103', '1002', '201', '202', '203', '204', '301', '304', '501', 'x');
const k100Event = fc.record(
  {
    time: fc.oneof(
      fc.integer({ min: 0, max: 30 * 24 }).map((h) => new Date(NOW - h * H + 8 * H).toISOString().replace('T', ' ').slice(0, 19)),
      fc.anything(),
    ),
    context: fc.oneof(fc.constantFrom('快件已到达【苏州转运中心】', '已揽收', '派件中', '已签收', '客户拒收', '快件已退回', '快件滞留', '商家已下单'), fc.string()),
    statusCode: fc.oneof(k100Code, fc.constant(undefined)),
    areaName: rarely(fc.constantFrom('江苏,苏州市', '广东,广州市')),
  },
  { requiredKeys: ['time', 'context'] },
);
const k100Body = fc.oneof(
  { weight: 1, arbitrary: fc.anything() },
  { weight: 1, arbitrary: fc.record({ result: fc.constant(false), returnCode: fc.constantFrom('500', '400', '502', 7), message: fc.string() }) },
  {
    weight: 4,
    arbitrary: fc.record(
      { message: fc.constant('ok'), status: fc.constant('200'), state: fc.oneof(k100Code, anyValue), com: fc.constantFrom('zhongtong', 'yuantong'), data: fc.oneof(fc.array(k100Event, { maxLength: 12 }), fc.anything()) },
      { requiredKeys: ['data'] },
    ),
  },
);
const assessFile = fc.record(
  {
    now: fc.constant('2026-11-20T10:00:00+08:00'),
    policy: fc.oneof(fc.constant(undefined), fc.anything(), fc.record({ pickupHours: anyValue, shipByWarnHours: anyValue }, { requiredKeys: [] })),
    orders: fc.oneof(fc.array(orderRow, { maxLength: 8 }), fc.anything()),
    afterSales: fc.oneof(fc.array(saleRow, { maxLength: 5 }), fc.anything()),
    traces: fc.oneof(fc.dictionary(fc.constantFrom('ZT000000000001', 'YT000000000002', 'zt000000000001'), k100Body), fc.anything()),
  },
  { requiredKeys: ['now'] },
);

function expectInVocabulary(finding: Finding): void {
  expect(FINDING_KINDS).toContain(finding.kind);
  expect(Object.keys(SEVERITY_RANK)).toContain(finding.severity);
  expect([...RULE_REFERENCES.keys()]).toContain(finding.rule);
  expect(finding.orderSn !== undefined || finding.goodsId !== undefined).toBe(true);
  // Every basis field is one its kind describes, in the form described (instants plausible, numbers finite).
  expect(basisProblems(finding.kind, finding.basis)).toEqual([]);
  const printed = findingJson(finding);
  if (finding.dueAt !== undefined) expect(printed.dueAt).toMatch(ISO);
  for (const value of Object.values(printed.basis)) {
    expect(value === null || ['string', 'boolean'].includes(typeof value) || Number.isFinite(value)).toBe(true);
  }
}

describe('untrusted input', () => {
  it('never throws and never yields a finding outside the vocabulary', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(assessFile, (file) => {
        const parsed = parseAssessInput(file, NOW);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        for (const finding of assessShop(parsed.input.contexts, parsed.input.now, parsed.input.policy)) {
          expectInVocabulary(finding);
          seen.add(finding.kind);
        }
      }),
      { numRuns: 400 },
    );
    // The generator must reach the rules, not only the "row rejected" path.
    expect(seen.size).toBeGreaterThanOrEqual(10);
  });

  it('never throws on any JSON value as the whole file', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const parsed = parseAssessInput(json, NOW);
        if (parsed.ok) assessShop(parsed.input.contexts, parsed.input.now, parsed.input.policy).forEach(expectInVocabulary);
      }),
      { numRuns: 300 },
    );
  });
});

// Facts in a consistent range around NOW, so that the clocks, windows and trace rules all come into play.
const time = fc.integer({ min: NOW - 40 * 24 * H, max: NOW + 3 * 24 * H });
const maybeTime = fc.option(time, { nil: null });
const mostlyFalse = fc.constantFrom(false, false, false, true);
const orderFacts: fc.Arbitrary<OrderFacts> = fc
  .record({
    state: fc.constantFrom('unpaid', 'unshipped', 'unshipped', 'shipped', 'shipped', 'received', 'cancelled', 'unknown'),
    refunded: mostlyFalse,
    orderAt: maybeTime,
    promiseShipAt: maybeTime,
    shippedAt: fc.option(time, { nil: null, freq: 2 }),
    urgedAt: maybeTime,
    riskHold: mostlyFalse,
    noLogistics: mostlyFalse,
    noNeedShip: mostlyFalse,
    shippingDelayAllowed: mostlyFalse,
    provinceName: fc.constantFrom('江苏省', null),
    cityName: fc.constantFrom('苏州市', null),
    // 中通, 圆通 or unknown: a trace naming 圆通 is another courier's for the first only.
    shippingId: fc.constantFrom(115, 115, 85, null),
  } as const)
  .map((fields) => order({ ...fields, trackingNumber: 'ZT000000000001' }));
const statuses: TrackingStatus[] = Object.keys(STATUS_RANK) as TrackingStatus[];
const trackingFacts: fc.Arbitrary<TrackingFacts | null> = fc.option(
  fc
    .record({
      status: fc.option(fc.constantFrom(...statuses), { nil: null }),
      events: fc.array(fc.tuple(time, fc.constantFrom(...statuses), fc.constantFrom('江苏,苏州市', '广东,广州市', null)), { maxLength: 6 }),
      checkedAt: time,
      reportedCourier: fc.constantFrom(null, 'yuantong'),
      providerStalled: fc.boolean(),
      proxySigned: fc.boolean(),
    })
    .map(({ status, events, ...rest }) => trace(status, events.map(([at, s, area]) => event(at, `事件 ${s}`, s, area)), rest)),
  { nil: null },
);
const afterSales: fc.Arbitrary<AfterSaleFacts[]> = fc.uniqueArray(
  fc
    .record({
      id: fc.constantFrom('1', '2', '3'),
      kind: fc.constantFrom('refund_only', 'return_refund', 'exchange', 'unknown'),
      statusCode: fc.constantFrom(null, 5, 6, 10, 11),
      createdAt: maybeTime,
      closedAt: maybeTime,
      capturedAt: time,
      expireRemainMs: fc.option(fc.integer({ min: -2 * 24 * H, max: 5 * 24 * H }), { nil: null }),
      actions: fc.constantFrom([], [1000], [1028]),
    } as const)
    .map((fields) => afterSale({ ...fields, actions: [...fields.actions] })),
  { maxLength: 3, selector: (sale) => sale.id },
);

// Start near the order's own deadlines most of the time: often just before the edit window's warn band
// (20 h after upload), so that even that 4 h band is crossed in every run, and in the last day of the
// auto-confirm (15 d) and extra-package (30 d) windows, so that those close in every run too; then let
// some time pass.
const start = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.integer({ min: -2 * 24 * H, max: 26 * H }) },
  { weight: 1, arbitrary: fc.integer({ min: 18 * H, max: 20 * H }) },
  { weight: 1, arbitrary: fc.integer({ min: 14 * 24 * H, max: 15 * 24 * H }) },
  { weight: 1, arbitrary: fc.integer({ min: 29 * 24 * H, max: 30 * 24 * H }) },
);
const step = fc.oneof(fc.integer({ min: 0, max: 6 * H }), fc.integer({ min: 0, max: 20 * 24 * H }));

/** An order's findings at `t1` and at `t1 + advance`, keyed by kind and case. */
function assessedTwice(o: OrderFacts, tracking: TrackingFacts | null, sales: AfterSaleFacts[], anyTime: number, sinceUpload: number | null, advance: number) {
  const anchor = o.shippedAt ?? o.promiseShipAt;
  const t1 = sinceUpload !== null && anchor !== null ? anchor + sinceUpload : anyTime;
  const keyed = (now: number) =>
    new Map(assessOrder({ order: o, tracking, afterSales: sales }, now, DEFAULT_POLICY).map((f) => [`${f.kind}:${String(basisValues(f.basis).afterSaleId ?? '')}`, f]));
  return { later: t1 + advance, before: keyed(t1), after: keyed(t1 + advance) };
}

describe('clocks only get more urgent', () => {
  it('for a fixed order, no finding loses severity as now advances', () => {
    const compared = new Set<string>();
    fc.assert(
      fc.property(orderFacts, trackingFacts, afterSales, time, start, step, (o, tracking, sales, anyTime, sinceUpload, advance) => {
        const { before, after } = assessedTwice(o, tracking, sales, anyTime, sinceUpload, advance);
        for (const [key, earlier] of before) {
          const later = after.get(key);
          if (later === undefined) continue;
          expect(SEVERITY_RANK[later.severity], key).toBeGreaterThanOrEqual(SEVERITY_RANK[earlier.severity]);
          if (later.severity !== earlier.severity) compared.add(later.kind);
        }
      }),
      { numRuns: 3000 },
    );
    // Severity actually rose for every kind whose severity can change with time.
    expect([...compared].sort()).toEqual(['after_sale_reply_by', 'fast_refund_appeal_by', 'pickup_by', 'ship_by', 'tracking_edit_by']);
  });
});

describe('a badge re-banded between captures', () => {
  it('shows what the rules would find at that instant, and goes when they would not report the clock', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(orderFacts, trackingFacts, afterSales, time, start, step, (o, tracking, sales, anyTime, sinceUpload, advance) => {
        const { later, before, after } = assessedTwice(o, tracking, sales, anyTime, sinceUpload, advance);
        for (const [key, earlier] of before) {
          if (!isClockKind(earlier.kind) || earlier.dueAt === undefined) continue;
          const expected = after.get(key)?.severity ?? null;
          expect(severityAt(earlier, later), key).toBe(expected);
          const unverified = basisValues(earlier.basis).verified === false;
          outcomes.add(`${earlier.kind}${unverified ? '(unverified)' : ''}:${expected ?? 'gone'}`);
        }
      }),
      { numRuns: 3000 },
    );
    // Every window clock both stayed and went at some point (ship_by, reply_by and a traced pickup turn breached instead).
    for (const kind of ['tracking_edit_by', 'fast_refund_appeal_by', 'extra_package_by', 'auto_confirm_at']) {
      expect(outcomes, kind).toContain(`${kind}:gone`);
    }
    for (const kind of ['ship_by', 'pickup_by', 'after_sale_reply_by']) expect(outcomes, kind).toContain(`${kind}:breached`);
    // A pickup clock with no trace read neither goes nor is breached with time alone: it turns warn past due.
    expect(outcomes).toContain('pickup_by(unverified):warn');
    expect([...outcomes].filter((outcome) => /^pickup_by\(unverified\):(gone|breached|critical)$/.test(outcome))).toEqual([]);
  });
});

describe('trace normalization is order-free and idempotent', () => {
  const shuffled = <T,>(items: T[], seed: number): T[] => {
    const copy = [...items];
    let state = seed || 1;
    for (let i = copy.length - 1; i > 0; i -= 1) {
      state = (state * 48271) % 2147483647;
      const j = state % (i + 1);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };

  it('Kuaidi100: twice, or with data[] shuffled, gives the same facts', () => {
    fc.assert(
      fc.property(fc.record({ state: k100Code, data: fc.array(k100Event, { maxLength: 12 }) }), fc.integer({ min: 1, max: 1e9 }), (body, seed) => {
        const first = normalizeKuaidi100(body, 'ZT000000000001', NOW);
        expect(normalizeKuaidi100(body, 'ZT000000000001', NOW)).toEqual(first);
        const again = normalizeKuaidi100({ ...body, data: shuffled(body.data, seed) }, 'ZT000000000001', NOW);
        // Problems name events by their place in data[], which the shuffle changes; what is read must not.
        const reading = (result: typeof first) => (result.ok ? { facts: result.facts, problems: result.problems.length } : { retry: result.retry });
        expect(reading(again)).toEqual(reading(first));
        if (first.ok) expect(mergeTracking(first.facts, first.facts)).toEqual(first.facts);
      }),
      { numRuns: 500 },
    );
  });

  it('Kdniao: Traces shuffled gives the same facts', () => {
    const kdnEvent = fc.record({
      AcceptTime: fc.integer({ min: 0, max: 200 }).map((h) => new Date(NOW - h * H + 8 * H).toISOString().replace('T', ' ').slice(0, 19)),
      AcceptStation: fc.constantFrom('【杭州】已揽收', '到达【杭州中转部】', '派件中', '已签收', '拒收'),
      Action: fc.constantFrom('1', '2', '202', '3', '404', '211', undefined),
    });
    fc.assert(
      fc.property(fc.record({ Success: fc.constant(true), State: fc.constantFrom('0', '1', '2', '3', '4'), Traces: fc.array(kdnEvent, { maxLength: 10 }) }), fc.integer({ min: 1, max: 1e9 }), (body, seed) => {
        const first = normalizeKdniao(body, 'YT0000000000001', NOW);
        expect(normalizeKdniao({ ...body, Traces: shuffled(body.Traces, seed) }, 'YT0000000000001', NOW)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('merging never moves the status backwards unless the new reading has a later event', () => {
    fc.assert(
      fc.property(trackingFacts, trackingFacts, (a, b) => {
        if (a === null || b === null) return;
        const merged = mergeTracking(a, b);
        const bIsLater = (b.lastEventAt ?? -Infinity) > (a.lastEventAt ?? -Infinity);
        if (!bIsLater) expect(STATUS_RANK[merged.status]).toBeGreaterThanOrEqual(STATUS_RANK[a.status]);
        else expect(merged.status).toBe(b.status);
        expect(merged.events.length).toBeLessThanOrEqual(a.events.length + b.events.length);
      }),
      { numRuns: 500 },
    );
  });
});
