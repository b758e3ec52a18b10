// The console's JSON endpoints (lib/pdd/README.md § Endpoints), answered from the synthetic shop.

import type { SyntheticShop } from '../synthetic-shop';
import { kuaidi100Body } from '../shop/tracking-bodies';
import { shopClock, unixSecondsOf, type CourierClock } from './courier-clock';
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

/** The console's own parcel trace (lib/pdd/README.md § Console trace): GET, the order number in the query or the path. */
export const CONSOLE_TRACE_PATH = '/express_base/mms/track';

/** Kuaidi100 sub-codes of the shop's events → the open-platform `action` codes the console trace is given here. */
const TRACE_ACTIONS: Readonly<Record<string, string>> = {
  '103': 'GOT',
  '1002': 'DEPARTURE',
  '1001': 'ARRIVAL',
  '5': 'SEND',
  '501': 'IN_CABINET',
  '301': 'SIGN',
  '303': 'SIGN_ON_BEHALF',
  '304': 'SIGN_ON_BEHALF',
  '204': 'FAIL',
  '206': 'FAIL',
  '207': 'FAIL',
  '208': 'STAY_IN_WAREHOUSE',
  '203': 'REJECTION',
  '14': 'REJECTION',
  '6': 'RETURN',
};

/** A courier's `YYYY-MM-DD HH:mm:ss`, Shanghai wall time, as epoch ms. */
const shanghaiWallMs = (text: string): number => Date.parse(`${text.replace(' ', 'T')}+08:00`);

/**
 * Answers `GET /express_base/mms/track/get?orderSn=…` (the current form: `result.traceList`, newest first,
 * times in ms, `action` codes, the waybill named) and `GET /express_base/mms/track/<order_sn>` (the older
 * form: `result.traces`, oldest first, wall-clock text, no waybill), from the same events as the Kuaidi100
 * stand-in at the same `clock`; null for any other path. Both shapes are the stand-in's guesses at low-confidence sources.
 */
export function consoleTraceApi(shop: SyntheticShop, clock: CourierClock = shopClock(shop)): (url: string) => StandInResponse | null {
  const bySn = new Map(shop.orders.map((row) => [row.order_sn as string, row]));
  return (url) => {
    const { pathname, searchParams } = new URL(url, 'https://stand-in.invalid');
    if (!pathname.startsWith(`${CONSOLE_TRACE_PATH}/`)) return null;
    const segment = decodeURIComponent(pathname.slice(CONSOLE_TRACE_PATH.length + 1));
    const current = segment === 'get';
    const sn = current ? searchParams.get('orderSn') : segment;
    const row = sn === null ? undefined : bySn.get(sn);
    const trackingNumber = typeof row?.tracking_number === 'string' && row.tracking_number !== '' ? row.tracking_number : null;
    if (row === undefined || trackingNumber === null) {
      return jsonResponse({ success: false, errorCode: BAD_PARAMETER, errorMsg: row === undefined ? '订单不存在' : '暂无物流信息', result: null });
    }
    const parcel = shop.parcels.get(trackingNumber);
    const body = parcel === undefined ? undefined : kuaidi100Body(parcel, unixSecondsOf(clock));
    // Kuaidi100 lists the newest event first; "no record" has no data.
    const data = Array.isArray(body?.data) ? (body.data as Array<Record<string, unknown>>) : [];
    const result = current
      ? {
          orderSn: sn,
          trackingNumber,
          shippingId: row.shipping_id,
          shippingName: row.shipping_name,
          traceList: data.map((item) => ({ time: shanghaiWallMs(String(item.time)), info: item.context, action: TRACE_ACTIONS[String(item.statusCode)] ?? 'OTHER' })),
        }
      : { traces: [...data].reverse().map((item) => ({ time: item.time, info: item.context })) };
    return jsonResponse({ success: true, errorCode: OK, errorMsg: null, result });
  };
}
