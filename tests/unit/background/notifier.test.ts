import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { database } from '../../../entrypoints/background/database';
import { NOTIFY_ALARM, requestNotifierRun } from '../../../entrypoints/background/notifier';
import { runRetention } from '../../../entrypoints/background/retention-alarm';
import { BREACHED_COLOUR, CRITICAL_COLOUR, refreshToolbarCount } from '../../../entrypoints/background/toolbar-count';
import type { Capture } from '../../../lib/capture/capture';
import { detailUrl } from '../../../lib/console-urls';
import type { StoredNotification } from '../../../lib/db/records';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { removeAllListeners, sendMessage } from '../../../lib/messages/protocol';
import { loadMutes } from '../../../lib/notifications/mutes-item';
import { parseNotificationId } from '../../../lib/notifications/notifier-inputs';

// The background notifier with the fake browser and the real planner: what it shows, what it logs first,
// the one alarm it arms, and that a restarted worker shows nothing twice. The database lives as long as
// this file's worker, so every test uses a shop of its own.

const HOUR = 3_600_000;
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function deliverFromExtension(): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown, sendResponse: (response: unknown) => void) => {
    void fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id, tab: { id: 7 } } as never, sendResponse).then((kept: unknown[]) => {
      if (!kept.includes(true)) sendResponse(undefined);
    });
  }) as never);
}

function unshippedList(shopId: string, rows: { orderSn: string; dueInMs: number }[]): Capture {
  const now = Date.now();
  return {
    endpoint: 'recentOrderList',
    shopId,
    capturedAt: now,
    request: { pageNumber: 1 },
    response: {
      success: true,
      errorCode: 1000000,
      result: {
        totalItemNum: rows.length,
        pageItems: rows.map(({ orderSn, dueInMs }) => ({
          order_sn: orderSn,
          order_status: 1,
          order_status_str: '待发货',
          order_time: Math.floor((now - 40 * HOUR) / 1000),
          promise_shipping_time: Math.floor((now + dueInMs) / 1000),
          shipping_time: 0,
          tracking_number: '',
          goods_id: 1001,
          order_amount: 990,
        })),
      },
    },
  };
}

async function logOf(shopId: string): Promise<StoredNotification[]> {
  return (await database()).notifications.where('sentAt').above(0).filter((row) => row.shopId === shopId).toArray();
}
const shownIds = async () => Object.keys(await fakeBrowser.notifications.getAll());

beforeEach(() => {
  removeAllListeners();
  fakeBrowser.reset();
  deliverFromExtension();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the notifier', () => {
  test('a clock past its lead mark is notified with both buttons, logged before it is shown, and never twice across restarts', async () => {
    const shopId = '710001';
    const orderSn = '261120-000000000071001';
    const loggedAtCreate: string[][] = [];
    const create = fakeBrowser.notifications.create.bind(fakeBrowser.notifications);
    vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation((async (id: string, options: never) => {
      const { key } = parseNotificationId(id)!;
      loggedAtCreate.push((await logOf(shopId)).filter((row) => row.key === key).map((row) => row.key));
      return create(id, options);
    }) as never);
    background.main();
    // Due in 50 minutes: the 4 h and 1 h marks of ship_by have passed; one notification tells the nearest.
    await sendMessage('capture', unshippedList(shopId, [{ orderSn, dueInMs: 50 * 60_000 }]));
    await expect.poll(shownIds).toHaveLength(1);
    const [id] = await shownIds();
    expect(parseNotificationId(id!)?.shopId).toBe(shopId);
    const options = fakeBrowser.notifications.getAllCreateOptions()[id!] as { title: string; message: string; buttons?: { title: string }[]; silent?: boolean };
    expect(options.buttons?.map((button) => button.title)).toEqual(['查看订单', '稍后提醒']);
    expect(options.silent).toBe(true);
    expect(`${options.title} ${options.message}`).toContain(orderSn);
    expect(loggedAtCreate).toEqual([[parseNotificationId(id!)!.key]]);
    const log = await logOf(shopId);
    expect(log.find((row) => row.key === parseNotificationId(id!)!.key)).toMatchObject({ orderSn, orderSns: [orderSn], kind: 'ship_by' });

    // The worker stops and starts again (its memory gone, the log kept): nothing is shown again.
    await fakeBrowser.notifications.clear(id!);
    removeAllListeners();
    background.main();
    await settle();
    await requestNotifierRun();
    await sendMessage('capture', unshippedList(shopId, [{ orderSn, dueInMs: 50 * 60_000 }]));
    await requestNotifierRun();
    expect(await shownIds()).toEqual([]);
    expect(await logOf(shopId)).toHaveLength(log.length);
  });

  test('one alarm at the next lead mark, at least 30 s ahead', async () => {
    const shopId = '710002';
    background.main();
    // Due in 5 h: the 4 h mark comes in an hour.
    const before = Date.now();
    await sendMessage('capture', unshippedList(shopId, [{ orderSn: '261120-000000000071002', dueInMs: 5 * HOUR }]));
    await requestNotifierRun();
    const alarm = await fakeBrowser.alarms.get(NOTIFY_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + 30_000);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + HOUR);
    expect((await fakeBrowser.alarms.getAll()).filter((candidate) => candidate.name === NOTIFY_ALARM)).toHaveLength(1);
  });

  test('稍后提醒 snoozes the orders of the notification for an hour', async () => {
    const shopId = '710003';
    const orderSn = '261120-000000000071003';
    background.main();
    await sendMessage('capture', unshippedList(shopId, [{ orderSn, dueInMs: 40 * 60_000 }]));
    await expect.poll(async () => (await shownIds()).filter((id) => id.startsWith(`${shopId}|`))).toHaveLength(1);
    const id = (await shownIds()).find((candidate) => candidate.startsWith(`${shopId}|`))!;
    const before = Date.now();
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);
    await expect.poll(async () => (await loadMutes()).orders[`${shopId}|${orderSn}`]).toBeGreaterThanOrEqual(before + HOUR);
    expect(await shownIds()).not.toContain(id);
  });

  test("a click on the popup's recent notification (its message) opens what the notification opens", async () => {
    const shopId = '710006';
    const orderSn = '261120-000000000071061';
    background.main();
    await sendMessage('capture', unshippedList(shopId, [{ orderSn, dueInMs: 40 * 60_000 }]));
    await expect.poll(async () => (await shownIds()).filter((id) => id.startsWith(`${shopId}|`))).toHaveLength(1);
    const id = (await shownIds()).find((candidate) => candidate.startsWith(`${shopId}|`))!;
    // No console tab open (the e2e test clicks with one): the order's detail page opens in a new tab.
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await sendMessage('openNotification', parseNotificationId(id)!);
    expect(opened).toHaveBeenCalledWith({ url: detailUrl(orderSn) });
    // Acted on: the desktop notification goes, as after its own click.
    expect(await shownIds()).not.toContain(id);
  });

  test('a change of the notification settings or of the mutes runs the notifier at once; other settings do not', async () => {
    background.main();
    await requestNotifierRun();
    const db = await database();
    const lastRun = async () => (await db.meta.get('notifierLastRunAt'))?.value as number;
    const ranAt = await lastRun();
    const waitPast = async (at: number) => {
      while (Date.now() <= at) await new Promise((resolve) => setTimeout(resolve, 2));
    };
    await waitPast(ranAt);
    await fakeBrowser.storage.local.set({ settings: { retentionDays: 30 } });
    await settle();
    expect(await lastRun()).toBe(ranAt);
    await fakeBrowser.storage.local.set({ settings: { retentionDays: 30, notifications: { digest: false } } });
    await expect.poll(lastRun).toBeGreaterThan(ranAt);
    const second = await lastRun();
    await waitPast(second);
    await fakeBrowser.storage.local.set({ notificationMutes: { orders: {}, kinds: { ship_by: Date.now() + HOUR }, handled: {} } });
    await expect.poll(lastRun).toBeGreaterThan(second);
  });
});

describe('the toolbar count', () => {
  test('counts the orders at critical or breached: orange for critical, red once one is breached, empty when none, with a tooltip', async () => {
    const db = await database();
    await db.orders.clear();
    await refreshToolbarCount(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('订单哨兵：暂无紧急或已超时的订单');
    background.main();
    const shopId = '710004';
    await sendMessage('capture', unshippedList(shopId, [
      { orderSn: '261120-000000000071041', dueInMs: 5 * HOUR }, // warn: not counted
      { orderSn: '261120-000000000071042', dueInMs: HOUR }, // critical
    ]));
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(hexToRgba(CRITICAL_COLOUR));
    expect(await fakeBrowser.action.getTitle({})).toContain('1 单紧急或已超时');
    await sendMessage('capture', unshippedList(shopId, [{ orderSn: '261120-000000000071043', dueInMs: -HOUR }]));
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(hexToRgba(BREACHED_COLOUR));
  });
});

describe('the toolbar count after records change without a capture', () => {
  test('a backup imported on the options page (its message) and the daily retention read the count again', async () => {
    background.main();
    await settle(); // the start's own refresh
    const db = await database();
    await db.orders.clear();
    await refreshToolbarCount(db);
    // Orders written without the worker's capture path, as an import writes them: the toolbar does not know yet.
    await ingestCapture(db, unshippedList('710005', [{ orderSn: '261120-000000000071051', dueInMs: HOUR }]), Date.now(), DEFAULT_POLICY);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    await sendMessage('storedRecordsChanged', undefined);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');

    await db.orders.clear();
    await runRetention();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

function hexToRgba(hex: string): [number, number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
}
