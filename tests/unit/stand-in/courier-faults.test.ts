// Faults injected into the courier stand-ins at runtime, through the router as the HTTPS server and the
// happy-dom harness use it. Each fault answers as that provider signals it (lib/tracking/README.md § Error classes).

import { afterEach, describe, expect, it, vi } from 'vitest';
import { TIMEOUT_HOLD_MS, type CourierFaultKind, type CourierName } from '../../stand-in/server/courier-faults';
import { STAND_IN_KDNIAO, STAND_IN_KUAIDI100 } from '../../stand-in/server/credentials';
import type { StandInResponse } from '../../stand-in/server/http';
import { kdniaoSign } from '../../stand-in/server/kdniao';
import { kuaidi100Sign } from '../../stand-in/server/kuaidi100';
import { createRouter, STAND_IN_HOSTS, type StandInRouter } from '../../stand-in/server/router';
import { generateShop } from '../../stand-in/synthetic-shop';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const shop = generateShop({ seed: 5, size: 200, now: NOW });

type Row = Record<string, unknown>;

/** Shipped 圆通 waybills the couriers know (no phone tail needed), so a normal answer is a full trace. */
const YTO_NUMBERS = [
  ...new Set(shop.orders.filter((row) => row.shipping_id === 85 && (shop.kuaidi100[row.tracking_number as string] as Row).returnCode === undefined).map((row) => row.tracking_number as string)),
];
const [NUMBER, OTHER_NUMBER, THIRD_NUMBER] = YTO_NUMBERS as [string, string, string];

function kuaidi100Query(router: StandInRouter, num: string): Promise<StandInResponse> {
  const param = JSON.stringify({ com: 'yuantong', num, resultv2: '4' });
  const { customer, key } = STAND_IN_KUAIDI100;
  const body = new URLSearchParams({ customer, sign: kuaidi100Sign(param, key, customer), param }).toString();
  return router.handle({ host: STAND_IN_HOSTS.kuaidi100, method: 'POST', url: '/poll/query.do', body: Buffer.from(body) });
}

function kdniaoQuery(router: StandInRouter, number: string): Promise<StandInResponse> {
  const requestData = JSON.stringify({ OrderCode: '', ShipperCode: 'YTO', LogisticCode: number });
  const { businessId, appKey } = STAND_IN_KDNIAO;
  const body = new URLSearchParams({ EBusinessID: businessId, RequestType: '8001', RequestData: requestData, DataSign: kdniaoSign(requestData, appKey), DataType: '2' }).toString();
  return router.handle({ host: STAND_IN_HOSTS.kdniao, method: 'POST', url: '/Ebusiness/EbusinessOrderHandle.aspx', body: Buffer.from(body) });
}

const QUERY: Record<CourierName, (router: StandInRouter, number: string) => Promise<StandInResponse>> = { kuaidi100: kuaidi100Query, kdniao: kdniaoQuery };

const json = (response: StandInResponse): Row => JSON.parse(String(response.body)) as Row;

describe('courier stand-ins without faults', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('log when each query was received, by the machine clock (what the 30-minute gap is checked against)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW + 5_000 });
    const router = createRouter({ shop });
    await kuaidi100Query(router, NUMBER);
    vi.setSystemTime(NOW + 31 * 60_000);
    await kdniaoQuery(router, NUMBER);
    expect(router.requests.map((entry) => entry.receivedAt)).toEqual([NOW + 5_000, NOW + 31 * 60_000]);
  });

  it('answer the shop trace (the baseline the faults replace)', async () => {
    const router = createRouter({ shop });
    expect(json(await kuaidi100Query(router, NUMBER))).toEqual(shop.kuaidi100[NUMBER]);
    expect(json(await kdniaoQuery(router, NUMBER))).toEqual({ ...(shop.kdniao[NUMBER] as Row), EBusinessID: STAND_IN_KDNIAO.businessId });
    expect(router.requests.map((entry) => [entry.trackingNumber, entry.fault])).toEqual([
      [NUMBER, undefined],
      [NUMBER, undefined],
    ]);
  });
});

describe('Kuaidi100 faults', () => {
  const answer = async (kind: CourierFaultKind): Promise<StandInResponse> => {
    const router = createRouter({ shop });
    router.courierFaults.set({ kuaidi100: { kind } });
    return kuaidi100Query(router, NUMBER);
  };

  it('http5xx: a 502 gateway page', async () => {
    const reply = await answer('http5xx');
    expect(reply.status).toBe(502);
    expect(reply.headers['content-type']).toContain('text/html');
  });

  it.each([
    ['phone408', '408'],
    ['sign503', '503'],
    ['expired601', '601'],
  ] as const)('%s: result false with returnCode %s, to a correctly signed query for a courier that needs no phone', async (kind, returnCode) => {
    const reply = await answer(kind);
    expect(reply.status).toBe(200);
    expect(json(reply)).toMatchObject({ result: false, returnCode });
  });

  it('malformed: 200 with a JSON type and a body that does not parse', async () => {
    const reply = await answer('malformed');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('application/json');
    expect(() => void JSON.parse(String(reply.body))).toThrow(SyntaxError);
  });

  it('rate429: HTTP 429 with Retry-After', async () => {
    const reply = await answer('rate429');
    expect(reply.status).toBe(429);
    expect(reply.headers['retry-after']).toBe('3600');
  });
});

describe('Kdniao faults', () => {
  // Kdniao has no error codes: the extension classifies its Reason by keyword (lib/tracking/README.md § Error classes).
  const reasonFor = async (kind: CourierFaultKind): Promise<string> => {
    const router = createRouter({ shop });
    router.courierFaults.set({ kdniao: { kind } });
    const body = json(await kdniaoQuery(router, NUMBER));
    expect(body).toMatchObject({ EBusinessID: STAND_IN_KDNIAO.businessId, Success: false });
    return body.Reason as string;
  };

  it('phone408: a Reason naming CustomerName', async () => {
    expect(await reasonFor('phone408')).toContain('CustomerName');
  });

  it('sign503: a Reason naming the signature', async () => {
    expect(await reasonFor('sign503')).toContain('签名');
  });

  it('expired601: a Reason saying the interface is not open', async () => {
    expect(await reasonFor('expired601')).toContain('未开通');
  });

  it('rate429: the daily cap as Kdniao says it, a 200 body', async () => {
    expect(await reasonFor('rate429')).toMatch(/上限|次数/);
  });

  it('http5xx and malformed as for Kuaidi100', async () => {
    const router = createRouter({ shop });
    router.courierFaults.set({ kdniao: { kind: 'http5xx', count: 1 } });
    expect((await kdniaoQuery(router, NUMBER)).status).toBe(502);
    router.courierFaults.set({ kdniao: { kind: 'malformed', count: 1 } });
    const malformed = String((await kdniaoQuery(router, NUMBER)).body);
    expect(() => void JSON.parse(malformed)).toThrow(SyntaxError);
  });
});

describe.each(['kuaidi100', 'kdniao'] as const)('timeout (%s)', (courier) => {
  it('holds the reply past the poller’s 15 s timeout by default', () => {
    expect(TIMEOUT_HOLD_MS).toBeGreaterThan(15_000);
  });

  it('holds the reply for holdMs, then answers 504', async () => {
    const router = createRouter({ shop });
    router.courierFaults.set({ [courier]: { kind: 'timeout', holdMs: 120 } });
    const started = performance.now();
    const reply = await QUERY[courier](router, NUMBER);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(reply.status).toBe(504);
  });
});

describe('fault control', () => {
  it('count: answers that many queries with the fault, then normally again', async () => {
    const router = createRouter({ shop });
    router.courierFaults.set({ kuaidi100: { kind: 'sign503', count: 2 } });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(json(await kuaidi100Query(router, NUMBER)).returnCode);
    expect(codes).toEqual(['503', '503', undefined]);
    expect(router.requests.map((entry) => entry.fault)).toEqual(['sign503', 'sign503', undefined]);
    expect(router.courierFaults.current()).toEqual({});
  });

  it('current() shows what is left of a count', async () => {
    const router = createRouter({ shop });
    router.courierFaults.set({ kuaidi100: { kind: 'http5xx', count: 3 } });
    await kuaidi100Query(router, NUMBER);
    expect(router.courierFaults.current()).toEqual({ kuaidi100: [{ kind: 'http5xx', count: 2 }] });
  });

  it('numbers: only queries for those waybills fail, and they do not use up the count of others', async () => {
    const router = createRouter({ shop });
    router.courierFaults.set({ kuaidi100: { kind: 'expired601', numbers: [OTHER_NUMBER], count: 1 } });
    expect(json(await kuaidi100Query(router, NUMBER))).toEqual(shop.kuaidi100[NUMBER]);
    expect(json(await kuaidi100Query(router, THIRD_NUMBER))).toEqual(shop.kuaidi100[THIRD_NUMBER]);
    expect(json(await kuaidi100Query(router, OTHER_NUMBER))).toMatchObject({ returnCode: '601' });
    expect(json(await kuaidi100Query(router, OTHER_NUMBER))).toEqual(shop.kuaidi100[OTHER_NUMBER]);
  });

  it('several faults of one courier, each for its own numbers, answer side by side', async () => {
    const router = createRouter({ shop });
    router.courierFaults.set({ kuaidi100: [{ kind: 'http5xx', numbers: [NUMBER] }, { kind: 'phone408', numbers: [OTHER_NUMBER], count: 1 }] });
    expect((await kuaidi100Query(router, NUMBER)).status).toBe(502);
    expect(json(await kuaidi100Query(router, OTHER_NUMBER))).toMatchObject({ returnCode: '408' });
    expect(json(await kuaidi100Query(router, THIRD_NUMBER))).toEqual(shop.kuaidi100[THIRD_NUMBER]);
    expect(router.courierFaults.current()).toEqual({ kuaidi100: [{ kind: 'http5xx', numbers: [NUMBER] }] });
  });

  it('a fault of one courier leaves the other alone', async () => {
    const router = createRouter({ shop });
    router.courierFaults.set({ kuaidi100: { kind: 'http5xx' } });
    expect((await kdniaoQuery(router, NUMBER)).status).toBe(200);
    expect((await kuaidi100Query(router, NUMBER)).status).toBe(502);
  });

  it('set() replaces only the couriers it names; null and clear() remove faults', async () => {
    const router = createRouter({ shop });
    router.courierFaults.set({ kuaidi100: { kind: 'http5xx' }, kdniao: { kind: 'http5xx' } });
    router.courierFaults.set({ kuaidi100: { kind: 'sign503' } });
    expect(router.courierFaults.current()).toEqual({ kuaidi100: [{ kind: 'sign503' }], kdniao: [{ kind: 'http5xx' }] });
    router.courierFaults.set({ kdniao: null });
    expect(router.courierFaults.current()).toEqual({ kuaidi100: [{ kind: 'sign503' }] });
    router.courierFaults.clear();
    expect((await kuaidi100Query(router, NUMBER)).status).toBe(200);
    expect(json(await kuaidi100Query(router, NUMBER))).toEqual(shop.kuaidi100[NUMBER]);
  });

  it('does not fail a preflight or a stray GET, and does not count them', async () => {
    const router = createRouter({ shop });
    router.courierFaults.set({ kuaidi100: { kind: 'http5xx', count: 1 } });
    const preflight = await router.handle({ host: STAND_IN_HOSTS.kuaidi100, method: 'OPTIONS', url: '/poll/query.do', body: Buffer.alloc(0) });
    expect(preflight.status).toBe(404);
    expect((await kuaidi100Query(router, NUMBER)).status).toBe(502);
  });

  it('refuses a fault it would not apply, instead of silently answering normally', () => {
    const control = createRouter({ shop }).courierFaults;
    expect(() => control.set({ kuaidi100: { kind: 'http500' as CourierFaultKind } })).toThrow(/unknown courier fault kind/);
    expect(() => control.set({ kuaidi100: { kind: 'http5xx', count: 0 } })).toThrow(RangeError);
    expect(() => control.set({ kdniao: { kind: 'timeout', holdMs: -1 } })).toThrow(RangeError);
    expect(control.current()).toEqual({});
  });

  it('has three sample waybills to tell apart', () => {
    expect(YTO_NUMBERS.length).toBeGreaterThanOrEqual(3);
  });
});

describe('control endpoint (loopback host only)', () => {
  const control = (router: StandInRouter, method: string, path: string, body = ''): Promise<StandInResponse> => router.handle({ host: '127.0.0.1', method, url: path, body: Buffer.from(body) });

  it('sets, shows and clears faults that then answer courier queries', async () => {
    const router = createRouter({ shop });
    const set = await control(router, 'PUT', '/__stand-in/courier-faults', JSON.stringify({ kuaidi100: { kind: 'sign503', count: 1 } }));
    expect([set.status, json(set)]).toEqual([200, { kuaidi100: [{ kind: 'sign503', count: 1 }] }]);
    expect(json(await control(router, 'GET', '/__stand-in/courier-faults'))).toEqual({ kuaidi100: [{ kind: 'sign503', count: 1 }] });
    router.courierFaults.set({ kdniao: { kind: 'http5xx' } });
    expect(json(await control(router, 'DELETE', '/__stand-in/courier-faults'))).toEqual({});
    expect((await kdniaoQuery(router, NUMBER)).status).toBe(200);
  });

  it('refuses a body it cannot apply with 400 and changes nothing', async () => {
    const router = createRouter({ shop });
    for (const body of ['not json', '[]', '{"kuaidi100":{"kind":"boom"}}', '{"ups":{"kind":"http5xx"}}', '{"kdniao":"http5xx"}']) {
      const reply = await control(router, 'PUT', '/__stand-in/courier-faults', body);
      expect(reply.status, body).toBe(400);
      expect(json(reply).error, body).toEqual(expect.any(String));
    }
    expect(router.courierFaults.current()).toEqual({});
  });

  it('serves the request log', async () => {
    const router = createRouter({ shop });
    await kuaidi100Query(router, NUMBER);
    const log = JSON.parse(String((await control(router, 'GET', '/__stand-in/requests')).body)) as Row[];
    expect(log).toEqual([expect.objectContaining({ host: STAND_IN_HOSTS.kuaidi100, path: '/poll/query.do', trackingNumber: NUMBER })]);
  });

  it('is not reachable on the console or courier host names', async () => {
    const router = createRouter({ shop });
    for (const host of Object.values(STAND_IN_HOSTS)) {
      const reply = await router.handle({ host, method: 'PUT', url: '/__stand-in/courier-faults', body: Buffer.from('{"kuaidi100":{"kind":"http5xx"}}') });
      expect(reply.status).not.toBe(200);
    }
    expect(router.courierFaults.current()).toEqual({});
  });
});
