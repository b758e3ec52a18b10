// The merchant's mutes (snoozes per order and per kind, 已处理 per order) as a WXT storage item in
// storage.local, so they outlive the worker. The changes themselves are pure functions of the mutes.
import { storage } from 'wxt/utils/storage';
import { isFindingKind } from '../findings/registry';
import type { Mutes } from './types';

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

/** 稍后提醒: these orders are snoozed until `until`; snoozes already over are dropped on the way. */
export function snoozeOrders(mutes: Mutes, shopId: string, orderSns: readonly string[], until: number, now: number): Mutes {
  const orders = Object.fromEntries(Object.entries(mutes.orders).filter(([, end]) => end > now));
  for (const orderSn of orderSns) orders[muteKeyOf(shopId, orderSn)] = Math.max(orders[muteKeyOf(shopId, orderSn)] ?? 0, until);
  return { ...mutes, orders };
}

export async function loadMutes(): Promise<Mutes> {
  return readMutes(await mutesItem.getValue());
}

export async function snoozeStoredOrders(shopId: string, orderSns: readonly string[], until: number, now: number): Promise<Mutes> {
  const next = snoozeOrders(await loadMutes(), shopId, orderSns, until, now);
  await mutesItem.setValue(next);
  return next;
}
