import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXTENSION_DB, launchSentinel, type SentinelBrowser } from '../harness/browser';
import { STAND_IN_KUAIDI100 } from '../stand-in/server/credentials';
import { generateShop } from '../stand-in/synthetic-shop';

// 物流查询 on the options page: an account saved through its own button (the host permission asked from the
// click), 查询服务 switched, 测试连接 answered by the worker through the stand-in Kuaidi100 in plain words, a wrong
// key told as 签名错误, a withdrawn permission said clearly, and no credential in a backup export.

const KUAIDI100_ORIGIN = 'https://poll.kuaidi100.com/*';
const KDNIAO_ORIGIN = 'https://api.kdniao.com/*';

let sentinel: SentinelBrowser;

beforeAll(async () => {
  sentinel = await launchSentinel({ shop: generateShop({ seed: 91, size: 20, now: Date.now() }), locale: 'zh-CN' });
  // The merchant's click still has to ask for them (SentinelBrowser.approveHostPermissions).
  await sentinel.approveHostPermissions([KUAIDI100_ORIGIN, KDNIAO_ORIGIN]);
});
afterAll(async () => {
  await sentinel?.close();
});

type WorkerChrome = { chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean>; remove(p: { origins: string[] }): Promise<boolean> } } };

const hasOrigin = async (origin: string) =>
  (await sentinel.serviceWorker()).evaluate((asked) => (globalThis as unknown as WorkerChrome).chrome.permissions.contains({ origins: [asked] }), origin);

const kuaidi100Queries = () => sentinel.standIns.requests.filter((request) => request.host === 'poll.kuaidi100.com').length;

async function saveKuaidi100(options: Page, key: string): Promise<void> {
  await options.getByLabel('快递100 customer', { exact: true }).fill(STAND_IN_KUAIDI100.customer);
  await options.getByLabel('快递100 授权key', { exact: true }).fill(key);
  await options.getByRole('button', { name: '保存快递100设置' }).click();
  await expect.poll(() => options.getByTestId('kuaidi100-save-result').innerText()).toBe('已保存');
}

test('an account saved from its button gets its host, the service switches, and 测试连接 reaches the provider', async () => {
  expect(await hasOrigin(KUAIDI100_ORIGIN)).toBe(false); // approved by the browser, not yet requested by the extension
  const options = await sentinel.openExtensionPage('options.html');
  await saveKuaidi100(options, STAND_IN_KUAIDI100.key);
  expect(await hasOrigin(KUAIDI100_ORIGIN)).toBe(true);
  expect(await hasOrigin(KDNIAO_ORIGIN)).toBe(false); // only the provider saved is asked for

  await options.getByLabel('查询服务', { exact: true }).selectOption({ label: '快递100' });
  await options.getByLabel('寄件人手机后四位', { exact: true }).fill('5678');
  await options.getByLabel('每日查询上限', { exact: true }).fill('800');
  await options.getByRole('button', { name: '保存查询设置' }).click();
  await expect.poll(() => options.getByTestId('tracking-save-result').innerText()).toBe('已保存');
  const stored = await (await sentinel.serviceWorker()).evaluate(async () => chrome.storage.local.get(['settings', 'trackingCredentials']));
  expect(stored).toMatchObject({
    settings: { tracking: { service: 'kuaidi100', senderPhoneTail: '5678', dailyBudget: 800 } },
    trackingCredentials: { kuaidi100: { customer: STAND_IN_KUAIDI100.customer, key: STAND_IN_KUAIDI100.key } },
  });

  const before = kuaidi100Queries();
  await options.getByRole('button', { name: '测试连接' }).click();
  await expect.poll(() => options.getByTestId('connection-result').innerText()).toContain('连接成功');
  expect(kuaidi100Queries()).toBe(before + 1);
});

test('a wrong key: 测试连接 says 签名错误 in plain words and never shows the key', async () => {
  const options = await sentinel.openExtensionPage('options.html');
  await saveKuaidi100(options, 'wrong-key-e2e');
  await options.getByRole('button', { name: '测试连接' }).click();
  await expect.poll(() => options.getByTestId('connection-result').innerText()).toBe('签名错误：请核对授权key与customer');
  expect(await options.getByTestId('connection-result').innerText()).not.toContain('wrong-key-e2e');
  await saveKuaidi100(options, STAND_IN_KUAIDI100.key);
});

test('a provider the poller stopped says why and what to do; saving its account lifts the stop', async () => {
  // What the poll cycle writes on an account error (lib/polling/poller-state.ts), put in the worker's database.
  const stop = { zh: '签名错误：请核对授权key与customer', en: 'Signature rejected' };
  await (await sentinel.serviceWorker()).evaluate(
    ([dbName, message]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const write = open.result.transaction('meta', 'readwrite');
          write.objectStore('meta').put({
            key: 'poller:kuaidi100',
            value: { provider: 'kuaidi100', stoppedFor: { errorClass: 'auth', message, at: Date.now() }, pausedUntil: null, day: '2000-01-01', sentToday: 0 },
          });
          write.oncomplete = () => {
            open.result.close();
            resolve();
          };
          write.onerror = () => reject(write.error ?? new Error('write failed'));
        };
      }),
    [EXTENSION_DB, stop] as const,
  );
  const options = await sentinel.openExtensionPage('options.html');
  await expect
    .poll(() => options.getByTestId('provider-stopped').innerText())
    .toBe('快递100已停止查询：签名错误：请核对授权key与customer。改正账号后点击“保存快递100设置”即可恢复。');
  await saveKuaidi100(options, STAND_IN_KUAIDI100.key);
  await expect.poll(() => options.getByTestId('provider-stopped').count()).toBe(0);
  const [row] = (await sentinel.readStore<{ key: string; value: { stoppedFor: unknown } }>('meta')).filter((entry) => entry.key === 'poller:kuaidi100');
  expect(row?.value.stoppedFor).toBeNull();
});

test('choosing 快递鸟 without its account is refused and the service stays', async () => {
  const options = await sentinel.openExtensionPage('options.html');
  await options.getByLabel('查询服务', { exact: true }).selectOption({ label: '快递鸟' });
  await options.getByRole('button', { name: '保存查询设置' }).click();
  await expect.poll(() => options.getByTestId('tracking-save-result').innerText()).toContain('请先填写并保存快递鸟账号');
  const stored = await (await sentinel.serviceWorker()).evaluate(async () => (await chrome.storage.local.get('settings')).settings as { tracking?: { service?: string } });
  expect(stored.tracking?.service).toBe('kuaidi100');
});

test('the credentials are not in a backup export', async () => {
  const options = await sentinel.openExtensionPage('options.html');
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: '导出备份（JSON）' }).click()]);
  const text = await readFile(await download.path(), 'utf8');
  expect((JSON.parse(text) as { format: string }).format).toBe('order-sentinel-backup');
  for (const secret of [STAND_IN_KUAIDI100.customer, STAND_IN_KUAIDI100.key, 'trackingCredentials']) expect(text.includes(secret), secret).toBe(false);
});

test('a permission withdrawn in the browser is said on the page, and 测试连接 names it instead of sending', async () => {
  await (await sentinel.serviceWorker()).evaluate((origin) => (globalThis as unknown as WorkerChrome).chrome.permissions.remove({ origins: [origin] }), KUAIDI100_ORIGIN);
  const options = await sentinel.openExtensionPage('options.html');
  await expect.poll(() => options.getByTestId('tracking-permission-missing').innerText()).toContain('未获得访问 poll.kuaidi100.com 的授权');
  const before = kuaidi100Queries();
  await options.getByRole('button', { name: '测试连接' }).click();
  await expect.poll(() => options.getByTestId('connection-result').innerText()).toContain('未获得访问 poll.kuaidi100.com 的授权');
  expect(kuaidi100Queries()).toBe(before);
});
