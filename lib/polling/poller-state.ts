// What the poller knows about each provider account, kept in the `meta` table so it outlives the worker:
// whether polling it is stopped (an account error only the merchant can fix), paused (rate limit or
// quota), failing (passing faults in a row, retried by itself), unusable (no account, no host access) and
// how many queries it was sent on the current Beijing day. The options page and the popup
// read it (`readProviderStates`) to tell the merchant what to do. A stored value is untrusted like any
// other: one that does not read is replaced by a fresh state, which only ever allows fewer queries than
// the limits on each waybill, never more.
import * as v from 'valibot';
import type { SentinelDb } from '../db/schema';
import { shanghaiDateTime } from '../time/shanghai';
import type { PlainMessage, ProviderErrorClass, QueryProvider } from '../tracking/provider';

export const QUERY_PROVIDERS: readonly QueryProvider[] = ['kuaidi100', 'kdniao', 'demo'];

/** `meta` key of one provider's state. */
export const pollerStateKey = (provider: QueryProvider): string => `poller:${provider}`;

export interface ProviderStop {
  errorClass: ProviderErrorClass;
  message: PlainMessage;
  at: number;
}

/** Transient failures in a row (5xx, timeout, unreadable reply, no network), across cycles, until the provider answers again. */
export interface ProviderFailing {
  /** The latest failure's plain message (lib/tracking/provider-errors.ts). */
  message: PlainMessage;
  /** Its technical detail, without credentials: shown on request, never first. */
  detail: string;
  /** The first failure of the run. */
  since: number;
  consecutive: number;
  /** When the latest failed parcel is asked again by itself; null when it is not (too old). */
  retryAt: number | null;
}

/** Why the poller cannot use the chosen provider at all: nothing is asked until the merchant fixes it. */
export type ProviderUnusable = 'no_account' | 'no_permission';

export interface ProviderPollState {
  provider: QueryProvider;
  /** Set by an account error: no query until the merchant changes the provider's settings (`resumeProvider`). */
  stoppedFor: ProviderStop | null;
  /** Rate limit or quota: no query before this instant (epoch ms). */
  pausedUntil: number | null;
  /** Set by a transient failure, cleared by the provider's next answer that is not one. */
  failing: ProviderFailing | null;
  /** Recorded by the background before each cycle of the chosen provider; cleared when it can be used again. */
  unusable: ProviderUnusable | null;
  /** Beijing calendar day (yyyy-MM-dd) that `sentToday` counts. */
  day: string;
  /** Queries sent (attempts recorded) on `day`. */
  sentToday: number;
}

const message = v.object({ zh: v.string(), en: v.string() });
const stateSchema = v.object({
  provider: v.picklist(QUERY_PROVIDERS),
  stoppedFor: v.nullable(
    v.object({
      errorClass: v.picklist<ProviderErrorClass[]>(['auth', 'bad_input', 'needs_phone', 'rate', 'transient']),
      message,
      at: v.number(),
    }),
  ),
  pausedUntil: v.nullable(v.number()),
  // Absent in a state stored before these were kept: nothing failing, nothing unusable.
  failing: v.optional(
    v.nullable(v.object({ message, detail: v.string(), since: v.number(), consecutive: v.pipe(v.number(), v.integer(), v.minValue(1)), retryAt: v.nullable(v.number()) })),
    null,
  ),
  unusable: v.optional(v.nullable(v.picklist<ProviderUnusable[]>(['no_account', 'no_permission'])), null),
  day: v.string(),
  sentToday: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** The Beijing day of an instant: the daily budget resets at midnight in Beijing, wherever the merchant is. */
export function shanghaiDay(now: number): string {
  return shanghaiDateTime(now)!.slice(0, 10);
}

export function freshProviderState(provider: QueryProvider, now: number): ProviderPollState {
  return { provider, stoppedFor: null, pausedUntil: null, failing: null, unusable: null, day: shanghaiDay(now), sentToday: 0 };
}

/** The stored value as a state, its count moved to `now`'s day; a value that does not read gives a fresh state. */
export function readStoredState(provider: QueryProvider, stored: unknown, now: number): ProviderPollState {
  const parsed = v.safeParse(stateSchema, stored);
  if (!parsed.success || parsed.output.provider !== provider) return freshProviderState(provider, now);
  const state = parsed.output;
  const today = shanghaiDay(now);
  return state.day === today ? state : { ...state, day: today, sentToday: 0 };
}

/** One provider's state; call inside a transaction that includes `meta` to read and write it atomically. */
export async function readProviderState(db: SentinelDb, provider: QueryProvider, now: number): Promise<ProviderPollState> {
  return readStoredState(provider, (await db.meta.get(pollerStateKey(provider)))?.value, now);
}

export async function writeProviderState(db: SentinelDb, state: ProviderPollState): Promise<void> {
  await db.meta.put({ key: pollerStateKey(state.provider), value: state });
}

/** Every provider's state, for the options page and the popup. */
export async function readProviderStates(db: SentinelDb, now: number): Promise<ProviderPollState[]> {
  const rows = await db.meta.bulkGet(QUERY_PROVIDERS.map(pollerStateKey));
  return QUERY_PROVIDERS.map((provider, index) => readStoredState(provider, rows[index]?.value, now));
}

/** Why a provider may not be asked now; null when it may. */
export function providerHold(state: ProviderPollState, now: number): 'stopped' | 'paused' | null {
  if (state.stoppedFor !== null) return 'stopped';
  if (state.pausedUntil !== null && state.pausedUntil > now) return 'paused';
  return null;
}

/**
 * Lifts a stop, a pause and an unusable mark: the merchant changed the provider's settings or credentials
 * (the next cycle marks it unusable again if it still is).
 */
export async function resumeProvider(db: SentinelDb, provider: QueryProvider, now: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const state = await readProviderState(db, provider, now);
    if (state.stoppedFor === null && state.pausedUntil === null && state.unusable === null) return;
    await writeProviderState(db, { ...state, stoppedFor: null, pausedUntil: null, unusable: null });
  });
}

/** One more transient failure: the run starts at the first, its count and message follow the latest. */
export function withTransientFailure(
  state: ProviderPollState,
  failure: { message: PlainMessage; detail: string },
  now: number,
  retryAt: number | null,
): ProviderPollState {
  const run = state.failing;
  return {
    ...state,
    failing: { message: failure.message, detail: failure.detail, since: run?.since ?? now, consecutive: (run?.consecutive ?? 0) + 1, retryAt },
  };
}

/** The provider answered (a reading, or a refusal that is not a passing fault): whatever was failing is over. */
export function withAnswer(state: ProviderPollState): ProviderPollState {
  return state.failing === null ? state : { ...state, failing: null };
}

/** Records whether the chosen provider can be used; writes only a change (the popup and options follow the row). */
export async function recordProviderUsable(db: SentinelDb, provider: QueryProvider, unusable: ProviderUnusable | null, now: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const state = await readProviderState(db, provider, now);
    if (state.unusable !== unusable) await writeProviderState(db, { ...state, unusable });
  });
}
