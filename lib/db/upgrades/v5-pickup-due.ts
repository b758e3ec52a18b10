// Version 4 → 5. Frozen with the version: version 5 copies the due time of an order's open pickup_by finding
// to `pickupDueAt` (null when none is open), which the new orders index reads nearest deadline first, and adds
// the waybills' [status+nextCheckAt] index, which IndexedDB builds from the rows as they are.
import type { Transaction } from 'dexie';

interface V4Order {
  findings: Array<{ kind: string; dueAt: number | null; closedAt: number | null }>;
  pickupDueAt?: number | null;
}

export async function pickupDueOnOrders(tx: Transaction): Promise<void> {
  await tx
    .table('orders')
    .toCollection()
    .modify((row: V4Order) => {
      row.pickupDueAt = row.findings.find((record) => record.kind === 'pickup_by' && record.closedAt === null)?.dueAt ?? null;
    });
}
