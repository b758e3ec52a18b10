import { describe, expect, it } from 'vitest';
import { assessOrders, assessShop, compareFindings } from '../../../lib/findings/assess';
import type { Finding } from '../../../lib/findings/registry';
import { context, event, H, NOW, P, shipped, trace, withSn } from './builders';

describe('assessShop', () => {
  it('returns per-order and shop-level findings sorted by urgency', () => {
    const contexts = [
      context(withSn(1, { trackingNumber: 'YT000000000009', receiverKey: 'a', shippedAt: NOW - 2 * H, promiseShipAt: NOW })),
      context(withSn(2, { trackingNumber: 'YT000000000009', receiverKey: 'b', shippedAt: NOW - 30 * H, promiseShipAt: NOW })),
    ];
    const findings = assessShop(contexts, NOW, P);
    expect([...findings].sort(compareFindings)).toEqual(findings);
    expect(findings[0]).toMatchObject({ kind: 'duplicate_tracking', severity: 'critical' });
    // Neither parcel has a trace read: the one past its pickup deadline is the more urgent (unverified, warn).
    expect(findings.filter((f) => f.kind === 'pickup_by').map((f) => [f.orderSn, f.severity])).toEqual([
      [contexts[1]!.order.orderSn, 'warn'],
      [contexts[0]!.order.orderSn, 'info'],
    ]);
    expect(findings.filter((f) => f.kind === 'duplicate_tracking')).toHaveLength(2);
  });
});

describe('assessOrders', () => {
  it("gives each order's findings a range of one list, and product findings apart", () => {
    const rejectedOn = (n: number) =>
      context(
        withSn(n, { goodsId: '800000009', trackingNumber: `ZT00000000010${n}`, receiverKey: `r${n}` }),
        trace('rejected', [event(NOW - 40 * H, '已揽收', 'picked_up'), event(NOW - n * H, '收件人拒收', 'rejected')]),
      );
    const contexts = [rejectedOn(1), context(shipped(2, { orderSn: 'plain' })), rejectedOn(2), rejectedOn(3)];
    const { findings, firstOf, products } = assessOrders(contexts, NOW, P);
    contexts.forEach((ctx, index) => {
      const own = findings.slice(firstOf[index], firstOf[index + 1]);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((finding) => finding.orderSn === ctx.order.orderSn)).toBe(true);
    });
    expect(firstOf[contexts.length]).toBe(findings.length);
    expect(products.map((finding) => `${finding.kind}:${finding.goodsId}`)).toEqual(['rejection_cluster:800000009']);
  });
});

describe('compareFindings', () => {
  // Only what the comparison reads; the rules' own findings are compared in the kind tests.
  const finding = (orderSn: string, kind: Finding['kind'], severity: Finding['severity'], dueAt?: number): Finding =>
    ({ orderSn, kind, severity, rule: 'R1', basis: {}, ...(dueAt === undefined ? {} : { dueAt }) }) as unknown as Finding;

  it('orders by severity, then the earliest deadline, then kind and subject', () => {
    const findings: Finding[] = [
      finding('b', 'auto_confirm_at', 'info', Date.parse('2026-11-30T00:00:00.000Z')),
      finding('a', 'stalled', 'warn'),
      finding('a', 'ship_by', 'warn', Date.parse('2026-11-21T00:00:00.000Z')),
      finding('c', 'ship_by', 'warn', Date.parse('2026-11-20T12:00:00.000Z')),
      finding('z', 'pickup_by', 'breached', Date.parse('2026-11-19T00:00:00.000Z')),
      finding('b', 'rejected', 'critical'),
      finding('a', 'rejected', 'critical'),
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
