import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { seedExtensionHistory } from '../harness/seed-history';
import { monthEnd, simulateShopMonth } from '../stand-in/shop-month';
import { generateShop } from '../stand-in/synthetic-shop';

// Issue 13, the dashboard over a simulated month of two shops (60 orders a day for 30 days, seeded twice):
// the scorecard's numbers recomputed here from the stored rows, the charts drawn with data, the timeline
// search, the shop selector; a screenshot to look at.

interface Finding {
  kind: string;
  closedAt: number | null;
}
interface Order {
  shopId: string;
  orderSn: string;
  trackingNumber: string | null;
  riskRank: number;
  facts: { shippedAt: number | null; shippingId: number | null; courierName: string | null; noLogistics: boolean };
  findings: Finding[];
}
interface Event {
  at: number;
  status: string | null;
}
interface Waybill {
  shopId: string;
  trackingNumber: string;
  status: string;
  facts: { pickedUpAt: number | null; lastEventAt: number | null; events: Event[] } | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BEIJING = 8 * HOUR;

let sentinel: SentinelBrowser;
let emptyState: { text: string; link: string | null; tables: number };

beforeAll(async () => {
  const now = Date.now();
  const month = await simulateShopMonth({ seed: 31, ordersPerDay: 60, days: 30, end: monthEnd(now) });
  sentinel = await launchSentinel({ shop: generateShop({ seed: 31, size: 10, now }), locale: 'zh-CN' });
  // Before the history is seeded, the page has nothing to show and says what to do.
  const page = await sentinel.openExtensionPage('dashboard.html');
  const empty = page.getByTestId('dashboard-empty');
  await empty.waitFor();
  emptyState = {
    text: (await empty.textContent()) ?? '',
    link: await empty.getByRole('link', { name: '打开订单列表' }).getAttribute('href'),
    tables: await page.getByTestId('scorecard').count(),
  };
  await page.close();
  await seedExtensionHistory(sentinel, month, { copies: 2 });
}, 600_000);
afterAll(async () => {
  await sentinel?.close();
});

/** The scorecard as this test reads the definitions (lib/dashboard/courier-scorecard.ts), written out again. */
function expectedScorecard(orders: Order[], waybills: Waybill[], now: number): Map<string, string[]> {
  const from = Math.floor((now + BEIJING) / DAY) * DAY - BEIJING - 29 * DAY;
  const byWaybill = new Map(waybills.map((waybill) => [`${waybill.shopId}|${waybill.trackingNumber}`, waybill]));
  const problemKinds = ['early_upload', 'stalled', 'delivery_problem', 'rejected', 'returning', 'destination_mismatch', 'duplicate_tracking', 'tracking_invalid'];
  const groups = new Map<string, { parcels: number; latencies: number[]; transits: number[]; stalled: number; rejected: number; returned: number; problems: number }>();
  const seen = new Set<string>();
  for (const order of orders) {
    const uploaded = order.facts.shippedAt;
    if (order.trackingNumber === null || uploaded === null || order.facts.noLogistics || uploaded < from || uploaded > now) continue;
    const key = `${order.shopId}|${order.trackingNumber}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const courier = order.facts.shippingId !== null ? `id:${order.facts.shippingId}` : order.facts.courierName ? `name:${order.facts.courierName}` : 'unknown';
    const group = groups.get(courier) ?? { parcels: 0, latencies: [], transits: [], stalled: 0, rejected: 0, returned: 0, problems: 0 };
    groups.set(courier, group);
    const waybill = byWaybill.get(key);
    const events = waybill?.facts?.events ?? [];
    const statuses = new Set([...(waybill === undefined ? [] : [waybill.status]), ...events.map((item) => item.status)]);
    const kinds = new Set(order.findings.map((item) => item.kind));
    const pickedUp = waybill?.facts?.pickedUpAt ?? null;
    const deliveredEvent = events.find((item) => item.status === 'delivered');
    const delivered = deliveredEvent?.at ?? (waybill?.status === 'delivered' ? (waybill.facts?.lastEventAt ?? null) : null);
    const rejected = kinds.has('rejected') || statuses.has('rejected');
    const returned = kinds.has('returning') || statuses.has('returning') || statuses.has('returned');
    group.parcels += 1;
    if (pickedUp !== null) group.latencies.push(Math.max(0, pickedUp - uploaded));
    if (pickedUp !== null && delivered !== null) group.transits.push(Math.max(0, delivered - pickedUp));
    if (kinds.has('stalled')) group.stalled += 1;
    if (rejected) group.rejected += 1;
    if (returned) group.returned += 1;
    if (rejected || returned || problemKinds.some((kind) => kinds.has(kind))) group.problems += 1;
  }
  const rank = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? null : sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
  };
  const hours = (ms: number | null) => (ms === null ? '—' : `${(ms / HOUR).toFixed(1)} 小时`);
  const percent = (count: number, of: number) => `${((count / of) * 100).toFixed(1)}%`;
  return new Map(
    [...groups].map(([courier, group]) => [
      courier,
      [
        String(group.parcels),
        hours(rank(group.latencies, 50)),
        hours(rank(group.latencies, 90)),
        hours(rank(group.transits, 50)),
        hours(rank(group.transits, 90)),
        percent(group.stalled, group.parcels),
        percent(group.rejected, group.parcels),
        percent(group.returned, group.parcels),
        percent(group.problems, group.parcels),
      ],
    ]),
  );
}

async function shownScorecard(page: Page): Promise<Map<string, string[]>> {
  const rows = await page.locator('[data-testid="scorecard"] tbody tr[data-courier]').evaluateAll((items) =>
    items.map((row) => [row.getAttribute('data-courier') ?? '', [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')] as const),
  );
  return new Map(rows);
}

async function openDashboard(): Promise<Page> {
  const page = await sentinel.openExtensionPage('dashboard.html');
  await page.locator('[data-testid="aggregate-status"][data-status="ready"]').waitFor({ timeout: 60_000 });
  return page;
}

/** How many of the chart's canvas pixels have `color` (±24 per channel): drawn bars, not a blank canvas. */
async function pixelsOf(page: Page, testId: string, color: [number, number, number]): Promise<number> {
  return page.locator(`[data-testid="${testId}"] canvas`).evaluate((canvas: HTMLCanvasElement, [r, g, b]) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let index = 0; index < data.length; index += 4) {
      if (Math.abs(data[index]! - r) < 24 && Math.abs(data[index + 1]! - g) < 24 && Math.abs(data[index + 2]! - b) < 24) count += 1;
    }
    return count;
  }, color);
}

test('the scorecard shows what the stored history says, courier by courier', async () => {
  // The background may reassess the seeded history once it wakes: compare a page and a reading of the
  // stores taken after it, and again after a reload if a finding changed in between.
  let last: { shown: [string, string[]][]; expected: [string, string[]][] } = { shown: [], expected: [] };
  const sorted = (rows: Map<string, string[]>) => [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  await expect
    .poll(
      async () => {
        const page = await openDashboard();
        const shown = await shownScorecard(page);
        const now = Date.now();
        await page.close();
        last = { shown: sorted(shown), expected: sorted(expectedScorecard(await sentinel.readStore<Order>('orders'), await sentinel.readStore<Waybill>('waybills'), now)) };
        return JSON.stringify(last.shown) === JSON.stringify(last.expected);
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toBe(true)
    .catch((error: unknown) => {
      console.log(JSON.stringify(last, null, 1));
      throw error;
    });
  expect(last.shown.length).toBeGreaterThanOrEqual(2);
});

test('the figures, the charts with data, the timeline search, the shop selector; a screenshot', async () => {
  const page = await openDashboard();
  const orders = await sentinel.readStore<Order>('orders');
  await expect.poll(() => page.getByTestId('figure-stored').textContent()).toBe(orders.length.toLocaleString('zh-CN'));
  const atRisk = async () => (await sentinel.readStore<Order>('orders')).filter((order) => order.riskRank >= 1).length.toLocaleString('zh-CN');
  await expect.poll(async () => (await page.getByTestId('figure-at-risk').textContent()) === (await atRisk())).toBe(true);

  // Both charts drawn on a canvas, with bars in their colours, and described for screen readers by ECharts.
  await page.locator('[data-testid="risk-chart"][data-drawn="true"] canvas').waitFor();
  await page.locator('[data-testid="breach-chart"][data-drawn="true"] canvas').waitFor();
  expect(await pixelsOf(page, 'risk-chart', [0xe0, 0x2e, 0x24])).toBeGreaterThan(200);
  expect(await pixelsOf(page, 'breach-chart', [0xe0, 0x2e, 0x24]) + (await pixelsOf(page, 'breach-chart', [0x09, 0x58, 0xd9]))).toBeGreaterThan(200);
  expect(await page.locator('[data-testid="risk-chart"] .chart').getAttribute('aria-label')).toContain('风险订单');
  expect(await page.locator('[data-testid="breach-chart"] .chart').getAttribute('aria-label')).toContain('发货截止');

  // The timeline of a parcel with courier events and findings, found by its tracking number typed in lower case.
  const events = await sentinel.readStore<{ shopId: string; trackingNumber: string }>('trackingEvents');
  const eventsPer = new Map<string, number>();
  for (const item of events) eventsPer.set(`${item.shopId}|${item.trackingNumber}`, (eventsPer.get(`${item.shopId}|${item.trackingNumber}`) ?? 0) + 1);
  const sharing = new Map<string, number>();
  const waybillOf = (order: Order) => `${order.shopId}|${order.trackingNumber}`;
  for (const order of orders) if (order.trackingNumber !== null) sharing.set(waybillOf(order), (sharing.get(waybillOf(order)) ?? 0) + 1);
  // The parcel with the most courier events (then the most findings), of a waybill no other order of its
  // shop shares, in the first shop: the copied shop has the same numbers, and the search lists that shop's first.
  const eventsOf = (order: Order) => eventsPer.get(waybillOf(order)) ?? 0;
  const firstShop = [...new Set(orders.map((order) => order.shopId))].sort()[0];
  const chosen = orders
    .filter((order) => order.shopId === firstShop && order.trackingNumber !== null && sharing.get(waybillOf(order)) === 1)
    .sort((a, b) => eventsOf(b) - eventsOf(a) || b.findings.length - a.findings.length)[0]!;
  expect(eventsOf(chosen)).toBeGreaterThan(0);
  expect(chosen.findings.length).toBeGreaterThan(0);
  await page.getByLabel('订单号或运单号').fill(chosen.trackingNumber!.toLowerCase());
  await page.getByLabel('订单号或运单号').press('Enter');
  const timeline = page.getByRole('region', { name: `订单 ${chosen.orderSn} 的时间线` });
  await timeline.waitFor();
  const entries = await timeline.locator('li').evaluateAll((items) => items.map((item) => ({ at: Number(item.getAttribute('data-at')), type: item.getAttribute('data-type') })));
  expect(entries.map((entry) => entry.at)).toEqual([...entries.map((entry) => entry.at)].sort((a, b) => a - b));
  expect(entries.filter((entry) => entry.type === 'tracking_event')).toHaveLength(eventsOf(chosen));
  expect(await timeline.getAttribute('data-shop-id')).toBe(chosen.shopId);
  expect(entries.filter((entry) => entry.type === 'finding_opened')).toHaveLength(chosen.findings.length);
  expect(entries.filter((entry) => entry.type === 'finding_closed')).toHaveLength(chosen.findings.filter((item) => item.closedAt !== null).length);
  expect(entries[0]!.type).toBe('first_seen');

  // Two shops: a selector, and one shop's figures are its own.
  const shopIds = [...new Set(orders.map((order) => order.shopId))].sort();
  expect(shopIds).toHaveLength(2);
  const select = page.getByLabel('店铺');
  expect(await select.locator('option').allTextContents()).toEqual(['全部店铺', ...shopIds]);
  await select.selectOption(shopIds[1]!);
  await expect.poll(() => page.getByTestId('figure-stored').textContent()).toBe(orders.filter((order) => order.shopId === shopIds[1]).length.toLocaleString('zh-CN'));
  await page.locator('[data-testid="aggregate-status"][data-status="ready"]').waitFor({ timeout: 60_000 });
  await select.selectOption('');
  await page.locator('[data-testid="aggregate-status"][data-status="ready"]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="breach-chart"][data-drawn="true"] canvas').waitFor();

  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });
  await page.close();
});

test('an empty history says what to do', () => {
  expect(emptyState.text).toContain('还没有历史记录');
  expect(emptyState.link).toBe('https://mms.pinduoduo.com/orders/list');
  expect(emptyState.tables).toBe(0);
});
