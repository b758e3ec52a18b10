// The dashboard's trends, per Beijing day over the last 30 days, from the local history alone. Pure (no
// browser, no clock): `now` comes in, orders arrive one at a time (the worker streams them in chunks).
//
// Definitions (parcel, logistics anomaly: ./parcels.ts):
// - days: the Beijing days (00:00–24:00 Asia/Shanghai) ending with the one that holds `now`; that last day
//   ends at `now`;
// - at risk on a day: the order had a finding that was open at some instant of the day (from `openedAt`
//   up to, not including, `closedAt`) with a severity of warn or worse at that instant. A clock's severity
//   at an instant is its own bands' (registry `severityAt`); they only rise until the due time and then
//   hold (breached, or warn for an unverified pickup) or end (a window), so the day's last open instant and
//   the due time, when it falls in the day, decide. An anomaly keeps its recorded severity;
// - exception rate of a day: parcels in transit that day with a logistics anomaly opened that day ÷ parcels
//   in transit that day (null when none was). In transit: uploaded before the day ended and not arrived
//   before it began (parcels.ts journeyEndOf: signed for, back with the sender, or the order closed);
// - breaches, per clock kind that can run out (BREACH_CLOCK_KINDS):
//   incurred: the clock ran out while its finding was open (due before it closed, or open past due and
//   past `now`), and its bands would call it breached then (an unverified pickup or a ship-by with the
//   delay relief cannot be: they are never breached); counted on the due time's day;
//   avoided: the finding closed at or before its due time (shipped, picked up, answered — or the order
//   was cancelled) after the extension had shown it at warn or worse (the recorded severity, the last
//   one before it closed) or had sent a notification about it while it was open; counted on the closing day.
import { SEVERITY_RANK } from '../findings/severity';
import { severityAt, type Finding, type FindingKind } from '../findings/registry';
import { findingOfRecord } from '../ingest/reconcile-findings';
import type { FindingRecord } from '../db/records';
import { DAY_MS, shanghaiDateTime, shanghaiMidnight } from '../time/shanghai';
import { LOGISTICS_ANOMALY_KINDS, isParcel, journeyEndOf, parcelKey, type ParcelOrder, type ParcelWaybill } from './parcels';

/** The clocks that are duties with a penalty when they run out; the other clocks are windows that just close. */
export const BREACH_CLOCK_KINDS: readonly FindingKind[] = ['ship_by', 'pickup_by', 'after_sale_reply_by'];

export const TREND_DAYS = 30;

export interface TrendDay {
  /** Epoch ms of 00:00 Beijing time. */
  start: number;
  /** 'yyyy-MM-dd' in Beijing. */
  date: string;
  /** Where the day's figures end: its next midnight, or `now` for today, which is not over yet. */
  endsAt: number;
  atRisk: number;
  parcelsInTransit: number;
  anomalyParcels: number;
  /** anomalyParcels ÷ parcelsInTransit, 0–1; null when no parcel was in transit. */
  exceptionRate: number | null;
  avoided: number;
  incurred: number;
}

export interface BreachTally {
  kind: FindingKind;
  avoided: number;
  incurred: number;
}

export interface Trends {
  days: TrendDay[];
  /** Over all the days, one entry per BREACH_CLOCK_KINDS kind in that order. */
  breaches: BreachTally[];
}

/** A notification sent about an order (the log's rows for the order: ../db/records StoredNotification). */
export interface SentNotification {
  kind: FindingKind | null;
  sentAt: number;
}

export interface TrendsAccumulator {
  add(order: ParcelOrder, waybill: ParcelWaybill | undefined, notifications: readonly SentNotification[]): void;
  result(): Trends;
}

/** The trends' days: from 00:00 Beijing time of the first of `dayCount` days (today the last) to `now`. */
export function trendWindow(now: number, dayCount: number = TREND_DAYS): { from: number; to: number } {
  return { from: shanghaiMidnight(now) - (dayCount - 1) * DAY_MS, to: now };
}

export function trendsAccumulator(now: number, dayCount: number = TREND_DAYS): TrendsAccumulator {
  const first = trendWindow(now, dayCount).from;
  /** Instants up to and including `now` belong to the window. */
  const end = now + 1;
  const days: TrendDay[] = Array.from({ length: dayCount }, (_, index) => {
    const start = first + index * DAY_MS;
    return { start, date: shanghaiDateTime(start)!.slice(0, 10), endsAt: Math.min(start + DAY_MS, now), atRisk: 0, parcelsInTransit: 0, anomalyParcels: 0, exceptionRate: null, avoided: 0, incurred: 0 };
  });
  const breaches = new Map<FindingKind, BreachTally>(BREACH_CLOCK_KINDS.map((kind) => [kind, { kind, avoided: 0, incurred: 0 }]));
  const seenParcels = new Set<string>();
  const dayOf = (ms: number): number => Math.floor((ms - first) / DAY_MS);
  const inWindow = (ms: number): boolean => ms >= first && ms < end;

  function addAtRisk(order: ParcelOrder) {
    const riskyDays = new Set<number>();
    for (const record of order.findings) {
      const openUntil = Math.min(record.closedAt ?? end, end);
      const from = Math.max(record.openedAt, first);
      if (from >= openUntil) continue;
      const finding = findingOfRecord(record, { orderSn: order.orderSn });
      for (let index = dayOf(from); index <= dayOf(openUntil - 1) && index < dayCount; index += 1) {
        if (riskyDays.has(index)) continue;
        const dayStart = first + index * DAY_MS;
        const overlapStart = Math.max(from, dayStart);
        const overlapEnd = Math.min(openUntil, dayStart + DAY_MS);
        const dueInside = record.dueAt !== null && record.dueAt >= overlapStart && record.dueAt < overlapEnd;
        if (atLeastWarn(finding, overlapEnd - 1) || (dueInside && atLeastWarn(finding, record.dueAt as number))) riskyDays.add(index);
      }
    }
    for (const index of riskyDays) (days[index] as TrendDay).atRisk += 1;
  }

  function addParcel(order: ParcelOrder, waybill: ParcelWaybill | undefined) {
    if (!isParcel(order)) return;
    const key = parcelKey(order);
    if (seenParcels.has(key)) return;
    seenParcels.add(key);
    const arrivedAt = journeyEndOf(order, waybill);
    const firstDay = Math.max(0, dayOf(order.facts.shippedAt));
    const lastDay = Math.min(dayCount - 1, arrivedAt === null ? dayCount - 1 : dayOf(arrivedAt));
    if (firstDay > lastDay) return;
    const anomalyDays = new Set<number>();
    for (const record of order.findings) {
      if (LOGISTICS_ANOMALY_KINDS.has(record.kind) && inWindow(record.openedAt)) anomalyDays.add(dayOf(record.openedAt));
    }
    for (let index = firstDay; index <= lastDay; index += 1) {
      const day = days[index] as TrendDay;
      day.parcelsInTransit += 1;
      if (anomalyDays.has(index)) day.anomalyParcels += 1;
    }
  }

  function addBreaches(order: ParcelOrder, notifications: readonly SentNotification[]) {
    for (const record of order.findings) {
      const tally = breaches.get(record.kind);
      if (tally === undefined || record.dueAt === null) continue;
      const dueAt = record.dueAt;
      const ranOut = dueAt < Math.min(record.closedAt ?? end, end);
      if (ranOut) {
        if (inWindow(dueAt) && canBreach(record, order.orderSn)) {
          tally.incurred += 1;
          (days[dayOf(dueAt)] as TrendDay).incurred += 1;
        }
      } else if (record.closedAt !== null && inWindow(record.closedAt) && wasWarned(record, notifications)) {
        tally.avoided += 1;
        (days[dayOf(record.closedAt)] as TrendDay).avoided += 1;
      }
    }
  }

  return {
    add(order, waybill, notifications) {
      addAtRisk(order);
      addParcel(order, waybill);
      addBreaches(order, notifications);
    },
    result() {
      return {
        days: days.map((day) => ({ ...day, exceptionRate: day.parcelsInTransit === 0 ? null : day.anomalyParcels / day.parcelsInTransit })),
        breaches: BREACH_CLOCK_KINDS.map((kind) => ({ ...(breaches.get(kind) as BreachTally) })),
      };
    },
  };
}

function atLeastWarn(finding: Finding, at: number): boolean {
  const severity = severityAt(finding, at);
  return severity !== null && SEVERITY_RANK[severity] >= SEVERITY_RANK.warn;
}

/** Whether the kind's bands call the clock breached just after its due time (some never breach). */
function canBreach(record: FindingRecord, orderSn: string): boolean {
  return record.dueAt !== null && severityAt(findingOfRecord(record, { orderSn }), record.dueAt + 1) === 'breached';
}

function wasWarned(record: FindingRecord, notifications: readonly SentNotification[]): boolean {
  if (SEVERITY_RANK[record.severity] >= SEVERITY_RANK.warn) return true;
  const closedAt = record.closedAt ?? Infinity;
  return notifications.some((item) => item.kind === record.kind && item.sentAt >= record.openedAt && item.sentAt <= closedAt);
}
