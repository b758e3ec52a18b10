// ship_by (发货截止, R1): a paid order must be shipped by its promised time, or 48 h after the deal.
import type { OrderFacts } from '../../facts/facts';
import { hoursToMs } from '../../time/shanghai';
import { clockSeverity, remainingHours, withDelayRelief } from '../bands';
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { MAX_HOURS, policyEntry, type PolicyValues } from '../policy-entry';

export interface ShipByBasis {
  statusText: string;
  dueSource: ShipByDue['source'];
  promiseShipAt: number | null;
  orderAt: number | null;
  fallbackHours: number | null;
  warnHours: number;
  criticalHours: number;
  remainingHours: number;
  shippingDelayAllowed: boolean;
  riskHold: boolean;
}

export type ShipByFinding = OrderFindingOf<'ship_by', 'R1', ShipByBasis>;

export const SHIP_BY_FALLBACK_HOURS = policyEntry({
  key: 'shipByFallbackHours',
  rule: 'R1',
  default: 48,
  unit: 'hours',
  min: 1,
  max: 24 * 30,
  confidence: 'H',
  heuristic: false,
  zh: '无承诺发货时间时，成交后多少小时内须发货',
  en: 'Hours after the deal to ship when the order has no promised ship time',
});

const SHIP_BY_WARN_HOURS = policyEntry({
  key: 'shipByWarnHours',
  rule: 'A1',
  default: 12,
  unit: 'hours',
  min: 0,
  max: MAX_HOURS,
  confidence: 'M',
  heuristic: false,
  zh: '发货截止前多少小时提醒',
  en: 'Warn this many hours before the ship-by time',
});

const SHIP_BY_CRITICAL_HOURS = policyEntry({
  key: 'shipByCriticalHours',
  rule: 'A1',
  default: 2,
  unit: 'hours',
  min: 0,
  max: MAX_HOURS,
  confidence: 'L',
  heuristic: true,
  zh: '发货截止前多少小时告急',
  en: 'Critical this many hours before the ship-by time',
});

export interface ShipByDue {
  dueAt: number;
  source: 'promise_shipping_time' | 'order_time';
}

/** Ship-by instant: the console's promise, else the deal time + the fallback hours (R1). Shared with shipped_late. */
export function shipByDue(order: OrderFacts, policy: PolicyValues<'shipByFallbackHours'>): ShipByDue | null {
  if (order.noNeedShip === true) return null;
  if (order.promiseShipAt !== null) return { dueAt: order.promiseShipAt, source: 'promise_shipping_time' };
  if (order.orderAt !== null) return { dueAt: order.orderAt + hoursToMs(policy.shipByFallbackHours), source: 'order_time' };
  return null;
}

/** Whether the order still goes through shipping at all: not cancelled, not refunded. */
export function isOpenOrder(order: OrderFacts): boolean {
  return order.state !== 'cancelled' && !order.refunded;
}

/** Where a ship-by time came from, as ship_by and shipped_late cite it. */
export const SHIP_BY_SOURCE_FIELD = field('code', '截止依据', 'Deadline from', {
  promise_shipping_time: { zh: '承诺发货时间', en: 'promised ship time' },
  order_time: { zh: '成交时间 + 默认时限', en: 'deal time + default limit' },
});

export const shipBy = orderKind<ShipByFinding>()({
  kind: 'ship_by',
  type: 'clock',
  subject: 'order',
  labels: { zh: '发货截止', en: 'Ship by' },
  badge: { label: { zh: '发货', en: 'Ship' }, always: true },
  advice: {
    zh: '在承诺发货时间前上传真实单号；确实无法按时发货时先联系买家说明并添加备注。',
    en: 'Upload a real tracking number before the promised time; if you cannot, tell the buyer in chat and add a remark.',
  },
  rules: {
    R1: { source: 'R1, R2 (promise_shipping_time, else 48 h after the deal)', confidence: 'H', heuristic: false, zh: '发货时限', en: 'Ship-by limit' },
    A1: { source: "A1: the console's unship12h counter", confidence: 'M', heuristic: false, zh: '发货倒计时分级', en: 'Ship countdown bands' },
  },
  thresholds: [SHIP_BY_FALLBACK_HOURS, SHIP_BY_WARN_HOURS, SHIP_BY_CRITICAL_HOURS],
  narrowerThan: [['shipByCriticalHours', 'shipByWarnHours']],
  basis: {
    statusText: FIELDS.statusText,
    dueSource: SHIP_BY_SOURCE_FIELD,
    promiseShipAt: FIELDS.promiseShipAt,
    orderAt: FIELDS.orderAt,
    fallbackHours: field('hours', '默认发货时限', 'Default ship limit'),
    warnHours: FIELDS.warnHours,
    criticalHours: FIELDS.criticalHours,
    remainingHours: FIELDS.remainingHours,
    shippingDelayAllowed: field('flag', '可延迟发货', 'Delay allowed'),
    riskHold: field('flag', '风控审核中', 'Under risk review'),
  },
  evaluate({ order }, now, policy, out) {
    if (order.shippedAt !== null || order.state !== 'unshipped' || !isOpenOrder(order)) return;
    const due = shipByDue(order, policy);
    if (due === null) return;
    const banded = clockSeverity(due.dueAt - now, policy.shipByWarnHours, policy.shipByCriticalHours);
    out.push({
      orderSn: order.orderSn,
      kind: 'ship_by',
      severity: withDelayRelief(banded, order.shippingDelayAllowed),
      dueAt: due.dueAt,
      rule: 'R1',
      basis: {
        statusText: order.statusText,
        dueSource: due.source,
        promiseShipAt: order.promiseShipAt,
        orderAt: order.orderAt,
        fallbackHours: due.source === 'order_time' ? policy.shipByFallbackHours : null,
        warnHours: policy.shipByWarnHours,
        criticalHours: policy.shipByCriticalHours,
        remainingHours: remainingHours(due.dueAt, now),
        shippingDelayAllowed: order.shippingDelayAllowed,
        riskHold: order.riskHold,
      },
    });
  },
  severityAt: ({ dueAt, basis }, now) =>
    dueAt === undefined ? null : withDelayRelief(clockSeverity(dueAt - now, basis.warnHours, basis.criticalHours), basis.shippingDelayAllowed),
});
