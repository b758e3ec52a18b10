// Everything known about one order, in time order: what the console showed and when, the courier's
// events, the findings that opened, changed and closed, and the notifications sent. The badge explanation
// and the dashboard read this.
import type { TrackingStatus } from '../facts/facts';
import type {
  ChangeCategory,
  ChangeValue,
  FindingRecord,
  StoredChange,
  StoredNotification,
  StoredOrder,
  StoredTrackingEvent,
} from '../db/records';
import { prefixRange, type SentinelDb } from '../db/schema';
import type { FindingKind } from '../findings/registry';
import type { Severity } from '../findings/severity';

interface Entry<T extends string> {
  /** Epoch ms: capture time for console facts, the courier's time for events, evaluation time for findings. */
  at: number;
  type: T;
}

export type TimelineEntry =
  | (Entry<'first_seen'> & { source: StoredChange['source']; statusText: ChangeValue })
  | (Entry<'change'> & {
      category: ChangeCategory;
      field: string;
      from: ChangeValue;
      to: ChangeValue;
      source: StoredChange['source'];
    })
  | (Entry<'tracking_event'> & {
      trackingNumber: string;
      text: string;
      area: string | null;
      status: TrackingStatus | null;
      /** When the extension first learned of the event (the courier may report it late). */
      firstSeenAt: number;
    })
  | (Entry<'finding_opened'> & {
      kind: FindingKind;
      severity: Severity;
      dueAt: number | null;
      rule: FindingRecord['rule'];
      basis: FindingRecord['basis'];
    })
  | (Entry<'finding_closed'> & { kind: FindingKind; severity: Severity; openedAt: number })
  | (Entry<'notification'> & { kind: FindingKind | null; severity: Severity | null; title: string; body: string });

export type TimelineEntryType = TimelineEntry['type'];

/** Within one instant, the order in which things happen: facts arrive, then findings react, then notifications. */
const TYPE_ORDER: Record<TimelineEntryType, number> = {
  first_seen: 0,
  change: 1,
  tracking_event: 2,
  finding_closed: 3,
  finding_opened: 4,
  notification: 5,
};

export function compareTimelineEntries(a: TimelineEntry, b: TimelineEntry): number {
  return a.at - b.at || TYPE_ORDER[a.type] - TYPE_ORDER[b.type];
}

export async function orderTimeline(db: SentinelDb, shopId: string, orderSn: string): Promise<TimelineEntry[]> {
  return db.transaction('r', [db.orders, db.changes, db.trackingEvents, db.notifications], async () => {
    const [order, changes, notifications] = await Promise.all([
      db.orders.get([shopId, orderSn]),
      db.changes.where(':id').between(...prefixRange([shopId, orderSn])).toArray(),
      db.notifications.where('[shopId+orderSn]').equals([shopId, orderSn]).toArray(),
    ]);
    const events = (
      await Promise.all(
        [...trackingNumbersOf(order, changes)].map((trackingNumber) =>
          db.trackingEvents.where(':id').between(...prefixRange([shopId, trackingNumber])).toArray(),
        ),
      )
    ).flat();
    return buildTimeline(order, changes, events, notifications);
  });
}

/** Every waybill the order ever had: a corrected tracking number keeps the old one's events in history. */
export function trackingNumbersOf(order: StoredOrder | undefined, changes: readonly StoredChange[]): Set<string> {
  const trackingNumbers = new Set<string>();
  if (order?.trackingNumber) trackingNumbers.add(order.trackingNumber);
  for (const change of changes) {
    if (change.field !== 'trackingNumber') continue;
    if (typeof change.from === 'string') trackingNumbers.add(change.from);
    if (typeof change.to === 'string') trackingNumbers.add(change.to);
  }
  return trackingNumbers;
}

/** The timeline of one order from its rows (shared with the history export, which reads tables in bulk). */
export function buildTimeline(
  order: StoredOrder | undefined,
  changes: readonly StoredChange[],
  events: readonly StoredTrackingEvent[],
  notifications: readonly StoredNotification[],
): TimelineEntry[] {
  const sortedChanges = [...changes].sort((a, b) => a.at - b.at);
  const entries: TimelineEntry[] = [
    ...(order === undefined ? [] : [firstSeenEntry(order)]),
    ...sortedChanges.map(changeEntry),
    ...events.map(
      (event): TimelineEntry => ({
        at: event.at,
        type: 'tracking_event',
        trackingNumber: event.trackingNumber,
        text: event.text,
        area: event.area,
        status: event.status,
        firstSeenAt: event.firstSeenAt,
      }),
    ),
    ...(order?.findings ?? []).flatMap((finding) => findingEntries(finding, sortedChanges)),
    ...notifications.map(notificationEntry),
  ];
  return entries.sort(compareTimelineEntries);
}

function firstSeenEntry(order: StoredOrder): TimelineEntry {
  return { at: order.firstSeenAt, type: 'first_seen', source: order.firstSource, statusText: order.firstStatusText };
}

function changeEntry(change: StoredChange): TimelineEntry {
  return {
    at: change.at,
    type: 'change',
    category: change.category,
    field: change.field,
    from: change.from,
    to: change.to,
    source: change.source,
  };
}

/**
 * The stored record holds the latest severity; the one it opened with is the `from` of its first
 * severity change (`changes` sorted by time), if it had any.
 */
function openingSeverity(finding: FindingRecord, changes: readonly StoredChange[]): Severity {
  const field = `finding:${finding.kind}`;
  const first = changes.find(
    (change) => change.field === field && change.at >= finding.openedAt && (finding.closedAt === null || change.at <= finding.closedAt),
  );
  return (first?.from as Severity | undefined) ?? finding.severity;
}

function findingEntries(finding: FindingRecord, changes: readonly StoredChange[]): TimelineEntry[] {
  const opened: TimelineEntry = {
    at: finding.openedAt,
    type: 'finding_opened',
    kind: finding.kind,
    severity: openingSeverity(finding, changes),
    dueAt: finding.dueAt,
    rule: finding.rule,
    basis: finding.basis,
  };
  if (finding.closedAt === null) return [opened];
  return [
    opened,
    { at: finding.closedAt, type: 'finding_closed', kind: finding.kind, severity: finding.severity, openedAt: finding.openedAt },
  ];
}

function notificationEntry(notification: StoredNotification): TimelineEntry {
  return {
    at: notification.sentAt,
    type: 'notification',
    kind: notification.kind,
    severity: notification.severity,
    title: notification.title,
    body: notification.body,
  };
}
