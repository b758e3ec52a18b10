// The notification planner (issue 12): from the open findings, the settings, the log of what was sent and the
// mutes, what to show now and when the next decision is due. Pure: `now` is passed in, nothing is remembered
// between runs but what the caller persists (the log, lastRunAt), so a restarted worker decides the same.
//
// Items. A lead item is one clock finding's lead mark (`dueAt − hours`), keyed `lead:<kind>:<hours>:<orderSn>`;
// a finding whose several marks have passed unsent (first seen late) is one item covering all of them, told
// by its smallest. An anomaly item is a notifying critical anomaly, keyed `anomaly:<kind>:<orderSn>:<openedAt>`.
// Unverified pickups are never items: once their first mark has passed they are counted in one summary a
// day per shop (`unverified:<yyyy-mm-dd>`, the merchant's date).
//
// Each run, per shop: nothing while quiet hours last (a clock whose last mark falls inside them is warned
// 15 minutes before they start); at the first run after them, one summary of what they held back
// (`quiet-summary:<end>`); when a known finding's mark passed more than 10 minutes before the run and after
// the last one (the computer slept through the alarm), one catch-up summary of what came due meanwhile
// (`catch-up:<minute>`). Otherwise the items whose mark has passed are shown; with digests on, a mark
// passing also brings forward the shop's marks due within the next 30 minutes (warned a little early rather
// than once a minute), and two or more items are one digest (`digest:<minute>:<hash>`). A mark passing
// after its deadline is never shown on its own (the badge says breached); a summary counts it.
import { severalShops } from '../db/records';
import { SEVERITY_RANK, type Severity } from '../findings/severity';
import { KIND_LABELS } from '../findings/registry';
import { HOUR_MS, MINUTE_MS, formatRemaining } from '../time/shanghai';
import { LEAD_TIME_KINDS, NOTIFY_ANOMALY_KINDS } from '../settings/notification-settings';
import type { LeadTimeKind, NotifyAnomalyKind, Plan, PlanFinding, PlanInput, PlannedNotification } from './types';
import { lastQuietPeriodBefore, nextDayStart, quietPeriodAt, quietPeriodsAround, wallDayKey, type Period } from './wall-time';
import * as words from './words';
import { instantFormatter } from '../explain/format-instant';

/** With digests on, a passing mark brings forward the shop's marks due within this much. */
export const DIGEST_WINDOW_MS = 30 * MINUTE_MS;
/** A mark missed by more than this since the last run means the computer slept (or the browser was closed): one catch-up summary. */
export const SLEEP_GAP_MS = 10 * MINUTE_MS;
/** A clock that would run out during quiet hours (or within its last lead after them) is warned this long before they start. */
export const PRE_QUIET_MS = 15 * MINUTE_MS;
/** A digest names its orders up to this many. */
export const NAMED_ORDERS_MAX = 3;

const LEAD_KINDS: ReadonlySet<string> = new Set(LEAD_TIME_KINDS);
const ANOMALY_KINDS: ReadonlySet<string> = new Set(NOTIFY_ANOMALY_KINDS);

interface LeadItem {
  type: 'lead';
  finding: PlanFinding;
  kind: LeadTimeKind;
  dueAt: number;
  /** The smallest lead reached, in hours: what the notification says. */
  hours: number;
  /** Every unsent mark's key this item covers, largest lead first. */
  keys: string[];
  /** The earliest unsent mark. */
  trigger: number;
}

interface AnomalyItem {
  type: 'anomaly';
  finding: PlanFinding;
  key: string;
  trigger: number;
}

type Item = LeadItem | AnomalyItem;

interface ShopWork {
  /** Lead items whose mark has passed and anomalies: due now. */
  due: Item[];
  /** Lead items whose first unsent mark is within the digest window. */
  soon: LeadItem[];
  unverified: number;
  unverifiedSeverity: Severity;
}

function shopWork(byShop: Map<string, ShopWork>, shopId: string): ShopWork {
  let work = byShop.get(shopId);
  if (work === undefined) {
    work = { due: [], soon: [], unverified: 0, unverifiedSeverity: 'info' };
    byShop.set(shopId, work);
  }
  return work;
}

function worse(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

/** FNV-1a of the sorted keys, base 36: the same items give the same digest key after a restart. */
function keysHash(keys: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const key of [...keys].sort()) {
    for (let i = 0; i < key.length; i += 1) {
      hash ^= key.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 10;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

const TIME_FORMATS = new Map<string, (ms: number) => string>();

/** The project's one instant format (the merchant's zone, Beijing time after it elsewhere), one formatter per zone and language. */
function localTime(ms: number, timeZone: string, lang: 'zh' | 'en'): string {
  const id = `${timeZone}|${lang}`;
  let format = TIME_FORMATS.get(id);
  if (format === undefined) {
    format = instantFormatter(lang, timeZone);
    TIME_FORMATS.set(id, format);
  }
  return format(ms);
}

/** Hours the title may honestly say for items due by `latestDueAt`: the lead, or the remaining time to the half hour above. */
function displayHours(hours: number, latestDueAt: number, now: number): number {
  const halfHours = Math.ceil((latestDueAt - now) / (HOUR_MS / 2));
  return Math.max(hours, halfHours / 2);
}

interface Context {
  input: PlanInput;
  several: boolean;
}

function titled(context: Context, shopId: string, title: string): string {
  if (!context.several) return title;
  return words.shopTitle(context.input.shopNames[shopId] ?? shopId, title, context.input.lang);
}

function itemKeys(item: Item): string[] {
  return item.type === 'lead' ? item.keys : [item.key];
}

function single(context: Context, shopId: string, item: Item): PlannedNotification {
  const { now, lang, timeZone } = context.input;
  const finding = item.finding;
  if (item.type === 'anomaly') {
    return {
      key: item.key,
      shopId,
      covers: [item.key],
      orderSns: [finding.orderSn],
      kind: finding.kind,
      severity: finding.severity,
      title: titled(context, shopId, words.anomalyTitle(finding.kind, finding.orderSn, lang)),
      body: words.anomalyBody(lang),
    };
  }
  return {
    key: item.keys[item.keys.length - 1] as string,
    shopId,
    covers: item.keys,
    orderSns: [finding.orderSn],
    kind: finding.kind,
    severity: finding.severity,
    title: titled(context, shopId, words.singleLeadTitle(item.kind, finding.orderSn, displayHours(item.hours, item.dueAt, now), lang)),
    body: words.dueLine(localTime(item.dueAt, timeZone, lang), formatRemaining(item.dueAt - now, lang), lang),
  };
}

/** The lines of a digest or summary: one per lead group (kind and hours), the anomalies, overdue, unverified, the orders when few. */
function describe(context: Context, items: readonly Item[], unverified: number): { lines: string[]; orderSns: string[]; groupTitle: string | null } {
  const { now, lang } = context.input;
  const groups = new Map<string, { kind: LeadTimeKind; hours: number; count: number; latestDueAt: number }>();
  const anomalyLabels: string[] = [];
  let anomalies = 0;
  let overdue = 0;
  const orderSns: string[] = [];
  const seenOrders = new Set<string>();
  for (const item of items) {
    const orderSn = item.finding.orderSn;
    if (!seenOrders.has(orderSn)) {
      seenOrders.add(orderSn);
      orderSns.push(orderSn);
    }
    if (item.type === 'anomaly') {
      anomalies += 1;
      const label = KIND_LABELS[item.finding.kind][lang];
      if (!anomalyLabels.includes(label)) anomalyLabels.push(label);
      continue;
    }
    if (item.dueAt <= now) {
      overdue += 1;
      continue;
    }
    const id = `${item.kind}:${item.hours}`;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { kind: item.kind, hours: item.hours, count: 1, latestDueAt: item.dueAt });
    else {
      group.count += 1;
      group.latestDueAt = Math.max(group.latestDueAt, item.dueAt);
    }
  }
  const lines: string[] = [];
  for (const group of [...groups.values()].sort((a, b) => a.hours - b.hours || LEAD_TIME_KINDS.indexOf(a.kind) - LEAD_TIME_KINDS.indexOf(b.kind))) {
    lines.push(words.leadLine(group.kind, group.count, displayHours(group.hours, group.latestDueAt, now), lang));
  }
  if (anomalies > 0) lines.push(words.anomalyLine(anomalies, anomalyLabels, lang));
  if (overdue > 0) lines.push(words.overdueLine(overdue, lang));
  if (unverified > 0) lines.push(words.unverifiedCount(unverified, lang));
  const onlyGroup = groups.size === 1 && anomalies === 0 && overdue === 0 && unverified === 0 ? (lines[0] ?? null) : null;
  return { lines, orderSns, groupTitle: onlyGroup };
}

function severityOf(items: readonly Item[], base: Severity): Severity {
  let severity = base;
  for (const item of items) severity = worse(severity, item.finding.severity);
  return severity;
}

function digest(context: Context, shopId: string, items: readonly Item[]): PlannedNotification {
  const { now, lang } = context.input;
  const covers = items.flatMap(itemKeys);
  const { lines, orderSns, groupTitle } = describe(context, items, 0);
  const title = groupTitle ?? words.digestTitle(items.length, lang);
  const body = groupTitle === null ? lines : [];
  if (orderSns.length <= NAMED_ORDERS_MAX) body.push(words.ordersLine(orderSns, lang));
  return {
    key: `digest:${Math.floor(now / MINUTE_MS)}:${keysHash(covers)}`,
    shopId,
    covers,
    orderSns,
    kind: 'digest',
    severity: severityOf(items, 'info'),
    title: titled(context, shopId, title),
    body: body.join('\n'),
  };
}

function summary(
  context: Context,
  shopId: string,
  key: string,
  title: string,
  items: readonly Item[],
  unverified: { count: number; key: string; severity: Severity } | null,
): PlannedNotification {
  const { lang } = context.input;
  const covers = items.flatMap(itemKeys);
  if (unverified !== null) covers.push(unverified.key);
  const { lines, orderSns } = describe(context, items, unverified?.count ?? 0);
  if (orderSns.length <= NAMED_ORDERS_MAX && orderSns.length > 0) lines.push(words.ordersLine(orderSns, lang));
  return {
    key,
    shopId,
    covers,
    orderSns,
    kind: 'summary',
    severity: severityOf(items, unverified?.severity ?? 'info'),
    title: titled(context, shopId, title),
    body: lines.join('\n'),
  };
}

export function planNotifications(input: PlanInput): Plan {
  const { now, settings, mutes } = input;
  if (!settings.enabled) return { show: [], nextDueAt: null };
  // The log by shop, then key: no string built per row (the log holds tens of thousands).
  const sentByShop = new Map<string, Set<string>>();
  let lastShop: string | null = null;
  let lastSet = new Set<string>();
  for (const entry of input.sent) {
    if (entry.shopId !== lastShop) {
      lastShop = entry.shopId;
      let keys = sentByShop.get(lastShop);
      if (keys === undefined) sentByShop.set(lastShop, (keys = new Set()));
      lastSet = keys;
    }
    lastSet.add(entry.key);
  }
  const sent = { has: (shopId: string, key: string): boolean => sentByShop.get(shopId)?.has(key) === true };
  const orderMutes = Object.keys(mutes.orders).length > 0;
  const handledMarks = Object.keys(mutes.handled).length > 0;
  const horizon = now + (settings.digest ? DIGEST_WINDOW_MS : 0);
  const leadHours = {} as Record<LeadTimeKind, number[]>;
  for (const kind of LEAD_TIME_KINDS) {
    leadHours[kind] = [...new Set(settings.leadHours[kind].filter((hours) => Number.isFinite(hours) && hours > 0))].sort((a, b) => b - a);
  }
  let next = Infinity;
  const consider = (at: number): void => {
    if (at > now && at < next) next = at;
  };

  const periods = settings.quietHours === null ? [] : quietPeriodsAround(now, settings.quietHours, input.timeZone);
  const quietNow = quietPeriodAt(periods, now);
  const nextQuiet = quietNow === null ? (periods.find((period) => period.start > now) ?? null) : null;
  const preQuietAt = nextQuiet === null ? null : nextQuiet.start - PRE_QUIET_MS;

  const byShop = new Map<string, ShopWork>();
  for (const finding of input.findings) {
    const { shopId, orderSn, kind } = finding;
    const orderId = orderMutes || handledMarks ? `${shopId}|${orderSn}` : '';
    const handledAt = handledMarks ? mutes.handled[orderId] : undefined;
    if (handledAt !== undefined && finding.openedAt <= handledAt) continue;
    const mutedUntil = Math.max(orderMutes ? (mutes.orders[orderId] ?? 0) : 0, mutes.kinds[kind] ?? 0);
    const muted = mutedUntil > now;

    if (LEAD_KINDS.has(kind)) {
      const dueAt = finding.dueAt;
      if (dueAt === null) continue;
      const leadKind = kind as LeadTimeKind;
      const leads = leadHours[leadKind];
      const largest = leads[0];
      if (largest === undefined) continue;
      if (leadKind === 'pickup_by' && !finding.verified) {
        const firstMark = dueAt - largest * HOUR_MS;
        if (muted) consider(Math.max(firstMark, mutedUntil));
        else if (firstMark > now) consider(firstMark);
        else {
          const work = shopWork(byShop, shopId);
          work.unverified += 1;
          work.unverifiedSeverity = worse(work.unverifiedSeverity, finding.severity);
        }
        continue;
      }
      // A clock whose last mark falls within the coming quiet hours (or just before them) is warned before they
      // start: after them it could not be warned in time.
      const lastMark = dueAt - (leads[leads.length - 1] as number) * HOUR_MS;
      const beforeQuiet = preQuietAt !== null && lastMark >= preQuietAt && lastMark < (nextQuiet as Period).end ? preQuietAt : Infinity;
      let keys: string[] | null = null;
      let trigger = 0;
      let hours = 0;
      for (const lead of leads) {
        const mark = Math.min(dueAt - lead * HOUR_MS, beforeQuiet);
        if (mark > horizon) {
          consider(muted ? Math.max(mark, mutedUntil) : mark);
          break;
        }
        const key = `lead:${leadKind}:${lead}:${orderSn}`;
        if (sent.has(shopId, key)) continue;
        if (keys === null) {
          keys = [key];
          trigger = mark;
        } else keys.push(key);
        hours = lead;
      }
      if (keys === null) continue;
      if (muted) {
        if (mutedUntil < dueAt) consider(Math.max(trigger, mutedUntil));
        continue;
      }
      const item: LeadItem = { type: 'lead', finding, kind: leadKind, dueAt, hours, keys, trigger };
      const work = shopWork(byShop, shopId);
      if (trigger <= now) work.due.push(item);
      else work.soon.push(item);
      continue;
    }

    if (ANOMALY_KINDS.has(kind) && settings.anomalies[kind as NotifyAnomalyKind]) {
      const key = `anomaly:${kind}:${orderSn}:${finding.openedAt}`;
      if (sent.has(shopId, key)) continue;
      if (muted) {
        consider(mutedUntil);
        continue;
      }
      shopWork(byShop, shopId).due.push({ type: 'anomaly', finding, key, trigger: finding.openedAt });
    }
  }

  // The placeholder of captures that named no shop is no shop of the merchant's: one real shop and it still reads unprefixed.
  const several = severalShops(Object.keys(input.shopNames));
  const context: Context = { input, several };
  const show: PlannedNotification[] = [];
  const lastQuiet = quietNow === null ? lastQuietPeriodBefore(periods, now) : null;
  const dayKey = `unverified:${wallDayKey(now, input.timeZone)}`;
  const lastRunAt = input.lastRunAt;

  for (const shopId of [...byShop.keys()].sort()) {
    const work = byShop.get(shopId) as ShopWork;
    const unverifiedDue = work.unverified > 0 && !sent.has(shopId, dayKey);
    if (work.unverified > 0) consider(nextDayStart(now, input.timeZone));
    if (quietNow !== null) {
      if (work.due.length > 0 || unverifiedDue) consider(quietNow.end);
      for (const item of work.soon) consider(item.trigger);
      continue;
    }
    const unverified = unverifiedDue ? { count: work.unverified, key: dayKey, severity: work.unverifiedSeverity } : null;
    /** `from`: where a mark counts as held back (for quiet hours, from the run just before them). */
    const summaryOf = (window: Period, from: number, key: string, title: (count: number) => string): PlannedNotification | null => {
      if (sent.has(shopId, key)) return null;
      // What came due within the window, and what is due now anyway; a mark past its deadline only if it passed within the window.
      if (!work.due.some((item) => item.trigger >= from && item.trigger < window.end)) return null;
      const items: Item[] = work.due.filter((item) => item.type === 'anomaly' || item.dueAt > now || item.trigger >= window.start);
      items.push(...work.soon);
      return summary(context, shopId, key, title(items.length), items, unverified);
    };
    let held: PlannedNotification | null = null;
    if (lastQuiet !== null) held = summaryOf(lastQuiet, lastQuiet.start - PRE_QUIET_MS, `quiet-summary:${lastQuiet.end}`, (count) => words.quietSummaryTitle(count, input.lang));
    // Slept: a mark of a finding already known passed more than 10 minutes ago, after the last run (the alarm
    // would have run at it). A finding first seen after its mark is no sign of sleep.
    if (held === null && lastRunAt !== null && work.due.length >= 2) {
      const missed = work.due.some((item) => item.trigger > lastRunAt && item.trigger <= now - SLEEP_GAP_MS && item.finding.openedAt <= item.trigger);
      const minute = Math.floor(now / MINUTE_MS);
      if (missed) held = summaryOf({ start: lastRunAt + 1, end: now + 1 }, lastRunAt + 1, `catch-up:${minute}`, (count) => words.catchUpTitle(count, input.lang));
    }
    if (held !== null) {
      show.push(held);
      continue;
    }

    const due = work.due.filter((item) => item.type === 'anomaly' || item.dueAt > now);
    if (due.length === 0) {
      for (const item of work.soon) consider(item.trigger);
    } else if (settings.digest) {
      const items: Item[] = [...due, ...work.soon];
      show.push(items.length === 1 ? single(context, shopId, items[0] as Item) : digest(context, shopId, items));
    } else {
      for (const item of due) show.push(single(context, shopId, item));
      for (const item of work.soon) consider(item.trigger);
    }
    if (unverified !== null) {
      show.push({
        key: dayKey,
        shopId,
        covers: [dayKey],
        orderSns: [],
        kind: 'summary',
        severity: unverified.severity,
        title: titled(context, shopId, words.unverifiedCount(unverified.count, input.lang)),
        body: words.unverifiedBody(input.lang),
      });
    }
  }

  if (next !== Infinity && settings.quietHours !== null) {
    // A decision inside quiet hours waits for their end; a run just before they start comes first (where the
    // clocks running out inside them are warned), unless this is it.
    const quietAtNext = quietPeriodAt(quietPeriodsAround(next, settings.quietHours, input.timeZone), next);
    if (quietAtNext !== null) next = quietAtNext.start - PRE_QUIET_MS > now ? quietAtNext.start - PRE_QUIET_MS : quietAtNext.end;
  }
  show.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { show, nextDueAt: next === Infinity ? null : next };
}

