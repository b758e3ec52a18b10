// The notification log: what the extension showed the merchant, and when. The notify planner (a later
// issue) writes through here; the timeline and the dedupe of repeated notifications read it.
import type { StoredNotification } from './records';
import type { SentinelDb } from './schema';

/** Records a sent notification; recording the same one (same shop, key and time) twice keeps one. */
export async function logNotification(db: SentinelDb, notification: StoredNotification): Promise<void> {
  await db.notifications.put(notification);
}

/** The latest notification with this dedupe key, if any (for cooldowns). */
export async function lastNotification(db: SentinelDb, shopId: string, key: string): Promise<StoredNotification | undefined> {
  return db.notifications
    .where(':id')
    .between([shopId, key, -Infinity], [shopId, key, Infinity], true, true)
    .last();
}
