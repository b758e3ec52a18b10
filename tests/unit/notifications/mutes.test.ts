import { fakeBrowser } from 'wxt/testing/fake-browser';
import { expect, test } from 'vitest';
import {
  EMPTY_MUTES,
  loadMutes,
  markHandled,
  mutedOrderKeys,
  mutesItem,
  orderMuteOf,
  pruneMutes,
  pruneStoredMutes,
  snoozeEnd,
  snoozeKind,
  snoozeOrders,
  unmuteKind,
  unmuteOrders,
} from '../../../lib/notifications/mutes-item';
import { freshDb, storedOrder } from '../db/helpers';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const HOUR = 3_600_000;
const order = (orderSn: string, openedAt: number[], closed: number[] = []) => ({
  shopId: 's1',
  orderSn,
  findings: [...openedAt.map((at) => ({ openedAt: at, closedAt: null })), ...closed.map((at) => ({ openedAt: at, closedAt: at + 1 }))],
});

test('已处理 marks the orders at a time; 撤销 drops both the mark and the snooze', () => {
  const marked = markHandled(EMPTY_MUTES, 's1', ['a', 'b'], NOW);
  expect(marked.handled).toEqual({ 's1|a': NOW, 's1|b': NOW });
  expect(EMPTY_MUTES.handled).toEqual({});
  const snoozed = snoozeOrders(marked, 's1', ['a'], NOW + HOUR, NOW);
  const undone = unmuteOrders(snoozed, 's1', ['a']);
  expect(undone.orders).toEqual({});
  expect(undone.handled).toEqual({ 's1|b': NOW });
});

test('此类稍后提醒 mutes a kind until a time (a shorter snooze keeps the longer one, ended ones are dropped); 撤销 unmutes only that kind', () => {
  const ended = { ...EMPTY_MUTES, kinds: { rejected: NOW - 1 } };
  const snoozed = snoozeKind(ended, 'ship_by', NOW + HOUR, NOW);
  expect(snoozed.kinds).toEqual({ ship_by: NOW + HOUR });
  expect(snoozeKind(snoozed, 'ship_by', NOW + 30 * 60_000, NOW).kinds).toEqual({ ship_by: NOW + HOUR });
  const both = snoozeKind(snoozed, 'returning', NOW + 2 * HOUR, NOW);
  expect(both.kinds).toEqual({ ship_by: NOW + HOUR, returning: NOW + 2 * HOUR });
  expect(both.orders).toBe(ended.orders);
  expect(unmuteKind(both, 'ship_by').kinds).toEqual({ returning: NOW + 2 * HOUR });
  expect(both.kinds).toEqual({ ship_by: NOW + HOUR, returning: NOW + 2 * HOUR });
});

test('an order is handled while every open finding opened at or before the mark; a newer one lists it again', () => {
  const mutes = markHandled(EMPTY_MUTES, 's1', ['a'], NOW);
  expect(orderMuteOf(mutes, order('a', [NOW - HOUR, NOW]), NOW + HOUR)).toBe('handled');
  // Closed findings opened later do not matter; an open one does.
  expect(orderMuteOf(mutes, order('a', [NOW - HOUR], [NOW + HOUR]), NOW + 2 * HOUR)).toBe('handled');
  expect(orderMuteOf(mutes, order('a', [NOW - HOUR, NOW + 1]), NOW + HOUR)).toBeNull();
  expect(orderMuteOf(mutes, order('b', [NOW - HOUR]), NOW)).toBeNull();
});

test('a snooze mutes until its end, and wins over a handled mark', () => {
  const mutes = markHandled(snoozeOrders(EMPTY_MUTES, 's1', ['a'], NOW + HOUR, NOW), 's1', ['a'], NOW);
  expect(orderMuteOf(mutes, order('a', [NOW + 1]), NOW + HOUR - 1)).toBe('snoozed');
  expect(orderMuteOf(mutes, order('a', [NOW + 1]), NOW + HOUR)).toBeNull();
});

test('the muted keys are the running snoozes and every mark, split into shop and order number', () => {
  let mutes = snoozeOrders(EMPTY_MUTES, 's1', ['a'], NOW + HOUR, NOW);
  mutes = snoozeOrders(mutes, 's2', ['old'], NOW + 1, NOW);
  mutes = markHandled(mutes, 's2', ['b'], NOW);
  expect(mutedOrderKeys(mutes, NOW + 2).sort()).toEqual([
    ['s1', 'a'],
    ['s2', 'b'],
  ]);
});

test('稍后提醒 lasts an hour, four hours, or until the next 9:00 on the merchant’s own clock', () => {
  expect(snoozeEnd('hour', NOW, 'Asia/Shanghai')).toBe(NOW + HOUR);
  expect(snoozeEnd('hours4', NOW, 'Asia/Shanghai')).toBe(NOW + 4 * HOUR);
  // NOW is 10:00 in Shanghai: the next 9:00 is tomorrow's; at 08:00 it is today's.
  expect(snoozeEnd('morning', NOW, 'Asia/Shanghai')).toBe(Date.parse('2026-11-21T09:00:00+08:00'));
  expect(snoozeEnd('morning', NOW - 2 * HOUR, 'Asia/Shanghai')).toBe(Date.parse('2026-11-20T09:00:00+08:00'));
  // 18:00 the day before in Los Angeles (UTC−8 in November).
  expect(snoozeEnd('morning', NOW, 'America/Los_Angeles')).toBe(Date.parse('2026-11-20T09:00:00-08:00'));
});

test('pruning drops ended snoozes and the marks whose findings have all closed or whose order is gone', () => {
  let mutes = snoozeOrders(EMPTY_MUTES, 's1', ['ended'], NOW + HOUR, NOW);
  mutes = snoozeOrders(mutes, 's1', ['running'], NOW + 3 * HOUR, NOW);
  mutes = { ...mutes, kinds: { stalled: NOW + HOUR, rejected: NOW + 3 * HOUR } };
  mutes = markHandled(mutes, 's1', ['still-open', 'all-closed', 'only-newer', 'gone', 'unread'], NOW);
  const orders = new Map([
    ['s1|still-open', order('still-open', [NOW - HOUR])],
    ['s1|all-closed', order('all-closed', [], [NOW - HOUR])],
    // Its one open finding came after the mark: the mark no longer silences anything.
    ['s1|only-newer', order('only-newer', [NOW + HOUR], [NOW - HOUR])],
    ['s1|gone', undefined],
  ]);
  const pruned = pruneMutes(mutes, NOW + 2 * HOUR, orders);
  expect(pruned.orders).toEqual({ 's1|running': NOW + 3 * HOUR });
  expect(pruned.kinds).toEqual({ rejected: NOW + 3 * HOUR });
  // A mark made after the orders were read (not in the map) stays.
  expect(pruned.handled).toEqual({ 's1|still-open': NOW, 's1|unread': NOW });
});

test('the stored mutes are pruned against the stored orders', async () => {
  fakeBrowser.reset();
  const db = await freshDb();
  await db.orders.bulkPut([
    storedOrder('s1', 'open', [{ kind: 'stalled', severity: 'warn' }]),
    storedOrder('s1', 'closed', []),
  ]);
  await mutesItem.setValue(markHandled(snoozeOrders(EMPTY_MUTES, 's1', ['open'], NOW - 1, NOW - HOUR), 's1', ['open', 'closed', 'gone'], NOW));
  // Four mutes stored (a snooze over, three marks), one left: the mark of the order still open.
  expect(await pruneStoredMutes(db, NOW)).toEqual({ orders: {}, kinds: {}, handled: { 's1|open': NOW } });
  expect(await loadMutes()).toEqual({ orders: {}, kinds: {}, handled: { 's1|open': NOW } });
  db.close();
});
