// The poll cycle against a fake-indexeddb database and a fake client: the limits hold across "restarts"
// (a new cycle on the same database), the attempt is stored before the request goes out, the daily budget,
// and each error class's handling.
import { describe, expect, test } from 'vitest';
import { emptyWaybill, type StoredWaybill } from '../../../lib/db/records';
import type { SentinelDb } from '../../../lib/db/schema';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { ingestCapture } from '../../../lib/ingest/ingest-capture';
import { requeueWaitingWaybills, runPollCycle, type PollCycleDeps, type TrackingSettingsForPoll } from '../../../lib/polling/cycle';
import { readProviderState, resumeProvider } from '../../../lib/polling/poller-state';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';
import type { QueryOutcome, TrackingClient, TrackingQuery } from '../../../lib/tracking/provider';
import { DAY, HOUR, NOW, SHOP, afterSalesCapture, freshDb, listCapture, shippedRow } from '../db/helpers';

const MINUTE = 60_000;
const SETTINGS: TrackingSettingsForPoll = { service: 'kuaidi100', senderPhoneTail: null, dailyBudget: 500 };
const neverSent = () => Promise.reject(new Error('the transport is the client’s business'));

const wall = (ms: number) => new Date(ms + 8 * HOUR).toISOString().replace('T', ' ').slice(0, 19);

/** A Kuaidi100 reading of `number`: picked up two hours after upload, as the fake courier always does. */
function pickedUp(number: string, at: number, now: number): QueryOutcome {
  const body = { message: 'ok', nu: number, ischeck: '0', status: '200', state: '1', data: [{ time: wall(at), ftime: wall(at), context: '【杭州市】已揽收', statusCode: '103' }] };
  const result = normalizeKuaidi100(body, number, now);
  if (!result.ok) throw new Error(result.error);
  return { ok: true, result };
}

const failure = (errorClass: Extract<QueryOutcome, { ok: false }>['errorClass'], extra: Partial<Extract<QueryOutcome, { ok: false }>> = {}): QueryOutcome => ({
  ok: false,
  errorClass,
  code: null,
  detail: `fake ${errorClass}`,
  message: { zh: `假的 ${errorClass}`, en: `fake ${errorClass}` },
  ...extra,
});

/** A client that answers by `answer` and logs every query it is asked. */
function fakeClient(answer: (query: TrackingQuery, now: number) => QueryOutcome | Promise<QueryOutcome> = (query, now) => pickedUp(query.trackingNumber, now - HOUR, now)) {
  const asked: Array<{ query: TrackingQuery; now: number }> = [];
  const client: TrackingClient = {
    provider: 'kuaidi100',
    query: async (query, { now }) => {
      asked.push({ query, now });
      return answer(query, now);
    },
  };
  return { client, asked, numbers: () => asked.map(({ query }) => query.trackingNumber) };
}

function deps(client: TrackingClient, at: number, overrides: Partial<PollCycleDeps> = {}): PollCycleDeps {
  return { now: () => at, random: () => 0.5, client, transport: neverSent, settings: SETTINGS, policy: DEFAULT_POLICY, maxThisCycle: 20, ...overrides };
}

/** Orders shipped `hoursAgo` before NOW, one parcel each, queued for their first check. */
async function shopWith(parcels: Array<[orderSn: string, trackingNumber: string, hoursAgo: number, extra?: Record<string, unknown>]>): Promise<SentinelDb> {
  const db = await freshDb();
  const rows = parcels.map(([orderSn, number, hoursAgo, extra]) => shippedRow(orderSn, number, hoursAgo, extra));
  await ingestCapture(db, listCapture(rows, NOW - MINUTE), NOW - MINUTE, DEFAULT_POLICY);
  return db;
}

const waybillOf = async (db: SentinelDb, number: string): Promise<StoredWaybill> => (await db.waybills.get([SHOP, number]))!;

describe('runPollCycle', () => {
  test('asks about a parcel new on its way, stores the reading, and the waybill takes over its schedule', async () => {
    const db = await shopWith([['261120-000000000000001', 'YT1', 3]]);
    const fake = fakeClient();
    const report = await runPollCycle(db, deps(fake.client, NOW));
    expect(report).toMatchObject({ ended: 'done', queried: 1, readings: 1 });
    expect(fake.asked[0]?.query).toMatchObject({ trackingNumber: 'YT1', shippingId: 85, provinceName: '浙江省', shippedAt: NOW - 3 * HOUR });
    const waybill = await waybillOf(db, 'YT1');
    expect(waybill).toMatchObject({ status: 'picked_up', queryTimes: [NOW], lastProvider: 'kuaidi100', attempts: 1, needsInput: null });
    expect(waybill.nextCheckAt).toBeGreaterThanOrEqual(NOW + 30 * MINUTE);
    expect((await db.orders.get([SHOP, '261120-000000000000001']))?.firstCheckAt).toBeNull();
    expect((await readProviderState(db, 'kuaidi100', NOW)).sentToday).toBe(1);
    // The pickup finding closed: the order is reported for a push to the console tabs.
    expect(report.changedOrders.get(SHOP)).toEqual(new Set(['261120-000000000000001']));
  });

  test('a reading with an event it cannot read names it in the report and leaves the pickup unverified, not breached', async () => {
    const db = await shopWith([['261120-000000000000001', 'YT1', 30]]);
    const body = {
      nu: 'YT1',
      state: '0',
      data: [
        { time: '19/11/2026 07:10', context: '【杭州市】已揽收' },
        { time: wall(NOW - 29 * HOUR), context: '商家已下单，等待快递员揽收', statusCode: '101' },
      ],
    };
    const fake = fakeClient((query, now) => {
      const result = normalizeKuaidi100(body, query.trackingNumber, now);
      if (!result.ok) throw new Error(result.error);
      return { ok: true, result };
    });
    const report = await runPollCycle(db, deps(fake.client, NOW));
    expect(report).toMatchObject({ readings: 1, readingProblems: ['YT1: data[0].time: "19/11/2026 07:10" is not a time; event skipped'] });
    expect((await waybillOf(db, 'YT1')).facts).toMatchObject({ status: 'pending', unreadEvents: 1 });
    const pickup = (await db.orders.get([SHOP, '261120-000000000000001']))?.findings.find((finding) => finding.kind === 'pickup_by');
    expect(pickup).toMatchObject({ severity: 'warn', basis: { verified: false, unreadEvents: 1 } });
  });

  test('never twice within 30 minutes, even when a new cycle (a restarted worker) finds the waybill due', async () => {
    const db = await shopWith([['261120-000000000000001', 'YT1', 3]]);
    await runPollCycle(db, deps(fakeClient().client, NOW));
    // Whatever the schedule said, the queue says "due now": only the limits hold it back.
    await db.waybills.update([SHOP, 'YT1'], { nextCheckAt: NOW });
    const restarted = fakeClient();
    const held = await runPollCycle(db, deps(restarted.client, NOW + 29 * MINUTE));
    expect(restarted.asked).toHaveLength(0);
    expect(held.held).toEqual({ min_gap: 1 });
    // It waits exactly until the gap has passed, then is asked.
    expect((await waybillOf(db, 'YT1')).nextCheckAt).toBe(NOW + 30 * MINUTE);
    await runPollCycle(db, deps(restarted.client, NOW + 30 * MINUTE));
    expect(restarted.numbers()).toEqual(['YT1']);
    expect((await waybillOf(db, 'YT1')).queryTimes).toEqual([NOW, NOW + 30 * MINUTE]);
  });

  test('the attempt is stored before the request: a worker killed while waiting repeats nothing', async () => {
    const db = await shopWith([['261120-000000000000001', 'YT1', 3]]);
    // The first worker sends and never hears back (it is killed while the request is in flight).
    const hanging = fakeClient(() => new Promise<QueryOutcome>(() => {}));
    void runPollCycle(db, deps(hanging.client, NOW));
    await expect.poll(() => hanging.asked.length).toBe(1);
    const waybill = await waybillOf(db, 'YT1');
    expect(waybill.queryTimes).toEqual([NOW]);
    expect(waybill.nextCheckAt).toBe(NOW + 30 * MINUTE);
    expect((await readProviderState(db, 'kuaidi100', NOW)).sentToday).toBe(1);
    // The restarted worker's cycle finds nothing it may ask yet, and loses nothing: the parcel is due at the gap.
    const restarted = fakeClient();
    expect((await runPollCycle(db, deps(restarted.client, NOW + 5 * MINUTE))).queried).toBe(0);
    await runPollCycle(db, deps(restarted.client, NOW + 30 * MINUTE));
    expect(restarted.numbers()).toEqual(['YT1']);
  });

  test('a client that throws mid-way counts as a transient failure after its attempt was recorded', async () => {
    const db = await shopWith([
      ['261120-000000000000001', 'YT1', 3],
      ['261120-000000000000002', 'YT2', 3],
    ]);
    const fake = fakeClient((query, now) => {
      if (query.trackingNumber === 'YT1') throw new Error('socket closed');
      return pickedUp(query.trackingNumber, now - HOUR, now);
    });
    const report = await runPollCycle(db, deps(fake.client, NOW));
    expect(report).toMatchObject({ queried: 2, readings: 1, errors: { transient: 1 } });
    const failed = await waybillOf(db, 'YT1');
    expect(failed).toMatchObject({ queryTimes: [NOW], consecutiveFailures: 1, lastError: { at: NOW, retry: 'backoff' } });
    // Backoff with jitter above the 30-minute floor, within the first try's cap.
    expect(failed.nextCheckAt).toBeGreaterThanOrEqual(NOW + 30 * MINUTE);
    expect(failed.nextCheckAt).toBeLessThanOrEqual(NOW + 30 * MINUTE + 4 * MINUTE);
  });

  test('the daily budget caps the queries of one Beijing day, across cycles', async () => {
    const db = await shopWith([
      ['261120-000000000000001', 'YT1', 3],
      ['261120-000000000000002', 'YT2', 3],
      ['261120-000000000000003', 'YT3', 3],
    ]);
    const fake = fakeClient();
    const settings = { ...SETTINGS, dailyBudget: 2 };
    expect((await runPollCycle(db, deps(fake.client, NOW, { settings }))).queried).toBe(2);
    expect(await runPollCycle(db, deps(fake.client, NOW + HOUR, { settings }))).toMatchObject({ ended: 'budget_spent', queried: 0 });
    expect(fake.asked).toHaveLength(2);
    // NOW is 10:00 in Beijing: at 00:00 the next day the count starts again.
    const midnight = Date.parse('2026-11-21T00:00:00+08:00');
    expect((await runPollCycle(db, deps(fake.client, midnight, { settings }))).queried).toBe(2);
    // The parcel never asked about (its pickup clock still open) first, then one of the others, due again by now.
    expect(fake.numbers()).toEqual(['YT1', 'YT2', 'YT3', expect.stringMatching(/^YT[12]$/)]);
  });

  test('an account error stops the provider and the cycle until the merchant changes its settings', async () => {
    const db = await shopWith([
      ['261120-000000000000001', 'YT1', 3],
      ['261120-000000000000002', 'YT2', 3],
    ]);
    const refused = fakeClient(() => failure('auth', { message: { zh: '签名错误：请核对授权key与customer', en: 'Signature rejected' } }));
    const report = await runPollCycle(db, deps(refused.client, NOW));
    expect(report).toMatchObject({ ended: 'stopped', queried: 1, errors: { auth: 1 } });
    expect((await readProviderState(db, 'kuaidi100', NOW)).stoppedFor).toEqual({ errorClass: 'auth', message: { zh: '签名错误：请核对授权key与customer', en: 'Signature rejected' }, at: NOW });
    const later = fakeClient();
    expect(await runPollCycle(db, deps(later.client, NOW + 2 * HOUR))).toMatchObject({ ended: 'stopped', queried: 0 });
    expect(later.asked).toHaveLength(0);
    // The waybill kept its turn: once resumed, both parcels are asked.
    await resumeProvider(db, 'kuaidi100', NOW + 2 * HOUR);
    await runPollCycle(db, deps(later.client, NOW + 2 * HOUR));
    expect(new Set(later.numbers())).toEqual(new Set(['YT1', 'YT2']));
  });

  test('a rate limit pauses the provider until the time it names (or an hour)', async () => {
    const db = await shopWith([
      ['261120-000000000000001', 'YT1', 3],
      ['261120-000000000000002', 'YT2', 3],
    ]);
    const limited = fakeClient(() => failure('rate', { retryAt: NOW + 2 * HOUR }));
    expect(await runPollCycle(db, deps(limited.client, NOW))).toMatchObject({ ended: 'paused', queried: 1 });
    expect((await readProviderState(db, 'kuaidi100', NOW)).pausedUntil).toBe(NOW + 2 * HOUR);
    const fake = fakeClient();
    expect(await runPollCycle(db, deps(fake.client, NOW + HOUR))).toMatchObject({ ended: 'paused', queried: 0 });
    await runPollCycle(db, deps(fake.client, NOW + 2 * HOUR));
    expect(new Set(fake.numbers())).toEqual(new Set(['YT1', 'YT2']));

    const db2 = await shopWith([['261120-000000000000001', 'YT1', 3]]);
    await runPollCycle(db2, deps(fakeClient(() => failure('rate')).client, NOW));
    expect((await readProviderState(db2, 'kuaidi100', NOW)).pausedUntil).toBe(NOW + HOUR);
  });

  test('transient failures mark the provider failing, counted across cycles; the next reading clears the mark', async () => {
    const db = await shopWith([
      ['261120-000000000000001', 'YT1', 3],
      ['261120-000000000000002', 'YT2', 3],
      ['261120-000000000000003', 'YT3', 3],
      ['261120-000000000000004', 'YT4', 3],
    ]);
    const plain = { zh: '快递100暂时出错，稍后自动重试', en: 'Kuaidi100 had a temporary error; retrying automatically' };
    const down = fakeClient(() => failure('transient', { detail: 'Kuaidi100 answered HTTP 502', message: plain }));
    expect(await runPollCycle(db, deps(down.client, NOW, { maxThisCycle: 1 }))).toMatchObject({ ended: 'done', errors: { transient: 1 } });
    const first = (await readProviderState(db, 'kuaidi100', NOW)).failing;
    const failed = await waybillOf(db, down.numbers()[0]!);
    // The plain message leads, the technical detail is kept; the retry time is the failed parcel's next check.
    expect(first).toEqual({ message: plain, detail: 'Kuaidi100 answered HTTP 502', since: NOW, consecutive: 1, retryAt: failed.nextCheckAt });
    expect(failed.nextCheckAt).toBeGreaterThanOrEqual(NOW + 30 * MINUTE);

    // The next cycle goes on failing: the run keeps its start, the count goes on, and it ends the cycle at three in a row.
    const report = await runPollCycle(db, deps(down.client, NOW + MINUTE));
    expect(report).toMatchObject({ ended: 'provider_failing', queried: 3 });
    expect((await readProviderState(db, 'kuaidi100', NOW + MINUTE)).failing).toMatchObject({ since: NOW, consecutive: 4, message: plain });

    // A reading ends it.
    await runPollCycle(db, deps(fakeClient().client, NOW + 2 * HOUR, { maxThisCycle: 1 }));
    expect((await readProviderState(db, 'kuaidi100', NOW + 2 * HOUR)).failing).toBeNull();
  });

  test('an answer that is not a passing fault ends a failing run too (the provider is reachable), and a stop replaces it', async () => {
    const db = await shopWith([
      ['261120-000000000000001', 'YT1', 3],
      ['261120-000000000000002', 'XX1', 3, { shipping_id: 9999 }],
      ['261120-000000000000003', 'YT3', 3],
      ['261120-000000000000004', 'YT4', 3],
    ]);
    await runPollCycle(db, deps(fakeClient(() => failure('transient')).client, NOW, { maxThisCycle: 1 }));
    expect((await readProviderState(db, 'kuaidi100', NOW)).failing).not.toBeNull();
    await runPollCycle(db, deps(fakeClient(() => failure('bad_input')).client, NOW + MINUTE, { maxThisCycle: 1 }));
    expect((await readProviderState(db, 'kuaidi100', NOW + MINUTE)).failing).toBeNull();

    await runPollCycle(db, deps(fakeClient(() => failure('transient')).client, NOW + 2 * MINUTE, { maxThisCycle: 1 }));
    await runPollCycle(db, deps(fakeClient(() => failure('auth')).client, NOW + 3 * MINUTE, { maxThisCycle: 1 }));
    expect(await readProviderState(db, 'kuaidi100', NOW + 3 * MINUTE)).toMatchObject({ failing: null, stoppedFor: { errorClass: 'auth' } });
  });

  test('a parcel that needs a phone tail waits, without queries, until one is set', async () => {
    const db = await shopWith([['261120-000000000000001', 'ZT1', 3, { shipping_id: 115 }]]);
    const courier = fakeClient((query, now) => (query.phoneTail === null ? failure('needs_phone') : pickedUp(query.trackingNumber, now - HOUR, now)));
    const first = await runPollCycle(db, deps(courier.client, NOW));
    expect(await waybillOf(db, 'ZT1')).toMatchObject({ needsInput: 'phone_tail', nextCheckAt: null });
    // Its cards are told (needing a tail is shown on them), once: a repeat of the same wait changes nothing.
    expect(first.changedOrders).toEqual(new Map([[SHOP, new Set(['261120-000000000000001'])]]));
    // Re-queued with still no tail anywhere: looked at, not asked, out of the queue again.
    await requeueWaitingWaybills(db, NOW + HOUR);
    expect((await runPollCycle(db, deps(courier.client, NOW + HOUR))).held).toEqual({ needs_input: 1 });
    expect(courier.asked).toHaveLength(1);
    expect((await waybillOf(db, 'ZT1')).nextCheckAt).toBeNull();
    // The merchant sets the sender tail: the settings change re-queues it and it is asked with the tail.
    await requeueWaitingWaybills(db, NOW + 2 * HOUR);
    await runPollCycle(db, deps(courier.client, NOW + 2 * HOUR, { settings: { ...SETTINGS, senderPhoneTail: '5678' } }));
    expect(courier.asked.map(({ query }) => query.phoneTail)).toEqual([null, '5678']);
    expect(await waybillOf(db, 'ZT1')).toMatchObject({ needsInput: null, status: 'picked_up' });
  });

  test('an unknown courier waits for another provider, not for the same one', async () => {
    const db = await shopWith([['261120-000000000000001', 'XX1', 3, { shipping_id: 9999 }]]);
    const k100 = fakeClient(() => failure('bad_input'));
    await runPollCycle(db, deps(k100.client, NOW));
    expect(await waybillOf(db, 'XX1')).toMatchObject({ needsInput: 'courier', nextCheckAt: null });
    await requeueWaitingWaybills(db, NOW + HOUR);
    await runPollCycle(db, deps(k100.client, NOW + HOUR));
    expect(k100.asked).toHaveLength(1);
    await requeueWaitingWaybills(db, NOW + 2 * HOUR);
    const kdniao = fakeClient();
    await runPollCycle(db, deps({ ...kdniao.client, provider: 'kdniao' }, NOW + 2 * HOUR, { settings: { ...SETTINGS, service: 'kdniao' } }));
    expect(kdniao.numbers()).toEqual(['XX1']);
  });

  test('no query for a closed order, a terminal status, or a parcel shipped more than 60 days ago', async () => {
    const db = await shopWith([
      ['261120-000000000000001', 'OPEN1', 3],
      ['261120-000000000000002', 'CLOSED1', 30],
      ['261120-000000000000003', 'DONE1', 30],
      ['261120-000000000000004', 'OLD1', 61 * 24],
    ]);
    // The order of CLOSED1 is received; DONE1's trace ended; all are due.
    await ingestCapture(db, listCapture([shippedRow('261120-000000000000002', 'CLOSED1', 30, { order_status_str: '已签收' })], NOW - MINUTE / 2), NOW - MINUTE / 2, DEFAULT_POLICY);
    await db.waybills.bulkPut([
      { ...emptyWaybill(SHOP, 'CLOSED1', NOW - DAY, NOW - HOUR), status: 'in_transit' },
      { ...emptyWaybill(SHOP, 'DONE1', NOW - DAY, NOW - HOUR), status: 'delivered' },
    ]);
    const fake = fakeClient();
    const report = await runPollCycle(db, deps(fake.client, NOW));
    expect(fake.numbers()).toEqual(['OPEN1']);
    expect(report.held).toEqual({ order_closed: 1, terminal: 1, too_old: 1 });
    // They leave the queue for good: the next cycle does not even look at them.
    expect((await waybillOf(db, 'CLOSED1')).nextCheckAt).toBeNull();
    expect((await waybillOf(db, 'DONE1')).nextCheckAt).toBeNull();
    expect((await db.orders.get([SHOP, '261120-000000000000004']))?.firstCheckAt).toBeNull();
    expect((await runPollCycle(db, deps(fake.client, NOW + HOUR))).held).toEqual({});
  });

  test('the parcel whose pickup deadline is nearest goes first when the cycle can send one query', async () => {
    const db = await shopWith([
      ['261120-000000000000001', 'YT1', 2],
      ['261120-000000000000002', 'YT2', 20],
    ]);
    const fake = fakeClient();
    await runPollCycle(db, deps(fake.client, NOW, { maxThisCycle: 1 }));
    expect(fake.numbers()).toEqual(['YT2']);
  });

  test('without a client (仅读取后台物流) nothing is read or written', async () => {
    const db = await shopWith([['261120-000000000000001', 'YT1', 3]]);
    expect(await runPollCycle(db, deps(fakeClient().client, NOW, { client: null }))).toMatchObject({ ended: 'no_client', queried: 0 });
    expect(await runPollCycle(db, deps(fakeClient().client, NOW, { settings: { ...SETTINGS, service: 'console_only' } }))).toMatchObject({ ended: 'no_client' });
    expect(await db.waybills.count()).toBe(0);
  });
});

describe('runPollCycle with a backlog', () => {
  // More due waybills than one cycle reads (CANDIDATES_PER_QUERY per query it may send: 4 for one query).
  const BACKLOG = 11;

  /** BACKLOG picked-up parcels due for hours, and one parcel whose pickup is unverified with its deadline 4 h away. */
  async function backlogWithUrgentPickup(urgentDueAt: number): Promise<SentinelDb> {
    const earlier = NOW - 12 * HOUR;
    const backlog = Array.from({ length: BACKLOG }, (_, i) => shippedRow(`261119-0000000000001${String(i).padStart(2, '0')}`, `YTB${i}`, 30));
    const db = await freshDb();
    await ingestCapture(db, listCapture([...backlog, shippedRow('261119-000000000000999', 'YTPICK', 20)], earlier), earlier, DEFAULT_POLICY);
    // Twelve hours ago every parcel was asked: the backlog was picked up; the urgent one's query failed.
    const setup = fakeClient((query, now) => (query.trackingNumber === 'YTPICK' ? failure('transient') : pickedUp(query.trackingNumber, now - HOUR, now)));
    expect((await runPollCycle(db, deps(setup.client, earlier))).queried).toBe(BACKLOG + 1);
    await db.waybills.update([SHOP, 'YTPICK'], { nextCheckAt: urgentDueAt });
    return db;
  }

  test('a parcel near its pickup deadline is asked first though its check came due after all the others', async () => {
    const db = await backlogWithUrgentPickup(NOW - MINUTE);
    const due = await db.waybills.where('nextCheckAt').belowOrEqual(NOW).sortBy('nextCheckAt');
    expect(due.map((waybill) => waybill.trackingNumber).at(-1)).toBe('YTPICK');
    expect(due).toHaveLength(BACKLOG + 1);
    const fake = fakeClient();
    await runPollCycle(db, deps(fake.client, NOW, { maxThisCycle: 1 }));
    expect(fake.numbers()).toEqual(['YTPICK']);
  });

  test('a parcel refunded after shipping comes next: asked before the backlog though its check came due last', async () => {
    const db = await backlogWithUrgentPickup(NOW + HOUR);
    const orderSn = '261119-000000000000105';
    const refund = { id: 9105, orderSn, afterSalesType: 1, afterSalesTypeName: '仅退款', afterSalesStatus: 2, afterSalesTitle: '待商家处理', createdAt: Math.floor((NOW - 2 * HOUR) / 1000) };
    await ingestCapture(db, afterSalesCapture([refund], NOW - 2 * MINUTE), NOW - 2 * MINUTE, DEFAULT_POLICY);
    expect((await db.orders.get([SHOP, orderSn]))?.openKindTags).toContain(`${SHOP}|intercept_parcel`);
    await db.waybills.update([SHOP, 'YTB5'], { nextCheckAt: NOW - MINUTE });
    const fake = fakeClient();
    await runPollCycle(db, deps(fake.client, NOW, { maxThisCycle: 1 }));
    expect(fake.numbers()).toEqual(['YTB5']);
  });

  test('a parcel never asked about, refunded after shipping, is read even behind more first checks than one cycle reads', async () => {
    const earlier = NOW - 2 * HOUR;
    const queued = Array.from({ length: BACKLOG }, (_, i) => shippedRow(`261120-0000000000002${String(i).padStart(2, '0')}`, `YTQ${i}`, 10));
    const db = await freshDb();
    await ingestCapture(db, listCapture(queued, earlier), earlier, DEFAULT_POLICY);
    const orderSn = '261119-000000000000998';
    await ingestCapture(db, listCapture([shippedRow(orderSn, 'YTREFUND', 22)], NOW - MINUTE), NOW - MINUTE, DEFAULT_POLICY);
    const refund = { id: 9998, orderSn, afterSalesType: 1, afterSalesTypeName: '仅退款', afterSalesStatus: 2, afterSalesTitle: '待商家处理', createdAt: Math.floor((NOW - HOUR) / 1000) };
    await ingestCapture(db, afterSalesCapture([refund], NOW - MINUTE), NOW - MINUTE, DEFAULT_POLICY);
    expect((await db.orders.get([SHOP, orderSn]))?.openKindTags).toContain(`${SHOP}|intercept_parcel`);
    expect(await db.orders.where('firstCheckAt').belowOrEqual(NOW).count()).toBe(BACKLOG + 1);
    const fake = fakeClient();
    await runPollCycle(db, deps(fake.client, NOW, { maxThisCycle: 1 }));
    // Its pickup deadline (2 h away) is also the nearest: read at all, it is asked first.
    expect(fake.numbers()).toEqual(['YTREFUND']);
  });
});

describe('runPollCycle with a backlog of past-due pickups', () => {
  // More parcels past their pickup deadline (shipped 30 h ago, none verified) than each read takes for one query (4).
  const BACKLOG = 11;
  const backlogRows = () => Array.from({ length: BACKLOG }, (_, i) => shippedRow(`261119-0000000000002${String(i).padStart(2, '0')}`, `YTX${i}`, 30));
  const UPCOMING_SN = '261119-000000000000888';

  /** As a failed query at `askedAt` leaves them: a waybill row with no reading, due at `dueAt`; the orders' first checks done. */
  async function askedWithoutAnswer(db: SentinelDb, numbers: string[], askedAt: number, dueAt: number): Promise<void> {
    await db.waybills.bulkPut(numbers.map((number) => ({ ...emptyWaybill(SHOP, number, askedAt, dueAt), queryTimes: [askedAt], attempts: 1, consecutiveFailures: 1 })));
    const holders = await db.orders.where('[shopId+trackingNumber]').anyOf(numbers.map((number) => [SHOP, number])).toArray();
    await db.orders.bulkPut(holders.map((order) => ({ ...order, firstCheckAt: null })));
  }

  test('a parcel whose pickup deadline is still ahead is asked first, though past-due parcels on the same status were due longer', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture([...backlogRows(), shippedRow(UPCOMING_SN, 'YTUP', 20)], NOW - 12 * HOUR), NOW - 12 * HOUR, DEFAULT_POLICY);
    await askedWithoutAnswer(db, backlogRows().map((row) => row.tracking_number as string), NOW - 12 * HOUR, NOW - 11 * HOUR);
    await askedWithoutAnswer(db, ['YTUP'], NOW - 12 * HOUR, NOW - MINUTE);
    const unknownDue = await db.waybills.where('[status+nextCheckAt]').between(['unknown', -Infinity], ['unknown', NOW], true, true).toArray();
    expect(unknownDue.map((waybill) => waybill.trackingNumber).at(-1)).toBe('YTUP');
    expect(unknownDue).toHaveLength(BACKLOG + 1);
    expect((await db.orders.get([SHOP, UPCOMING_SN]))?.pickupDueAt).toBe(NOW + 4 * HOUR);

    const fake = fakeClient();
    await runPollCycle(db, deps(fake.client, NOW, { maxThisCycle: 1 }));
    expect(fake.numbers()).toEqual(['YTUP']);
    // Picked up: its pickup clock closed, and with it its place in the upcoming-pickup index.
    expect((await db.orders.get([SHOP, UPCOMING_SN]))?.pickupDueAt).toBeNull();
  });

  test('a never-asked parcel whose pickup deadline is still ahead is asked before a longer first-check queue of past-due ones', async () => {
    const db = await freshDb();
    await ingestCapture(db, listCapture(backlogRows(), NOW - 2 * HOUR), NOW - 2 * HOUR, DEFAULT_POLICY);
    await ingestCapture(db, listCapture([shippedRow(UPCOMING_SN, 'YTUP', 20)], NOW - MINUTE), NOW - MINUTE, DEFAULT_POLICY);
    const queued = await db.orders.where('firstCheckAt').belowOrEqual(NOW).sortBy('firstCheckAt');
    expect(queued.map((order) => order.trackingNumber).at(-1)).toBe('YTUP');
    expect(queued).toHaveLength(BACKLOG + 1);

    const fake = fakeClient();
    await runPollCycle(db, deps(fake.client, NOW, { maxThisCycle: 1 }));
    expect(fake.numbers()).toEqual(['YTUP']);
  });

  test('behind more nearer deadlines than a page that were just asked (not due), a due one further ahead is still read', async () => {
    const db = await freshDb();
    // Ten parcels due at the pickup deadline in 2 h, asked an hour ago; the page of the read is 8 orders.
    const nearer = Array.from({ length: 10 }, (_, i) => shippedRow(`261119-0000000000003${String(i).padStart(2, '0')}`, `YTN${i}`, 22));
    await ingestCapture(db, listCapture([...backlogRows(), ...nearer], NOW - 2 * HOUR), NOW - 2 * HOUR, DEFAULT_POLICY);
    await askedWithoutAnswer(db, nearer.map((row) => row.tracking_number as string), NOW - HOUR, NOW + HOUR);
    await ingestCapture(db, listCapture([shippedRow(UPCOMING_SN, 'YTUP', 20)], NOW - MINUTE), NOW - MINUTE, DEFAULT_POLICY);

    const fake = fakeClient();
    await runPollCycle(db, deps(fake.client, NOW, { maxThisCycle: 1 }));
    expect(fake.numbers()).toEqual(['YTUP']);
  });
});
