// A simulated Kdniao query (lib/tracking/README.md § Kdniao request): POST /Ebusiness/EbusinessOrderHandle.aspx on api.kdniao.com,
// RequestType 1002 (即时查询) and 8001 (在途监控).

import { createHash } from 'node:crypto';
import type { SyntheticShop } from '../synthetic-shop';
import { COURIERS } from '../shop/catalog';
import { kdniaoBody, kdniaoNoRecord } from '../shop/tracking-bodies';
import { shopClock, unixSecondsOf, type CourierClock } from './courier-clock';
import { STAND_IN_KDNIAO } from './credentials';
import { jsonResponse, parseForm, textResponse, type StandInRequest, type StandInResponse } from './http';
import { phoneTailAccepted, phoneTailsByTrackingNumber } from './phone-tails';

/** `DataSign = Base64(lowercase hex MD5(RequestData + AppKey))`: Base64 over the 32-character hex text. */
export function kdniaoSign(requestData: string, appKey: string): string {
  const hex = createHash('md5').update(requestData + appKey, 'utf8').digest('hex');
  return Buffer.from(hex, 'utf8').toString('base64');
}

const PHONE_SHIPPERS = new Set(COURIERS.filter((courier) => courier.kuaidi100 === 'shunfeng').map((courier) => courier.kdniao));

/** 1002 replies carry only the main State and plain traces; 8001 adds StateEx, Location and per-event Action. */
function shapeForRequestType(body: Record<string, unknown>, requestType: string): Record<string, unknown> {
  if (requestType === '8001') return body;
  const { StateEx: _stateEx, Location: _location, Traces, ...rest } = body;
  const traces = (Traces as Array<Record<string, unknown>>).map(({ AcceptTime, AcceptStation }) => ({ AcceptTime, AcceptStation }));
  return { ...rest, Traces: traces };
}

/** Answers from the shop's parcels as they stand at `clock` (events after it have not happened yet). */
export function kdniaoApi(shop: SyntheticShop, requirePhoneTail: boolean, clock: CourierClock = shopClock(shop)): (request: StandInRequest) => StandInResponse {
  const phoneTails = phoneTailsByTrackingNumber(shop);
  return (request) => {
    if (request.method !== 'POST' || new URL(request.url, 'https://api.kdniao.com').pathname !== '/Ebusiness/EbusinessOrderHandle.aspx') return textResponse(404, 'Not Found');
    const { EBusinessID, RequestType, RequestData, DataSign } = parseForm(request.body);
    const failure = (reason: string): StandInResponse => jsonResponse({ EBusinessID: EBusinessID ?? '', Success: false, Reason: reason });
    if (EBusinessID === undefined || RequestType === undefined || RequestData === undefined || DataSign === undefined) return failure('缺少系统级参数');
    if (EBusinessID !== STAND_IN_KDNIAO.businessId) return failure('用户ID不存在或未开通该接口');
    if (DataSign !== kdniaoSign(RequestData, STAND_IN_KDNIAO.appKey)) return failure('验证数据签名失败');
    if (RequestType !== '1002' && RequestType !== '8001') return failure(`不支持的RequestType：${RequestType}`);
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(RequestData) as Record<string, unknown>;
    } catch {
      return failure('RequestData格式错误');
    }
    const shipper = typeof data.ShipperCode === 'string' ? data.ShipperCode : '';
    const number = typeof data.LogisticCode === 'string' ? data.LogisticCode : '';
    if (shipper === '' || number === '') return failure('ShipperCode和LogisticCode不能为空');
    if (requirePhoneTail && PHONE_SHIPPERS.has(shipper) && !phoneTailAccepted(phoneTails, number, data.CustomerName)) return failure('顺丰单号需要CustomerName（收件人手机号后四位）');
    const parcel = shop.parcels.get(number);
    const body = parcel !== undefined && parcel.courier.kdniao === shipper ? kdniaoBody(parcel, unixSecondsOf(clock)) : kdniaoNoRecord({ kdniao: shipper }, number);
    return jsonResponse(shapeForRequestType({ ...body, EBusinessID }, RequestType));
  };
}
