// Reading a trace (lib/findings/README.md § Normalized tracking status): the keyword fallback for events
// without a code, the assembly of a trace shared by every provider, and the merge of two readings.
import { unreadEventsOf, type TrackingEvent, type TrackingFacts, type TrackingStatus } from '../facts/facts';
import { STATUS_RANK, isPickedUp } from './status-rank';

/**
 * Keywords for event texts that carry no provider code (lib/tracking/README.md § Keyword fallback, plus the problem words
 * of lib/findings/README.md § Anomalies), in priority order: "退回件已签收" is a return, "驿站代收" a delivery, "待揽收" not a pickup.
 */
export const TEXT_KEYWORDS: ReadonlyArray<readonly [TrackingStatus, readonly string[]]> = [
  ['rejected', ['拒收', '拒签']],
  ['returned', ['退签', '退回签收', '退件签收']],
  ['returning', ['退回', '返货', '退件', '返回寄件']],
  ['exception', ['问题件', '无法派送', '地址不详', '联系不上', '超区', '滞留', '留仓', '疑难']],
  ['delivered', ['签收', '代收', '妥投']],
  ['available_for_pickup', ['驿站', '快递柜', '丰巢', '取件码']],
  ['out_for_delivery', ['派送', '派件']],
  ['pending', ['已下单', '待揽收', '等待揽收', '待揽件']],
  ['picked_up', ['揽收', '揽件', '已收件', '已收取']],
  ['in_transit', ['到达', '发往', '中转', '运输中', '已发出']],
];

interface Keyword {
  word: string;
  status: TrackingStatus;
  /** The keyword's row in TEXT_KEYWORDS: the lower, the more it says. */
  priority: number;
}

/**
 * Keywords by the character they start with. One pass over an event text then meets every keyword in it,
 * instead of searching the text once per keyword (up to 37 searches for a plain transit line). The first
 * characters index a table of all 65,536 UTF-16 code units: one array read per character of the text.
 */
const KEYWORD_INDEX: { lists: ReadonlyArray<readonly Keyword[]>; listByChar: Uint8Array } = (() => {
  const lists: Keyword[][] = [];
  // 0 is "no keyword starts with this character"; a character's list is numbered from 1.
  const listByChar = new Uint8Array(0x10000);
  TEXT_KEYWORDS.forEach(([status, words], priority) => {
    for (const word of words) {
      const first = word.charCodeAt(0);
      if (listByChar[first] === 0) listByChar[first] = lists.push([]);
      lists[(listByChar[first] as number) - 1]?.push({ word, status, priority });
    }
  });
  return { lists, listByChar };
})();

/** The status of the highest-priority keyword anywhere in the text; null when it has none. */
export function statusFromText(text: string): TrackingStatus | null {
  let found: Keyword | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const list = KEYWORD_INDEX.listByChar[text.charCodeAt(i)] as number;
    if (list === 0) continue;
    for (const keyword of KEYWORD_INDEX.lists[list - 1] as readonly Keyword[]) {
      if ((found === null || keyword.priority < found.priority) && text.startsWith(keyword.word, i)) found = keyword;
    }
  }
  return found === null ? null : found.status;
}

/**
 * A provider's event list read item by item, from the end when `newestFirst` (so the events come out oldest
 * first either way, as `orderEvents` keeps them, without turning the list round). `readEvent` returns the
 * event, or null for an item it skips, and names each problem from the item on (".time: …", ": …"). Here
 * the problems get the item's place (`data[2].time: …`), written only for an item that has one, and are
 * put in list order. `unread` counts the items skipped, for the reading's `unreadEvents`.
 */
export function readEvents(
  items: readonly unknown[],
  listName: string,
  newestFirst: boolean,
  readEvent: (item: unknown, problems: string[]) => TrackingEvent | null,
  problems: string[],
): { events: TrackingEvent[]; unread: number } {
  const events: TrackingEvent[] = [];
  const first = problems.length;
  // Where each item's problems start, when read from the end: to put them back in list order afterwards.
  let groupStarts: number[] | null = null;
  for (let step = 0; step < items.length; step += 1) {
    const i = newestFirst ? items.length - 1 - step : step;
    const unreadBefore = problems.length;
    const event = readEvent(items[i], problems);
    if (event !== null) events.push(event);
    if (problems.length === unreadBefore) continue;
    for (let k = unreadBefore; k < problems.length; k += 1) problems[k] = `${listName}[${i}]${problems[k] as string}`;
    if (newestFirst) (groupStarts ??= []).push(unreadBefore);
  }
  if (groupStarts !== null && groupStarts.length > 1) {
    const read = problems.splice(first);
    for (let g = groupStarts.length - 1; g >= 0; g -= 1) {
      const start = (groupStarts[g] as number) - first;
      const end = g + 1 < groupStarts.length ? (groupStarts[g + 1] as number) - first : read.length;
      for (let k = start; k < end; k += 1) problems.push(read[k] as string);
    }
  }
  return { events, unread: items.length - events.length };
}

/**
 * Ascending time, duplicates (same time and text) removed, keeping the one with the most information
 * (a status, a code, an area sort last); input order never matters. Takes the array over: it may come
 * back reversed in place, so callers pass a list they built for it.
 */
export function orderEvents(events: TrackingEvent[]): TrackingEvent[] {
  // Providers list events strictly newest first (Kuaidi100) or oldest first (Kdniao): no sort, no duplicates.
  if (strictlyMonotonic(events, 1)) return events;
  if (strictlyMonotonic(events, -1)) return events.reverse();
  const sorted = events.sort(compareEvents);
  const unique: TrackingEvent[] = [];
  for (const event of sorted) {
    const last = unique[unique.length - 1];
    if (last !== undefined && last.at === event.at && last.text === event.text) unique[unique.length - 1] = event;
    else unique.push(event);
  }
  return unique;
}

function strictlyMonotonic(events: readonly TrackingEvent[], direction: 1 | -1): boolean {
  for (let i = 1; i < events.length; i += 1) {
    if (((events[i] as TrackingEvent).at - (events[i - 1] as TrackingEvent).at) * direction <= 0) return false;
  }
  return true;
}

/** A total order over every field, so that which duplicate survives never depends on the input order. */
function compareEvents(a: TrackingEvent, b: TrackingEvent): number {
  if (a.at !== b.at) return a.at - b.at;
  const rankA = a.status === null ? -1 : STATUS_RANK[a.status];
  const rankB = b.status === null ? -1 : STATUS_RANK[b.status];
  // Statuses of equal rank (delivered and returned) are told apart by name.
  return (
    compareText(a.text, b.text) ||
    rankA - rankB ||
    compareText(a.status ?? '', b.status ?? '') ||
    compareText(a.code ?? '', b.code ?? '') ||
    compareText(a.area ?? '', b.area ?? '')
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A provider's code table as a Map: every event looks its code up, and a Map finds "1002" faster than an
 * object whose keys look like array indices; it also never answers for "toString" or "constructor".
 */
export function codeTable<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}

/**
 * What a provider normalizer returns. `problems` names each part of the body it could not read as it was
 * (`data[2].time: "sometime" is not a time; event skipped`), in body order; `retry` says when asking again
 * could help (lib/tracking/README.md § Error classes).
 */
export type TrackingResult =
  | { ok: true; facts: TrackingFacts; problems: string[] }
  | { ok: false; error: string; retry: 'never' | 'later' | 'backoff' };

/**
 * What a provider's normalizer determined, with `events` already in `orderEvents` order;
 * `completeTracking` derives the rest the same way for every provider.
 */
export type TrackingReading = Omit<TrackingFacts, 'status' | 'lastEventAt' | 'pickedUpAt' | 'unreadEvents'> & {
  /** Required here, optional only in stored records: every provider counts what `readEvents` skipped. */
  unreadEvents: number;
};

/**
 * `codeStatus` is the status from the provider's sub-code, else its main code (null when neither is
 * known); after it comes the newest event's own status (its code or keywords). The pickup is the first
 * event that is not "ordered/awaiting pickup"; an event without any status is a real scan, since only a
 * pending status or a pending keyword says otherwise.
 */
export function completeTracking(reading: TrackingReading, codeStatus: TrackingStatus | null): TrackingFacts {
  const newest = reading.events[reading.events.length - 1];
  return withStatus(reading, codeStatus ?? newest?.status ?? 'unknown', reading.events, reading.unreadEvents, reading.checkedAt);
}

// Written out field by field rather than spread: spreading and then adding fields is several times
// slower per trace in V8, and one fixed field order keeps every TrackingFacts the same shape for the rules.
function withStatus(
  reading: Omit<TrackingReading, 'unreadEvents'>,
  status: TrackingStatus,
  events: TrackingEvent[],
  unreadEvents: number,
  checkedAt: number,
): TrackingFacts {
  return {
    trackingNumber: reading.trackingNumber,
    provider: reading.provider,
    status,
    rawState: reading.rawState,
    rawSub: reading.rawSub,
    events,
    lastEventAt: events[events.length - 1]?.at ?? null,
    pickedUpAt: pickedUpAtOf(events, status),
    reportedCourier: reading.reportedCourier,
    noRecord: reading.noRecord,
    providerStalled: reading.providerStalled,
    proxySigned: reading.proxySigned ?? false,
    destinationArea: reading.destinationArea,
    unreadEvents,
    checkedAt,
  };
}

function pickedUpAtOf(events: readonly TrackingEvent[], status: TrackingStatus): number | null {
  if (!isPickedUp(status)) return null;
  for (const event of events) {
    if (event.status === null || isPickedUp(event.status)) return event.at;
  }
  return null;
}

/**
 * Combines a stored reading with a new one. The status never moves backwards (delivered → in transit, or
 * a trace → "no record") unless the new reading has a later event; events are the union of both. Each
 * reading lists the whole trace, so the unread events are those of the reading checked last (of both
 * checked at once, the more): a trace read in full again is whole again, one that turned unreadable is not.
 */
export function mergeTracking(previous: TrackingFacts | null, next: TrackingFacts): TrackingFacts {
  if (previous === null) return next;
  const nextIsLater = (next.lastEventAt ?? -Infinity) > (previous.lastEventAt ?? -Infinity);
  const winner = nextIsLater || STATUS_RANK[next.status] >= STATUS_RANK[previous.status] ? next : previous;
  const events = orderEvents([...previous.events, ...next.events]);
  const unreadEvents =
    next.checkedAt === previous.checkedAt
      ? Math.max(unreadEventsOf(previous), unreadEventsOf(next))
      : unreadEventsOf(next.checkedAt > previous.checkedAt ? next : previous);
  return withStatus(winner, winner.status, events, unreadEvents, Math.max(previous.checkedAt, next.checkedAt));
}
