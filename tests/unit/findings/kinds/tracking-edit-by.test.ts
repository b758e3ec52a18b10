import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, event, H, P, S, NOW, only, order, shipped, trace, clock } from '../builders';

describe('tracking_edit_by', () => {
  it('is info inside the 24 h window, due 24 h after upload', () => {
    const found = only(assessOrder(context(shipped(1)), NOW, P), 'tracking_edit_by');
    expect(found).toMatchObject({ severity: 'info', dueAt: NOW + 23 * H, rule: 'R8' });
    expect(found.basis).toMatchObject({ editHours: 24, openAnomaly: null });
  });

  it.each([
    ['at dueAt', 24 * H, true],
    ['1 s after dueAt', 24 * H + S, false],
  ] as const)('%s the window is %s', (_label, elapsed, open) => {
    const o = shipped(0, { shippedAt: NOW - elapsed });
    expect(clock(assessOrder(context(o), NOW, P), 'tracking_edit_by') !== undefined).toBe(open);
  });

  const wrongCity = trace('out_for_delivery', [
    event(NOW - 20 * H, '【苏州市】已揽收', 'picked_up', '江苏,苏州市'),
    event(NOW - 2 * H, '【广州市】快递员正在派送', 'out_for_delivery', '广东,广州市'),
  ]);

  it.each([
    ['4 h + 1 s left', 20 * H - S, 'info'],
    ['exactly 4 h left', 20 * H, 'warn'],
    ['at dueAt', 24 * H, 'warn'],
  ] as const)('with a destination mismatch open, %s is %s', (_label, elapsed, severity) => {
    const o = shipped(0, { shippedAt: NOW - elapsed });
    const found = only(assessOrder(context(o, wrongCity), NOW, P), 'tracking_edit_by');
    expect(found.severity).toBe(severity);
    expect(found.basis.openAnomaly).toBe('destination_mismatch');
  });

  it('warns in the last 4 h when the number looks uploaded early', () => {
    const empty = trace(null, [], { noRecord: true });
    const found = only(assessOrder(context(shipped(21), empty), NOW, P), 'tracking_edit_by');
    expect(found.severity).toBe('warn');
    expect(found.basis.openAnomaly).toBe('early_upload');
  });

  it.each([
    ['no logistics', shipped(1, { noLogistics: true })],
    ['refunded', shipped(1, { refunded: true })],
    ['not shipped', order()],
  ])('does not apply with %s', (_label, o) => {
    expect(clock(assessOrder(context(o), NOW, P), 'tracking_edit_by')).toBeUndefined();
  });
});
