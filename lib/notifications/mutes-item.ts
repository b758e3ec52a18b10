// The merchant's mutes (snoozes per order and per kind, 已处理 per order) as a WXT storage item in
// storage.local, so they outlive the worker. The changes themselves are pure functions of the mutes.
import { storage } from 'wxt/utils/storage';
import { isFindingKind, type FindingKind } from '../findings/registry';
import type { SentinelDb } from '../db/schema';
import type { Mutes } from './types';
import { nextWallTime } from './wall-time';
import { SNOOZE_MS } from './notifier-inputs';
import { HOUR_MS } from '../time/shanghai';

export const EMPTY_MUTES: Mutes = Object.freeze({ orders: {}, kinds: {}, handled: {} });

export const mutesItem = storage.defineItem<Mutes>('local:notificationMutes', { fallback: EMPTY_MUTES });

export const muteKeyOf = (shopId: string, orderSn: string): string => `${shopId}|${orderSn}`;

/** Whatever storage holds, read as mutes: a malformed part is empty rather than a failure. */
export function readMutes(raw: unknown): Mutes {
  const record = (value: unknown): Record<string, number> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])));
  };
  const stored = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Mutes, unknown>>;
  const kinds = Object.fromEntries(Object.entries(record(stored.kinds)).filter(([kind]) => isFindingKind(kind))) as Mutes['kinds'];
  return { orders: record(stored.orders), kinds, handled: record(stored.handled) };
}

/** The snoozes still running at `now` (their ends are after it). */
function running(ends: Readonly<Record<string, number>>, now: number): Record<string, number> {
  return Object.fromEntries(Object.entries(ends).filter(([, end]) => end > now));
}

/** 稍后提醒: these orders are snoozed until `until`; snoozes already over are dropped on the way. */
export function snoozeOrders(mutes: Mutes, shopId: string, orderSns: readonly string[], until: number, now: number): Mutes {
  const orders = running(mutes.orders, now);
  for (const orderSn of orderSns) orders[muteKeyOf(shopId, orderSn)] = Math.max(orders[muteKeyOf(shopId, orderSn)] ?? 0, until);
  return { ...mutes, orders };
}

/** 此类稍后提醒: no notification of this kind until `until` (the popup still lists its orders); snoozes already over are dropped. */
export function snoozeKind(mutes: Mutes, kind: FindingKind, until: number, now: number): Mutes {
  const kinds: Mutes['kinds'] = running(mutes.kinds, now);
  kinds[kind] = Math.max(kinds[kind] ?? 0, until);
  return { ...mutes, kinds };
}

/** 撤销 of 此类稍后提醒: the kind notifies again. */
export function unmuteKind(mutes: Mutes, kind: FindingKind): Mutes {
  const kinds = { ...mutes.kinds };
  delete kinds[kind];
  return { ...mutes, kinds };
}

/** How long 稍后提醒 lasts: an hour (the notifications' button), four hours, or until 9:00 the next morning. */
export const SNOOZE_CHOICES = ['hour', 'hours4', 'morning'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** 明早: the merchant's 9:00, in their own zone. */
const MORNING_MINUTES = 9 * 60;

export function snoozeEnd(choice: SnoozeChoice, now: number, timeZone: string): number {
  if (choice === 'hour') return now + SNOOZE_MS;
  if (choice === 'hours4') return now + 4 * HOUR_MS;
  return nextWallTime(now, MORNING_MINUTES, timeZone);
}

/** 已处理: no reminder for what these orders have open now; a finding that opens later reminds again. */
export function markHandled(mutes: Mutes, shopId: string, orderSns: readonly string[], at: number): Mutes {
  const handled = { ...mutes.handled };
  for (const orderSn of orderSns) handled[muteKeyOf(shopId, orderSn)] = at;
  return { ...mutes, handled };
}

/** 撤销: the orders' snoozes and 已处理 marks are gone, so they remind (and are listed) again. */
export function unmuteOrders(mutes: Mutes, shopId: string, orderSns: readonly string[]): Mutes {
  const orders = { ...mutes.orders };
  const handled = { ...mutes.handled };
  for (const orderSn of orderSns) {
    delete orders[muteKeyOf(shopId, orderSn)];
    delete handled[muteKeyOf(shopId, orderSn)];
  }
  return { ...mutes, orders, handled };
}

export type OrderMute = 'snoozed' | 'handled';

/**
 * Whether an order is muted now, the way the planner reads the mutes: snoozed until a later time, or
 * 已处理 when every finding it has open was opened at or before the mark.
 */
export function orderMuteOf(
  mutes: Mutes,
  order: { shopId: string; orderSn: string; findings: ReadonlyArray<{ openedAt: number; closedAt: number | null }> },
  now: number,
): OrderMute | null {
  const key = muteKeyOf(order.shopId, order.orderSn);
  if ((mutes.orders[key] ?? 0) > now) return 'snoozed';
  const handledAt = mutes.handled[key];
  if (handledAt === undefined) return null;
  const open = order.findings.filter((finding) => finding.closedAt === null);
  return open.length > 0 && open.every((finding) => finding.openedAt <= handledAt) ? 'handled' : null;
}

/** The orders a mute names, as `[shopId, orderSn]` keys: the snoozes still running and every 已处理 mark. */
export function mutedOrderKeys(mutes: Mutes, now: number): Array<[shopId: string, orderSn: string]> {
  return orderKeysOf([...Object.keys(running(mutes.orders, now)), ...Object.keys(mutes.handled)]);
}

function orderKeysOf(keys: Iterable<string>): Array<[shopId: string, orderSn: string]> {
  return [...new Set(keys)].flatMap((key) => {
    const bar = key.indexOf('|');
    return bar < 0 ? [] : [[key.slice(0, bar), key.slice(bar + 1)] as [string, string]];
  });
}

type MarkedOrder = { findings: ReadonlyArray<{ openedAt: number; closedAt: number | null }> };

/**
 * The mutes less what no longer mutes anything: snoozes that ended, and the 已处理 marks of orders that are
 * gone (`orders` maps the mark to undefined) or have no finding open from before their mark (what it
 * silenced has closed). A mark `orders` does not know (made after they were read) stays.
 */
export function pruneMutes(mutes: Mutes, now: number, orders: ReadonlyMap<string, MarkedOrder | undefined>): Mutes {
  const handled = Object.fromEntries(
    Object.entries(mutes.handled).filter(
      ([key, at]) => !orders.has(key) || orders.get(key)?.findings.some((finding) => finding.closedAt === null && finding.openedAt <= at) === true,
    ),
  );
  return { orders: running(mutes.orders, now), kinds: running(mutes.kinds, now), handled };
}

/**
 * Drops the mutes that no longer mute anything (the daily retention pass): each 已处理 mark would otherwise be
 * read by every popup forever. Reads the marked orders, then changes the stored mutes as they are by then;
 * returns what is stored.
 */
export async function pruneStoredMutes(db: SentinelDb, now: number): Promise<Mutes> {
  const keys = orderKeysOf(Object.keys((await loadMutes()).handled));
  const orders = await db.orders.bulkGet(keys);
  const byKey = new Map(keys.map(([shopId, orderSn], index) => [muteKeyOf(shopId, orderSn), orders[index]]));
  return changeStoredMutes((current) => pruneMutes(current, now, byKey));
}

export async function loadMutes(): Promise<Mutes> {
  return readMutes(await mutesItem.getValue());
}

export async function snoozeStoredOrders(shopId: string, orderSns: readonly string[], until: number, now: number): Promise<Mutes> {
  return changeStoredMutes((mutes) => snoozeOrders(mutes, shopId, orderSns, until, now));
}

/** Reads the stored mutes, applies one change, and stores the result (the popup's 稍后提醒, 已处理 and 撤销). */
export async function changeStoredMutes(change: (mutes: Mutes) => Mutes): Promise<Mutes> {
  const next = change(await loadMutes());
  await mutesItem.setValue(next);
  return next;
}
