import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { generateShop, type SyntheticShop } from '../stand-in/synthetic-shop';
import { openTab, readPage, waitForBadgedCards, type PageReading } from './console-page';
import { acceptableTexts, expectedOrderClock, expectedSeverity } from './expected-badges';

// Issue 4: every card on every tab and page gets the right badges with the right remaining time,
// worked out here from the synthetic shop; after-sales rows too.

const TABS = ['全部', '待发货', '已发货', '已签收'] as const;
let shop: SyntheticShop;
let sentinel: SentinelBrowser;

/** An unshipped order whose ship-by time crosses from the warn band into the critical band during the test. */
let crossingOrderSn: string;
const CROSSING_IN_MS = 12_000;
/** An unshipped order due within the hour: its badge counts seconds. */
let lastHourOrderSn: string;

beforeAll(async () => {
  shop = generateShop({ seed: 7, size: 90, now: Date.now() });
  const row = shop.orders.find((candidate) => candidate.order_status_str === '待发货' && typeof candidate.promise_shipping_time === 'number')!;
  row.promise_shipping_time = Math.floor((Date.now() + 2 * 3_600_000 + CROSSING_IN_MS) / 1000);
  crossingOrderSn = row.order_sn as string;
  const soon = shop.orders.find((candidate) => candidate !== row && candidate.order_status_str === '待发货' && typeof candidate.promise_shipping_time === 'number')!;
  soon.promise_shipping_time = Math.floor((Date.now() + 30 * 60_000) / 1000);
  lastHourOrderSn = soon.order_sn as string;
  sentinel = await launchSentinel({ shop, locale: 'zh-CN' });
});
afterAll(async () => {
  await sentinel?.close();
});

const rowOf = (orderSn: string) => shop.orders.find((row) => row.order_sn === orderSn)!;

function checkClocks(reading: PageReading): number {
  let checked = 0;
  for (const orderSn of reading.cards) {
    const badges = reading.badges[orderSn] ?? [];
    const expected = expectedOrderClock(rowOf(orderSn));
    const clockBadges = badges.filter((badge) => badge.kind === 'ship_by' || badge.kind === 'pickup_by');
    if (expected === null) {
      expect(clockBadges, `${orderSn} (${shop.scenarioOf[orderSn]}) has no ship/pickup clock`).toEqual([]);
      continue;
    }
    const badge = clockBadges.find((candidate) => candidate.kind === expected.kind);
    expect(badge, `${orderSn} (${shop.scenarioOf[orderSn]}) shows ${expected.kind}`).toBeDefined();
    expect(clockBadges, `${orderSn}: one shipping clock`).toHaveLength(1);
    expect([...acceptableTexts(expected, reading.now)], `${orderSn} text`).toContain(badge!.text);
    expect(badge!.severity, `${orderSn} colour`).toBe(expectedSeverity(expected, reading.now));
    checked += 1;
  }
  return checked;
}

async function everyPage(page: Page, visit: (reading: PageReading) => void): Promise<number> {
  let pages = 0;
  for (;;) {
    visit(await waitForBadgedCards(page));
    pages += 1;
    const next = page.locator('[data-testid="beast-core-pagination-next"]');
    if ((await next.getAttribute('aria-disabled')) === 'true') return pages;
    const first = (await readPage(page)).cards[0];
    await next.click();
    await expect.poll(async () => (await readPage(page)).cards[0]).not.toBe(first);
  }
}

describe('order list', () => {
  test('every card on every tab and page has the right clock, time left and colour', async () => {
    const page = await sentinel.openConsole('/orders/list');
    await waitForBadgedCards(page);
    let clocks = 0;
    let cards = 0;
    for (const tab of TABS) {
      if (tab !== '全部') await openTab(page, tab);
      await everyPage(page, (reading) => {
        cards += reading.cards.length;
        clocks += checkClocks(reading);
        expect(reading.hostCount, 'one badge host per card').toBe(reading.cards.length);
      });
    }
    // 全部 lists every order once; the other tabs list subsets again.
    expect(cards).toBeGreaterThan(shop.orders.length);
    expect(clocks).toBeGreaterThan(10);
    await page.close();
  });

  test('hovering a badge explains the rule, the times used and what to do', async () => {
    const page = await sentinel.openConsole('/orders/list?tab=1');
    const reading = await waitForBadgedCards(page);
    const orderSn = reading.cards.find((sn) => reading.badges[sn]!.some((badge) => badge.kind === 'ship_by'))!;
    const host = page.locator(`order-sentinel-badges[data-order-sn="${orderSn}"]`);
    await host.locator('.badge[data-kind="ship_by"]').hover();
    const explanation = host.locator('.explain');
    await expect.poll(() => explanation.isVisible()).toBe(true);
    const text = await explanation.innerText();
    expect(text).toContain('发货截止');
    expect(text).toContain('承诺发货时间');
    expect(text).toContain('R1');
    expect(text).toContain('建议');
    await page.close();
  });
});

test('a badge changes colour when its clock crosses a band, without a reload', async () => {
  const page = await sentinel.openConsole(`/orders/list?tab=1`);
  await waitForBadgedCards(page);
  const badge = page.locator(`order-sentinel-badges[data-order-sn="${crossingOrderSn}"] .badge[data-kind="ship_by"]`);
  if ((await badge.count()) === 0) {
    // The order may sit on a later page of 待发货, depending on the sort.
    await page.goto(`https://mms.pinduoduo.com/orders/list?tab=1&page=2`);
  }
  await expect.poll(() => badge.getAttribute('data-severity')).toBe('warn');
  let loads = 0;
  page.on('load', () => (loads += 1));
  const before = await badge.textContent();
  await expect.poll(() => badge.getAttribute('data-severity'), { timeout: CROSSING_IN_MS + 10_000 }).toBe('critical');
  expect(await badge.textContent()).not.toBe(before);
  expect(loads).toBe(0);
});

test('in the last hour the countdown shows and updates seconds', async () => {
  const page = await sentinel.openConsole(`/orders/list?tab=1`);
  await waitForBadgedCards(page);
  let badge = page.locator(`order-sentinel-badges[data-order-sn="${lastHourOrderSn}"] .badge[data-kind="ship_by"]`);
  if ((await badge.count()) === 0) await page.goto(`https://mms.pinduoduo.com/orders/list?tab=1&page=2`);
  badge = page.locator(`order-sentinel-badges[data-order-sn="${lastHourOrderSn}"] .badge[data-kind="ship_by"]`);
  await expect.poll(() => badge.textContent()).toMatch(/^发货 剩 \d+分\d{2}秒$/);
  const first = await badge.textContent();
  await expect.poll(() => badge.textContent(), { timeout: 5_000 }).not.toBe(first);
  expect(await badge.getAttribute('data-severity')).toBe('critical');
});

describe('after-sales list', () => {
  test('rows waiting on the merchant show the after-sales countdown from expireRemainTime', async () => {
    const page = await sentinel.openConsole('/aftersales/aftersale_list');
    const reading = await waitForBadgedCards(page);
    let waiting = 0;
    for (const row of shop.afterSales.slice(0, reading.cards.length)) {
      const orderSn = String(row.orderSn);
      const badges = reading.badges[orderSn] ?? [];
      const remain = row.expireRemainTime;
      const reply = badges.find((badge) => badge.kind === 'after_sale_reply_by');
      if (typeof remain !== 'number') continue;
      waiting += 1;
      expect(reply, `${orderSn} after-sales badge`).toBeDefined();
      // Due = when the page read the row + expireRemainTime; the page read it between shop.now and now.
      const match = /售后 剩 (?:(\d+)天)?(?:(\d+)时)?(?:(\d+)分)?(?:(\d+)秒)?/.exec(reply!.text);
      expect(match, reply!.text).not.toBeNull();
      const [, d, h, m, s] = match!.map((part) => Number(part ?? 0));
      const shown = (((d! * 24 + h!) * 60 + m!) * 60 + s!) * 1000;
      const readLag = reading.now - shop.now;
      expect(shown).toBeLessThanOrEqual(remain * 1000);
      expect(shown).toBeGreaterThanOrEqual(remain * 1000 - readLag - 61 * 60_000 * (d! > 0 ? 60 : 1));
    }
    expect(waiting).toBeGreaterThan(0);
    await page.close();
  });
});

test('an order shipped meanwhile, seen in a second tab, changes its card in the first tab without a reload', async () => {
  const first = await sentinel.openConsole('/orders/list');
  const reading = await waitForBadgedCards(first);
  const orderSn = reading.cards.find(
    (sn) => sn !== crossingOrderSn && sn !== lastHourOrderSn && reading.badges[sn]!.some((badge) => badge.kind === 'ship_by'),
  )!;
  expect(orderSn, 'an unshipped order on the first page').toBeDefined();
  let loads = 0;
  first.on('load', () => (loads += 1));

  // The merchant ships it elsewhere; the stand-in console now lists it as shipped, with no trace read yet.
  const row = rowOf(orderSn);
  Object.assign(row, {
    order_status: 2,
    order_status_str: '已发货，待收货',
    shipping_status: 1,
    shipping_time: Math.floor(Date.now() / 1000),
    tracking_number: 'YT9900000000001',
    shipping_id: 85,
  });
  const second = await sentinel.openConsole('/orders/list');
  expect((await waitForBadgedCards(second)).badges[orderSn]?.map((badge) => badge.kind)).toContain('pickup_by');

  // The background pushed the new view to the first tab: ship-by gone, an unverified pickup countdown instead.
  const badges = async () => (await readPage(first)).badges[orderSn] ?? [];
  await expect.poll(async () => (await badges()).map((badge) => badge.kind), { timeout: 10_000 }).not.toContain('ship_by');
  const pickup = (await badges()).find((badge) => badge.kind === 'pickup_by');
  expect(pickup?.text).toMatch(/^揽收 剩 23时\d+分 · 未核实$/);
  expect(pickup?.severity).toBe('info');
  expect(loads).toBe(0);
  await Promise.all([first.close(), second.close()]);
});
