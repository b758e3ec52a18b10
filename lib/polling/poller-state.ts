// What the poller knows about each provider account, kept in the `meta` table so it outlives the worker:
// whether polling it is stopped (an account error only the merchant can fix), paused (rate limit or
// quota) and how many queries it was sent on the current Beijing day. The options page and the popup
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

export interface ProviderPollState {
  provider: QueryProvider;
  /** Set by an account error: no query until the merchant changes the provider's settings (`resumeProvider`). */
  stoppedFor: ProviderStop | null;
  /** Rate limit or quota: no query before this instant (epoch ms). */
  pausedUntil: number | null;
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
  day: v.string(),
  sentToday: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** The Beijing day of an instant: the daily budget resets at midnight in Beijing, wherever the merchant is. */
export function shanghaiDay(now: number): string {
  return shanghaiDateTime(now)!.slice(0, 10);
}

export function freshProviderState(provider: QueryProvider, now: number): ProviderPollState {
  return { provider, stoppedFor: null, pausedUntil: null, day: shanghaiDay(now), sentToday: 0 };
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

/** Lifts a stop and a pause: the merchant changed the provider's settings or credentials. */
export async function resumeProvider(db: SentinelDb, provider: QueryProvider, now: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const state = await readProviderState(db, provider, now);
    if (state.stoppedFor === null && state.pausedUntil === null) return;
    await writeProviderState(db, { ...state, stoppedFor: null, pausedUntil: null });
  });
}
