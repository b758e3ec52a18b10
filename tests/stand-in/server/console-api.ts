// The console's JSON endpoints (lib/pdd/README.md § Endpoints), answered from the synthetic shop.

import type { SyntheticShop } from '../synthetic-shop';
import { BROKEN_ORDER_LIST_BODY, corruptRows, type ConsoleFaults } from './faults';
import { jsonResponse, textResponse, type StandInResponse } from './http';
import { OrderIndex, readOrderListQuery } from './order-query';

export const CONSOLE_API_PATHS = {
  recentOrderList: '/mangkhut/mms/recentOrderList',
  afterSalesList: '/mercury/mms/afterSales/queryList',
  orderDetail: '/mangkhut/mms/orderDetail',
} as const;

const OK = 1_000_000;
/** The backend's "missing or bad parameter" code (lib/pdd/README.md § Response envelope). */
const BAD_PARAMETER = 1000;

type Row = Record<string, unknown>;
type Handler = (body: unknown) => StandInResponse;

/** The console endpoints: a map from API path to handler, over one shop. */
export function consoleApi(shop: SyntheticShop, faults: ConsoleFaults = {}): ReadonlyMap<string, Handler> {
  const index = new OrderIndex(shop.orders);
  const bySn = new Map(shop.orders.map((row) => [row.order_sn as string, row]));

  const recentOrderList: Handler = (body) => {
    if (faults.brokenOrderListBody === true) return textResponse(200, BROKEN_ORDER_LIST_BODY, 'text/html;charset=UTF-8');
    const read = readOrderListQuery(body);
    if (!read.ok) return jsonResponse({ success: false, errorCode: BAD_PARAMETER, errorMsg: read.message, result: null });
    const { totalItemNum, pageItems } = index.run(read.query);
    return jsonResponse({ success: true, errorCode: OK, errorMsg: null, result: { totalItemNum, pageItems: corruptRows(pageItems, faults.malformedOrderRows) } });
  };

  const afterSalesList: Handler = (body) => {
    const b = (body !== null && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const pageNumber = typeof b.pageNumber === 'number' ? b.pageNumber : 1;
    const pageSize = typeof b.pageSize === 'number' ? b.pageSize : 10;
    if (!Number.isInteger(pageNumber) || !Number.isInteger(pageSize) || pageNumber < 1 || pageSize < 1 || pageSize > 100) {
      return jsonResponse({ success: false, errorCode: BAD_PARAMETER, errorMsg: '参数错误', result: null });
    }
    const start = typeof b.startCreatedTime === 'number' ? b.startCreatedTime : -Infinity;
    const end = typeof b.endCreatedTime === 'number' ? b.endCreatedTime : Infinity;
    let rows: Row[] = shop.afterSales.filter((row) => (row.createdAt as number) >= start && (row.createdAt as number) <= end);
    if (b.orderByCreatedAtDesc === false) rows = rows.reverse();
    const from = (pageNumber - 1) * pageSize;
    return jsonResponse({ success: true, errorCode: OK, errorMsg: null, result: { total: rows.length, list: rows.slice(from, from + pageSize) } });
  };

  // orderDetail answers in snake_case (error_code/error_msg), unlike the list endpoints.
  const orderDetail: Handler = (body) => {
    const b = (body !== null && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const sn = typeof b.orderSn === 'string' ? b.orderSn : typeof b.order_sn === 'string' ? b.order_sn : null;
    const row = sn === null ? undefined : bySn.get(sn);
    if (sn === null || row === undefined) return jsonResponse({ success: false, error_code: BAD_PARAMETER, error_msg: sn === null ? '参数错误' : '订单不存在', result: null });
    const cancelled = row.order_status_str === '已取消';
    return jsonResponse({
      success: true,
      error_code: OK,
      error_msg: null,
      result: {
        ...row,
        pay_time: cancelled ? null : row.order_time,
        group_time: cancelled ? null : row.order_time,
        receive_time: shop.receiveTimeOf[sn] ?? null,
        invoice_apply_status_str: '未申请',
      },
    });
  };

  return new Map([
    [CONSOLE_API_PATHS.recentOrderList, recentOrderList],
    [CONSOLE_API_PATHS.afterSalesList, afterSalesList],
    [CONSOLE_API_PATHS.orderDetail, orderDetail],
  ]);
}
