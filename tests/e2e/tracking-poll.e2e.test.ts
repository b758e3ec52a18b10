import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
// an invalid-number, a stalled and an in-transit parcel; page 1 meets transient faults and a 408; page 3 an
// account error.

const KUAIDI100_ORIGIN = 'https://poll.kuaidi100.com/*';
const SHIPPED_TAB = '/orders/list?tab=2';
const MINUTE = 60_000;
/** The one-shot poll alarm fires 30 s after a capture queues parcels; a cycle then takes a few seconds (a held reply 20 s). */
const POLL_WAIT = { timeout: 150_000, interval: 2_000 };

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

async function openShippedPage(page: number): Promise<{ tab: Page; reading: PageReading }> {
  const tab = await sentinel.openConsole(`${SHIPPED_TAB}&page=${page}`);
  return { tab, reading: await waitForBadgedCards(tab) };
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
    for (const waybill of await waybills()) {
      const times = [...waybill.queryTimes].sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!, waybill.trackingNumber).toBeGreaterThanOrEqual(30 * MINUTE);
    }
    const stored = await sentinel.readStore<{ trackingNumber: string | null; closedAt: number | null }>('orders');
    const open = new Set(stored.filter((order) => order.closedAt === null).map((order) => order.trackingNumber));
    const closedOnly = stored.filter((order) => order.closedAt !== null && order.trackingNumber !== null && !open.has(order.trackingNumber));
    expect(closedOnly.length).toBeGreaterThan(0);
    const asked = new Set(sent.map((request) => request.trackingNumber));
    for (const order of closedOnly) expect(asked.has(order.trackingNumber), order.trackingNumber!).toBe(false);
  });

  test('transient faults back off, a 408 makes the parcel wait visibly for a phone tail; the others are read', { timeout: 300_000 }, async () => {
    const page1 = shop.orders.filter((row) => row.order_status_str === '已发货，待收货').slice(0, 20);
    // Parcels not read yet (a merged shipment's number may also be on page 2).
    const read = new Set((await waybills()).filter((waybill) => waybill.facts !== null).map((waybill) => waybill.trackingNumber));
    const numbers = [...new Set(page1.map((row) => row.tracking_number as string))].filter((number) => !read.has(number));
    const [gateway, cut, held, phone] = numbers;
    sentinel.standIns.courierFaults.set({
      kuaidi100: [
        { kind: 'http5xx', numbers: [gateway!] },
        { kind: 'malformed', numbers: [cut!] },
        { kind: 'timeout', numbers: [held!], holdMs: 20_000 },
        { kind: 'phone408', numbers: [phone!] },
      ],
    });
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

  test('an account error stops the provider and says what to do in the options and the popup; saving the account resumes', { timeout: 300_000 }, async () => {
    sentinel.standIns.courierFaults.set({ kuaidi100: { kind: 'sign503', count: 1 } });
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
});
