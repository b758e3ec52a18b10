// The dashboard's state: which shop it shows, and the aggregation's progress and result. The aggregation
// itself runs elsewhere (a worker: ./aggregate-runner.ts); the store only asks for it and follows its replies.
import { create } from 'zustand';
import type { Aggregate, AggregateReply, AggregateRequest } from '@/lib/dashboard/aggregate';

export type AggregateState =
  | { status: 'idle' }
  | { status: 'loading'; done: number; total: number }
  | { status: 'ready'; aggregate: Aggregate; ms: number }
  | { status: 'failed'; message: string };

/** Starts one aggregation and forwards its replies; returns how to stop it. */
export type AggregateRunner = (request: AggregateRequest, onReply: (reply: AggregateReply) => void) => () => void;

interface DashboardState {
  /** null: every shop together. */
  shopId: string | null;
  aggregate: AggregateState;
  setShop: (shopId: string | null) => void;
  /** Asks for the figures of the current shop at `now`, replacing a run still going. */
  refresh: (runner: AggregateRunner, now: number) => void;
}

let stopRunning: (() => void) | null = null;
/** Which run the replies belong to: a replaced run's late replies are dropped. */
let currentRun = 0;

export const useDashboard = create<DashboardState>((set, get) => ({
  shopId: null,
  aggregate: { status: 'idle' },
  setShop(shopId) {
    set({ shopId });
  },
  refresh(runner, now) {
    stopRunning?.();
    const run = ++currentRun;
    set({ aggregate: { status: 'loading', done: 0, total: 0 } });
    stopRunning = runner({ shopId: get().shopId, now }, (reply) => {
      if (run !== currentRun) return;
      if (reply.type === 'progress') set({ aggregate: { status: 'loading', done: reply.done, total: reply.total } });
      else if (reply.type === 'result') set({ aggregate: { status: 'ready', aggregate: reply.aggregate, ms: reply.ms } });
      else set({ aggregate: { status: 'failed', message: reply.message } });
    });
  },
}));
