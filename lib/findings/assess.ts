// The rules' public face: facts + now + policy → findings. Pure: no clock, no browser, no I/O. A shop
// pre-pass finds what only shows across orders; then every order kind judges every order, and every
// product kind every product with rejections.
import type { OrderContext, OrderSubject } from './define';
import { ORDER_MODULES, PRODUCT_MODULES, FINDING_KINDS, type Finding, type FindingKind, type Policy } from './registry';
import { SEVERITY_RANK } from './severity';
import { shopFacts } from './shop-facts';
import { tracedParcel } from './trace';

export type { OrderContext } from './define';

/**
 * The findings of many orders in one list: those of `contexts[i]` are `findings[firstOf[i]]` up to
 * `findings[firstOf[i + 1]]`. One list rather than one per order: a shop has tens of thousands of orders,
 * most with a finding or two. Product findings (rejection_cluster) are apart.
 */
export interface ShopAssessment {
  findings: Finding[];
  firstOf: Uint32Array;
  products: Finding[];
}

export function assessOrders(contexts: readonly OrderContext[], now: number, policy: Policy): ShopAssessment {
  const parcels = contexts.map(tracedParcel);
  const shop = shopFacts(contexts, parcels);
  const findings: Finding[] = [];
  const firstOf = new Uint32Array(contexts.length + 1);
  for (let index = 0; index < contexts.length; index += 1) {
    const context = contexts[index] as OrderContext;
    firstOf[index] = findings.length;
    const subject: OrderSubject = {
      order: context.order,
      afterSales: context.afterSales,
      tracking: context.tracking,
      parcel: parcels[index] ?? null,
      sharedNumber: shop.sharedNumberOf[index] ?? null,
      found: findings,
      first: findings.length,
    };
    for (const module of ORDER_MODULES) module.evaluate(subject, now, policy, findings);
  }
  firstOf[contexts.length] = findings.length;
  const products: Finding[] = [];
  for (const product of shop.rejectedProducts) {
    for (const module of PRODUCT_MODULES) module.evaluate(product, now, policy, products);
  }
  return { findings, firstOf, products };
}

/** One order on its own (no other order to share a waybill with), most urgent first. */
export function assessOrder(context: OrderContext, now: number, policy: Policy): Finding[] {
  return assessOrders([context], now, policy).findings.sort(compareFindings);
}

/** Every finding for a shop, orders' and products', most urgent first (the `npm run assess` output). */
export function assessShop(contexts: readonly OrderContext[], now: number, policy: Policy): Finding[] {
  const { findings, products } = assessOrders(contexts, now, policy);
  for (const finding of products) findings.push(finding);
  return sortByUrgency(findings);
}

const KIND_ORDER = new Map<FindingKind, number>(FINDING_KINDS.map((kind, index) => [kind, index]));

/** What the urgency order reads from a finding, in one shape: findings come in as many shapes as kinds. */
interface UrgencyKey {
  finding: Finding;
  severity: number;
  /** Infinity without a deadline: those come after the ones with one. */
  due: number;
  kind: number;
  subject: string;
}

function urgencyKey(finding: Finding): UrgencyKey {
  return {
    finding,
    severity: SEVERITY_RANK[finding.severity],
    due: finding.dueAt ?? Infinity,
    kind: KIND_ORDER.get(finding.kind) as number,
    subject: finding.orderSn ?? finding.goodsId ?? '',
  };
}

/**
 * Urgency: higher severity first; then the earliest deadline (findings without one after those with);
 * then vocabulary order of kinds; then order number or product, then after-sales case, so the output
 * never depends on the order of the input.
 */
function compareKeys(a: UrgencyKey, b: UrgencyKey): number {
  if (a.severity !== b.severity) return b.severity - a.severity;
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.kind !== b.kind) return a.kind - b.kind;
  const subject = compareText(a.subject, b.subject);
  return subject !== 0 ? subject : compareText(caseOf(a.finding), caseOf(b.finding));
}

export function compareFindings(a: Finding, b: Finding): number {
  return compareKeys(urgencyKey(a), urgencyKey(b));
}

/**
 * `findings` in urgency order (compareFindings), sorted on keys read once: comparing the findings
 * themselves reads their many shapes at every comparison, about twice the time on a shop's worth.
 */
export function sortByUrgency(findings: readonly Finding[]): Finding[] {
  return findings.map(urgencyKey).sort(compareKeys).map((key) => key.finding);
}

/** Two findings of one kind on one order differ by their after-sales case. */
function caseOf(finding: Finding): string {
  return 'afterSaleId' in finding.basis && typeof finding.basis.afterSaleId === 'string' ? finding.basis.afterSaleId : '';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
