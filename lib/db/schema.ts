// The Dexie database of the extension: one per browser profile, shared by the background (which writes)
// and the extension pages (which read).
import { Dexie, type DexieOptions, type Table } from 'dexie';
import type {
  StoredAfterSale,
  StoredChange,
  StoredMeta,
  StoredNotification,
  StoredOrder,
  StoredProduct,
  StoredShop,
  StoredTrackingEvent,
  StoredWaybill,
} from './records';
import { SCHEMA_VERSIONS } from './versions';

export const DEFAULT_DB_NAME = 'order-sentinel';

export type OrderKey = [shopId: string, orderSn: string];
export type ChangeKey = [shopId: string, orderSn: string, at: number, field: string];
export type AfterSaleKey = [shopId: string, id: string];
export type WaybillKey = [shopId: string, trackingNumber: string];
export type TrackingEventKey = [shopId: string, trackingNumber: string, at: number, textKey: string];
export type ProductKey = [shopId: string, goodsId: string];
export type NotificationKey = [shopId: string, key: string, sentAt: number];

export class SentinelDb extends Dexie {
  orders!: Table<StoredOrder, OrderKey>;
  changes!: Table<StoredChange, ChangeKey>;
  afterSales!: Table<StoredAfterSale, AfterSaleKey>;
  waybills!: Table<StoredWaybill, WaybillKey>;
  trackingEvents!: Table<StoredTrackingEvent, TrackingEventKey>;
  products!: Table<StoredProduct, ProductKey>;
  notifications!: Table<StoredNotification, NotificationKey>;
  shops!: Table<StoredShop, string>;
  meta!: Table<StoredMeta, string>;

  constructor(name: string = DEFAULT_DB_NAME, options?: DexieOptions) {
    super(name, options);
    for (const step of SCHEMA_VERSIONS) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}

/**
 * Creates the database object; Dexie opens it on first use. `options.indexedDB`/`IDBKeyRange` let the
 * benchmark run against a given IndexedDB implementation. Use `openDatabase` (open.ts) where a failed open
 * must be reported rather than thrown.
 */
export function openSentinelDb(name: string = DEFAULT_DB_NAME, options?: DexieOptions): SentinelDb {
  return new SentinelDb(name, options);
}

/** Key range covering every compound key that starts with `prefix` (arrays sort after every string and number). */
export function prefixRange<P extends readonly unknown[]>(prefix: P): [lower: P, upper: [...P, never[]]] {
  return [prefix, [...prefix, []]];
}

/** The keys of one shop's rows (keys starting with its id), or of every row when `shopId` is null; bounds inclusive. */
export function shopKeyRange(shopId: string | null): [lower: unknown, upper: unknown] {
  return shopId === null ? [Dexie.minKey, Dexie.maxKey] : prefixRange([shopId]);
}
