import { describe, expect, it } from 'vitest';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';

const CHECKED = Date.UTC(2026, 10, 20, 2, 0, 0);
/** Shanghai wall time → ms, independent of the code under test. */
const sh = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`);

function k100(state: string, data: Array<Record<string, string>>, extra: Record<string, unknown> = {}) {
  return { message: 'ok', nu: 'ZT7800001234567', ischeck: state === '3' ? '1' : '0', com: 'zhongtong', status: '200', condition: 'F00', state, data, ...extra };
}
const row = (time: string, context: string, statusCode?: string, areaName?: string) => ({
  time,
  ftime: time,
  context,
  ...(statusCode === undefined ? {} : { statusCode }),
  ...(areaName === undefined ? {} : { areaName }),
});

function facts(body: unknown) {
  const result = normalizeKuaidi100(body, 'ZT7800001234567', CHECKED);
  if (!result.ok) throw new Error(result.error);
  return result.facts;
}

describe('normalizeKuaidi100', () => {
  it('reads a resultv2=4 body (newest first) into ascending events with per-event statuses', () => {
    const f = facts(
      k100('0', [
        row('2026-11-19 21:40:00', '快件已到达【无锡转运中心】', '1002', '江苏,无锡市'),
        row('2026-11-19 18:05:00', '【苏州市】中通快递 吴中网点 的业务员已揽收', '103', '江苏,苏州市'),
      ]),
    );
    expect(f).toMatchObject({
      trackingNumber: 'ZT7800001234567',
      provider: 'kuaidi100',
      status: 'in_transit',
      rawState: '0',
      rawSub: '1002',
      lastEventAt: sh('2026-11-19 21:40:00'),
      pickedUpAt: sh('2026-11-19 18:05:00'),
      noRecord: false,
      providerStalled: false,
      proxySigned: false,
      reportedCourier: 'zhongtong',
      checkedAt: CHECKED,
    });
    expect(f.events.map((e) => [e.status, e.code, e.area])).toEqual([
      ['picked_up', '103', '江苏,苏州市'],
      ['in_transit', '1002', '江苏,无锡市'],
    ]);
  });

  it('treats returnCode 500 "查询无结果" as ok, no record', () => {
    const f = facts({ result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' });
    expect(f).toMatchObject({ status: 'unknown', noRecord: true, events: [], pickedUpAt: null, lastEventAt: null });
  });

  it.each([
    ['400', 'never'],
    ['408', 'never'],
    ['503', 'never'],
    ['601', 'never'],
    ['501', 'backoff'],
    ['502', 'backoff'],
    ['999', 'later'],
  ] as const)('returnCode %s is an error, retry %s', (returnCode, retry) => {
    expect(normalizeKuaidi100({ result: false, returnCode, message: '…' }, 'ZT7800001234567', CHECKED)).toEqual({
      ok: false,
      error: `Kuaidi100 returnCode ${returnCode}: …`,
      retry,
    });
  });

  it.each([
    [null, 'Kuaidi100 body is not an object', 'backoff'],
    [k100('0', [], { nu: 'YT0000000000009' }), 'Kuaidi100 body is for waybill YT0000000000009, not ZT7800001234567', 'never'],
    [{ ...k100('0', []), data: 'broken' }, 'Kuaidi100 data is not a list', 'backoff'],
  ])('refuses %j', (body, error, retry) => {
    expect(normalizeKuaidi100(body, 'ZT7800001234567', CHECKED)).toEqual({ ok: false, error, retry });
  });

  describe('status: sub-code first, then main code, then keywords', () => {
    it.each([
      ['top-level sub-code wins over the event texts', '501', [row('2026-11-20 08:00:00', '派件中')], 'available_for_pickup', '501'],
      ['newest event sub-code when the state is a main code', '5', [row('2026-11-20 08:00:00', '已放入驿站', '501')], 'available_for_pickup', '501'],
      ['main code without sub-codes', '3', [row('2026-11-20 08:00:00', '快件动态')], 'delivered', null],
      ['main 4 退签 is returned', '4', [row('2026-11-20 08:00:00', '快件动态')], 'returned', null],
      ['main 6 退回 is returning', '6', [row('2026-11-20 08:00:00', '快件动态')], 'returning', null],
      ['main 14 拒签 is rejected', '14', [row('2026-11-20 08:00:00', '快件动态')], 'rejected', null],
      ['sub 203 拒收 is rejected', '203', [row('2026-11-20 08:00:00', '快件动态')], 'rejected', '203'],
      ['sub 101/102 are pending', '102', [row('2026-11-20 08:00:00', '快件动态')], 'pending', '102'],
      ['customs main 10–12 are in transit', '11', [row('2026-11-20 08:00:00', '清关中')], 'in_transit', null],
    ])('%s', (_label, state, data, status, rawSub) => {
      const f = facts(k100(state, data));
      expect([f.status, f.rawSub]).toEqual([status, rawSub]);
    });

    it.each([
      ['客户拒收，快件退回中', 'rejected'],
      ['退回件已由寄件人签收（退签）', 'returned'],
      ['快件已退回，正在返回寄件网点', 'returning'],
      ['地址不详，联系不上收件人', 'exception'],
      ['快件留仓，次日派送', 'exception'],
      ['已签收，签收人：本人', 'delivered'],
      ['快件已到达【菜鸟驿站】，请凭取件码取件', 'available_for_pickup'],
      ['快递员正在派送', 'out_for_delivery'],
      ['商家已下单，等待揽收', 'pending'],
      ['业务员已揽收', 'picked_up'],
      ['快件发往【无锡转运中心】', 'in_transit'],
    ])('keywords of the newest event without any code: %s → %s', (context, status) => {
      expect(facts(k100('', [row('2026-11-20 08:00:00', context)])).status).toBe(status);
    });

    it('maps resultv2=1 status names to main codes', () => {
      const f = facts({ ...k100('', []), data: [{ time: '2026-11-20 08:00:00', context: '快件动态', status: '派件' }] });
      expect(f.status).toBe('out_for_delivery');
    });
  });

  it('reads a sub-code missing from the tables as its main code (3-digit → hundreds, 100x → 0)', () => {
    expect(facts(k100('305', [row('2026-11-20 08:00:00', '快件动态')]))).toMatchObject({ status: 'delivered', rawState: '305', rawSub: null });
    expect(facts(k100('211', [row('2026-11-20 08:00:00', '快件动态')])).status).toBe('exception');
    const coded = facts(k100('', [row('2026-11-20 08:00:00', '快件动态', '1004')]));
    expect(coded.events[0]).toMatchObject({ code: '1004', status: 'in_transit' });
    expect(facts(k100('99', [row('2026-11-20 08:00:00', '快件动态')])).status).toBe('unknown');
  });

  it('flags the stagnation code 202 and proxy signatures 303/304/501', () => {
    expect(facts(k100('202', [row('2026-11-18 08:00:00', '快件超时未更新')]))).toMatchObject({ status: 'exception', providerStalled: true });
    for (const code of ['303', '304', '501']) expect(facts(k100(code, [row('2026-11-20 08:00:00', '快件动态')])).proxySigned).toBe(true);
    expect(facts(k100('301', [row('2026-11-20 08:00:00', '本人签收')])).proxySigned).toBe(false);
  });

  it('keeps the courier the body names (lower case) and the route destination', () => {
    const body = k100('0', [row('2026-11-20 08:00:00', '快件动态', '1002')], { com: 'YuanTong', routeInfo: { to: { number: 'CN440100000000', name: '广东,广州市' } } });
    expect(facts(body)).toMatchObject({ reportedCourier: 'yuantong', destinationArea: '广东,广州市' });
    expect(facts({ ...body, com: undefined }).reportedCourier).toBeNull();
  });

  it('takes codes named like object properties for unknown codes, not table entries', () => {
    const read = facts(k100('toString', [row('2026-11-20 08:00:00', '快件已到达【杭州转运中心】', 'constructor')]));
    expect(read.events[0]?.status).toBe('in_transit');
    expect(read).toMatchObject({ status: 'in_transit', rawState: 'toString', rawSub: null });
  });

  it('skips events without a readable time, and duplicates', () => {
    const f = facts(
      k100('0', [
        row('2026-11-19 21:40:00', '快件已到达【无锡转运中心】', '1002'),
        row('2026-11-19 21:40:00', '快件已到达【无锡转运中心】', '1002'),
        row('sometime', '快件动态'),
        { context: 'no time' },
        'garbage' as never,
      ]),
    );
    expect(f.events).toHaveLength(1);
  });

  it('keeps the same one of two duplicates whatever their order (found by the shuffle property)', () => {
    const bare = row('2026-11-14 10:00:00', '已揽收');
    const withArea = row('2026-11-14 10:00:00', '已揽收', undefined, '江苏,苏州市');
    const one = facts(k100('0', [bare, withArea]));
    expect(facts(k100('0', [withArea, bare]))).toEqual(one);
    expect(one.events).toEqual([expect.objectContaining({ area: '江苏,苏州市' })]);
  });

  it('reads a time sent without seconds or with ftime only, as Shanghai time', () => {
    const f = facts({ ...k100('0', []), data: [{ ftime: '2026-11-20 08:00', context: '快件动态' }] });
    expect(f.lastEventAt).toBe(sh('2026-11-20 08:00:00'));
  });
});

describe('normalizeKuaidi100 on event times it cannot read as they are', () => {
  const read = (data: unknown[], extra: Record<string, unknown> = {}) => normalizeKuaidi100({ ...k100('0', []), data, ...extra }, 'ZT7800001234567', CHECKED);

  it('reads the common time forms of couriers, slashes and explicit offsets included', () => {
    const result = read([
      { time: '2026/11/19 07:10:00', context: '已揽收' },
      { time: '2026-11-19T09:10', context: '快件已发往【转运中心】' },
      { time: '2026-11-19 10:10:00.250', context: '快件已到达【转运中心】' },
      { time: '2026-11-19T03:10:00Z', context: '快件已到达【苏州转运中心】' },
    ]);
    expect(result).toMatchObject({ ok: true, problems: [] });
    if (!result.ok) return;
    expect(result.facts.events.map((event) => event.at)).toEqual([
      sh('2026-11-19 07:10:00'),
      sh('2026-11-19 09:10:00'),
      sh('2026-11-19 10:10:00') + 250,
      sh('2026-11-19 11:10:00'),
    ]);
    expect(result.facts.pickedUpAt).toBe(sh('2026-11-19 07:10:00'));
  });

  it('reads the time when ftime cannot be read, and says so', () => {
    const result = read([{ ftime: '19日 07:10', time: '2026-11-19 07:10:00', context: '已揽收' }]);
    expect(result).toMatchObject({ ok: true, problems: ['data[0].ftime: "19日 07:10" is not a time; event read from time'] });
    expect(result.ok && result.facts.events.map((event) => event.at)).toEqual([sh('2026-11-19 07:10:00')]);
  });

  it('keeps the readable events and names each event it skips, by index, field and escaped value, in body order', () => {
    const result = read([
      { time: '2026-11-20 08:00:00', context: '派件中' },
      { time: 'sometime\nassess: fake', context: '快件动态' },
      { context: 'no time' },
      'garbage',
      { time: '0050-06-01 12:00:00', context: '已揽收' },
      { time: 1795482720, context: '已揽收' },
      { ftime: 'x', time: '2150-01-01 00:00:00', context: '已揽收' },
    ]);
    expect(result).toMatchObject({
      ok: true,
      problems: [
        'data[1].time: "sometime\\nassess: fake" is not a time; event skipped',
        'data[2]: no time or ftime; skipped',
        'data[3]: expected an event object, got "garbage"; skipped',
        'data[4].time: "0050-06-01 12:00:00" is not a plausible time; event skipped',
        'data[5].time: expected a time as text, got 1795482720; event skipped',
        'data[6].ftime: "x" is not a time',
        'data[6].time: "2150-01-01 00:00:00" is not a plausible time; event skipped',
      ],
    });
    expect(result.ok && result.facts.events.map((event) => event.text)).toEqual(['派件中']);
  });

  it('answers an error, not "no record", when events are listed and none can be read', () => {
    expect(read([{ time: 'sometime', context: '已揽收' }, { context: '派件中' }])).toEqual({
      ok: false,
      error: 'Kuaidi100 data lists 2 events and none can be read: data[0].time: "sometime" is not a time; event skipped; data[1]: no time or ftime; skipped',
      retry: 'backoff',
    });
    // An empty list is a reading: the courier has no event yet.
    expect(read([])).toMatchObject({ ok: true, facts: { noRecord: false, events: [] } });
    expect(normalizeKuaidi100({ message: 'ok', data: [] }, 'ZT7800001234567', CHECKED)).toMatchObject({ ok: true, facts: { noRecord: true } });
  });

  it('names fields of the wrong kind and reads them as absent', () => {
    const result = read([{ time: '2026-11-20 08:00:00', context: { text: '已签收' }, statusCode: 301.5, areaName: ['江苏'] }], { com: ['zhongtong'], state: true });
    expect(result).toMatchObject({
      ok: true,
      problems: [
        'data[0].context: expected text, got an object',
        'data[0].statusCode: expected text, got 301.5',
        'data[0].areaName: expected text, got a list',
        'state: expected text, got true',
        'com: expected text, got a list',
      ],
      facts: { rawState: null, reportedCourier: null, events: [{ text: '', code: null, area: null, status: null }] },
    });
  });

  it('escapes the provider message and a waybill number of another body', () => {
    expect(normalizeKuaidi100({ result: false, returnCode: '502', message: '服务器错误\nassess: fake' }, 'ZT7800001234567', CHECKED)).toEqual({
      ok: false,
      error: 'Kuaidi100 returnCode 502: 服务器错误\\nassess: fake',
      retry: 'backoff',
    });
    expect(normalizeKuaidi100({ ...k100('0', []), nu: 7800001234 }, 'ZT7800001234567', CHECKED)).toMatchObject({
      ok: false,
      error: 'Kuaidi100 body is for waybill 7800001234, not ZT7800001234567',
    });
  });
});
