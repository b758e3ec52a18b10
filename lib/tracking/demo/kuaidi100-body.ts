// A timeline as Kuaidi100 answers `poll/query.do` with resultv2=4 (lib/tracking/README.md § Kuaidi100 response)
// at a given moment: only the events that have happened by then, newest first. The stand-in Kuaidi100 sends
// it; the demo provider reads it through normalizeKuaidi100, so a demo reading is a real reading's twin.
import { SECOND_MS, shanghaiDateTime } from '../../time/shanghai';
import { ORIGIN, areaCode, areaName, type Area } from './areas';
import { EVENT_CODES, eventText, happenedBy, type Timeline } from './journey';

/** Kuaidi100's main `state` for a resultv2=4 sub-code (lib/tracking/README.md § Kuaidi100 state codes). */
export function kuaidi100MainState(code: string): string {
  if (code.length === 3) return String(Math.floor(Number(code) / 100));
  if (code.length === 4 && code.startsWith('100')) return '0';
  return code;
}

const routePoint = (place: Area) => ({ number: areaCode(place), name: areaName(place) });

const wallClock = (unixSeconds: number): string => shanghaiDateTime(unixSeconds * SECOND_MS) ?? '';

/** The reply for `timeline` at `at` (unix s); the no-record reply while nothing has happened yet. */
export function kuaidi100Body(timeline: Timeline, at: number): Record<string, unknown> {
  const { events: all, courier, trackingNumber, uploadedAt } = timeline;
  const count = all === null ? 0 : happenedBy(all, uploadedAt, at);
  const last = all?.[count - 1];
  if (all === null || last === undefined) return kuaidi100NoRecord();
  const state = kuaidi100MainState(EVENT_CODES[last.kind].k100);
  const data = [];
  for (let i = count - 1; i >= 0; i--) {
    const event = all[i] as (typeof all)[number];
    const time = wallClock(uploadedAt + event.offset);
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
    ...(courier.kuaidi100 === null ? {} : { com: courier.kuaidi100 }),
    status: '200',
    state,
    data,
    routeInfo: { from: routePoint(all[0]?.area ?? ORIGIN), cur: routePoint(last.area), to: routePoint(timeline.destination) },
    isLoop: false,
  };
}

/** Kuaidi100's answer for a waybill the courier has no record of (lib/tracking/README.md § Kuaidi100 errors, returnCode 500). */
export function kuaidi100NoRecord(): Record<string, unknown> {
  return { result: false, returnCode: '500', message: '查询无结果，请隔段时间再查' };
}
