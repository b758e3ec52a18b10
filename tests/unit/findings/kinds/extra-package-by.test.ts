import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, event, H, D, P, S, inTransit, NOW, only, shipped, trace, clock } from '../builders';

describe('extra_package_by', () => {
  const otherCourier = (checkedAt: number) =>
    trace('in_transit', [event(checkedAt - 2 * H, '快件已发出', 'in_transit')], { reportedCourier: 'yuantong', checkedAt });

  it('opens with a wrong-number anomaly, due 30 days after upload', () => {
    const found = only(assessOrder(context(shipped(48), otherCourier(NOW)), NOW, P), 'extra_package_by');
    expect(found).toMatchObject({ severity: 'info', dueAt: NOW - 48 * H + 30 * D, rule: 'R8' });
    expect(found.basis).toMatchObject({ extraPackageDays: 30, openAnomaly: 'tracking_invalid' });
  });

  it.each([
    ['at dueAt', 30 * D, true],
    ['1 s after dueAt', 30 * D + S, false],
  ] as const)('%s: open %s', (_label, elapsed, open) => {
    const o = shipped(0, { shippedAt: NOW - elapsed });
    expect(clock(assessOrder(context(o, otherCourier(NOW)), NOW, P), 'extra_package_by') !== undefined).toBe(open);
  });

  it('does not apply without a wrong-number anomaly', () => {
    expect(clock(assessOrder(context(shipped(48), inTransit(40, 3)), NOW, P), 'extra_package_by')).toBeUndefined();
  });
});
