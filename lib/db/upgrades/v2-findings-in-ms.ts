// Version 1 → 2. Frozen with the version: it reads version 1's records as version 1 wrote them, so it
// never follows later changes to the finding modules.
import type { Transaction } from 'dexie';

/** Version 1 wrote every instant of a basis as `Date#toISOString` text; no other basis text has this form. */
const V1_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Version 2's duplicate_tracking names at most this many other orders (lowest first), and no counts. */
const LISTED_OTHER_ORDERS = 5;

interface V1Finding {
  kind: string;
  basis: Record<string, unknown>;
}

export function upgradeBasis(finding: V1Finding): V1Finding {
  const basis: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(finding.basis)) {
    basis[key] = typeof value === 'string' && V1_INSTANT.test(value) ? Date.parse(value) : value;
  }
  if (finding.kind === 'duplicate_tracking' && typeof basis.otherOrderSns === 'string') {
    const others = basis.otherOrderSns.split(',').sort();
    basis.otherOrderSns = others.slice(0, LISTED_OTHER_ORDERS).join(',');
    basis.moreOrders = others.length > LISTED_OTHER_ORDERS;
    delete basis.orderCount;
    delete basis.receiverCount;
  }
  return { ...finding, basis };
}

/**
 * Version 1 kept the provider's courier only when it differed from the one expected for the first order
 * with the number; version 2 keeps what the provider reported and compares it per order. The mismatching
 * code carries over; a matching one was not kept, so it stays unknown until the next reading.
 */
export function upgradeTrackingFacts(facts: Record<string, unknown>): Record<string, unknown> {
  const { identifiedCourier, ...rest } = facts;
  return { ...rest, reportedCourier: typeof identifiedCourier === 'string' ? identifiedCourier : null };
}

export async function findingsInMilliseconds(tx: Transaction): Promise<void> {
  for (const table of ['orders', 'products']) {
    await tx
      .table(table)
      .toCollection()
      .modify((row: { findings: V1Finding[] }) => {
        row.findings = row.findings.map(upgradeBasis);
      });
  }
  await tx
    .table('waybills')
    .toCollection()
    .modify((row: { facts: Record<string, unknown> | null }) => {
      if (row.facts !== null) row.facts = upgradeTrackingFacts(row.facts);
    });
}
