import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, event, H, P, NOW, only, shipped, trace, has } from '../builders';

describe('delivery_problem', () => {
  it.each([
    ['a provider problem state', trace('exception', [event(NOW - 2 * H, '派件异常', 'exception')], { rawState: '2', rawSub: '204' })],
    ['a problem keyword in the newest event', trace('in_transit', [event(NOW - 5 * H, '已揽收', 'picked_up'), event(NOW - 2 * H, '快件滞留在【苏州吴中网点】', 'exception')])],
  ])('applies on %s, as critical', (_label, tracking) => {
    const found = only(assessOrder(context(shipped(30), tracking), NOW, P), 'delivery_problem');
    expect(found).toMatchObject({ severity: 'critical', rule: 'A7' });
  });

  it('is over once the parcel is delivered after the problem', () => {
    const tracking = trace('delivered', [event(NOW - 20 * H, '地址不详，联系不上收件人', 'exception'), event(NOW - 2 * H, '已签收，签收人：本人', 'delivered')]);
    expect(has(assessOrder(context(shipped(30), tracking), NOW, P), 'delivery_problem')).toBe(false);
  });
});
