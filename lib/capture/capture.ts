// What the page-world hook hands to the extension: one console response, buyer PII already removed.

/** The console endpoints we read, by the path suffix that identifies them. */
export const CAPTURED_ENDPOINTS = {
  recentOrderList: '/mangkhut/mms/recentOrderList',
  afterSalesList: '/mercury/mms/afterSales/queryList',
  orderDetail: '/mangkhut/mms/orderDetail',
  courierTrace: '/express_base/mms/track',
} as const;

export type CapturedEndpoint = keyof typeof CAPTURED_ENDPOINTS;

export interface Capture {
  endpoint: CapturedEndpoint;
  /** Console shop (mall) id read from the page, or null when the page did not expose it. */
  shopId: string | null;
  /** The shop's name as the console shows it (mall_name; not buyer data); null or absent when the page did not expose it. */
  shopName?: string | null;
  /** Epoch ms when the response arrived in the page. */
  capturedAt: number;
  /** The parsed request body (for paging and tab context); null when absent or not JSON. */
  request: unknown;
  /** The parsed response body with buyer names, phones and addresses removed. */
  response: unknown;
}
