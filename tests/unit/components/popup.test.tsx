// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import { PopupScreen, type PopupLinks } from '@/components/PopupScreen';
import { createPopupStore, type PopupStore } from '@/components/popup-store';
import { detailUrl, ORDER_LIST_URL } from '@/lib/console-urls';
import type { StoredOrder } from '@/lib/db/records';
import type { SentinelDb } from '@/lib/db/schema';
import { DEFAULT_POLICY } from '@/lib/findings/policy';
import { ingestCapture } from '@/lib/ingest/ingest-capture';
import { ingestTrackingReply } from '@/lib/ingest/ingest-tracking';
import { mutesItem } from '@/lib/notifications/mutes-item';
import { pollerStateKey } from '@/lib/polling/poller-state';
import { normalizeKuaidi100 } from '@/lib/tracking/kuaidi100';
import { courierNameOf } from '@/lib/tracking/couriers';
import type { TrackingService } from '@/lib/tracking/provider';
import { generateShop, type SyntheticShop } from '../../stand-in/synthetic-shop';
import { HOUR, NOW, freshDb, listCapture, orderRow } from '../db/helpers';

// The popup over a shop run through the real ingest: console captures an hour before NOW and the courier
// replies for half of the parcels.

let shop: SyntheticShop;
let db: SentinelDb;
let now: number;
let store: PopupStore;
let links: PopupLinks & { openConsole: Mock<(url: string) => void>; openOptions: Mock<() => void> };

async function ingestShop(): Promise<void> {
  shop = generateShop({ seed: 1313, size: 60, now: NOW });
  const capturedAt = NOW - HOUR;
  const capture = { endpoint: 'recentOrderList' as const, shopId: shop.shopId, capturedAt, request: null };
  for (let start = 0; start < shop.orders.length; start += 20) {
    const rows = shop.orders.slice(start, start + 20);
    const report = await ingestCapture(db, { ...capture, response: { success: true, errorCode: 1000000, result: { totalItemNum: rows.length, pageItems: rows } } }, NOW, DEFAULT_POLICY);
    expect(report.error).toBeNull();
  }
  for (const trackingNumber of Object.keys(shop.kuaidi100).filter((_, index) => index % 2 === 0)) {
    await ingestTrackingReply(db, shop.shopId, trackingNumber, normalizeKuaidi100(shop.kuaidi100[trackingNumber], trackingNumber, NOW - HOUR / 2), NOW, DEFAULT_POLICY);
  }
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = await freshDb();
  await ingestShop();
  now = NOW;
  store = createPopupStore(() => now);
  links = { openConsole: vi.fn<(url: string) => void>(), openOptions: vi.fn<() => void>(), openDashboard: vi.fn<() => void>(), orderListUrl: ORDER_LIST_URL, detailUrl };
});
const stops: Array<() => void> = [];
afterEach(() => {
  cleanup();
  for (const stop of stops.splice(0)) stop();
  db.close();
});

/** As the popup's page does: the store started on the open database, the screen showing it. */
function renderPopup(service: TrackingService = 'console_only') {
  const stop = store.getState().start(db);
  const view = render(<PopupScreen store={store} db={db} openFailure={null} lang="zh" service={service} links={links} />);
  stops.push(stop);
  return view;
}

/** The second read (stored count, chips, unverified pickups) follows the first rows. */
const countsShown = () => waitFor(() => expect(screen.getByTestId('stored-count').textContent).toContain('已记录'));
const rowSns = () => screen.queryAllByTestId('popup-row').map((row) => row.dataset.orderSn);
const chipCount = (kind: string) => Number(document.querySelector(`.kind-chip[data-kind="${kind}"] b`)?.textContent);

/** Most urgent first, worked out here from the stored records. */
function byUrgency(a: StoredOrder, b: StoredOrder): number {
  if (a.riskRank !== b.riskRank) return b.riskRank - a.riskRank;
  if (a.nextDueAt !== b.nextDueAt) return a.nextDueAt - b.nextDueAt;
  const amount = (b.facts.orderAmountCents ?? 0) - (a.facts.orderAmountCents ?? 0);
  return amount !== 0 ? amount : a.orderSn < b.orderSn ? -1 : 1;
}

describe('the popup over an ingested shop', () => {
  test('placeholders first, then the rows most urgent first with the counts of the store', async () => {
    renderPopup();
    expect(screen.getByTestId('popup-skeleton').querySelectorAll('.popup-row')).toHaveLength(6);
    await waitFor(() => expect(rowSns().length).toBeGreaterThan(0));
    expect(screen.queryByTestId('popup-skeleton')).toBeNull();
    await countsShown();

    const orders = await db.orders.toArray();
    const atRisk = orders.filter((order) => order.riskRank >= 1).sort(byUrgency);
    // More rows than the first frame paints (12): the rest follow it.
    expect(atRisk.length).toBeGreaterThan(12);
    await waitFor(() => expect(rowSns()).toEqual(atRisk.slice(0, 50).map((order) => order.orderSn)));
    const counts = screen.getByTestId('at-risk-count');
    for (const [severity, rank] of [['breached', 3], ['critical', 2], ['warn', 1]] as const) {
      expect(Number(counts.querySelector(`[data-severity="${severity}"]`)?.getAttribute('data-count'))).toBe(orders.filter((order) => order.riskRank === rank).length);
    }
    expect(screen.getByTestId('stored-count').textContent).toBe(`已记录 ${orders.length} 单`);
    expect(chipCount('all')).toBe(atRisk.length);
    expect(screen.getByTestId('last-capture').textContent).toMatch(/^最近采集 /);
    expect(screen.queryByTestId('stale-prompt')).toBeNull();
    // Every chip counts the orders with its kind open.
    const chips = [...document.querySelectorAll<HTMLElement>('.kind-chip:not([data-kind="all"])')];
    expect(chips.length).toBeGreaterThan(2);
    for (const chip of chips) {
      const kind = chip.dataset.kind!;
      expect(chipCount(kind), kind).toBe(orders.filter((order) => order.openKindTags.includes(`${shop.shopId}|${kind}`)).length);
    }
  });

  test('a row shows its clock, its chips and the courier line; its number opens the order on the console', async () => {
    renderPopup();
    await waitFor(() => expect(rowSns().length).toBeGreaterThan(0));
    const first = screen.getAllByTestId('popup-row')[0]!;
    expect(within(first).getByTestId('row-clock').textContent).toMatch(/^(剩|超) |^(紧急|注意|已超时)$/);
    expect(first.querySelectorAll('.chip').length).toBeGreaterThan(0);
    fireEvent.click(within(first).getByRole('link', { name: `在后台打开订单 ${first.dataset.orderSn}` }));
    expect(links.openConsole).toHaveBeenCalledWith(detailUrl(first.dataset.orderSn!));

    // A parcel whose courier answered: "<courier's short name> · <status> · <age>前".
    const waybills = (await db.waybills.toArray()).filter((waybill) => waybill.lastEventAt !== null);
    const traced = (await db.orders.toArray()).find((order) => order.riskRank >= 1 && waybills.some((waybill) => waybill.trackingNumber === order.trackingNumber));
    expect(traced).toBeDefined();
    const row = screen.getAllByTestId('popup-row').find((candidate) => candidate.dataset.orderSn === traced!.orderSn)!;
    expect(within(row).getByTestId('row-courier').textContent).toMatch(new RegExp(`^${courierNameOf(traced!.facts.shippingId)} · \\S+ · \\d+(分钟|小时|天)前$`));
  });

  test('a chip narrows the list to its count and toggles off; the search finds an order by its tracking number', async () => {
    renderPopup();
    await waitFor(() => expect(rowSns().length).toBeGreaterThan(0));
    await countsShown();
    const all = rowSns();
    const chip = document.querySelector<HTMLElement>('.kind-chip:not([data-kind="all"])')!;
    const n = chipCount(chip.dataset.kind!);
    fireEvent.click(chip);
    await waitFor(() => expect(rowSns()).toHaveLength(Math.min(n, 50)));
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    for (const row of screen.getAllByTestId('popup-row')) expect(row.querySelector(`.chip[data-kind="${chip.dataset.kind}"]`)).not.toBeNull();
    fireEvent.click(chip);
    await waitFor(() => expect(rowSns()).toEqual(all));

    const target = (await db.orders.toArray()).find((order) => order.trackingNumber !== null)!;
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索订单号或运单号' }), { target: { value: target.trackingNumber } });
    await waitFor(() => expect(rowSns()).toEqual([target.orderSn]));
    // The last digits of an order number find it too.
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: target.orderSn.slice(-8) } });
    await waitFor(() => expect(rowSns()).toContain(target.orderSn));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'NO-SUCH' } });
    await waitFor(() => expect(screen.getByTestId('popup-empty').textContent).toBe('没有订单号或运单号以“NO-SUCH”开头或结尾的订单'));
  });

  test('稍后提醒 and 已处理 move rows into the muted group and write the mutes; 撤销 brings them back', async () => {
    renderPopup();
    await waitFor(() => expect(rowSns().length).toBeGreaterThan(1));
    const [first, second] = rowSns() as [string, string];
    fireEvent.click(screen.getByRole('button', { name: `订单 ${first} 稍后提醒（1 小时）` }));
    await waitFor(() => expect(rowSns()).not.toContain(first));
    expect((await mutesItem.getValue()).orders).toEqual({ [`${shop.shopId}|${first}`]: NOW + HOUR });
    fireEvent.click(screen.getByRole('button', { name: `订单 ${second} 标为已处理` }));
    await waitFor(() => expect(rowSns()).not.toContain(second));
    expect((await mutesItem.getValue()).handled).toEqual({ [`${shop.shopId}|${second}`]: NOW });

    const toggle = screen.getByRole('button', { name: /已稍后\/已处理 2 单/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getAllByTestId('muted-row').map((row) => row.dataset.orderSn)).toEqual([first, second]);
    fireEvent.click(screen.getByRole('button', { name: `撤销订单 ${first} 的稍后提醒或已处理` }));
    await waitFor(() => expect(rowSns()[0]).toBe(first));
    expect((await mutesItem.getValue()).orders).toEqual({});

    // A longer snooze, chosen from the row's menu.
    fireEvent.change(screen.getByRole('combobox', { name: `订单 ${first} 稍后提醒：选择更久` }), { target: { value: 'hours4' } });
    await waitFor(() => expect(rowSns()).not.toContain(first));
    expect((await mutesItem.getValue()).orders).toEqual({ [`${shop.shopId}|${first}`]: NOW + 4 * HOUR });
    fireEvent.click(screen.getByRole('button', { name: `撤销订单 ${first} 的稍后提醒或已处理` }));
    await waitFor(() => expect(rowSns()[0]).toBe(first));

    // The snooze of the notifications' button, stored elsewhere, is followed too.
    await mutesItem.setValue({ orders: { [`${shop.shopId}|${first}`]: NOW + HOUR }, kinds: {}, handled: {} });
    await waitFor(() => expect(rowSns()).not.toContain(first));
    expect(rowSns()).toContain(second);
  });

  test('data older than two hours asks for the order list; the banners of a stopped provider and unverified pickups', async () => {
    now = NOW + 2 * HOUR;
    await db.meta.put({
      key: pollerStateKey('kuaidi100'),
      value: { provider: 'kuaidi100', stoppedFor: { errorClass: 'auth', message: { zh: '签名错误：请核对授权key与customer', en: 'Signature rejected' }, at: NOW }, pausedUntil: null, day: '2026-11-20', sentToday: 3 },
    });
    renderPopup('kuaidi100');
    const prompt = await screen.findByTestId('stale-prompt');
    expect(prompt.textContent).toContain('数据已 3时0分 未更新');
    fireEvent.click(within(prompt).getByRole('button', { name: '打开订单列表以刷新' }));
    expect(links.openConsole).toHaveBeenCalledWith(ORDER_LIST_URL);

    const stopped = await screen.findByTestId('provider-stopped');
    expect(stopped.textContent).toMatch(/^快递100 签名错误：请核对授权key与customer 去设置 →$/);
    fireEvent.click(within(stopped).getByRole('button', { name: '去设置 →' }));
    expect(links.openOptions).toHaveBeenCalled();
    expect((await screen.findByTestId('unverified-pickups')).textContent).toMatch(/^\d+ 单揽收未核实/);
  });
});

test('with several shops a row names its shop: by the name the console showed, else by its id', async () => {
  const other = '261120-000000000000777';
  const capture = { ...listCapture([orderRow(other, { promise_shipping_time: Math.floor((NOW + HOUR / 2) / 1000) })], NOW - HOUR, 'other-shop'), shopName: '乙店' };
  expect((await ingestCapture(db, capture, NOW, DEFAULT_POLICY)).error).toBeNull();
  renderPopup();
  await waitFor(() => expect(rowSns()).toContain(other));
  const shopOf = (orderSn: string) => screen.getAllByTestId('popup-row').find((row) => row.dataset.orderSn === orderSn)?.querySelector('.popup-shop')?.textContent;
  expect(shopOf(other)).toBe('乙店');
  expect(shopOf(rowSns().find((orderSn) => orderSn !== other)!)).toBe(shop.shopId);
});

test('an empty database says so, without a stale data prompt pretending there is data', async () => {
  db.close();
  db = await freshDb();
  renderPopup();
  await waitFor(() => expect(screen.getByTestId('popup-empty').textContent).toBe('暂无需要处理的订单'));
  await countsShown();
  expect(screen.getByTestId('stored-count').textContent).toBe('已记录 0 单');
  expect(document.querySelectorAll('.kind-chip')).toHaveLength(1);
  expect(screen.getByTestId('stale-prompt').textContent).toContain('还没有读到订单');
  expect(screen.getByTestId('last-capture').textContent).toBe('尚未采集');
});
