import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TrackingEvent, TrackingFacts } from '../../../lib/facts/facts';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';
import { mergeTracking, orderEvents, statusFromText, TEXT_KEYWORDS } from '../../../lib/tracking/status';
import { isPickedUp, isTerminal } from '../../../lib/tracking/status-rank';

const sh = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`);

function reading(state: string, data: Array<[string, string, string]>, checkedAt = sh('2026-11-20 10:00:00')): TrackingFacts {
  const body = { message: 'ok', nu: 'ZT0001', state, data: data.map(([time, context, statusCode]) => ({ time, context, statusCode })) };
  const result = normalizeKuaidi100(body, 'ZT0001', checkedAt);
  if (!result.ok) throw new Error(result.error);
  return result.facts;
}

describe('mergeTracking', () => {
  const delivered = reading('3', [
    ['2026-11-18 09:00:00', '已揽收', '103'],
    ['2026-11-20 09:00:00', '已签收', '301'],
  ]);
  const staleTransit = reading('0', [['2026-11-18 09:00:00', '已揽收', '103'], ['2026-11-19 09:00:00', '运输中', '1002']], sh('2026-11-20 11:00:00'));

  it('never moves back from delivered to in transit on an older reading, but keeps the newer check time', () => {
    const merged = mergeTracking(delivered, staleTransit);
    expect(merged.status).toBe('delivered');
    expect(merged.events.map((e) => e.text)).toEqual(['已揽收', '运输中', '已签收']);
    expect(merged.checkedAt).toBe(sh('2026-11-20 11:00:00'));
    expect(merged.lastEventAt).toBe(sh('2026-11-20 09:00:00'));
  });

  it('moves "back" when the new reading has a later event (a delivered parcel returned)', () => {
    const returned = reading('4', [['2026-11-22 09:00:00', '退回件已签收', '4']]);
    const merged = mergeTracking(delivered, returned);
    expect(merged.status).toBe('returned');
    expect(merged.events).toHaveLength(3);
  });

  it('keeps the trace when the provider later answers "no record"', () => {
    const lost = normalizeKuaidi100({ result: false, returnCode: '500', message: '查询无结果' }, 'ZT0001', sh('2026-11-21 10:00:00'));
    if (!lost.ok) throw new Error(lost.error);
    expect(mergeTracking(delivered, lost.facts)).toMatchObject({ status: 'delivered', noRecord: false, pickedUpAt: sh('2026-11-18 09:00:00') });
  });

  it('counts the unread events of the reading checked last: a trace read whole again is whole, one turned unreadable is not', () => {
    const body = (time: string, checkedAt: number) => {
      const result = normalizeKuaidi100({ nu: 'ZT0001', state: '0', data: [{ time, context: '已揽收', statusCode: '103' }, { time: '2026-11-18 08:00:00', context: '已下单', statusCode: '101' }] }, 'ZT0001', checkedAt);
      if (!result.ok) throw new Error(result.error);
      return result.facts;
    };
    const partly = body('18/11/2026 09:00', sh('2026-11-20 10:00:00'));
    const whole = body('2026-11-18 09:00:00', sh('2026-11-20 11:00:00'));
    expect(partly.unreadEvents).toBe(1);
    expect(mergeTracking(partly, whole).unreadEvents).toBe(0);
    expect(mergeTracking(whole, partly).unreadEvents).toBe(0);
    expect(mergeTracking(whole, body('18/11/2026 09:00', sh('2026-11-20 12:00:00'))).unreadEvents).toBe(1);
    expect(mergeTracking(whole, { ...partly, checkedAt: whole.checkedAt }).unreadEvents).toBe(1);
    const { unreadEvents: _none, ...stored } = whole;
    expect(mergeTracking(stored, { ...whole, checkedAt: whole.checkedAt - 1 }).unreadEvents).toBe(0);
  });

  it('takes the first reading as is', () => {
    expect(mergeTracking(null, delivered)).toBe(delivered);
  });
});

describe('orderEvents', () => {
  it('keeps the same one of two duplicates that differ only in statuses of equal rank, whatever their order', () => {
    // Kdniao reads code 418 (快件取出) as delivered, Kuaidi100 as its main code 4, returned: a merged trace has both.
    const at = sh('2026-11-20 09:00:00');
    const delivered: TrackingEvent = { at, text: '快件已取出', area: null, status: 'delivered', code: '418' };
    const returned: TrackingEvent = { ...delivered, status: 'returned' };
    const one = orderEvents([delivered, returned]);
    expect(orderEvents([returned, delivered])).toEqual(one);
    expect(one).toHaveLength(1);
  });
});

describe('status helpers', () => {
  it('ranks pickups and terminal states', () => {
    expect(['unknown', 'pending'].map((s) => isPickedUp(s as never))).toEqual([false, false]);
    expect(['picked_up', 'in_transit', 'delivered', 'rejected'].every((s) => isPickedUp(s as never))).toBe(true);
    expect(['delivered', 'returned'].every((s) => isTerminal(s as never))).toBe(true);
    expect(isTerminal('rejected')).toBe(false);
  });

  it('returns null for texts without a keyword', () => {
    expect(statusFromText('快件动态更新')).toBeNull();
  });

  it('reads the keyword table in priority order, wherever and however overlapped the words stand', () => {
    expect(statusFromText('退回件已签收')).toBe('returning');
    expect(statusFromText('【苏州】驿站代收，取件码 3-1-2')).toBe('delivered');
    expect(statusFromText('快件等待揽收')).toBe('pending');
    expect(statusFromText('已签收，签收人拒收')).toBe('rejected');
    // The plain reading of the table: the first row with a word anywhere in the text.
    const byTable = (text: string) => TEXT_KEYWORDS.find(([, words]) => words.some((word) => text.includes(word)))?.[0] ?? null;
    const pieces = [...new Set(TEXT_KEYWORDS.flatMap(([, words]) => words.flatMap((word) => [word, word.slice(0, 1), word.slice(1)])))];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces, '【', '】', '快件', '，', ' ', '0'), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (sample) => statusFromText(sample) === byTable(sample)), { numRuns: 3000 });
  });
});
