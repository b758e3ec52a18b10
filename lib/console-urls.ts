// Addresses of the seller console pages the extension links to.
export const CONSOLE_ORIGIN = 'https://mms.pinduoduo.com';

export function detailUrl(orderSn: string): string {
  return `${CONSOLE_ORIGIN}/orders/detail?sn=${encodeURIComponent(orderSn)}`;
}

export const ORDER_LIST_URL = `${CONSOLE_ORIGIN}/orders/list`;
