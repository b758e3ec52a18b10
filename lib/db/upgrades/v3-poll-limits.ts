// Version 2 → 3. Frozen with the version: it reads version 2's waybills as version 2 wrote them.
import type { Transaction } from 'dexie';

/**
 * Version 2 had no poller, so no query of the extension's own was ever sent: no send times to carry over,
 * nothing known to be missing, no provider asked. (Its `attempts` counted replies ingested from elsewhere.)
 */
export async function pollLimitsOnWaybills(tx: Transaction): Promise<void> {
  await tx
    .table('waybills')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      row.queryTimes = [];
      row.needsInput = null;
      row.lastProvider = null;
    });
}
