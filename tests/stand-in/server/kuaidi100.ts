// A simulated Kuaidi100 real-time query (lib/tracking/README.md § Kuaidi100 request): POST /poll/query.do on poll.kuaidi100.com.

import { createHash } from 'node:crypto';
import type { SyntheticShop } from '../synthetic-shop';
import { COURIERS } from '../shop/catalog';
import { kuaidi100Body, kuaidi100NoRecord } from '../shop/tracking-bodies';
import { shopClock, unixSecondsOf, type CourierClock } from './courier-clock';
import { STAND_IN_KUAIDI100 } from './credentials';
import { jsonResponse, parseForm, textResponse, type StandInRequest, type StandInResponse } from './http';
import { phoneTailAccepted, phoneTailsByTrackingNumber } from './phone-tails';

/** `sign = UPPER(MD5(param + key + customer))`, over the exact `param` string posted. */
export function kuaidi100Sign(param: string, key: string, customer: string): string {
  return createHash('md5').update(param + key + customer, 'utf8').digest('hex').toUpperCase();
}

const failure = (returnCode: string, message: string): StandInResponse => jsonResponse({ result: false, returnCode, message });

const KNOWN_COMS = new Set(COURIERS.map((courier) => courier.kuaidi100));
const PHONE_COMS = new Set(COURIERS.filter((courier) => courier.needsPhoneTail).map((courier) => courier.kuaidi100));

/** Keeps only what a reply with this `resultv2` carries: 4/8 everything, 1/2 areas and status names, else time and text. */
function shapeForResultv2(body: Record<string, unknown>, resultv2: unknown, ascending: boolean): Record<string, unknown> {
  const level = Number(resultv2 ?? 0);
  const data = (body.data as Array<Record<string, unknown>>).map((item) => {
    if (level >= 4) return item;
    const { statusCode: _code, ...withAreas } = item;
    if (level >= 1) return withAreas;
    return { time: item.time, ftime: item.ftime, context: item.context, location: item.location };
  });
  const { routeInfo, ...rest } = body;
  return { ...rest, data: ascending ? data.reverse() : data, ...(level >= 4 ? { routeInfo } : {}) };
}

/** Answers from the shop's parcels as they stand at `clock` (events after it have not happened yet). */
export function kuaidi100Api(shop: SyntheticShop, requirePhoneTail: boolean, clock: CourierClock = shopClock(shop)): (request: StandInRequest) => StandInResponse {
  const phoneTails = phoneTailsByTrackingNumber(shop);
  return (request) => {
    if (request.method !== 'POST' || new URL(request.url, 'https://poll.kuaidi100.com').pathname !== '/poll/query.do') return textResponse(404, 'Not Found');
    const form = parseForm(request.body);
    const { customer, sign, param } = form;
    if (customer === undefined || sign === undefined || param === undefined) return failure('400', '参数错误：customer、sign、param 不能为空');
    if (customer !== STAND_IN_KUAIDI100.customer || sign !== kuaidi100Sign(param, STAND_IN_KUAIDI100.key, customer)) return failure('503', '验证签名失败');
    let query: Record<string, unknown>;
    try {
      query = JSON.parse(param) as Record<string, unknown>;
    } catch {
      return failure('400', '参数错误：param 不是 JSON');
    }
    const com = typeof query.com === 'string' ? query.com : '';
    const num = typeof query.num === 'string' ? query.num : '';
    if (!KNOWN_COMS.has(com)) return failure('400', '找不到对应公司');
    if (num.length < 6 || num.length > 32) return failure('400', '参数错误：num');
    if (requirePhoneTail && PHONE_COMS.has(com) && !phoneTailAccepted(phoneTails, num, query.phone)) return failure('408', '快递公司参数异常：验证码错误');
    const parcel = shop.parcels.get(num);
    if (parcel === undefined || parcel.courier.kuaidi100 !== com) return jsonResponse(kuaidi100NoRecord());
    const body = kuaidi100Body(parcel, unixSecondsOf(clock));
    if (body.data === undefined) return jsonResponse(body);
    return jsonResponse(shapeForResultv2(body, query.resultv2, query.order === 'asc'));
  };
}
