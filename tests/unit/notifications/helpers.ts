// A worker stand-in for the planner's tests: an injected clock, the log as the only memory, restarts for free.
import { defaultNotificationSettings } from '../../../lib/notifications/defaults';
import { planNotifications } from '../../../lib/notifications/planner';
import type { Mutes, NotificationSettings, Plan, PlanFinding, PlanInput, SentEntry } from '../../../lib/notifications/types';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** 2026-11-20 12:00 Beijing time. */
export const NOON = Date.parse('2026-11-20T12:00:00+08:00');

let serial = 0;

export function finding(overrides: Partial<PlanFinding> & Pick<PlanFinding, 'kind'>): PlanFinding {
  serial += 1;
  return {
    shopId: 'shop-a',
    orderSn: `261120-${String(100_000_000_000_000 + serial)}`,
    severity: 'warn',
    dueAt: null,
    openedAt: NOON - 24 * HOUR,
    verified: true,
    ...overrides,
  };
}

export function noMutes(): Mutes {
  return { orders: {}, kinds: {}, handled: {} };
}

export interface World {
  findings: PlanFinding[];
  settings: NotificationSettings;
  mutes: Mutes;
  sent: SentEntry[];
  lastRunAt: number | null;
  timeZone: string;
  shopNames: Record<string, string>;
  lang: 'zh' | 'en';
}

export function world(overrides: Partial<World> = {}): World {
  return {
    findings: [],
    settings: defaultNotificationSettings(),
    mutes: noMutes(),
    sent: [],
    lastRunAt: null,
    timeZone: 'Asia/Shanghai',
    shopNames: { 'shop-a': '甲店' },
    lang: 'zh',
    ...overrides,
  };
}

export function inputAt(state: World, now: number): PlanInput {
  return { now, ...state };
}

/** One run as the worker does it: plan, log every notification and each item it covers, remember the run. */
export function run(state: World, now: number): Plan {
  const plan = planNotifications(inputAt(state, now));
  for (const shown of plan.show) {
    state.sent.push({ shopId: shown.shopId, key: shown.key, sentAt: now });
    for (const key of shown.covers) state.sent.push({ shopId: shown.shopId, key, sentAt: now });
  }
  state.lastRunAt = now;
  return plan;
}

/** Run at every due time the planner names (and each minute given), as the alarm would, until `until`. */
export function runUntil(state: World, from: number, until: number): { at: number; plan: Plan }[] {
  const runs: { at: number; plan: Plan }[] = [];
  let at = from;
  while (at <= until) {
    const plan = run(state, at);
    runs.push({ at, plan });
    if (plan.nextDueAt === null) break;
    at = Math.max(plan.nextDueAt, at + 30_000);
  }
  return runs;
}
