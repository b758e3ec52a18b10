// Shared fixtures of the storage tests: fresh databases on fake-indexeddb, console rows and captures.
import type { Capture } from '../../../lib/capture/capture';
import { openSentinelDb, type SentinelDb } from '../../../lib/db/schema';
import { TABLE_NAMES } from '../../../lib/db/versions';
import { openKindTag, type FindingRecord, type StoredOrder } from '../../../lib/db/records';
import { openPickupDueAt, riskOf } from '../../../lib/ingest/reconcile-findings';
import type { FindingKind } from '../../../lib/findings/registry';
import type { Severity } from '../../../lib/findings/severity';

/** 2026-11-20 10:00 in Shanghai. */
export const NOW = Date.parse('2026-11-20T10:00:00+08:00');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const SHOP = '100200300';

let counter = 0;

/** A database of its own for each test (fake-indexeddb lives as long as the worker). */
export async function freshDb(): Promise<SentinelDb> {
  counter += 1;
  const db = openSentinelDb(`test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  return db;
}

const seconds = (ms: number): number => Math.floor(ms / 1000);

/** A recentOrderList pageItem: by default paid, not shipped, promised to ship in 30 hours. */
export function orderRow(orderSn: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    order_sn: orderSn,
    order_status: 1,
    order_status_str: '待发货',
    order_time: seconds(NOW - 10 * HOUR),
    promise_shipping_time: seconds(NOW + 30 * HOUR),
    shipping_time: 0,
    tracking_number: null,
    shipping_id: 85,
    goods_id: 5001,
    goods_name: '测试商品',
    province_name: '浙江省',
    city_name: '杭州市',
    order_amount: 1990,
    receiver_key: `rk-${orderSn}`,
    ...overrides,
  };
}

/** The same order, shipped `hoursAgo` hours before NOW with `trackingNumber`. */
export function shippedRow(orderSn: string, trackingNumber: string, hoursAgo: number, overrides: Record<string, unknown> = {}) {
  return orderRow(orderSn, {
    order_status_str: '已发货，待收货',
    shipping_time: seconds(NOW - hoursAgo * HOUR),
    tracking_number: trackingNumber,
    ...overrides,
  });
}

export function listCapture(rows: unknown[], capturedAt = NOW, shopId: string | null = SHOP): Capture {
  return {
    endpoint: 'recentOrderList',
    shopId,
    capturedAt,
    request: { pageNumber: 1, pageSize: 50 },
    response: { success: true, errorCode: 1000000, errorMsg: null, result: { totalItemNum: rows.length, pageItems: rows } },
  };
}

export function afterSalesCapture(rows: unknown[], capturedAt = NOW, shopId: string | null = SHOP): Capture {
  return {
    endpoint: 'afterSalesList',
    shopId,
    capturedAt,
    request: null,
    response: { success: true, errorCode: 1000000, result: { total: rows.length, list: rows } },
  };
}

/** Every table's rows, for "nothing changed" comparisons. */
export async function dumpDb(db: SentinelDb): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) dump[name] = await db.table(name).toArray();
  return dump;
}

export async function countRows(db: SentinelDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of TABLE_NAMES) counts[name] = await db.table(name).count();
  return counts;
}

/** Records which index each read used, through a Dexie middleware (installed by reopening), so a scan cannot hide. */
export async function spyOnQueries(db: SentinelDb): Promise<string[]> {
  const used: string[] = [];
  db.close();
  db.use({
    stack: 'dbcore',
    name: 'query-spy',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          query: (request) => {
            used.push(`${name}:${request.query.index.name ?? ':id'}`);
            return table.query(request);
          },
          openCursor: (request) => {
            used.push(`${name}:cursor:${request.query.index.name ?? ':id'}`);
            return table.openCursor(request);
          },
          count: (request) => {
            used.push(`${name}:count:${request.query.index.name ?? ':id'}`);
            return table.count(request);
          },
        };
      },
    }),
  });
  await db.open();
  return used;
}

export interface OpenFinding {
  kind: FindingKind;
  severity: Severity;
  dueAt?: number | null;
}

/** A stored order with these findings open, its index fields derived as the ingest derives them. */
export function storedOrder(shopId: string, orderSn: string, open: OpenFinding[], extra: { amount?: number; tracking?: string } = {}): StoredOrder {
  const findings = open.map(
    ({ kind, severity, dueAt = null }) => ({ kind, severity, dueAt, rule: 'R', basis: {}, openedAt: NOW - HOUR, closedAt: null, updatedAt: NOW }) as unknown as FindingRecord,
  );
  return {
    shopId,
    orderSn,
    facts: { orderAmountCents: extra.amount ?? null } as StoredOrder['facts'],
    factsAt: NOW,
    factsSource: 'recentOrderList',
    firstSeenAt: NOW,
    firstStatusText: '待发货',
    firstSource: 'recentOrderList',
    lastSeenAt: NOW,
    trackingNumber: extra.tracking ?? null,
    goodsId: null,
    closedAt: null,
    firstCheckAt: null,
    findings,
    openKindTags: findings.map((finding) => openKindTag(shopId, finding.kind)),
    ...riskOf(findings, extra.amount ?? null),
    pickupDueAt: openPickupDueAt(findings),
  };
}
