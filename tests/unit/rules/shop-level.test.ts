import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderFacts } from '../../../lib/facts/facts';
import { assessOrders, assessShop, assessShopLevel, compareFindings, sortByUrgency, type OrderContext } from '../../../lib/rules/assess';
import { DEFAULT_POLICY, resolvePolicy } from '../../../lib/rules/policy';
import { FINDING_KINDS, type Finding } from '../../../lib/rules/vocabulary';
import { toIso } from '../../../lib/time/shanghai';
import { context, event, H, NOW, S, shipped, trace } from './builders';

const P = DEFAULT_POLICY;

function withSn(n: number, overrides: Partial<OrderFacts>): OrderFacts {
  return shipped(60, { orderSn: `261117-2000000000000${String(n).padStart(2, '0')}`, ...overrides });
}

function shopLevel(contexts: OrderContext[], now = NOW, policy = P): Finding[] {
  const perOrder = assessOrders(contexts, now, policy);
  return assessShopLevel(contexts, perOrder, now, policy);
}

describe('duplicate_tracking', () => {
  it('flags every order sharing a number across different receivers', () => {
    const contexts = [
      context(withSn(1, { trackingNumber: 'YT000000000009', receiverKey: 'a' })),
      context(withSn(2, { trackingNumber: 'YT000000000009', receiverKey: 'b' })),
      context(withSn(3, { trackingNumber: 'YT000000000010', receiverKey: 'c' })),
    ];
    const found = shopLevel(contexts).filter((f) => f.kind === 'duplicate_tracking');
    expect(found.map((f) => f.orderSn)).toEqual(['261117-200000000000001', '261117-200000000000002']);
    expect(found[0]).toMatchObject({
      severity: 'critical',
      rule: 'A13',
      basis: { trackingNumber: 'YT000000000009', orderCount: 2, receiverCount: 2, otherOrderSns: '261117-200000000000002' },
    });
  });

  it('accepts one parcel for two orders of the same receiver (merged shipment)', () => {
    const contexts = [
      context(withSn(1, { trackingNumber: 'YT000000000009', receiverKey: 'same' })),
      context(withSn(2, { trackingNumber: 'YT000000000009', receiverKey: 'same' })),
    ];
    expect(shopLevel(contexts)).toEqual([]);
  });

  it('does not take unknown receivers for the same one', () => {
    const contexts = [
      context(withSn(1, { trackingNumber: 'YT000000000009', receiverKey: null })),
      context(withSn(2, { trackingNumber: 'YT000000000009', receiverKey: null })),
    ];
    expect(shopLevel(contexts).filter((f) => f.kind === 'duplicate_tracking')).toHaveLength(2);
  });

  it('is a wrong number for the edit and extra-package clocks of both orders (R8)', () => {
    const justShipped = (n: number, receiverKey: string) =>
      context(withSn(n, { trackingNumber: 'YT000000000009', receiverKey, shippedAt: NOW - 22 * H }));
    const clocksOf = (findings: Finding[], orderSn: string) =>
      findings.filter((f) => f.orderSn === orderSn && (f.kind === 'tracking_edit_by' || f.kind === 'extra_package_by'));
    const shared = assessShop([justShipped(1, 'a'), justShipped(2, 'b')], NOW, P);
    for (const orderSn of ['261117-200000000000001', '261117-200000000000002']) {
      expect(clocksOf(shared, orderSn)).toMatchObject([
        { kind: 'tracking_edit_by', severity: 'warn', basis: { openAnomaly: 'duplicate_tracking' } },
        { kind: 'extra_package_by', severity: 'info', basis: { openAnomaly: 'duplicate_tracking' } },
      ]);
    }
    // One receiver's merged shipment is no wrong number: the edit window stays quiet, no extra package.
    const merged = assessShop([justShipped(1, 'same'), justShipped(2, 'same')], NOW, P);
    expect(clocksOf(merged, '261117-200000000000001')).toMatchObject([{ kind: 'tracking_edit_by', severity: 'info', basis: { openAnomaly: null } }]);
  });

  it('skips orders without logistics', () => {
    const contexts = [
      context(withSn(1, { trackingNumber: 'YT000000000009', receiverKey: 'a' })),
      context(withSn(2, { trackingNumber: 'YT000000000009', receiverKey: 'b', noLogistics: true })),
    ];
    expect(shopLevel(contexts)).toEqual([]);
  });
});

describe('rejection_cluster', () => {
  const rejectedOrder = (n: number, goodsId: string, rejectedAt: number): OrderContext =>
    context(
      withSn(n, { goodsId, trackingNumber: `ZT00000000010${n}`, receiverKey: `r${n}` }),
      trace('rejected', [event(rejectedAt - 30 * H, '已揽收', 'picked_up'), event(rejectedAt, '收件人拒收', 'rejected')]),
    );

  it('is critical for 3 rejected orders of one product within 7 days, on goodsId not orderSn', () => {
    const contexts = [1, 2, 3].map((n) => rejectedOrder(n, '800000009', NOW - n * 24 * H));
    const [cluster, ...rest] = shopLevel(contexts);
    expect(rest).toEqual([]);
    expect(cluster).toMatchObject({ goodsId: '800000009', kind: 'rejection_cluster', severity: 'critical', rule: 'OS2' });
    expect(cluster?.orderSn).toBeUndefined();
    expect(cluster?.basis).toMatchObject({
      rejectedOrders: 3,
      thresholdCount: 3,
      windowDays: 7,
      firstRejectedAt: toIso(NOW - 72 * H),
      lastRejectedAt: toIso(NOW - 24 * H),
      orderSns: '261117-200000000000003,261117-200000000000002,261117-200000000000001',
    });
  });

  it.each([
    ['two rejections only', [NOW - H, NOW - 2 * H], false],
    ['the third exactly 7 days ago', [NOW - H, NOW - 2 * H, NOW - 7 * 24 * H], true],
    ['the third 7 days + 1 s ago', [NOW - H, NOW - 2 * H, NOW - 7 * 24 * H - S], false],
  ] as const)('%s: cluster %s', (_label, times, expected) => {
    const contexts = times.map((at, index) => rejectedOrder(index + 1, '800000009', at));
    expect(shopLevel(contexts).some((f) => f.kind === 'rejection_cluster')).toBe(expected);
  });

  it('counts products separately and follows the policy count', () => {
    const contexts = [rejectedOrder(1, 'A', NOW - H), rejectedOrder(2, 'A', NOW - H), rejectedOrder(3, 'B', NOW - H)];
    expect(shopLevel(contexts)).toEqual([]);
    const { policy } = resolvePolicy({ rejectionClusterCount: 2 });
    expect(shopLevel(contexts, NOW, policy).map((f) => f.goodsId)).toEqual(['A']);
  });
});

describe('assessShop', () => {
  it('returns per-order and shop-level findings sorted by urgency', () => {
    const contexts = [
      context(withSn(1, { trackingNumber: 'YT000000000009', receiverKey: 'a', shippedAt: NOW - 2 * H, promiseShipAt: NOW })),
      context(withSn(2, { trackingNumber: 'YT000000000009', receiverKey: 'b', shippedAt: NOW - 30 * H, promiseShipAt: NOW })),
    ];
    const findings = assessShop(contexts, NOW, P);
    expect([...findings].sort(compareFindings)).toEqual(findings);
    expect(findings[0]).toMatchObject({ kind: 'duplicate_tracking', severity: 'critical' });
    expect(findings.find((f) => f.kind === 'pickup_by')).toMatchObject({ orderSn: contexts[0]!.order.orderSn, severity: 'info' });
    expect(findings.filter((f) => f.kind === 'duplicate_tracking')).toHaveLength(2);
  });
});

describe('compareFindings', () => {
  const base = { rule: 'R1', basis: {} };
  it('orders by severity, then the earliest deadline, then kind and subject', () => {
    const findings: Finding[] = [
      { ...base, orderSn: 'b', kind: 'auto_confirm_at', severity: 'info', dueAt: '2026-11-30T00:00:00.000Z' },
      { ...base, orderSn: 'a', kind: 'stalled', severity: 'warn' },
      { ...base, orderSn: 'a', kind: 'ship_by', severity: 'warn', dueAt: '2026-11-21T00:00:00.000Z' },
      { ...base, orderSn: 'c', kind: 'ship_by', severity: 'warn', dueAt: '2026-11-20T12:00:00.000Z' },
      { ...base, orderSn: 'z', kind: 'pickup_by', severity: 'breached', dueAt: '2026-11-19T00:00:00.000Z' },
      { ...base, orderSn: 'b', kind: 'rejected', severity: 'critical' },
      { ...base, orderSn: 'a', kind: 'rejected', severity: 'critical' },
    ];
    const sorted = [...findings].sort(compareFindings).map((f) => `${f.severity}:${f.kind}:${f.orderSn}`);
    expect(sorted).toEqual([
      'breached:pickup_by:z',
      'critical:rejected:a',
      'critical:rejected:b',
      'warn:ship_by:c',
      'warn:ship_by:a',
      'warn:stalled:a',
      'info:auto_confirm_at:b',
    ]);
  });
});

describe('sortByUrgency', () => {
  it('puts findings in the order of compareFindings, tie for tie, in place', () => {
    const finding = fc.record(
      {
        orderSn: fc.constantFrom('a', 'b', 'ab', '261117-1'),
        goodsId: fc.constantFrom('800000009', 'A'),
        kind: fc.constantFrom(...FINDING_KINDS),
        severity: fc.constantFrom('info', 'warn', 'critical', 'breached'),
        dueAt: fc.constantFrom('2026-11-20T02:00:00.000Z', '2026-11-21T00:00:00.000Z', '+010000-01-01T00:00:00.000Z', ''),
        rule: fc.constant('R1'),
        basis: fc.record({ afterSaleId: fc.constantFrom('61', '7', 61, null) }, { requiredKeys: [] }),
      },
      { requiredKeys: ['kind', 'severity', 'rule', 'basis'] },
    );
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 60 }), (generated) => {
        const findings = generated as Finding[];
        const expected = [...findings].sort(compareFindings);
        const sorted = sortByUrgency(findings);
        expect(sorted).toBe(findings);
        expect(sorted.every((item, index) => item === expected[index])).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('sorts deadlines written by toIso numerically, ties and all, near together or years apart', () => {
    // Many findings with a deadline, so that the deadline groups are large; some deadlines shared (ties),
    // the rest spread over a month (the packed sort) or ten years (past its span: the comparator).
    const findingsWithin = (spreadDays: number) => {
      const due = fc.oneof(
        fc.constantFrom(NOW, NOW + H, NOW - 3 * 24 * H).map(toIso),
        fc.integer({ min: NOW - (spreadDays / 2) * 24 * H, max: NOW + (spreadDays / 2) * 24 * H }).map(toIso),
      );
      const finding = fc.record({
        orderSn: fc.constantFrom('261117-1', '261117-2', '261118-1'),
        kind: fc.constantFrom(...FINDING_KINDS),
        severity: fc.constantFrom('warn', 'critical'),
        dueAt: due,
        rule: fc.constant('R1'),
        basis: fc.record({ afterSaleId: fc.constantFrom('61', '7') }),
      });
      return fc.array(finding, { minLength: 50, maxLength: 400 });
    };
    fc.assert(
      fc.property(fc.constantFrom(30, 3650).chain(findingsWithin), (generated) => {
        const findings = generated as Finding[];
        const expected = [...findings].sort(compareFindings);
        expect(sortByUrgency(findings).every((item, index) => item === expected[index])).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
