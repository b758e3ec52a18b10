import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { afterSale, context, event, H, P, inTransit, NOW, only, order, shipped, trace, has } from '../builders';

describe('intercept_parcel', () => {
  const refundAsked = (hoursAgo: number) => afterSale({ createdAt: NOW - hoursAgo * H, expireRemainMs: 20 * H, kind: 'refund_only' });

  it('applies to a refund asked for after shipping while the parcel moves', () => {
    const found = only(assessOrder(context(shipped(30), inTransit(28, 4), [refundAsked(3)]), NOW, P), 'intercept_parcel');
    expect(found).toMatchObject({ severity: 'critical', rule: 'OS1' });
    expect(found.basis).toMatchObject({ refundSource: 'after_sale', refundRequestedAt: NOW - 3 * H, trackingStatus: 'in_transit' });
  });

  it('applies to 已发货，退款成功 with no case row', () => {
    const o = shipped(30, { refunded: true, statusText: '已发货，退款成功' });
    expect(only(assessOrder(context(o, inTransit(28, 4)), NOW, P), 'intercept_parcel').basis.refundSource).toBe('order_status');
  });

  it.each([
    ['the refund came before shipping', shipped(30), inTransit(28, 4), [refundAsked(31)]],
    ['the parcel is delivered', shipped(30), trace('delivered', [event(NOW - H, '已签收', 'delivered')]), [refundAsked(3)]],
    ['the parcel is already rejected', shipped(30), trace('rejected', [event(NOW - H, '拒收', 'rejected')]), [refundAsked(3)]],
    ['the buyer received it', shipped(30, { state: 'received' }), null, [refundAsked(3)]],
    ['the case was closed without refund', shipped(30), inTransit(28, 4), [afterSale({ createdAt: NOW - 3 * H, statusCode: 6, closedAt: NOW - H })]],
    ['the case is an exchange', shipped(30), inTransit(28, 4), [afterSale({ createdAt: NOW - 3 * H, kind: 'exchange' })]],
    ['nothing was shipped', order(), null, [refundAsked(3)]],
  ])('does not apply when %s', (_label, o, tracking, sales) => {
    expect(has(assessOrder(context(o, tracking, sales), NOW, P), 'intercept_parcel')).toBe(false);
  });
});

describe('intercept_parcel with several refund cases', () => {
  it('cites the earliest request after shipping (then the lowest case id), whatever the order of the rows', () => {
    const cases = [
      afterSale({ id: '61', createdAt: NOW - 2 * H, expireRemainMs: 20 * H }),
      afterSale({ id: '70', createdAt: NOW - 5 * H, expireRemainMs: 20 * H }),
      afterSale({ id: '65', createdAt: NOW - 5 * H, expireRemainMs: 20 * H }),
    ];
    const cited = (sales: typeof cases) => only(assessOrder(context(shipped(30), inTransit(28, 4), sales), NOW, P), 'intercept_parcel').basis.afterSaleId;
    expect(cited(cases)).toBe('65');
    expect(cited([...cases].reverse())).toBe('65');
    expect(cited([cases[1]!, cases[0]!, cases[2]!])).toBe('65');
  });
});
