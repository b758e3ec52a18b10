// Every schema version the extension has ever shipped, oldest first. A version is never edited after it
// ships: a change is a new entry with its own `upgrade`, a frozen dump of the previous version in
// tests/fixtures/db/v<N-1>.json and the dump of the new one in v<N>.json (tests/unit/db/migrations.test.ts
// enforces all three).
import type { Transaction } from 'dexie';
import { findingsInMilliseconds } from './upgrades/v2-findings-in-ms';
import { pollLimitsOnWaybills } from './upgrades/v3-poll-limits';
import { noDueByAmount } from './upgrades/v4-no-due-by-amount';
import { pickupDueOnOrders } from './upgrades/v5-pickup-due';

export interface SchemaVersion {
  version: number;
  /** Dexie `stores()` spec: the primary key first, then the indexes. */
  stores: Record<string, string | null>;
  /** Rewrites the data of the previous version; required for every version after the first. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // Every index is written with every order row, so each one here has a reader:
      // [shopId+riskRank+nextDueAt] serves the popup's at-risk list for one shop, [riskRank+nextDueAt] for all
      // shops; [shopId+trackingNumber] finds the orders sharing a waybill; *openKindTags finds a shop's
      // orders with an open finding of one kind; firstCheckAt queues parcels never asked about; closedAt
      // drives retention (null values are not indexed, so open orders are not in that index at all).
      orders:
        '[shopId+orderSn], [shopId+trackingNumber], [shopId+riskRank+nextDueAt], [riskRank+nextDueAt], *openKindTags, firstCheckAt, closedAt',
      // The primary key orders an order's history by time and makes a re-recorded change a no-op.
      changes: '[shopId+orderSn+at+field]',
      afterSales: '[shopId+id], [shopId+orderSn]',
      waybills: '[shopId+trackingNumber], nextCheckAt',
      trackingEvents: '[shopId+trackingNumber+at+textKey]',
      products: '[shopId+goodsId], [shopId+hasOpen]',
      notifications: '[shopId+key+sentAt], [shopId+orderSn], sentAt',
      shops: 'shopId',
      meta: 'key',
    },
  },
  {
    // Finding times in epoch ms (version 1 wrote them as ISO text in the basis); a duplicate number's
    // finding names at most five other orders and no longer counts them; a waybill keeps the courier its
    // provider reported (`reportedCourier`). No index changes.
    version: 2,
    stores: {
      orders:
        '[shopId+orderSn], [shopId+trackingNumber], [shopId+riskRank+nextDueAt], [riskRank+nextDueAt], *openKindTags, firstCheckAt, closedAt',
      changes: '[shopId+orderSn+at+field]',
      afterSales: '[shopId+id], [shopId+orderSn]',
      waybills: '[shopId+trackingNumber], nextCheckAt',
      trackingEvents: '[shopId+trackingNumber+at+textKey]',
      products: '[shopId+goodsId], [shopId+hasOpen]',
      notifications: '[shopId+key+sentAt], [shopId+orderSn], sentAt',
      shops: 'shopId',
      meta: 'key',
    },
    upgrade: findingsInMilliseconds,
  },
  {
    // The poller's hard limits persist with each waybill: the send times of its recent queries
    // (`queryTimes`), what it waits for before it may be asked again (`needsInput`) and the provider
    // last asked (`lastProvider`). Provider state lives in `meta` (lib/polling/poller-state.ts).
    version: 3,
    stores: {
      orders:
        '[shopId+orderSn], [shopId+trackingNumber], [shopId+riskRank+nextDueAt], [riskRank+nextDueAt], *openKindTags, firstCheckAt, closedAt',
      changes: '[shopId+orderSn+at+field]',
      afterSales: '[shopId+id], [shopId+orderSn]',
      // needsInput: the waybills waiting for a phone tail or a courier code (null, the usual value, is not
      // indexed), re-queued when the merchant changes the tracking settings.
      waybills: '[shopId+trackingNumber], nextCheckAt, needsInput',
      trackingEvents: '[shopId+trackingNumber+at+textKey]',
      products: '[shopId+goodsId], [shopId+hasOpen]',
      notifications: '[shopId+key+sentAt], [shopId+orderSn], sentAt',
      shops: 'shopId',
      meta: 'key',
    },
    upgrade: pollLimitsOnWaybills,
  },
  {
    // An order without a due time (an anomaly) is placed in the at-risk index by its amount, larger first
    // (nextDueAt = NO_DUE less the amount in cents), so the popup's most urgent page is one index range.
    // No index changes.
    version: 4,
    stores: {
      orders:
        '[shopId+orderSn], [shopId+trackingNumber], [shopId+riskRank+nextDueAt], [riskRank+nextDueAt], *openKindTags, firstCheckAt, closedAt',
      changes: '[shopId+orderSn+at+field]',
      afterSales: '[shopId+id], [shopId+orderSn]',
      waybills: '[shopId+trackingNumber], nextCheckAt, needsInput',
      trackingEvents: '[shopId+trackingNumber+at+textKey]',
      products: '[shopId+goodsId], [shopId+hasOpen]',
      notifications: '[shopId+key+sentAt], [shopId+orderSn], sentAt',
      shops: 'shopId',
      meta: 'key',
    },
    upgrade: noDueByAmount,
  },
  {
    // pickupDueAt: the orders whose pickup deadline is open, nearest first, so the poller reads the parcels whose
    // deadline is still ahead however many others (past-due ones among them) have been due longer; the
    // upgrade fills it. [status+nextCheckAt]: the due waybills whose pickup is not yet seen (status unknown or
    // pending), oldest due first (lib/ingest/due-checks.ts).
    version: 5,
    stores: {
      orders:
        '[shopId+orderSn], [shopId+trackingNumber], [shopId+riskRank+nextDueAt], [riskRank+nextDueAt], *openKindTags, firstCheckAt, closedAt, pickupDueAt',
      changes: '[shopId+orderSn+at+field]',
      afterSales: '[shopId+id], [shopId+orderSn]',
      waybills: '[shopId+trackingNumber], nextCheckAt, needsInput, [status+nextCheckAt]',
      trackingEvents: '[shopId+trackingNumber+at+textKey]',
      products: '[shopId+goodsId], [shopId+hasOpen]',
      notifications: '[shopId+key+sentAt], [shopId+orderSn], sentAt',
      shops: 'shopId',
      meta: 'key',
    },
    upgrade: pickupDueOnOrders,
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export const TABLE_NAMES = [
  'orders',
  'changes',
  'afterSales',
  'waybills',
  'trackingEvents',
  'products',
  'notifications',
  'shops',
  'meta',
] as const;

export type TableName = (typeof TABLE_NAMES)[number];
