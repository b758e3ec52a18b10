import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KDNIAO_QUERY_URL, kdniaoClient, kdniaoRequest, kdniaoSign } from '../../../lib/tracking/kdniao-client';
import type { KdniaoCredentials, TrackingQuery } from '../../../lib/tracking/provider';
import { fakeTransport, formFields, json, query, type ScriptedReply } from './fake-transport';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const CREDENTIALS: KdniaoCredentials = { businessId: 'EB-4410QX', apiKey: 'kdn-secret-Z9', requestType: '1002' };

/** Base64 over the lower-case hex text, by node:crypto, independent of the code under test. */
const nodeSign = (requestData: string, apiKey: string) =>
  Buffer.from(createHash('md5').update(requestData + apiKey, 'utf8').digest('hex'), 'utf8').toString('base64');

async function ask(reply: ScriptedReply, q: TrackingQuery = query(), credentials = CREDENTIALS) {
  const fake = fakeTransport(reply);
  const outcome = await kdniaoClient(credentials).query(q, { now: NOW, transport: fake.transport });
  return { outcome, sent: fake.sent };
}

const trace = {
  EBusinessID: CREDENTIALS.businessId,
  ShipperCode: 'YTO',
  LogisticCode: 'YT0000000000001',
  Success: true,
  Reason: null,
  State: '2',
  Traces: [
    { AcceptTime: '2026-11-19 18:00:00', AcceptStation: '【杭州】已揽收' },
    { AcceptTime: '2026-11-20 08:10:00', AcceptStation: '快件已到达【苏州转运中心】' },
  ],
};
const failed = (Reason: string) => json({ EBusinessID: CREDENTIALS.businessId, Success: false, Reason });

describe('kdniaoSign', () => {
  it('matches the documented example: Base64 of the hex text, 44 characters ending in =', () => {
    // lib/tracking/README.md § Kdniao signing, with the stand-in's demo key.
    const sign = kdniaoSign('{"OrderCode":"","ShipperCode":"SF","LogisticCode":"SF0000000000001","CustomerName":"5678"}', 'demo-appkey');
    expect(sign).toBe('NDZjMTA0MjVmOTEyMjUxNTg3MjVkZjk2ZDQ5NzJlMTk=');
    expect(atob(sign)).toBe('46c10425f91225158725df96d4972e19');
  });

  it.each([
    ['{"OrderCode":"","ShipperCode":"YTO","LogisticCode":"YT1"}', 'key'],
    ['{"LogisticCode":"中文单号"}', '密钥'],
    ['', ''],
  ])('agrees with node:crypto over UTF-8 bytes: %s', (requestData, apiKey) => {
    expect(kdniaoSign(requestData, apiKey)).toBe(nodeSign(requestData, apiKey));
  });
});

describe('kdniaoRequest', () => {
  it('posts the exact documented form, the sign percent-encoded once (= as %3D, not %253D)', () => {
    const request = kdniaoRequest(
      { courierCode: 'SF', trackingNumber: 'SF0000000000001', phoneTail: '5678' },
      { businessId: 'DEMO-EB', apiKey: 'demo-appkey', requestType: '1002' },
    );
    expect(request).toEqual({
      url: 'https://api.kdniao.com/Ebusiness/EbusinessOrderHandle.aspx',
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body:
        'EBusinessID=DEMO-EB&RequestType=1002' +
        '&RequestData=%7B%22OrderCode%22%3A%22%22%2C%22ShipperCode%22%3A%22SF%22%2C%22LogisticCode%22%3A%22SF0000000000001%22%2C%22CustomerName%22%3A%225678%22%7D' +
        '&DataSign=NDZjMTA0MjVmOTEyMjUxNTg3MjVkZjk2ZDQ5NzJlMTk%3D&DataType=2',
    });
  });

  it('signs the RequestData text it posts: decoded once, the form verifies with node:crypto', () => {
    const fields = formFields(kdniaoRequest({ courierCode: 'YTO', trackingNumber: 'YT0000000000001', phoneTail: null }, { ...CREDENTIALS, requestType: '8001' }));
    expect(fields).toEqual({
      EBusinessID: CREDENTIALS.businessId,
      RequestType: '8001',
      RequestData: '{"OrderCode":"","ShipperCode":"YTO","LogisticCode":"YT0000000000001"}',
      DataSign: nodeSign('{"OrderCode":"","ShipperCode":"YTO","LogisticCode":"YT0000000000001"}', CREDENTIALS.apiKey),
      DataType: '2',
    });
  });

  it('encodes + = / and % exactly once, so a server decoding once reads the values back unchanged', () => {
    const businessId = 'E+B/1=%3D';
    const request = kdniaoRequest({ courierCode: 'YTO', trackingNumber: 'YT0000000000001', phoneTail: null }, { ...CREDENTIALS, businessId });
    expect(request.body.startsWith('EBusinessID=E%2BB%2F1%3D%253D&')).toBe(true);
    expect(formFields(request).EBusinessID).toBe(businessId);
    expect(request.body).not.toContain(CREDENTIALS.apiKey);
  });
});

describe('kdniaoClient: what is asked', () => {
  it('maps the courier and adds CustomerName for 顺丰 and 中通 only', async () => {
    const yto = await ask(json(trace));
    expect(yto.sent[0]?.url).toBe(KDNIAO_QUERY_URL);
    expect(JSON.parse(formFields(yto.sent[0]!).RequestData!)).toEqual({ OrderCode: '', ShipperCode: 'YTO', LogisticCode: 'YT0000000000001' });
    for (const [shippingId, ShipperCode] of [[44, 'SF'], [115, 'ZTO']] as const) {
      const { sent } = await ask(json(trace), query({ shippingId, phoneTail: '0001' }));
      expect(JSON.parse(formFields(sent[0]!).RequestData!)).toEqual({ OrderCode: '', ShipperCode, LogisticCode: 'YT0000000000001', CustomerName: '0001' });
    }
  });

  it.each([
    ['an unknown courier', query({ shippingId: 4242 }), 'bad_input'],
    ['顺丰 without a phone tail', query({ shippingId: 44 }), 'needs_phone'],
    ['中通 without a phone tail', query({ shippingId: 115 }), 'needs_phone'],
  ] as const)('sends nothing for %s', async (_case, q, errorClass) => {
    const { outcome, sent } = await ask(json(trace), q);
    expect(sent).toEqual([]);
    expect(outcome).toMatchObject({ ok: false, errorClass });
  });
});

describe('kdniaoClient: what the reply means', () => {
  it('reads a trace, and "no trace" as a reading with no record', async () => {
    expect((await ask(json(trace))).outcome).toMatchObject({ ok: true, result: { facts: { provider: 'kdniao', status: 'in_transit', checkedAt: NOW } } });
    const none = { ...trace, State: '0', Traces: [] };
    expect((await ask(json(none))).outcome).toMatchObject({ ok: true, result: { facts: { noRecord: true } } });
    expect((await ask(failed('暂无轨迹信息'))).outcome).toMatchObject({ ok: true, result: { facts: { noRecord: true } } });
  });

  it.each([
    ['验证数据签名失败', 'auth', '签名错误：请核对快递鸟 ApiKey 与 EBusinessID'],
    ['用户ID不存在或未开通该接口', 'auth', '快递鸟账号或接口未开通：请核对 EBusinessID，并在快递鸟后台开通所选的查询接口'],
    ['顺丰单号需要CustomerName（收件人手机号后四位）', 'needs_phone', '需要手机后四位：顺丰、中通的单号须附手机后四位，请在设置中填写寄件人手机后四位'],
    ['手机号后四位不正确', 'needs_phone', '需要手机后四位：顺丰、中通的单号须附手机后四位，请在设置中填写寄件人手机后四位'],
    ['请求频率过快', 'rate', '快递鸟查询过于频繁：已暂停，稍后自动继续'],
    ['系统繁忙', 'transient', '快递鸟暂时出错，稍后自动重试'],
    ['', 'transient', '快递鸟暂时出错，稍后自动重试'],
  ] as const)('Reason %j is %s', async (reason, errorClass, zh) => {
    const { outcome } = await ask(failed(reason));
    expect(outcome).toMatchObject({ ok: false, errorClass, code: null, message: { zh } });
    expect(outcome).not.toHaveProperty('retryAt');
  });

  it('pauses a daily cap until the next midnight, Beijing time', async () => {
    const { outcome } = await ask(failed('今日查询次数已超过上限'));
    expect(outcome).toMatchObject({ ok: false, errorClass: 'rate', retryAt: Date.parse('2026-11-21T00:00:00+08:00') });
    const atMidnight = await kdniaoClient(CREDENTIALS).query(query(), {
      now: Date.parse('2026-11-21T00:00:00+08:00'),
      transport: fakeTransport(failed('调用次数已达上限')).transport,
    });
    expect(atMidnight).toMatchObject({ retryAt: Date.parse('2026-11-22T00:00:00+08:00') });
  });

  it.each([
    ['HTTP 429', { status: 429, text: '' }, 'rate'],
    ['HTTP 502', { status: 502, text: '' }, 'transient'],
    ['a body that is not JSON', { status: 200, text: 'Server Error' }, 'transient'],
    ['Traces that is not a list', json({ ...trace, Traces: {} }), 'transient'],
    ["another waybill's body", json({ ...trace, LogisticCode: 'SF1' }), 'transient'],
    ['a timeout', { reject: new DOMException('signal timed out', 'TimeoutError') }, 'transient'],
  ] as const)('%s is %s', async (_case, reply, errorClass) => {
    expect((await ask(reply)).outcome).toMatchObject({ ok: false, errorClass });
  });
});

describe('kdniaoClient: credentials stay out of every outcome', () => {
  const echo = `EBusinessID=${CREDENTIALS.businessId} AppKey=${CREDENTIALS.apiKey}`;
  it.each<[string, ScriptedReply]>([
    ['an auth Reason echoing them', failed(`验证数据签名失败 ${echo}`)],
    ['a transient Reason echoing them', failed(`系统繁忙 "${CREDENTIALS.apiKey}"`)],
    ['a transport error naming them', { reject: new Error(echo) }],
    ['a body that is not JSON', { status: 200, text: `${CREDENTIALS.apiKey}` }],
  ])('%s', async (_case, reply) => {
    const text = JSON.stringify((await ask(reply)).outcome);
    expect(text).not.toContain(CREDENTIALS.apiKey);
    expect(text).not.toContain(CREDENTIALS.businessId);
  });
});
