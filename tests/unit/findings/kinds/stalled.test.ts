import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, event, H, P, S, NOW, only, shipped, trace, has } from '../builders';

describe('stalled (heuristic)', () => {
  it.each([
    ['picked up, no transit scan for 24 h + 1 s', 'picked_up', 24 * H + S, true, 'A6'],
    ['picked up, no transit scan for exactly 24 h', 'picked_up', 24 * H, false, 'A6'],
    ['in transit, idle 48 h + 1 s', 'in_transit', 48 * H + S, true, 'A6'],
    ['in transit, idle 47 h', 'in_transit', 47 * H, false, 'A6'],
    ['out for delivery, idle 24 h + 1 s', 'out_for_delivery', 24 * H + S, true, 'A11'],
    ['at a locker, idle 25 h', 'available_for_pickup', 25 * H, true, 'A11'],
    ['delivered, idle 30 days', 'delivered', 720 * H, false, 'A6'],
    ['returned, idle 30 days', 'returned', 720 * H, false, 'A6'],
  ] as const)('%s: %s', (_label, status, idle, expected, rule) => {
    const tracking = trace(status, [event(NOW - 100 * H, '已揽收', 'picked_up'), event(NOW - idle, '快件动态', status)]);
    const findings = assessOrder(context(shipped(101), tracking), NOW, P);
    expect(has(findings, 'stalled')).toBe(expected);
    if (expected) {
      const found = only(findings, 'stalled');
      expect(found).toMatchObject({ severity: 'warn', rule });
      expect(found.basis).toMatchObject({ heuristic: true, lastEventAt: NOW - idle, trackingStatus: status });
    }
  });

  it("counts a provider's stagnation code (Kuaidi100 202) without waiting, and as a delivery problem too", () => {
    const tracking = trace('exception', [event(NOW - 100 * H, '已揽收', 'picked_up'), event(NOW - 3 * H, '快件超时未更新', 'exception')], {
      providerStalled: true,
      rawSub: '202',
    });
    const findings = assessOrder(context(shipped(101), tracking), NOW, P);
    expect(only(findings, 'stalled').basis).toMatchObject({ heuristic: true, providerStalled: true });
    expect(only(findings, 'delivery_problem')).toMatchObject({ severity: 'critical', basis: { rawSub: '202' } });
  });
});
