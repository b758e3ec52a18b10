// recentOrderList's filters, sort orders and paging (lib/pdd/README.md § Order list request), over the shop's raw rows.

type Row = Record<string, unknown>;

/** orderType tabs: 0 全部, 1 待发货, 2 已发货(待收货), 3 已签收; 4 已申请缺货 and 7 待支付 exist but this shop has none. */
const ORDER_TYPES: Record<number, (row: Row) => boolean> = {
  0: () => true,
  1: (row) => row.order_status_str === '待发货',
  2: (row) => row.order_status_str === '已发货，待收货',
  3: (row) => typeof row.order_status_str === 'string' && row.order_status_str.startsWith('已收货'),
  4: () => false,
  7: () => false,
};

/** afterSaleType: 0 全部, 1 无售后, 2 售后处理中, 3 退款中, 4 退款成功 (mms after_sales_status codes, lib/pdd/README.md § After-sales status codes). */
const AFTER_SALE_TYPES: Record<number, (row: Row) => boolean> = {
  0: () => true,
  1: (row) => row.after_sales_status === null,
  2: (row) => row.after_sales_status === 10 || row.after_sales_status === 11,
  3: () => false,
  4: (row) => row.after_sales_status === 5,
};

const byOrderTimeDesc = (a: Row, b: Row): number => (b.order_time as number) - (a.order_time as number);

/** sortType: 7 newest deal first, 8 oldest first; 9/10/11 put unshipped orders closest to overdue on top. */
function sorterFor(sortType: number): ((a: Row, b: Row) => number) | null {
  if (sortType === 7) return byOrderTimeDesc;
  if (sortType === 8) return (a, b) => -byOrderTimeDesc(a, b);
  if (sortType === 9 || sortType === 10 || sortType === 11) {
    return (a, b) => {
      const aWaiting = a.order_status_str === '待发货';
      const bWaiting = b.order_status_str === '待发货';
      if (aWaiting !== bWaiting) return aWaiting ? -1 : 1;
      if (aWaiting) return (a.promise_shipping_time as number) - (b.promise_shipping_time as number);
      return byOrderTimeDesc(a, b);
    };
  }
  return null;
}

export interface OrderListQuery {
  orderType: number;
  afterSaleType: number;
  urgeShippingStatus: number;
  groupStartTime: number | null;
  groupEndTime: number | null;
  pageNumber: number;
  pageSize: number;
  sortType: number;
}

export type QueryCheck = { ok: true; query: OrderListQuery } | { ok: false; message: string };

/** Reads a request body the way the console backend validates it; unknown fields are ignored. */
export function readOrderListQuery(body: unknown): QueryCheck {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, message: '参数错误' };
  const fields = body as Record<string, unknown>;
  // A missing (or null) field takes its default; a present one must be an integer (undefined marks it invalid).
  const int = <D extends number | null>(key: string, fallback: D): number | D | undefined => {
    const value = fields[key];
    if (value === undefined || value === null) return fallback;
    return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
  };
  const read = {
    orderType: int('orderType', 0),
    afterSaleType: int('afterSaleType', 0),
    urgeShippingStatus: int('urgeShippingStatus', -1),
    groupStartTime: int('groupStartTime', null),
    groupEndTime: int('groupEndTime', null),
    pageNumber: int('pageNumber', 1),
    pageSize: int('pageSize', 10),
    sortType: int('sortType', 7),
  };
  const invalid = Object.entries(read).find(([, value]) => value === undefined);
  if (invalid !== undefined) return { ok: false, message: `参数错误：${invalid[0]}` };
  const query = read as OrderListQuery;
  if (!(query.orderType in ORDER_TYPES) || !(query.afterSaleType in AFTER_SALE_TYPES) || sorterFor(query.sortType) === null) return { ok: false, message: '参数错误' };
  if (query.pageNumber < 1 || query.pageSize < 1 || query.pageSize > 50) return { ok: false, message: '参数错误：pageNumber/pageSize' };
  return { ok: true, query };
}

/** Answers queries over a fixed set of rows; the filtered and sorted lists are cached per tab and sort. */
export class OrderIndex {
  private readonly sorted = new Map<string, Row[]>();

  constructor(private readonly rows: readonly Row[]) {}

  run(query: OrderListQuery): { totalItemNum: number; pageItems: Row[] } {
    let rows = this.tab(query.orderType, query.sortType);
    const afterSale = AFTER_SALE_TYPES[query.afterSaleType] as (row: Row) => boolean;
    const { groupStartTime: start, groupEndTime: end, urgeShippingStatus: urged } = query;
    if (query.afterSaleType !== 0 || start !== null || end !== null || urged === 1) {
      rows = rows.filter(
        (row) =>
          afterSale(row) &&
          (start === null || (row.order_time as number) >= start) &&
          (end === null || (row.order_time as number) <= end) &&
          (urged !== 1 || row.urge_shipping_time !== null),
      );
    }
    const from = (query.pageNumber - 1) * query.pageSize;
    return { totalItemNum: rows.length, pageItems: rows.slice(from, from + query.pageSize) };
  }

  private tab(orderType: number, sortType: number): Row[] {
    const key = `${orderType}/${sortType}`;
    let rows = this.sorted.get(key);
    if (rows === undefined) {
      rows = this.rows.filter(ORDER_TYPES[orderType] as (row: Row) => boolean).sort(sorterFor(sortType) ?? byOrderTimeDesc);
      this.sorted.set(key, rows);
    }
    return rows;
  }
}
