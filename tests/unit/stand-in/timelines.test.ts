// The shop's parcels travel on after the shop's clock, and the stand-in couriers answer at their own clock.
import { describe, expect, it } from 'vitest';
import { shopClock } from '../../stand-in/server/courier-clock';
import { createRouter } from '../../stand-in/server/router';
import { kdniaoSign } from '../../stand-in/server/kdniao';
import { kuaidi100Sign } from '../../stand-in/server/kuaidi100';
import { STAND_IN_KDNIAO, STAND_IN_KUAIDI100 } from '../../stand-in/server/credentials';
import { generateShop, type SyntheticShop } from '../../stand-in/synthetic-shop';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type K100 = { returnCode?: string; state?: string; data?: Array<{ time: string; statusCode: string }> };
type Kdniao = { State: string; Traces: Array<{ AcceptTime: string }> };

const shop = generateShop({ seed: 11, size: 600, now: NOW });

const numbersOf = (s: SyntheticShop, scenario: string): string[] =>
  s.orders.filter((row) => s.scenarioOf[row.order_sn as string] === scenario).map((row) => row.tracking_number as string);

/** A router whose couriers answer at `at` (mutable), without the phone check. */
function couriersAt(initial: number) {
  const clock = { at: initial };
  const router = createRouter({ shop, requirePhoneTail: false, courierClock: () => clock.at });
  const kuaidi100 = async (number: string): Promise<K100> => {
    const parcel = shop.parcels.get(number);
    const param = JSON.stringify({ com: parcel?.courier.kuaidi100, num: number, resultv2: '4' });
    const body = new URLSearchParams({ customer: STAND_IN_KUAIDI100.customer, sign: kuaidi100Sign(param, STAND_IN_KUAIDI100.key, STAND_IN_KUAIDI100.customer), param });
    const reply = await router.handle({ host: 'poll.kuaidi100.com', method: 'POST', url: '/poll/query.do', body: Buffer.from(body.toString()) });
    return JSON.parse(String(reply.body)) as K100;
  };
  const kdniao = async (number: string): Promise<Kdniao> => {
    const parcel = shop.parcels.get(number);
    const requestData = JSON.stringify({ ShipperCode: parcel?.courier.kdniao, LogisticCode: number });
    const body = new URLSearchParams({ EBusinessID: STAND_IN_KDNIAO.businessId, RequestType: '8001', RequestData: requestData, DataSign: kdniaoSign(requestData, STAND_IN_KDNIAO.appKey), DataType: '2' });
    const reply = await router.handle({ host: 'api.kdniao.com', method: 'POST', url: '/Ebusiness/EbusinessOrderHandle.aspx', body: Buffer.from(body.toString()) });
    return JSON.parse(String(reply.body)) as Kdniao;
  };
  return { clock, kuaidi100, kdniao };
}

describe('synthetic shop timelines after now', () => {
  it('keeps every later event after the shop clock, so the bodies at now are the scenarios', () => {
    const nowS = Math.floor(NOW / 1000);
    for (const [number, parcel] of shop.parcels) {
      const shown = ((shop.kuaidi100[number] as K100).data ?? []).length;
      const all = parcel.events ?? [];
      all.slice(0, shown).forEach((event) => expect(parcel.uploadedAt + event.offset).toBeLessThanOrEqual(nowS));
      all.slice(shown).forEach((event) => expect(parcel.uploadedAt + event.offset).toBeGreaterThan(nowS));
      // Ascending: a timeline is one journey.
      all.forEach((event, i) => i === 0 || expect(event.offset).toBeGreaterThan((all[i - 1] as { offset: number }).offset));
    }
  });

  it('carries on the journeys under way (in transit, stalled, not yet picked up) and draws the same future again', () => {
    const again = generateShop({ seed: 11, size: 600, now: NOW });
    for (const scenario of ['in_transit', 'stalled', 'shipped_no_pickup']) {
      for (const number of numbersOf(shop, scenario)) {
        const parcel = shop.parcels.get(number);
        expect((parcel?.events ?? []).length, `${scenario} ${number}`).toBeGreaterThan(((shop.kuaidi100[number] as K100).data ?? []).length);
        expect(again.parcels.get(number)).toEqual(parcel);
      }
    }
  });

  it('leaves finished journeys and invalid numbers as they are', () => {
    for (const scenario of ['delivered', 'rejected', 'returning', 'tracking_invalid']) {
      for (const number of numbersOf(shop, scenario)) {
        expect((shop.parcels.get(number)?.events ?? []).length).toBe(((shop.kuaidi100[number] as K100).data ?? []).length);
      }
    }
  });
});

describe('stand-in couriers at their clock', () => {
  it('answer the shop body at the shop clock and later events as the clock moves on (Kuaidi100 and Kdniao)', async () => {
    const couriers = couriersAt(NOW);
    const [number] = numbersOf(shop, 'stalled');
    expect(number).toBeDefined();
    expect(await couriers.kuaidi100(number as string)).toEqual(shop.kuaidi100[number as string]);
    expect(await couriers.kdniao(number as string)).toEqual(shop.kdniao[number as string]);
    const before = ((await couriers.kuaidi100(number as string)).data ?? []).length;
    couriers.clock.at = NOW + 10 * DAY_MS;
    const after = await couriers.kuaidi100(number as string);
    expect((after.data ?? []).length).toBe(shop.parcels.get(number as string)?.events?.length);
    expect((after.data ?? []).length).toBeGreaterThan(before);
    expect((await couriers.kdniao(number as string)).Traces).toHaveLength((after.data ?? []).length);
  });

  it('shows the pickup of a parcel not yet picked up within 11 hours, and never a record for an invalid number', async () => {
    const couriers = couriersAt(NOW + 11 * HOUR_MS);
    const waiting = numbersOf(shop, 'shipped_no_pickup');
    expect(waiting.length).toBeGreaterThan(0);
    for (const number of waiting) {
      expect(((await couriers.kuaidi100(number)).data ?? []).map((event) => event.statusCode)).toContain('103');
    }
    couriers.clock.at = NOW + 30 * DAY_MS;
    for (const number of numbersOf(shop, 'tracking_invalid')) {
      expect(await couriers.kuaidi100(number)).toMatchObject({ returnCode: '500' });
      expect(await couriers.kdniao(number)).toMatchObject({ State: '0', Traces: [] });
    }
  });

  it('follow the shop clock running on in real time by default', () => {
    const startedFiveHoursAgo = shopClock(shop, Date.now() - 5 * HOUR_MS);
    expect(startedFiveHoursAgo() - NOW).toBeGreaterThanOrEqual(5 * HOUR_MS);
    expect(startedFiveHoursAgo() - NOW).toBeLessThan(5 * HOUR_MS + 60_000);
  });
});
