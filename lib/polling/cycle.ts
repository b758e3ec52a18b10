// One poll cycle: read the due queue, let the scheduler pick what to ask within the limits and the budget,
// and for each pick record the attempt, send the query, and store what came back. The attempt (the send
// time on the waybill, the provider's daily count) is committed before the request goes out, so a worker
// killed mid-cycle loses nothing and, restarted, repeats nothing the limits forbid: an unanswered attempt
// leaves the waybill due again only once the 30-minute gap has passed.
import type { StoredOrder, StoredWaybill, WaybillError, WaybillInput } from '../db/records';
import { emptyWaybill } from '../db/records';
import type { SentinelDb } from '../db/schema';
import type { Policy } from '../findings/registry';
import { dueParcelOf, dueTrackingChecks, type DueParcel } from '../ingest/due-checks';
import { ingestTrackingReply } from '../ingest/ingest-tracking';
import { errorMessage } from '../errors/error-message';
import type { ProviderErrorClass, QueryOutcome, TrackingClient, TrackingService, Transport } from '../tracking/provider';
import { providerHold, readProviderState, withAnswer, withTransientFailure, writeProviderState, type ProviderPollState } from './poller-state';
import {
  POLL_LIMITS,
  RATE_PAUSE_MS,
  blockedReason,
  earliestAllowedAt,
  nextCheckAfterError,
  nextCheckAfterReading,
  pickForCycle,
  remainingDailyBudget,
  type Blocked,
} from './schedule';

/** The tracking settings the cycle reads (lib/settings: 查询服务, 寄件人手机后四位, daily budget). */
export interface TrackingSettingsForPoll {
  service: TrackingService;
  senderPhoneTail: string | null;
  dailyBudget: number;
}

export interface PollCycleDeps {
  now: () => number;
  random: () => number;
  /** The client of the chosen service; null when none is usable (仅读取后台物流, or no credentials). */
  client: TrackingClient | null;
  /** How the client reaches the network (the background's fetch). */
  transport: Transport;
  settings: TrackingSettingsForPoll;
  policy: Policy;
  maxThisCycle: number;
}

export type CycleEnd = 'done' | 'no_client' | 'stopped' | 'paused' | 'budget_spent' | 'provider_failing';

export interface PollCycleReport {
  ended: CycleEnd;
  /** Queries sent (attempts recorded). */
  queried: number;
  /** Readings stored. */
  readings: number;
  errors: Record<ProviderErrorClass, number>;
  /** Due parcels the limits held back, by reason (their next check was moved accordingly). */
  held: Partial<Record<Blocked, number>>;
  /** Orders whose findings changed, by shop: the background pushes their views to the open console tabs. */
  changedOrders: Map<string, Set<string>>;
  /** Storage failures while storing a reading (the attempt stays recorded; the parcel comes round again). */
  storeErrors: string[];
  /**
   * What the stored readings could not read, each after its waybill's number (`YT1: data[2].time: …`); an
   * unread event leaves the waybill's pickup unverified (TrackingFacts.unreadEvents), never a breach.
   */
  readingProblems: string[];
}

/** A provider that fails this many queries in a row within one cycle is likely down: the rest waits for the next cycle. */
const TRANSIENT_STREAK_LIMIT = 3;

/** How many due parcels each read of the queue takes per query the cycle may send (the urgent ones have reads of their own). */
const CANDIDATES_PER_QUERY = 4;

const RETRY_OF_CLASS: Record<ProviderErrorClass, WaybillError['retry']> = {
  auth: 'never',
  bad_input: 'never',
  needs_phone: 'never',
  rate: 'later',
  transient: 'backoff',
};

const INPUT_OF_CLASS: Partial<Record<ProviderErrorClass, WaybillInput>> = { needs_phone: 'phone_tail', bad_input: 'courier' };

function emptyReport(ended: CycleEnd): PollCycleReport {
  return {
    ended,
    queried: 0,
    readings: 0,
    errors: { auth: 0, bad_input: 0, needs_phone: 0, rate: 0, transient: 0 },
    held: {},
    changedOrders: new Map(),
    storeErrors: [],
    readingProblems: [],
  };
}

export async function runPollCycle(db: SentinelDb, deps: PollCycleDeps): Promise<PollCycleReport> {
  const { client, settings } = deps;
  if (client === null || settings.service === 'console_only' || client.provider !== settings.service) return emptyReport('no_client');
  const now = deps.now();
  const state = await readProviderState(db, client.provider, now);
  const hold = providerHold(state, now);
  if (hold !== null) return emptyReport(hold);

  const report = emptyReport('done');
  const due = await dueTrackingChecks(db, now, { limit: Math.max(1, deps.maxThisCycle) * CANDIDATES_PER_QUERY, senderPhoneTail: settings.senderPhoneTail });
  const candidates = due.map((parcel) => withProviderInput(parcel, client.provider));
  await settleHeld(db, candidates, now, report);
  const remainingToday = remainingDailyBudget(settings.dailyBudget, state.sentToday);
  if (remainingToday === 0 && candidates.some((parcel) => blockedReason(parcel, now) === null)) report.ended = 'budget_spent';
  const picks = pickForCycle(candidates, now, { remainingToday, maxThisCycle: deps.maxThisCycle }) as DueParcel[];

  let transientStreak = 0;
  // Whether the provider's state says it is failing: only then does a reading have something to clear there.
  let failing = state.failing !== null;
  for (const pick of picks) {
    const sentAt = deps.now();
    const attempt = await recordAttempt(db, pick, client, settings, sentAt);
    if (attempt.kind === 'skip') continue;
    if (attempt.kind === 'end') {
      report.ended = attempt.ended;
      break;
    }
    report.queried += 1;
    const outcome = await sendQuery(client, attempt.parcel, sentAt, deps.transport);
    const answeredAt = deps.now();
    if (outcome.ok) {
      transientStreak = 0;
      await storeReading(db, attempt.parcel, outcome, { sentAt, answeredAt }, deps, report);
      if (failing) await markAnswered(db, client.provider, answeredAt);
      failing = false;
      continue;
    }
    report.errors[outcome.errorClass] += 1;
    const waiting = await storeError(db, attempt.parcel, outcome, client.provider, { sentAt, answeredAt }, deps.random);
    // A transient fault marks the provider failing; any other answer ends that (providerStateAfter).
    failing = outcome.errorClass === 'transient';
    // A parcel that now waits for the merchant (需要手机后四位) says so on its cards: they are pushed like changed findings.
    if (waiting.length > 0) addChanged(report, attempt.parcel.shopId, waiting);
    if (outcome.errorClass === 'auth') {
      report.ended = 'stopped';
      break;
    }
    if (outcome.errorClass === 'rate') {
      report.ended = 'paused';
      break;
    }
    transientStreak = outcome.errorClass === 'transient' ? transientStreak + 1 : 0;
    if (transientStreak >= TRANSIENT_STREAK_LIMIT) {
      report.ended = 'provider_failing';
      break;
    }
  }
  return report;
}

/** A waybill no courier code was found for may be known to another provider: its wait ends when the service changes. */
function withProviderInput(parcel: DueParcel, provider: TrackingClient['provider']): DueParcel {
  if (parcel.needsInput !== 'courier' || parcel.waybill?.lastProvider === provider) return parcel;
  return { ...parcel, needsInput: null };
}

/**
 * Due parcels the limits hold back leave the front of the queue: those never to be asked again (order
 * closed, trace ended, too old, waiting for input) leave it, those held by the gap or the daily cap wait
 * until the limits allow. Parcels only waiting for budget stay due.
 */
async function settleHeld(db: SentinelDb, candidates: readonly DueParcel[], now: number, report: PollCycleReport): Promise<void> {
  const moves: Array<{ parcel: DueParcel; nextCheckAt: number | null }> = [];
  for (const parcel of candidates) {
    const reason = blockedReason(parcel, now);
    if (reason === null) continue;
    report.held[reason] = (report.held[reason] ?? 0) + 1;
    moves.push({ parcel, nextCheckAt: earliestAllowedAt(parcel, now) });
  }
  if (moves.length === 0) return;
  await db.transaction('rw', [db.waybills, db.orders], async () => {
    for (const { parcel, nextCheckAt } of moves) {
      const key: [string, string] = [parcel.shopId, parcel.trackingNumber];
      const waybill = await db.waybills.get(key);
      if (waybill !== undefined) {
        // Only if nothing else moved it meanwhile (a reply stored by another context).
        if (waybill.nextCheckAt === parcel.dueAt) await db.waybills.put({ ...waybill, nextCheckAt });
        continue;
      }
      // A parcel never asked about, never to be: its orders leave the first-check queue.
      await dropFirstChecks(db, await holdersOf(db, key));
    }
  });
}

function holdersOf(db: SentinelDb, [shopId, trackingNumber]: [string, string]): Promise<StoredOrder[]> {
  return db.orders.where('[shopId+trackingNumber]').equals([shopId, trackingNumber]).toArray();
}

async function dropFirstChecks(db: SentinelDb, holders: readonly StoredOrder[]): Promise<void> {
  const queued = holders.filter((order) => order.firstCheckAt !== null);
  if (queued.length > 0) await db.orders.bulkPut(queued.map((order) => ({ ...order, firstCheckAt: null })));
}

/** The schedule counts from the send time (the one recorded in queryTimes); the stored facts from the answer's. */
interface AttemptTimes {
  sentAt: number;
  answeredAt: number;
}

type Attempt = { kind: 'sent'; parcel: DueParcel } | { kind: 'skip' } | { kind: 'end'; ended: CycleEnd };

/**
 * Records the attempt in one transaction, re-checking everything against what is stored now (another
 * cycle, in another worker start, may have asked meanwhile): the waybill's send time, its provisional next
 * check (the gap after this attempt, should no answer ever be stored) and the provider's daily count.
 */
async function recordAttempt(
  db: SentinelDb,
  pick: DueParcel,
  client: TrackingClient,
  settings: TrackingSettingsForPoll,
  now: number,
): Promise<Attempt> {
  return db.transaction('rw', [db.waybills, db.orders, db.meta], async (): Promise<Attempt> => {
    const state = await readProviderState(db, client.provider, now);
    const hold = providerHold(state, now);
    if (hold !== null) return { kind: 'end', ended: hold };
    if (remainingDailyBudget(settings.dailyBudget, state.sentToday) === 0) return { kind: 'end', ended: 'budget_spent' };
    const key: [string, string] = [pick.shopId, pick.trackingNumber];
    const stored = (await db.waybills.get(key)) ?? null;
    const holders = await holdersOf(db, key);
    const dueAt = stored?.nextCheckAt ?? firstCheckOf(holders);
    if (dueAt === null) return { kind: 'skip' };
    const fresh = withProviderInput(dueParcelOf(pick.shopId, pick.trackingNumber, stored, holders, dueAt, settings.senderPhoneTail), client.provider);
    if (blockedReason(fresh, now) !== null) return { kind: 'skip' };

    const queryTimes = [...fresh.queryTimes, now].slice(-POLL_LIMITS.maxPerWindow);
    const base = stored ?? emptyWaybill(pick.shopId, pick.trackingNumber, now, null);
    const waybill: StoredWaybill = {
      ...base,
      queryTimes,
      needsInput: fresh.needsInput,
      lastProvider: client.provider,
      nextCheckAt: earliestAllowedAt({ ...fresh, queryTimes }, now),
    };
    await db.waybills.put(waybill);
    // The waybill row holds the schedule from now on.
    await dropFirstChecks(db, holders);
    await writeProviderState(db, countSent(state));
    return { kind: 'sent', parcel: { ...fresh, queryTimes, waybill } };
  });
}

function firstCheckOf(holders: readonly StoredOrder[]): number | null {
  const queued = holders.map((order) => order.firstCheckAt).filter((at): at is number => at !== null);
  return queued.length > 0 ? Math.min(...queued) : null;
}

function countSent(state: ProviderPollState): ProviderPollState {
  return { ...state, sentToday: state.sentToday + 1 };
}

/** A client that throws broke its contract; the query counts as a transient failure, never as a crash of the cycle. */
async function sendQuery(client: TrackingClient, parcel: DueParcel, now: number, transport: Transport): Promise<QueryOutcome> {
  try {
    return await client.query(parcel.query, { now, transport });
  } catch (error) {
    return {
      ok: false,
      errorClass: 'transient',
      code: null,
      detail: `the ${client.provider} client failed: ${errorMessage(error)}`,
      message: { zh: '查询暂时失败，稍后自动重试', en: 'The query failed for now; it is retried automatically' },
    };
  }
}

async function storeReading(
  db: SentinelDb,
  parcel: DueParcel,
  outcome: Extract<QueryOutcome, { ok: true }>,
  times: AttemptTimes,
  deps: PollCycleDeps,
  report: PollCycleReport,
): Promise<void> {
  const { result } = outcome;
  const ingest = await ingestTrackingReply(db, parcel.shopId, parcel.trackingNumber, result, times.answeredAt, deps.policy, (merged, holders) => {
    // The orders as they are now (an order may have closed since the queue was read).
    const current = dueParcelOf(parcel.shopId, parcel.trackingNumber, merged, holders, parcel.dueAt, deps.settings.senderPhoneTail);
    return nextCheckAfterReading(current, merged.status, merged.lastEventAt, times.sentAt, deps.policy, deps.random);
  });
  if (ingest.error !== null) {
    report.storeErrors.push(`${parcel.trackingNumber}: ${ingest.error}`);
    return;
  }
  report.readings += 1;
  for (const problem of ingest.problems) report.readingProblems.push(`${parcel.trackingNumber}: ${problem}`);
  if (ingest.findingsOpened + ingest.findingsClosed + ingest.changes === 0) return;
  addChanged(report, ingest.shopId, ingest.findingsByOrder.keys());
}

function addChanged(report: PollCycleReport, shopId: string, orderSns: Iterable<string>): void {
  const orders = report.changedOrders.get(shopId) ?? new Set<string>();
  for (const orderSn of orderSns) orders.add(orderSn);
  report.changedOrders.set(shopId, orders);
}

/**
 * The error's class decides: the waybill's next check and what it waits for, and the provider's state (stopped
 * by auth, paused by rate, failing by a transient fault, which any other answer ends). Returns the orders
 * carrying the parcel when it has just started waiting for input (else none).
 */
async function storeError(
  db: SentinelDb,
  parcel: DueParcel,
  outcome: Extract<QueryOutcome, { ok: false }>,
  provider: TrackingClient['provider'],
  { sentAt, answeredAt: now }: AttemptTimes,
  random: () => number,
): Promise<string[]> {
  return db.transaction('rw', [db.waybills, db.meta, db.orders], async () => {
    let startedWaiting = false;
    let nextCheckAt: number | null = null;
    const key: [string, string] = [parcel.shopId, parcel.trackingNumber];
    const stored = await db.waybills.get(key);
    if (stored !== undefined) {
      const needsInput = INPUT_OF_CLASS[outcome.errorClass] ?? stored.needsInput;
      startedWaiting = needsInput !== stored.needsInput;
      const current: DueParcel = { ...parcel, queryTimes: stored.queryTimes, consecutiveFailures: stored.consecutiveFailures };
      nextCheckAt = nextCheckAfterError(current, outcome.errorClass, sentAt, random, outcome.retryAt);
      await db.waybills.put({
        ...stored,
        attempts: stored.attempts + 1,
        consecutiveFailures: stored.consecutiveFailures + 1,
        lastError: { at: now, message: outcome.detail, retry: RETRY_OF_CLASS[outcome.errorClass] },
        needsInput,
        nextCheckAt,
      });
    }
    const state = await readProviderState(db, provider, now);
    const next = providerStateAfterError(state, outcome, now, nextCheckAt);
    if (next !== state) await writeProviderState(db, next);
    if (!startedWaiting) return [];
    const holders = await db.orders.where('[shopId+trackingNumber]').equals([parcel.shopId, parcel.trackingNumber]).primaryKeys();
    return holders.map(([, orderSn]) => orderSn);
  });
}

/** `state` itself when the failure changes nothing in it (a parcel's own problem, nothing failing before). */
function providerStateAfterError(
  state: ProviderPollState,
  outcome: Extract<QueryOutcome, { ok: false }>,
  now: number,
  retryAt: number | null,
): ProviderPollState {
  switch (outcome.errorClass) {
    case 'transient':
      return withTransientFailure(state, outcome, now, retryAt);
    case 'auth':
      return { ...withAnswer(state), stoppedFor: { errorClass: 'auth', message: outcome.message, at: now } };
    case 'rate':
      return { ...withAnswer(state), pausedUntil: outcome.retryAt !== undefined && outcome.retryAt > now ? outcome.retryAt : now + RATE_PAUSE_MS };
    case 'bad_input':
    case 'needs_phone':
      return withAnswer(state);
  }
}

/** A reading came back: a run of transient failures is over (written only when there was one). */
async function markAnswered(db: SentinelDb, provider: TrackingClient['provider'], now: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const state = await readProviderState(db, provider, now);
    const next = withAnswer(state);
    if (next !== state) await writeProviderState(db, next);
  });
}

/**
 * Puts every waybill waiting for input back in the queue, due now: after the merchant changes the tracking
 * settings (a sender phone tail, another service), each is looked at once more; the cycle asks only those
 * whose wait is over (`dueParcelOf`, `withProviderInput`) and the others leave the queue again.
 */
export async function requeueWaitingWaybills(db: SentinelDb, now: number): Promise<number> {
  return db.transaction('rw', db.waybills, async () =>
    db.waybills
      .where('needsInput')
      .anyOf(['phone_tail', 'courier'])
      .modify((waybill: StoredWaybill) => {
        waybill.nextCheckAt = now;
      }),
  );
}
