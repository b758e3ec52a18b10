import { recordDbError } from '@/lib/db/health';
import { pruneStoredMutes } from '@/lib/notifications/mutes-item';
import { pruneClosedOrders } from '@/lib/retention/prune';
import { loadSettings } from '@/lib/settings/settings-item';
import { browser } from 'wxt/browser';
import { database } from './database';
import { refreshToolbarCount } from './toolbar-count';

export const RETENTION_ALARM = 'retention';
const DAY_MINUTES = 24 * 60;
const BATCH_SIZE = 500;

/** Re-created on every worker start: alarms may not survive a browser restart. */
export async function armRetentionAlarm(): Promise<void> {
  const existing = await browser.alarms.get(RETENTION_ALARM);
  if (existing === undefined) {
    await browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 10, periodInMinutes: DAY_MINUTES });
  }
}

/**
 * Prunes orders closed longer than the retention period, one small transaction per batch, yielding
 * between batches so captures arriving meanwhile are not held up, then the mutes that no longer mute
 * anything, and the toolbar count is read again. If the worker dies half way, the next alarm simply carries on.
 */
export async function runRetention(): Promise<void> {
  const db = await database();
  const { settings } = await loadSettings();
  try {
    for (;;) {
      const { done } = await pruneClosedOrders(db, Date.now(), settings.retentionDays, BATCH_SIZE);
      if (done) break;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await pruneStoredMutes(db, Date.now());
  } catch (error) {
    await recordDbError(db, 'retention', error, Date.now());
  }
  // Also after a failure: the batches before it are gone.
  await refreshToolbarCount(db);
}
