import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, event, H, P, NOW, only, shipped, trace, has } from '../builders';

describe('returning', () => {
  it('reports the return trip from its first event, critical', () => {
    const rejectedThenReturning = trace('returning', [
      event(NOW - 40 * H, '已揽收', 'picked_up'),
      event(NOW - 10 * H, '收件人拒收', 'rejected'),
      event(NOW - 5 * H, '快件已退回，正在返回寄件网点', 'returning'),
    ]);
    const findings = assessOrder(context(shipped(50, { refunded: true, statusText: '已发货，退款成功' }), rejectedThenReturning), NOW, P);
    expect(only(findings, 'returning')).toMatchObject({ severity: 'critical', rule: 'A9' });
    expect(only(findings, 'returning').basis.eventAt).toBe(NOW - 5 * H);
  });

  it('treats Kuaidi100 退签 (returned) as returning too', () => {
    const back = trace('returned', [event(NOW - 5 * H, '退回件已由寄件人签收', 'returned')]);
    expect(has(assessOrder(context(shipped(90), back), NOW, P), 'returning')).toBe(true);
  });

  it('is not reported once the buyer finally signs', () => {
    const tracking = trace('delivered', [event(NOW - 10 * H, '客户拒签', 'rejected'), event(NOW - 2 * H, '已签收', 'delivered')]);
    expect(has(assessOrder(context(shipped(40), tracking), NOW, P), 'returning')).toBe(false);
  });
});
