import { logFailure } from '@/lib/errors/error-message';
import { samePolicy } from '@/lib/findings/policy';
import { reassessOpenOrders } from '@/lib/ingest/reassess';
import { parseSettings } from '@/lib/settings/settings';
import { loadSettings, settingsItem } from '@/lib/settings/settings-item';
import { browser } from 'wxt/browser';
import { database } from './database';
import { requestNotifierRun } from './notifier';
import { pushOrderUpdates } from './push-views';
import { refreshToolbarCount } from './toolbar-count';

export const REASSESS_ALARM = 'reassess';
const EVERY_MINUTES = 5;
/** Views per ordersChanged message: a threshold change can touch every open order of a shop. */
const PUSH_BATCH = 500;

/** Clocks move on without new data: stored severities, the at-risk list, the toolbar count and the notifications follow. */
export async function armReassessAlarm(): Promise<void> {
  if ((await browser.alarms.get(REASSESS_ALARM)) === undefined) {
    await browser.alarms.create(REASSESS_ALARM, { delayInMinutes: 1, periodInMinutes: EVERY_MINUTES });
  }
}

/**
 * Re-evaluates every order with an open finding under the saved policy; the orders whose findings changed are
 * redrawn on the open console tabs (a finding that opened as time passed, or a threshold the merchant changed).
 */
export async function runReassess(): Promise<void> {
  const db = await database();
  const { policy } = await loadSettings();
  const result = await reassessOpenOrders(db, null, Date.now(), policy);
  if (result.error !== undefined) console.warn('[order-sentinel] re-evaluation failed:', result.error);
  for (const [shopId, orderSns] of result.changedOrders) {
    for (let start = 0; start < orderSns.length; start += PUSH_BATCH) {
      await pushOrderUpdates(shopId, orderSns.slice(start, start + PUSH_BATCH)).catch(logFailure('updating the console tabs'));
    }
  }
  await refreshToolbarCount(db);
  await requestNotifierRun();
}

/**
 * A saved threshold applies at once, without a reload of the console: the stored findings are re-evaluated
 * under it and the changed ones pushed to the open tabs. The resolved policies before and after are compared,
 * so a save of another section (or of the same values) runs nothing. A worker that stops halfway leaves the
 * rest to the alarm, which re-evaluates under whatever policy is saved.
 */
export function watchPolicyChanges(): () => void {
  return settingsItem.watch((next, previous) => {
    if (samePolicy(parseSettings(next).policy, parseSettings(previous).policy)) return;
    runReassess().catch(logFailure('re-evaluation under the new thresholds'));
  });
}
