import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { generateShop, type SyntheticShop } from '../stand-in/synthetic-shop';

// The first vertical slice: the page-world hook captures recentOrderList at document_start, the bridge
// hands it to the background, the background stores it without buyer PII, and every card gets a badge
// showing its promise_shipping_time, also after a tab or page change.

const MERCHANT_ZONE = 'Asia/Tokyo';
let shop: SyntheticShop;
let sentinel: SentinelBrowser;

beforeAll(async () => {
  shop = generateShop({ seed: 2026, size: 60, now: Date.now() });
  sentinel = await launchSentinel({ shop, timezoneId: MERCHANT_ZONE, locale: 'zh-CN' });
});
afterAll(async () => {
  await sentinel?.close();
});

const rowOf = (orderSn: string) => shop.orders.find((row) => row.order_sn === orderSn)!;

/** Expected badge text, computed here from the shop's raw row, in the merchant's zone. */
function expectedPromiseText(orderSn: string): string {
  const seconds = rowOf(orderSn).promise_shipping_time;
  if (typeof seconds !== 'number' || seconds <= 0) return '承诺发货 —';
  const format = new Intl.DateTimeFormat('zh-CN', { timeZone: MERCHANT_ZONE, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  return `承诺发货 ${format.format(seconds * 1000)}`;
}

/** Order numbers of the cards the console itself rendered, read from its own card headers. */
async function cardOrderNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.body.innerText.matchAll(/订单编号：(\d{6}-\d+)/g)].map((match) => match[1]!),
  );
}

async function badgeTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const texts: Record<string, string> = {};
    for (const host of document.querySelectorAll<HTMLElement>('order-sentinel-badges')) {
      texts[host.dataset.orderSn ?? '?'] = host.shadowRoot?.textContent ?? '';
    }
    return texts;
  });
}

async function expectEveryCardBadged(page: Page): Promise<string[]> {
  await expect.poll(async () => (await cardOrderNumbers(page)).length).toBeGreaterThan(0);
  const cards = await cardOrderNumbers(page);
  await expect.poll(async () => Object.keys(await badgeTexts(page)).sort()).toEqual([...cards].sort());
  const texts = await badgeTexts(page);
  for (const orderSn of cards) expect(texts[orderSn], orderSn).toBe(expectedPromiseText(orderSn));
  return cards;
}

describe('capture → bridge → background → badge', () => {
  test('every card of the first page gets its promise_shipping_time badge', async () => {
    const page = await sentinel.openConsole('/orders/list');
    const cards = await expectEveryCardBadged(page);
    expect(cards.length).toBe(20);
    await page.close();
  });

  test('the background stored the captured orders, keyed by shop, with no buyer PII', async () => {
    await expect.poll(async () => (await sentinel.readStore('orders')).length).toBeGreaterThanOrEqual(20);
    const orders = await sentinel.readStore<{ shopId: string; orderSn: string }>('orders');
    expect(new Set(orders.map((order) => order.shopId))).toEqual(new Set([shop.shopId]));
    for (const order of orders) expect(shop.scenarioOf[order.orderSn], order.orderSn).toBeDefined();
    const everything = JSON.stringify(orders) + JSON.stringify(await sentinel.readStore('changes'));
    for (const secret of [...shop.pii.names, ...shop.pii.phones, ...shop.pii.addresses]) {
      expect(everything.includes(secret), `stored PII: ${secret}`).toBe(false);
    }
  });

  test('a tab change and a page change re-render the list without a reload, and the new cards get badges', async () => {
    const page = await sentinel.openConsole('/orders/list');
    await expectEveryCardBadged(page);
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    await page.getByText('待发货', { exact: true }).first().click();
    await expect.poll(() => page.url()).toContain('tab=1');
    const unshipped = await expectEveryCardBadged(page);
    for (const orderSn of unshipped) expect(rowOf(orderSn).shipping_time ?? 0).toBe(0);

    await page.getByText('全部', { exact: true }).first().click();
    await expectEveryCardBadged(page);
    const firstPage = await cardOrderNumbers(page);
    await page.locator('[data-testid="beast-core-pagination-next"]').click();
    await expect.poll(async () => (await cardOrderNumbers(page))[0]).not.toBe(firstPage[0]);
    const secondPage = await expectEveryCardBadged(page);
    expect(secondPage.some((orderSn) => firstPage.includes(orderSn))).toBe(false);

    expect(navigations.filter((url) => !url.includes('mms.pinduoduo.com/orders/list'))).toEqual([]);
    await page.close();
  });

  test('badges appear once per card even when the console re-renders the same page', async () => {
    const page = await sentinel.openConsole('/orders/list?tab=0&page=1');
    const cards = await expectEveryCardBadged(page);
    // Clicking the current tab again makes the console fetch and re-render the same cards.
    await page.getByText('全部', { exact: true }).first().click();
    await page.getByText('全部', { exact: true }).first().click();
    await expectEveryCardBadged(page);
    const hostCount = await page.locator('order-sentinel-badges').count();
    expect(hostCount).toBe(cards.length);
    await page.close();
  });
});
