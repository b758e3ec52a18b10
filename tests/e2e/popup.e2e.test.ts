import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { generateShop, type SyntheticShop } from '../stand-in/synthetic-shop';
import { readPage, waitForBadgedCards } from './console-page';

// Issue 13: the popup over the synthetic shop, after the console's order list was read: its counts are the
// store's, its rows the store's at-risk orders most urgent first, a chip and the search narrow the list, and
// 稍后提醒 moves a row out and writes the shared mutes.

interface StoredOrderLike {
  shopId: string;
  orderSn: string;
  trackingNumber: string | null;
  riskRank: number;
  nextDueAt: number;
  openKindTags: string[];
  facts: { orderAmountCents: number | null };
}

interface WorkerChrome {
  chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
}

let shop: SyntheticShop;
let sentinel: SentinelBrowser;
let popup: Page;

beforeAll(async () => {
  shop = generateShop({ seed: 1313, size: 80, now: Date.now() });
  sentinel = await launchSentinel({ shop, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
});
afterAll(async () => {
  await sentinel?.close();
});

test('the popup opens over what the order list captured', async () => {
  const console = await sentinel.openConsole('/orders/list');
  // Every page of the list, so that shipped orders (with tracking numbers) are stored too.
  for (;;) {
    const first = (await waitForBadgedCards(console)).cards[0];
    const next = console.locator('[data-testid="beast-core-pagination-next"]');
    if ((await next.getAttribute('aria-disabled')) === 'true') break;
    await next.click();
    await expect.poll(async () => (await readPage(console)).cards[0]).not.toBe(first);
  }
  await expect.poll(async () => (await sentinel.readStore('orders')).length).toBe(shop.orders.length);
  popup = await sentinel.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${sentinel.extensionId}/popup.html`);
  await popup.getByTestId('popup-row').first().waitFor();
  expect(await popup.getByTestId('popup-skeleton').count()).toBe(0);
  // The stored count and the chips follow the first rows.
  await expect.poll(() => popup.getByTestId('stored-count').innerText()).toContain('已记录');
});

/** Most urgent first, worked out here: worst severity, earliest due time, largest amount, then the order number. */
function byUrgency(a: StoredOrderLike, b: StoredOrderLike): number {
  if (a.riskRank !== b.riskRank) return b.riskRank - a.riskRank;
  if (a.nextDueAt !== b.nextDueAt) return a.nextDueAt - b.nextDueAt;
  const amount = (b.facts.orderAmountCents ?? 0) - (a.facts.orderAmountCents ?? 0);
  if (amount !== 0) return amount;
  return a.orderSn < b.orderSn ? -1 : 1;
}

const rowSns = (page: Page) => page.getByTestId('popup-row').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.orderSn ?? ''));

test("the header's counts and the rows are the store's, most urgent first", async () => {
  const orders = await sentinel.readStore<StoredOrderLike>('orders');
  const count = (rank: number) => orders.filter((order) => order.riskRank === rank).length;
  const shown = async (severity: string) => Number(await popup.locator(`.severity-count[data-severity="${severity}"]`).getAttribute('data-count'));
  expect(await shown('breached')).toBe(count(3));
  expect(await shown('critical')).toBe(count(2));
  expect(await shown('warn')).toBe(count(1));
  expect(await popup.getByTestId('stored-count').innerText()).toBe(`已记录 ${orders.length} 单`);
  expect(await popup.getByTestId('last-capture').innerText()).toMatch(/^最近采集 \d\d\/\d\d \d\d:\d\d$/);
  expect(await popup.getByTestId('stale-prompt').count()).toBe(0);

  const atRisk = orders.filter((order) => order.riskRank >= 1).sort(byUrgency);
  expect(atRisk.length).toBeGreaterThan(3);
  expect(await rowSns(popup)).toEqual(atRisk.slice(0, 50).map((order) => order.orderSn));
  expect(await popup.locator('.kind-chip[data-kind="all"] b').innerText()).toBe(String(atRisk.length));
});

test('a chip narrows the list to its count; the search finds an order by its tracking number', async () => {
  const chip = popup.locator('.kind-chip:not([data-kind="all"])').first();
  const kind = (await chip.getAttribute('data-kind'))!;
  const n = Number(await chip.locator('b').innerText());
  const orders = await sentinel.readStore<StoredOrderLike>('orders');
  expect(n).toBe(orders.filter((order) => order.openKindTags.includes(`${order.shopId}|${kind}`)).length);
  await chip.click();
  await expect.poll(async () => (await rowSns(popup)).length).toBe(Math.min(n, 50));
  for (const row of await popup.getByTestId('popup-row').all()) expect(await row.locator(`.chip[data-kind="${kind}"]`).count()).toBe(1);
  await chip.click();
  expect(await chip.getAttribute('aria-pressed')).toBe('false');

  const target = orders.find((order) => order.trackingNumber !== null && order.riskRank < 1) ?? orders.find((order) => order.trackingNumber !== null)!;
  await popup.getByRole('searchbox', { name: '搜索订单号或运单号' }).fill(target.trackingNumber!);
  await expect.poll(() => rowSns(popup)).toEqual([target.orderSn]);
  await popup.getByRole('searchbox').fill(target.orderSn.slice(0, 8));
  await expect.poll(async () => (await rowSns(popup)).every((orderSn) => orderSn.startsWith(target.orderSn.slice(0, 8)))).toBe(true);
  await popup.getByRole('searchbox').fill('');
  const listed = Number(await popup.locator('.kind-chip[data-kind="all"] b').innerText());
  await expect.poll(async () => (await rowSns(popup)).length).toBe(Math.min(listed, 50));
});

test('稍后提醒 moves a row into the snoozed group and writes local:notificationMutes', async () => {
  const [first] = await rowSns(popup);
  const before = Date.now();
  await popup.getByRole('button', { name: `订单 ${first} 稍后提醒（1 小时）` }).click();
  await expect.poll(() => rowSns(popup)).not.toContain(first);
  await expect.poll(() => popup.getByTestId('muted-group').innerText()).toContain('已稍后/已处理 1 单');
  const worker = await sentinel.serviceWorker();
  const stored = await worker.evaluate(() => (globalThis as unknown as WorkerChrome).chrome.storage.local.get('notificationMutes'));
  const mutes = stored.notificationMutes as { orders: Record<string, number> };
  const until = mutes.orders[`${shop.shopId}|${first}`];
  expect(until).toBeGreaterThanOrEqual(before + 60 * 60_000 - 1_000);
  expect(until).toBeLessThanOrEqual(Date.now() + 60 * 60_000);

  await popup.getByRole('button', { name: /已稍后\/已处理/ }).click();
  await expect.poll(() => popup.getByTestId('muted-row').count()).toBe(1);
  await mkdir('test-results', { recursive: true });
  await popup.evaluate(() => window.scrollTo(0, 0));
  await popup.screenshot({ path: 'test-results/popup.png' });
  await popup.screenshot({ path: 'test-results/popup-full.png', fullPage: true });
});
