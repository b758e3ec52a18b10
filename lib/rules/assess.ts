// The rules' public face: facts + now + policy → findings. Pure: no clock, no browser, no I/O.
import type { AfterSaleFacts, OrderFacts, TrackingFacts } from '../facts/facts';
import { addAfterSaleFindings } from './after-sale-rules';
import { addOrderFindings } from './order-rules';
import type { Policy } from './policy';
import { addDuplicateTracking, addRejectionClusters } from './shop-level';
import { FINDING_KINDS, SEVERITY_RANK, type Finding, type FindingKind } from './vocabulary';

export interface OrderContext {
  order: OrderFacts;
  afterSales: readonly AfterSaleFacts[];
  /** The order's parcel trace, or null when it has not been read. */
  tracking: TrackingFacts | null;
}

export function assessOrder(ctx: OrderContext, now: number, policy: Policy): Finding[] {
  const findings: Finding[] = [];
  addOrderFindings(findings, ctx.order, ctx.tracking, now, policy);
  addAfterSaleFindings(findings, ctx.order, ctx.afterSales, ctx.tracking, now, policy);
  return findings;
}

/** Cross-order findings; `perOrder` (by orderSn) is what assessOrder returned, so nothing is evaluated twice. */
export function assessShopLevel(
  contexts: readonly OrderContext[],
  perOrder: ReadonlyMap<string, Finding[]>,
  now: number,
  policy: Policy,
): Finding[] {
  const findings: Finding[] = [];
  addDuplicateTracking(findings, contexts);
  addRejectionClusters(findings, contexts, perOrder, now, policy);
  return findings;
}

/** Every finding for a shop, most urgent first. */
export function assessShop(contexts: readonly OrderContext[], now: number, policy: Policy): Finding[] {
  const perOrder = new Map<string, Finding[]>();
  const all: Finding[] = [];
  for (const ctx of contexts) {
    const findings = assessOrder(ctx, now, policy);
    perOrder.set(ctx.order.orderSn, findings);
    for (const finding of findings) all.push(finding);
  }
  for (const finding of assessShopLevel(contexts, perOrder, now, policy)) all.push(finding);
  return sortByUrgency(all);
}

const KIND_ORDER = Object.fromEntries(FINDING_KINDS.map((kind, index) => [kind, index])) as Record<FindingKind, number>;

/**
 * Urgency: higher severity first; then the earliest deadline (findings without one after those with);
 * then vocabulary order of kinds; then order number or product, so the output is stable.
 */
export function compareFindings(a: Finding, b: Finding): number {
  const severity = SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
  if (severity !== 0) return severity;
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === undefined) return 1;
    if (b.dueAt === undefined) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  const kind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (kind !== 0) return kind;
  const subjectA = a.orderSn ?? a.goodsId ?? '';
  const subjectB = b.orderSn ?? b.goodsId ?? '';
  if (subjectA !== subjectB) return subjectA < subjectB ? -1 : 1;
  return compareCases(a, b);
}

/** The last tie-break: two findings of one kind on one order differ by their after-sales case. */
function compareCases(a: Finding, b: Finding): number {
  const caseA = String(a.basis.afterSaleId ?? '');
  const caseB = String(b.basis.afterSaleId ?? '');
  return caseA < caseB ? -1 : caseA > caseB ? 1 : 0;
}

/**
 * What compareFindings reads from a finding, read once: findings come in many shapes, their sort keys in
 * one. The case id is left on the finding: only findings equal in everything else need it.
 */
interface UrgencyKey {
  finding: Finding;
  severityRank: number;
  dueAt: string | undefined;
  kindRank: number;
  subject: string;
}

function urgencyKeyOf(finding: Finding): UrgencyKey {
  return {
    finding,
    severityRank: SEVERITY_RANK[finding.severity],
    dueAt: finding.dueAt,
    kindRank: KIND_ORDER[finding.kind],
    subject: finding.orderSn ?? finding.goodsId ?? '',
  };
}

/** compareFindings on the keys read out beforehand: the same order, tie for tie. */
function compareUrgencyKeys(a: UrgencyKey, b: UrgencyKey): number {
  const severity = b.severityRank - a.severityRank;
  if (severity !== 0) return severity;
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === undefined) return 1;
    if (b.dueAt === undefined) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  const kind = a.kindRank - b.kindRank;
  if (kind !== 0) return kind;
  if (a.subject !== b.subject) return a.subject < b.subject ? -1 : 1;
  return compareCases(a.finding, b.finding);
}

/**
 * Sorts `findings` in place by urgency, exactly as `findings.sort(compareFindings)` would, and returns it.
 *
 * compareFindings decides on severity first, then puts the findings with a deadline before those without,
 * and orders the latter by kind first. One pass therefore puts each finding in its group (its severity,
 * then "has a deadline" or its kind), and only findings of one group are compared, on keys read once
 * rather than from the findings' many object shapes. For a 10,000-order shop's ~21,000 findings that is
 * about 6 ms instead of 10 for `sort(compareFindings)` on this machine.
 */
export function sortByUrgency(findings: Finding[]): Finding[] {
  const groups: UrgencyKey[][] = Array.from({ length: URGENCY_GROUPS }, () => []);
  for (const finding of findings) {
    const key = urgencyKeyOf(finding);
    (groups[urgencyGroupOf(key)] as UrgencyKey[]).push(key);
  }
  let position = 0;
  for (const group of groups) {
    group.sort(compareUrgencyKeys);
    for (const key of group) {
      findings[position] = key.finding;
      position += 1;
    }
  }
  return findings;
}

/** Per severity, most severe first: one group of findings with a deadline, then one per kind without. */
const GROUPS_PER_SEVERITY = 1 + FINDING_KINDS.length;
const URGENCY_GROUPS = (SEVERITY_RANK.breached + 1) * GROUPS_PER_SEVERITY;

function urgencyGroupOf(key: UrgencyKey): number {
  const severityGroup = (SEVERITY_RANK.breached - key.severityRank) * GROUPS_PER_SEVERITY;
  return severityGroup + (key.dueAt === undefined ? 1 + key.kindRank : 0);
}
