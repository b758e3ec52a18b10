// @ts-check
// /orders/detail?sn=…: loads POST /mangkhut/mms/orderDetail (snake_case error_code/error_msg) and lists the fields;
// 查看物流 loads the parcel's trace with GET /express_base/mms/track/get?orderSn=… and lists its events.

import { getJson, postJson } from './lib/api.js';
import { h } from './lib/dom.js';
import { maskName, shanghaiTime, text, yuan } from './lib/format.js';

const root = /** @type {HTMLElement} */ (document.getElementById('mf-mms-orders-container'));
const sn = new URLSearchParams(location.search).get('sn') ?? '';

/** @param {Record<string, unknown>} order @returns {[string, string][]} */
function fields(order) {
  return [
    ['订单编号', text(order.order_sn)],
    ['订单状态', text(order.order_status_str)],
    ['成交时间', shanghaiTime(order.order_time)],
    ['支付时间', shanghaiTime(order.pay_time)],
    ['承诺发货时间', shanghaiTime(order.promise_shipping_time)],
    ['发货时间', shanghaiTime(order.shipping_time)],
    ['确认收货时间', shanghaiTime(order.receive_time)],
    ['物流公司', text(order.shipping_name)],
    ['运单号', text(order.tracking_number)],
    ['商品', `${text(order.goods_name)} ${text(order.spec)}`],
    ['数量', text(order.goods_number)],
    ['商品总价', yuan(order.goods_amount)],
    ['实收金额', yuan(order.order_amount)],
    ['收货人', maskName(order.receive_name)],
    ['手机号', text(order.mobile)],
    ['收货地址', `${text(order.province_name)} ${text(order.city_name)} ${text(order.district_name)} ****`],
    ['发票', text(order.invoice_apply_status_str)],
  ];
}

/** @param {HTMLElement} panel */
async function showTrace(panel) {
  panel.replaceChildren(h('div', { className: 'order-trace-status', text: '加载中…' }));
  /** @type {any} */
  let reply;
  try {
    reply = await getJson(`/express_base/mms/track/get?orderSn=${encodeURIComponent(sn)}&source=MMS_TRACK_STATUS`);
  } catch {
    reply = null;
  }
  const list = reply?.success === true && Array.isArray(reply.result?.traceList) ? /** @type {Array<Record<string, unknown>>} */ (reply.result.traceList) : null;
  if (list === null) {
    panel.replaceChildren(h('div', { className: 'order-trace-status', text: typeof reply?.errorMsg === 'string' ? reply.errorMsg : '系统繁忙，请稍后再试' }));
    return;
  }
  if (list.length === 0) {
    panel.replaceChildren(h('div', { className: 'order-trace-status', text: '暂无物流轨迹' }));
    return;
  }
  panel.replaceChildren(
    h('ol', { className: 'order-trace' }, ...list.map((event) => h('li', {}, h('span', { className: 'order-trace-time', text: shanghaiTime(typeof event.time === 'number' ? event.time / 1000 : null) }), ' ', text(event.info)))),
  );
}

async function load() {
  const status = h('div', { className: 'order-detail-status', text: '加载中…' });
  root.replaceChildren(h('div', { className: 'order-detail' }, h('h2', { text: '订单详情' }), status));
  /** @type {any} */
  let reply;
  try {
    reply = await postJson('/mangkhut/mms/orderDetail', { orderSn: sn, source: 'MMS' });
  } catch {
    reply = null;
  }
  if (reply?.success !== true || typeof reply.result !== 'object' || reply.result === null) {
    status.textContent = typeof reply?.error_msg === 'string' ? reply.error_msg : '系统繁忙，请稍后再试';
    return;
  }
  const trace = h('div', { className: 'order-trace-panel' });
  status.replaceWith(
    h('dl', { className: 'order-detail-fields' }, ...fields(reply.result).flatMap(([label, value]) => [h('dt', { text: label }), h('dd', { text: value })])),
    h('button', { className: 'order-trace-button', text: '查看物流', attrs: { type: 'button' }, onClick: () => void showTrace(trace) }),
    trace,
  );
}

void load();
