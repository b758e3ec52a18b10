import { describe, expect, it } from 'vitest';
import { BACKUP_TABLES, importJson, type BackupDocument } from '../../../lib/backup/backup-json';
import type { FindingRecord, StoredAfterSale, StoredNotification, StoredOrder, StoredTrackingEvent } from '../../../lib/db/records';
import { openSentinelDb } from '../../../lib/db/schema';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { monthEnd, simulateShopMonth } from '../../stand-in/shop-month';

const END = monthEnd(Date.parse('2026-11-20T10:04:00+08:00'));
const OPTIONS = { seed: 13, ordersPerDay: 40, days: 10, end: END, shopId: 'month-shop', cache: false } as const;
const CLOCKS = new Set(['ship_by', 'pickup_by', 'after_sale_reply_by']);

let month: Promise<BackupDocument> | null = null;
/** One month for the file (a month takes seconds). */
const doc = (): Promise<BackupDocument> => (month ??= simulateShopMonth(OPTIONS));

const rows = async <T,>(table: (typeof BACKUP_TABLES)[number]): Promise<T[]> => (await doc()).tables[table] as T[];

describe('simulateShopMonth', () => {
  it('rounds the end down to 10 minutes', () => {
    expect(new Date(END).toISOString()).toBe('2026-11-20T02:00:00.000Z');
  });

  it('is a backup the real import takes whole', { timeout: 60_000 }, async () => {
    const db = openSentinelDb(`shop-month-${Math.random()}`);
    const report = await importJson(db, await doc(), END, DEFAULT_POLICY);
    expect(report.error).toBeNull();
    expect(report.ok).toBe(true);
    for (const name of BACKUP_TABLES) expect(report.tables[name].skipped, name).toBe(0);
    expect(report.unknownFields.count).toBe(0);
    expect(report.tables.orders.added).toBe((await rows('orders')).length);
    db.close();
  });

  it('has the month of orders, opened and closed', { timeout: 60_000 }, async () => {
    const orders = await rows<StoredOrder>('orders');
    // 400 orders paid over 10 days; those paid after the last visit are not seen yet.
    expect(orders.length).toBeGreaterThan(380);
    expect(orders.length).toBeLessThanOrEqual(400);
    expect(new Set(orders.map((order) => order.shopId))).toEqual(new Set(['month-shop']));
    const states = count(orders.map((order) => order.facts.state));
    expect(states.received).toBeGreaterThan(100);
    expect(states.shipped).toBeGreaterThan(50);
    expect(states.unshipped).toBeGreaterThan(5);
    expect(states.cancelled).toBeGreaterThan(0);
    expect(orders.filter((order) => order.facts.refunded).length).toBeGreaterThan(5);
    expect(orders.filter((order) => order.closedAt !== null).length).toBeGreaterThan(150);
    // First seen at a console visit and seen again as they changed.
    expect(orders.filter((order) => order.lastSeenAt > order.firstSeenAt).length).toBeGreaterThan(200);
  });

  it('has findings open and closed, most clocks met and a few breached', { timeout: 60_000 }, async () => {
    const findings = (await rows<StoredOrder>('orders')).flatMap((order) => order.findings);
    expect(findings.some((finding) => finding.closedAt === null)).toBe(true);
    expect(findings.some((finding) => finding.closedAt !== null)).toBe(true);
    const clocks = findings.filter((finding): finding is FindingRecord & { dueAt: number } => CLOCKS.has(finding.kind) && finding.dueAt !== null);
    const decided = clocks.filter((clock) => clock.closedAt !== null || clock.dueAt < END);
    const breached = decided.filter((clock) => (clock.closedAt ?? END) > clock.dueAt);
    expect(decided.length).toBeGreaterThan(300);
    expect(breached.length).toBeGreaterThan(0);
    expect(breached.length / decided.length).toBeLessThan(0.15);
    // A breached clock was re-evaluated past its deadline, so its stored severity says so.
    expect(breached.some((clock) => clock.severity === 'breached')).toBe(true);
    for (const kind of ['ship_by', 'pickup_by']) expect(clocks.filter((clock) => clock.kind === kind).length, kind).toBeGreaterThan(20);
    expect(findings.some((finding) => finding.kind === 'stalled')).toBe(true);
    expect(findings.some((finding) => finding.kind === 'rejected' || finding.kind === 'returning')).toBe(true);
  });

  it('has tracking events of several couriers and after-sales cases', { timeout: 60_000 }, async () => {
    const orders = await rows<StoredOrder>('orders');
    const courierOf = new Map(orders.map((order) => [order.trackingNumber, order.facts.shippingId]));
    const events = await rows<StoredTrackingEvent>('trackingEvents');
    const couriers = count(events.map((event) => String(courierOf.get(event.trackingNumber))));
    expect(Object.keys(couriers).filter((id) => id !== 'undefined' && couriers[id]! >= 10).length).toBeGreaterThanOrEqual(4);
    expect(events.some((event) => event.status === 'delivered')).toBe(true);
    const cases = await rows<StoredAfterSale>('afterSales');
    expect(cases.length).toBeGreaterThan(5);
    expect(cases.some((row) => row.facts.closedAt !== null)).toBe(true);
    expect(findingsOf(orders, 'after_sale_reply_by').length).toBeGreaterThan(0);
  });

  it('logged the notifications the planner sent', { timeout: 60_000 }, async () => {
    const log = await rows<StoredNotification>('notifications');
    expect(log.length).toBeGreaterThan(10);
    expect(log.every((row) => row.shopId === 'month-shop' && row.title.length > 0)).toBe(true);
    expect(log.some((row) => row.key.startsWith('lead:'))).toBe(true);
  });

  it('stores no buyer name, phone or address', { timeout: 60_000 }, async () => {
    const text = JSON.stringify(await doc());
    expect(text).not.toMatch(/测试买家|测试昵称|测试路\d+号|\d{3}\*{4}\d{4}/);
  });

  it('is the same month for the same seed', { timeout: 120_000 }, async () => {
    const again = await simulateShopMonth(OPTIONS);
    expect(JSON.stringify(again)).toBe(JSON.stringify(await doc()));
    const other = await simulateShopMonth({ ...OPTIONS, seed: 14, days: 2 });
    expect(other.tables.orders).not.toEqual((await doc()).tables.orders.slice(0, other.tables.orders.length));
  });
});

function count(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function findingsOf(orders: readonly StoredOrder[], kind: string): FindingRecord[] {
  return orders.flatMap((order) => order.findings.filter((finding) => finding.kind === kind));
}
