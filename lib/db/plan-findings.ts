// The open findings the notification planner looks at, across shops: read through the open-kind index
// (`<shopId>|<kind>` of each open finding) for the planner's kinds only, never a scan of the orders.
import { openKindTag, shopLabelOf } from './records';
import type { SentinelDb } from './schema';
import type { FindingKind } from '../findings/registry';
import { planFindingsOf } from '../notifications/notifier-inputs';
import type { PlanFinding } from '../notifications/types';

export interface PlanFindings {
  findings: PlanFinding[];
  /** [shopId, orderSn] of every order with such a finding (whose log rows the planner needs). */
  orders: [shopId: string, orderSn: string][];
  /** Every stored shop: id → what the merchant calls it (shopLabelOf). */
  shopNames: Record<string, string>;
}

export async function readPlanFindings(db: SentinelDb, kinds: readonly FindingKind[]): Promise<PlanFindings> {
  return db.transaction('r', [db.shops, db.orders], async () => {
    const shops = await db.shops.toArray();
    const shopIds = shops.map((shop) => shop.shopId);
    const shopNames = Object.fromEntries(shops.map((shop) => [shop.shopId, shopLabelOf(shop)]));
    const tags = shopIds.flatMap((shopId) => kinds.map((kind) => openKindTag(shopId, kind)));
    const findings: PlanFinding[] = [];
    const orders: [string, string][] = [];
    if (tags.length === 0) return { findings, orders, shopNames };
    await db.orders
      .where('openKindTags')
      .anyOf(tags)
      .distinct()
      .each((order) => {
        const own = planFindingsOf(order);
        if (own.length === 0) return;
        findings.push(...own);
        orders.push([order.shopId, order.orderSn]);
      });
    return { findings, orders, shopNames };
  });
}
