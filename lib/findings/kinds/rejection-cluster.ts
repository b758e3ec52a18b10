// rejection_cluster (同款多单拒收, OS2): rejections piling up on one product within a week — a quality or
// description problem, or malicious orders. A finding about the product, not an order.
import { daysToMs } from '../../time/shanghai';
import { FIELDS, field } from '../basis-fields';
import { productKind, type ProductFindingOf } from '../define';
import { policyEntry } from '../policy-entry';

export interface RejectionClusterBasis {
  goodsId: string;
  goodsName: string | null;
  rejectedOrders: number;
  thresholdCount: number;
  windowDays: number;
  heuristic: true;
  firstRejectedAt: number;
  lastRejectedAt: number;
  orderSns: string;
}

export type RejectionClusterFinding = ProductFindingOf<'rejection_cluster', 'OS2', RejectionClusterBasis>;

const CLUSTER_COUNT = policyEntry({
  key: 'rejectionClusterCount',
  rule: 'OS2',
  default: 3,
  unit: 'count',
  min: 2,
  max: 1000,
  confidence: 'L',
  heuristic: true,
  zh: '同一商品多少单拒收视为集中拒收',
  en: 'Rejected orders of one product that make a cluster',
});

const CLUSTER_DAYS = policyEntry({
  key: 'rejectionClusterDays',
  rule: 'OS2',
  default: 7,
  unit: 'days',
  min: 1,
  max: 90,
  confidence: 'L',
  heuristic: true,
  zh: '统计集中拒收的天数',
  en: 'Days over which rejections of one product are counted',
});

export const rejectionCluster = productKind<RejectionClusterFinding>()({
  kind: 'rejection_cluster',
  type: 'anomaly',
  subject: 'product',
  labels: { zh: '同款多单拒收', en: 'Rejections cluster on one product' },
  advice: {
    zh: '同一商品短期内多单拒收：检查商品质量与描述，或是否遭遇恶意下单（可投诉恶意订单）。',
    en: 'Several rejections of one product in a week: check quality and description, or report malicious orders.',
  },
  rules: { OS2: { source: 'Order Sentinel rule; seed 拼多多10单全部拒收怎么办', confidence: 'L', heuristic: true, zh: '同款多单拒收', en: 'Rejection cluster' } },
  thresholds: [CLUSTER_COUNT, CLUSTER_DAYS],
  basis: {
    goodsId: FIELDS.goodsId,
    goodsName: FIELDS.goodsName,
    rejectedOrders: field('count', '拒收订单数', 'Rejected orders'),
    thresholdCount: field('count', '阈值（单）', 'Threshold (orders)'),
    windowDays: field('days', '统计窗口', 'Window'),
    heuristic: FIELDS.heuristic,
    firstRejectedAt: field('instant', '首次拒收', 'First rejection'),
    lastRejectedAt: field('instant', '最近拒收', 'Latest rejection'),
    orderSns: field('orders', '订单', 'Orders'),
  },
  /** Rejections count by the time of the rejection event, within the window that ends now. */
  evaluate({ goodsId, goodsName, rejections }, now, policy, out) {
    const windowStart = now - daysToMs(policy.rejectionClusterDays);
    const inWindow = rejections.filter(({ at }) => at >= windowStart && at <= now);
    if (inWindow.length < policy.rejectionClusterCount) return;
    inWindow.sort((a, b) => a.at - b.at || (a.orderSn < b.orderSn ? -1 : a.orderSn > b.orderSn ? 1 : 0));
    out.push({
      goodsId,
      kind: 'rejection_cluster',
      severity: 'critical',
      rule: 'OS2',
      basis: {
        goodsId,
        goodsName,
        rejectedOrders: inWindow.length,
        thresholdCount: policy.rejectionClusterCount,
        windowDays: policy.rejectionClusterDays,
        heuristic: true,
        firstRejectedAt: (inWindow[0] as (typeof inWindow)[number]).at,
        lastRejectedAt: (inWindow[inWindow.length - 1] as (typeof inWindow)[number]).at,
        orderSns: inWindow.map(({ orderSn }) => orderSn).join(','),
      },
    });
  },
});
