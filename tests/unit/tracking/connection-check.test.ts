import { describe, expect, it } from 'vitest';
import { connectionCheck, connectionCheckQuery } from '../../../lib/tracking/connection-check';
import { fakeTransport, formFields, json } from './fake-transport';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const K100 = { customer: 'CUST-7731QX', key: 'k100-secret-Z9' };
const KDN = { businessId: 'EB-4410QX', apiKey: 'kdn-secret-Z9', requestType: '8001' as const };

describe('connectionCheck', () => {
  it('asks Kuaidi100 once about the made-up 圆通 number and takes "no record" as working credentials', async () => {
    const fake = fakeTransport(json({ result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' }));
    const result = await connectionCheck('kuaidi100', K100, fake.transport, NOW);
    expect(result).toEqual({ ok: true, message: { zh: '连接成功：快递100已接受这组账号信息', en: 'Connected: Kuaidi100 accepted these credentials' } });
    expect(fake.sent).toHaveLength(1);
    expect(JSON.parse(formFields(fake.sent[0]!).param!)).toEqual({ com: 'yuantong', num: connectionCheckQuery(NOW).trackingNumber, resultv2: '4' });
  });

  it('takes a Kdniao "no trace" as working, asked with the chosen RequestType', async () => {
    const fake = fakeTransport(json({ EBusinessID: KDN.businessId, ShipperCode: 'YTO', LogisticCode: connectionCheckQuery(NOW).trackingNumber, Success: true, State: '0', Traces: [] }));
    expect(await connectionCheck('kdniao', KDN, fake.transport, NOW)).toMatchObject({ ok: true, message: { zh: '连接成功：快递鸟已接受这组账号信息' } });
    expect(formFields(fake.sent[0]!)).toMatchObject({ EBusinessID: KDN.businessId, RequestType: '8001' });
  });

  it('asks about another made-up number at each attempt, of 圆通\'s shape and plainly fake, so repeated clicks never lock one', async () => {
    const fake = fakeTransport(json({ result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' }));
    // Clicks a second, a minute and 29 minutes apart: within Kuaidi100's 30-minute lock, each number asked once.
    for (const at of [NOW, NOW + 1_000, NOW + 60_000, NOW + 29 * 60_000]) await connectionCheck('kuaidi100', K100, fake.transport, at);
    const asked = fake.sent.map((request) => (JSON.parse(formFields(request).param!) as { num: string }).num);
    expect(new Set(asked).size).toBe(4);
    for (const number of asked) expect(number).toMatch(/^YT000\d{10}$/);
    // Derived from the attempt time alone: the same instant asks the same number.
    expect(connectionCheckQuery(NOW)).toEqual(connectionCheckQuery(NOW));
    expect(asked[0]).toBe(`YT000${String(NOW % 1e10).padStart(10, '0')}`);
  });

  it('says a wrong key plainly', async () => {
    const fake = fakeTransport(json({ result: false, returnCode: '503', message: '验证签名失败' }));
    expect(await connectionCheck('kuaidi100', K100, fake.transport, NOW)).toEqual({
      ok: false,
      message: { zh: '签名错误：请核对授权key与customer', en: 'Signature rejected: check the authorization key and customer' },
    });
  });

  it.each([
    ['an unreachable host', { reject: new TypeError('Failed to fetch') }, /^连不上快递鸟/],
    ['a daily cap', json({ Success: false, Reason: '今日查询次数已超过上限' }), /^快递鸟今日查询次数已用完/],
    ['a server error', { status: 502, text: '' }, /^快递鸟暂时出错/],
  ] as const)('is not ok on %s, with its message', async (_case, reply, zh) => {
    const result = await connectionCheck('kdniao', KDN, fakeTransport(reply).transport, NOW);
    expect(result.ok).toBe(false);
    expect(result.message.zh).toMatch(zh);
  });
});
