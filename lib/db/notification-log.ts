// The notification log: what the extension showed the merchant, and when. The background notifier writes
// every notification here before it is shown; the planner reads it back as its memory (nothing is ever
// shown twice, across worker and browser restarts), the timeline shows it, a click on a notification finds
// the orders it named here.
import type { StoredNotification } from './records';
import type { SentinelDb } from './schema';

/** `meta` key of the time the notifier last ran (the planner tells a slept computer by the gap). */
const LAST_RUN_KEY = 'notifierLastRunAt';

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

/**
 * What the planner needs of the log: every row of the given (open) orders, through the [shopId+orderSn]
 * index, and every row sent since `since` (digests and summaries, which name no single order), through
 * the sentAt index. Rows of closed orders and old summaries are never read.
 */
export async function readSentLog(
  db: SentinelDb,
  orders: readonly (readonly [shopId: string, orderSn: string])[],
  since: number,
): Promise<StoredNotification[]> {
  return db.transaction('r', db.notifications, async () => {
    const [ofOrders, recent] = await Promise.all([
      orders.length === 0 ? [] : db.notifications.where('[shopId+orderSn]').anyOf(orders.map(([shopId, orderSn]) => [shopId, orderSn])).toArray(),
      db.notifications.where('sentAt').aboveOrEqual(since).toArray(),
    ]);
    const rows = new Map<string, StoredNotification>();
    for (const row of [...ofOrders, ...recent]) rows.set(JSON.stringify([row.shopId, row.key, row.sentAt]), row);
    return [...rows.values()];
  });
}

/** When the notifier last ran, or null before its first run. */
export async function readNotifierLastRun(db: SentinelDb): Promise<number | null> {
  const value = (await db.meta.get(LAST_RUN_KEY))?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * One notifier run, in one transaction: the log rows of everything about to be shown and the run's time.
 * Called before any notification is created, so a worker stopped half way never shows one unlogged.
 */
export async function recordNotifierRun(db: SentinelDb, rows: readonly StoredNotification[], ranAt: number): Promise<void> {
  await db.transaction('rw', [db.notifications, db.meta], async () => {
    if (rows.length > 0) await db.notifications.bulkPut([...rows]);
    await db.meta.put({ key: LAST_RUN_KEY, value: ranAt });
  });
}
