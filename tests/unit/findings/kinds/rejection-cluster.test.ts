import { describe, expect, it } from 'vitest';
import type { OrderContext } from '../../../../lib/findings/assess';
import { resolvePolicy } from '../../../../lib/findings/policy';
import { context, event, H, S, NOW, shopLevel, trace, withSn } from '../builders';

describe('rejection_cluster', () => {
  const rejectedOrder = (n: number, goodsId: string, rejectedAt: number): OrderContext =>
    context(
      withSn(n, { goodsId, trackingNumber: `ZT00000000010${n}`, receiverKey: `r${n}` }),
      trace('rejected', [event(rejectedAt - 30 * H, '已揽收', 'picked_up'), event(rejectedAt, '收件人拒收', 'rejected')]),
    );

  it('is critical for 3 rejected orders of one product within 7 days, on goodsId not orderSn', () => {
    const contexts = [1, 2, 3].map((n) => rejectedOrder(n, '800000009', NOW - n * 24 * H));
    const [cluster, ...rest] = shopLevel(contexts);
    expect(rest).toEqual([]);
    expect(cluster).toMatchObject({ goodsId: '800000009', kind: 'rejection_cluster', severity: 'critical', rule: 'OS2' });
    expect(cluster?.orderSn).toBeUndefined();
    expect(cluster?.basis).toMatchObject({
      rejectedOrders: 3,
      thresholdCount: 3,
      windowDays: 7,
      firstRejectedAt: NOW - 72 * H,
      lastRejectedAt: NOW - 24 * H,
      orderSns: '261117-200000000000003,261117-200000000000002,261117-200000000000001',
    });
  });

  it.each([
    ['two rejections only', [NOW - H, NOW - 2 * H], false],
    ['the third exactly 7 days ago', [NOW - H, NOW - 2 * H, NOW - 7 * 24 * H], true],
    ['the third 7 days + 1 s ago', [NOW - H, NOW - 2 * H, NOW - 7 * 24 * H - S], false],
  ] as const)('%s: cluster %s', (_label, times, expected) => {
    const contexts = times.map((at, index) => rejectedOrder(index + 1, '800000009', at));
    expect(shopLevel(contexts).some((f) => f.kind === 'rejection_cluster')).toBe(expected);
  });

  it('counts products separately and follows the policy count', () => {
    const contexts = [rejectedOrder(1, 'A', NOW - H), rejectedOrder(2, 'A', NOW - H), rejectedOrder(3, 'B', NOW - H)];
    expect(shopLevel(contexts)).toEqual([]);
    const { policy } = resolvePolicy({ rejectionClusterCount: 2 });
    expect(shopLevel(contexts, NOW, policy).map((f) => f.goodsId)).toEqual(['A']);
  });
});
