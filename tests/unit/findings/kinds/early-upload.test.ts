import { describe, expect, it } from 'vitest';
import type { TrackingFacts } from '../../../../lib/facts/facts';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, event, H, P, S, NOW, only, shipped, trace, has } from '../builders';

describe('early_upload', () => {
  const onlyOrdered = (checkedAt: number): TrackingFacts =>
    trace('pending', [event(NOW - 30 * H, '【苏州市】商家已下单，等待揽收', 'pending')], { checkedAt, rawSub: '101' });

  it.each([
    ['empty (no record) 12 h after upload', trace(null, [], { noRecord: true, checkedAt: NOW }), 12, true],
    ['empty 12 h − 1 s after upload', trace(null, [], { noRecord: true, checkedAt: NOW }), 12 - 1 / 3600, false],
    ['only 已下单 13 h after upload', onlyOrdered(NOW), 13, true],
    ['only 已下单, but read 2 h after upload', onlyOrdered(NOW - 11 * H), 13, false],
  ] as const)('trace %s: %s', (_label, tracking, hoursAgo, expected) => {
    const findings = assessOrder(context(shipped(hoursAgo), tracking), NOW, P);
    expect(has(findings, 'early_upload')).toBe(expected);
    if (expected) expect(only(findings, 'early_upload').basis).toMatchObject({ reason: 'no_scan', noScanHours: 12 });
  });

  it.each([
    ['24 h + 1 s', 24 * H + S, true],
    ['exactly 24 h', 24 * H, false],
  ] as const)('first real scan %s after upload: %s', (_label, delay, expected) => {
    const o = shipped(40);
    const firstScan = NOW - 40 * H + delay;
    const tracking = trace('in_transit', [event(firstScan, '【苏州市】已揽收', 'picked_up'), event(firstScan + H, '已发出', 'in_transit')]);
    const findings = assessOrder(context(o, tracking), NOW, P);
    expect(has(findings, 'early_upload')).toBe(expected);
    if (expected) {
      expect(only(findings, 'early_upload').basis).toMatchObject({ reason: 'late_first_scan', firstScanAt: firstScan, firstScanHours: 24 });
    }
  });

  it.each([
    ['only 已下单 13 h after upload', onlyOrdered(NOW)],
    ['its first readable scan 30 h after upload', trace('in_transit', [event(NOW - 10 * H, '【苏州市】已揽收', 'picked_up')])],
  ] as const)('says nothing when some events of a trace could not be read, %s: one of them may be the first scan', (_label, whole) => {
    expect(has(assessOrder(context(shipped(40), whole), NOW, P), 'early_upload')).toBe(true);
    expect(has(assessOrder(context(shipped(40), { ...whole, unreadEvents: 2 }), NOW, P), 'early_upload')).toBe(false);
  });

  it('says nothing before any trace was read', () => {
    expect(has(assessOrder(context(shipped(30)), NOW, P), 'early_upload')).toBe(false);
  });
});
