import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { generateShop, type SyntheticShop } from '../stand-in/synthetic-shop';
import { readPage, waitForBadgedCards } from './console-page';

// Issue 5: what the extension learned survives a service-worker stop and a browser restart, and nothing is
// stored twice when the same pages are read again.

let shop: SyntheticShop;
let sentinel: SentinelBrowser;

interface StoredOrderKey {
  shopId: string;
  orderSn: string;
  findings: Array<{ kind: string; closedAt: number | null }>;
}

beforeAll(async () => {
  shop = generateShop({ seed: 404, size: 70, now: Date.now() });
  sentinel = await launchSentinel({ shop, locale: 'zh-CN' });
});
afterAll(async () => {
  await sentinel?.close();
});

async function readEveryPage(page: Page): Promise<number> {
  let cards = 0;
  for (;;) {
    cards += (await waitForBadgedCards(page)).cards.length;
    const next = page.locator('[data-testid="beast-core-pagination-next"]');
    if ((await next.getAttribute('aria-disabled')) === 'true') return cards;
    const first = (await readPage(page)).cards[0];
    await next.click();
    await expect.poll(async () => (await readPage(page)).cards[0]).not.toBe(first);
  }
}

async function snapshot() {
  const orders = await sentinel.readStore<StoredOrderKey>('orders');
  const changes = await sentinel.readStore('changes');
  const findings = orders.flatMap((order) => order.findings.map((finding) => ({ subject: order.orderSn, kind: finding.kind, open: finding.closedAt === null })));
  return { orders, changes: changes.length, findings };
}

test('the whole shop read once is stored once, and survives a service-worker stop and a browser restart', async () => {
  const page = await sentinel.openConsole('/orders/list');
  expect(await readEveryPage(page)).toBe(shop.orders.length);
  await expect.poll(async () => (await sentinel.readStore('orders')).length).toBe(shop.orders.length);
  const before = await snapshot();
  const keys = before.orders.map((order) => `${order.shopId}/${order.orderSn}`);
  expect(new Set(keys).size).toBe(keys.length);
  const openKeys = before.findings.filter((finding) => finding.open).map((finding) => `${finding.subject}/${finding.kind}`);
  expect(new Set(openKeys).size).toBe(openKeys.length);
  expect(openKeys.length).toBeGreaterThan(0);

  await sentinel.stopServiceWorker();
  // Reading the same pages again wakes the worker; nothing is duplicated or lost.
  await page.goto('https://mms.pinduoduo.com/orders/list');
  expect(await readEveryPage(page)).toBe(shop.orders.length);
  const afterRestart = await snapshot();
  expect(afterRestart.orders).toHaveLength(before.orders.length);
  expect(afterRestart.changes).toBe(before.changes);
  const reopened = afterRestart.findings.filter((finding) => finding.open).map((finding) => `${finding.subject}/${finding.kind}`);
  expect(new Set(reopened)).toEqual(new Set(openKeys));

  // A browser restart with the same profile finds the same history.
  const profile = sentinel.userDataDir;
  await sentinel.close({ keepProfile: true });
  sentinel = await launchSentinel({ shop, locale: 'zh-CN', userDataDir: profile });
  const afterBrowserRestart = await snapshot();
  expect(afterBrowserRestart.orders).toHaveLength(before.orders.length);
  expect(afterBrowserRestart.changes).toBe(before.changes);
  const popup = await sentinel.openExtensionPage('popup.html');
  await expect.poll(() => popup.getByTestId('stored-count').innerText()).toBe(`已记录 ${shop.orders.length} 单`);
});
