import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, H, P, NOW, only, order, shipped, has } from '../builders';

describe('urged_unshipped', () => {
  it('warns when the buyer urged an unshipped order', () => {
    const found = only(assessOrder(context(order({ urgedAt: NOW - 2 * H })), NOW, P), 'urged_unshipped');
    expect(found).toMatchObject({ severity: 'warn', rule: 'A20', basis: { urgedAt: NOW - 2 * H } });
  });

  it.each([
    ['shipped', shipped(3, { urgedAt: NOW - 5 * H })],
    ['refunded', order({ urgedAt: NOW - 2 * H, refunded: true })],
    ['cancelled', order({ urgedAt: NOW - 2 * H, state: 'cancelled' })],
    ['not urged', order({ urgedAt: null })],
    ['nothing to ship (no_need_ship)', order({ urgedAt: NOW - 2 * H, noNeedShip: true, noLogistics: true })],
  ])('no urge finding when %s', (_label, o) => {
    expect(has(assessOrder(context(o), NOW, P), 'urged_unshipped')).toBe(false);
  });
});
