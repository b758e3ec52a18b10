import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, event, H, P, NOW, only, shipped, trace, has } from '../builders';

describe('tracking_invalid', () => {
  it.each([
    ['24 h after upload', 24, true],
    ['23 h after upload', 23, false],
  ] as const)('no record read %s: %s', (_label, hours, expected) => {
    const findings = assessOrder(context(shipped(hours), trace(null, [], { noRecord: true })), NOW, P);
    expect(has(findings, 'tracking_invalid')).toBe(expected);
    if (expected) expect(only(findings, 'tracking_invalid')).toMatchObject({ severity: 'critical', rule: 'A14', basis: { reason: 'no_record' } });
  });

  it('a "no record" reply that lists events it could not read is no proof the number is invalid', () => {
    const findings = assessOrder(context(shipped(30), trace(null, [], { noRecord: true, unreadEvents: 1 })), NOW, P);
    expect(has(findings, 'tracking_invalid')).toBe(false);
  });

  it('another courier is still named when some events could not be read', () => {
    const tracking = trace('in_transit', [event(NOW - 3 * H, '已发出', 'in_transit')], { reportedCourier: 'yuantong', unreadEvents: 1 });
    expect(only(assessOrder(context(shipped(5), tracking), NOW, P), 'tracking_invalid').basis).toMatchObject({ reason: 'other_courier' });
  });

  it('applies when the provider identifies another courier', () => {
    const tracking = trace('in_transit', [event(NOW - 3 * H, '已发出', 'in_transit')], { reportedCourier: 'yuantong' });
    expect(only(assessOrder(context(shipped(5), tracking), NOW, P), 'tracking_invalid').basis).toMatchObject({
      reason: 'other_courier',
      identifiedCourier: 'yuantong',
      shippingId: 115,
    });
  });
});
