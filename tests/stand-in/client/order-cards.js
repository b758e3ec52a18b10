// @ts-check
// One order card per recentOrderList row, in three markups:
// - classic: today's console as public userscripts describe it (lib/pdd/README.md § DOM clues): `.package-center-table`,
//   one child div per card, header cell `订单编号：<sn>`, a body table whose td[0..7] are goods, status,
//   quantity, 商品总价, 实收金额, receiver, buyer and actions;
// - restyled: a later release with other class names and no table (the label and number in sibling spans);
// - unmatchable: a release whose cards show no order number anywhere, so cards cannot be matched to data.

import { h } from './lib/dom.js';
import { maskName, shanghaiTime, text, yuan } from './lib/format.js';

/** @typedef {Record<string, unknown>} Row */

/** @param {Row} row */
const detailHref = (row) => `/orders/detail?sn=${encodeURIComponent(text(row.order_sn))}`;

/** The after-sales note under the status (mms after_sales_status, lib/pdd/README.md § After-sales status codes). @param {Row} row */
function afterSalesNote(row) {
  if (row.after_sales_status === 10 || row.after_sales_status === 11) return '售后处理中';
  if (typeof row.urge_shipping_time === 'number' && row.order_status_str === '待发货') return '买家已催发货';
  return '';
}

/** The eight cells of a card's body, each as a list of children. @param {Row} row @returns {(Node | string)[][]} */
function cellContents(row) {
  const note = afterSalesNote(row);
  return [
    [
      h(
        'div',
        { className: 'goods-record-container' },
        h('img', { attrs: { src: text(row.thumb_url), alt: '', width: '60', height: '60' } }),
        h('div', {}, h('div', { className: 'goods-name', text: text(row.goods_name) }), h('div', { text: `ID:${text(row.goods_id)}` }), h('div', { text: `商家编码:${text(row.out_goods_sn)}` }), h('div', { className: 'goods-spec', text: text(row.spec) })),
      ),
    ],
    [text(row.order_status_str), ...(note ? [h('div', { className: 'order-status-note', text: note })] : [])],
    [text(row.goods_number)],
    [yuan(row.goods_amount)],
    [yuan(row.order_amount)],
    [h('div', { text: maskName(row.receive_name) }), h('div', { text: text(row.mobile) })],
    [text(row.nickname)],
  ];
}

/** @param {Row} row */
function classicCard(row) {
  const promise = shanghaiTime(row.promise_shipping_time);
  const actions = [h('a', { className: 'order-action', text: '查看详情', attrs: { href: detailHref(row) } }), h('span', { className: 'order-action', text: '添加备注' })];
  return h(
    'div',
    { className: 'order-card' },
    h(
      'div',
      { className: 'order-card-header' },
      h('div', { className: 'order-card-header-cell', text: `订单编号：${text(row.order_sn)}` }),
      h('div', { className: 'order-card-header-times' }, h('span', { text: `订单成交时间：${shanghaiTime(row.order_time)}` }), promise && h('span', { text: `承诺发货时间：${promise}` })),
    ),
    h('table', { className: 'order-card-table' }, h('tbody', {}, h('tr', {}, ...[...cellContents(row), actions].map((children) => h('td', {}, ...children))))),
  );
}

const RESTYLED = {
  card: 'order-card_card__2hFqE',
  head: 'order-card_head__9sLz1',
  times: 'order-card_times__5mWcR',
  body: 'order-card_body__7tGvY',
  cell: 'order-card_cell__1pKdQ',
};

/** @param {Row} row @param {boolean} showNumber */
function restyledCard(row, showNumber) {
  const promise = shanghaiTime(row.promise_shipping_time);
  const sn = text(row.order_sn);
  const number = showNumber
    ? [h('span', { className: 'order-card_label__1xQ0p', text: '订单编号：' }), h('span', { className: 'order-card_sn__3Kx7a', text: sn }), h('button', { className: 'order-card_copy__8qRtV', text: '复制' })]
    : [];
  // Without the number, 查看详情 is a button that navigates from a closure: nothing in the DOM names the order.
  const details = showNumber
    ? h('a', { className: 'order-card_action__4nZpM', text: '查看详情', attrs: { href: detailHref(row) } })
    : h('button', { className: 'order-card_action__4nZpM', text: '查看详情', onClick: () => location.assign(detailHref(row)) });
  return h(
    'div',
    { className: RESTYLED.card },
    h(
      'div',
      { className: RESTYLED.head },
      ...number,
      h('div', { className: RESTYLED.times }, h('span', { text: `订单成交时间：${shanghaiTime(row.order_time)}` }), promise && h('span', { text: `承诺发货时间：${promise}` })),
    ),
    h('div', { className: RESTYLED.body }, ...[...cellContents(row), [details]].map((children) => h('div', { className: RESTYLED.cell }, ...children))),
  );
}

/**
 * @typedef {{ version: string, pageClass: string, listClass: string, tabsClass: string, tabClass: string, tabActiveClass: string, card: (row: Row) => HTMLElement }} Layout
 */

/** The later release's page frame, shared by the restyled and unmatchable cards. */
const RESTYLED_PAGE = {
  version: '5-163-0',
  pageClass: 'order-page_root__6yHs2',
  listClass: 'order-card-list_wrapper__k3Jd8',
  tabsClass: 'order-tabs_bar__0bNw4',
  tabClass: 'order-tabs_item__3cTu9',
  tabActiveClass: 'order-tabs_active__2Lm5x',
};

/** @type {Record<string, Layout>} */
export const LAYOUTS = {
  classic: {
    version: '5-120-1',
    pageClass: 'order-list-page',
    listClass: 'package-center-table',
    tabsClass: 'order-tabs',
    tabClass: 'order-tab',
    tabActiveClass: 'order-tab-active',
    card: classicCard,
  },
  restyled: { ...RESTYLED_PAGE, card: (row) => restyledCard(row, true) },
  unmatchable: { ...RESTYLED_PAGE, card: (row) => restyledCard(row, false) },
};
