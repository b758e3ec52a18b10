// Faults the console can be told to show, so tests can see the extension survive bad data.

export interface ConsoleFaults {
  /** Corrupt every Nth row of each recentOrderList page (rows N, 2N, … counted from 1 within the page). */
  malformedOrderRows?: number;
  /** Answer recentOrderList with a 200 HTML page instead of JSON. */
  brokenOrderListBody?: boolean;
  /** Delay every console API response by this many ms. */
  delayMs?: number;
}

/**
 * The broken rows cycle through four shapes seen in the wild in one form or another: a row without its
 * order number, a row whose times are strings and objects, a row of nested garbage, and a null row.
 */
function breakRow(row: Record<string, unknown>, which: number): unknown {
  switch (which % 4) {
    case 0: {
      const { order_sn: _dropped, ...rest } = row;
      return rest;
    }
    case 1:
      return { ...row, order_time: '2026-11-20 10:00:00', promise_shipping_time: '明天', shipping_time: { seconds: row.shipping_time }, goods_number: '一件', order_amount: null };
    case 2:
      return { order_sn: { value: row.order_sn, nested: [[{}]] }, order_status_str: ['待发货'], goods: { a: { b: { c: [1, 'x', null] } } }, order_time: -1 };
    default:
      return null;
  }
}

export function corruptRows(rows: readonly Record<string, unknown>[], everyNth: number | undefined): unknown[] {
  if (everyNth === undefined || everyNth < 1) return [...rows];
  return rows.map((row, i) => ((i + 1) % everyNth === 0 ? breakRow(row, (i + 1) / everyNth - 1) : row));
}

/** What a gateway error page looks like when the backend is unwell: 200, HTML, no JSON. */
export const BROKEN_ORDER_LIST_BODY = '<html><head><title>系统繁忙</title></head><body><h1>系统繁忙，请稍后再试</h1></body></html>';
