// Courier replies exactly as the providers send them (lib/tracking/README.md § Kuaidi100 response, § Kdniao response), rendered
// from one parcel at a moment: only the events that have happened by then. The Kuaidi100 body is the demo provider's
// (lib/tracking/demo/kuaidi100-body.ts); the Kdniao body is the stand-in's alone.

import { EVENT_CODES, eventText, happenedBy } from '../../../lib/tracking/demo/journey';
import { STAND_IN_KDNIAO } from '../server/credentials';
import type { Courier } from './catalog';
import type { Parcel } from './journey';
import { shanghaiDateTime } from './time';

export { kuaidi100Body, kuaidi100MainState, kuaidi100NoRecord } from '../../../lib/tracking/demo/kuaidi100-body';

/** The Kdniao 8001 (在途监控) reply for a parcel at `at` (unix s): ascending traces, `StateEx` sub-states, per-event `Action`. */
export function kdniaoBody(parcel: Parcel, at: number): Record<string, unknown> {
  const { events: all, courier, trackingNumber, uploadedAt } = parcel;
  const events = all === null ? [] : all.slice(0, happenedBy(all, uploadedAt, at));
  const last = events[events.length - 1];
  if (last === undefined) return kdniaoNoRecord(courier, trackingNumber);
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
