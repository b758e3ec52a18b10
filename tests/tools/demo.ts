// `npm run demo`: the extension against the stand-in console with a synthetic shop. With a display it opens
// a window and keeps running until the window closes or Ctrl+C; without one it runs headless, writes
// screenshots to demo-output/ and prints what the extension found.
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { monthEnd, simulateShopMonth } from '../stand-in/shop-month';
import { generateShop } from '../stand-in/synthetic-shop';

const OUTPUT_DIR = resolve(import.meta.dirname, '../../demo-output');

/** What the demo prints, kept for demo-output/summary.txt beside the screenshots. */
const summary: string[] = [];
function say(...parts: string[]): void {
  console.log(...parts);
  summary.push(parts.join(' '));
}

/** Logistics warnings that need a trace: the demo provider's readings bring them onto the cards. */
const TRACE_KINDS = ['stalled', 'rejected', 'returning', 'destination_mismatch', 'delivery_problem', 'tracking_invalid'];

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '240' },
    seed: { type: 'string', default: '2026' },
    headless: { type: 'boolean', default: false },
    // 演示模式 (the simulated provider inside the extension) unless asked for the console's own traces only.
    service: { type: 'string', default: 'demo' },
    // Orders a day of the month of history restored before the console opens (0: start with no history).
    history: { type: 'string', default: '40' },
  },
});
const size = Number(values.size);
const seed = Number(values.seed);
const headless = values.headless || !process.env.DISPLAY;

const shop = generateShop({ seed, size, now: Date.now() });
say(`订单哨兵 demo: synthetic shop ${shop.shopName} (${shop.shopId}), ${shop.orders.length} orders, ${shop.afterSales.length} after-sales cases, seed ${seed}`);
// A merchant in China: the console's Chinese and Beijing time, as the extension shows them there.
const sentinel = await launchSentinel({ shop, headless, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
await chooseTrackingService(sentinel, values.service === 'console_only' ? '仅读取后台物流' : '演示模式');
if (Number(values.history) > 0) await restoreMonth(sentinel, Number(values.history));

if (headless) {
  await runHeadless(sentinel);
  await sentinel.close();
} else {
  const page = await sentinel.openConsole('/orders/list');
  await page.bringToFront();
  console.log('Chromium is open on https://mms.pinduoduo.com/orders/list (the stand-in console). Close the window or press Ctrl+C to stop.');
  const stop = async () => {
    await sentinel.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  sentinel.context.once('close', () => void stop());
}

/** Chooses the 查询服务 through the options page, as a merchant would (演示模式 needs no account or permission). */
async function chooseTrackingService(browser: SentinelBrowser, label: string): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  await options.getByLabel('查询服务', { exact: true }).selectOption({ label });
  await options.getByRole('button', { name: '保存查询设置' }).click();
  await options.getByTestId('tracking-save-result').getByText('已保存', { exact: true }).waitFor();
  await options.close();
  say(`查询服务: ${label}`);
}

/**
 * The shop's last 30 days, simulated through the real pipeline (tests/stand-in/shop-month.ts), restored from a
 * backup file through 数据 → 导入备份 as a merchant moving to a new computer would: the dashboard then has a month.
 */
async function restoreMonth(browser: SentinelBrowser, ordersPerDay: number): Promise<void> {
  const started = Date.now();
  const doc = await simulateShopMonth({ seed, ordersPerDay, days: 30, end: monthEnd(Date.now()), shopId: shop.shopId });
  await mkdir(OUTPUT_DIR, { recursive: true });
  const file = resolve(OUTPUT_DIR, 'month-backup.json');
  await writeFile(file, JSON.stringify(doc));
  const options = await browser.openExtensionPage('options.html');
  await options.locator('input[name="import-backup"]').setInputFiles(file);
  const result = options.getByTestId('backup-result');
  await result.getByText(/已导入|导入失败|不是/).waitFor({ timeout: 180_000 });
  const outcome = await result.innerText();
  if (!outcome.startsWith('已导入')) throw new Error(`the month's backup was not imported: ${outcome}`);
  say(`History: a month of ${doc.tables.orders.length} orders restored from ${file} (${Math.round((Date.now() - started) / 1000)} s): ${outcome}`);
  await options.close();
}

async function traceWarningsOnPage(page: Page): Promise<string[]> {
  return page.evaluate((kinds) => {
    const found = new Set<string>();
    for (const host of document.querySelectorAll('order-sentinel-badges')) {
      for (const badge of host.shadowRoot?.querySelectorAll<HTMLElement>('.badge') ?? []) if (kinds.includes(badge.dataset.kind ?? '')) found.add(badge.dataset.kind!);
    }
    return [...found];
  }, TRACE_KINDS);
}

/** Clicks the list's next page (page `page`); false on the last page. */
async function nextPage(list: Page, page: number): Promise<boolean> {
  // A background tab gets no animation frames: the console would not render the next page.
  await list.bringToFront();
  const next = list.locator('[data-testid="beast-core-pagination-next"]');
  if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') return false;
  await next.click();
  await list.waitForURL(new RegExp(`page=${page}`));
  await waitForBadges(list);
  return true;
}

async function pageThrough(list: Page): Promise<void> {
  for (let page = 2; await nextPage(list, page); page += 1);
}

/** Until every parcel the extension knows has a reading (the poller asks up to 50 a cycle), or `timeoutMs`. */
async function waitForReadings(browser: SentinelBrowser, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const waybills = await browser.readStore<{ facts: unknown; needsInput: string | null }>('waybills');
    const orders = await browser.readStore<{ firstCheckAt: number | null }>('orders');
    const waiting = orders.filter((order) => order.firstCheckAt !== null).length + waybills.filter((waybill) => waybill.facts === null && waybill.needsInput === null).length;
    if (waiting === 0 || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

async function waitForBadges(page: Page): Promise<number> {
  await page.locator('order-sentinel-badges').first().waitFor({ timeout: 20_000 });
  return page.locator('order-sentinel-badges').count();
}

type Shoot = (page: Page, name: string) => Promise<void>;

/** The options page whole, in a window as tall as the page (its sticky parts then stay in place). */
async function shootOptions(browser: SentinelBrowser, shoot: Shoot): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  await options.getByTestId('stored-counts').waitFor().catch(() => undefined);
  await options.setViewportSize({ width: 1440, height: await options.evaluate(() => document.documentElement.scrollHeight) });
  await shoot(options, 'options');
  await options.close();
}

/**
 * The dashboard once its figures and charts are in, with the timeline of the parcel the month's history has
 * most to tell about (a refused or stalled one, with the most events).
 */
async function shootDashboard(browser: SentinelBrowser, shoot: Shoot): Promise<void> {
  const started = Date.now();
  const dashboard = await browser.openExtensionPage('dashboard.html');
  await dashboard.setViewportSize({ width: 1440, height: 900 });
  await dashboard.locator('[data-testid="aggregate-status"][data-status="ready"]').waitFor({ timeout: 120_000 });
  await dashboard.locator('[data-testid="breach-chart"][data-drawn="true"] canvas').waitFor();
  say(`Dashboard: figures and charts in ${Date.now() - started} ms (${await dashboard.getByTestId('aggregate-status').innerText()})`);
  const orders = await browser.readStore<{ orderSn: string; trackingNumber: string | null; findings: Array<{ kind: string }> }>('orders');
  const events = await browser.readStore<{ trackingNumber: string }>('trackingEvents');
  const eventCount = new Map<string, number>();
  for (const event of events) eventCount.set(event.trackingNumber, (eventCount.get(event.trackingNumber) ?? 0) + 1);
  const told = (order: (typeof orders)[number]) =>
    (order.findings.some((finding) => finding.kind === 'rejected' || finding.kind === 'stalled') ? 1000 : 0) + (eventCount.get(order.trackingNumber ?? '') ?? 0);
  const chosen = orders.reduce((best, order) => (told(order) > told(best) ? order : best), orders[0]!);
  await dashboard.getByLabel('订单号或运单号').fill(chosen.orderSn);
  await dashboard.getByRole('button', { name: '查找', exact: true }).click();
  await dashboard.getByTestId('timeline').waitFor();
  await dashboard.setViewportSize({ width: 1440, height: await dashboard.evaluate(() => document.documentElement.scrollHeight) });
  await shoot(dashboard, 'dashboard');
  await dashboard.close();
}

async function runHeadless(browser: SentinelBrowser): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const shots: string[] = [];
  // The popup as the toolbar shows it (its window, not the whole list); the pages whole.
  const shoot = async (page: Page, name: string) => {
    const path = resolve(OUTPUT_DIR, `${name}.png`);
    await page.screenshot({ path, fullPage: name !== 'popup' });
    shots.push(path);
  };

  const list = await browser.openConsole('/orders/list');
  const badged: Record<string, number> = { '全部': await waitForBadges(list) };
  await shoot(list, 'orders-all');
  await list.getByText('待发货', { exact: true }).first().click();
  await list.waitForURL(/tab=/);
  await list.waitForTimeout(500);
  badged['待发货'] = await waitForBadges(list);
  await shoot(list, 'orders-unshipped');

  // The shipped tab stays open while the poller reads the parcels: its cards change without a reload.
  const shipped = await browser.openConsole('/orders/list?tab=2');
  badged['已发货'] = await waitForBadges(shipped);
  await shoot(shipped, 'orders-shipped-before-tracking');
  // Page through the whole lists once, as a merchant would, so the summary covers the whole shop and every
  // parcel is queued for its first reading.
  await list.getByText('全部', { exact: true }).first().click();
  await pageThrough(list);
  await waitForReadings(browser, 240_000);
  // The shipped page showing the most kinds of logistics warnings (older parcels have had time to stall or be refused).
  let best = { page: 1, kinds: await traceWarningsOnPage(shipped) };
  for (let page = 2; await nextPage(shipped, page); page += 1) {
    const kinds = await traceWarningsOnPage(shipped);
    if (kinds.length > best.kinds.length) best = { page, kinds };
  }
  const tracked = await browser.openConsole(`/orders/list?tab=2&page=${best.page}`);
  await waitForBadges(tracked);
  await tracked.waitForTimeout(500);
  await shoot(tracked, 'orders-shipped');
  say(`Logistics warnings on 已发货 page ${best.page}: ${best.kinds.sort().join(', ') || 'none'}`);
  const afterSales = await browser.openConsole('/aftersales/aftersale_list');
  await waitForBadges(afterSales);
  await shoot(afterSales, 'aftersales');

  await pageThrough(afterSales);

  const popup = await browser.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.getByTestId('at-risk-count').waitFor();
  await popup.getByTestId('recent-notifications').waitFor({ timeout: 60_000 }).catch(() => undefined);
  await popup.waitForTimeout(500);
  await shoot(popup, 'popup');
  // The notifications the worker created, as the popup lists them (below its first window of rows).
  const recent = popup.getByTestId('recent-notifications');
  if ((await recent.count()) > 0) {
    const path = resolve(OUTPUT_DIR, 'popup-notifications.png');
    await recent.screenshot({ path });
    shots.push(path);
  }
  await shootOptions(browser, shoot);
  await shootDashboard(browser, shoot);

  const orders = await browser.readStore<{ orderSn: string; findings: Array<{ kind: string; severity: string; closedAt: number | null }> }>('orders');
  const open = orders.flatMap((order) => order.findings.filter((finding) => finding.closedAt === null));
  const byKind = new Map<string, Map<string, number>>();
  for (const finding of open) {
    const severities = byKind.get(finding.kind) ?? new Map<string, number>();
    severities.set(finding.severity, (severities.get(finding.severity) ?? 0) + 1);
    byKind.set(finding.kind, severities);
  }

  const waybills = await browser.readStore<{ facts: { provider: string; status: string } | null; queryTimes: number[] }>('waybills');
  const read = waybills.filter((waybill) => waybill.facts !== null);
  const statuses = new Map<string, number>();
  for (const waybill of read) statuses.set(waybill.facts!.status, (statuses.get(waybill.facts!.status) ?? 0) + 1);
  say(`\nParcels: ${waybills.length} known, ${read.length} read (${[...statuses].map(([status, n]) => `${status} ${n}`).join(', ')}), ${waybills.reduce((sum, waybill) => sum + waybill.queryTimes.length, 0)} queries`);
  const log = await browser.readStore<{ title: string; body: string; sentAt: number; orderSns?: string[] }>('notifications');
  const shown = log.filter((row) => row.orderSns !== undefined).sort((a, b) => a.sentAt - b.sentAt);
  const onScreen = await (await browser.serviceWorker()).evaluate(async () => Object.keys(await chrome.notifications.getAll()).length);
  say(`\nDesktop notifications: ${shown.length} created (${onScreen} still on screen), for example:`);
  for (const row of shown.slice(0, 3)) say(`  ${new Date(row.sentAt).toISOString()}  ${row.title} · ${row.body.replace(/\n/g, " / ")}`);
  say('\nBadged cards per tab:', Object.entries(badged).map(([tab, n]) => `${tab} ${n}`).join(', '));
  say(`Stored orders: ${orders.length}; open findings: ${open.length}`);
  for (const [kind, severities] of [...byKind].sort()) {
    say(`  ${kind.padEnd(22)} ${[...severities].map(([severity, n]) => `${severity} ${n}`).join(', ')}`);
  }
  say('\nScreenshots:');
  for (const shot of shots) say(`  ${shot}`);
  await writeFile(resolve(OUTPUT_DIR, 'summary.txt'), `${summary.join('\n')}\n`);
  console.log(`  ${resolve(OUTPUT_DIR, 'summary.txt')} (this summary)`);
}
