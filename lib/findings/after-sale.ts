// What the after-sales kinds share: reading a case's state (mms code table).
import type { AfterSaleFacts } from '../facts/facts';

/** mms codes of finished cases: 5 退款成功, 6/12 closed without refund, 16/17 exchange done or closed. */
const FINISHED_CODES: ReadonlySet<number> = new Set([5, 6, 12, 16, 17]);
export const REFUND_SUCCEEDED = 5;
/** 11 待商家确认收货: the merchant must confirm the returned goods, a window whose length is unknown (R12). */
export const AWAITING_RETURN_CONFIRMATION = 11;

export function isFinished(sale: AfterSaleFacts): boolean {
  return sale.closedAt !== null || (sale.statusCode !== null && FINISHED_CODES.has(sale.statusCode));
}

export function waitsOnMerchant(sale: AfterSaleFacts): boolean {
  return sale.expireRemainMs !== null || sale.statusCode === AWAITING_RETURN_CONFIRMATION || (sale.statusText?.includes('待商家') ?? false);
}
