import { logFailure } from '@/lib/errors/error-message';
import { onMessage } from '@/lib/messages/protocol';
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleCapture } from './capture-handler';
import { NOTIFY_ALARM, openLoggedNotification, requestNotifierRun, watchNotificationClicks, watchNotifierInputs } from './notifier';
import { forgetTab, recordPageHealth } from './page-health';
import { armPollAlarm, POLL_ALARM, POLL_SOON_ALARM, runPoll, watchTrackingChanges } from './poller';
import { armReassessAlarm, REASSESS_ALARM, runReassess, watchPolicyChanges } from './reassess-alarm';
import { armRetentionAlarm, RETENTION_ALARM, runRetention } from './retention-alarm';
import { showTestNotification } from './test-notification';
import { testTrackingConnection } from './tracking-connection';
import { database } from './database';
import { refreshToolbarCount } from './toolbar-count';

// The worker can stop between any two events: every handler reads what it needs from storage,
// persists before it answers, and the alarms are re-armed on every start.
export default defineBackground(() => {
  onMessage('capture', ({ data, sender }) => {
    refuseOtherSenders(sender);
    return handleCapture(data, Date.now(), sender.tab?.id ?? null);
  });
  onMessage('pageHealth', ({ data, sender }) => {
    refuseOtherSenders(sender);
    return recordPageHealth(sender.tab?.id ?? null, data);
  });
  onMessage('testTrackingConnection', ({ data, sender }) => {
    refuseOtherSenders(sender);
    return testTrackingConnection(data.provider, Date.now());
  });
  onMessage('openNotification', ({ data, sender }) => {
    refuseOtherSenders(sender);
    return openLoggedNotification(data.shopId, data.key);
  });
  onMessage('storedRecordsChanged', async ({ sender }) => {
    refuseOtherSenders(sender);
    await refreshToolbarCount(await database());
  });
  onMessage('sendTestNotification', ({ sender }) => {
    refuseOtherSenders(sender);
    return showTestNotification(Date.now());
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) runRetention().catch(logFailure('retention'));
    else if (alarm.name === REASSESS_ALARM) runReassess().catch(logFailure('re-evaluation'));
    else if (alarm.name === POLL_ALARM || alarm.name === POLL_SOON_ALARM) runPoll().catch(logFailure('the tracking poll'));
    else if (alarm.name === NOTIFY_ALARM) requestNotifierRun().catch(logFailure('the notifier'));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId).catch(logFailure('forgetting a closed tab'));
  });
  armRetentionAlarm().catch(logFailure('arming the retention alarm'));
  armReassessAlarm().catch(logFailure('arming the re-evaluation alarm'));
  armPollAlarm().catch(logFailure('arming the tracking poll'));
  watchTrackingChanges();
  watchPolicyChanges();
  watchNotificationClicks();
  watchNotifierInputs();
  // Re-arms the notify alarm and catches up on whatever fell due while no worker ran.
  requestNotifierRun().catch(logFailure('the notifier'));
  refreshToolbarOnStart().catch(logFailure('the toolbar count'));
});

async function refreshToolbarOnStart(): Promise<void> {
  await refreshToolbarCount(await database());
}

/** Only this extension's own scripts and pages may ask anything of the worker; others get an error. */
function refuseOtherSenders(sender: Browser.runtime.MessageSender): void {
  if (sender.id !== browser.runtime.id) throw new Error('refused: the message is not from this extension');
}
