// Rules on an order's after-sales cases (mms code table, pdd-rules §4.3): the reply and appeal clocks,
// logistics-caused and timed-out refunds, and the refund that calls for intercepting a parcel.
import type { AfterSaleFacts, OrderFacts, TrackingFacts, TrackingStatus } from '../facts/facts';
import { daysToMs, hoursToMs, toIso } from '../time/shanghai';
import { clockSeverity, isoOrNull, remainingHours, shortText, windowSeverity } from './finding';
import type { Policy, RuleId } from './policy';
import type { Finding } from './vocabulary';

/** mms codes of finished cases: 5 退款成功, 6/12 closed without refund, 16/17 exchange done or closed. */
const FINISHED_CODES: ReadonlySet<number> = new Set([5, 6, 12, 16, 17]);
const REFUND_SUCCEEDED = 5;
/** 11 待商家确认收货: the merchant must confirm the returned goods, a window whose length is unknown (R12). */
const AWAITING_RETURN_CONFIRMATION = 11;
const INSTANT_REFUND_ACTION = 1000;
const TIMEOUT_REFUND_ACTION = 1028;
const LOGISTICS_REASON = /物流|快递|未收到|发货慢|虚假发货/;
/** Where the parcel already arrived or is on its way back, intercepting it is moot. */
const NO_INTERCEPT: ReadonlySet<TrackingStatus> = new Set(['delivered', 'rejected', 'returning', 'returned']);

function isFinished(sale: AfterSaleFacts): boolean {
  return sale.closedAt !== null || (sale.statusCode !== null && FINISHED_CODES.has(sale.statusCode));
}

function waitsOnMerchant(sale: AfterSaleFacts): boolean {
  return sale.expireRemainMs !== null || sale.statusCode === AWAITING_RETURN_CONFIRMATION || (sale.statusText?.includes('待商家') ?? false);
}

export function addAfterSaleFindings(
  out: Finding[],
  order: OrderFacts,
  sales: readonly AfterSaleFacts[],
  tracking: TrackingFacts | null,
  now: number,
  policy: Policy,
): void {
  for (const sale of sales) {
    const finished = isFinished(sale);
    if (!finished && waitsOnMerchant(sale)) addReplyBy(out, order, sale, now, policy);
    if (sale.actions.includes(INSTANT_REFUND_ACTION)) addAppealBy(out, order, sale, tracking, now, policy);
    if (sale.reasonText !== null && LOGISTICS_REASON.test(sale.reasonText)) {
      out.push({
        orderSn: order.orderSn,
        kind: 'logistics_refund',
        severity: 'info',
        rule: 'A18',
        basis: { afterSaleId: sale.id, reasonText: sale.reasonText, statusText: sale.statusText },
      });
    }
    if (finished && sale.actions.includes(TIMEOUT_REFUND_ACTION)) {
      out.push({
        orderSn: order.orderSn,
        kind: 'timeout_auto_refund',
        severity: 'critical',
        rule: 'A19',
        basis: { afterSaleId: sale.id, closedAt: isoOrNull(sale.closedAt), statusText: sale.statusText, refundAmountCents: sale.refundAmountCents },
      });
    }
  }
  addInterceptParcel(out, order, sales, tracking);
}

/**
 * The deadline is the row's own remaining time counted from its capture (A16). Without one, the fixed
 * windows of R10/R11 count from the application; a case waiting for the merchant to confirm a returned
 * parcel has no known window, so it is reported without a deadline (A17).
 */
function addReplyBy(out: Finding[], order: OrderFacts, sale: AfterSaleFacts, now: number, policy: Policy): void {
  let dueAt: number | null = null;
  let rule: RuleId = 'A17';
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
  const basis = {
    afterSaleId: sale.id,
    afterSaleKind: sale.kind,
    statusCode: sale.statusCode,
    statusText: sale.statusText,
    createdAt: isoOrNull(sale.createdAt),
    capturedAt: toIso(sale.capturedAt),
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
  if (dueAt === null) {
    out.push({ orderSn, kind, severity: 'warn', rule, basis });
  } else {
    const severity = clockSeverity(dueAt - now, policy.afterSaleWarnHours, policy.afterSaleCriticalHours);
    out.push({ orderSn, kind, severity, dueAt: toIso(dueAt), rule, basis });
  }
}

/**
 * An instant refund (R13) paid before the goods came back: the merchant may appeal within the window.
 * Nothing to appeal when nothing was shipped or the parcel is already back; the clock closes at its end.
 */
function addAppealBy(
  out: Finding[],
  order: OrderFacts,
  sale: AfterSaleFacts,
  tracking: TrackingFacts | null,
  now: number,
  policy: Policy,
): void {
  const refundedAt = sale.closedAt ?? sale.createdAt;
  if (order.shippedAt === null || refundedAt === null || tracking?.status === 'returned') return;
  const dueAt = refundedAt + daysToMs(policy.fastRefundAppealDays);
  if (now > dueAt) return;
  out.push({
    orderSn: order.orderSn,
    kind: 'fast_refund_appeal_by',
    severity: windowSeverity(dueAt - now, policy.fastRefundWarnHours),
    dueAt: toIso(dueAt),
    rule: 'R13',
    basis: {
      afterSaleId: sale.id,
      refundedAt: toIso(refundedAt),
      appealDays: policy.fastRefundAppealDays,
      warnHours: policy.fastRefundWarnHours,
      trackingStatus: tracking?.status ?? null,
      refundAmountCents: sale.refundAmountCents,
      remainingHours: remainingHours(dueAt, now),
    },
  });
}

/**
 * A refund asked for (or granted) after the parcel left, while it has not arrived: stop it before the
 * buyer signs for goods that were already refunded.
 */
function addInterceptParcel(out: Finding[], order: OrderFacts, sales: readonly AfterSaleFacts[], tracking: TrackingFacts | null): void {
  const shippedAt = order.shippedAt;
  if (shippedAt === null || order.noLogistics || order.state === 'received' || order.state === 'cancelled') return;
  if (tracking !== null && NO_INTERCEPT.has(tracking.status)) return;
  const refundCase = refundAfterShipping(sales, shippedAt);
  if (refundCase === undefined && !order.refunded) return;
  out.push({
    orderSn: order.orderSn,
    kind: 'intercept_parcel',
    severity: 'critical',
    rule: 'OS1',
    basis: {
      refundSource: refundCase !== undefined ? 'after_sale' : 'order_status',
      afterSaleId: refundCase?.id ?? null,
      refundRequestedAt: isoOrNull(refundCase?.createdAt ?? null),
      afterSaleStatus: refundCase?.statusText ?? null,
      statusText: order.statusText,
      shippedAt: toIso(shippedAt),
      trackingNumber: order.trackingNumber,
      trackingStatus: tracking?.status ?? null,
      lastEventAt: isoOrNull(tracking?.lastEventAt ?? null),
      lastEventText: shortText(tracking?.events[tracking.events.length - 1]?.text),
    },
  });
}

/** The first refund case open (or refunded) that was asked for once the parcel had left. */
function refundAfterShipping(sales: readonly AfterSaleFacts[], shippedAt: number): AfterSaleFacts | undefined {
  for (const sale of sales) {
    if (sale.kind !== 'refund_only' && sale.kind !== 'return_refund' && sale.kind !== 'unknown') continue;
    if (isFinished(sale) && sale.statusCode !== REFUND_SUCCEEDED) continue;
    if (sale.createdAt === null || sale.createdAt >= shippedAt) return sale;
  }
  return undefined;
}
