// Findings that only show across orders: one waybill on several buyers' orders (A13), and rejections
// piling up on one product (OS2).
import { daysToMs, readIso, toIso } from '../time/shanghai';
import type { OrderContext, OrdersFindings } from './assess';
import type { Policy } from './policy';
import type { Finding } from './vocabulary';

/** One waybill number on the orders of more than one receiver (A13). */
export interface SharedNumber {
  trackingNumber: string;
  contexts: OrderContext[];
  receiverCount: number;
}

export function sharedTrackingNumbers(contexts: readonly OrderContext[]): SharedNumber[] {
  // Nearly every number is on one order: one pass only notes the numbers seen twice, and only those
  // (usually none) get a list in a second pass.
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const context of contexts) {
    const number = context.order.trackingNumber;
    if (number === null || context.order.noLogistics) continue;
    const before = seen.size;
    if (seen.add(number).size === before) repeated.add(number);
  }
  const byNumber = new Map<string, OrderContext[]>();
  if (repeated.size > 0) {
    for (const context of contexts) {
      const number = context.order.trackingNumber;
      if (number === null || context.order.noLogistics || !repeated.has(number)) continue;
      const group = byNumber.get(number);
      if (group === undefined) byNumber.set(number, [context]);
      else group.push(context);
    }
  }
  const shared: SharedNumber[] = [];
  for (const [trackingNumber, group] of byNumber) {
    // Orders of one receiver may share a parcel (merged shipment). An unknown receiver is nobody's twin.
    const receivers = new Set(group.map(({ order }) => order.receiverKey ?? `unknown:${order.orderSn}`));
    if (receivers.size >= 2) shared.push({ trackingNumber, contexts: group, receiverCount: receivers.size });
  }
  return shared;
}

export function addDuplicateTracking(out: Finding[], shared: readonly SharedNumber[]): void {
  for (const { trackingNumber, contexts, receiverCount } of shared) {
    const orderSns = contexts.map(({ order }) => order.orderSn);
    for (const { order } of contexts) {
      out.push({
        orderSn: order.orderSn,
        kind: 'duplicate_tracking',
        severity: 'critical',
        rule: 'A13',
        basis: {
          trackingNumber,
          orderCount: contexts.length,
          receiverCount,
          otherOrderSns: orderSns.filter((sn) => sn !== order.orderSn).join(','),
          courierName: order.courierName,
        },
      });
    }
  }
}

/** Rejections count by the time of the rejection event, within the window that ends now. */
export function addRejectionClusters(
  out: Finding[],
  contexts: readonly OrderContext[],
  perOrder: OrdersFindings,
  now: number,
  policy: Policy,
): void {
  const windowStart = now - daysToMs(policy.rejectionClusterDays);
  const byGoods = new Map<string, { goodsName: string | null; rejections: Array<{ orderSn: string; at: number }> }>();
  for (let i = 0; i < contexts.length; i += 1) {
    const order = (contexts[i] as OrderContext).order;
    if (order.goodsId === null) continue;
    const rejectedAtText = rejectedAtOf(perOrder.findings, perOrder.firstOf[i] as number, perOrder.firstOf[i + 1] as number);
    if (rejectedAtText === null) continue;
    const at = readIso(rejectedAtText);
    if (at === null || at < windowStart || at > now) continue;
    const entry = byGoods.get(order.goodsId);
    if (entry === undefined) byGoods.set(order.goodsId, { goodsName: order.goodsName, rejections: [{ orderSn: order.orderSn, at }] });
    else entry.rejections.push({ orderSn: order.orderSn, at });
  }
  for (const [goodsId, { goodsName, rejections }] of byGoods) {
    if (rejections.length < policy.rejectionClusterCount) continue;
    rejections.sort((a, b) => a.at - b.at || (a.orderSn < b.orderSn ? -1 : 1));
    out.push({
      goodsId,
      kind: 'rejection_cluster',
      severity: 'critical',
      rule: 'OS2',
      basis: {
        goodsId,
        goodsName,
        rejectedOrders: rejections.length,
        thresholdCount: policy.rejectionClusterCount,
        windowDays: policy.rejectionClusterDays,
        heuristic: true,
        firstRejectedAt: toIso(rejections[0]?.at ?? now),
        lastRejectedAt: toIso(rejections[rejections.length - 1]?.at ?? now),
        orderSns: rejections.map((rejection) => rejection.orderSn).join(','),
      },
    });
  }
}

function rejectedAtOf(findings: readonly Finding[], from: number, to: number): string | null {
  for (let i = from; i < to; i += 1) {
    const finding = findings[i] as Finding;
    if (finding.kind === 'rejected' && typeof finding.basis.rejectedAt === 'string') return finding.basis.rejectedAt;
  }
  return null;
}
