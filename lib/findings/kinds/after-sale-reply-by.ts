// after_sale_reply_by (售后处理截止, A16/R10/R11/A17): an after-sales case waiting on the merchant must be
// answered before the platform acts on its own.
import type { AfterSaleFacts, AfterSaleKind, OrderFacts } from '../../facts/facts';
import { hoursToMs } from '../../time/shanghai';
import { AWAITING_RETURN_CONFIRMATION, isFinished, waitsOnMerchant } from '../after-sale';
import { clockSeverity, remainingHours } from '../bands';
import { FIELDS, field } from '../basis-fields';
import { orderKind, type OrderFindingOf } from '../define';
import { MAX_HOURS, policyEntry } from '../policy-entry';

type ReplyRule = 'A16' | 'R10' | 'R11' | 'A17';

export interface AfterSaleReplyByBasis {
  afterSaleId: string;
  afterSaleKind: AfterSaleKind;
  statusCode: number | null;
  statusText: string | null;
  createdAt: number | null;
  capturedAt: number;
  expireRemainSeconds: number | null;
  expireActionDesc: string | null;
  dueSource: 'expireRemainTime' | 'fixed_window' | 'unknown';
  windowHours: number | null;
  shippedBeforeApplying: boolean;
  warnHours: number;
  criticalHours: number;
  remainingHours: number | null;
}

export type AfterSaleReplyByFinding = OrderFindingOf<'after_sale_reply_by', ReplyRule, AfterSaleReplyByBasis>;

const WARN_HOURS = policyEntry({
  key: 'afterSaleWarnHours',
  rule: 'A16',
  default: 12,
  unit: 'hours',
  min: 0,
  max: MAX_HOURS,
  confidence: 'L',
  heuristic: true,
  zh: '售后处理截止前多少小时提醒',
  en: 'Warn this many hours before an after-sales reply is due',
});

const CRITICAL_HOURS = policyEntry({
  key: 'afterSaleCriticalHours',
  rule: 'A16',
  default: 2,
  unit: 'hours',
  min: 0,
  max: MAX_HOURS,
  confidence: 'L',
  heuristic: true,
  zh: '售后处理截止前多少小时告急',
  en: 'Critical this many hours before an after-sales reply is due',
});

const REFUND_ONLY_UNSHIPPED_HOURS = policyEntry({
  key: 'refundOnlyUnshippedReplyHours',
  rule: 'R10',
  default: 24,
  unit: 'hours',
  min: 1,
  max: 24 * 30,
  confidence: 'L',
  heuristic: false,
  zh: '仅退款（未发货）处理时限（无剩余时间时使用）',
  en: 'Refund-only reply window, unshipped (used when the row has no remaining time)',
});

const REFUND_ONLY_SHIPPED_HOURS = policyEntry({
  key: 'refundOnlyShippedReplyHours',
  rule: 'R10',
  default: 36,
  unit: 'hours',
  min: 1,
  max: 24 * 30,
  confidence: 'L',
  heuristic: false,
  zh: '仅退款（已发货）处理时限（无剩余时间时使用）',
  en: 'Refund-only reply window, shipped (used when the row has no remaining time)',
});

const RETURN_REFUND_HOURS = policyEntry({
  key: 'returnRefundReplyHours',
  rule: 'R11',
  default: 36,
  unit: 'hours',
  min: 1,
  max: 24 * 30,
  confidence: 'L',
  heuristic: false,
  zh: '退货退款处理时限（无剩余时间时使用）',
  en: 'Return-and-refund reply window (used when the row has no remaining time)',
});

type Policy = Readonly<Record<(typeof THRESHOLDS)[number]['key'], number>>;
const THRESHOLDS = [WARN_HOURS, CRITICAL_HOURS, REFUND_ONLY_UNSHIPPED_HOURS, REFUND_ONLY_SHIPPED_HOURS, RETURN_REFUND_HOURS] as const;

export const afterSaleReplyBy = orderKind<AfterSaleReplyByFinding>()({
  kind: 'after_sale_reply_by',
  type: 'clock',
  subject: 'order',
  labels: { zh: '售后处理截止', en: 'After-sales reply due' },
  badge: { label: { zh: '售后', en: 'After-sales' }, always: true },
  advice: {
    zh: '在截止前处理售后（同意，或拒绝并上传凭证）；超时平台会按到期动作自动处理。',
    en: 'Answer the case before the deadline (accept, or refuse with evidence); when it expires the platform acts for you.',
  },
  rules: {
    A16: { source: "A16 (the row's expireRemainTime)", confidence: 'M', heuristic: false, zh: '售后处理截止', en: 'After-sales deadline' },
    R10: { source: 'R10: seed 拼多多订单处理全攻略', confidence: 'L', heuristic: false, zh: '仅退款处理时限', en: 'Refund-only reply window' },
    R11: { source: 'R11: seed 拼多多订单处理全攻略', confidence: 'L', heuristic: false, zh: '退货退款处理时限', en: 'Return-and-refund reply window' },
    A17: { source: 'A17 (waiting on the merchant, deadline unknown)', confidence: 'M', heuristic: false, zh: '售后待商家处理', en: 'After-sales waiting on the merchant' },
  },
  thresholds: THRESHOLDS,
  narrowerThan: [['afterSaleCriticalHours', 'afterSaleWarnHours']],
  basis: {
    afterSaleId: FIELDS.afterSaleId,
    afterSaleKind: FIELDS.afterSaleKind,
    statusCode: field('code', '售后状态码', 'Case status code'),
    statusText: FIELDS.afterSaleStatusText,
    createdAt: field('instant', '申请时间', 'Applied at'),
    capturedAt: field('instant', '读取时间', 'Read at'),
    expireRemainSeconds: field('seconds', '平台剩余时间', 'Time left (platform)'),
    expireActionDesc: field('text', '到期动作', 'On expiry'),
    dueSource: field('code', '截止依据', 'Deadline from', {
      expireRemainTime: { zh: '平台给出的剩余时间', en: "the platform's remaining time" },
      fixed_window: { zh: '申请时间 + 处理时限', en: 'application time + reply window' },
      unknown: { zh: '平台未给出', en: 'not given by the platform' },
    }),
    windowHours: field('hours', '处理时限', 'Reply window'),
    shippedBeforeApplying: field('flag', '申请前已发货', 'Shipped before the request'),
    warnHours: FIELDS.warnHours,
    criticalHours: FIELDS.criticalHours,
    remainingHours: FIELDS.remainingHours,
  },
  evaluate({ order, afterSales }, now, policy, out) {
    for (const sale of afterSales) if (!isFinished(sale) && waitsOnMerchant(sale)) pushReplyBy(out, order, sale, now, policy);
  },
  severityAt: ({ dueAt, basis }, now) => (dueAt === undefined ? null : clockSeverity(dueAt - now, basis.warnHours, basis.criticalHours)),
});

/**
 * The deadline is the row's own remaining time counted from its capture (A16). Without one, the fixed
 * windows of R10/R11 count from the application; a case waiting for the merchant to confirm a returned
 * parcel has no known window, so it is reported without a deadline (A17).
 */
function pushReplyBy(out: { push(finding: AfterSaleReplyByFinding): unknown }, order: OrderFacts, sale: AfterSaleFacts, now: number, policy: Policy): void {
  let dueAt: number | null = null;
  let rule: ReplyRule = 'A17';
  let windowHours: number | null = null;
  const shippedBeforeApplying = order.shippedAt !== null && (sale.createdAt === null || order.shippedAt <= sale.createdAt);
  if (sale.expireRemainMs !== null) {
    dueAt = sale.capturedAt + sale.expireRemainMs;
    rule = 'A16';
  } else if (sale.createdAt !== null && sale.statusCode !== AWAITING_RETURN_CONFIRMATION) {
    if (sale.kind === 'refund_only') {
      windowHours = shippedBeforeApplying ? policy.refundOnlyShippedReplyHours : policy.refundOnlyUnshippedReplyHours;
      rule = 'R10';
    } else if (sale.kind === 'return_refund') {
      windowHours = policy.returnRefundReplyHours;
      rule = 'R11';
    }
    if (windowHours !== null) dueAt = sale.createdAt + hoursToMs(windowHours);
  }
  const basis: AfterSaleReplyByBasis = {
    afterSaleId: sale.id,
    afterSaleKind: sale.kind,
    statusCode: sale.statusCode,
    statusText: sale.statusText,
    createdAt: sale.createdAt,
    capturedAt: sale.capturedAt,
    expireRemainSeconds: sale.expireRemainMs === null ? null : Math.round(sale.expireRemainMs / 1000),
    expireActionDesc: sale.expireActionDesc,
    dueSource: rule === 'A16' ? 'expireRemainTime' : windowHours !== null ? 'fixed_window' : 'unknown',
    windowHours,
    shippedBeforeApplying,
    warnHours: policy.afterSaleWarnHours,
    criticalHours: policy.afterSaleCriticalHours,
    remainingHours: dueAt === null ? null : remainingHours(dueAt, now),
  };
  const orderSn = order.orderSn;
  const kind = 'after_sale_reply_by';
  // Two literals rather than a spread of an optional dueAt: the same fields in the same order, no extra object.
  if (dueAt === null) out.push({ orderSn, kind, severity: 'warn', rule, basis });
  else out.push({ orderSn, kind, severity: clockSeverity(dueAt - now, policy.afterSaleWarnHours, policy.afterSaleCriticalHours), dueAt, rule, basis });
}
