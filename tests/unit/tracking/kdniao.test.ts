import { describe, expect, it } from 'vitest';
import { normalizeKdniao } from '../../../lib/tracking/kdniao';

const CHECKED = Date.UTC(2026, 10, 20, 2, 0, 0);
const sh = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`);

function kdn(fields: Record<string, unknown>, traces: Array<Record<string, string>> = []) {
  return { EBusinessID: '1000000', ShipperCode: 'YTO', LogisticCode: 'YT0000000000001', Success: true, Reason: null, Traces: traces, ...fields };
}
const trace = (AcceptTime: string, AcceptStation: string, Action?: string, Location?: string) => ({
  AcceptTime,
  AcceptStation,
  ...(Action === undefined ? {} : { Action }),
  ...(Location === undefined ? {} : { Location }),
});

function facts(body: unknown) {
  const result = normalizeKdniao(body, 'YT0000000000001', CHECKED);
  if (!result.ok) throw new Error(result.error);
  return result.facts;
}

describe('normalizeKdniao', () => {
  it('reads a 1002 body (ascending traces)', () => {
    const f = facts(kdn({ State: '2' }, [trace('2026-11-19 20:00:00', '【杭州】已揽收', '1', '杭州市'), trace('2026-11-20 03:10:00', '到达【杭州中转部】', '2', '杭州市')]));
    expect(f).toMatchObject({ provider: 'kdniao', status: 'in_transit', rawState: '2', pickedUpAt: sh('2026-11-19 20:00:00'), lastEventAt: sh('2026-11-20 03:10:00') });
    expect(f.events[0]).toMatchObject({ area: '杭州市', code: '1', status: 'picked_up' });
  });

  it.each([
    ['StateEx 202 out for delivery', { State: '2', StateEx: '202' }, 'out_for_delivery'],
    ['StateEx 211 locker', { State: '2', StateEx: '211' }, 'available_for_pickup'],
    ['StateEx 404 rejected', { State: '4', StateEx: '404' }, 'rejected'],
    ['StateEx 406 returned', { State: '4', StateEx: '406' }, 'returned'],
    ['StateEx 407 returning', { State: '4', StateEx: '407' }, 'returning'],
    ['StateEx 413 intercepted, heading back', { State: '4', StateEx: '413' }, 'returning'],
    ['StateEx 401 no info yet', { State: '4', StateEx: '401' }, 'pending'],
    ['StateEx 405 delivery failure', { State: '4', StateEx: '405' }, 'exception'],
    ['State 3 only', { State: '3' }, 'delivered'],
    ['State 4 only', { State: '4' }, 'exception'],
  ])('%s', (_label, fields, status) => {
    expect(facts(kdn(fields, [trace('2026-11-20 08:00:00', '快件动态')])).status).toBe(status);
  });

  it('reads State 0 with no traces as no record', () => {
    expect(facts(kdn({ State: '0' }))).toMatchObject({ status: 'unknown', noRecord: true });
    expect(facts({ Success: false, Reason: '暂无轨迹信息', LogisticCode: 'YT0000000000001' })).toMatchObject({ noRecord: true });
  });

  it('flags 403 as stalled and 304/311/211 as proxy', () => {
    expect(facts(kdn({ State: '4', StateEx: '403' }, [trace('2026-11-17 08:00:00', '快件动态')]))).toMatchObject({ providerStalled: true, status: 'exception' });
    for (const code of ['211', '304', '311']) expect(facts(kdn({ State: '3', StateEx: code }, [trace('2026-11-20 08:00:00', '快件动态')])).proxySigned).toBe(true);
  });

  it('reads codes named like object properties as unknown codes', () => {
    const f = facts(kdn({ State: 'constructor', StateEx: 'toString' }, [trace('2026-11-20 08:00:00', '运输中', '__proto__')]));
    expect(f).toMatchObject({ status: 'in_transit', rawState: 'constructor', rawSub: null });
    expect(f.events[0]).toMatchObject({ code: '__proto__', status: 'in_transit' });
  });

  it("takes the newest event's Action for a missing StateEx only when it is a sub-code, never over State", () => {
    const traces = (action: string) => [trace('2026-11-19 20:00:00', '【杭州】已揽收', '1'), trace('2026-11-20 03:10:00', '快件动态', action)];
    expect(facts(kdn({ State: '4' }, traces('2'))).status).toBe('exception');
    expect(facts(kdn({ State: '2' }, traces('202')))).toMatchObject({ status: 'out_for_delivery', rawSub: '202' });
    expect(facts(kdn({}, traces('2'))).status).toBe('in_transit');
  });

  it('keeps the courier the body names', () => {
    expect(facts(kdn({ State: '2', ShipperCode: 'zto' }, [trace('2026-11-20 08:00:00', '运输中')])).reportedCourier).toBe('ZTO');
  });

  it.each([
    [{ Success: false, Reason: '验证数据签名失败' }, 'never'],
    [{ Success: false, Reason: '今日查询次数已超过上限' }, 'later'],
    [{ Success: false, Reason: '请求频率过快' }, 'later'],
    [{ Success: false, Reason: '用户ID不存在或未开通该接口' }, 'never'],
    [{ Success: false, Reason: '顺丰单号需要CustomerName（收件人手机号后四位）' }, 'never'],
    [{ Success: false, Reason: '系统繁忙' }, 'backoff'],
    [{ Success: false }, 'backoff'],
  ] as const)('classifies a failure by its Reason text: %j', (body, retry) => {
    const result = normalizeKdniao(body, 'YT0000000000001', CHECKED);
    expect(result).toMatchObject({ ok: false, retry });
  });

  it('refuses a body for another waybill', () => {
    expect(normalizeKdniao(kdn({ LogisticCode: 'SF000' }), 'YT0000000000001', CHECKED)).toMatchObject({ ok: false, retry: 'never' });
  });
});

describe('normalizeKdniao on event times it cannot read as they are', () => {
  it('reads slashes and offsets, and names the traces it skips', () => {
    const result = normalizeKdniao(
      kdn({ State: '2' }, [trace('2026/11/19 20:00:00', '【杭州】已揽收', '1'), trace('2026-11-20T03:10:00+08:00', '到达【杭州中转部】', '2'), trace('soon', '派件中')]),
      'YT0000000000001',
      CHECKED,
    );
    expect(result).toMatchObject({ ok: true, problems: ['Traces[2].AcceptTime: "soon" is not a time; event skipped'] });
    expect(result.ok && result.facts.unreadEvents).toBe(1);
    expect(result.ok && result.facts.events.map((event) => event.at)).toEqual([sh('2026-11-19 20:00:00'), sh('2026-11-20 03:10:00')]);
  });

  it('answers an error, not "no trace", when traces are listed and none can be read', () => {
    expect(normalizeKdniao(kdn({ State: '2' }, [trace('2026年11月19日', '已揽收'), { AcceptStation: '派件中' }]), 'YT0000000000001', CHECKED)).toEqual({
      ok: false,
      error: 'Kdniao Traces lists 2 events and none can be read: Traces[0].AcceptTime: "2026年11月19日" is not a time; event skipped; Traces[1]: no AcceptTime; skipped',
      retry: 'backoff',
    });
  });

  it('reads Success as a flag and escapes the Reason', () => {
    expect(facts(kdn({ Success: 'true', State: '2' }, [trace('2026-11-20 08:00:00', '运输中')])).status).toBe('in_transit');
    expect(normalizeKdniao({ Success: false, Reason: '系统繁忙\nassess: fake' }, 'YT0000000000001', CHECKED)).toEqual({
      ok: false,
      error: 'Kdniao request failed: 系统繁忙\\nassess: fake',
      retry: 'backoff',
    });
  });
});
