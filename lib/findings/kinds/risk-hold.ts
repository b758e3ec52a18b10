// risk_hold (风控审核中, A21): the platform is reviewing the order; shipping it now would be a mistake.
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { isOpenOrder } from './ship-by';

export interface RiskHoldBasis {
  riskStatus: number;
  statusText: string;
}

export type RiskHoldFinding = OrderFindingOf<'risk_hold', 'A21', RiskHoldBasis>;

export const riskHold = orderKind<RiskHoldFinding>()({
  kind: 'risk_hold',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '风控审核中', en: 'Under risk review' },
  advice: { zh: '订单风控审核中：审核结束前请勿发货。', en: 'Under risk review: do not ship until the review ends.' },
  rules: { A21: { source: 'A21 (risk_status 1)', confidence: 'M', heuristic: false, zh: '风控审核中', en: 'Under risk review' } },
  thresholds: [],
  basis: {
    riskStatus: field('code', '风控状态', 'Risk status'),
    statusText: FIELDS.statusText,
  },
  evaluate({ order }, _now, _policy, out) {
    if (order.shippedAt !== null || !order.riskHold || !isOpenOrder(order)) return;
    out.push({ orderSn: order.orderSn, kind: 'risk_hold', severity: 'info', rule: 'A21', basis: { riskStatus: 1, statusText: order.statusText } });
  },
});
