import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { generateShop, type SyntheticShop } from '../stand-in/synthetic-shop';
import { openTab, readPage, waitForBadgedCards } from './console-page';

// The first vertical slice: the page-world hook captures recentOrderList at document_start, the bridge
// hands it to the background, the background stores it without buyer PII, and every card gets its
// badges, also after a tab or page change.

let shop: SyntheticShop;
let sentinel: SentinelBrowser;

beforeAll(async () => {
  shop = generateShop({ seed: 2026, size: 60, now: Date.now() });
  sentinel = await launchSentinel({ shop, locale: 'zh-CN' });
});
afterAll(async () => {
  await sentinel?.close();
});

describe('capture → bridge → background → badge', () => {
  test('every card of the first page gets badges, each linking to its order detail page', async () => {
    const page = await sentinel.openConsole('/orders/list');
    const reading = await waitForBadgedCards(page);
    expect(reading.cards).toHaveLength(20);
    expect(reading.hostCount).toBe(20);
    for (const orderSn of reading.cards) {
      for (const badge of reading.badges[orderSn]!) {
        if (badge.kind !== 'none') expect(badge.href).toBe(`https://mms.pinduoduo.com/orders/detail?sn=${orderSn}`);
      }
    }
    await page.close();
  });

  test('the page made its own request, and the hook did not change what it received', async () => {
    const listCalls = sentinel.standIns.requests.filter((request) => request.path === '/mangkhut/mms/recentOrderList');
    expect(listCalls.length).toBeGreaterThan(0);
    expect(listCalls[0]!.body).toMatchObject({ orderType: 0, pageNumber: 1, pageSize: 20 });
    const page = await sentinel.openConsole('/orders/list');
    const reading = await waitForBadgedCards(page);
    // The console still rendered the receivers' (fake) phones: the hook stripped PII from its own copy only.
    const bodyText = await page.evaluate(() => document.body.innerText);
    for (const orderSn of reading.cards) {
      const row = shop.orders.find((candidate) => candidate.order_sn === orderSn)!;
      expect(bodyText).toContain(String(row.mobile));
    }
    await page.close();
  });

  test('the background stored the captured orders, keyed by shop, with no buyer PII', async () => {
    await expect.poll(async () => (await sentinel.readStore('orders')).length).toBeGreaterThanOrEqual(20);
    const orders = await sentinel.readStore<{ shopId: string; orderSn: string }>('orders');
    expect(new Set(orders.map((order) => order.shopId))).toEqual(new Set([shop.shopId]));
    for (const order of orders) expect(shop.scenarioOf[order.orderSn], order.orderSn).toBeDefined();
    let everything = '';
    for (const store of ['orders', 'changes', 'afterSales', 'products', 'waybills', 'trackingEvents', 'notifications', 'meta', 'shops']) {
      everything += JSON.stringify(await sentinel.readStore(store));
    }
    for (const secret of [...shop.pii.names, ...shop.pii.phones, ...shop.pii.addresses]) {
      expect(everything.includes(secret), `stored PII: ${secret}`).toBe(false);
    }
  });

  test('tab and page changes re-render the list without a reload, and the new cards get badges', async () => {
    const page = await sentinel.openConsole('/orders/list');
    await waitForBadgedCards(page);
    let loads = 0;
    page.on('load', () => (loads += 1));

    await openTab(page, '待发货');
    expect(page.url()).toContain('tab=1');
    const unshipped = await waitForBadgedCards(page);
    for (const orderSn of unshipped.cards) {
      const row = shop.orders.find((candidate) => candidate.order_sn === orderSn)!;
      expect(row.shipping_time ?? 0, orderSn).toBe(0);
    }

    await openTab(page, '全部');
    const firstPage = await waitForBadgedCards(page);
    await page.locator('[data-testid="beast-core-pagination-next"]').click();
    await expect.poll(async () => (await readPage(page)).cards[0]).not.toBe(firstPage.cards[0]);
    const secondPage = await waitForBadgedCards(page);
    expect(secondPage.cards.some((orderSn) => firstPage.cards.includes(orderSn))).toBe(false);
    expect(secondPage.hostCount).toBe(secondPage.cards.length);
    expect(loads).toBe(0);
    await page.close();
  });
});
