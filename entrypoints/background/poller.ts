// The background side of the poller: one periodic alarm (re-armed on every worker start) and a one-shot
// alarm after a capture queues new parcels; each runs a cycle of lib/polling/cycle.ts with the client of
// the chosen service and `fetch` as its transport. The due queue and every limit live in the database, so
// a stopped worker loses nothing.
import { logFailure } from '@/lib/errors/error-message';
import { requeueWaitingWaybills, runPollCycle } from '@/lib/polling/cycle';
import { QUERY_PROVIDERS, recordProviderUsable, resumeProvider, type ProviderUnusable } from '@/lib/polling/poller-state';
import { PROVIDER_ORIGINS } from '@/lib/settings/provider-origins';
import { loadSettings } from '@/lib/settings/settings-item';
import { loadTrackingCredentials } from '@/lib/settings/tracking-credentials';
import { trackingClientFor } from '@/lib/tracking/connection-check';
import { demoClient } from '@/lib/tracking/demo-client';
import type { TrackingClient, TrackingService } from '@/lib/tracking/provider';
import { browser, type Browser } from 'wxt/browser';
import { database } from './database';
import { fetchTransport } from './fetch-transport';
import { requestNotifierRun } from './notifier';
import { pushOrderUpdates } from './push-views';
import { refreshToolbarCount } from './toolbar-count';

export const POLL_ALARM = 'poll';
export const POLL_SOON_ALARM = 'poll-soon';
/** Every minute: the queue decides what is due; an idle cycle reads two index ranges and sends nothing. */
const EVERY_MINUTES = 1;
/** Chrome's shortest alarm delay (30 s since Chrome 120): a new parcel is asked about within the next minute. */
const SOON_MINUTES = 0.5;
/**
 * Queries per cycle at most: the daily budget, not this, limits spending; this keeps one cycle short. A full
 * cycle asks for another one soon, so a capture that brings many new parcels still has each asked within minutes.
 */
const MAX_QUERIES_PER_CYCLE = 50;
/** storage.local keys whose change can end a wait: the settings (查询服务, sender tail) and the credentials. */
const SETTINGS_KEY = 'settings';
const CREDENTIALS_KEY = 'trackingCredentials';

export async function armPollAlarm(): Promise<void> {
  if ((await browser.alarms.get(POLL_ALARM)) === undefined) {
    await browser.alarms.create(POLL_ALARM, { delayInMinutes: EVERY_MINUTES, periodInMinutes: EVERY_MINUTES });
  }
}

/** After a capture that queued parcels: a cycle in under a minute (once; several requests share it). */
export async function requestPollSoon(): Promise<void> {
  if ((await browser.alarms.get(POLL_SOON_ALARM)) === undefined) {
    await browser.alarms.create(POLL_SOON_ALARM, { delayInMinutes: SOON_MINUTES });
  }
}

let running: Promise<void> | null = null;

/** One cycle at a time in this worker (the periodic and the one-shot alarm may fire together). */
export function runPoll(): Promise<void> {
  running ??= pollOnce().finally(() => {
    running = null;
  });
  return running;
}

async function pollOnce(): Promise<void> {
  const db = await database();
  const { settings, policy } = await loadSettings();
  const tracking = settings.tracking;
  const { client, unusable } = await clientFromSettings(tracking.service);
  // The popup says why nothing is asked (the options page checks for itself); a fix lifts it on the next cycle.
  if (tracking.service !== 'console_only') await recordProviderUsable(db, tracking.service, unusable, Date.now());
  const report = await runPollCycle(db, {
    now: () => Date.now(),
    random: () => Math.random(),
    client,
    transport: fetchTransport,
    settings: tracking,
    policy,
    maxThisCycle: MAX_QUERIES_PER_CYCLE,
  });
  if (report.storeErrors.length > 0) console.warn('[order-sentinel] poll: readings not stored:', report.storeErrors);
  if (report.readingProblems.length > 0) {
    console.warn(`[order-sentinel] poll: ${report.readingProblems.length} part(s) of the readings unread`, report.readingProblems);
  }
  if (report.ended === 'done' && report.queried >= MAX_QUERIES_PER_CYCLE) await requestPollSoon();
  if (report.changedOrders.size === 0) return;
  await pushChangedOrders(report.changedOrders);
  await refreshToolbarCount(db);
  await requestNotifierRun();
}

/**
 * The client of the chosen service, or null when it cannot be used: 仅读取后台物流, or (with the reason) no
 * account saved or the provider's host permission withdrawn (a fetch would only fail).
 */
async function clientFromSettings(service: TrackingService): Promise<{ client: TrackingClient | null; unusable: ProviderUnusable | null }> {
  if (service === 'console_only') return { client: null, unusable: null };
  if (service === 'demo') return { client: demoClient(), unusable: null };
  const credentials = (await loadTrackingCredentials())[service];
  if (credentials === undefined) return { client: null, unusable: 'no_account' };
  if (!(await browser.permissions.contains({ origins: [PROVIDER_ORIGINS[service]] }))) return { client: null, unusable: 'no_permission' };
  return { client: trackingClientFor(service, credentials), unusable: null };
}

async function pushChangedOrders(changed: ReadonlyMap<string, ReadonlySet<string>>): Promise<void> {
  for (const [shopId, orderSns] of changed) await pushOrderUpdates(shopId, [...orderSns]);
}

/**
 * A change of the tracking settings or of the credentials may end a wait: an account stop (new key), a
 * missing phone tail (the sender tail set), an unknown courier (another service). Every stop is lifted,
 * every waiting waybill looked at once more, and a cycle runs soon; what still fails stops again.
 */
export function watchTrackingChanges(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !trackingChanged(changes)) return;
    resumeAfterSettingsChange().catch(logFailure('resuming the poller after a settings change'));
  });
}

function trackingChanged(changes: Record<string, Browser.storage.StorageChange>): boolean {
  if (CREDENTIALS_KEY in changes) return true;
  const settings = changes[SETTINGS_KEY];
  if (settings === undefined) return false;
  // Only the tracking part: switching a badge off must not lift an account stop.
  const trackingOf = (value: unknown) => JSON.stringify((value as { tracking?: unknown } | undefined)?.tracking ?? null);
  return trackingOf(settings.oldValue) !== trackingOf(settings.newValue);
}

async function resumeAfterSettingsChange(): Promise<void> {
  const db = await database();
  const now = Date.now();
  for (const provider of QUERY_PROVIDERS) await resumeProvider(db, provider, now);
  await requeueWaitingWaybills(db, now);
  await requestPollSoon();
}
