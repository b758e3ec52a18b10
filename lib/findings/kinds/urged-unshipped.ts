// urged_unshipped (催发货未发, A20): the buyer asked for the parcel and it has not left.
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { isOpenOrder } from './ship-by';

export interface UrgedUnshippedBasis {
  urgedAt: number | null;
  statusText: string;
  promiseShipAt: number | null;
}

export type UrgedUnshippedFinding = OrderFindingOf<'urged_unshipped', 'A20', UrgedUnshippedBasis>;

export const urgedUnshipped = orderKind<UrgedUnshippedFinding>()({
  kind: 'urged_unshipped',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '催发货未发', en: 'Buyer urged, not shipped' },
  advice: { zh: '买家已催发货：尽快发货，或在聊天中说明发货时间。', en: 'The buyer asked you to ship: ship now, or tell them when you will.' },
  rules: { A20: { source: 'A20, R16 (urge_shipping_time)', confidence: 'H', heuristic: false, zh: '催发货未发', en: 'Urged and unshipped' } },
  thresholds: [],
  basis: {
    urgedAt: field('instant', '催发货时间', 'Buyer urged at'),
    statusText: FIELDS.statusText,
    promiseShipAt: FIELDS.promiseShipAt,
  },
  evaluate({ order }, _now, _policy, out) {
    if (order.shippedAt !== null || order.state !== 'unshipped' || order.noNeedShip === true || order.urgedAt === null || !isOpenOrder(order)) return;
    out.push({
      orderSn: order.orderSn,
      kind: 'urged_unshipped',
      severity: 'warn',
      rule: 'A20',
      basis: { urgedAt: order.urgedAt, statusText: order.statusText, promiseShipAt: order.promiseShipAt },
    });
  },
});
