// The stand-in console's page scripts, run in happy-dom against the in-process router.
import { afterEach, describe, expect, it } from 'vitest';
import { openStandInPage, type HappyDomPage } from '../../stand-in/happy-dom-page';
import type { RouterOptions } from '../../stand-in/server/router';
import { shanghaiDateTime } from '../../stand-in/shop/time';
import { generateShop } from '../../stand-in/synthetic-shop';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const shop = generateShop({ seed: 5, size: 60, now: NOW });
const bySn = new Map(shop.orders.map((row) => [row.order_sn as string, row]));

type Row = Record<string, unknown>;

let open: HappyDomPage | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

async function page(path: string, options: Omit<RouterOptions, 'shop'> = {}): Promise<HappyDomPage> {
  open = await openStandInPage({ shop, path, ...options });
  return open;
}

const cards = (p: HappyDomPage): Element[] => [...p.window.document.querySelectorAll('.package-center-table > div')] as unknown as Element[];
const headerNumber = (card: Element): string => /订单编号：(.*)$/.exec(card.querySelector('.order-card-header-cell')?.textContent ?? '')?.[1] ?? '';
const lastListRequest = (p: HappyDomPage): Row => p.requests.filter((entry) => entry.path === '/mangkhut/mms/recentOrderList').at(-1)?.body as Row;

async function click(p: HappyDomPage, selector: string): Promise<void> {
  const element = p.window.document.querySelector(selector) as unknown as HTMLElement | null;
  if (element === null) throw new Error(`nothing matches ${selector}`);
  element.click();
  await p.settle();
}

describe('/orders/list (classic)', () => {
  it('exposes the shop id where the console keeps it', async () => {
    const p = await page('/orders/list');
    expect((p.window as unknown as { __mms: { user: { userInfo: { _userInfo: { mall_id: unknown } } } } }).__mms.user.userInfo._userInfo.mall_id).toBe(shop.shopId);
  });

  it('loads the first page by XHR with the console request body', async () => {
    const p = await page('/orders/list');
    const now = NOW / 1000;
    expect(lastListRequest(p)).toEqual({ orderType: 0, afterSaleType: 0, remarkStatus: -1, urgeShippingStatus: -1, groupStartTime: now - 90 * 86_400, groupEndTime: now, pageNumber: 1, pageSize: 20, sortType: 10, mobile: '', source: 'MMS' });
    expect(cards(p)).toHaveLength(20);
  });

  it('renders each card header, times in Shanghai, and the eight body cells', async () => {
    const p = await page('/orders/list');
    for (const card of cards(p)) {
      const row = bySn.get(headerNumber(card)) as Row;
      expect(row).toBeDefined();
      const times = card.querySelector('.order-card-header-times')?.textContent ?? '';
      expect(times).toContain(`订单成交时间：${shanghaiDateTime(row.order_time as number)}`);
      if (row.promise_shipping_time === null) expect(times).not.toContain('承诺发货时间');
      else expect(times).toContain(`承诺发货时间：${shanghaiDateTime(row.promise_shipping_time as number)}`);
      const cells = [...card.querySelectorAll('table td')];
      expect(cells).toHaveLength(8);
      expect(cells[0]?.querySelector('.goods-record-container > img')).not.toBeNull();
      expect(cells[0]?.textContent).toContain(`ID:${String(row.goods_id)}`);
      expect(cells[1]?.firstChild?.textContent).toBe(row.order_status_str);
      expect(cells[2]?.textContent).toBe(String(row.goods_number));
      expect(cells[3]?.textContent).toBe(`¥${((row.goods_amount as number) / 100).toFixed(2)}`);
      expect(cells[4]?.textContent).toBe(`¥${((row.order_amount as number) / 100).toFixed(2)}`);
      expect(cells[5]?.textContent).not.toContain(row.receive_name as string);
      expect(cells[6]?.textContent).toBe(row.nickname);
      expect(cells[7]?.querySelector('a')?.getAttribute('href')).toBe(`/orders/detail?sn=${String(row.order_sn)}`);
    }
  });

  it('pages with pushState and replaces the cards, until next is disabled', async () => {
    const p = await page('/orders/list');
    const seen = cards(p).map(headerNumber);
    const firstCard = cards(p)[0];
    await click(p, 'li[data-testid="beast-core-pagination-next"]');
    expect(p.window.location.search).toBe('?tab=0&page=2');
    expect(lastListRequest(p)).toMatchObject({ orderType: 0, pageNumber: 2 });
    expect(firstCard?.isConnected).toBe(false);
    seen.push(...cards(p).map(headerNumber));
    await click(p, 'li[data-testid="beast-core-pagination-next"]');
    seen.push(...cards(p).map(headerNumber));
    const next = p.window.document.querySelector('li[data-testid="beast-core-pagination-next"]');
    expect(next?.getAttribute('aria-disabled')).toBe('true');
    expect(next?.className).toBe('PGT_next_5-120-1 PGT_disabled_5-120-1');
    expect(p.window.document.querySelector('[class*="PGT_totalText_"]')?.textContent).toBe('共 60 条');
    expect(new Set(seen)).toEqual(new Set(shop.orders.map((row) => row.order_sn)));
  });

  it('switches tabs with pushState, and goes back on popstate', async () => {
    const p = await page('/orders/list');
    const tab = [...p.window.document.querySelectorAll('[role="tab"]')].find((element) => element.textContent === '待发货') as unknown as HTMLElement;
    tab.click();
    await p.settle();
    expect(p.window.location.search).toBe('?tab=1');
    expect(lastListRequest(p)).toMatchObject({ orderType: 1, pageNumber: 1 });
    for (const card of cards(p)) expect(card.querySelectorAll('td')[1]?.firstChild?.textContent).toBe('待发货');
    p.window.history.back();
    await p.settle();
    expect(p.window.location.search).toBe('');
    expect(lastListRequest(p)).toMatchObject({ orderType: 0 });
  });

  it('opens on the tab and page of its URL', async () => {
    const p = await page('/orders/list?tab=3&page=2');
    expect(lastListRequest(p)).toMatchObject({ orderType: 3, pageNumber: 2 });
  });

  it('skips or blanks malformed rows and still renders the others', async () => {
    const p = await page('/orders/list', { faults: { malformedOrderRows: 4 } });
    const numbers = cards(p).map(headerNumber);
    // Row 4 lacks order_sn, row 8 has strings for times, row 12 is garbage, row 16 is null, row 20 lacks order_sn.
    expect(numbers).toHaveLength(19);
    expect(numbers.filter((sn) => sn === '')).toHaveLength(3);
    for (const sn of numbers.filter((n) => n !== '')) expect(bySn.has(sn)).toBe(true);
  });

  it('shows an error instead of cards when the list reply is not JSON', async () => {
    const p = await page('/orders/list', { faults: { brokenOrderListBody: true } });
    expect(cards(p)).toHaveLength(0);
    expect(p.window.document.querySelector('.order-list-status')?.textContent).toBe('系统繁忙，请稍后再试');
  });
});

describe('/orders/list (other releases)', () => {
  it('restyled: no .package-center-table, the number in a span beside its label', async () => {
    const p = await page('/orders/list', { variant: 'restyled' });
    const doc = p.window.document;
    expect(doc.querySelector('.package-center-table')).toBeNull();
    const list = doc.querySelector('[class^="order-card-list_"]');
    expect(list?.children).toHaveLength(20);
    const head = list?.children[0]?.firstElementChild;
    expect(head?.children[0]?.textContent).toBe('订单编号：');
    expect(bySn.has(head?.children[1]?.textContent ?? '')).toBe(true);
    expect(doc.querySelector('li[data-testid="beast-core-pagination-next"]')?.className).toBe('PGT_next_5-163-0');
  });

  it('unmatchable: no order number anywhere in the page', async () => {
    const p = await page('/orders/list', { variant: 'unmatchable' });
    const html = p.window.document.documentElement.outerHTML;
    expect(p.window.document.querySelector('[class^="order-card-list_"]')?.children).toHaveLength(20);
    for (const row of shop.orders) expect(html).not.toContain((row.order_sn as string).slice(7));
  });
});

describe('/aftersales/aftersale_list and /orders/detail', () => {
  it('renders one row per case with the countdown from expireRemainTime', async () => {
    const p = await page('/aftersales/aftersale_list');
    const request = p.requests.at(-1);
    expect(request?.path).toBe('/mercury/mms/afterSales/queryList');
    expect(request?.body).toMatchObject({ pageNumber: 1, pageSize: 10, orderByCreatedAtDesc: true });
    const rows = [...p.window.document.querySelectorAll('.table-item_item__3fJ2k')];
    expect(rows).toHaveLength(Math.min(10, shop.afterSales.length));
    rows.forEach((row, i) => {
      const data = shop.afterSales[i] as Row;
      expect(row.textContent).toContain(`订单编号：${String(data.orderSn)}`);
      const countdown = row.querySelector('[class*="table-item-header_time__"]');
      if (data.expireRemainTime === null) expect(countdown).toBeNull();
      else expect(countdown?.textContent).toMatch(/^剩余(\d+天)?\d{2}时\d{2}分$/);
    });
  });

  it('renders the detail of one order from orderDetail', async () => {
    const row = shop.orders.find((r) => r.order_status_str === '已收货') as Row;
    const p = await page(`/orders/detail?sn=${String(row.order_sn)}`);
    expect(p.requests.at(-1)).toEqual({ host: 'mms.pinduoduo.com', path: '/mangkhut/mms/orderDetail', body: { orderSn: row.order_sn, source: 'MMS' }, receivedAt: expect.any(Number) as number });
    const text = p.window.document.querySelector('.order-detail-fields')?.textContent ?? '';
    expect(text).toContain(String(row.order_sn));
    expect(text).toContain(shanghaiDateTime(shop.receiveTimeOf[row.order_sn as string] as number));
  });

  it('says so when the order does not exist', async () => {
    const p = await page('/orders/detail?sn=261120-000000000000000');
    expect(p.window.document.querySelector('.order-detail-status')?.textContent).toBe('订单不存在');
  });
});
