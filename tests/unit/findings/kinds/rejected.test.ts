import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, event, H, P, NOW, only, shipped, trace, has } from '../builders';

describe('rejected', () => {
  it('reports the rejection with its time, critical, also once the parcel travels back', () => {
    const rejectedThenReturning = trace('returning', [
      event(NOW - 40 * H, '已揽收', 'picked_up'),
      event(NOW - 10 * H, '收件人拒收', 'rejected'),
      event(NOW - 5 * H, '快件已退回，正在返回寄件网点', 'returning'),
    ]);
    const findings = assessOrder(context(shipped(50, { refunded: true, statusText: '已发货，退款成功' }), rejectedThenReturning), NOW, P);
    expect(only(findings, 'rejected')).toMatchObject({ severity: 'critical', rule: 'A8' });
    expect(only(findings, 'rejected').basis).toMatchObject({ rejectedAt: NOW - 10 * H, eventText: '收件人拒收' });
  });

  it('takes a rejected status without a rejection event at the newest event', () => {
    const tracking = trace('rejected', [event(NOW - 3 * H, '派件中', 'out_for_delivery')]);
    expect(only(assessOrder(context(shipped(40), tracking), NOW, P), 'rejected').basis.rejectedAt).toBe(NOW - 3 * H);
  });

  it('is not reported once the buyer finally signs', () => {
    const tracking = trace('delivered', [event(NOW - 10 * H, '客户拒签', 'rejected'), event(NOW - 2 * H, '已签收', 'delivered')]);
    expect(has(assessOrder(context(shipped(40), tracking), NOW, P), 'rejected')).toBe(false);
  });
});
