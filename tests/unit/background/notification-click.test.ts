import { describe, expect, test } from 'vitest';
import { detailUrl, ORDER_LIST_URL } from '../../../lib/console-urls';
import { EMPTY_MUTES, readMutes, snoozeOrders } from '../../../lib/notifications/mutes-item';
import { notificationIdOf, notificationOptionsOf, parseNotificationId, SNOOZE_MS } from '../../../lib/notifications/notifier-inputs';
import { onNotificationButton, openOrderFromNotification, type ConsoleTab, type NotificationClickDeps } from '../../../lib/notifications/open-from-notification';
import type { PlannedNotification } from '../../../lib/notifications/types';

// A notification click cannot be produced by browser automation (and the extension has no test-only path):
// the click and button logic takes its browser APIs as parameters, and these fakes stand in for them.

const SHOP = '445566';
const A = '261120-000000000000001';
const B = '261120-000000000000002';
const NOW = Date.parse('2026-11-20T10:00:00+08:00');

function fakeBrowser(tabs: ConsoleTab[], log: Record<string, string[]>) {
  const calls: string[] = [];
  const snoozed: { shopId: string; orderSns: readonly string[]; until: number }[] = [];
  const deps: NotificationClickDeps = {
    loggedOrders: (shopId, key) => Promise.resolve(log[`${shopId}|${key}`]),
    consoleTabs: () => Promise.resolve(tabs),
    showInTab: (tabId, url) => (calls.push(`show ${tabId} ${url}`), Promise.resolve()),
    focusWindow: (windowId) => (calls.push(`focus ${windowId}`), Promise.resolve()),
    openTab: (url) => (calls.push(`open ${url}`), Promise.resolve()),
    clearNotification: (id) => (calls.push(`clear ${id}`), Promise.resolve()),
    snooze: (shopId, orderSns, until) => (snoozed.push({ shopId, orderSns, until }), Promise.resolve()),
    now: () => NOW,
  };
  return { deps, calls, snoozed };
}

const leadId = notificationIdOf(SHOP, `lead:ship_by:1:${A}`);
const digestId = notificationIdOf(SHOP, 'digest:1:x');
const LOG = { [leadId]: [A], [digestId]: [A, B] };

describe('a click on a notification', () => {
  test("an open console tab (the active one) is brought to the order's detail page and its window focused", async () => {
    const { deps, calls } = fakeBrowser([{ id: 3, windowId: 1 }, { id: 5, windowId: 2, active: true }], LOG);
    expect(await openOrderFromNotification(deps, leadId)).toEqual({ action: 'opened', url: detailUrl(A), tabId: 5 });
    expect(calls).toEqual([`show 5 ${detailUrl(A)}`, 'focus 2', `clear ${leadId}`]);
  });

  test('without an active console tab the one used last is taken', async () => {
    const { deps } = fakeBrowser([{ id: 3, windowId: 1, lastAccessed: 10 }, { id: 4, windowId: 1, lastAccessed: 20 }], LOG);
    expect(await openOrderFromNotification(deps, leadId)).toMatchObject({ tabId: 4 });
  });

  test('a digest opens the order list', async () => {
    const { deps, calls } = fakeBrowser([{ id: 3, windowId: 1 }], LOG);
    expect(await openOrderFromNotification(deps, digestId)).toMatchObject({ url: ORDER_LIST_URL });
    expect(calls[0]).toBe(`show 3 ${ORDER_LIST_URL}`);
  });

  test('no console tab open: one is opened at the order', async () => {
    const { deps, calls } = fakeBrowser([], LOG);
    expect(await openOrderFromNotification(deps, leadId)).toEqual({ action: 'opened', url: detailUrl(A), tabId: null });
    expect(calls).toEqual([`open ${detailUrl(A)}`, `clear ${leadId}`]);
  });

  test('a notification the log does not know (another id) opens the list, or is ignored when it is not ours', async () => {
    const { deps } = fakeBrowser([], LOG);
    expect(await openOrderFromNotification(deps, notificationIdOf(SHOP, 'gone'))).toMatchObject({ url: ORDER_LIST_URL });
    expect(await openOrderFromNotification(deps, 'no-separator')).toMatchObject({ action: 'ignored' });
  });
});

describe('the buttons', () => {
  test('查看订单 opens like a click; 稍后提醒 snoozes every order of the notification for an hour', async () => {
    const { deps, calls, snoozed } = fakeBrowser([{ id: 3, windowId: 1 }], LOG);
    expect(await onNotificationButton(deps, leadId, 0)).toMatchObject({ action: 'opened', url: detailUrl(A) });
    expect(await onNotificationButton(deps, digestId, 1)).toEqual({ action: 'snoozed', orderSns: [A, B], until: NOW + SNOOZE_MS });
    expect(snoozed).toEqual([{ shopId: SHOP, orderSns: [A, B], until: NOW + SNOOZE_MS }]);
    expect(calls.at(-1)).toBe(`clear ${digestId}`);
    expect(await onNotificationButton(deps, leadId, 2)).toMatchObject({ action: 'ignored' });
  });
});

describe('mutes and notification options', () => {
  test('a snooze keeps the later end, and drops snoozes that are over', () => {
    const mutes = { ...EMPTY_MUTES, orders: { [`${SHOP}|old`]: NOW - 1, [`${SHOP}|${A}`]: NOW + 2 * SNOOZE_MS } };
    expect(snoozeOrders(mutes, SHOP, [A, B], NOW + SNOOZE_MS, NOW).orders).toEqual({ [`${SHOP}|${A}`]: NOW + 2 * SNOOZE_MS, [`${SHOP}|${B}`]: NOW + SNOOZE_MS });
  });

  test('stored mutes are read defensively', () => {
    expect(readMutes(undefined)).toEqual(EMPTY_MUTES);
    expect(readMutes({ orders: { a: 1, b: 'x' }, kinds: { ship_by: 5, nope: 6 }, handled: [] })).toEqual({ orders: { a: 1 }, kinds: { ship_by: 5 }, handled: {} });
  });

  test('ids carry the shop and the key; the options carry the buttons in Chrome and stay plain elsewhere', () => {
    expect(parseNotificationId(notificationIdOf(SHOP, 'lead:ship_by:1:x|y'))).toEqual({ shopId: SHOP, key: 'lead:ship_by:1:x|y' });
    const planned: PlannedNotification = { key: 'k', shopId: SHOP, covers: ['k'], orderSns: [A], kind: 'ship_by', severity: 'critical', title: '标题', body: '正文' };
    expect(notificationOptionsOf(planned, { sound: false }, 'zh', 'icon.png', true)).toEqual({
      type: 'basic',
      iconUrl: 'icon.png',
      title: '标题',
      message: '正文',
      buttons: [{ title: '查看订单' }, { title: '稍后提醒' }],
      requireInteraction: false,
      silent: true,
      priority: 2,
    });
    expect(notificationOptionsOf(planned, { sound: true }, 'en', 'icon.png', true)).toMatchObject({ buttons: [{ title: 'View order' }, { title: 'Remind me later' }], requireInteraction: true, silent: false });
    expect(notificationOptionsOf(planned, { sound: false }, 'zh', 'icon.png', false)).toEqual({ type: 'basic', iconUrl: 'icon.png', title: '标题', message: '正文' });
  });
});
