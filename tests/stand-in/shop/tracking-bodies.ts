// Courier replies exactly as the providers send them (lib/tracking/README.md § Kuaidi100 response, § Kdniao response), rendered from one parcel.

import { STAND_IN_KDNIAO } from '../server/credentials';
import { ORIGIN, areaCode, areaName, type Area, type Courier } from './catalog';
import { EVENT_CODES, eventText, type Parcel } from './journey';
import { shanghaiDateTime } from './time';

/** Kuaidi100's main `state` for a resultv2=4 sub-code (lib/tracking/README.md § Kuaidi100 state codes). */
export function kuaidi100MainState(code: string): string {
  if (code.length === 3) return String(Math.floor(Number(code) / 100));
  if (code.length === 4 && code.startsWith('100')) return '0';
  return code;
}

const routePoint = (place: Area) => ({ number: areaCode(place), name: areaName(place) });

/** The `poll/query.do` reply for a parcel, with `resultv2=4`: newest event first, sub-codes in `statusCode`. */
export function kuaidi100Body(parcel: Parcel): Record<string, unknown> {
  const { events, courier, trackingNumber, uploadedAt } = parcel;
  const last = events?.[events.length - 1];
  if (events === null || last === undefined) return kuaidi100NoRecord();
  const state = kuaidi100MainState(EVENT_CODES[last.kind].k100);
  const data = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i] as (typeof events)[number];
    const time = shanghaiDateTime(uploadedAt + event.offset);
    data.push({
      time,
      ftime: time,
      context: eventText(event),
      location: '',
      areaCode: areaCode(event.area),
      areaName: areaName(event.area),
      status: EVENT_CODES[event.kind].k100Name,
      statusCode: EVENT_CODES[event.kind].k100,
    });
  }
  return {
    message: 'ok',
    nu: trackingNumber,
    ischeck: state === '3' || state === '4' ? '1' : '0',
    condition: 'F00',
    com: courier.kuaidi100,
    status: '200',
    state,
    data,
    routeInfo: { from: routePoint(events[0]?.area ?? ORIGIN), cur: routePoint(last.area), to: routePoint(parcel.destination) },
    isLoop: false,
  };
}

/** Kuaidi100's answer for a waybill the courier has no record of (lib/tracking/README.md § Kuaidi100 errors, returnCode 500). */
export function kuaidi100NoRecord(): Record<string, unknown> {
  return { result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' };
}

/** The Kdniao 8001 (在途监控) reply for a parcel: ascending traces, `StateEx` sub-states, per-event `Action`. */
export function kdniaoBody(parcel: Parcel): Record<string, unknown> {
  const { events, courier, trackingNumber, uploadedAt } = parcel;
  const last = events?.[events.length - 1];
  if (events === null || last === undefined) return kdniaoNoRecord(courier, trackingNumber);
  const action = EVENT_CODES[last.kind].kdniao;
  return {
    EBusinessID: STAND_IN_KDNIAO.businessId,
    ShipperCode: courier.kdniao,
    LogisticCode: trackingNumber,
    Success: true,
    Reason: null,
    State: action.charAt(0),
    StateEx: action,
    Location: last.area.city,
    Traces: events.map((event) => ({
      AcceptTime: shanghaiDateTime(uploadedAt + event.offset),
      AcceptStation: eventText(event),
      Location: event.area.city,
      Action: EVENT_CODES[event.kind].kdniao,
    })),
  };
}

/** Kdniao's answer when there is no trace yet: still `Success`, State 0 and no events. */
export function kdniaoNoRecord(courier: Pick<Courier, 'kdniao'>, trackingNumber: string): Record<string, unknown> {
  return {
    EBusinessID: STAND_IN_KDNIAO.businessId,
    ShipperCode: courier.kdniao,
    LogisticCode: trackingNumber,
    Success: true,
    Reason: '暂无轨迹信息',
    State: '0',
    Traces: [],
  };
}
