import { describe, expect, it } from 'vitest';
import { assessOrder } from '../../../../lib/findings/assess';
import { context, event, H, P, NOW, only, shipped, trace, has } from '../builders';

describe('proxy_signed', () => {
  it('is info when the provider says locker, station or proxy', () => {
    const tracking = trace('delivered', [event(NOW - 2 * H, '已签收，签收人凭取货码签收（菜鸟驿站代收）', 'delivered')], { proxySigned: true, rawSub: '304' });
    expect(only(assessOrder(context(shipped(40), tracking), NOW, P), 'proxy_signed')).toMatchObject({ severity: 'info', rule: 'A15' });
  });

  it('is absent on a personal signature', () => {
    const tracking = trace('delivered', [event(NOW - 2 * H, '已签收，签收人：本人', 'delivered')], { rawSub: '301' });
    expect(has(assessOrder(context(shipped(40), tracking), NOW, P), 'proxy_signed')).toBe(false);
  });
});
