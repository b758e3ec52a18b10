import { createHash, X509Certificate } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumFlags, kdniaoSign, kuaidi100Sign, STAND_IN_KDNIAO, STAND_IN_KUAIDI100, startStandIns, type StandIns, type StandInOptions } from '../../stand-in/console-server';
import { generateShop } from '../../stand-in/synthetic-shop';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const NOW_S = NOW / 1000;
const shop = generateShop({ seed: 11, size: 300, now: NOW });

type Row = Record<string, unknown>;
interface Reply {
  status: number;
  type: string;
  text: string;
  /** The body as JSON, of the shape the test reads (`unknown` unless it says; its assertions check the rest). */
  json<T = unknown>(): T;
}
/** What these tests read of the stand-ins' replies. */
interface ListReply<Item = Row> {
  result: { totalItemNum: number; pageItems: Item[] };
}
interface AfterSalesReply {
  result: { list: Row[] };
}
interface DetailReply {
  result: Row;
}
interface Kuaidi100Reply {
  data: Row[];
}
interface KdniaoReply {
  State: unknown;
  Traces: Row[];
}

/** One HTTPS request to the stand-in with a Host header, as the browser sends it once the host is mapped. */
function call(standIns: StandIns, host: string, method: string, path: string, body?: string, contentType = 'application/json'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port: standIns.port, method, path, servername: host, rejectUnauthorized: false, headers: { host, ...(body === undefined ? {} : { 'content-type': contentType, 'content-length': Buffer.byteLength(body) }) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text, json: <T>() => JSON.parse(text) as T });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const postConsole = (standIns: StandIns, path: string, body: unknown): Promise<Reply> => call(standIns, 'mms.pinduoduo.com', 'POST', path, JSON.stringify(body));

const listBody = (overrides: Row = {}): Row => ({
  orderType: 0,
  afterSaleType: 0,
  remarkStatus: -1,
  urgeShippingStatus: -1,
  groupStartTime: NOW_S - 90 * 86_400,
  groupEndTime: NOW_S,
  pageNumber: 1,
  pageSize: 20,
  sortType: 10,
  mobile: '',
  source: 'MMS',
  ...overrides,
});

async function withStandIns<T>(options: Omit<StandInOptions, 'shop'>, run: (standIns: StandIns) => Promise<T>): Promise<T> {
  const standIns = await startStandIns({ shop, ...options });
  try {
    return await run(standIns);
  } finally {
    await standIns.close();
  }
}

let standIns: StandIns;
beforeAll(async () => {
  standIns = await startStandIns({ shop });
});
afterAll(async () => {
  await standIns.close();
});

describe('the server', () => {
  it('serves a fresh self-signed certificate for the three hosts on loopback', () => {
    const cert = new X509Certificate(standIns.certPem);
    expect(cert.subjectAltName).toBe('DNS:mms.pinduoduo.com, DNS:poll.kuaidi100.com, DNS:api.kdniao.com');
    expect(standIns.spkiHash).toBe(createHash('sha256').update(cert.publicKey.export({ type: 'spki', format: 'der' })).digest('base64'));
    expect(standIns.hosts).toEqual(['mms.pinduoduo.com', 'poll.kuaidi100.com', 'api.kdniao.com']);
    expect(chromiumFlags(standIns)).toEqual([
      `--host-resolver-rules=MAP mms.pinduoduo.com 127.0.0.1:${standIns.port}, MAP poll.kuaidi100.com 127.0.0.1:${standIns.port}, MAP api.kdniao.com 127.0.0.1:${standIns.port}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
      `--ignore-certificate-errors-spki-list=${standIns.spkiHash}`,
    ]);
  });

  it('passes TLS verification against its own certificate for each host name', async () => {
    for (const host of standIns.hosts) {
      const status = await new Promise<number>((resolve, reject) => {
        httpsRequest({ host: '127.0.0.1', port: standIns.port, path: '/', servername: host, ca: standIns.certPem, headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBeGreaterThan(0);
    }
  });

  it('answers 404 for any other host', async () => {
    expect((await call(standIns, 'example.com', 'GET', '/orders/list')).status).toBe(404);
  });
});

describe('console pages', () => {
  it('serves /orders/list with the shop id in window.__mms before the app script', async () => {
    const page = await call(standIns, 'mms.pinduoduo.com', 'GET', '/orders/list?tab=1');
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    const mms = page.text.indexOf(`window.__mms = {"user":{"userInfo":{"_userInfo":{"mall_id":"${shop.shopId}"`);
    expect(mms).toBeGreaterThan(0);
    expect(page.text.indexOf('<script type="module" src="/stand-in-assets/orders-app.js">')).toBeGreaterThan(mms);
  });

  it.each(['/aftersales/aftersale_list', '/orders/detail'])('serves %s', async (path) => {
    expect((await call(standIns, 'mms.pinduoduo.com', 'GET', path)).status).toBe(200);
  });

  it('serves the page scripts and a thumbnail', async () => {
    const script = await call(standIns, 'mms.pinduoduo.com', 'GET', '/stand-in-assets/orders-app.js');
    expect(script.type).toContain('javascript');
    expect(script.text).toContain('/mangkhut/mms/recentOrderList');
    expect((await call(standIns, 'mms.pinduoduo.com', 'GET', '/stand-in-assets/lib/dom.js')).status).toBe(200);
    expect((await call(standIns, 'mms.pinduoduo.com', 'GET', '/stand-in-assets/thumb.png')).type).toBe('image/png');
    expect((await call(standIns, 'mms.pinduoduo.com', 'GET', '/stand-in-assets/../console-server.ts')).status).toBe(404);
  });
});

describe('recentOrderList', () => {
  const TABS: Record<number, (row: Row) => boolean> = {
    0: () => true,
    1: (row) => row.order_status_str === '待发货',
    2: (row) => row.order_status_str === '已发货，待收货',
    3: (row) => row.order_status_str === '已收货',
  };

  it.each([0, 1, 2, 3])('filters orderType %i and pages through all of it without gaps', async (orderType) => {
    const expected = shop.orders.filter(TABS[orderType] as (row: Row) => boolean).map((row) => row.order_sn);
    const seen: unknown[] = [];
    for (let page = 1; ; page++) {
      const reply = (await postConsole(standIns, '/mangkhut/mms/recentOrderList', listBody({ orderType, pageNumber: page }))).json<ListReply>();
      expect(reply).toMatchObject({ success: true, errorCode: 1000000, errorMsg: null, result: { totalItemNum: expected.length } });
      const items = reply.result.pageItems;
      if (items.length === 0) break;
      expect(items.length).toBeLessThanOrEqual(20);
      for (const item of items) expect(TABS[orderType]?.(item)).toBe(true);
      seen.push(...items.map((item) => item.order_sn));
    }
    expect(seen.slice().sort()).toEqual(expected.slice().sort());
  });

  it('puts the unshipped orders closest to their deadline first for sortType 10', async () => {
    const items = (await postConsole(standIns, '/mangkhut/mms/recentOrderList', listBody({ pageSize: 50 }))).json<ListReply>().result.pageItems;
    const waiting = shop.orders.filter((row) => row.order_status_str === '待发货').map((row) => row.promise_shipping_time as number).sort((a, b) => a - b);
    expect(items.slice(0, 10).map((row) => row.promise_shipping_time)).toEqual(waiting.slice(0, 10));
  });

  it('sorts newest first for sortType 7 and honours the group-time window', async () => {
    const from = NOW_S - 7 * 86_400;
    const reply = (await postConsole(standIns, '/mangkhut/mms/recentOrderList', listBody({ sortType: 7, groupStartTime: from, pageSize: 50 }))).json<ListReply>();
    expect(reply.result.totalItemNum).toBe(shop.orders.filter((row) => (row.order_time as number) >= from).length);
    const times = reply.result.pageItems.map((row) => row.order_time as number);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(from);
  });

  it('returns the rows exactly as generated', async () => {
    const first = (await postConsole(standIns, '/mangkhut/mms/recentOrderList', listBody({ sortType: 7, pageSize: 1 }))).json<ListReply>().result.pageItems[0];
    expect(first).toEqual(shop.orders[0]);
  });

  it.each([
    ['a body that is not JSON', 'not json'],
    ['a page size above 50', JSON.stringify(listBody({ pageSize: 51 }))],
    ['an unknown orderType', JSON.stringify(listBody({ orderType: 9 }))],
    ['a string page number', JSON.stringify(listBody({ pageNumber: '2' }))],
  ])('refuses %s with errorCode 1000', async (_case, body) => {
    const reply = (await call(standIns, 'mms.pinduoduo.com', 'POST', '/mangkhut/mms/recentOrderList', body)).json();
    expect(reply).toMatchObject({ success: false, errorCode: 1000, result: null });
  });

  it('logs every API call with its parsed body', async () => {
    const before = standIns.requests.length;
    await postConsole(standIns, '/mangkhut/mms/recentOrderList', listBody({ orderType: 2 }));
    expect(standIns.requests.slice(before)).toEqual([{ host: 'mms.pinduoduo.com', path: '/mangkhut/mms/recentOrderList', body: listBody({ orderType: 2 }), receivedAt: expect.any(Number) as number }]);
  });
});

describe('afterSales/queryList and orderDetail', () => {
  it('pages the after-sales cases newest first within the creation window', async () => {
    const reply = (await postConsole(standIns, '/mercury/mms/afterSales/queryList', { pageNumber: 2, pageSize: 10, orderByCreatedAtDesc: true, startCreatedTime: NOW_S - 90 * 86_400, endCreatedTime: NOW_S })).json<AfterSalesReply>();
    expect(reply).toMatchObject({ success: true, errorCode: 1000000, result: { total: shop.afterSales.length } });
    expect(reply.result.list).toEqual(shop.afterSales.slice(10, 20));
  });

  it('answers orderDetail in snake_case with the detail-only fields', async () => {
    const received = shop.orders.find((row) => row.order_status_str === '已收货') as Row;
    const reply = (await postConsole(standIns, '/mangkhut/mms/orderDetail', { orderSn: received.order_sn, source: 'MMS' })).json<DetailReply>();
    expect(reply).toMatchObject({ success: true, error_code: 1000000, error_msg: null });
    expect(reply.result).toMatchObject({ ...received, pay_time: received.order_time, group_time: received.order_time, receive_time: shop.receiveTimeOf[received.order_sn as string] });
    expect(reply.result.receive_time).toBeGreaterThan(received.shipping_time as number);
  });

  it('answers an unknown order number with success false', async () => {
    const reply = (await postConsole(standIns, '/mangkhut/mms/orderDetail', { orderSn: '261120-000000000000000', source: 'MMS' })).json();
    expect(reply).toMatchObject({ success: false, error_msg: '订单不存在', result: null });
  });
});

describe('faults', () => {
  it('corrupts every Nth row of each page and keeps the others intact', async () => {
    await withStandIns({ faults: { malformedOrderRows: 5 } }, async (faulty) => {
      const items = (await postConsole(faulty, '/mangkhut/mms/recentOrderList', listBody())).json<ListReply<unknown>>().result.pageItems;
      const clean = (await postConsole(standIns, '/mangkhut/mms/recentOrderList', listBody())).json<ListReply<unknown>>().result.pageItems;
      expect(items).toHaveLength(20);
      items.forEach((item, i) => {
        if ((i + 1) % 5 === 0) expect(item).not.toEqual(clean[i]);
        else expect(item).toEqual(clean[i]);
      });
      expect(items[4]).not.toHaveProperty('order_sn');
      expect(typeof (items[9] as Row).promise_shipping_time).toBe('string');
      expect(typeof (items[14] as Row).order_sn).toBe('object');
      expect(items[19]).toBeNull();
    });
  });

  it('answers recentOrderList with a 200 HTML page when the body is broken', async () => {
    await withStandIns({ faults: { brokenOrderListBody: true } }, async (faulty) => {
      const reply = await postConsole(faulty, '/mangkhut/mms/recentOrderList', listBody());
      expect(reply.status).toBe(200);
      expect(reply.type).toContain('text/html');
      expect(() => reply.json()).toThrow();
    });
  });

  it('delays the console API by delayMs', async () => {
    await withStandIns({ faults: { delayMs: 150 } }, async (slow) => {
      const started = performance.now();
      await postConsole(slow, '/mangkhut/mms/recentOrderList', listBody());
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    });
  });
});

describe('Kuaidi100 stand-in', () => {
  const shipped = shop.orders.filter((row) => row.tracking_number !== '' && (shop.kuaidi100[row.tracking_number as string] as Row).returnCode === undefined);
  const plain = shipped.find((row) => row.shipping_id === 85) as Row; // 圆通: no phone needed
  const zto = shipped.find((row) => row.shipping_id === 115) as Row;

  function query(param: Row, sign?: string, customer: string = STAND_IN_KUAIDI100.customer): Promise<Reply> {
    const text = JSON.stringify(param);
    const form = new URLSearchParams({ customer, sign: sign ?? kuaidi100Sign(text, STAND_IN_KUAIDI100.key, customer), param: text });
    return call(standIns, 'poll.kuaidi100.com', 'POST', '/poll/query.do', form.toString(), 'application/x-www-form-urlencoded');
  }

  it('answers a signed query with the shop body for the number', async () => {
    const reply = (await query({ com: 'yuantong', num: plain.tracking_number, resultv2: '4' })).json<Kuaidi100Reply>();
    expect(reply).toEqual(shop.kuaidi100[plain.tracking_number as string]);
    expect(reply.data[0]?.statusCode).toMatch(/^\d+$/);
  });

  it('drops sub-codes without resultv2 and reverses the events for order=asc', async () => {
    const reply = (await query({ com: 'yuantong', num: plain.tracking_number, order: 'asc' })).json<Kuaidi100Reply>();
    const full = shop.kuaidi100[plain.tracking_number as string] as { data: Row[] };
    expect(reply.data.map((event: Row) => event.time)).toEqual(full.data.map((event) => event.time).reverse());
    expect(reply.data[0]).not.toHaveProperty('statusCode');
    expect(reply).not.toHaveProperty('routeInfo');
  });

  it('refuses a bad signature with returnCode 503', async () => {
    expect((await query({ com: 'yuantong', num: plain.tracking_number }, 'BAD')).json()).toEqual({ result: false, returnCode: '503', message: '验证签名失败' });
    expect((await query({ com: 'yuantong', num: plain.tracking_number }, undefined, 'SOMEONE-ELSE')).json()).toMatchObject({ returnCode: '503' });
  });

  it('answers returnCode 500 for an unknown number or the wrong courier', async () => {
    const noRecord = { result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' };
    expect((await query({ com: 'yuantong', num: 'YT0000000000000' })).json()).toEqual(noRecord);
    expect((await query({ com: 'yunda', num: plain.tracking_number })).json()).toEqual(noRecord);
  });

  it('asks for the receiver phone tail on 中通 waybills (408) and answers with it', async () => {
    expect((await query({ com: 'zhongtong', num: zto.tracking_number, resultv2: '4' })).json()).toMatchObject({ returnCode: '408' });
    const reply = (await query({ com: 'zhongtong', num: zto.tracking_number, resultv2: '4', phone: (zto.mobile as string).slice(-4) })).json();
    expect(reply).toEqual(shop.kuaidi100[zto.tracking_number as string]);
  });

  it('skips the phone check when told to', async () => {
    await withStandIns({ requirePhoneTail: false }, async (lenient) => {
      const text = JSON.stringify({ com: 'zhongtong', num: zto.tracking_number, resultv2: '4' });
      const form = new URLSearchParams({ customer: STAND_IN_KUAIDI100.customer, sign: kuaidi100Sign(text, STAND_IN_KUAIDI100.key, STAND_IN_KUAIDI100.customer), param: text });
      const reply = await call(lenient, 'poll.kuaidi100.com', 'POST', '/poll/query.do', form.toString(), 'application/x-www-form-urlencoded');
      expect(reply.json()).toEqual(shop.kuaidi100[zto.tracking_number as string]);
    });
  });

  it('logs the query form', () => {
    expect(standIns.requests.some((entry) => entry.host === 'poll.kuaidi100.com' && entry.path === '/poll/query.do' && (entry.body as Row).customer === STAND_IN_KUAIDI100.customer)).toBe(true);
  });
});

describe('Kdniao stand-in', () => {
  const shipped = shop.orders.filter((row) => row.tracking_number !== '' && row.shipping_id !== 44 && (shop.kdniao[row.tracking_number as string] as Row).State !== '0');
  const order = shipped[0] as Row;
  const shipper = (shop.kdniao[order.tracking_number as string] as Row).ShipperCode as string;

  function query(requestType: string, data: Row, sign?: string): Promise<Reply> {
    const requestData = JSON.stringify(data);
    const form = new URLSearchParams({ EBusinessID: STAND_IN_KDNIAO.businessId, RequestType: requestType, RequestData: requestData, DataSign: sign ?? kdniaoSign(requestData, STAND_IN_KDNIAO.appKey), DataType: '2' });
    return call(standIns, 'api.kdniao.com', 'POST', '/Ebusiness/EbusinessOrderHandle.aspx', form.toString(), 'application/x-www-form-urlencoded');
  }

  it('signs as Base64 of the lowercase hex MD5', () => {
    const hex = createHash('md5').update('{"a":1}key').digest('hex');
    expect(kdniaoSign('{"a":1}', 'key')).toBe(Buffer.from(hex).toString('base64'));
  });

  it('answers 8001 with the shop body: ascending traces, StateEx and per-event Action', async () => {
    const reply = (await query('8001', { OrderCode: '', ShipperCode: shipper, LogisticCode: order.tracking_number })).json<KdniaoReply>();
    expect(reply).toEqual(shop.kdniao[order.tracking_number as string]);
    expect(reply.Traces[0]).toHaveProperty('Action');
  });

  it('answers 1002 with the main State and plain traces only', async () => {
    const reply = (await query('1002', { OrderCode: '', ShipperCode: shipper, LogisticCode: order.tracking_number })).json<KdniaoReply>();
    expect(reply).not.toHaveProperty('StateEx');
    expect(Object.keys(reply.Traces[0]!)).toEqual(['AcceptTime', 'AcceptStation']);
    expect(reply.State).toBe((shop.kdniao[order.tracking_number as string] as Row).State);
  });

  it('refuses a bad signature', async () => {
    const reply = (await query('8001', { ShipperCode: shipper, LogisticCode: order.tracking_number }, 'bm90LXRoZS1zaWdu')).json();
    expect(reply).toMatchObject({ Success: false, Reason: '验证数据签名失败' });
  });

  it('answers State 0 without traces for a number it does not know', async () => {
    const reply = (await query('8001', { ShipperCode: 'YTO', LogisticCode: 'YT0000000000000' })).json();
    expect(reply).toMatchObject({ EBusinessID: STAND_IN_KDNIAO.businessId, Success: true, State: '0', Traces: [] });
  });
});
