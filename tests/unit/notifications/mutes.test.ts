import { expect, test } from 'vitest';
import { EMPTY_MUTES, markHandled, mutedOrderKeys, orderMuteOf, snoozeEnd, snoozeOrders, unmuteOrders } from '../../../lib/notifications/mutes-item';

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
