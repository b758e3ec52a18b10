// What a click on one of the extension's notifications does, with the browser passed in (the notifier
// gives the real APIs, the tests fakes): the body or 查看订单 brings a console tab to the order's detail
// page (the order list, for a notification naming several orders) or opens one; 稍后提醒 snoozes its
// orders for an hour. The orders come from the notification log, so a click still works after the worker
// that showed the notification has stopped.
import { detailUrl, ORDER_LIST_URL } from '../console-urls';
import { parseNotificationId, SNOOZE_MS } from './notifier-inputs';

export interface ConsoleTab {
  id: number;
  windowId: number;
  active?: boolean;
  lastAccessed?: number;
}

/** The browser's tabs as a console page is shown in them (the popup's order links use the same). */
export interface ConsoleTabDeps {
  /** The open console tabs (mms.pinduoduo.com). */
  consoleTabs(): Promise<readonly ConsoleTab[]>;
  showInTab(tabId: number, url: string): Promise<void>;
  focusWindow(windowId: number): Promise<void>;
  openTab(url: string): Promise<void>;
}

export interface NotificationClickDeps extends ConsoleTabDeps {
  /** The orders the logged notification named; undefined when the log has no such notification. */
  loggedOrders(shopId: string, key: string): Promise<readonly string[] | undefined>;
  clearNotification(notificationId: string): Promise<void>;
  snooze(shopId: string, orderSns: readonly string[], until: number): Promise<void>;
  now(): number;
}

export type ClickOutcome =
  | { action: 'opened'; url: string; tabId: number | null }
  | { action: 'snoozed'; orderSns: readonly string[]; until: number }
  | { action: 'ignored'; reason: string };

/** The buttons every notification carries, in this order. */
export const NOTIFICATION_BUTTONS = ['view', 'snooze'] as const;

/** The page a notification opens: one order's detail page, else the order list. */
export function targetUrlOf(orderSns: readonly string[]): string {
  return orderSns.length === 1 ? detailUrl(orderSns[0]!) : ORDER_LIST_URL;
}

export async function openOrderFromNotification(deps: NotificationClickDeps, notificationId: string): Promise<ClickOutcome> {
  const id = parseNotificationId(notificationId);
  if (id === null) return { action: 'ignored', reason: 'not a notification of the planner' };
  const orderSns = (await deps.loggedOrders(id.shopId, id.key)) ?? [];
  const url = targetUrlOf(orderSns);
  const tabId = await showOnConsole(deps, url);
  await deps.clearNotification(notificationId);
  return { action: 'opened', url, tabId };
}

/** Shows a console page in the console tab the merchant uses (see preferredTab), or in a new tab; the tab used, null for a new one. */
export async function showOnConsole(deps: ConsoleTabDeps, url: string): Promise<number | null> {
  const tab = preferredTab(await deps.consoleTabs());
  if (tab === null) {
    await deps.openTab(url);
    return null;
  }
  await deps.showInTab(tab.id, url);
  await deps.focusWindow(tab.windowId);
  return tab.id;
}

export async function snoozeFromNotification(deps: NotificationClickDeps, notificationId: string): Promise<ClickOutcome> {
  const id = parseNotificationId(notificationId);
  if (id === null) return { action: 'ignored', reason: 'not a notification of the planner' };
  const orderSns = (await deps.loggedOrders(id.shopId, id.key)) ?? [];
  await deps.clearNotification(notificationId);
  if (orderSns.length === 0) return { action: 'ignored', reason: 'the notification names no order' };
  const until = deps.now() + SNOOZE_MS;
  await deps.snooze(id.shopId, orderSns, until);
  return { action: 'snoozed', orderSns, until };
}

export function onNotificationButton(deps: NotificationClickDeps, notificationId: string, buttonIndex: number): Promise<ClickOutcome> {
  const button = NOTIFICATION_BUTTONS[buttonIndex];
  if (button === 'view') return openOrderFromNotification(deps, notificationId);
  if (button === 'snooze') return snoozeFromNotification(deps, notificationId);
  return Promise.resolve({ action: 'ignored', reason: `no button ${buttonIndex}` });
}

/** The active console tab if there is one, else the one used last, else the first. */
function preferredTab(tabs: readonly ConsoleTab[]): ConsoleTab | null {
  if (tabs.length === 0) return null;
  const active = tabs.find((tab) => tab.active === true);
  if (active !== undefined) return active;
  return [...tabs].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]!;
}
