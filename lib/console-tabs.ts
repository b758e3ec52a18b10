// The browser's tabs as the extension shows console pages in them: the notifications' clicks and the popup's
// order links both go through showOnConsole (lib/notifications/open-from-notification.ts) with these.
import { browser } from 'wxt/browser';
import type { ConsoleTabDeps } from './notifications/open-from-notification';

/** Console tabs match this pattern; the host permission the extension holds lets it read their addresses. */
export const CONSOLE_TABS = 'https://mms.pinduoduo.com/*';

export const browserConsoleTabs: ConsoleTabDeps = {
  async consoleTabs() {
    const tabs = await browser.tabs.query({ url: CONSOLE_TABS });
    return tabs.flatMap((tab) => (tab.id === undefined ? [] : [{ id: tab.id, windowId: tab.windowId, active: tab.active, lastAccessed: tab.lastAccessed }]));
  },
  async showInTab(tabId, url) {
    await browser.tabs.update(tabId, { url, active: true });
  },
  async focusWindow(windowId) {
    await browser.windows.update(windowId, { focused: true });
  },
  async openTab(url) {
    await browser.tabs.create({ url });
  },
};
