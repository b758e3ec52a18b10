import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCapture } from '../../../entrypoints/background/capture-handler';
import { database } from '../../../entrypoints/background/database';
import { pushOrderUpdates } from '../../../entrypoints/background/push-views';
import { watchPolicyChanges } from '../../../entrypoints/background/reassess-alarm';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { ingestTrackingReply } from '../../../lib/ingest/ingest-tracking';
import type { OrdersChanged } from '../../../lib/messages/protocol';
import { settingsItem } from '../../../lib/settings/settings-item';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';

const HOUR = 3_600_000;
const SHOP = '778899';
const ORDER = '261120-000000000000031';
const CONSOLE_TAB = 1;
const OTHER_CONSOLE_TAB = 2;
/** A console tab whose content script does not answer (still loading). */
const SILENT_TAB = 3;

let received: Array<{ tabId: number; update: OrdersChanged }>;
let queries: { mock: { calls: unknown[][] } };
const queriedUrls = () => queries.mock.calls.map(([info]) => (info as { url?: unknown }).url);

beforeEach(() => {
  fakeBrowser.reset();
  received = [];
  const tabs = [CONSOLE_TAB, OTHER_CONSOLE_TAB, SILENT_TAB].map((id) => ({ id, url: 'https://mms.pinduoduo.com/orders/list' }));
  queries = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(tabs as never);
  // The messenger calls chrome.tabs.sendMessage(tabId, message, options, callback); a tab without a listener answers nothing.
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number, message: { type: string; data: OrdersChanged }, _options: unknown, reply: (response: unknown) => void) => {
    if (tabId === SILENT_TAB) return reply(undefined);
    expect(message.type).toBe('ordersChanged');
    received.push({ tabId, update: message.data });
    reply({ res: null });
  }) as never);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function shippedCapture(now: number) {
  return {
    endpoint: 'recentOrderList' as const,
    shopId: SHOP,
    capturedAt: now,
    request: null,
    response: {
      success: true,
      result: {
        totalItemNum: 1,
        pageItems: [
          {
            order_sn: ORDER,
            order_status: 2,
            order_status_str: '已发货，待收货',
            order_time: Math.floor((now - 30 * HOUR) / 1000),
            promise_shipping_time: Math.floor((now + 18 * HOUR) / 1000),
            shipping_time: Math.floor((now - 3 * HOUR) / 1000),
            tracking_number: 'YT3000000001',
            shipping_id: 85,
          },
        ],
      },
    },
  };
}

test("a capture's views go to the other console tabs, not back to the tab that sent it", async () => {
  const now = Date.now();
  const reply = await handleCapture(shippedCapture(now), now, CONSOLE_TAB);
  expect(reply.ok).toBe(true);
  await expect.poll(() => received.length).toBe(1);
  expect(queriedUrls()).toEqual(['https://mms.pinduoduo.com/*']);
  expect(received[0]!.tabId).toBe(OTHER_CONSOLE_TAB);
  expect(received[0]!.update.shopId).toBe(SHOP);
  expect(received[0]!.update.orders).toEqual(reply.ok ? reply.orders : []);
});

test('after a tracking reply every console tab that listens gets the changed order with its trace and without its pickup clock', async () => {
  const now = Date.now();
  await handleCapture(shippedCapture(now), now, CONSOLE_TAB);
  await expect.poll(() => received.length).toBe(1);
  received = [];

  const wall = new Date(now - HOUR + 8 * HOUR).toISOString().replace('T', ' ').slice(0, 19);
  const read = normalizeKuaidi100({ message: 'ok', nu: 'YT3000000001', com: 'yuantong', status: '200', state: '0', data: [{ time: wall, context: '【杭州市】圆通快递 已揽收', statusCode: '103' }] }, 'YT3000000001', now);
  await ingestTrackingReply(await database(), SHOP, 'YT3000000001', read, now, DEFAULT_POLICY);

  expect(await pushOrderUpdates(SHOP, [ORDER])).toBe(2);
  expect(received.map((message) => message.tabId).sort()).toEqual([CONSOLE_TAB, OTHER_CONSOLE_TAB]);
  const [view] = received[0]!.update.orders;
  expect(view!.findings.map((finding) => finding.kind)).not.toContain('pickup_by');
  expect(view!.trace).toMatchObject({ provider: 'kuaidi100', status: 'picked_up', events: [{ text: '【杭州市】圆通快递 已揽收' }] });
});

test('nothing to push sends nothing', async () => {
  expect(await pushOrderUpdates(SHOP, [])).toBe(0);
  expect(queriedUrls()).toEqual([]);
});

describe('a saved threshold', () => {
  /** Its own order and parcel: the database outlives each test, and the tests above picked theirs up. */
  const orderOf = (now: number, orderSn: string) => {
    const capture = shippedCapture(now);
    Object.assign(capture.response.result.pageItems[0]!, { order_sn: orderSn, tracking_number: `YT${orderSn.slice(-10)}` });
    return capture;
  };
  let unwatch = () => {};
  afterEach(() => unwatch());

  test('re-evaluates the stored orders and pushes the changed views to every console tab, without a capture', async () => {
    const now = Date.now();
    await handleCapture(orderOf(now, '261120-000000000000041'), now, CONSOLE_TAB);
    await expect.poll(() => received.length).toBe(1);
    received = [];

    unwatch = watchPolicyChanges();
    await settingsItem.setValue({ policyOverrides: { pickupWarnHours: 23, pickupCriticalHours: 22 } });
    await expect.poll(() => received.length).toBe(2);
    const pickup = received[0]!.update.orders[0]!.findings.find((finding) => finding.kind === 'pickup_by');
    // No trace read: an unverified pickup clock stays at info, and carries the new bands for its countdown.
    expect(received.map((message) => message.update.orders.map((order) => order.orderSn))).toEqual([['261120-000000000000041'], ['261120-000000000000041']]);
    expect(pickup).toMatchObject({ severity: 'info', basis: { warnHours: 23, criticalHours: 22, verified: false } });
  });

  test('a save that leaves the policy as it was (another section, the same values) pushes nothing', async () => {
    const now = Date.now();
    await settingsItem.setValue({ policyOverrides: { pickupWarnHours: 20 } });
    await handleCapture(orderOf(now, '261120-000000000000042'), now, CONSOLE_TAB);
    await expect.poll(() => received.length).toBe(1);
    received = [];

    unwatch = watchPolicyChanges();
    await settingsItem.setValue({ policyOverrides: { pickupWarnHours: 20 }, retentionDays: 30 });
    await settingsItem.setValue({ policyOverrides: { pickupWarnHours: 20, shipByWarnHours: 12 }, retentionDays: 30 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);
  });
});
