// The stand-in console's trace endpoint and the detail page's 查看物流, read back with the extension's own parser.
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeConsoleTrace } from '../../../lib/pdd/console-trace';
import { normalizeKuaidi100 } from '../../../lib/tracking/kuaidi100';
import { openStandInPage, type HappyDomPage } from '../../stand-in/happy-dom-page';
import { createRouter } from '../../stand-in/server/router';
import { generateShop } from '../../stand-in/synthetic-shop';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const shop = generateShop({ seed: 5, size: 60, now: NOW });
const router = createRouter({ shop });
type Row = Record<string, unknown>;

const ofScenario = (scenario: string): Row => shop.orders.find((row) => shop.scenarioOf[row.order_sn as string] === scenario)!;
async function getTrace(url: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const answer = await router.handle({ host: 'mms.pinduoduo.com', method: 'GET', url, body: Buffer.alloc(0) });
  return { status: answer.status, json: JSON.parse(String(answer.body)) as Record<string, unknown> };
}
/** What the Kuaidi100 stand-in says about the same parcel: the console must tell the same story. */
function kuaidi100Facts(row: Row) {
  const number = row.tracking_number as string;
  const result = normalizeKuaidi100(shop.kuaidi100[number], number, NOW);
  if (!result.ok) throw new Error(result.error);
  return result.facts;
}

describe('GET /express_base/mms/track', () => {
  it.each(['in_transit', 'delivered', 'rejected', 'returning', 'proxy_signed'])('the current form of a %s parcel reads as the Kuaidi100 stand-in reads it', async (scenario) => {
    const row = ofScenario(scenario);
    const reply = await getTrace(`/express_base/mms/track/get?orderSn=${String(row.order_sn)}&source=MMS_TRACK_STATUS`);
    expect(reply.status).toBe(200);
    const trace = normalizeConsoleTrace(reply.json, { orderSn: row.order_sn }, NOW);
    expect(trace).toMatchObject({ orderSn: row.order_sn, trackingNumber: row.tracking_number });
    if (!trace.result.ok) throw new Error(trace.result.error);
    expect(trace.result.problems).toEqual([]);
    const expected = kuaidi100Facts(row);
    expect(trace.result.facts).toMatchObject({ provider: 'console', status: expected.status, pickedUpAt: expected.pickedUpAt, lastEventAt: expected.lastEventAt });
    expect(trace.result.facts.events.map((event) => [event.at, event.text])).toEqual(expected.events.map((event) => [event.at, event.text]));
  });

  it('the older form names no waybill and gives the same events, oldest first, with text times', async () => {
    const row = ofScenario('in_transit');
    const reply = await getTrace(`/express_base/mms/track/${String(row.order_sn)}?source=MMS_TRACK_STATUS`);
    const result = reply.json.result as { traces: Array<{ time: string }> };
    expect(result).not.toHaveProperty('trackingNumber');
    expect(result.traces[0]!.time < result.traces.at(-1)!.time).toBe(true);
    const trace = normalizeConsoleTrace(reply.json, { orderSn: row.order_sn }, NOW);
    expect(trace.trackingNumber).toBeNull();
    expect(trace.result.ok && trace.result.facts.events.map((event) => event.at)).toEqual(kuaidi100Facts(row).events.map((event) => event.at));
  });

  it('a parcel the courier has no record of has an empty list; an unshipped or unknown order is an error', async () => {
    const noRecord = shop.orders.find((row) => shop.scenarioOf[row.order_sn as string] === 'tracking_invalid')!;
    expect((await getTrace(`/express_base/mms/track/get?orderSn=${String(noRecord.order_sn)}`)).json.result).toMatchObject({ traceList: [] });
    const unshipped = ofScenario('unshipped_hours_left');
    expect((await getTrace(`/express_base/mms/track/get?orderSn=${String(unshipped.order_sn)}`)).json).toMatchObject({ success: false, errorMsg: '暂无物流信息' });
    expect((await getTrace('/express_base/mms/track/get?orderSn=261120-000000000000000')).json).toMatchObject({ success: false, errorMsg: '订单不存在' });
  });
});

describe('/orders/detail 查看物流', () => {
  let open: HappyDomPage | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });

  it('loads the trace from the console trace endpoint and lists its events', async () => {
    const row = ofScenario('in_transit');
    open = await openStandInPage({ shop, path: `/orders/detail?sn=${String(row.order_sn)}` });
    const button = [...open.window.document.querySelectorAll('button')].find((element) => element.textContent === '查看物流') as unknown as HTMLElement;
    button.click();
    await open.settle();
    expect(open.requests.at(-1)).toEqual({ host: 'mms.pinduoduo.com', path: '/express_base/mms/track/get', body: { orderSn: row.order_sn, source: 'MMS_TRACK_STATUS' }, receivedAt: expect.any(Number) as number });
    const items = [...open.window.document.querySelectorAll('.order-trace li')].map((item) => item.textContent ?? '');
    const events = kuaidi100Facts(row).events;
    expect(items).toHaveLength(events.length);
    expect(items[0]).toContain(events.at(-1)!.text);
  });
});
