// The merchant's number (issue 12): a simulated month of a shop taking 1,000 orders a day, the console opened
// three times a day (09:00, 14:00, 20:00 Beijing time), courier replies arriving when this poller would ask
// (lib/polling/schedule.ts), and the real planner (lib/notifications/planner.ts) run as the background runs
// it: at every console visit (a capture), after the poll cycle that reads a new parcel, and at the alarm of
// its own next due time (never sooner than 30 s after arming). For every deadline — ship_by, pickup_by with a
// trace read, after_sale_reply_by — it counts whether the merchant was warned by a notification at least
// 1 h before it ran out. Printed: a table per kind, PASS/FAIL lines (exit code 1 on any FAIL), and the
// planner's time for 10,000 open findings. A second month runs with quiet hours 23:00–07:00.
//
// The shop (seeded; the merchant does not react to notifications, so nothing here flatters them):
//   orders: 1,000 a day, 80% paid 08:00–23:00, the rest in the night; ship-by 48 h after payment (70%) or 24 h.
//     The extension first sees an order at the next console visit. The merchant ships at a visit: the first
//     one after seeing it 60%, the next 25%, then 10%, 4%, and 1% six visits on (late).
//   pickup: scanned 0.5–6 h after upload 96%, 20–23 h 1%, 14–40 h 2%, never 1% (refunded 30–72 h on, seen at
//     the next visit). The extension learns of a scan from the first poller reading after it; the first reading
//     comes a minute after upload, and a "no record" reading is a trace read (the clock is verified).
//   after-sales: 5% of orders open a case 2–120 h after payment with 24–48 h to answer (85%) or 6–14 h (15%),
//     seen at the next visit, answered at that visit 70%, the next 20%, the one after 8%, never 2%.
// Deadlines are counted when they fall within the month; "done ≥ 1 h before" deadlines needed no warning.
import { DEFAULT_POLICY } from '../../lib/findings/policy';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../lib/settings/notification-settings';
import { planNotifications } from '../../lib/notifications/planner';
import type { LeadTimeKind, NotificationSettings, PlanFinding, SentEntry } from '../../lib/notifications/types';
import { quietPeriodAt, quietPeriodsAround } from '../../lib/notifications/wall-time';
import { nextCheckAfterReading, type PollCandidate } from '../../lib/polling/schedule';
import { DAY_MS, HOUR_MS, MINUTE_MS, SHANGHAI_OFFSET_MS, hoursToMs } from '../../lib/time/shanghai';
import { createRandom, type Random } from '../stand-in/shop/random';
import { firstAtOrAfter } from '../stand-in/shop/sorted';

const SEED = 12;
const ORDERS_PER_DAY = 1_000;
const DAYS = 30;
/** 2026-03-02 00:00 Beijing time. */
const START = Date.UTC(2026, 2, 2) - SHANGHAI_OFFSET_MS;
const END = START + DAYS * DAY_MS;
/** The console visits, hours of the Beijing day. */
const VISIT_HOURS = [9, 14, 20];
const SHOP = 'shop-sim';
const ALARM_MIN_MS = 30_000;
/** The log the worker keeps for the planner: the last four days (every open finding's keys are younger). */
const LOG_KEEP_MS = 4 * DAY_MS;
const KINDS: readonly LeadTimeKind[] = ['ship_by', 'pickup_by', 'after_sale_reply_by'];

interface Clock {
  kind: LeadTimeKind;
  finding: PlanFinding;
  dueAt: number;
  /** When the extension first has it open (for pickup_by: unverified, from the upload). */
  openAt: number;
  /** pickup_by: the first reading (the trace is read); others: openAt. */
  seenAt: number;
  /** When the extension learns it closed (shipped, picked up, answered, refunded). */
  closedAt: number;
  firstWarnAt: number | null;
}

type Event = { at: number; type: 'open' | 'verify' | 'close'; clock: Clock } | { at: number; type: 'visit' };

function visitsFrom(from: number, until: number): number[] {
  const visits: number[] = [];
  for (let day = Math.floor((from - START) / DAY_MS) - 1; START + day * DAY_MS <= until; day += 1) {
    for (const hour of VISIT_HOURS) {
      const at = START + day * DAY_MS + hour * HOUR_MS;
      if (at >= from && at <= until) visits.push(at);
    }
  }
  return visits;
}


function pick(random: Random, weights: readonly number[]): number {
  let roll = random.next();
  for (let i = 0; i < weights.length; i += 1) {
    roll -= weights[i] as number;
    if (roll < 0) return i;
  }
  return weights.length - 1;
}

function clock(kind: LeadTimeKind, orderSn: string, dueAt: number, openAt: number, seenAt: number, closedAt: number): Clock {
  return {
    kind,
    dueAt,
    openAt,
    seenAt,
    closedAt,
    firstWarnAt: null,
    finding: { shopId: SHOP, orderSn, kind, severity: 'warn', dueAt, openedAt: openAt, verified: kind !== 'pickup_by' },
  };
}

/** The readings this poller would take of a parcel until one shows the scan (null: none before `until`). */
function firstReadingAfterScan(random: Random, shippedAt: number, scanAt: number, until: number): { firstAt: number; seenScanAt: number | null } {
  const firstAt = shippedAt + MINUTE_MS;
  let at = firstAt;
  const queryTimes: number[] = [];
  for (;;) {
    if (at >= scanAt) return { firstAt, seenScanAt: at };
    const candidate: PollCandidate = {
      shopId: SHOP,
      trackingNumber: 'ZT',
      status: 'unknown',
      read: queryTimes.length > 0,
      shippedAt,
      lastEventAt: null,
      orderOpen: true,
      pickupDueAt: shippedAt + hoursToMs(DEFAULT_POLICY.pickupHours),
      interceptOpen: false,
      queryTimes: [...queryTimes],
      consecutiveFailures: 0,
      needsInput: null,
      dueAt: at,
    };
    const next = nextCheckAfterReading(candidate, 'unknown', null, at, DEFAULT_POLICY, () => random.next());
    queryTimes.push(at);
    if (queryTimes.length > 48) queryTimes.shift();
    if (next === null || next > until) return { firstAt, seenScanAt: null };
    at = next;
  }
}

function plannedMonth(): { clocks: Clock[]; visits: number[] } {
  const random = createRandom(SEED);
  const visits = visitsFrom(START, END + 10 * DAY_MS);
  const clocks: Clock[] = [];
  let serial = 0;
  for (let day = 0; day < DAYS; day += 1) {
    for (let i = 0; i < ORDERS_PER_DAY; i += 1) {
      serial += 1;
      const orderSn = `260302-${String(100_000_000_000_000 + serial)}`;
      const paidAt = Math.round(START + day * DAY_MS + hoursToMs(random.chance(0.8) ? random.between(8, 23) : random.between(23, 32)));
      const shipDue = paidAt + hoursToMs(random.chance(0.7) ? 48 : 24);
      const seenIndex = firstAtOrAfter(visits, paidAt);
      const seenAt = visits[seenIndex] as number;
      const shipAt = visits[seenIndex + ([0, 1, 2, 3, 6][pick(random, [0.6, 0.25, 0.1, 0.04, 0.01])] as number)] as number;
      clocks.push(clock('ship_by', orderSn, shipDue, seenAt, seenAt, shipAt));

      const pickupDue = shipAt + hoursToMs(DEFAULT_POLICY.pickupHours);
      const path = pick(random, [0.96, 0.01, 0.02, 0.01]);
      const scanAt = path === 3 ? Infinity : shipAt + hoursToMs(path === 0 ? random.between(0.5, 6) : path === 1 ? random.between(20, 23) : random.between(14, 40));
      const refundedAt = path === 3 ? shipAt + hoursToMs(random.between(30, 72)) : Infinity;
      const refundSeenAt = refundedAt === Infinity ? Infinity : (visits[firstAtOrAfter(visits, refundedAt)] as number);
      const readings = firstReadingAfterScan(random, shipAt, scanAt, Math.min(refundSeenAt, shipAt + 10 * DAY_MS));
      clocks.push(clock('pickup_by', orderSn, pickupDue, shipAt, readings.firstAt, Math.min(readings.seenScanAt ?? Infinity, refundSeenAt)));

      if (random.chance(0.05)) {
        const caseAt = paidAt + hoursToMs(random.between(2, 120));
        const replyDue = Math.round(caseAt + hoursToMs(random.chance(0.85) ? random.between(24, 48) : random.between(6, 14)));
        const caseSeenIndex = firstAtOrAfter(visits, caseAt);
        const caseSeenAt = visits[caseSeenIndex] as number;
        const answer = pick(random, [0.7, 0.2, 0.08, 0.02]);
        const answeredAt = answer === 3 ? replyDue + HOUR_MS : (visits[caseSeenIndex + answer] as number);
        clocks.push(clock('after_sale_reply_by', orderSn, replyDue, caseSeenAt, caseSeenAt, answeredAt));
      }
    }
  }
  return { clocks, visits };
}

interface Outcome {
  label: string;
  counts: Record<LeadTimeKind, { deadlines: number; done: number; seenLate: number; warnedInTime: number; warnedLate: number; never: number }>;
  notifications: number;
  shownInQuiet: number;
  runs: number;
  plannerMs: number[];
  maxOpen: number;
}

function simulate(label: string, settings: NotificationSettings): Outcome {
  const { clocks, visits } = plannedMonth();
  const events: Event[] = [];
  for (const c of clocks) {
    if (c.closedAt <= c.openAt) continue; // closed at the visit it was seen: never open
    events.push({ at: c.openAt, type: 'open', clock: c });
    if (c.kind === 'pickup_by' && c.seenAt < c.closedAt) events.push({ at: c.seenAt, type: 'verify', clock: c });
    if (c.closedAt !== Infinity) events.push({ at: c.closedAt, type: 'close', clock: c });
  }
  for (const at of visits) if (at <= END) events.push({ at, type: 'visit' });
  const order = { close: 0, open: 1, verify: 2, visit: 3 } as const;
  events.sort((a, b) => a.at - b.at || order[a.type] - order[b.type]);

  const byKey = new Map<string, Clock>();
  for (const c of clocks) byKey.set(`${c.kind}|${c.finding.orderSn}`, c);
  const open = new Set<Clock>();
  const sent: SentEntry[] = [];
  let logStart = 0;
  let lastRunAt: number | null = null;
  let alarm: number | null = null;
  let notifications = 0;
  let shownInQuiet = 0;
  let runs = 0;
  let maxOpen = 0;
  const plannerMs: number[] = [];
  const mutes = { orders: {}, kinds: {}, handled: {} };

  const runPlanner = (now: number): void => {
    while (logStart < sent.length && (sent[logStart] as SentEntry).sentAt < now - LOG_KEEP_MS) logStart += 1;
    if (logStart > 50_000) {
      sent.splice(0, logStart);
      logStart = 0;
    }
    const findings: PlanFinding[] = [];
    for (const c of open) findings.push(c.finding);
    maxOpen = Math.max(maxOpen, findings.length);
    const started = performance.now();
    const plan = planNotifications({
      now,
      findings,
      settings,
      sent: logStart === 0 ? sent : sent.slice(logStart),
      mutes,
      lastRunAt,
      timeZone: 'Asia/Shanghai',
      shopNames: { [SHOP]: '模拟店' },
      lang: 'zh',
    });
    plannerMs.push(performance.now() - started);
    runs += 1;
    lastRunAt = now;
    if (plan.show.length > 0 && settings.quietHours !== null && quietPeriodAt(quietPeriodsAround(now, settings.quietHours, 'Asia/Shanghai'), now) !== null) {
      shownInQuiet += plan.show.length;
    }
    for (const shown of plan.show) {
      notifications += 1;
      sent.push({ shopId: shown.shopId, key: shown.key, sentAt: now });
      for (const key of shown.covers) {
        sent.push({ shopId: shown.shopId, key, sentAt: now });
        const [type, kind, , orderSn] = key.split(':');
        if (type !== 'lead') continue;
        const c = byKey.get(`${kind}|${orderSn}`);
        if (c !== undefined) c.firstWarnAt ??= now;
      }
    }
    alarm = plan.nextDueAt === null ? null : Math.max(plan.nextDueAt, now + ALARM_MIN_MS);
  };

  let index = 0;
  for (;;) {
    const nextEvent = index < events.length ? (events[index] as Event).at : Infinity;
    const now = Math.min(nextEvent, alarm ?? Infinity);
    if (now > END + DAY_MS) break;
    let trigger = now === alarm;
    while (index < events.length && (events[index] as Event).at === now) {
      const event = events[index] as Event;
      index += 1;
      if (event.type === 'visit') trigger = true;
      else if (event.type === 'open') open.add(event.clock);
      else if (event.type === 'close') open.delete(event.clock);
      else {
        event.clock.finding.verified = true;
        trigger = true; // the poll cycle that read it asks for a notifier run
      }
    }
    if (trigger) runPlanner(now);
  }

  const counts = Object.fromEntries(KINDS.map((kind) => [kind, { deadlines: 0, done: 0, seenLate: 0, warnedInTime: 0, warnedLate: 0, never: 0 }])) as Outcome['counts'];
  for (const c of clocks) {
    if (c.dueAt < START + DAY_MS || c.dueAt > END) continue;
    // pickup_by counts once a trace was read before it ran out.
    if (c.kind === 'pickup_by' && c.seenAt >= c.dueAt) continue;
    const row = counts[c.kind];
    row.deadlines += 1;
    const mark = c.dueAt - HOUR_MS;
    if (c.closedAt <= mark) row.done += 1;
    else if (c.seenAt > mark) row.seenLate += 1;
    else if (c.firstWarnAt === null) row.never += 1;
    else if (c.firstWarnAt <= mark) row.warnedInTime += 1;
    else row.warnedLate += 1;
  }
  return { label, counts, notifications, shownInQuiet, runs, plannerMs, maxOpen };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

function table(outcome: Outcome): { deadlines: number; late: number; never: number } {
  const rows: [string, (row: Outcome['counts'][LeadTimeKind]) => number][] = [
    ['deadlines', (row) => row.deadlines],
    ['  done ≥ 1 h before (no warning needed)', (row) => row.done],
    ['  still open 1 h before:', (row) => row.deadlines - row.done],
    ['    first seen < 1 h before (cannot be warned in time)', (row) => row.seenLate],
    ['    warned ≥ 1 h before', (row) => row.warnedInTime],
    ['    warned later', (row) => row.warnedLate],
    ['    never warned', (row) => row.never],
  ];
  const header = ['', ...KINDS, 'all'];
  const body = rows.map(([name, of]) => {
    const values = KINDS.map((kind) => of(outcome.counts[kind]));
    return [name, ...values.map(String), String(values.reduce((a, b) => a + b, 0))];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join(' | ')} |`;
  console.log(`-- ${outcome.label}`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of body) console.log(line(row));
  const sum = (of: (row: Outcome['counts'][LeadTimeKind]) => number) => KINDS.reduce((total, kind) => total + of(outcome.counts[kind]), 0);
  const deadlines = sum((row) => row.deadlines);
  const atRisk = deadlines - sum((row) => row.done);
  console.log(
    `notifications ${outcome.notifications} (${((10 * outcome.notifications) / deadlines).toFixed(2)} per 10 deadlines, ${((10 * outcome.notifications) / atRisk).toFixed(1)} per 10 still open 1 h before, ${(outcome.notifications / DAYS).toFixed(1)} a day); planner runs ${outcome.runs}, up to ${outcome.maxOpen} open clocks, planner p50 ${quantile(outcome.plannerMs, 0.5).toFixed(2)} ms, max ${Math.max(...outcome.plannerMs).toFixed(2)} ms; shown in quiet hours ${outcome.shownInQuiet}`,
  );
  return { deadlines, late: sum((row) => row.warnedLate), never: sum((row) => row.never) };
}

/** 10,000 open findings (clocks due over the next two days, anomalies, unverified pickups) and a 20,000-row log. */
function plannerBench(): { p50: number; p95: number } {
  const random = createRandom(SEED + 1);
  const now = START + 5 * DAY_MS + 12 * HOUR_MS;
  const findings: PlanFinding[] = [];
  const sent: SentEntry[] = [];
  const anomalyKinds = ['rejected', 'returning', 'tracking_invalid', 'stalled'] as const;
  for (let i = 0; i < 10_000; i += 1) {
    const orderSn = `260307-${String(100_000_000_000_000 + i)}`;
    const roll = random.next();
    if (roll < 0.9) {
      const kind = KINDS[i % 3] as LeadTimeKind;
      const dueAt = Math.round(now + hoursToMs(random.between(-4, 48)));
      findings.push({ shopId: SHOP, orderSn, kind, severity: 'warn', dueAt, openedAt: now - DAY_MS, verified: random.chance(0.9) });
      if (dueAt - now < 6 * HOUR_MS) sent.push({ shopId: SHOP, key: `lead:${kind}:${settingsLead(kind)}:${orderSn}`, sentAt: now - HOUR_MS });
    } else {
      const kind = anomalyKinds[i % 4] as (typeof anomalyKinds)[number];
      const openedAt = now - Math.round(hoursToMs(random.between(0, 48)));
      findings.push({ shopId: SHOP, orderSn, kind, severity: 'critical', dueAt: null, openedAt, verified: true });
      sent.push({ shopId: SHOP, key: `anomaly:${kind}:${orderSn}:${openedAt}`, sentAt: openedAt });
    }
  }
  while (sent.length < 20_000) sent.push({ shopId: SHOP, key: `lead:ship_by:4:old-${sent.length}`, sentAt: now - 3 * DAY_MS });
  const input = { now, findings, settings: structuredClone(DEFAULT_NOTIFICATION_SETTINGS), sent, mutes: { orders: {}, kinds: {}, handled: {} }, lastRunAt: now - MINUTE_MS, timeZone: 'Asia/Shanghai', shopNames: { [SHOP]: '模拟店' }, lang: 'zh' as const };
  for (let i = 0; i < 20; i += 1) planNotifications(input);
  const times: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const started = performance.now();
    planNotifications(input);
    times.push(performance.now() - started);
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

function settingsLead(kind: LeadTimeKind): number {
  return DEFAULT_NOTIFICATION_SETTINGS.leadHours[kind][0] as number;
}

function main(): void {
  const started = performance.now();
  console.log(`notification simulation: ${ORDERS_PER_DAY} orders a day for ${DAYS} days, console visits ${VISIT_HOURS.map((h) => `${h}:00`).join(' ')} Beijing time, seed ${SEED}`);
  const defaults = simulate('default settings (ship_by 4/1 h, pickup_by 8/2 h, after_sale_reply_by 6/1 h, digests on, no quiet hours)', structuredClone(DEFAULT_NOTIFICATION_SETTINGS));
  const result = table(defaults);
  const quiet = simulate('the same with quiet hours 23:00–07:00', { ...structuredClone(DEFAULT_NOTIFICATION_SETTINGS), quietHours: { start: '23:00', end: '07:00' } });
  const quietResult = table(quiet);
  const bench = plannerBench();
  console.log(`planner, 10,000 open findings and a 20,000-row log: p50 ${bench.p50.toFixed(2)} ms, p95 ${bench.p95.toFixed(2)} ms`);
  const budgets: [string, boolean][] = [
    [`0 never warned among deadlines seen in time (${result.never})`, result.never === 0],
    [`0 warned late among deadlines seen in time (${result.late})`, result.late === 0],
    [`≤ 1 notification per 10 deadlines (${((10 * defaults.notifications) / result.deadlines).toFixed(2)})`, defaults.notifications * 10 <= result.deadlines],
    [`with quiet hours 23:00–07:00: 0 never warned, 0 warned late, nothing shown inside them (${quietResult.never}, ${quietResult.late}, ${quiet.shownInQuiet})`, quietResult.never === 0 && quietResult.late === 0 && quiet.shownInQuiet === 0],
    [`planner p50 ≤ 5 ms for 10,000 open findings (${bench.p50.toFixed(2)} ms)`, bench.p50 <= 5],
  ];
  for (const [text, pass] of budgets) console.log(`${pass ? 'PASS' : 'FAIL'} ${text}`);
  console.log(`simulated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (budgets.some(([, pass]) => !pass)) process.exitCode = 1;
}

main();
