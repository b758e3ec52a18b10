// Turning a fresh evaluation into finding records: open what newly holds, update what changed, close what
// no longer holds, keep what was closed before. Pure: the caller stores the list on the order (or product).
import { noDuePlace, RISK_NONE, openKindTag, type FindingRecord, type StoredChange } from '../db/records';
import { basisValues } from '../findings/define';
import type { Finding, FindingKind } from '../findings/registry';
import { SEVERITY_RANK } from '../findings/severity';

export interface Reconciliation {
  /** Open findings (in the order given, most urgent first), then the closed ones. */
  findings: FindingRecord[];
  /** False when nothing changed: `findings` then equals the previous list and needs no write. */
  changed: boolean;
  /** History lines for severity changes of findings that stay open. */
  changes: StoredChange[];
  opened: number;
  closed: number;
}

/**
 * Basis values that only restate the clock (a due time or last event minus `now`): they differ at every
 * evaluation without the finding having changed, and rewriting every open order on every capture for them
 * would cost a write per order. The stored value is the one from the finding's last real change; surfaces
 * compute the remaining time from `dueAt` and their own clock.
 */
const CLOCK_RESTATING_BASIS_KEYS: ReadonlySet<string> = new Set(['remainingHours', 'idleHours']);

/** Whether a stored record still says what the finding says (a basis is flat: one level of values). */
export function sameFinding(record: FindingRecord, finding: Finding): boolean {
  if (record.severity !== finding.severity || record.dueAt !== (finding.dueAt ?? null) || record.rule !== finding.rule) return false;
  const before = basisValues(record.basis);
  const after = basisValues(finding.basis);
  let count = 0;
  for (const key in after) {
    count += 1;
    if (before[key] !== after[key] && !CLOCK_RESTATING_BASIS_KEYS.has(key)) return false;
  }
  return Object.keys(before).length === count;
}

/**
 * `history`: where severity changes are recorded — the order's shop and number — or null for subjects
 * without a history (products).
 */
export function reconcileFindings(
  previous: readonly FindingRecord[],
  current: readonly Finding[],
  now: number,
  history: { shopId: string; orderSn: string } | null,
): Reconciliation {
  const openBefore = new Map<FindingKind, FindingRecord>();
  const closedBefore: FindingRecord[] = [];
  for (const record of previous) {
    if (record.closedAt === null) openBefore.set(record.kind, record);
    else closedBefore.push(record);
  }
  const result: Reconciliation = { findings: [], changed: false, changes: [], opened: 0, closed: 0 };
  const openNow: FindingRecord[] = [];
  const seen = new Set<FindingKind>();

  for (const finding of current) {
    // One record per kind: rules give a kind at most once per subject, and keeping the first of a repeat
    // keeps this deterministic.
    if (seen.has(finding.kind)) continue;
    seen.add(finding.kind);
    const before = openBefore.get(finding.kind);
    if (before !== undefined && sameFinding(before, finding)) {
      openNow.push(before);
      continue;
    }
    openNow.push(recordOf(finding, before?.openedAt ?? now, now));
    result.changed = true;
    if (before === undefined) result.opened += 1;
    else if (before.severity !== finding.severity && history !== null) {
      result.changes.push({
        shopId: history.shopId,
        orderSn: history.orderSn,
        at: now,
        field: `finding:${finding.kind}`,
        category: 'finding',
        from: before.severity,
        to: finding.severity,
        source: 'evaluation',
      });
    }
  }

  const closedNow: FindingRecord[] = [];
  for (const before of openBefore.values()) {
    if (seen.has(before.kind)) continue;
    closedNow.push({ ...before, closedAt: now, updatedAt: now });
    result.closed += 1;
    result.changed = true;
  }
  // All close at `now`, after every earlier closing: the closed history stays in compareClosed order.
  closedNow.sort(compareClosed);
  // Same open kinds in a different order (urgency moved) is a change too: the stored order is urgency order.
  if (!result.changed && !sameOrder(previous, openNow)) result.changed = true;
  result.findings = result.changed ? [...openNow, ...closedBefore, ...closedNow] : [...previous];
  return result;
}

/** Closed findings in the order they closed (then opened, then by kind): one order for ingest and import. */
export function compareClosed(a: FindingRecord, b: FindingRecord): number {
  return (a.closedAt ?? 0) - (b.closedAt ?? 0) || a.openedAt - b.openedAt || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

function sameOrder(previous: readonly FindingRecord[], openNow: readonly FindingRecord[]): boolean {
  const openPrevious = previous.filter((record) => record.closedAt === null);
  return openPrevious.length === openNow.length && openPrevious.every((record, index) => record === openNow[index]);
}

/** The order-row fields the at-risk index reads, from its open findings and (without a due time) its amount. */
export function riskOf(findings: readonly FindingRecord[], amountCents: number | null): { riskRank: number; nextDueAt: number } {
  const noDue = noDuePlace(amountCents);
  let riskRank = RISK_NONE;
  let nextDueAt = noDue;
  for (const record of findings) {
    if (record.closedAt !== null) continue;
    const rank = SEVERITY_RANK[record.severity];
    const due = record.dueAt ?? noDue;
    if (rank > riskRank) {
      riskRank = rank;
      nextDueAt = due;
    } else if (rank === riskRank && due < nextDueAt) {
      nextDueAt = due;
    }
  }
  return { riskRank, nextDueAt };
}

export function openKindTags(shopId: string, findings: readonly FindingRecord[]): string[] {
  return findings.filter((record) => record.closedAt === null).map((record) => openKindTag(shopId, record.kind));
}

/** `StoredOrder.pickupDueAt`: the due time of the open pickup_by finding, null when none is open. */
export function openPickupDueAt(findings: readonly FindingRecord[]): number | null {
  return findings.find((record) => record.kind === 'pickup_by' && record.closedAt === null)?.dueAt ?? null;
}

/** A new open record of a finding. */
function recordOf(finding: Finding, openedAt: number, now: number): FindingRecord {
  const { kind, severity, rule, basis } = finding;
  // kind, rule and basis come from one finding, so they belong to one kind (the compiler sees three unions).
  return { kind, severity, dueAt: finding.dueAt ?? null, rule, basis, openedAt, closedAt: null, updatedAt: now } as FindingRecord;
}

/** A stored record as the Finding the rules would give (explanations of stored state). */
export function findingOfRecord(record: FindingRecord, subject: { orderSn: string } | { goodsId: string }): Finding {
  const { kind, severity, rule, basis } = record;
  const finding = { ...subject, kind, severity, rule, basis } as Finding;
  if (record.dueAt !== null) finding.dueAt = record.dueAt;
  return finding;
}
