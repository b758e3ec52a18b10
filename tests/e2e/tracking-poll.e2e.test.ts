import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { instantFormatter } from '../../lib/explain/format-instant';
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { STAND_IN_SENDER_PHONE_TAIL } from '../stand-in/console-server';
import { STAND_IN_KUAIDI100 } from '../stand-in/server/credentials';
import { generateShop, type SyntheticShop } from '../stand-in/synthetic-shop';
import { readPage, waitForBadgedCards, type PageReading } from './console-page';

// The poller end to end: Kuaidi100 configured through the options page (the host permission approved as the
// browser's extensions page would), the worker asks the stand-in poll.kuaidi100.com about the parcels the
// console showed, and the open console tabs' cards change without a reload as the readings come in. Faults
// injected into the stand-in degrade as the error classes say, and tell the merchant what to do.
//
// Seed 9, 100 orders: 已发货 has three pages. Page 2 (read first) holds a rejected, a returning, a wrong-city,
// an invalid-number, a stalled and an in-transit parcel; page 1 meets a provider that keeps failing (the daily
// budget lets exactly three queries out), then transient faults and a 408; page 3 (six parcels) an expired key,
// a rate limit and a bad signature in turn. Each of those leaves the provider stopped or paused, and the next
// test lifts it (saving the account or the budget) only after setting its own faults, so no parcel meant for
// a fault is asked about first.

const KUAIDI100_ORIGIN = 'https://poll.kuaidi100.com/*';
type WorkerChrome = { chrome: { permissions: { remove(p: { origins: string[] }): Promise<boolean> } } };
const SHIPPED_TAB = '/orders/list?tab=2';
const MINUTE = 60_000;
/** The one-shot poll alarm fires 30 s after a capture queues parcels; a cycle then takes a few seconds (a held reply 20 s). */
const POLL_WAIT = { timeout: 150_000, interval: 2_000 };

interface StoredPollerState {
  stoppedFor: { message: { zh: string } } | null;
  pausedUntil: number | null;
  failing: { message: { zh: string }; detail: string; since: number; consecutive: number; retryAt: number | null } | null;
  unusable: string | null;
  sentToday: number;
}

interface StoredWaybill {
  trackingNumber: string;
  facts: { provider: string; status: string } | null;
  queryTimes: number[];
  consecutiveFailures: number;
  lastError: { message: string } | null;
  needsInput: string | null;
  nextCheckAt: number | null;
}

let shop: SyntheticShop;
let sentinel: SentinelBrowser;

const scenarioOf = (orderSn: string) => shop.scenarioOf[orderSn];
const kindsOn = (reading: PageReading, orderSn: string) => (reading.badges[orderSn] ?? []).map((badge) => badge.kind);
const courierRequests = () => sentinel.standIns.requests.filter((request) => request.host === 'poll.kuaidi100.com');
const waybills = () => sentinel.readStore<StoredWaybill>('waybills');
const waybillOf = async (number: string) => (await waybills()).find((waybill) => waybill.trackingNumber === number);
const pollerState = async () => (await sentinel.readStore<{ key: string; value: StoredPollerState }>('meta')).find((row) => row.key === 'poller:kuaidi100')!.value;
const at = instantFormatter('zh');

/** No waybill asked twice within 30 minutes, by when the stand-in received the queries (not what the extension stored). */
function expectGapsAsReceived(): void {
  const received = new Map<string, number[]>();
  for (const request of courierRequests()) {
    if (request.trackingNumber == null) continue;
    received.set(request.trackingNumber, [...(received.get(request.trackingNumber) ?? []), request.receivedAt]);
  }
  expect(received.size).toBeGreaterThan(0);
  for (const [number, times] of received) {
    const sorted = [...times].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!, number).toBeGreaterThanOrEqual(30 * MINUTE);
  }
}

async function openShippedPage(page: number): Promise<{ tab: Page; reading: PageReading }> {
  const tab = await sentinel.openConsole(`${SHIPPED_TAB}&page=${page}`);
  return { tab, reading: await waitForBadgedCards(tab) };
}

/** Saving the tracking settings also lifts a stop or a pause, like any change of them. */
async function saveDailyBudget(budget: number): Promise<void> {
  const options = await sentinel.openExtensionPage('options.html');
  await options.getByLabel('每日查询上限', { exact: true }).fill(String(budget));
  await options.getByRole('button', { name: '保存查询设置' }).click();
  await options.getByTestId('tracking-save-result').getByText('已保存', { exact: true }).waitFor();
  await options.close();
}

async function saveKuaidi100Account(key: string): Promise<void> {
  const options = await sentinel.openExtensionPage('options.html');
  await options.getByLabel('快递100 customer', { exact: true }).fill(STAND_IN_KUAIDI100.customer);
  await options.getByLabel('快递100 授权key', { exact: true }).fill(key);
  await options.getByRole('button', { name: '保存快递100设置' }).click();
  await options.getByTestId('kuaidi100-save-result').getByText('已保存', { exact: true }).waitFor();
  await options.close();
}

beforeAll(async () => {
  shop = generateShop({ seed: 9, size: 100, now: Date.now() });
  sentinel = await launchSentinel({ shop, locale: 'zh-CN' });
  await sentinel.approveHostPermissions([KUAIDI100_ORIGIN]);
  await saveKuaidi100Account(STAND_IN_KUAIDI100.key);
  const options = await sentinel.openExtensionPage('options.html');
  await options.getByLabel('查询服务', { exact: true }).selectOption({ label: '快递100' });
  await options.getByLabel('寄件人手机后四位', { exact: true }).fill(STAND_IN_SENDER_PHONE_TAIL);
  await options.getByRole('button', { name: '保存查询设置' }).click();
  await options.getByTestId('tracking-save-result').getByText('已保存', { exact: true }).waitFor();
  await options.close();
}, 60_000);
afterAll(async () => {
  await sentinel?.close();
});

describe('the poller against the stand-in Kuaidi100', () => {
  let watched: Page;
  let before: PageReading;

  test('the received orders are stored closed, and their parcels are never asked about', async () => {
    const received = await sentinel.openConsole('/orders/list?tab=3');
    await waitForBadgedCards(received);
    await received.close();
  });

  test('the parcels of an open list are asked about within two minutes, and the open tab follows without a reload', { timeout: 240_000 }, async () => {
    ({ tab: watched, reading: before } = await openShippedPage(2));
    let loads = 0;
    watched.on('load', () => (loads += 1));
    // Before any reading every shipped, unpicked parcel's pickup clock runs unverified.
    const unverified = before.cards.filter((orderSn) => (before.badges[orderSn] ?? []).some((badge) => badge.kind === 'pickup_by' && badge.text.includes('未核实')));
    expect(unverified.length).toBeGreaterThan(5);

    const expected: Record<string, { has?: string; text?: string; lacks?: string }> = {
      rejected: { has: 'rejected', text: '拒收' },
      returning: { has: 'returning', text: '退回' },
      destination_mismatch: { has: 'destination_mismatch', text: '轨迹与收货地不符' },
      tracking_invalid: { has: 'tracking_invalid', text: '单号无效' },
      stalled: { has: 'stalled', text: '物流停滞' },
      in_transit: { lacks: 'pickup_by' },
    };
    const watchedCards = before.cards.filter((orderSn) => scenarioOf(orderSn)! in expected);
    expect(new Set(watchedCards.map(scenarioOf))).toEqual(new Set(Object.keys(expected)));

    await expect
      .poll(async () => {
        const reading = await readPage(watched);
        return watchedCards.filter((orderSn) => {
          const want = expected[scenarioOf(orderSn)!]!;
          const kinds = kindsOn(reading, orderSn);
          const texts = (reading.badges[orderSn] ?? []).map((badge) => badge.text).join(' ');
          return want.has !== undefined ? !kinds.includes(want.has) || !texts.includes(want.text!) : kinds.includes(want.lacks!);
        });
      }, { ...POLL_WAIT, message: 'cards still waiting for their reading' })
      .toEqual([]);
    expect(loads).toBe(0);

    // The explanation now shows the trace and where it came from.
    const rejected = watchedCards.find((orderSn) => scenarioOf(orderSn) === 'rejected')!;
    const host = watched.locator(`order-sentinel-badges[data-order-sn="${rejected}"]`);
    await host.hover();
    await expect.poll(() => host.evaluate((element) => element.shadowRoot?.querySelector('[data-kind="trace"] h4')?.textContent ?? '')).toBe('物流轨迹 · 快递100');
  });

  test('every query went out with the host permission (Sec-Fetch-Site none), none twice within 30 minutes, none for a closed order', async () => {
    const sent = courierRequests();
    expect(sent.length).toBeGreaterThan(0);
    for (const request of sent) expect(request.secFetchSite, request.trackingNumber ?? '?').toBe('none');
    expectGapsAsReceived();
    const stored = await sentinel.readStore<{ trackingNumber: string | null; closedAt: number | null }>('orders');
    const open = new Set(stored.filter((order) => order.closedAt === null).map((order) => order.trackingNumber));
    const closedOnly = stored.filter((order) => order.closedAt !== null && order.trackingNumber !== null && !open.has(order.trackingNumber));
    expect(closedOnly.length).toBeGreaterThan(0);
    const asked = new Set(sent.map((request) => request.trackingNumber));
    for (const order of closedOnly) expect(asked.has(order.trackingNumber), order.trackingNumber!).toBe(false);
  });

  test('a provider that keeps failing says so in the popup and the options, and when it retries; its next reading lifts it', { timeout: 300_000 }, async () => {
    const { sentToday } = await pollerState();
    sentinel.standIns.courierFaults.set({ kuaidi100: { kind: 'http5xx' } });
    // Exactly three queries may go out: three in a row end the cycle as failing, and nothing is asked after them.
    await saveDailyBudget(sentToday + 3);
    const { tab } = await openShippedPage(1);
    const popup = await sentinel.openExtensionPage('popup.html');
    await expect.poll(async () => (await popup.getByTestId('provider-failing').count()) > 0, POLL_WAIT).toBe(true);
    const failing = (await pollerState()).failing!;
    expect([failing.consecutive, failing.message.zh, failing.detail]).toEqual([3, '快递100暂时出错，稍后自动重试', 'Kuaidi100 answered HTTP 502']);
    expect(failing.retryAt! - failing.since).toBeGreaterThanOrEqual(29 * MINUTE);
    expect(await popup.getByTestId('provider-failing').innerText()).toContain(
      `快递100 快递100暂时出错，稍后自动重试（自 ${at(failing.since)} 起连续 3 次；出错的单号将于 ${at(failing.retryAt!)} 后自动重查，其余照常查询。若一直如此，请到设置中测试连接）`,
    );
    expect(await popup.getByTestId('provider-failing').getAttribute('title')).toBe('Kuaidi100 answered HTTP 502');
    const options = await sentinel.openExtensionPage('options.html');
    const banner = options.getByTestId('provider-failing');
    await expect.poll(() => banner.innerText()).toContain(`快递100查询暂时失败（自 ${at(failing.since)} 起连续 3 次）：快递100暂时出错，稍后自动重试。`);
    expect(await banner.innerText()).toContain('若持续数小时仍未恢复，请点击“测试连接”检查网络和账号。');
    await banner.getByText('技术详情').click();
    expect(await banner.locator('details code').innerText()).toBe('Kuaidi100 answered HTTP 502');
    expect(sentinel.standIns.requests.filter((request) => request.fault === 'http5xx')).toHaveLength(3);

    // The provider is back: one more query, read normally, and both banners go.
    sentinel.standIns.courierFaults.clear();
    await saveDailyBudget(sentToday + 4);
    await expect.poll(() => popup.getByTestId('provider-failing').count(), POLL_WAIT).toBe(0);
    await expect.poll(() => options.getByTestId('provider-failing').count()).toBe(0);
    expect((await pollerState()).failing).toBeNull();
    await Promise.all([popup.close(), options.close(), tab.close()]);
  });

  test('transient faults back off, a 408 makes the parcel wait visibly for a phone tail; the others are read', { timeout: 300_000 }, async () => {
    const page1 = shop.orders.filter((row) => row.order_status_str === '已发货，待收货').slice(0, 20);
    // Parcels not asked about yet (the failing provider's are backed off; a merged shipment's number may also be on page 2).
    const asked = new Set((await waybills()).filter((waybill) => waybill.queryTimes.length > 0).map((waybill) => waybill.trackingNumber));
    const numbers = [...new Set(page1.map((row) => row.tracking_number as string))].filter((number) => !asked.has(number));
    const [gateway, cut, held, phone] = numbers;
    sentinel.standIns.courierFaults.set({
      kuaidi100: [
        { kind: 'http5xx', numbers: [gateway!] },
        { kind: 'malformed', numbers: [cut!] },
        { kind: 'timeout', numbers: [held!], holdMs: 20_000 },
        { kind: 'phone408', numbers: [phone!] },
      ],
    });
    // The budget back to its default: the rest of page 1, held back since the failing test, is asked now.
    await saveDailyBudget(500);
    const { tab } = await openShippedPage(1);
    const startedAt = Date.now();
    await expect
      .poll(async () => {
        const stored = await Promise.all([gateway, cut, held, phone].map((number) => waybillOf(number!)));
        return stored.map((waybill) => (waybill?.lastError !== null && waybill?.lastError !== undefined) || waybill?.needsInput === 'phone_tail');
      }, { ...POLL_WAIT, message: 'faulted waybills answered' })
      .toEqual([true, true, true, true]);
    for (const number of [gateway, cut, held]) {
      const waybill = (await waybillOf(number!))!;
      expect(waybill.consecutiveFailures, number).toBe(1);
      expect(waybill.needsInput, number).toBeNull();
      // Backed off: not before the 30-minute floor, and asked again by itself.
      expect(waybill.nextCheckAt! - startedAt, number).toBeGreaterThanOrEqual(29 * MINUTE);
    }
    const waiting = (await waybillOf(phone!))!;
    expect([waiting.needsInput, waiting.nextCheckAt]).toEqual(['phone_tail', null]);
    // The card says what the parcel waits for.
    const phoneOrder = page1.find((row) => row.tracking_number === phone)!.order_sn as string;
    await expect.poll(async () => kindsOn(await readPage(tab), phoneOrder), POLL_WAIT).toContain('waiting');
    expect((await readPage(tab)).badges[phoneOrder]!.find((badge) => badge.kind === 'waiting')!.text).toBe('需要手机后四位');
    // The rest of the page was read normally.
    const others = numbers.filter((number) => ![gateway, cut, held, phone].includes(number));
    await expect.poll(async () => (await Promise.all(others.map(waybillOf))).filter((waybill) => waybill?.facts == null).length, POLL_WAIT).toBe(0);
    sentinel.standIns.courierFaults.clear();
  });

  test('an expired key (601) stops the provider; the popup and the options say the key expired and what to do', { timeout: 300_000 }, async () => {
    sentinel.standIns.courierFaults.set({ kuaidi100: { kind: 'expired601', count: 1 } });
    await openShippedPage(3);
    const popup = await sentinel.openExtensionPage('popup.html');
    await expect.poll(async () => (await popup.getByTestId('provider-stopped').count()) > 0, POLL_WAIT).toBe(true);
    expect(await popup.getByTestId('provider-stopped').innerText()).toContain('快递100 授权key已过期：请在快递100后台续费或更换key后重新保存');
    const options = await sentinel.openExtensionPage('options.html');
    await expect
      .poll(() => options.getByTestId('provider-stopped').innerText())
      .toBe('快递100已停止查询：授权key已过期：请在快递100后台续费或更换key后重新保存。改正账号后点击“保存快递100设置”即可恢复。');
    expect(sentinel.standIns.requests.filter((request) => request.fault === 'expired601')).toHaveLength(1);
    await Promise.all([popup.close(), options.close()]);
  });

  test('a rate limit pauses the provider, and the popup and the options say until when', { timeout: 300_000 }, async () => {
    sentinel.standIns.courierFaults.set({ kuaidi100: { kind: 'rate429', count: 1 } });
    // A renewed key lifts the stop of the expired one; the next query meets the limit.
    await saveKuaidi100Account(STAND_IN_KUAIDI100.key);
    const popup = await sentinel.openExtensionPage('popup.html');
    await expect.poll(async () => (await popup.getByTestId('provider-paused').count()) > 0, POLL_WAIT).toBe(true);
    expect(await popup.getByTestId('provider-stopped').count()).toBe(0);
    const limitedAt = sentinel.standIns.requests.find((request) => request.fault === 'rate429')!.receivedAt;
    const { pausedUntil } = await pollerState();
    // An hour (a 429 names no time the poller trusts), from the query that met the limit.
    expect(Math.abs(pausedUntil! - (limitedAt + 60 * MINUTE))).toBeLessThan(MINUTE);
    const expected = `快递100暂停查询至 ${at(pausedUntil!)}：查询频率或额度已达上限，到时自动恢复。`;
    expect(await popup.getByTestId('provider-paused').innerText()).toBe(expected);
    const options = await sentinel.openExtensionPage('options.html');
    await expect.poll(() => options.getByTestId('provider-paused').innerText()).toBe(expected);
    // Paused means paused.
    const asked = courierRequests().length;
    await popup.waitForTimeout(5_000);
    expect(courierRequests().length).toBe(asked);
    await Promise.all([popup.close(), options.close()]);
  });

  test('an account error stops the provider and says what to do in the options and the popup; saving the account resumes', { timeout: 300_000 }, async () => {
    sentinel.standIns.courierFaults.set({ kuaidi100: { kind: 'sign503', count: 1 } });
    // Saving the account lifts the rate limit's pause; the next query meets the bad signature.
    await saveKuaidi100Account(STAND_IN_KUAIDI100.key);
    const { tab } = await openShippedPage(3);
    const popup = await sentinel.openExtensionPage('popup.html');
    await expect.poll(async () => (await popup.getByTestId('provider-stopped').count()) > 0, POLL_WAIT).toBe(true);
    expect(await popup.getByTestId('provider-stopped').innerText()).toContain('签名错误：请核对授权key与customer');
    const options = await sentinel.openExtensionPage('options.html');
    await expect.poll(() => options.getByTestId('provider-stopped').innerText()).toContain('签名错误');
    const askedWhileStopped = courierRequests().length;

    // Stopped means stopped: no further query while it stands.
    await tab.waitForTimeout(5_000);
    expect(courierRequests().length).toBe(askedWhileStopped);

    await saveKuaidi100Account(STAND_IN_KUAIDI100.key);
    await expect.poll(async () => popup.getByTestId('provider-stopped').count(), POLL_WAIT).toBe(0);
    // The parcel whose query met the error keeps its 30-minute floor; the rest of the page is read once resumed.
    const refused = sentinel.standIns.requests.filter((request) => request.fault === 'sign503').map((request) => request.trackingNumber!);
    expect(refused).toHaveLength(1);
    const page3Numbers = shop.orders
      .filter((row) => row.order_status_str === '已发货，待收货')
      .slice(40)
      .map((row) => row.tracking_number as string)
      .filter((number) => !refused.includes(number));
    await expect.poll(async () => (await Promise.all(page3Numbers.map(waybillOf))).filter((waybill) => waybill?.facts != null).length, POLL_WAIT).toBeGreaterThan(0);
    expect(courierRequests().filter((request) => request.trackingNumber === refused[0])).toHaveLength(1);
  });

  test('a host permission withdrawn in the browser is said in the popup, with what to do; granting it again lifts it', { timeout: 300_000 }, async () => {
    await (await sentinel.serviceWorker()).evaluate((origin) => (globalThis as unknown as WorkerChrome).chrome.permissions.remove({ origins: [origin] }), KUAIDI100_ORIGIN);
    const popup = await sentinel.openExtensionPage('popup.html');
    // The next cycle finds it and records it.
    await expect.poll(async () => (await popup.getByTestId('provider-unusable').count()) > 0, POLL_WAIT).toBe(true);
    expect(await popup.getByTestId('provider-unusable').innerText()).toContain(
      '快递100 未获得访问 poll.kuaidi100.com 的授权，暂不查询：请在设置中点击“保存查询设置”并选择“允许”',
    );
    await sentinel.approveHostPermissions([KUAIDI100_ORIGIN]);
    await saveDailyBudget(500);
    await expect.poll(() => popup.getByTestId('provider-unusable').count(), POLL_WAIT).toBe(0);
    expect((await pollerState()).unusable).toBeNull();
  });

  test('over the whole run, by what the stand-in received, no waybill was asked twice within 30 minutes', () => {
    expectGapsAsReceived();
  });
});
