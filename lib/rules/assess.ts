// The rules' public face: facts + now + policy → findings. Pure: no clock, no browser, no I/O.
import type { AfterSaleFacts, OrderFacts, TrackingFacts } from '../facts/facts';
import { addAfterSaleFindings } from './after-sale-rules';
import { addOrderFindings } from './order-rules';
import { isoToMs } from '../time/shanghai';
import type { Policy } from './policy';
import { addDuplicateTracking, addRejectionClusters, sharedTrackingNumbers, type SharedNumber } from './shop-level';
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

/**
 * The findings of many orders in one list: those of `contexts[i]` are `findings[firstOf[i]]` up to
 * `findings[firstOf[i + 1]]`. One list rather than one per order: a shop has tens of thousands of orders,
 * most with a finding or two.
 */
export interface OrdersFindings {
  findings: Finding[];
  firstOf: Uint32Array;
  /** Waybill numbers on more than one receiver's orders, found before the orders were assessed. */
  sharedNumbers: readonly SharedNumber[];
}

/**
 * assessOrder for each context, in order, knowing which waybill numbers the orders share: a number on
 * another buyer's order is a wrong number, which the edit and extra-package clocks answer (R8).
 */
export function assessOrders(contexts: readonly OrderContext[], now: number, policy: Policy): OrdersFindings {
  const sharedNumbers = sharedTrackingNumbers(contexts);
  const onSharedNumber = new Set<OrderContext>(sharedNumbers.flatMap((shared) => shared.contexts));
  const findings: Finding[] = [];
  const firstOf = new Uint32Array(contexts.length + 1);
  contexts.forEach((ctx, index) => {
    firstOf[index] = findings.length;
    addOrderFindings(findings, ctx.order, ctx.tracking, now, policy, onSharedNumber.has(ctx));
    addAfterSaleFindings(findings, ctx.order, ctx.afterSales, ctx.tracking, now, policy);
  });
  firstOf[contexts.length] = findings.length;
  return { findings, firstOf, sharedNumbers };
}

/** Cross-order findings, from what assessOrders found for the same contexts: nothing is evaluated twice. */
export function assessShopLevel(contexts: readonly OrderContext[], perOrder: OrdersFindings, now: number, policy: Policy): Finding[] {
  const findings: Finding[] = [];
  addDuplicateTracking(findings, perOrder.sharedNumbers);
  addRejectionClusters(findings, contexts, perOrder, now, policy);
  return findings;
}

/** Every finding for a shop, most urgent first. */
export function assessShop(contexts: readonly OrderContext[], now: number, policy: Policy): Finding[] {
  const perOrder = assessOrders(contexts, now, policy);
  const all = [...perOrder.findings];
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
 * rather than from the findings' many object shapes. Deadline groups, most of a shop's findings, are
 * sorted on numbers without calling a comparator (see sortByDeadline).
 */
export function sortByUrgency(findings: Finding[]): Finding[] {
  const groups: UrgencyKey[][] = Array.from({ length: URGENCY_GROUPS }, () => []);
  for (const finding of findings) {
    const key = urgencyKeyOf(finding);
    (groups[urgencyGroupOf(key)] as UrgencyKey[]).push(key);
  }
  let position = 0;
  groups.forEach((group, index) => {
    const sorted = index % GROUPS_PER_SEVERITY === 0 ? sortByDeadline(group) : group.sort(compareUrgencyKeys);
    for (const key of sorted) {
      findings[position] = key.finding;
      position += 1;
    }
  });
  return findings;
}

/** Low bits of a packed sort key: the finding's place in its group. */
const PLACE_BITS = 18;
const PLACES = 2 ** PLACE_BITS;
/** High bits: the deadline in ms after the group's earliest, exact while deadlines lie within ~397 days. */
const DEADLINE_SPAN = 2 ** (53 - PLACE_BITS);

/**
 * A group of findings with a deadline, in compareUrgencyKeys order. Each deadline and place in the group
 * are packed into one double and the doubles are sorted natively, which costs a fraction of a sort that
 * calls back into JavaScript for every comparison (~9,000 deadlines in a 10,000-order shop); findings due
 * at the same instant are then ordered by the comparator. Deadlines that are not toIso text, lie too far
 * apart or are too many for the place bits are sorted by the comparator alone.
 */
function sortByDeadline(group: UrgencyKey[]): UrgencyKey[] {
  const count = group.length;
  if (count < 2 || count > PLACES) return group.sort(compareUrgencyKeys);
  const deadlines = new Float64Array(count);
  let earliest = Infinity;
  let latest = -Infinity;
  for (let place = 0; place < count; place += 1) {
    const deadline = isoToMs((group[place] as UrgencyKey).dueAt ?? '');
    if (Number.isNaN(deadline)) return group.sort(compareUrgencyKeys);
    deadlines[place] = deadline;
    if (deadline < earliest) earliest = deadline;
    if (deadline > latest) latest = deadline;
  }
  if (latest - earliest >= DEADLINE_SPAN) return group.sort(compareUrgencyKeys);
  const packed = new Float64Array(count);
  for (let place = 0; place < count; place += 1) packed[place] = ((deadlines[place] as number) - earliest) * PLACES + place;
  packed.sort();
  const sorted: UrgencyKey[] = [];
  let sameDeadlineFrom = 0;
  for (let rank = 0; rank < count; rank += 1) {
    const place = (packed[rank] as number) % PLACES;
    if (rank > 0 && deadlines[place] !== deadlines[(packed[rank - 1] as number) % PLACES]) {
      sortRange(sorted, sameDeadlineFrom, rank);
      sameDeadlineFrom = rank;
    }
    sorted.push(group[place] as UrgencyKey);
  }
  sortRange(sorted, sameDeadlineFrom, count);
  return sorted;
}

function sortRange(keys: UrgencyKey[], from: number, to: number): void {
  if (to - from < 2) return;
  const range = keys.slice(from, to).sort(compareUrgencyKeys);
  for (let i = 0; i < range.length; i += 1) keys[from + i] = range[i] as UrgencyKey;
}

/** Per severity, most severe first: one group of findings with a deadline, then one per kind without. */
const GROUPS_PER_SEVERITY = 1 + FINDING_KINDS.length;
const URGENCY_GROUPS = (SEVERITY_RANK.breached + 1) * GROUPS_PER_SEVERITY;

function urgencyGroupOf(key: UrgencyKey): number {
  const severityGroup = (SEVERITY_RANK.breached - key.severityRank) * GROUPS_PER_SEVERITY;
  return severityGroup + (key.dueAt === undefined ? 1 + key.kindRank : 0);
}
