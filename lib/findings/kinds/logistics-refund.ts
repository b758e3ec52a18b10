// logistics_refund (物流原因退款, A18): the buyer gave a logistics reason for the refund, which counts
// against the shop's logistics rate.
import { FIELDS } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';

export interface LogisticsRefundBasis {
  afterSaleId: string;
  reasonText: string;
  statusText: string | null;
}

export type LogisticsRefundFinding = OrderFindingOf<'logistics_refund', 'A18', LogisticsRefundBasis>;

const LOGISTICS_REASON = /物流|快递|未收到|发货慢|虚假发货/;

export const logisticsRefund = orderKind<LogisticsRefundFinding>()({
  kind: 'logistics_refund',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '物流原因退款', en: 'Logistics-related refund' },
  advice: {
    zh: '物流原因退款会计入物流服务异常：核实物流情况，可请买家修改退款原因。',
    en: 'Refunds for logistics reasons count against your logistics rate: check the parcel and ask the buyer to change the reason if it is wrong.',
  },
  rules: { A18: { source: 'A18 (reason 物流 快递 未收到 发货慢 虚假发货)', confidence: 'M', heuristic: false, zh: '物流原因退款', en: 'Logistics-related refund' } },
  thresholds: [],
  basis: { afterSaleId: FIELDS.afterSaleId, reasonText: FIELDS.reasonText, statusText: FIELDS.afterSaleStatusText },
  evaluate({ order, afterSales }, _now, _policy, out) {
    for (const sale of afterSales) {
      if (sale.reasonText === null || !LOGISTICS_REASON.test(sale.reasonText)) continue;
      out.push({
        orderSn: order.orderSn,
        kind: 'logistics_refund',
        severity: 'info',
        rule: 'A18',
        basis: { afterSaleId: sale.id, reasonText: sale.reasonText, statusText: sale.statusText },
      });
    }
  },
});
