// timeout_auto_refund (超时自动退款, A19): a case the merchant did not answer in time, refunded by the platform.
import { isFinished } from '../after-sale';
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';

export interface TimeoutAutoRefundBasis {
  afterSaleId: string;
  closedAt: number | null;
  statusText: string | null;
  refundAmountCents: number | null;
}

export type TimeoutAutoRefundFinding = OrderFindingOf<'timeout_auto_refund', 'A19', TimeoutAutoRefundBasis>;

const TIMEOUT_REFUND_ACTION = 1028;

export const timeoutAutoRefund = orderKind<TimeoutAutoRefundFinding>()({
  kind: 'timeout_auto_refund',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '超时自动退款', en: 'Auto-refunded on timeout' },
  advice: {
    zh: '商家超时未处理，平台已自动退款：检查售后处理流程，避免再次超时。',
    en: 'The platform refunded because the case was not answered in time: check how after-sales cases are handled.',
  },
  rules: { A19: { source: 'A19, R14 (actions 1028)', confidence: 'M', heuristic: false, zh: '超时自动退款', en: 'Timeout auto-refund' } },
  thresholds: [],
  basis: {
    afterSaleId: FIELDS.afterSaleId,
    closedAt: field('instant', '关闭时间', 'Closed at'),
    statusText: FIELDS.afterSaleStatusText,
    refundAmountCents: FIELDS.refundAmountCents,
  },
  evaluate({ order, afterSales }, _now, _policy, out) {
    for (const sale of afterSales) {
      if (!isFinished(sale) || !sale.actions.includes(TIMEOUT_REFUND_ACTION)) continue;
      out.push({
        orderSn: order.orderSn,
        kind: 'timeout_auto_refund',
        severity: 'critical',
        rule: 'A19',
        basis: { afterSaleId: sale.id, closedAt: sale.closedAt, statusText: sale.statusText, refundAmountCents: sale.refundAmountCents },
      });
    }
  },
});
