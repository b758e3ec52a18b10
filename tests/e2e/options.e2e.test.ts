import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { FINDING_KINDS } from '../../lib/findings/registry';
import { generateShop, type SyntheticShop } from '../stand-in/synthetic-shop';
import { readPage, waitForBadgedCards } from './console-page';

// The options page: badge switches reach the console page without a reload, a bad value is refused with
// its message, and the exports download a CSV that opens in Excel/WPS (UTF-8 BOM) and a JSON backup.

let shop: SyntheticShop;
let sentinel: SentinelBrowser;

beforeAll(async () => {
  shop = generateShop({ seed: 77, size: 45, now: Date.now() });
  sentinel = await launchSentinel({ shop, locale: 'zh-CN' });
});
afterAll(async () => {
  await sentinel?.close();
});

test('switching a badge kind off removes those badges from the open console page', async () => {
  const page = await sentinel.openConsole('/orders/list?tab=1');
  const before = await waitForBadgedCards(page);
  const withShipBy = before.cards.filter((orderSn) => before.badges[orderSn]!.some((badge) => badge.kind === 'ship_by'));
  expect(withShipBy.length).toBeGreaterThan(0);

  const options = await sentinel.openExtensionPage('options.html');
  await options.locator('input[name="badge-ship_by"]').uncheck();
  await options.getByRole('button', { name: '保存标注设置' }).click();
  await expect.poll(() => options.getByTestId('badges-save-result').innerText()).toBe('已保存');
  // Saved as the versioned storage item: only the switched-off kind, and the version beside it.
  const stored = await (await sentinel.serviceWorker()).evaluate(async () => chrome.storage.local.get(['settings', 'settings$']));
  expect(stored).toMatchObject({ settings: { badgeKinds: { ship_by: false } }, settings$: { v: 2 } });

  await expect
    .poll(async () => {
      const reading = await readPage(page);
      return withShipBy.filter((orderSn) => reading.badges[orderSn]?.some((badge) => badge.kind === 'ship_by'));
    })
    .toEqual([]);
});

test('an out-of-range value is refused with its message and nothing is saved', async () => {
  const options = await sentinel.openExtensionPage('options.html');
  await options.locator('input[name="retentionDays"]').fill('1');
  await options.getByRole('button', { name: '保存保留天数' }).click();
  await expect.poll(() => options.getByTestId('retention-save-result').innerText()).toBe('保留天数须为 7–3650 之间的整数');
  const stored = await (await sentinel.serviceWorker()).evaluate(async () => (await chrome.storage.local.get('settings')).settings as { retentionDays?: number } | undefined);
  expect(stored?.retentionDays ?? 180).toBe(180);
});

test('exports the at-risk list as CSV with a BOM and the history as a JSON backup', async () => {
  const page = await sentinel.openConsole('/orders/list');
  await waitForBadgedCards(page);
  const options = await sentinel.openExtensionPage('options.html');
  const [csv] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: '导出待处理订单（CSV）' }).click()]);
  const csvText = await readFile(await csv.path(), 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  expect(csvText).toContain('\r\n');
  const [json] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: '导出备份（JSON）' }).click()]);
  const backup = JSON.parse(await readFile(await json.path(), 'utf8')) as { format: string };
  expect(backup.format).toBe('order-sentinel-backup');
  const text = csvText + JSON.stringify(backup);
  for (const secret of [...shop.pii.names, ...shop.pii.phones, ...shop.pii.addresses]) expect(text.includes(secret), secret).toBe(false);
});

test('settings saved before they had a version are migrated when the worker starts, and the page follows them', async () => {
  // What the unversioned settings looked like: every kind's switch (here ship_by on again), no version.
  const unversioned = { policyOverrides: {}, badgeKinds: Object.fromEntries(FINDING_KINDS.map((kind) => [kind, kind !== 'auto_confirm_at'])), retentionDays: 90, language: 'zh' };
  await (await sentinel.serviceWorker()).evaluate(async (settings) => {
    await chrome.storage.local.set({ settings });
    await chrome.storage.local.remove('settings$');
  }, unversioned);
  await sentinel.stopServiceWorker();

  const page = await sentinel.openConsole('/orders/list?tab=1'); // its capture wakes the worker
  const reading = await waitForBadgedCards(page);
  expect(Object.values(reading.badges).flat().some((badge) => badge.kind === 'ship_by')).toBe(true);
  await expect
    .poll(async () => (await sentinel.serviceWorker()).evaluate(async () => chrome.storage.local.get(['settings', 'settings$'])))
    .toEqual({ settings: { ...unversioned, badgeKinds: { auto_confirm_at: false } }, settings$: { v: 2 } });
});
