import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { generateShop } from '../stand-in/synthetic-shop';

// 通知 on the options page: a lead time changed and saved is what storage holds (and what the page shows
// after a reload), a bad value is refused with its message and nothing saved, and 发送测试通知 makes the worker
// create one notification (read back with chrome.notifications.getAll in the worker), answered on the page.
// The worker reads the settings as saved at each request: switching notifications off shows in its very next answer.

let sentinel: SentinelBrowser;

beforeAll(async () => {
  sentinel = await launchSentinel({ shop: generateShop({ seed: 12, size: 10, now: Date.now() }), locale: 'zh-CN' });
});
afterAll(async () => {
  await sentinel?.close();
});

interface StoredNotifications {
  enabled?: boolean;
  leadHours?: Record<string, number[]>;
  anomalies?: Record<string, boolean>;
  quietHours?: { start: string; end: string } | null;
}

const storedNotifications = async () =>
  (await sentinel.serviceWorker()).evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { notifications?: StoredNotifications } | undefined)?.notifications);

type WorkerChrome = { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } };

const notificationIds = async () =>
  (await sentinel.serviceWorker()).evaluate(async () => Object.keys(await (globalThis as unknown as WorkerChrome).chrome.notifications.getAll()));

const section = (options: Page) => options.getByRole('region', { name: '通知' });

async function save(options: Page): Promise<string> {
  await section(options).getByRole('button', { name: '保存通知设置' }).click();
  await expect.poll(() => options.getByTestId('notification-save-result').innerText()).not.toBe('');
  return options.getByTestId('notification-save-result').innerText();
}

test('a lead time changed and saved is stored, largest first, with the other edits of the section', async () => {
  const options = await sentinel.openExtensionPage('options.html');
  const notify = section(options);
  const shipBy = notify.getByLabel('发货截止 提前小时数', { exact: true });
  await expect.poll(() => shipBy.inputValue()).toBe('4, 1'); // the defaults, nothing stored yet
  expect(await storedNotifications()).toBeUndefined();

  await shipBy.fill('0.5, 3');
  await notify.getByLabel('揽收截止 提前小时数', { exact: true }).fill('');
  await notify.getByLabel('退回', { exact: true }).uncheck();
  await notify.getByLabel('免打扰时段', { exact: true }).check();
  await notify.getByLabel('免打扰开始', { exact: true }).fill('21:30');
  await notify.getByLabel('免打扰结束', { exact: true }).fill('07:00');
  // An unsaved edit in another section is neither saved with this one nor lost by it.
  await options.locator('input[name="retentionDays"]').fill('30');
  expect(await save(options)).toBe('已保存');
  expect(await options.locator('input[name="retentionDays"]').inputValue()).toBe('30');

  expect(await storedNotifications()).toEqual({
    enabled: true,
    leadHours: { ship_by: [3, 0.5], pickup_by: [], after_sale_reply_by: [6, 1] },
    anomalies: { rejected: true, returning: false, intercept_parcel: true, duplicate_tracking: true, tracking_invalid: true, timeout_auto_refund: true },
    quietHours: { start: '21:30', end: '07:00' },
    digest: true,
    sound: false,
  });
  expect(((await (await sentinel.serviceWorker()).evaluate(async () => (await chrome.storage.local.get('settings')).settings)) as { retentionDays: number }).retentionDays).toBe(180);
  if (process.env.NOTIFY_OPTIONS_SHOT) await section(options).screenshot({ path: process.env.NOTIFY_OPTIONS_SHOT });
  await options.reload();
  await expect.poll(() => section(options).getByLabel('发货截止 提前小时数', { exact: true }).inputValue()).toBe('3, 0.5');
  expect(await section(options).getByLabel('免打扰开始', { exact: true }).inputValue()).toBe('21:30');
});

test('a lead time out of range or no number is refused with its message, and nothing is saved', async () => {
  const before = await storedNotifications();
  const options = await sentinel.openExtensionPage('options.html');
  const shipBy = section(options).getByLabel('发货截止 提前小时数', { exact: true });
  await shipBy.fill('100');
  expect(await save(options)).toBe('“发货截止 提前小时数”须在 0.25–72 之间（收到 100）');
  await shipBy.fill('4, 一小时');
  expect(await save(options)).toBe('发货截止：“一小时”不是小时数');
  await section(options).getByLabel('售后处理截止 提前小时数', { exact: true }).fill('6, 3, 2, 1');
  await shipBy.fill('4');
  expect(await save(options)).toBe('“售后处理截止 提前小时数”最多 3 个（收到 4 个）');
  expect(await storedNotifications()).toEqual(before);
});

test('发送测试通知 creates one notification in the worker and says so on the page', async () => {
  const options = await sentinel.openExtensionPage('options.html');
  const before = await notificationIds();
  await section(options).getByRole('button', { name: '发送测试通知' }).click();
  await expect.poll(() => options.getByTestId('test-notification-result').innerText()).toContain('已发送测试通知');
  const created = (await notificationIds()).filter((id) => !before.includes(id));
  expect(created).toHaveLength(1);
  expect(created[0]).toMatch(/^order-sentinel-test:\d+$/);
});

test('the worker reads the settings as saved now: notifications switched off show in its next answer, without a reload', async () => {
  const options = await sentinel.openExtensionPage('options.html');
  await section(options).getByLabel('开启桌面通知', { exact: true }).uncheck();
  expect(await save(options)).toBe('已保存');
  expect((await storedNotifications())?.enabled).toBe(false);
  await section(options).getByRole('button', { name: '发送测试通知' }).click();
  await expect.poll(() => options.getByTestId('test-notification-result').innerText()).toContain('桌面通知目前已关闭');
});
