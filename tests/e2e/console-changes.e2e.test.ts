import { afterEach, expect, test } from 'vitest';
import { launchSentinel, type LaunchOptions, type SentinelBrowser } from '../harness/browser';
import { generateShop } from '../stand-in/synthetic-shop';
import { readPage, waitForBadgedCards } from './console-page';

// When the console changes: new markup with the order number still on the card keeps its badges; markup
// without it pauses badges with one visible notice (and the popup says so); broken data leaves the page
// working and the rest annotated, with the skipped rows counted in a calm notice (and in the popup).

let sentinel: SentinelBrowser | null = null;
afterEach(async () => {
  await sentinel?.close();
  sentinel = null;
});

async function launch(options: Omit<LaunchOptions, 'shop'>) {
  const shop = generateShop({ seed: 31, size: 45, now: Date.now() });
  sentinel = await launchSentinel({ shop, locale: 'zh-CN', ...options });
  return { shop, sentinel };
}

test('a restyled console (new class names, new card markup) still gets a badge on every card', async () => {
  const { sentinel } = await launch({ variant: 'restyled' });
  const page = await sentinel.openConsole('/orders/list');
  const reading = await waitForBadgedCards(page);
  expect(reading.cards).toHaveLength(20);
  expect(reading.hostCount).toBe(20);
  expect(await page.locator('.package-center-table').count()).toBe(0);
  expect(await page.locator('order-sentinel-notice').count()).toBe(0);
});

test('a console whose cards no longer show the order number gets no badge and one notice, also in the popup', async () => {
  const { sentinel } = await launch({ variant: 'unmatchable' });
  const page = await sentinel.openConsole('/orders/list');
  const notice = page.locator('order-sentinel-notice');
  await expect.poll(() => notice.count()).toBe(1);
  expect(await notice.locator('.notice').innerText()).toContain('列表结构已变化，标注已暂停');
  expect(await notice.getAttribute('data-state')).toBe('unmatched');
  expect((await readPage(page)).hostCount).toBe(0);
  // The data was still read and stored: only the page could not be matched.
  await expect.poll(async () => (await sentinel.readStore('orders')).length).toBe(20);

  const popup = await sentinel.openExtensionPage('popup.html');
  await expect.poll(() => popup.getByTestId('paused-banner').count()).toBe(1);
  expect(await popup.getByTestId('paused-banner').innerText()).toContain('列表结构已变化，标注已暂停');
});

test('malformed rows are skipped: the page keeps working, every other card is annotated, and the count is shown calmly, also in the popup', async () => {
  const { sentinel, shop } = await launch({ faults: { malformedOrderRows: 4 } });
  const errors: string[] = [];
  const page = await sentinel.openConsole('/orders/list');
  page.on('pageerror', (error) => errors.push(error.message));
  await expect.poll(async () => (await readPage(page)).hostCount).toBeGreaterThanOrEqual(15);
  const reading = await readPage(page);
  // Rows 4, 8, 12, 16, 20 of the page were corrupted; the other 15 are annotated.
  const intact = new Set(shop.orders.map((row) => row.order_sn as string));
  const annotated = Object.keys(reading.badges);
  expect(annotated.length).toBe(15);
  for (const orderSn of annotated) expect(intact.has(orderSn)).toBe(true);
  expect(errors).toEqual([]);
  // One notice, not a pause: the five rows are counted, the first reasons on hover (row 4 is index 3).
  const notice = page.locator('order-sentinel-notice');
  await expect.poll(() => notice.count()).toBe(1);
  expect(await notice.getAttribute('data-state')).toBe('ok');
  expect(await notice.getAttribute('data-skipped-rows')).toBe('5');
  const skipped = notice.locator('.skipped');
  expect(await skipped.innerText()).toBe('有 5 行订单数据无法读取，已跳过');
  expect(await skipped.getAttribute('title')).toMatch(/^\[3\] /);

  const popup = await sentinel.openExtensionPage('popup.html');
  await expect.poll(() => popup.getByTestId('skipped-rows-banner').count()).toBe(1);
  expect(await popup.getByTestId('skipped-rows-banner').innerText()).toBe('有 5 行订单数据无法读取，已跳过');
  expect(await popup.getByTestId('paused-banner').count()).toBe(0);
});

test('a console answer that is not JSON leaves the page and the extension running', async () => {
  const { sentinel } = await launch({ faults: { brokenOrderListBody: true } });
  const page = await sentinel.openConsole('/orders/list');
  await expect.poll(() => page.locator('text=系统繁忙').count()).toBeGreaterThan(0);
  expect((await readPage(page)).hostCount).toBe(0);
  // The worker is alive and answers: the popup opens and counts nothing.
  const popup = await sentinel.openExtensionPage('popup.html');
  await expect.poll(() => popup.getByTestId('at-risk-count').innerText()).toContain('0');
});

test('the after-sales list opened before any order list still shows each waiting case’s countdown', async () => {
  const { sentinel, shop } = await launch({});
  const page = await sentinel.openConsole('/aftersales/aftersale_list');
  const reading = await waitForBadgedCards(page);
  const waiting = shop.afterSales.filter((row) => typeof row.expireRemainTime === 'number' && reading.cards.includes(String(row.orderSn)));
  expect(waiting.length).toBeGreaterThan(0);
  for (const row of waiting) {
    expect(reading.badges[String(row.orderSn)]?.map((badge) => badge.kind), String(row.orderSn)).toContain('after_sale_reply_by');
  }
  // Only the cases were stored: their orders wait for the order list.
  expect(await sentinel.readStore('orders')).toEqual([]);
  expect((await sentinel.readStore('afterSales')).length).toBe(reading.cards.length);
});

test('in an English browser the badges and their explanations are in English', async () => {
  const { sentinel } = await launch({ locale: 'en-US' });
  const page = await sentinel.openConsole('/orders/list?tab=1');
  const reading = await waitForBadgedCards(page);
  const orderSn = reading.cards.find((sn) => reading.badges[sn]!.some((badge) => badge.kind === 'ship_by'))!;
  const text = reading.badges[orderSn]!.find((badge) => badge.kind === 'ship_by')!.text;
  expect(text).toMatch(/^Ship .* (left|over)$/);
  const host = page.locator(`order-sentinel-badges[data-order-sn="${orderSn}"]`);
  await host.locator('.badge[data-kind="ship_by"]').focus();
  await expect.poll(() => host.locator('.explain').isVisible()).toBe(true);
  const explanation = await host.locator('.explain').innerText();
  expect(explanation).toContain('Ship by');
  expect(explanation).toContain('What to do');
});
