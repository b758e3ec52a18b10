import { describe, expect, it } from 'vitest';
import { assessShop } from '../../../../lib/findings/assess';
import type { Finding } from '../../../../lib/findings/registry';
import { context, H, P, NOW, shopLevel, withSn } from '../builders';

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
      basis: { trackingNumber: 'YT000000000009', otherOrderSns: '261117-200000000000002', moreOrders: false },
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

describe('duplicate_tracking on a placeholder number', () => {
  // Merchants upload placeholder numbers ("0000") for goods without logistics: thousands of orders.
  const placeholderShop = (count: number) =>
    Array.from({ length: count }, (_, n) => context(withSn(n, { orderSn: `261117-${String(n).padStart(15, '0')}`, trackingNumber: '0000', receiverKey: `r${n}` })));

  it('names a few other orders per finding, so the output grows with the orders, not their square', () => {
    const size = (count: number) => JSON.stringify(shopLevel(placeholderShop(count))).length;
    const findings = shopLevel(placeholderShop(6000));
    expect(findings).toHaveLength(6000);
    for (const finding of findings) {
      expect(finding.kind === 'duplicate_tracking' && finding.basis.moreOrders).toBe(true);
      expect(finding.kind === 'duplicate_tracking' && finding.basis.otherOrderSns.split(',')).toHaveLength(5);
    }
    expect(size(6000) / size(600)).toBeLessThan(10.5);
  });

  it('names the lowest other order numbers, whatever the order of the rows', () => {
    const shop = placeholderShop(40);
    const forward = shopLevel(shop);
    const backward = shopLevel([...shop].reverse());
    expect(backward).toEqual(forward);
    const first = forward.find((finding) => finding.orderSn === '261117-000000000000007');
    expect(first?.basis).toMatchObject({
      otherOrderSns: ['000', '001', '002', '003', '004'].map((n) => `261117-000000000000${n}`).join(','),
    });
  });
});
