// @ts-check
// /aftersales/aftersale_list: loads cases with POST /mercury/mms/afterSales/queryList (XHR) and renders one
// row per case, with the countdown from `expireRemainTime` (seconds) in `.table-item-header_time__<hash>`.

import { postJson } from './lib/api.js';
import { consoleNowSeconds, h } from './lib/dom.js';
import { remaining, shanghaiTime, text, yuan } from './lib/format.js';
import { pagination } from './lib/pagination.js';

const PAGE_SIZE = 10;
const LIST_WINDOW_S = 90 * 86_400;
const VERSION = '5-120-1';

const root = /** @type {HTMLElement} */ (document.getElementById('mf-mms-aftersales-container'));
const status = h('div', { className: 'after-sales-status', attrs: { role: 'status' } });
const list = h('div', { className: 'after-sales-table_list__2wRkd' });
const pager = h('div', { className: 'after-sales-pagination' });
root.append(h('div', { className: 'after-sales-page' }, h('div', { className: 'after-sales-title', text: '售后列表' }), status, list, pager));

/** @param {Record<string, unknown>} row */
function caseRow(row) {
  const left = typeof row.expireRemainTime === 'number' ? row.expireRemainTime : null;
  return h(
    'div',
    { className: 'table-item_item__3fJ2k' },
    h(
      'div',
      { className: 'table-item-header_header__7kLq2' },
      h('span', { text: `订单编号：${text(row.orderSn)}` }),
      h('span', { text: `售后编号：${text(row.id)}` }),
      h('span', { text: `申请时间：${shanghaiTime(row.createdAt)}` }),
      left !== null && h('span', { className: 'table-item-header_time__1mXq8', text: remaining(left) }),
    ),
    h(
      'div',
      { className: 'table-item_body__5pQnE' },
      h('div', { className: 'table-item_goods__0aZ3v', text: `${text(row.goodsName)} ${text(row.goodsSpec)}` }),
      h('div', { className: 'table-item_type__6hYb2', text: text(row.afterSalesTypeName) }),
      h('div', { className: 'table-item_title__4gFs1', text: text(row.afterSalesTitle) }),
      h('div', { text: `售后原因：${text(row.afterSalesReasonDesc)}` }),
      h('div', { text: `退款金额：${yuan(row.refundAmount)}` }),
      typeof row.expireActionDesc === 'string' && h('div', { className: 'table-item_expire__9kVc7', text: row.expireActionDesc }),
      h('a', { text: '查看详情', attrs: { href: `/aftersales-ssr/detail?id=${encodeURIComponent(text(row.id))}` } }),
    ),
  );
}

/** @param {unknown} row */
function rowFor(row) {
  if (row === null || typeof row !== 'object') return null;
  try {
    return caseRow(/** @type {Record<string, unknown>} */ (row));
  } catch (error) {
    console.warn('after-sales row skipped', error);
    return null;
  }
}

let latest = 0;

/** @param {number} page */
async function load(page) {
  const request = ++latest;
  status.textContent = '加载中…';
  const now = consoleNowSeconds();
  /** @type {any} */
  let reply;
  try {
    reply = await postJson('/mercury/mms/afterSales/queryList', { pageNumber: page, pageSize: PAGE_SIZE, orderByCreatedAtDesc: true, startCreatedTime: now - LIST_WINDOW_S, endCreatedTime: now });
  } catch {
    reply = null;
  }
  if (request !== latest) return;
  if (reply?.success !== true || typeof reply.result !== 'object' || reply.result === null) {
    status.textContent = typeof reply?.errorMsg === 'string' ? reply.errorMsg : '系统繁忙，请稍后再试';
    list.replaceChildren();
    pager.replaceChildren();
    return;
  }
  const rows = Array.isArray(reply.result.list) ? reply.result.list : [];
  status.textContent = rows.length === 0 ? '暂无数据' : '';
  list.replaceChildren(...rows.map(rowFor).filter((/** @type {HTMLElement | null} */ row) => row !== null));
  const total = typeof reply.result.total === 'number' ? reply.result.total : rows.length;
  pager.replaceChildren(pagination({ total, page, pageSize: PAGE_SIZE, version: VERSION, onPage: go }));
}

/** @param {number} page */
function go(page) {
  history.pushState(null, '', `/aftersales/aftersale_list${page > 1 ? `?page=${page}` : ''}`);
  void load(page);
}

const pageFromLocation = () => {
  const page = Number(new URLSearchParams(location.search).get('page') ?? 1);
  return Number.isInteger(page) && page >= 1 ? page : 1;
};

window.addEventListener('popstate', () => void load(pageFromLocation()));
void load(pageFromLocation());
