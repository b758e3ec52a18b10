// The courier stand-ins over real HTTPS, as a browser reaches them: no CORS headers in any reply (so a fetch
// without the host permission fails as it does against the real services), and each request's Sec-Fetch-Site
// in the request log (an extension fetch with the permission sends `none`).

import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kdniaoSign, kuaidi100Sign, STAND_IN_KDNIAO, STAND_IN_KUAIDI100, startStandIns, type CourierFaultKind, type StandIns } from '../../stand-in/console-server';
import { generateShop } from '../../stand-in/synthetic-shop';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const shop = generateShop({ seed: 3, size: 60, now: NOW });
const FORM = 'application/x-www-form-urlencoded';
const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

type Row = Record<string, unknown>;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

function send(standIns: StandIns, host: string, method: string, path: string, headers: Record<string, string>, body = ''): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port: standIns.port, method, path, servername: host, rejectUnauthorized: false, headers: { host, 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const trackedNumber = shop.orders.find((row) => row.shipping_id === 85 && (shop.kuaidi100[row.tracking_number as string] as Row).returnCode === undefined)?.tracking_number as string;

function kuaidi100Form(num: string): string {
  const param = JSON.stringify({ com: 'yuantong', num, resultv2: '4' });
  return new URLSearchParams({ customer: STAND_IN_KUAIDI100.customer, sign: kuaidi100Sign(param, STAND_IN_KUAIDI100.key, STAND_IN_KUAIDI100.customer), param }).toString();
}

function kdniaoForm(number: string): string {
  const requestData = JSON.stringify({ OrderCode: '', ShipperCode: 'YTO', LogisticCode: number });
  return new URLSearchParams({ EBusinessID: STAND_IN_KDNIAO.businessId, RequestType: '8001', RequestData: requestData, DataSign: kdniaoSign(requestData, STAND_IN_KDNIAO.appKey), DataType: '2' }).toString();
}

const COURIERS = [
  { name: 'kuaidi100', host: 'poll.kuaidi100.com', path: '/poll/query.do', form: kuaidi100Form },
  { name: 'kdniao', host: 'api.kdniao.com', path: '/Ebusiness/EbusinessOrderHandle.aspx', form: kdniaoForm },
] as const;

const FAULTS: readonly CourierFaultKind[] = ['http5xx', 'phone408', 'sign503', 'expired601', 'malformed', 'rate429'];

const corsHeaders = (reply: Reply): string[] => Object.keys(reply.headers).filter((name) => name.startsWith('access-control-'));

let standIns: StandIns;
beforeAll(async () => {
  standIns = await startStandIns({ shop });
});
afterAll(async () => {
  await standIns.close();
});

describe.each(COURIERS)('$name stand-in over HTTPS', (courier) => {
  const query = (headers: Record<string, string>, body = courier.form(trackedNumber)): Promise<Reply> =>
    send(standIns, courier.host, 'POST', courier.path, { 'content-type': FORM, origin: EXTENSION_ORIGIN, ...headers }, body);

  it('records the Sec-Fetch-Site of each query, and none when the header is missing', async () => {
    const before = standIns.requests.length;
    await query({ 'sec-fetch-site': 'none' });
    await query({ 'sec-fetch-site': 'cross-site' });
    await query({});
    const logged = standIns.requests.slice(before);
    expect(logged.map((entry) => [entry.host, entry.path, entry.secFetchSite, entry.trackingNumber])).toEqual([
      [courier.host, courier.path, 'none', trackedNumber],
      [courier.host, courier.path, 'cross-site', trackedNumber],
      [courier.host, courier.path, undefined, trackedNumber],
    ]);
    expect(logged[2]).not.toHaveProperty('secFetchSite');
  });

  it('sends no CORS headers with a trace, a refusal or a 404', async () => {
    const trace = await query({ 'sec-fetch-site': 'cross-site' });
    expect(trace.status).toBe(200);
    expect(corsHeaders(trace)).toEqual([]);
    expect(corsHeaders(await query({}, 'customer=x&sign=y&param=%7B%7D'))).toEqual([]);
    expect(corsHeaders(await send(standIns, courier.host, 'GET', '/nothing-here', { origin: EXTENSION_ORIGIN }))).toEqual([]);
  });

  it('answers a CORS preflight without allowing anything', async () => {
    const preflight = await send(standIns, courier.host, 'OPTIONS', courier.path, { origin: EXTENSION_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' });
    expect(preflight.status).toBe(404);
    expect(corsHeaders(preflight)).toEqual([]);
  });

  it.each(FAULTS)('sends no CORS headers with the injected fault %s', async (kind) => {
    standIns.courierFaults.set({ [courier.name]: { kind, count: 1 } });
    const reply = await query({ 'sec-fetch-site': 'none' });
    expect(standIns.requests.at(-1)).toMatchObject({ host: courier.host, fault: kind, secFetchSite: 'none' });
    expect(reply.status).toBeGreaterThanOrEqual(200);
    expect(corsHeaders(reply)).toEqual([]);
  });

  it('lets a held timeout go when the client gives up, and closes cleanly', async () => {
    standIns.courierFaults.set({ [courier.name]: { kind: 'timeout', count: 1 } });
    const gaveUp = await new Promise<string>((resolve) => {
      const req = httpsRequest(
        { host: '127.0.0.1', port: standIns.port, method: 'POST', path: courier.path, servername: courier.host, rejectUnauthorized: false, headers: { host: courier.host, 'content-type': FORM }, signal: AbortSignal.timeout(150) },
        () => resolve('answered'),
      );
      req.on('error', (error) => resolve(error.name));
      req.end(courier.form(trackedNumber));
    });
    expect(gaveUp).toBe('AbortError');
    expect(standIns.requests.at(-1)).toMatchObject({ host: courier.host, fault: 'timeout' });
  });
});

describe('console API log', () => {
  it('records the Sec-Fetch-Site of console calls too', async () => {
    await send(standIns, 'mms.pinduoduo.com', 'POST', '/mangkhut/mms/orderDetail', { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, JSON.stringify({ orderSn: 'x', source: 'MMS' }));
    expect(standIns.requests.at(-1)).toMatchObject({ host: 'mms.pinduoduo.com', path: '/mangkhut/mms/orderDetail', secFetchSite: 'same-origin' });
  });
});
