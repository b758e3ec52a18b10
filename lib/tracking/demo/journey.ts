// A parcel's courier events, kept provider-neutral: the synthetic shop's timelines and the demo provider's
// (演示模式). The stand-ins render the same events as a Kuaidi100 body (newest first, ./kuaidi100-body.ts) and
// a Kdniao body (ascending), so the two providers always agree. Offsets are in seconds, like the console's
// unix times the shop counts from.

import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../../time/shanghai';
import { ORIGIN, ORIGIN_SITE, type Area } from './areas';
import type { Random } from './random';

export const MINUTE = MINUTE_MS / SECOND_MS;
export const HOUR = HOUR_MS / SECOND_MS;

export type EventKind =
  | 'ordered'
  | 'awaiting_pickup'
  | 'picked_up'
  | 'departed'
  | 'arrived_hub'
  | 'arrived_city'
  | 'out_for_delivery'
  | 'in_locker'
  | 'signed'
  | 'signed_proxy'
  | 'signed_locker'
  | 'problem_contact'
  | 'problem_failed'
  | 'problem_stuck'
  | 'problem_area'
  | 'rejected'
  | 'refused'
  | 'returning';

/** Kuaidi100 `statusCode` (resultv2=4) and `status` name, and the Kdniao `Action` of each kind. */
export const EVENT_CODES: Record<EventKind, { k100: string; k100Name: string; kdniao: string }> = {
  ordered: { k100: '101', k100Name: '揽收', kdniao: '10' },
  awaiting_pickup: { k100: '102', k100Name: '揽收', kdniao: '10' },
  picked_up: { k100: '103', k100Name: '揽收', kdniao: '1' },
  departed: { k100: '1002', k100Name: '在途', kdniao: '2' },
  arrived_hub: { k100: '1002', k100Name: '在途', kdniao: '204' },
  arrived_city: { k100: '1001', k100Name: '在途', kdniao: '201' },
  out_for_delivery: { k100: '5', k100Name: '派件', kdniao: '202' },
  in_locker: { k100: '501', k100Name: '派件', kdniao: '211' },
  signed: { k100: '301', k100Name: '签收', kdniao: '301' },
  signed_proxy: { k100: '303', k100Name: '签收', kdniao: '304' },
  signed_locker: { k100: '304', k100Name: '签收', kdniao: '311' },
  problem_contact: { k100: '206', k100Name: '疑难', kdniao: '416' },
  problem_failed: { k100: '204', k100Name: '疑难', kdniao: '405' },
  problem_stuck: { k100: '208', k100Name: '疑难', kdniao: '4' },
  problem_area: { k100: '207', k100Name: '疑难', kdniao: '423' },
  rejected: { k100: '203', k100Name: '疑难', kdniao: '404' },
  refused: { k100: '14', k100Name: '拒签', kdniao: '404' },
  returning: { k100: '6', k100Name: '退回', kdniao: '407' },
};

/**
 * One courier event, as an offset from the parcel's upload time (`shipping_time`). Texts and wall-clock
 * strings are made only when a provider body is built (a 100k-order shop has ~500k events).
 */
export interface JourneyEvent {
  offset: number;
  kind: EventKind;
  area: Area;
  /** For `departed`: the hub named as the next stop. */
  nextHub?: string;
}

const station = (place: Area): string => `${place.city.replace(/市$/, '')}测试营业部`;

const siteOf = (place: Area): string => (place === ORIGIN ? ORIGIN_SITE : station(place));

// Event texts repeat (a kind at a place), so each is built once.
const texts = new Map<string, string>();

/** The courier's wording of an event (the same for Kuaidi100 `context` and Kdniao `AcceptStation`). */
export function eventText(event: JourneyEvent): string {
  const nextHub = event.nextHub ?? '';
  const key = `${event.kind}|${event.area.code}|${nextHub}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = buildText(event.kind, event.area, nextHub);
    texts.set(key, text);
  }
  return text;
}

function buildText(kind: EventKind, place: Area, nextHub: string): string {
  const city = place.city;
  switch (kind) {
    case 'ordered':
      return `【${city}】寄件人已下单，等待快递员揽收`;
    case 'awaiting_pickup':
      return `【${city}】${siteOf(place)}待揽收，快递员正在赶来`;
    case 'picked_up':
      return `【${city}】${siteOf(place)} 已揽收`;
    case 'departed':
      return `快件已从【${place.hub}】发出，下一站【${nextHub}】`;
    case 'arrived_hub':
      return `快件已到达【${place.hub}】`;
    case 'arrived_city':
      return `快件已到达【${city}】${station(place)}`;
    case 'out_for_delivery':
      return `【${city}】${station(place)}快递员（测试派送员）正在为您派件`;
    case 'in_locker':
      return `【${city}】您的快件已放入【测试驿站】，请凭取件码及时取件`;
    case 'signed':
      return `【${city}】您的快件已签收，签收人：本人`;
    case 'signed_proxy':
      return `【${city}】您的快件已由【门卫】代签收`;
    case 'signed_locker':
      return `【${city}】您的快件已在【测试驿站】签收，如有疑问请联系驿站`;
    case 'problem_contact':
      return `【${city}】快件派送不成功，原因：收件人电话无法接通，将再次派送`;
    case 'problem_failed':
      return `【${city}】快件派送异常，原因：收件地址不详`;
    case 'problem_stuck':
      return `【${city}】快件滞留在${station(place)}，原因：暂存待派`;
    case 'problem_area':
      return `【${city}】快件超区，无法派送`;
    case 'rejected':
      return `【${city}】收件人拒收，原因：不想要了`;
    case 'refused':
      return `【${city}】快件已被收件人拒签`;
    case 'returning':
      return `【${city}】快件已退回，正在返回寄件人途中`;
  }
}

/** How a delivery ends (or breaks off) once it reached the destination city. */
export type Ending = 'signed' | 'signed_proxy' | 'signed_locker' | 'problem' | 'rejected' | 'returning' | 'open';

/**
 * A full journey from `origin` (the shop, or a buyer sending a return) to `destination`, as offsets
 * from the upload time. Every journey starts with the e-waybill `ordered` event (printed before the
 * upload), then pickup, two hubs, the city station and the delivery run; `ending` decides what
 * follows the delivery run (`open`: nothing yet).
 */
export function planJourney(random: Random, origin: Area, destination: Area, ending: Ending): JourneyEvent[] {
  const events: JourneyEvent[] = [{ offset: -random.int(0, 2 * HOUR), kind: 'ordered', area: origin }];
  let offset = 0;
  const add = (kind: EventKind, place: Area, minGap: number, maxGap: number): void => {
    offset += random.int(minGap, maxGap);
    events.push({ offset, kind, area: place });
  };
  add('picked_up', origin, 30 * MINUTE, 8 * HOUR);
  offset += random.int(2 * HOUR, 6 * HOUR);
  events.push({ offset, kind: 'departed', area: origin, nextHub: destination.hub });
  add('arrived_hub', destination, 8 * HOUR, 30 * HOUR);
  add('arrived_city', destination, 2 * HOUR, 8 * HOUR);
  add('out_for_delivery', destination, 1 * HOUR, 10 * HOUR);
  switch (ending) {
    case 'signed':
    case 'signed_proxy':
      add(ending, destination, 30 * MINUTE, 6 * HOUR);
      break;
    case 'signed_locker':
      add('in_locker', destination, 30 * MINUTE, 4 * HOUR);
      add('signed_locker', destination, 1 * HOUR, 20 * HOUR);
      break;
    case 'problem':
      add(random.pick(['problem_contact', 'problem_failed', 'problem_stuck', 'problem_area'] as const), destination, 1 * HOUR, 6 * HOUR);
      break;
    case 'rejected':
      add(random.chance(0.5) ? 'rejected' : 'refused', destination, 30 * MINUTE, 6 * HOUR);
      break;
    case 'returning':
      add('rejected', destination, 30 * MINUTE, 6 * HOUR);
      add('returning', destination, 2 * HOUR, 20 * HOUR);
      break;
    case 'open':
      break;
  }
  return events;
}

/** Index of the first event of `kind`, or -1. */
export function indexOfKind(events: readonly JourneyEvent[], kind: EventKind): number {
  return events.findIndex((event) => event.kind === kind);
}

/** The pre-pickup events of an early upload: the waybill exists, nobody has collected the parcel. */
export function awaitingPickup(random: Random, awaitingAfter: number): JourneyEvent[] {
  return [
    { offset: -random.int(0, 2 * HOUR), kind: 'ordered', area: ORIGIN },
    { offset: awaitingAfter, kind: 'awaiting_pickup', area: ORIGIN },
  ];
}

/**
 * The journey `plan` resumed after its event `from` (-1: before its first), that event taken to happen at
 * offset `resumeAt`: the later events keep their gaps. A parcel cut short (stalled, still travelling, not
 * yet picked up) carries on this way after the clock it was drawn for.
 */
export function resumeJourney(plan: readonly JourneyEvent[], from: number, resumeAt: number): JourneyEvent[] {
  const anchor = plan[Math.max(from, 0)];
  if (anchor === undefined) return [];
  const shift = resumeAt - anchor.offset;
  return plan.slice(from + 1).map((event) => ({ ...event, offset: event.offset + shift }));
}

/** How many of `events` (ascending offsets from `uploadedAt`, unix s) have happened by `at` (unix s). */
export function happenedBy(events: readonly JourneyEvent[], uploadedAt: number, at: number): number {
  let count = 0;
  while (count < events.length && uploadedAt + (events[count] as JourneyEvent).offset <= at) count += 1;
  return count;
}

/** A waybill's whole timeline: its events are offsets from `uploadedAt` (unix s), past and future alike. */
export interface Timeline {
  courier: { kuaidi100: string | null };
  trackingNumber: string;
  /** The upload time the event offsets count from. */
  uploadedAt: number;
  /** Ascending offsets. Null: the courier never has a record (Kuaidi100 returnCode 500, Kdniao State 0). */
  events: readonly JourneyEvent[] | null;
  /** Where the parcel is headed (Kuaidi100 `routeInfo.to`). */
  destination: Area;
}
