// shipped_late (延迟发货, A3): the tracking number went up after the ship-by time.
import { msToHours } from '../../time/shanghai';
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { SHIP_BY_FALLBACK_HOURS, SHIP_BY_SOURCE_FIELD, shipByDue, type ShipByDue } from './ship-by';

export interface ShippedLateBasis {
  shippedAt: number;
  shipByAt: number;
  shipBySource: ShipByDue['source'];
  lateHours: number;
}

export type ShippedLateFinding = OrderFindingOf<'shipped_late', 'A3', ShippedLateBasis>;

export const shippedLate = orderKind<ShippedLateFinding>()({
  kind: 'shipped_late',
  type: 'anomaly',
  subject: 'order',
  labels: { zh: '延迟发货', en: 'Shipped late' },
  advice: {
    zh: '晚于承诺时间发货，可能产生延迟发货赔付；后续订单按时发货以降低延迟率。',
    en: 'Shipped after the promised time: a late-shipment compensation is likely. Ship later orders on time to dilute the rate.',
  },
  rules: { A3: { source: 'A3 (shipping_time later than promise_shipping_time)', confidence: 'H', heuristic: false, zh: '延迟发货', en: 'Shipped after the promised time' } },
  thresholds: [SHIP_BY_FALLBACK_HOURS],
  basis: {
    shippedAt: FIELDS.shippedAt,
    shipByAt: field('instant', '发货截止', 'Ship-by time'),
    shipBySource: SHIP_BY_SOURCE_FIELD,
    lateHours: field('hours', '晚发', 'Late by'),
  },
  evaluate({ order }, _now, policy, out) {
    const shippedAt = order.shippedAt;
    if (shippedAt === null || order.shippingDelayAllowed) return;
    const due = shipByDue(order, policy);
    if (due === null || shippedAt <= due.dueAt) return;
    out.push({
      orderSn: order.orderSn,
      kind: 'shipped_late',
      severity: 'warn',
      rule: 'A3',
      basis: { shippedAt, shipByAt: due.dueAt, shipBySource: due.source, lateHours: msToHours(shippedAt - due.dueAt) },
    });
  },
});
