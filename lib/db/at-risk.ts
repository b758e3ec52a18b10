// Orders with an open finding at warn or worse, most urgent first (the at-risk CSV), and their counts (the
// toolbar icon, the dashboard; the popup's own reads in ./popup-rows.ts walk the same ranges). Served by the
// [shopId+riskRank+nextDueAt] index (or [riskRank+nextDueAt] across shops): a few index ranges, never a scan.
import { openKindTag, type StoredOrder } from './records';
import type { SentinelDb } from './schema';
import { SEVERITY_RANK, type Severity } from '../findings/severity';

const LOWEST_DUE = -Infinity;
const UNBOUNDED = 2 ** 31;
const HIGHEST_DUE = Infinity;

function ranksFrom(minSeverity: Severity): number[] {
  const top = Math.max(...Object.values(SEVERITY_RANK));
  const ranks: number[] = [];
  for (let rank = top; rank >= SEVERITY_RANK[minSeverity]; rank--) ranks.push(rank);
  return ranks;
}

/** The orders whose worst open finding ranks from `lowRank` to `highRank`, in due order within a rank; `shopId` null: every shop. */
export function rankRange(db: SentinelDb, shopId: string | null, lowRank: number, highRank: number) {
  return shopId === null
    ? db.orders.where('[riskRank+nextDueAt]').between([lowRank, LOWEST_DUE], [highRank, HIGHEST_DUE], true, true)
    : db.orders
        .where('[shopId+riskRank+nextDueAt]')
        .between([shopId, lowRank, LOWEST_DUE], [shopId, highRank, HIGHEST_DUE], true, true);
}

/**
 * Worst severity first, then the earliest due time (orders whose findings have no due time, such as
 * anomalies, after the clocks of the same severity). `shopId` null lists every shop; `limit` may be Infinity.
 */
export async function queryAtRisk(
  db: SentinelDb,
  shopId: string | null,
  limit: number,
  minSeverity: Severity = 'warn',
): Promise<StoredOrder[]> {
  return db.transaction('r', db.orders, async () => {
    const result: StoredOrder[] = [];
    // One index range per severity, walked in due order; a single descending walk would also reverse the
    // due order within a severity.
    for (const rank of ranksFrom(minSeverity)) {
      const remaining = limit - result.length;
      if (remaining <= 0) break;
      const range = rankRange(db, shopId, rank, rank);
      // IndexedDB counts are 32-bit: an unbounded export asks without a limit.
      result.push(...(await (remaining >= UNBOUNDED ? range : range.limit(remaining)).toArray()));
    }
    return result;
  });
}

/** How many orders have an open finding at `minSeverity` or worse (the toolbar count): an index count. */
export async function countAtRisk(db: SentinelDb, shopId: string | null, minSeverity: Severity = 'warn'): Promise<number> {
  const ranks = ranksFrom(minSeverity);
  return rankRange(db, shopId, Math.min(...ranks), Math.max(...ranks)).count();
}

/**
 * Orders whose pickup clock runs unverified (no trace of the parcel read yet), across shops: the popup sums
 * them up in one line instead of listing each. Read through the open-kind index, then judged on the basis.
 */
export async function countUnverifiedPickups(db: SentinelDb): Promise<number> {
  return db.transaction('r', [db.shops, db.orders], async () => {
    const shops = await db.shops.toCollection().primaryKeys();
    let count = 0;
    await db.orders
      .where('openKindTags')
      .anyOf(shops.map((shopId) => openKindTag(shopId, 'pickup_by')))
      .each((order) => {
        const pickup = order.findings.find((record) => record.kind === 'pickup_by' && record.closedAt === null);
        if (pickup?.kind === 'pickup_by' && !pickup.basis.verified) count += 1;
      });
    return count;
  });
}
