import { reassessOpenOrders } from '@/lib/ingest/reassess';
import { loadSettings } from '@/lib/settings/settings-item';
import { browser } from 'wxt/browser';
import { database } from './database';
import { requestNotifierRun } from './notifier';
import { refreshToolbarCount } from './toolbar-count';

export const REASSESS_ALARM = 'reassess';
const EVERY_MINUTES = 5;

/** Clocks move on without new data: stored severities, the at-risk list, the toolbar count and the notifications follow. */
export async function armReassessAlarm(): Promise<void> {
  if ((await browser.alarms.get(REASSESS_ALARM)) === undefined) {
    await browser.alarms.create(REASSESS_ALARM, { delayInMinutes: 1, periodInMinutes: EVERY_MINUTES });
  }
}

export async function runReassess(): Promise<void> {
  const db = await database();
  const { policy } = await loadSettings();
  const result = await reassessOpenOrders(db, null, Date.now(), policy);
  if (result.error !== undefined) console.warn('[order-sentinel] re-evaluation failed:', result.error);
  await refreshToolbarCount(db);
  await requestNotifierRun();
}
