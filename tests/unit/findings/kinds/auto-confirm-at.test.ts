import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, H, D, P, S, inTransit, NOW, only, shipped, clock } from '../builders';

describe('auto_confirm_at', () => {
  it('is info, 15 days after upload', () => {
    const found = only(assessOrder(context(shipped(50), inTransit(45, 3)), NOW, P), 'auto_confirm_at');
    expect(found).toMatchObject({ severity: 'info', dueAt: NOW - 50 * H + 15 * D, rule: 'R9' });
  });

  it.each([
    ['at dueAt', 15 * D, true],
    ['1 s after dueAt', 15 * D + S, false],
  ] as const)('%s: present %s', (_label, elapsed, present) => {
    const o = shipped(0, { shippedAt: NOW - elapsed });
    expect(clock(assessOrder(context(o), NOW, P), 'auto_confirm_at') !== undefined).toBe(present);
  });

  it.each([
    ['received', shipped(50, { state: 'received', statusText: '已收货' })],
    ['refunded', shipped(50, { refunded: true })],
    ['cancelled', shipped(50, { state: 'cancelled' })],
    ['confirmed (receive_time set)', shipped(50, { receivedAt: NOW - H })],
  ])('does not apply when %s', (_label, o) => {
    expect(clock(assessOrder(context(o), NOW, P), 'auto_confirm_at')).toBeUndefined();
  });
});
