import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KUAIDI100_QUERY_URL, kuaidi100Client, kuaidi100Request, kuaidi100Sign } from '../../../lib/tracking/kuaidi100-client';
import type { QueryOutcome, TrackingQuery } from '../../../lib/tracking/provider';
import { fakeTransport, formFields, json, query, type ScriptedReply } from './fake-transport';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
/** Synthetic credentials, distinctive enough that a leak into any text is found by a substring search. */
const CREDENTIALS = { customer: 'CUST-7731QX', key: 'k100-secret-Z9' };

const nodeSign = (param: string, key: string, customer: string) =>
  createHash('md5').update(param + key + customer, 'utf8').digest('hex').toUpperCase();

async function ask(reply: ScriptedReply, q: TrackingQuery = query()) {
  const fake = fakeTransport(reply);
  const outcome = await kuaidi100Client(CREDENTIALS).query(q, { now: NOW, transport: fake.transport });
  return { outcome, sent: fake.sent };
}

const trace = {
  message: 'ok',
  nu: 'YT0000000000001',
  ischeck: '0',
  com: 'yuantong',
  status: '200',
  state: '0',
  data: [
    { time: '2026-11-20 08:10:00', ftime: '2026-11-20 08:10:00', context: '快件已到达【苏州转运中心】', areaName: '江苏,苏州市', status: '在途', statusCode: '1002' },
    { time: '2026-11-19 18:00:00', ftime: '2026-11-19 18:00:00', context: '【杭州市】圆通速递 已揽收', status: '揽收', statusCode: '103' },
  ],
};

describe('kuaidi100Sign', () => {
  it('matches the documented example and an RFC 1321 vector', () => {
    // lib/tracking/README.md § Kuaidi100 signing, computed with the stand-in's demo credentials.
    expect(kuaidi100Sign('{"com":"zhongtong","num":"ZT000000000001","phone":"5678","resultv2":"4"}', 'demo-key', 'DEMO-CUSTOMER')).toBe(
      '20EE6397CC6B57C47E30C1EC744E4EBE',
    );
    // MD5("abc") = 900150983cd24fb0d6963f7d28e17f72 (RFC 1321 A.5), as the three parts concatenated.
    expect(kuaidi100Sign('a', 'b', 'c')).toBe('900150983CD24FB0D6963F7D28E17F72');
  });

  it.each([
    ['{"com":"shunfeng","num":"SF1234567890","phone":"0001","resultv2":"4"}', 'key', 'CUSTOMER'],
    ['{"com":"yuantong","num":"YT1","context":"快件已到达【苏州】"}', '密钥-ä', '客户'],
    ['', '', ''],
  ])('agrees with node:crypto over UTF-8 bytes: %s', (param, key, customer) => {
    expect(kuaidi100Sign(param, key, customer)).toBe(nodeSign(param, key, customer));
  });
});

describe('kuaidi100Request', () => {
  it('posts the exact documented form, each value percent-encoded once', () => {
    const request = kuaidi100Request(
      { courierCode: 'zhongtong', trackingNumber: 'ZT000000000001', phoneTail: '5678' },
      { customer: 'DEMO-CUSTOMER', key: 'demo-key' },
    );
    expect(request).toEqual({
      url: 'https://poll.kuaidi100.com/poll/query.do',
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body:
        'customer=DEMO-CUSTOMER&sign=20EE6397CC6B57C47E30C1EC744E4EBE' +
        '&param=%7B%22com%22%3A%22zhongtong%22%2C%22num%22%3A%22ZT000000000001%22%2C%22phone%22%3A%225678%22%2C%22resultv2%22%3A%224%22%7D',
    });
  });

  it('signs the param text it posts: decoded once, the form verifies with node:crypto', () => {
    const fields = formFields(kuaidi100Request({ courierCode: 'yuantong', trackingNumber: 'YT0000000000001', phoneTail: null }, CREDENTIALS));
    expect(fields.param).toBe('{"com":"yuantong","num":"YT0000000000001","resultv2":"4"}');
    expect(fields.sign).toBe(nodeSign(fields.param as string, CREDENTIALS.key, CREDENTIALS.customer));
    expect(fields.customer).toBe(CREDENTIALS.customer);
  });

  it('encodes + = / and % exactly once, so a server decoding once reads the values back unchanged', () => {
    const customer = 'C+U/S=T%25';
    const request = kuaidi100Request({ courierCode: 'yuantong', trackingNumber: 'YT0000000000001', phoneTail: null }, { customer, key: 'k+/=' });
    expect(request.body.startsWith('customer=C%2BU%2FS%3DT%2525&')).toBe(true);
    const fields = formFields(request);
    expect(fields.customer).toBe(customer);
    expect(fields.sign).toBe(nodeSign(fields.param as string, 'k+/=', customer));
  });

  it('never puts the key itself in the request', () => {
    expect(kuaidi100Request({ courierCode: 'yuantong', trackingNumber: 'YT0000000000001', phoneTail: null }, CREDENTIALS).body).not.toContain(CREDENTIALS.key);
  });
});

describe('kuaidi100Client: what is asked', () => {
  it('maps the courier, normalizes the number and sends the phone tail only where it is required', async () => {
    const yto = await ask(json(trace), query({ trackingNumber: ' yt0000000000001 ' }));
    expect(yto.sent).toHaveLength(1);
    expect(yto.sent[0]?.url).toBe(KUAIDI100_QUERY_URL);
    expect(JSON.parse(formFields(yto.sent[0]!).param!)).toEqual({ com: 'yuantong', num: 'YT0000000000001', resultv2: '4' });

    const yunda = await ask(json(trace), query({ shippingId: 121, phoneTail: '1234' }));
    expect(JSON.parse(formFields(yunda.sent[0]!).param!)).not.toHaveProperty('phone');

    for (const [shippingId, com] of [[44, 'shunfeng'], [115, 'zhongtong']] as const) {
      const { sent } = await ask(json(trace), query({ shippingId, phoneTail: '5678' }));
      expect(JSON.parse(formFields(sent[0]!).param!)).toEqual({ com, num: 'YT0000000000001', phone: '5678', resultv2: '4' });
    }
  });

  it.each([
    ['an unknown courier', query({ shippingId: 999 }), 'bad_input'],
    ['no courier', query({ shippingId: null, courierName: null }), 'bad_input'],
    ['no tracking number', query({ trackingNumber: '  ' }), 'bad_input'],
    ['顺丰 without a phone tail', query({ shippingId: 44 }), 'needs_phone'],
    ['中通 without a phone tail', query({ shippingId: 115 }), 'needs_phone'],
    ['中通 with a tail that is not four digits', query({ shippingId: 115, phoneTail: '12a4' }), 'needs_phone'],
  ] as const)('sends nothing for %s: %s', async (_case, q, errorClass) => {
    const { outcome, sent } = await ask(json(trace), q);
    expect(sent).toEqual([]);
    expect(outcome).toMatchObject({ ok: false, errorClass, code: null });
  });

  it('tells the merchant what a missing phone tail needs', async () => {
    const { outcome } = await ask(json(trace), query({ shippingId: 115 }));
    expect(outcome.ok === false && outcome.message.zh).toMatch(/^需要手机后四位/);
  });
});

describe('kuaidi100Client: what the reply means', () => {
  it('reads a trace into facts checked now', async () => {
    const { outcome } = await ask(json(trace));
    expect(outcome).toMatchObject({ ok: true, result: { ok: true, facts: { provider: 'kuaidi100', status: 'in_transit', checkedAt: NOW, rawSub: '1002' } } });
  });

  it('reads returnCode 500 as a reading with no record, not as an error', async () => {
    const { outcome } = await ask(json({ result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' }));
    expect(outcome).toMatchObject({ ok: true, result: { facts: { noRecord: true, status: 'unknown' } } });
  });

  it.each([
    ['503', 'auth', '签名错误：请核对授权key与customer'],
    ['601', 'auth', '授权key已过期：请在快递100后台续费或更换key后重新保存'],
    ['600', 'auth', '授权key无效：请核对快递100授权key'],
    ['400', 'bad_input', '快递100不受理这个快递公司或单号：请核对该单的快递公司和运单号'],
    ['408', 'needs_phone', '需要手机后四位：顺丰、中通的单号须附收件人或寄件人手机后四位，请在设置中填写寄件人手机后四位并核对'],
    ['501', 'transient', '快递100暂时出错，稍后自动重试'],
    ['502', 'transient', '快递100暂时出错，稍后自动重试'],
    ['999', 'transient', '快递100暂时出错，稍后自动重试'],
  ] as const)('returnCode %s is %s', async (returnCode, errorClass, zh) => {
    const { outcome } = await ask(json({ result: false, returnCode, message: '失败' }));
    expect(outcome).toMatchObject({ ok: false, errorClass, code: returnCode, detail: `Kuaidi100 returnCode ${returnCode}: 失败`, message: { zh } });
    expect(outcome.ok === false && outcome.message.en).not.toBe('');
  });

  it('reads a numeric returnCode like a text one', async () => {
    expect(await ask(json({ result: false, returnCode: 503, message: '验证签名失败' }))).toMatchObject({ outcome: { errorClass: 'auth', code: '503' } });
  });

  it.each([
    ['HTTP 429', { status: 429, text: '' }, 'rate', '429'],
    ['HTTP 500', { status: 500, text: '<html>' }, 'transient', '500'],
    ['HTTP 503', { status: 503, text: '' }, 'transient', '503'],
    ['HTTP 403 from a proxy', { status: 403, text: 'Forbidden' }, 'transient', '403'],
    ['a body that is not JSON', { status: 200, text: '<html>busy</html>' }, 'transient', null],
    ['JSON that is not an object', json([1, 2]), 'transient', null],
    ['JSON null', json(null), 'transient', null],
    ['data that is not a list', json({ ...trace, data: 'x' }), 'transient', null],
    ["another waybill's body", json({ ...trace, nu: 'YT9999999999999' }), 'transient', null],
    ['a timeout', { reject: new DOMException('signal timed out', 'TimeoutError') }, 'transient', null],
    ['a network failure', { reject: new TypeError('Failed to fetch') }, 'transient', null],
    ['a rejection with no Error', { reject: 'offline' }, 'transient', null],
  ] as const)('%s is %s', async (_case, reply, errorClass, code) => {
    const { outcome } = await ask(reply);
    expect(outcome).toMatchObject({ ok: false, errorClass, code });
  });

  it('says a rate limit pauses and a transport failure may be a missing permission', async () => {
    const rate = (await ask({ status: 429, text: '' })).outcome;
    expect(rate.ok === false && rate.message.zh).toBe('快递100查询过于频繁：已暂停，稍后自动继续');
    const timeout = (await ask({ reject: new DOMException('signal timed out', 'TimeoutError') })).outcome;
    expect(timeout).toMatchObject({ detail: 'request to Kuaidi100 failed: TimeoutError: signal timed out' });
    expect(timeout.ok === false && timeout.message.zh).toContain('允许访问其网站');
  });
});

describe('kuaidi100Client: credentials stay out of every outcome', () => {
  const echo = `customer=${CREDENTIALS.customer}&key=${CREDENTIALS.key}`;
  it.each<[string, ScriptedReply]>([
    ['a provider message echoing them', json({ result: false, returnCode: '503', message: echo })],
    ['an unknown code echoing them', json({ result: false, returnCode: '777', message: `bad "${CREDENTIALS.key}"` })],
    ['a transport error naming them', { reject: new Error(`connect failed for ${echo}`) }],
    ['a body that is not JSON', { status: 200, text: `${CREDENTIALS.key}!` }],
    ['HTTP 500', { status: 500, text: echo }],
  ])('%s', async (_case, reply) => {
    const { outcome } = await ask(reply);
    expect(outcome.ok).toBe(false);
    const text = JSON.stringify(outcome satisfies QueryOutcome);
    expect(text).not.toContain(CREDENTIALS.key);
    expect(text).not.toContain(CREDENTIALS.customer);
  });
});
