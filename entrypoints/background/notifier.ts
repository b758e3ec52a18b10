// The background side of the notifications: each run reads the open findings the planner looks at, the
// settings, the log and the mutes, asks lib/notifications/planner.ts what to show, logs all of it, then
// shows it, and arms one alarm at the planner's next due time. A run is requested whenever findings change
// (a capture, a poll cycle, the re-evaluation alarm), on every worker start and by that alarm; clicks go
// to lib/notifications/open-from-notification.ts with the real browser APIs.
import { browserConsoleTabs } from '@/lib/console-tabs';
import { lastNotification } from '@/lib/db/notification-log';
import { readNotifierLastRun, readSentLog, recordNotifierRun } from '@/lib/db/notification-log';
import { readPlanFindings } from '@/lib/db/plan-findings';
import { logFailure } from '@/lib/errors/error-message';
import { resolveLanguage } from '@/lib/i18n/messages';
import { loadMutes, snoozeStoredOrders } from '@/lib/notifications/mutes-item';
import {
  logRowsOf,
  notificationIdOf,
  notificationOptionsOf,
  notificationSettingsOf,
  browserLanguage,
  PLANNED_KINDS,
  sentEntriesOf,
} from '@/lib/notifications/notifier-inputs';
import { onNotificationButton, openOrderFromNotification, type NotificationClickDeps } from '@/lib/notifications/open-from-notification';
import { planNotifications } from '@/lib/notifications/planner';
import type { Plan } from '@/lib/notifications/types';
import { loadSettings } from '@/lib/settings/settings-item';
import { browser, type Browser } from 'wxt/browser';
import { database } from './database';

export const NOTIFY_ALARM = 'notify';
/** Chrome's shortest alarm delay. */
const MIN_DELAY_MS = 30_000;
/** Log rows naming no open order (digests, summaries) are read back this far: their keys name a minute or a day. */
const SENT_WINDOW_MS = 3 * 24 * 3_600_000;
/** storage.local keys of the settings and of the mutes (lib/notifications/mutes-item.ts). */
const SETTINGS_KEY = 'settings';
const MUTES_KEY = 'notificationMutes';

let running: Promise<void> | null = null;
let again = false;

/**
 * Runs the notifier now, or once more right after the run in progress (several requests share it), so a
 * change that arrives during a run is never missed and two runs never plan at once.
 */
export function requestNotifierRun(): Promise<void> {
  if (running !== null) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await notifyOnce();
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

async function notifyOnce(): Promise<void> {
  const db = await database();
  const { settings } = await loadSettings();
  const notificationSettings = notificationSettingsOf(settings);
  const now = Date.now();
  const [open, mutes, lastRunAt] = await Promise.all([readPlanFindings(db, PLANNED_KINDS), loadMutes(), readNotifierLastRun(db)]);
  const sent = sentEntriesOf(await readSentLog(db, open.orders, now - SENT_WINDOW_MS));
  const lang = resolveLanguage(settings.language, browserLanguage());
  const plan = planNotifications({
    now,
    findings: open.findings,
    settings: notificationSettings,
    sent,
    mutes,
    lastRunAt,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    shopNames: open.shopNames,
    lang,
  });
  // The log first: a worker stopped between the two never shows a notification it did not record.
  await recordNotifierRun(db, plan.show.flatMap((planned) => logRowsOf(planned, now)), now);
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  for (const planned of plan.show) {
    const options = notificationOptionsOf(planned, notificationSettings, lang, iconUrl, !import.meta.env.FIREFOX);
    await browser.notifications
      .create(notificationIdOf(planned.shopId, planned.key), options as Browser.notifications.NotificationCreateOptions)
      .catch(logFailure('showing a notification'));
  }
  await armNotifyAlarm(plan, now);
}

/** One alarm at the next due time (at least 30 s ahead); none when nothing is due. Re-creating it replaces it. */
async function armNotifyAlarm(plan: Plan, now: number): Promise<void> {
  if (plan.nextDueAt === null) {
    await browser.alarms.clear(NOTIFY_ALARM);
    return;
  }
  await browser.alarms.create(NOTIFY_ALARM, { when: Math.max(plan.nextDueAt, now + MIN_DELAY_MS) });
}

/**
 * The settings are read on every run; a change of the notification settings (another lead time, quiet
 * hours) or of the mutes may move the next due time, so it runs at once rather than at the old alarm.
 */
export function watchNotifierInputs(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (!(MUTES_KEY in changes) && !notificationSettingsChanged(changes[SETTINGS_KEY])) return;
    requestNotifierRun().catch(logFailure('the notifier'));
  });
}

function notificationSettingsChanged(change: Browser.storage.StorageChange | undefined): boolean {
  if (change === undefined) return false;
  const part = (value: unknown) => JSON.stringify((value as { notifications?: unknown } | undefined)?.notifications ?? null);
  return part(change.oldValue) !== part(change.newValue);
}

/** The click handlers with the browser's own APIs. */
export function watchNotificationClicks(): void {
  browser.notifications.onClicked.addListener((id) => {
    openOrderFromNotification(clickDeps, id).catch(logFailure('opening the order of a notification'));
  });
  browser.notifications.onButtonClicked?.addListener((id, buttonIndex) => {
    onNotificationButton(clickDeps, id, buttonIndex)
      .then((outcome) => (outcome.action === 'snoozed' ? requestNotifierRun() : undefined))
      .catch(logFailure('a notification button'));
  });
}

/** A row of the popup's recent notifications, clicked: what a click on that notification opens (its log row names the orders). */
export async function openLoggedNotification(shopId: string, key: string): Promise<void> {
  await openOrderFromNotification(clickDeps, notificationIdOf(shopId, key));
}

const clickDeps: NotificationClickDeps = {
  ...browserConsoleTabs,
  async loggedOrders(shopId, key) {
    return (await lastNotification(await database(), shopId, key))?.orderSns;
  },
  async clearNotification(id) {
    await browser.notifications.clear(id);
  },
  async snooze(shopId, orderSns, until) {
    await snoozeStoredOrders(shopId, orderSns, until, Date.now());
  },
  now: () => Date.now(),
};
