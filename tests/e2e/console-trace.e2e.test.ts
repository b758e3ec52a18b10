import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchSentinel, type SentinelBrowser } from '../harness/browser';
import { generateShop, type SyntheticShop } from '../stand-in/synthetic-shop';
import { normalizeKuaidi100 } from '../../lib/tracking/kuaidi100';
import { readPage, waitForBadgedCards } from './console-page';
import { expectedOrderClock } from './expected-badges';

// With no query service configured at all, the console's own trace verifies a pickup: the merchant opens
// an order's logistics on its detail page, the page hook captures the trace, the worker stores it on the
// order's waybill, and the list no longer shows a pickup clock for a parcel the courier has scanned.

let shop: SyntheticShop;
let sentinel: SentinelBrowser;

interface StoredWaybill {
  trackingNumber: string;
  facts: { provider: string; pickedUpAt: number | null; events: unknown[] } | null;
}

beforeAll(async () => {
  shop = generateShop({ seed: 2026, size: 60, now: Date.now() });
  sentinel = await launchSentinel({ shop, locale: 'zh-CN' });
});
afterAll(async () => {
  await sentinel?.close();
});

const rowOf = (orderSn: string) => shop.orders.find((row) => row.order_sn === orderSn)!;
/** Whether the courier has scanned the parcel, by the shop's own Kuaidi100 body (not by the extension). */
function pickedUp(orderSn: string): boolean {
  const number = rowOf(orderSn).tracking_number as string;
  const result = normalizeKuaidi100(shop.kuaidi100[number], number, Date.now());
  return result.ok && result.facts.pickedUpAt !== null;
}
const pickupBadges = (reading: Awaited<ReturnType<typeof readPage>>, orderSn: string) => (reading.badges[orderSn] ?? []).filter((badge) => badge.kind === 'pickup_by');

describe('console trace → waybill → pickup verified', () => {
  test('opening 查看物流 on the detail page of a scanned parcel removes its pickup clock; an unopened one keeps it', async () => {
    const list = await sentinel.openConsole('/orders/list');
    const before = await waitForBadgedCards(list);
    // Inside the 24 h window, where every pickup clock shows whatever it says about an unread parcel.
    const withClock = before.cards.filter((orderSn) => {
      const clock = expectedOrderClock(rowOf(orderSn));
      return clock?.kind === 'pickup_by' && clock.dueAt > before.now;
    });
    const target = withClock.find(pickedUp);
    const untouched = withClock.find((orderSn) => !pickedUp(orderSn));
    expect(target, 'a scanned parcel still inside its 24 h window on the first page').toBeDefined();
    expect(untouched, 'an unscanned parcel inside its window on the first page').toBeDefined();
    // Unverified so far, whatever the clock says (a countdown, or 未核实): no trace has been read.
    expect(pickupBadges(before, target!)).toHaveLength(1);
    const number = rowOf(target!).tracking_number as string;
    const read = (await sentinel.readStore<StoredWaybill>('waybills')).find((waybill) => waybill.trackingNumber === number);
    expect(read?.facts ?? null).toBeNull();

    const detail = await sentinel.openConsole(`/orders/detail?sn=${target!}`);
    await detail.getByRole('button', { name: '查看物流' }).click();
    await detail.locator('.order-trace li').first().waitFor();
    expect(sentinel.standIns.requests.some((request) => request.path === '/express_base/mms/track/get' && (request.body as { orderSn?: string }).orderSn === target)).toBe(true);

    // The worker put the console's reading on the order's waybill: the pickup is verified.
    await expect
      .poll(async () => (await sentinel.readStore<StoredWaybill>('waybills')).find((waybill) => waybill.trackingNumber === number)?.facts ?? null, { message: 'the waybill reading' })
      .toMatchObject({ provider: 'console', pickedUpAt: expect.any(Number) as number });
    await detail.close();

    await list.reload();
    await expect.poll(async () => pickupBadges(await waitForBadgedCards(list), target!), { message: 'the verified parcel\'s pickup badge' }).toEqual([]);
    const after = await readPage(list);
    expect(pickupBadges(after, untouched!), 'the parcel whose logistics were not opened keeps its clock').toHaveLength(1);
    await list.close();
  });
});
