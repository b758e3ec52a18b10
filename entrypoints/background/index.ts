import { isBackgroundRequest, type BackgroundRequest } from '@/lib/messages/protocol';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleCapture } from './capture-handler';
import { forgetTab, recordPageHealth } from './page-health';
import { armReassessAlarm, REASSESS_ALARM, runReassess } from './reassess-alarm';
import { armRetentionAlarm, RETENTION_ALARM, runRetention } from './retention-alarm';

// The worker can stop between any two events: every handler reads what it needs from storage,
// persists before it answers, and the alarms are re-armed on every start.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || !isBackgroundRequest(message)) return false;
    handle(message, sender.tab?.id ?? null).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void runRetention();
    else if (alarm.name === REASSESS_ALARM) void runReassess();
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  void armRetentionAlarm();
  void armReassessAlarm();
});

function handle(request: BackgroundRequest, tabId: number | null): Promise<unknown> {
  switch (request.type) {
    case 'capture':
      return handleCapture(request.capture);
    case 'page-health':
      return recordPageHealth(tabId, request);
  }
}
