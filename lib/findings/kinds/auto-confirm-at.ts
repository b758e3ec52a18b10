// auto_confirm_at (自动确认收货, R9): 15 days after shipping, receipt is confirmed and the funds settle.
import { daysToMs } from '../../time/shanghai';
import { remainingHours, windowSeverityAt } from '../bands';
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { policyEntry } from '../policy-entry';
import { isOpenOrder } from './ship-by';

export interface AutoConfirmAtBasis {
  shippedAt: number;
  autoConfirmDays: number;
  remainingHours: number;
}

export type AutoConfirmAtFinding = OrderFindingOf<'auto_confirm_at', 'R9', AutoConfirmAtBasis>;

const AUTO_CONFIRM_DAYS = policyEntry({
  key: 'autoConfirmDays',
  rule: 'R9',
  default: 15,
  unit: 'days',
  min: 1,
  max: 365,
  confidence: 'M',
  heuristic: false,
  zh: '发货后多少天自动确认收货',
  en: 'Days after shipping until receipt is confirmed automatically',
});

export const autoConfirmAt = orderKind<AutoConfirmAtFinding>()({
  kind: 'auto_confirm_at',
  type: 'clock',
  subject: 'order',
  labels: { zh: '自动确认收货', en: 'Auto-confirm receipt' },
  badge: { label: { zh: '自动收货', en: 'Auto-confirm' }, always: false },
  advice: {
    zh: '到期系统自动确认收货，货款结算；买家可延长3天。',
    en: 'Receipt is confirmed automatically then and the funds settle; the buyer may extend by 3 days.',
  },
  rules: { R9: { source: 'R9: cjbyby.com pddnews/1106, m.winvk.com/info/534549', confidence: 'M', heuristic: false, zh: '自动确认收货', en: 'Automatic receipt confirmation' } },
  thresholds: [AUTO_CONFIRM_DAYS],
  basis: {
    shippedAt: FIELDS.shippedAt,
    autoConfirmDays: field('days', '自动确认时限', 'Auto-confirm after'),
    remainingHours: FIELDS.remainingHours,
  },
  evaluate({ order }, now, policy, out) {
    const shippedAt = order.shippedAt;
    if (shippedAt === null || !isOpenOrder(order) || order.state === 'received' || order.receivedAt !== null) return;
    const at = shippedAt + daysToMs(policy.autoConfirmDays);
    if (now > at) return;
    out.push({
      orderSn: order.orderSn,
      kind: 'auto_confirm_at',
      severity: 'info',
      dueAt: at,
      rule: 'R9',
      basis: { shippedAt, autoConfirmDays: policy.autoConfirmDays, remainingHours: remainingHours(at, now) },
    });
  },
  severityAt: ({ dueAt }, now) => (dueAt === undefined ? null : windowSeverityAt(dueAt, now, null)),
});
