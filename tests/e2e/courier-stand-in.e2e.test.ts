import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { kuaidi100Sign, STAND_IN_KUAIDI100 } from '../stand-in/console-server';
import { generateShop } from '../stand-in/synthetic-shop';

// The premise the tracking e2e tests stand on, checked in the real browser: the courier stand-ins send no
// CORS headers, so a fetch that lacks the host permission fails in Chromium although its form POST reaches
// the stand-in, which logs it as `cross-site` (with the permission the browser sends `none`).

let sentinel: SentinelBrowser;

beforeAll(async () => {
  sentinel = await launchSentinel({ shop: generateShop({ seed: 21, size: 12, now: Date.now() }) });
});
afterAll(async () => {
  await sentinel?.close();
});

const param = JSON.stringify({ com: 'yuantong', num: 'YT0000000000000', resultv2: '4' });
const form = new URLSearchParams({ customer: STAND_IN_KUAIDI100.customer, sign: kuaidi100Sign(param, STAND_IN_KUAIDI100.key, STAND_IN_KUAIDI100.customer), param }).toString();

test('without the host permission the worker’s query fails in the browser, and the stand-in logs it cross-site', async () => {
  const worker = await sentinel.serviceWorker();
  const outcome = await worker.evaluate(async (body) => {
    try {
      const response = await fetch('https://poll.kuaidi100.com/poll/query.do', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, credentials: 'omit' });
      return `answered ${response.status}`;
    } catch (error) {
      return `failed: ${(error as Error).name}`;
    }
  }, form);
  expect(outcome).toBe('failed: TypeError');
  const logged = sentinel.standIns.requests.filter((request) => request.host === 'poll.kuaidi100.com');
  expect(logged).toEqual([expect.objectContaining({ path: '/poll/query.do', secFetchSite: 'cross-site', trackingNumber: 'YT0000000000000' })]);
});

test('a page on the console cannot read a courier reply either', async () => {
  const page = await sentinel.openConsole('/orders/list');
  const outcome = await page.evaluate(async (body) => {
    try {
      await fetch('https://poll.kuaidi100.com/poll/query.do', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      return 'answered';
    } catch (error) {
      return `failed: ${(error as Error).name}`;
    }
  }, form);
  expect(outcome).toBe('failed: TypeError');
  const logged = sentinel.standIns.requests.filter((request) => request.host === 'poll.kuaidi100.com');
  expect(logged.at(-1)).toMatchObject({ secFetchSite: 'cross-site', trackingNumber: 'YT0000000000000' });
  expect(logged).toHaveLength(2);
  await page.close();
});
