// 顺丰/中通 phone tails in the synthetic shop: some buyers order with privacy numbers 主号-分机 and the couriers
// accept the extension; the others show masked numbers, whose tail the extension may not keep, so their
// parcels are asked about with the sender's tail (tests/stand-in/README.md § Couriers).

import { describe, expect, it } from 'vitest';
import { kdniaoSign, kuaidi100Sign, receiverPhoneTail, STAND_IN_KDNIAO, STAND_IN_KUAIDI100, STAND_IN_SENDER_PHONE_TAIL } from '../../stand-in/console-server';
import type { StandInResponse } from '../../stand-in/server/http';
import { createRouter, STAND_IN_HOSTS } from '../../stand-in/server/router';
import { generateShop } from '../../stand-in/synthetic-shop';

const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const shop = generateShop({ seed: 13, size: 400, now: NOW });
const router = createRouter({ shop });

type Row = Record<string, unknown>;

const PRIVACY = /^184(0000|\*{4})(\d{4})-(\d{4})$/;
const MASKED = /^1\d{2}\*{4}\d{4}$/;

/** Orders whose waybill only these receivers share, so the tails accepted are theirs and the sender's. */
const ownWaybill = (() => {
  const count = new Map<unknown, number>();
  for (const row of shop.orders) count.set(row.tracking_number, (count.get(row.tracking_number) ?? 0) + 1);
  return (row: Row): boolean => row.tracking_number !== '' && count.get(row.tracking_number) === 1;
})();

const ordersOf = (shippingId: number, shape: RegExp): Row[] => shop.orders.filter((row) => row.shipping_id === shippingId && ownWaybill(row) && shape.test(row.mobile as string));

function kuaidi100(num: string, phone: string | undefined): Promise<StandInResponse> {
  const param = JSON.stringify({ com: 'zhongtong', num, resultv2: '4', ...(phone === undefined ? {} : { phone }) });
  const { customer, key } = STAND_IN_KUAIDI100;
  const body = new URLSearchParams({ customer, sign: kuaidi100Sign(param, key, customer), param }).toString();
  return router.handle({ host: STAND_IN_HOSTS.kuaidi100, method: 'POST', url: '/poll/query.do', body: Buffer.from(body) });
}

function kdniao(number: string, customerName: string | undefined): Promise<StandInResponse> {
  const requestData = JSON.stringify({ OrderCode: '', ShipperCode: 'SF', LogisticCode: number, ...(customerName === undefined ? {} : { CustomerName: customerName }) });
  const { businessId, appKey } = STAND_IN_KDNIAO;
  const body = new URLSearchParams({ EBusinessID: businessId, RequestType: '8001', RequestData: requestData, DataSign: kdniaoSign(requestData, appKey), DataType: '2' }).toString();
  return router.handle({ host: STAND_IN_HOSTS.kdniao, method: 'POST', url: '/Ebusiness/EbusinessOrderHandle.aspx', body: Buffer.from(body) });
}

const k100Code = async (reply: Promise<StandInResponse>): Promise<unknown> => (JSON.parse(String((await reply).body)) as Row).returnCode ?? 'trace';
const kdniaoOk = async (reply: Promise<StandInResponse>): Promise<unknown> => (JSON.parse(String((await reply).body)) as Row).Success;

/** A tail that is none of the accepted ones for this order. */
const wrongTail = (row: Row): string => ['1111', '2222', '3333'].find((tail) => tail !== receiverPhoneTail(row.mobile as string) && tail !== STAND_IN_SENDER_PHONE_TAIL) as string;

describe('privacy numbers in the synthetic shop', () => {
  const zto = ordersOf(115, PRIVACY);
  const sf = ordersOf(44, PRIVACY);

  it('some 中通 and 顺丰 buyers have one, in full and masked, and others keep masked numbers', () => {
    expect(zto.length).toBeGreaterThan(3);
    expect(sf.length).toBeGreaterThan(0);
    const mains = new Set(zto.map((row) => PRIVACY.exec(row.mobile as string)?.[1]));
    expect(mains).toEqual(new Set(['0000', '****']));
    expect(ordersOf(115, MASKED).length).toBeGreaterThan(3);
  });

  it('reads the extension as the tail, not the main number’s last four', () => {
    expect(receiverPhoneTail('18400001234-5678')).toBe('5678');
    expect(receiverPhoneTail('184****1234-5678')).toBe('5678');
    expect(receiverPhoneTail('138****0001')).toBe('0001');
    for (const row of zto) {
      const [, , mainTail, extension] = PRIVACY.exec(row.mobile as string) as RegExpExecArray;
      expect(mainTail).not.toBe(extension);
    }
  });

  it('Kuaidi100 accepts the extension for 中通, refuses the main number’s tail and no tail with 408', async () => {
    const row = zto[0] as Row;
    const [, , mainTail, extension] = PRIVACY.exec(row.mobile as string) as RegExpExecArray;
    const num = row.tracking_number as string;
    expect(await k100Code(kuaidi100(num, extension))).not.toBe('408');
    expect(await k100Code(kuaidi100(num, mainTail))).toBe('408');
    expect(await k100Code(kuaidi100(num, undefined))).toBe('408');
  });

  it('Kdniao accepts the extension as CustomerName for 顺丰', async () => {
    const row = sf[0] as Row;
    const num = row.tracking_number as string;
    expect(await kdniaoOk(kdniao(num, receiverPhoneTail(row.mobile as string)))).toBe(true);
    expect(await kdniaoOk(kdniao(num, wrongTail(row)))).toBe(false);
  });
});

describe('masked numbers: the sender tail', () => {
  const row = ordersOf(115, MASKED)[0] as Row;
  const num = row.tracking_number as string;

  it('Kuaidi100 accepts the sender tail for a 中通 parcel of a masked-number buyer', async () => {
    expect(await k100Code(kuaidi100(num, STAND_IN_SENDER_PHONE_TAIL))).not.toBe('408');
  });

  it('and refuses any other tail with 408, as it does with none', async () => {
    expect(await k100Code(kuaidi100(num, wrongTail(row)))).toBe('408');
    expect(await k100Code(kuaidi100(num, undefined))).toBe('408');
  });

  it('Kdniao accepts the sender tail for 顺丰 too', async () => {
    const sfRow = ordersOf(44, MASKED)[0] as Row;
    expect(await kdniaoOk(kdniao(sfRow.tracking_number as string, STAND_IN_SENDER_PHONE_TAIL))).toBe(true);
    expect(await kdniaoOk(kdniao(sfRow.tracking_number as string, undefined))).toBe(false);
  });
});
