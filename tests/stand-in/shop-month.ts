// A month of a synthetic shop as the extension would have stored it: the plan of shop/month-plan.ts run
// through the real pipeline (ingestCapture at every console visit, ingestTrackingReply for each courier
// reading, reassessOpenOrders every two hours, the real notification planner at each of those and at its own
// alarms) into a fake-indexeddb database, then exported with the real exportJson. Benches, e2e tests and the
// demo load it into the extension with tests/harness/seed-history.ts. See tests/stand-in/README.md § A month.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { BACKUP_TABLES, exportJson, type BackupDocument } from '../../lib/backup/backup-json';
import type { Capture } from '../../lib/capture/capture';
import { stripBuyerPii } from '../../lib/capture/strip-pii';
import { readNotifierLastRun, readSentLog, recordNotifierRun } from '../../lib/db/notification-log';
import { readPlanFindings, type PlanFindings } from '../../lib/db/plan-findings';
import type { StoredShop } from '../../lib/db/records';
import { openSentinelDb, type SentinelDb } from '../../lib/db/schema';
import { CURRENT_SCHEMA_VERSION } from '../../lib/db/versions';
import { DEFAULT_POLICY } from '../../lib/findings/policy';
import { ingestCapture } from '../../lib/ingest/ingest-capture';
import { ingestTrackingReply } from '../../lib/ingest/ingest-tracking';
import { reassessOpenOrders, reassessOrders } from '../../lib/ingest/reassess';
import { logRowsOf, PLANNED_KINDS, sentEntriesOf } from '../../lib/notifications/notifier-inputs';
import { planNotifications } from '../../lib/notifications/planner';
import type { PlanFinding } from '../../lib/notifications/types';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../lib/settings/notification-settings';
import { happenedBy } from '../../lib/tracking/demo/journey';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS, shanghaiMidnight } from '../../lib/time/shanghai';
import { firstAtOrAfter } from './shop/sorted';
import { normalizeKuaidi100 } from '../../lib/tracking/kuaidi100';
import { isTerminal } from '../../lib/tracking/status-rank';
import { BuyerPool } from './shop/buyers';
import { COURIERS, makeGoodsCatalog, type Courier } from './shop/catalog';
import { caseDraftAt, draftAt, phaseAt, planMonth, rowChangeTimes, type CasePhase, type MonthShop, type PlannedCase, type PlannedOrder } from './shop/month-plan';
import { createRandom, weightedPicker } from './shop/random';
import { amountsOf, toAfterSalesRow, toPageItem, type Amounts } from './shop/rows';
import { kuaidi100Body } from './shop/tracking-bodies';
import { uniqueOrderSn } from './synthetic-shop';

export interface ShopMonthOptions {
  seed: number;
  ordersPerDay: number;
  days: number;
  /** "Now", epoch ms: the month ends here (the last console visit is at this time). See monthEnd. */
  end: number;
  /** The console's mall id; drawn from the seed when absent. */
  shopId?: string;
  /** Read and write the on-disk cache (default true). */
  cache?: boolean;
}

const SECOND = SECOND_MS;
const MINUTE = MINUTE_MS;
const HOUR = HOUR_MS;
/** The poller's interval for a parcel in transit (lib/polling/schedule.ts); a reading is ingested only when the courier has news. */
const READING_EVERY = 6 * HOUR;
const DAY = DAY_MS;
const ALARM_MIN = 30 * SECOND;
/** Log rows naming no open order are read back this far (as entrypoints/background/notifier.ts does). */
const SENT_WINDOW = 3 * 24 * HOUR;
const CACHE_STEP = 10 * MINUTE;
const CACHE_DIR = resolve(import.meta.dirname, '../../node_modules/.cache/order-sentinel');
const SOURCES = ['shop-month.ts', 'shop/month-plan.ts', 'shop/sorted.ts'].map((file) => join(import.meta.dirname, file));

/**
 * `now` rounded down to 10 minutes: pass it as `end` so that runs within the same 10 minutes share the cached
 * month (the extension reassesses at its own clock, minutes later, as it would after a short break).
 */
export function monthEnd(now: number): number {
  return Math.floor(now / CACHE_STEP) * CACHE_STEP;
}

export async function simulateShopMonth(options: ShopMonthOptions): Promise<BackupDocument> {
  const { ordersPerDay, days, end } = options;
  if (!Number.isInteger(ordersPerDay) || ordersPerDay < 1) throw new RangeError(`ordersPerDay must be a whole number from 1, got ${ordersPerDay}`);
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a whole number from 1, got ${days}`);
  if (!Number.isFinite(end)) throw new RangeError(`end must be epoch milliseconds, got ${end}`);
  if (options.cache === false) return runMonth(options);
  const file = join(CACHE_DIR, `shop-month-${cacheKey(options)}.json`);
  const cached = await readFile(file, 'utf8').catch(() => null);
  if (cached !== null) return JSON.parse(cached) as BackupDocument;
  const doc = await runMonth(options);
  await mkdir(CACHE_DIR, { recursive: true });
  // Written aside and renamed: another process reading the cache never sees half a file.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, JSON.stringify(doc));
  await rename(partial, file);
  return doc;
}

/** The options, the schema and this simulation's own source: a change to any of them is another month. */
function cacheKey(options: ShopMonthOptions): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([options.seed, options.ordersPerDay, options.days, options.end, options.shopId ?? null, CURRENT_SCHEMA_VERSION]));
  for (const source of SOURCES) hash.update(readFileSync(source));
  return hash.digest('hex').slice(0, 16);
}

interface Step {
  at: number;
  /** Order among steps at the same time: captures, then readings, then the clocks, then the daily pass. */
  rank: number;
  run: () => Promise<void>;
}

/**
 * Orders are kept in several databases, each holding the orders of some goods (fake-indexeddb slows down as
 * a store grows, and a month of 10,000 orders in one would take many minutes). Nothing the pipeline does
 * joins orders of different goods, except the notifier, which reads every shard's findings and keeps one log.
 */
interface Shard {
  db: SentinelDb;
  /** The shard's open findings as the notifier last read them; null once anything was written since. */
  planFindings: PlanFindings | null;
}

/** Orders a shard holds, about (the shards split the goods). */
const SHARD_ORDERS = 250;

async function runMonth(options: ShopMonthOptions): Promise<BackupDocument> {
  const { seed, ordersPerDay, days, end } = options;
  const random = createRandom(seed);
  // Drawn whether or not it is given, so a given id changes nothing else.
  const drawnId = String(random.int(100_000_000, 999_999_999));
  const shopId = options.shopId ?? drawnId;
  const total = ordersPerDay * days;
  const catalog = makeGoodsCatalog(random, Math.max(16, Math.ceil(total / 200)));
  const buyers = new BuyerPool(random, Math.max(8, Math.ceil(total * 0.85)));
  const pickCourier = weightedPicker(COURIERS, (courier) => courier.weight);
  const trackingNumbers = new Set<string>();
  const orderSerials = new Set<number>();
  const shop: MonthShop = {
    random,
    anyBuyer: () => buyers.any(),
    anyGoods: () => random.pick(catalog),
    anyCourier: () => pickCourier(random),
    newTrackingNumber: (courier: Courier) => {
      for (;;) {
        const number = courier.newTrackingNumber(random);
        if (!trackingNumbers.has(number)) return trackingNumbers.add(number) && number;
      }
    },
    newOrderSn: (orderTime) => uniqueOrderSn(random, orderTime, orderSerials),
  };
  const endS = Math.floor(end / SECOND);
  const plan = planMonth(shop, ordersPerDay, days, endS);
  const amounts = new Map<PlannedOrder, Amounts>();
  for (const order of plan.orders) amounts.set(order, amountsOf(draftAt(order, order.orderTime), random.next()));
  const captureMs = plan.captures.map((at, i) => (i === plan.captures.length - 1 ? end : at * SECOND));

  const factory = { indexedDB: new IDBFactory(), IDBKeyRange };
  const shardCount = Math.min(catalog.length, Math.max(1, Math.round(plan.orders.length / SHARD_ORDERS)));
  const shards: Shard[] = [];
  for (let i = 0; i < shardCount; i += 1) shards.push({ db: openSentinelDb(`shop-month-${i}`, factory), planFindings: null });
  const goodsShard = new Map(catalog.map((goods, i) => [goods, shards[i % shardCount] as Shard]));
  const shardOf = (order: PlannedOrder): Shard => goodsShard.get(order.goods) as Shard;
  const logDb = openSentinelDb('shop-month-log', factory);
  await Promise.all([logDb, ...shards.map((shard) => shard.db)].map((db) => db.open()));
  const notifier = new Notifier(logDb, shards);
  const steps: Step[] = [];

  // Each capture lists the orders (and cases) whose console row changed since the one before.
  const orderRows = plan.captures.map(() => new Set<PlannedOrder>());
  const caseRows = plan.captures.map(() => new Set<PlannedOrder>());
  for (const order of plan.orders) {
    for (const at of rowChangeTimes(order)) orderRows[firstAtOrAfter(plan.captures, at)]?.add(order);
    for (const phase of order.afterSale?.phases ?? []) caseRows[firstAtOrAfter(plan.captures, phase.from)]?.add(order);
  }
  plan.captures.forEach((atS, index) => {
    const at = captureMs[index] as number;
    steps.push({
      at,
      rank: 0,
      run: async () => {
        for (const shard of shards) {
          const orders = [...(orderRows[index] as Set<PlannedOrder>)].filter((order) => shardOf(order) === shard);
          const cases = [...(caseRows[index] as Set<PlannedOrder>)].filter((order) => shardOf(order) === shard);
          if (orders.length > 0) {
            const pageItems = orders.map((order) => {
              const draft = draftAt(order, atS);
              return toPageItem(draft, order.orderSn, draft.afterSale === null ? null : (order.afterSale?.id ?? null), amounts.get(order) as Amounts);
            });
            const response = { success: true, errorCode: 1000000, result: { totalItemNum: pageItems.length, pageItems } };
            await ingest(shard, { endpoint: 'recentOrderList', shopId, capturedAt: at, request: null, response: stripBuyerPii(response) });
          }
          if (cases.length > 0) {
            const list = cases.map((order) => {
              const planned = order.afterSale as PlannedCase;
              return toAfterSalesRow(draftAt(order, atS), caseDraftAt(planned, phaseAt(planned, atS) as CasePhase, atS), planned.id, order.orderSn, amounts.get(order) as Amounts);
            });
            const response = { success: true, errorCode: 1000000, result: { total: list.length, list } };
            await ingest(shard, { endpoint: 'afterSalesList', shopId, capturedAt: at + SECOND, request: null, response: stripBuyerPii(response) });
          }
        }
        // The background asks for a notifier run after a capture.
        await notifier.run(at + 2 * SECOND);
      },
    });
  });

  // The courier readings of each parcel: the first soon after the console shows it shipped, then one at each
  // check (every READING_EVERY) that brings new events, until the order closes. A check that brings nothing new is
  // left out: it costs a transaction and changes no finding. Leaving out checks that bring only hub scans would be
  // cheaper, but the stored last scan would then lag the courier's, and the re-evaluation would find stalls the
  // courier never made.
  for (const order of plan.orders) {
    const { parcel, shipAt } = order;
    if (parcel === null || shipAt === null || parcel.events === null) continue;
    const seenAt = captureMs[firstAtOrAfter(plan.captures, shipAt)];
    if (seenAt === undefined) continue;
    const closesAt = Math.min(order.refundAt ?? Infinity, order.receiveAt ?? Infinity) * SECOND;
    const shard = shardOf(order);
    let read = -1;
    for (let at = seenAt + 2 * MINUTE; at <= end && at < closesAt && read < parcel.events.length; at += READING_EVERY) {
      const known = happenedBy(parcel.events, parcel.uploadedAt, Math.floor(at / SECOND));
      if (known === read) continue;
      read = known;
      steps.push({
        at,
        rank: 1,
        run: async () => {
          shard.planFindings = null;
          const result = normalizeKuaidi100(kuaidi100Body(parcel, Math.floor(at / SECOND)), parcel.trackingNumber, at);
          const report = await ingestTrackingReply(shard.db, shopId, parcel.trackingNumber, result, at, DEFAULT_POLICY, (waybill) =>
            isTerminal(waybill.status) ? null : at + READING_EVERY,
          );
          if (report.error !== null) throw new Error(`reading ${parcel.trackingNumber}: ${report.error}`);
        },
      });
    }
  }

  // The background re-evaluates every open order every 5 minutes, so stored severities follow the clock. Here
  // an order is re-evaluated in the hour one of its clocks crosses a band (warn, critical, due) or its parcel
  // has sat long enough to count as stalled, which records the same severity changes; a full pass at 04:00
  // every day catches any other.
  const dueTicks = new Map<number, Map<Shard, Set<string>>>();
  const tickAt = (order: PlannedOrder, atS: number, openUntilS: number): void => {
    if (atS >= openUntilS) return;
    const at = Math.ceil((atS * SECOND + 1) / HOUR) * HOUR;
    if (at > end) return;
    const byShard = dueTicks.get(at) ?? new Map<Shard, Set<string>>();
    dueTicks.set(at, byShard);
    const shard = shardOf(order);
    byShard.set(shard, (byShard.get(shard) ?? new Set()).add(order.orderSn));
  };
  const policy = DEFAULT_POLICY;
  const bands = (dueS: number, warnHours: number, criticalHours: number): number[] => [dueS - warnHours * 3600, dueS - criticalHours * 3600, dueS];
  for (const order of plan.orders) {
    const shipClosesAt = Math.min(order.shipAt ?? Infinity, order.cancelAt ?? Infinity, order.refundAt ?? Infinity);
    for (const at of bands(order.promiseShippingTime, policy.shipByWarnHours, policy.shipByCriticalHours)) tickAt(order, at, shipClosesAt);
    const phases = order.afterSale?.phases ?? [];
    phases.forEach((phase, i) => {
      if (phase.dueAt === null) return;
      for (const at of bands(phase.dueAt, policy.afterSaleWarnHours, policy.afterSaleCriticalHours)) tickAt(order, at, phases[i + 1]?.from ?? Infinity);
    });
    const { parcel, shipAt } = order;
    if (parcel === null || shipAt === null || parcel.events === null) continue;
    const pickup = parcel.events.find((event) => event.kind === 'picked_up');
    const pickupReadBy = pickup === undefined ? Infinity : parcel.uploadedAt + pickup.offset + READING_EVERY / SECOND;
    for (const at of bands(shipAt + policy.pickupHours * 3600, policy.pickupWarnHours, policy.pickupCriticalHours)) tickAt(order, at, pickupReadBy);
    let previous = shipAt;
    for (const event of parcel.events) {
      const eventAt = parcel.uploadedAt + event.offset;
      for (const hours of [policy.stallLastMileHours, policy.stallBeforeTransitHours, policy.stallInTransitHours]) tickAt(order, previous + hours * 3600, eventAt);
      previous = Math.max(previous, eventAt);
    }
  }
  for (const [at, byShard] of dueTicks) {
    steps.push({
      at,
      rank: 2,
      run: async () => {
        for (const [shard, orderSns] of byShard) {
          shard.planFindings = null;
          const result = await reassessOrders(shard.db, shopId, [...orderSns], at, DEFAULT_POLICY);
          if (result.error !== undefined) throw new Error(`reassess: ${result.error}`);
        }
      },
    });
  }
  for (let at = dailyAt(end - days * DAY, 4); at <= end; at += DAY) {
    steps.push({
      at,
      rank: 3,
      run: async () => {
        for (const shard of shards) {
          shard.planFindings = null;
          const result = await reassessOpenOrders(shard.db, shopId, at, DEFAULT_POLICY);
          if (result.error !== undefined) throw new Error(`reassess: ${result.error}`);
        }
        await notifier.run(at + SECOND);
      },
    });
  }

  steps.sort((a, b) => a.at - b.at || a.rank - b.rank);
  for (const step of steps) {
    await notifier.alarmsBefore(step.at);
    await step.run();
  }
  await notifier.alarmsBefore(end);
  const docs = await Promise.all([logDb, ...shards.map((shard) => shard.db)].map((db) => exportJson(db, end, shopId)));
  for (const db of [logDb, ...shards.map((shard) => shard.db)]) db.close();
  return mergeDocuments(docs);
}

/** The shards' exports as one: every table's rows together, the shop's row once (first seen, last captured). */
function mergeDocuments(docs: readonly BackupDocument[]): BackupDocument {
  const [first] = docs;
  if (first === undefined) throw new Error('no shard to export');
  const tables = Object.fromEntries(BACKUP_TABLES.map((name) => [name, docs.flatMap((doc) => doc.tables[name])])) as BackupDocument['tables'];
  const shops = tables.shops as StoredShop[];
  const merged = new Map<string, StoredShop>();
  for (const row of shops) {
    const seen = merged.get(row.shopId);
    merged.set(row.shopId, seen === undefined ? row : { shopId: row.shopId, firstSeenAt: Math.min(seen.firstSeenAt, row.firstSeenAt), lastCaptureAt: Math.max(seen.lastCaptureAt, row.lastCaptureAt) });
  }
  return { ...first, tables: { ...tables, shops: [...merged.values()] } };
}

async function ingest(shard: Shard, capture: Capture): Promise<void> {
  shard.planFindings = null;
  const report = await ingestCapture(shard.db, capture, capture.capturedAt, DEFAULT_POLICY);
  if (report.error !== null) throw new Error(`${capture.endpoint} capture: ${report.error}`);
  if (report.rowsSkipped.length > 0) throw new Error(`${capture.endpoint} capture skipped rows: ${report.rowsSkipped[0]?.reason}`);
}

/** The first `hour`:00 Beijing time at or after `from`. */
function dailyAt(from: number, hour: number): number {
  const first = shanghaiMidnight(from) + hour * HOUR;
  return first >= from ? first : first + DAY;
}


/**
 * entrypoints/background/notifier.ts without the browser: plan from the stored findings (every shard's) and
 * the log, record what is shown, arm the alarm. A shard nothing was written to since the last run is not read again.
 */
class Notifier {
  private alarm: number | null = null;

  constructor(
    private readonly logDb: SentinelDb,
    private readonly shards: readonly Shard[],
  ) {}

  async run(now: number): Promise<void> {
    const findings: PlanFinding[] = [];
    const orders: PlanFindings['orders'] = [];
    const shopNames: Record<string, string> = {};
    for (const shard of this.shards) {
      shard.planFindings ??= await readPlanFindings(shard.db, PLANNED_KINDS);
      findings.push(...shard.planFindings.findings);
      orders.push(...shard.planFindings.orders);
      Object.assign(shopNames, shard.planFindings.shopNames);
    }
    const sent = sentEntriesOf(await readSentLog(this.logDb, orders, now - SENT_WINDOW));
    const plan = planNotifications({
      now,
      findings,
      settings: DEFAULT_NOTIFICATION_SETTINGS,
      sent,
      mutes: { orders: {}, kinds: {}, handled: {} },
      lastRunAt: await readNotifierLastRun(this.logDb),
      timeZone: 'Asia/Shanghai',
      shopNames,
      lang: 'zh',
    });
    await recordNotifierRun(this.logDb, plan.show.flatMap((planned) => logRowsOf(planned, now)), now);
    this.alarm = plan.nextDueAt === null ? null : Math.max(plan.nextDueAt, now + ALARM_MIN);
  }

  /** Runs every alarm due before `at`. */
  async alarmsBefore(at: number): Promise<void> {
    while (this.alarm !== null && this.alarm < at) await this.run(this.alarm);
  }
}
