// The synthetic shop: a seeded, deterministic set of console rows and courier replies, placed relative to
// a given clock, covering every clock and anomaly kind of lib/findings/README.md. See tests/stand-in/README.md.

import { BuyerPool } from './shop/buyers';
import { COURIERS, makeGoodsCatalog, type Courier, type Goods } from './shop/catalog';
import { DRAFT_BUILDERS, type DraftContext, type OrderDraft } from './shop/drafts';
import type { Parcel } from './shop/journey';
import { lazyRecord } from './shop/lazy-record';
import { createRandom, weightedPicker, type Random } from './shop/random';
import { amountsOf, toAfterSalesRow, toPageItem } from './shop/rows';
import { planScenarios, type ScenarioId } from './shop/scenarios';
import { shanghaiYymmdd } from './shop/time';
import { kdniaoBody, kuaidi100Body } from './shop/tracking-bodies';

export { FULL_COVERAGE_SIZE, SCENARIO_IDS, type ScenarioId } from './shop/scenarios';

export interface SyntheticShop {
  /** The console's `mall_id` (the page exposes it as window.__mms.user.userInfo._userInfo.mall_id). */
  shopId: string;
  shopName: string;
  /** The clock the data was generated for, epoch ms. */
  now: number;
  /** Raw `recentOrderList` pageItems, newest order first, with (fake) buyer PII. */
  orders: Record<string, unknown>[];
  /** Raw `afterSales/queryList` rows, newest case first. */
  afterSales: Record<string, unknown>[];
  /**
   * tracking number → the parcel's whole timeline, past and future: the stand-in couriers answer from it at their
   * clock, so a parcel travels on after `now` (the bodies below are the answers at `now`).
   */
  parcels: ReadonlyMap<string, Parcel>;
  /** tracking number → Kuaidi100 `poll/query.do` body at `now` (resultv2=4, newest event first; returnCode 500 when unknown). */
  kuaidi100: Record<string, unknown>;
  /** tracking number → Kdniao 8001 body at `now` (ascending traces; State 0 without traces when unknown). */
  kdniao: Record<string, unknown>;
  /** order_sn → scenario id (see SCENARIOS in shop/scenarios.ts). */
  scenarioOf: Record<string, string>;
  /** Every fake PII string in the rows, so tests can scan storage for leaks. */
  pii: { names: string[]; phones: string[]; addresses: string[] };
  /** order_sn → 确认收货 time (unix s) of received orders: `orderDetail`'s `receive_time`, absent from list rows. */
  receiveTimeOf: Record<string, number>;
}

export interface GenerateShopOptions {
  seed: number;
  /** Number of orders, 1 to 100,000 (every scenario appears from FULL_COVERAGE_SIZE = 40 on). */
  size: number;
  /** The shop's clock, epoch ms. */
  now: number;
}

const MAX_SIZE = 100_000;

export function generateShop(options: GenerateShopOptions): SyntheticShop {
  const { seed, size, now } = options;
  if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE) throw new RangeError(`size must be an integer from 1 to ${MAX_SIZE}, got ${size}`);
  if (!Number.isFinite(now)) throw new RangeError(`now must be epoch milliseconds, got ${now}`);
  const random = createRandom(seed);
  const shopId = String(random.int(100_000_000, 999_999_999));
  const plan = planScenarios(random, size);
  const clusters = plan.filter((id) => id === 'rejection_cluster').length;
  const catalog = makeGoodsCatalog(random, Math.max(16, Math.ceil(size / 40), clusters + 8));
  const buyers = new BuyerPool(random, Math.max(8, Math.ceil(size * 0.85)));
  const ctx = draftContext(random, Math.floor(now / 1000), buyers, catalog, clusters);

  const orders: Record<string, unknown>[] = [];
  const afterSales: Record<string, unknown>[] = [];
  const scenarioOf: Record<string, ScenarioId> = {};
  const receiveTimeOf: Record<string, number> = {};
  const parcels = new Map<string, Parcel>();
  const orderSns = new Set<number>();
  const addParcel = (parcel: Parcel | null): void => {
    if (parcel !== null) parcels.set(parcel.trackingNumber, parcel);
  };
  // Each draft is written out at once, so drafts die young (a 100k shop keeps the GC busy enough).
  const emit = (draft: OrderDraft): void => {
    const orderSn = uniqueOrderSn(random, draft.orderTime, orderSns);
    const amounts = amountsOf(draft, random.next());
    const afterSalesId = draft.afterSale === null ? null : 11_000_000_000 + (afterSales.length + 1) * 1009;
    orders.push(toPageItem(draft, orderSn, afterSalesId, amounts));
    scenarioOf[orderSn] = draft.scenario;
    if (draft.receiveTime !== null) receiveTimeOf[orderSn] = draft.receiveTime;
    addParcel(draft.parcel);
    if (draft.afterSale !== null && afterSalesId !== null) {
      afterSales.push(toAfterSalesRow(draft, draft.afterSale, afterSalesId, orderSn, amounts));
      addParcel(draft.afterSale.reverse);
    }
  };
  for (const id of plan) DRAFT_BUILDERS[id](ctx).forEach(emit);

  return {
    shopId,
    shopName: `测试店铺${shopId.slice(-4)}（哨兵演示）`,
    now,
    orders: newestFirst(orders, 'order_time'),
    afterSales: newestFirst(afterSales, 'createdAt'),
    // Bodies are built when first read (see lazy-record.ts); they are plain data all the same.
    parcels,
    kuaidi100: lazyRecord(parcels, (parcel) => kuaidi100Body(parcel, ctx.now)),
    kdniao: lazyRecord(parcels, (parcel) => kdniaoBody(parcel, ctx.now)),
    scenarioOf,
    pii: buyers.pii(),
    receiveTimeOf,
  };
}

/**
 * Rows sorted by a time field, newest first; equal times keep their generation order. The times are read
 * once into an array: a comparator reading `row[field]` from 100k wide rows is several times slower.
 */
function newestFirst(rows: Record<string, unknown>[], field: string): Record<string, unknown>[] {
  const times = rows.map((row) => row[field] as number);
  const order = rows.map((_row, i) => i);
  order.sort((a, b) => (times[b] as number) - (times[a] as number) || a - b);
  return order.map((i) => rows[i] as Record<string, unknown>);
}

/** `YYMMDD-<15 digits>`, the date being the order time in Shanghai. */
export function uniqueOrderSn(random: Random, orderTime: number, taken: Set<number>): string {
  let serial = random.digitsValue(15);
  while (taken.has(serial)) serial = random.digitsValue(15);
  taken.add(serial);
  return `${shanghaiYymmdd(orderTime)}-${String(serial).padStart(15, '0')}`;
}

function draftContext(random: Random, now: number, buyers: BuyerPool, catalog: Goods[], clusters: number): DraftContext {
  // The last `clusters` goods are reserved for rejection clusters. Single rejections and returns go
  // round the other goods, so no goods collects three by accident (that would be a cluster).
  const open = catalog.slice(0, catalog.length - clusters);
  const reserved = catalog.slice(catalog.length - clusters);
  let nextRejection = random.int(0, open.length - 1);
  let nextCluster = 0;
  const trackingNumbers = new Set<string>();
  const pickCourier = weightedPicker(COURIERS, (courier) => courier.weight);
  return {
    random,
    now,
    buyers,
    anyGoods: () => random.pick(catalog),
    rejectionGoods: () => open[nextRejection++ % open.length] as Goods,
    clusterGoods: () => {
      const goods = reserved[nextCluster++];
      if (goods === undefined) throw new Error('more rejection clusters than reserved goods');
      return goods;
    },
    anyCourier: () => pickCourier(random),
    newTrackingNumber: (courier: Courier) => {
      for (;;) {
        const number = courier.newTrackingNumber(random);
        if (!trackingNumbers.has(number)) {
          trackingNumbers.add(number);
          return number;
        }
      }
    },
  };
}
