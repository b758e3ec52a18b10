// Version 3 → 4. Frozen with the version: version 3 wrote 8_640_000_000_000_000 as the nextDueAt of every
// order without a due time; version 4 places such an order by its amount (lib/db/records.ts, noDuePlace).
// Orders version 3 stored before it read phone tails get the null it writes now for "none read".
import type { Transaction } from 'dexie';

const V3_NO_DUE = 8_640_000_000_000_000;
const V4_AMOUNT_PLACES = 1_000_000_000_000;

interface V3Order {
  nextDueAt: number;
  facts: { orderAmountCents: number | null; phoneTail?: string | null };
}

export async function noDueByAmount(tx: Transaction): Promise<void> {
  await tx
    .table('orders')
    .toCollection()
    .modify((row: V3Order) => {
      const placed = row.nextDueAt === V3_NO_DUE;
      const tailless = row.facts.phoneTail === undefined;
      // false: nothing to write for this row (most rows have a due time and a phone tail field).
      if (!placed && !tailless) return false;
      if (placed) row.nextDueAt = V3_NO_DUE - Math.min(Math.max(Math.round(row.facts.orderAmountCents ?? 0), 0), V4_AMOUNT_PLACES);
      if (tailless) row.facts.phoneTail = null;
    });
}
