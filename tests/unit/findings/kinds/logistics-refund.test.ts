import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { afterSale, context, P, NOW, only, shipped, has } from '../builders';

describe('logistics_refund', () => {
  it.each([
    ['物流太慢', true],
    ['快递一直不动', true],
    ['未收到货', true],
    ['发货慢', true],
    ['商家虚假发货', true],
    ['不想要了', false],
  ])('reason %s: logistics %s', (reason, expected) => {
    const findings = assessOrder(context(shipped(30), null, [afterSale({ reasonText: reason })]), NOW, P);
    expect(has(findings, 'logistics_refund')).toBe(expected);
    if (expected) expect(only(findings, 'logistics_refund')).toMatchObject({ severity: 'info', rule: 'A18', basis: { reasonText: reason } });
  });
});
