// The background side of the poller: one periodic alarm (re-armed on every worker start) and a one-shot
// alarm after a capture queues new parcels; each runs a cycle of lib/polling/cycle.ts with the client of
// the chosen service and `fetch` as its transport. The due queue and every limit live in the database, so
// a stopped worker loses nothing.
import { logFailure } from '@/lib/errors/error-message';
import { requeueWaitingWaybills, runPollCycle, type TrackingSettingsForPoll } from '@/lib/polling/cycle';
import { QUERY_PROVIDERS, resumeProvider } from '@/lib/polling/poller-state';
import type { Settings } from '@/lib/settings/settings';
import { loadSettings } from '@/lib/settings/settings-item';
import type { TrackingClient, TrackingService, Transport } from '@/lib/tracking/provider';
import { browser, type Browser } from 'wxt/browser';
import { database } from './database';
import { refreshToolbarCount } from './toolbar-count';

export const POLL_ALARM = 'poll';
export const POLL_SOON_ALARM = 'poll-soon';
/** Every minute: the queue decides what is due; an idle cycle reads two index ranges and sends nothing. */
const EVERY_MINUTES = 1;
/** Chrome's shortest alarm delay (30 s since Chrome 120): a new parcel is asked about within the next minute. */
const SOON_MINUTES = 0.5;
/** Queries per cycle at most: the daily budget, not this, is what limits spending; this keeps one cycle short. */
const MAX_QUERIES_PER_CYCLE = 20;
const REQUEST_TIMEOUT_MS = 15_000;
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

/** Requests leave with no cookies and a deadline; the client built the URL, headers (form content type) and body. */
export const fetchTransport: Transport = async (request) => {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    credentials: 'omit',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: response.status, text: await response.text() };
};

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
  const tracking = trackingSettingsOf(settings);
  const client = await clientFromSettings(tracking.service);
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
  if (report.changedOrders.size === 0) return;
  await pushChangedOrders(report.changedOrders);
  await refreshToolbarCount(db);
}

/**
 * TODO(lead): section F adds `tracking` to Settings; once merged, read `settings.tracking` directly and
 * drop this cast. Until then the service is 仅读取后台物流 and the poller asks nobody.
 */
function trackingSettingsOf(settings: Settings): TrackingSettingsForPoll {
  const tracking = (settings as Settings & { tracking?: TrackingSettingsForPoll }).tracking;
  return tracking ?? { service: 'console_only', senderPhoneTail: null, dailyBudget: 500 };
}

/**
 * The client of the chosen service, or null when it cannot be used (仅读取后台物流, or no credentials saved).
 * TODO(lead): when sections A, F and H are merged, build it here:
 *   const credentials = await loadTrackingCredentials();            // lib/settings/tracking-credentials.ts (F)
 *   if (service === 'kuaidi100') return credentials.kuaidi100 ? kuaidi100Client(credentials.kuaidi100) : null;  // A
 *   if (service === 'kdniao') return credentials.kdniao ? kdniaoClient(credentials.kdniao) : null;              // A
 *   if (service === 'demo') return demoClient();                     // lib/tracking/demo-client.ts (H)
 *   return null;
 */
function clientFromSettings(_service: TrackingService): Promise<TrackingClient | null> {
  return Promise.resolve(null);
}

/**
 * TODO(lead): section E writes `pushOrderUpdates(shopId, orderSns)` in ./push-views.ts; call it here for
 * each shop: `for (const [shopId, orderSns] of changed) await pushOrderUpdates(shopId, [...orderSns]);`
 */
function pushChangedOrders(_changed: ReadonlyMap<string, ReadonlySet<string>>): Promise<void> {
  return Promise.resolve();
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
