import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { POLL_ALARM, POLL_SOON_ALARM } from '../../../entrypoints/background/poller';
import { REASSESS_ALARM } from '../../../entrypoints/background/reassess-alarm';
import { RETENTION_ALARM } from '../../../entrypoints/background/retention-alarm';
import type { Capture } from '../../../lib/capture/capture';
import { removeAllListeners, sendMessage } from '../../../lib/messages/protocol';
import { pageHealthItem } from '../../../lib/messages/session-state';

const HOUR = 3_600_000;
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/**
 * fake-browser's runtime.sendMessage delivers with an empty sender; the browser names the sending extension
 * and tab. This delivers the protocol's real messages the browser's way, with `sender`, and answers like
 * Chrome when no listener keeps the channel open.
 */
function deliverFrom(sender: { id: string; tab?: { id: number } }): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown, sendResponse: (response: unknown) => void) => {
    void fakeBrowser.runtime.onMessage.trigger(message, sender as never, sendResponse).then((kept: unknown[]) => {
      if (!kept.includes(true)) sendResponse(undefined);
    });
  }) as never);
}

/** Raw runtime messages (not the protocol's): whether any listener took one, i.e. kept the channel open. */
async function taken(message: unknown): Promise<boolean> {
  const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id }, () => undefined);
  return results.includes(true);
}

beforeEach(() => {
  // A fresh worker: the messenger's listeners are per JS context, like the fake browser's state.
  removeAllListeners();
  fakeBrowser.reset();
  deliverFrom({ id: fakeBrowser.runtime.id, tab: { id: 7 } });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('background worker', () => {
  test('arms the retention, re-evaluation and tracking poll alarms on every start, without duplicating them', async () => {
    background.main();
    await settle();
    removeAllListeners(); // the worker stopped; its next start is a new context
    background.main();
    await settle();
    const names = (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort();
    expect(names).toEqual([POLL_ALARM, REASSESS_ALARM, RETENTION_ALARM].sort());
  });

  test('a capture that puts a parcel on its way asks for a poll within the minute; one without does not', async () => {
    background.main();
    const row = { order_sn: '261120-000000000000021', order_status: 1, order_status_str: '待发货', shipping_time: 0, tracking_number: '', goods_id: 1001 };
    const capture = (pageItems: unknown[]): Capture => ({
      endpoint: 'recentOrderList',
      shopId: '445566',
      capturedAt: Date.now(),
      request: { pageNumber: 1 },
      response: { success: true, errorCode: 1000000, result: { totalItemNum: pageItems.length, pageItems } },
    });
    await sendMessage('capture', capture([row]));
    await settle();
    expect(await fakeBrowser.alarms.get(POLL_SOON_ALARM)).toBeUndefined();
    const shipped = { ...row, order_status_str: '已发货，待收货', shipping_time: Math.floor(Date.now() / 1000) - 3600, tracking_number: 'YT9000000001', shipping_id: 85 };
    await sendMessage('capture', capture([shipped]));
    await expect.poll(async () => (await fakeBrowser.alarms.get(POLL_SOON_ALARM))?.scheduledTime).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  test('stores a capture and answers with the views the badges need', async () => {
    background.main();
    // Due in 90 minutes: critical, so the toolbar counts it.
    const promise = Math.floor((Date.now() + 1.5 * HOUR) / 1000);
    const capture: Capture = {
      endpoint: 'recentOrderList',
      shopId: '445566',
      capturedAt: Date.now(),
      request: { pageNumber: 1 },
      response: {
        success: true,
        errorCode: 1000000,
        result: {
          totalItemNum: 1,
          pageItems: [
            {
              order_sn: '261120-000000000000011',
              order_status: 1,
              order_status_str: '待发货',
              order_time: promise - 43 * 3600,
              confirm_time: promise - 43 * 3600,
              promise_shipping_time: promise,
              shipping_time: 0,
              tracking_number: '',
              goods_id: 1001,
              goods_name: '测试商品',
              order_amount: 2990,
            },
          ],
        },
      },
    };
    const reply = await sendMessage('capture', capture);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.shopId).toBe('445566');
    expect(reply.orders).toHaveLength(1);
    expect(reply.orders[0]).toMatchObject({ orderSn: '261120-000000000000011', promiseShipAt: promise * 1000, state: 'unshipped' });
    expect(reply.orders[0]!.findings.map((finding) => finding.kind)).toContain('ship_by');
    // The toolbar count follows right after the answer.
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  test('a capture with rows it cannot read answers with their count and, for the page notice, why', async () => {
    background.main();
    const row = (orderSn: string, extra: Record<string, unknown> = {}) => ({ order_sn: orderSn, order_status: 1, order_status_str: '待发货', order_time: Math.floor(Date.now() / 1000), ...extra });
    const capture: Capture = {
      endpoint: 'recentOrderList',
      shopId: '445566',
      capturedAt: Date.now(),
      request: null,
      response: { success: true, result: { totalItemNum: 3, pageItems: [row('261120-000000000000031'), row('261120-000000000000032', { risk_status: 'yes' }), 'garbage'] } },
    };
    const reply = await sendMessage('capture', capture);
    expect(reply).toMatchObject({ ok: true, skippedRows: 2, skippedReasons: ['[1] risk_status: expected a number, got "yes"', '[2] expected an object, got "garbage"'] });
    expect(reply.ok && reply.orders.map((order) => order.orderSn)).toEqual(['261120-000000000000031']);
  });

  test("a console trace capture goes to the order's waybill and answers with the order's view, its pickup verified", async () => {
    background.main();
    const orderSn = '261120-000000000000021';
    const shippedAt = Math.floor(Date.now() / 1000) - 3 * 3600;
    const list: Capture = {
      endpoint: 'recentOrderList',
      shopId: '445566',
      capturedAt: Date.now(),
      request: null,
      response: { success: true, result: { totalItemNum: 1, pageItems: [{ order_sn: orderSn, order_status: 1, order_status_str: '已发货，待收货', order_time: shippedAt - 3600, promise_shipping_time: shippedAt + 40 * 3600, shipping_time: shippedAt, tracking_number: 'YT0000021', shipping_id: 85 }] } },
    };
    const listed = await sendMessage('capture', list);
    expect(listed.ok && listed.orders[0]!.findings.map((finding) => finding.kind)).toContain('pickup_by');
    const trace: Capture = {
      endpoint: 'courierTrace',
      shopId: '445566',
      capturedAt: Date.now(),
      request: { orderSn },
      response: { success: true, errorCode: 1000000, result: { traces: [{ time: (shippedAt + 600) * 1000, info: '【杭州市】已揽收' }] } },
    };
    const reply = await sendMessage('capture', trace);
    expect(reply).toMatchObject({ ok: true, shopId: '445566', skippedRows: 0, orders: [{ orderSn, state: 'shipped', shippedAt: shippedAt * 1000 }] });
    if (!reply.ok) return;
    expect(reply.orders[0]!.findings.map((finding) => finding.kind)).not.toContain('pickup_by');
  });

  describe("a capture time off the worker's clock is replaced by the receive time", () => {
    const DAY = 24 * HOUR;
    const listOf = (orderSn: string, capturedAt: number, row: Record<string, unknown>): Capture => ({
      endpoint: 'recentOrderList',
      shopId: '445566',
      capturedAt,
      request: null,
      response: { success: true, result: { totalItemNum: 1, pageItems: [{ order_sn: orderSn, order_time: Math.floor((Date.now() - DAY) / 1000), promise_shipping_time: Math.floor((Date.now() + DAY) / 1000), ...row }] } },
    });
    const unshipped = { order_status: 1, order_status_str: '待发货', shipping_time: 0 };
    const shipped = { order_status: 2, order_status_str: '已发货，待收货', shipping_time: Math.floor(Date.now() / 1000) - 60, tracking_number: 'YT0000001' };

    test.each([
      ['a year ahead', '261120-000000000000081', () => Date.now() + 365 * DAY],
      ['in 1970', '261120-000000000000082', () => 1],
      ['beyond any date (1e16)', '261120-000000000000083', () => 1e16],
    ])('%s: stored as received, and a later real capture still updates the order', async (_label, orderSn, pageTime) => {
      background.main();
      const first = await sendMessage('capture', listOf(orderSn, pageTime(), unshipped));
      expect(first).toMatchObject({ ok: true, capturedAtSource: 'received', orders: [{ orderSn, state: 'unshipped' }] });
      const second = await sendMessage('capture', listOf(orderSn, Date.now(), shipped));
      expect(second).toMatchObject({ ok: true, capturedAtSource: 'page', orders: [{ orderSn, state: 'shipped' }] });
    });

    test('an after-sales countdown counts from the receive time, not from a page time in 1970', async () => {
      background.main();
      const before = Date.now();
      const capture: Capture = {
        endpoint: 'afterSalesList',
        shopId: '445566',
        capturedAt: 1,
        request: null,
        response: {
          success: true,
          result: {
            total: 1,
            list: [{ id: 9101, orderSn: '261120-000000000000091', afterSalesType: 1, afterSalesTypeName: '仅退款', afterSalesStatus: 2, afterSalesTitle: '待商家处理', createdAt: Math.floor(before / 1000) - 3600, expireRemainTime: 30 * 3600 }],
          },
        },
      };
      const reply = await sendMessage('capture', capture);
      expect(reply.ok).toBe(true);
      if (!reply.ok) return;
      const replyBy = reply.orders[0]?.findings.find((finding) => finding.kind === 'after_sale_reply_by');
      expect(replyBy?.severity).not.toBe('breached');
      const dueAt: unknown = replyBy?.dueAt;
      expect(typeof dueAt === 'number' ? dueAt : Date.parse(String(dueAt))).toBeGreaterThanOrEqual(before + 30 * HOUR);
    });
  });

  test('ignores messages from other extensions and messages that are not ours', async () => {
    background.main();
    deliverFrom({ id: 'another-extension', tab: { id: 7 } });
    await expect(sendMessage('pageHealth', { shopId: '1', url: 'https://mms.pinduoduo.com/', health: { state: 'ok', matchedCards: 1, capturedOrders: 1, skippedRows: 0 } })).rejects.toThrow(
      'not from this extension',
    );
    expect(await pageHealthItem.getValue()).toEqual({});
    expect(await taken({ type: 'delete-everything' })).toBe(false);
    expect(await taken({ id: 1, type: 'delete-everything', data: null, timestamp: Date.now() })).toBe(false);
  });

  test('through fake-browser v2 itself: the listener answers by sendResponse, and a sender without our id is refused', async () => {
    background.main();
    vi.restoreAllMocks(); // fake-browser's own sendMessage: an empty sender, answered only when a listener returns true
    await expect(sendMessage('pageHealth', { shopId: '1', url: 'https://mms.pinduoduo.com/', health: { state: 'ok', matchedCards: 1, capturedOrders: 1, skippedRows: 0 } })).rejects.toThrow(
      'not from this extension',
    );
  });

  test('records page health by tab for the popup, and forgets a closed tab', async () => {
    background.main();
    const health = { state: 'unmatched', matchedCards: 0, capturedOrders: 12, skippedRows: 2 } as const;
    await sendMessage('pageHealth', { shopId: '445566', url: 'https://mms.pinduoduo.com/orders/list', health });
    expect(await pageHealthItem.getValue()).toEqual({ '7': expect.objectContaining({ tabId: 7, shopId: '445566', health }) as unknown });
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    await expect.poll(() => pageHealthItem.getValue()).toEqual({});
  });
});
