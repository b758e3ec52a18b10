// @ts-check
// /orders/list: loads rows with POST /mangkhut/mms/recentOrderList (XHR) and renders them as order cards.
// Tab and page changes use history.pushState and replace the card nodes, as the React console does.

import { postJson } from './lib/api.js';
import { consoleNowSeconds, h, pageVariant } from './lib/dom.js';
import { pagination } from './lib/pagination.js';
import { LAYOUTS } from './order-cards.js';

/** Tab labels; the index is the request's orderType (lib/pdd/README.md § Order list request). */
const TABS = ['全部', '待发货', '已发货', '已签收'];
const COLUMNS = ['商品', '订单状态', '数量', '商品总价', '实收金额', '收货人', '买家', '操作'];
const PAGE_SIZE = 20;
const LIST_WINDOW_S = 90 * 86_400;

const layout = LAYOUTS[pageVariant()] ?? LAYOUTS.classic;
const root = /** @type {HTMLElement} */ (document.getElementById('mf-mms-orders-container'));

/** @typedef {{ tab: number, page: number }} ListState */

/** @returns {ListState} */
function stateFromLocation() {
  const query = new URLSearchParams(location.search);
  const tab = Number(query.get('tab') ?? 0);
  const page = Number(query.get('page') ?? 1);
  return { tab: Number.isInteger(tab) && tab >= 0 && tab < TABS.length ? tab : 0, page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

/** @param {ListState} state */
function go(state) {
  history.pushState(null, '', `/orders/list?tab=${state.tab}${state.page > 1 ? `&page=${state.page}` : ''}`);
  void load(state);
}

const tabs = TABS.map((label, tab) => h('div', { className: layout.tabClass, text: label, attrs: { role: 'tab', 'data-tab': String(tab) }, onClick: () => go({ tab, page: 1 }) }));
const status = h('div', { className: 'order-list-status', attrs: { role: 'status' } });
const list = h('div', { className: layout.listClass });
const pager = h('div', { className: 'order-list-pagination' });
root.append(
  h(
    'div',
    { className: layout.pageClass },
    h('div', { className: layout.tabsClass, attrs: { role: 'tablist' } }, ...tabs),
    h('div', { className: 'order-list-columns' }, ...COLUMNS.map((title) => h('span', { text: title }))),
    status,
    list,
    pager,
  ),
);

/** A card per row; rows the page cannot read are left out instead of breaking the list. @param {unknown} row */
function cardFor(row) {
  if (row === null || typeof row !== 'object') return null;
  try {
    return layout.card(/** @type {Record<string, unknown>} */ (row));
  } catch (error) {
    console.warn('order card skipped', error);
    return null;
  }
}

let latest = 0;

/** @param {ListState} state */
async function load(state) {
  const request = ++latest;
  tabs.forEach((tab, i) => tab.classList.toggle(layout.tabActiveClass, i === state.tab));
  status.textContent = '加载中…';
  const now = consoleNowSeconds();
  const body = {
    orderType: state.tab,
    afterSaleType: 0,
    remarkStatus: -1,
    urgeShippingStatus: -1,
    groupStartTime: now - LIST_WINDOW_S,
    groupEndTime: now,
    pageNumber: state.page,
    pageSize: PAGE_SIZE,
    sortType: 10,
    mobile: '',
    source: 'MMS',
  };
  /** @type {any} */
  let reply;
  try {
    reply = await postJson('/mangkhut/mms/recentOrderList', body);
  } catch {
    reply = null;
  }
  if (request !== latest) return;
  if (reply?.success !== true || typeof reply.result !== 'object' || reply.result === null) {
    status.textContent = typeof reply?.errorMsg === 'string' ? reply.errorMsg : '系统繁忙，请稍后再试';
    status.classList.add('order-list-error');
    list.replaceChildren();
    pager.replaceChildren();
    return;
  }
  const rows = Array.isArray(reply.result.pageItems) ? reply.result.pageItems : [];
  const total = typeof reply.result.totalItemNum === 'number' ? reply.result.totalItemNum : rows.length;
  status.classList.remove('order-list-error');
  status.textContent = rows.length === 0 ? '暂无数据' : '';
  list.replaceChildren(...rows.map(cardFor).filter((/** @type {HTMLElement | null} */ card) => card !== null));
  pager.replaceChildren(pagination({ total, page: state.page, pageSize: PAGE_SIZE, version: layout.version, onPage: (page) => go({ tab: state.tab, page }) }));
}

window.addEventListener('popstate', () => void load(stateFromLocation()));
void load(stateFromLocation());
