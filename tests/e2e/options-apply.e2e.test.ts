import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { POLICY_SOURCES } from '../../lib/findings/policy-sources';
import { POLICY_TABLE } from '../../lib/findings/registry';
import { generateShop, type SyntheticShop } from '../stand-in/synthetic-shop';
import { readPage, waitForBadgedCards } from './console-page';
import { expectedSeverity, type ExpectedBadge } from './expected-badges';

// 规则阈值 on the options page: a threshold saved there re-bands the badge on a console page that stays open
// (no reload: the worker re-evaluates the stored orders and pushes their views), a value out of range or against
// the band rule is refused beside its field and blocks the save, and 恢复默认 brings the defaults back. The page
// is screenshot to test-results/options.png with its sections, a modified value and the field errors showing.

const HOUR = 3_600_000;
const SHOT = resolve(import.meta.dirname, '../../test-results/options.png');
let shop: SyntheticShop;
let sentinel: SentinelBrowser;
/** An unshipped order due in 20 h: info under the default 12 h warn band, warn under a 24 h one. */
let orderSn: string;
let dueAt: number;

beforeAll(async () => {
  shop = generateShop({ seed: 31, size: 40, now: Date.now() });
  const row = shop.orders.find((candidate) => candidate.order_status_str === '待发货' && typeof candidate.promise_shipping_time === 'number')!;
  row.promise_shipping_time = Math.floor((Date.now() + 20 * HOUR) / 1000);
  orderSn = row.order_sn as string;
  dueAt = (row.promise_shipping_time as number) * 1000;
  sentinel = await launchSentinel({ shop, locale: 'zh-CN' });
});
afterAll(async () => {
  await sentinel?.close();
});

const storedOverrides = async () =>
  (await sentinel.serviceWorker()).evaluate(
    async () => ((await chrome.storage.local.get('settings')).settings as { policyOverrides?: Record<string, number> } | undefined)?.policyOverrides,
  );

const shipByBadge = async (page: Page) => (await readPage(page)).badges[orderSn]?.find((badge) => badge.kind === 'ship_by');

const thresholds = (options: Page) => options.getByRole('region', { name: '规则阈值' });

async function saveThresholds(options: Page): Promise<string> {
  await thresholds(options).getByRole('button', { name: '保存阈值' }).click();
  await expect.poll(() => options.getByTestId('thresholds-save-result').innerText()).not.toBe('');
  return options.getByTestId('thresholds-save-result').innerText();
}

const clock = (warnHours: number): ExpectedBadge => ({ kind: 'ship_by', dueAt, warnHours, criticalHours: 2 });

test('a threshold saved on the options page re-bands the badge on the open console, without a reload', async () => {
  const page = await sentinel.openConsole('/orders/list?tab=1');
  const before = await waitForBadgedCards(page);
  expect(before.cards).toContain(orderSn);
  expect((await shipByBadge(page))?.severity).toBe(expectedSeverity(clock(12), before.now));
  expect((await shipByBadge(page))?.severity).toBe('info');
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));

  const options = await sentinel.openExtensionPage('options.html');
  await thresholds(options).getByLabel('发货截止前多少小时提醒', { exact: true }).fill('24');
  expect(await saveThresholds(options)).toBe('已保存');
  expect(await storedOverrides()).toEqual({ shipByWarnHours: 24 });

  await expect.poll(async () => (await shipByBadge(page))?.severity).toBe('warn');
  expect(expectedSeverity(clock(24), Date.now())).toBe('warn');
  // The same page: no navigation happened, the push redrew the card.
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await page.close();
  await options.close();
});

test('the page shows every section, each threshold with its default, unit, source and confidence; bad values block the save; reset restores the defaults', async () => {
  const page = await sentinel.openConsole('/orders/list?tab=1');
  await waitForBadgedCards(page);
  const options = await sentinel.openExtensionPage('options.html');
  const sections = ['标注', '通知', '物流查询', '规则阈值', '数据', '语言'];
  const nav = options.getByRole('navigation', { name: '设置目录' });
  await expect.poll(() => nav.getByRole('link').allInnerTexts()).toEqual(sections);
  for (const name of sections) expect(await options.getByRole('region', { name }).count(), name).toBe(1);
  // The nav is the first stop of the keyboard, and marks the section scrolled to.
  await options.keyboard.press('Tab');
  expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('标注');
  await nav.getByRole('link', { name: '规则阈值' }).click();
  await expect.poll(() => nav.getByRole('link', { name: '规则阈值' }).getAttribute('aria-current')).toBe('location');
  // Every row of the policy table is there, with its default and unit.
  for (const entry of POLICY_TABLE) {
    const row = options.getByTestId(`threshold-${entry.key}`);
    const unit = { hours: '小时', days: '天', count: '单' }[entry.unit];
    expect(await row.locator('td.default').innerText(), entry.key).toBe(`${entry.default} ${unit}`);
  }
  const pickup = POLICY_TABLE.find((entry) => entry.key === 'pickupHours')!;
  const pickupRow = options.getByTestId('threshold-pickupHours');
  const pickupText = await pickupRow.innerText();
  expect(pickupText).toContain(pickup.zh);
  expect(pickupText).toContain(POLICY_SOURCES.pickupHours.zh);
  expect(pickupText).toContain('可信度中');
  // The value saved by the test before shows as modified, with the default beside it.
  const warnRow = options.getByTestId('threshold-shipByWarnHours');
  expect(await warnRow.getByRole('textbox').inputValue()).toBe('24');
  expect(await warnRow.innerText()).toContain('已修改');
  expect(await warnRow.locator('td.default').innerText()).toBe('12 小时');

  // The stored counts are the store's.
  const orders = await sentinel.readStore('orders');
  await expect.poll(() => options.getByTestId('stored-counts').innerText()).toContain(`本机已记录 ${orders.length} 单`);

  // Out of range, and against the band rule (critical not narrower than warn): refused beside the field, as typed.
  const section = thresholds(options);
  await section.locator('input[name="policy-pickupHours"]').fill('0');
  await section.locator('input[name="policy-shipByCriticalHours"]').fill('30');
  expect(await pickupRow.innerText()).toContain('须在 1–720 小时 之间');
  expect(await section.locator('input[name="policy-pickupHours"]').getAttribute('aria-invalid')).toBe('true');
  expect(await options.getByTestId('threshold-shipByCriticalHours').innerText()).toContain('须小于“发货截止前多少小时提醒”（现为 24 小时）');
  // The pair clashes: the saved warn band is marked too, with the value it must exceed.
  expect(await warnRow.innerText()).toContain('须大于“发货截止前多少小时告急”（现为 30 小时）');
  expect(await saveThresholds(options)).toBe('3 项阈值需要更正（已标红），未保存。');
  expect(await storedOverrides()).toEqual({ shipByWarnHours: 24 });
  // The save moved the focus to the first field to correct.
  expect(await options.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('policy-shipByWarnHours');

  await mkdir(resolve(SHOT, '..'), { recursive: true });
  // The whole page in one window as tall as the page, so that the sticky header, nav and save bar sit where
  // they belong rather than where the 900 px window left them.
  const viewport = options.viewportSize()!;
  await options.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await options.setViewportSize({ width: viewport.width, height: await options.evaluate(() => document.documentElement.scrollHeight) });
  await options.screenshot({ path: SHOT, fullPage: true });
  await options.setViewportSize(viewport);

  // 恢复默认 per row, then 全部恢复默认: the defaults are back, and saving them re-bands the console's badge back.
  await options.getByRole('button', { name: '将“发货截止前多少小时告急”恢复为默认值 2 小时' }).click();
  expect(await section.locator('input[name="policy-shipByCriticalHours"]').inputValue()).toBe('2');
  expect(await options.getByTestId('threshold-shipByCriticalHours').innerText()).not.toContain('须小于');
  await section.getByRole('button', { name: '全部恢复默认' }).click();
  expect(await section.locator('input[name="policy-pickupHours"]').inputValue()).toBe(String(pickup.default));
  expect(await warnRow.getByRole('textbox').inputValue()).toBe('12');
  expect(await section.getByText('已修改').count()).toBe(0);
  expect(await saveThresholds(options)).toBe('已保存');
  expect(await storedOverrides()).toEqual({});
  await expect.poll(async () => (await shipByBadge(page))?.severity).toBe('info');
});
