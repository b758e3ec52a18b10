// A month of a synthetic shop planned in advance (tests/stand-in/shop-month.ts runs it through the pipeline):
// every order's whole life as times (paid, seen, shipped, picked up, delivered, received, refunded), every
// after-sales case's phases and every parcel's courier events, drawn from one seed. The merchant acts at
// console visits (09:00, 14:00, 20:00 Beijing time), mostly in time and sometimes late; couriers differ in
// pickup latency, speed and how often parcels stall, are refused or come back (COURIER_PROFILES).
import { ORIGIN, type Area, type Courier, type Goods } from './catalog';
import type { Buyer } from './buyers';
import type { AfterSaleDraft, OrderDraft, OrderStatusText } from './drafts';
import { planJourney, type Ending, type JourneyEvent } from '../../../lib/tracking/demo/journey';
import type { Parcel } from './journey';
import type { Random } from './random';
import { firstAtOrAfter } from './sorted';
import { DAY, HOUR, MINUTE } from './time';

/** How a courier behaves in the month (shares are of its parcels). */
export interface CourierProfile {
  /** Hours from the upload to the pickup scan, for the parcels picked up in time. */
  pickupHours: [min: number, max: number];
  /** Share picked up only 25–40 h after the upload (the pickup clock runs out). */
  latePickup: number;
  /** Factor on the demo journey's gaps after pickup (1: the demo's speed). */
  transit: number;
  /** Share that sit 50–80 h without a scan on the way (stalled), then go on. */
  stall: number;
  /** Share with a delivery problem (failed attempt), delivered a day later. */
  problem: number;
  /** Share refused at the door. */
  rejected: number;
  /** Share refused and sent back to the shop (returning). */
  returned: number;
}

/** By `shipping_id` (COURIERS in catalog.ts): 顺丰 fast and clean, 极兔 and 邮政 slow and lossy, the rest between. */
export const COURIER_PROFILES: Readonly<Record<number, CourierProfile>> = {
  115: { pickupHours: [0.5, 5], latePickup: 0.01, transit: 1, stall: 0.02, problem: 0.015, rejected: 0.01, returned: 0.005 },
  85: { pickupHours: [1, 8], latePickup: 0.015, transit: 1.1, stall: 0.03, problem: 0.02, rejected: 0.012, returned: 0.008 },
  121: { pickupHours: [1, 10], latePickup: 0.02, transit: 1.2, stall: 0.05, problem: 0.03, rejected: 0.015, returned: 0.01 },
  384: { pickupHours: [2, 20], latePickup: 0.05, transit: 1.4, stall: 0.08, problem: 0.04, rejected: 0.03, returned: 0.02 },
  1: { pickupHours: [1, 8], latePickup: 0.02, transit: 1.2, stall: 0.04, problem: 0.025, rejected: 0.015, returned: 0.01 },
  44: { pickupHours: [0.5, 2], latePickup: 0.002, transit: 0.6, stall: 0.005, problem: 0.005, rejected: 0.005, returned: 0.003 },
  132: { pickupHours: [2, 12], latePickup: 0.03, transit: 1.6, stall: 0.06, problem: 0.03, rejected: 0.02, returned: 0.015 },
};

/** The console visits, hours of the Beijing day; the list is captured 30 minutes in (after the shipping). */
const VISIT_HOURS = [9, 14, 20];
const CAPTURE_AFTER = 30 * MINUTE;
/** Visits after the one that first shows an order at which the merchant ships it, with their shares. */
const SHIP_DELAYS: ReadonlyArray<[visits: number, share: number]> = [
  [0, 0.55],
  [1, 0.25],
  [2, 0.12],
  [3, 0.05],
  [5, 0.03],
];
/** The same for answering an after-sales case; null: never (the platform refunds at the deadline). */
const ANSWER_DELAYS: ReadonlyArray<[visits: number | null, share: number]> = [
  [0, 0.7],
  [1, 0.2],
  [2, 0.08],
  [null, 0.02],
];
const SHANGHAI_OFFSET = 8 * HOUR;

const REFUND_REASONS = ['不想要了', '拍错/多拍', '地址/电话信息填写错误'];
const LOGISTICS_REASONS = ['快递/物流一直未送到', '物流太慢'];
const QUALITY_REASONS = ['商品破损/少件', '质量问题', '与商品描述不符'];
const AUTO_REFUND = '逾期未处理，系统将自动退款给消费者';

/** One state of an after-sales case from `from` (unix s) on; `dueAt` (unix s) while it waits on the merchant. */
export interface CasePhase {
  from: number;
  status: AfterSaleDraft['status'];
  title: string;
  closeAt: number | null;
  dueAt: number | null;
  actions: number[];
}

export interface PlannedCase {
  id: number;
  type: 1 | 2;
  reason: string;
  createdAt: number;
  phases: CasePhase[];
}

export interface PlannedOrder {
  orderSn: string;
  buyer: Buyer;
  goods: Goods;
  quantity: number;
  orderTime: number;
  promiseShippingTime: number;
  cancelAt: number | null;
  shipAt: number | null;
  parcel: Parcel | null;
  /** Buyer confirmed receipt. */
  receiveAt: number | null;
  /** The order became 已发货，退款成功 / 未发货，退款成功. */
  refundAt: number | null;
  afterSale: PlannedCase | null;
}

export interface MonthPlan {
  start: number;
  end: number;
  /** Capture times of the console visits (unix s), ascending; the last is `end`. */
  captures: number[];
  orders: PlannedOrder[];
}

export interface MonthShop {
  random: Random;
  anyBuyer(): Buyer;
  anyGoods(): Goods;
  anyCourier(): Courier;
  newTrackingNumber(courier: Courier): string;
  newOrderSn(orderTime: number): string;
}

/** Visit times (unix s) from before `start` to `end`: the merchant acts at these. */
function visitsBetween(start: number, end: number): number[] {
  const visits: number[] = [];
  const firstDay = Math.floor((start + SHANGHAI_OFFSET) / DAY) - 1;
  for (let day = firstDay; ; day += 1) {
    const midnight = day * DAY - SHANGHAI_OFFSET;
    if (midnight > end) break;
    for (const hour of VISIT_HOURS) {
      const at = midnight + hour * HOUR;
      if (at + CAPTURE_AFTER <= end) visits.push(at);
    }
  }
  return visits;
}

/** Index of the first visit whose capture is at or after `at` (visits.length when none). */
function visitAfter(visits: readonly number[], at: number): number {
  return firstAtOrAfter(visits, at - CAPTURE_AFTER);
}

function pickShare<T>(random: Random, options: ReadonlyArray<[T, number]>): T {
  let roll = random.next();
  for (const [value, share] of options) {
    roll -= share;
    if (roll < 0) return value;
  }
  return (options[options.length - 1] as [T, number])[0];
}

/** A payment time in the 24 h from `dayStart` (unix s): the night (00:00–08:00 Beijing) sells a third as much per hour. */
function orderTimeIn(random: Random, dayStart: number): number {
  for (;;) {
    const at = Math.round(dayStart + random.between(0, DAY));
    if ((at + SHANGHAI_OFFSET) % DAY >= 8 * HOUR || random.chance(1 / 3)) return at;
  }
}

/** A journey of `courier`'s kind: its pickup latency, speed, and its share of stalls, problems, refusals and returns. */
function courierJourney(random: Random, courier: Courier, destination: Area): JourneyEvent[] {
  const profile = COURIER_PROFILES[courier.shippingId];
  if (profile === undefined) throw new Error(`no profile for courier ${courier.shippingId}`);
  const roll = random.next();
  let ending: Ending = 'signed';
  if (roll < profile.rejected) ending = 'rejected';
  else if (roll < profile.rejected + profile.returned) ending = 'returning';
  else if (roll < profile.rejected + profile.returned + profile.problem) ending = 'problem';
  else if (random.chance(0.2)) ending = random.chance(0.6) ? 'signed_locker' : 'signed_proxy';
  const plan = planJourney(random, ORIGIN, destination, ending);
  const [early, late] = profile.pickupHours;
  const pickupAt = Math.round((random.chance(profile.latePickup) ? random.between(25, 40) : random.between(early, late)) * HOUR);
  const stallAt = random.chance(profile.stall) ? plan.findIndex((event) => event.kind === 'arrived_city') : -1;
  const stall = Math.round(random.between(50, 80) * HOUR);
  const pickedUp = plan[1] as JourneyEvent;
  const events = plan.map((event, i) => {
    if (i === 0) return event;
    const offset = pickupAt + Math.round((event.offset - pickedUp.offset) * profile.transit) + (stallAt >= 0 && i >= stallAt ? stall : 0);
    return { ...event, offset };
  });
  if (ending === 'problem') {
    // A failed attempt is tried again the next day.
    const last = (events[events.length - 1] as JourneyEvent).offset;
    const again = last + random.int(12 * HOUR, 30 * HOUR);
    events.push({ offset: again, kind: 'out_for_delivery', area: destination }, { offset: again + random.int(HOUR, 6 * HOUR), kind: 'signed', area: destination });
  }
  return events;
}

function lastEventTime(parcel: Parcel): number {
  const events = parcel.events as readonly JourneyEvent[];
  return parcel.uploadedAt + (events[events.length - 1] as JourneyEvent).offset;
}

/** A case waiting on the merchant from `createdAt`, answered at a visit (or never: the platform refunds at the deadline). */
function answeredCase(
  random: Random,
  visits: readonly number[],
  id: number,
  type: 1 | 2,
  reason: string,
  createdAt: number,
  windowHours: number,
): PlannedCase {
  const dueAt = createdAt + windowHours * HOUR;
  const waiting: CasePhase = { from: createdAt, status: 11, title: type === 1 ? '买家申请仅退款，待商家处理' : '退货退款，待商家处理', closeAt: null, dueAt, actions: [] };
  const delay = pickShare(random, ANSWER_DELAYS);
  const visit = delay === null ? undefined : visits[visitAfter(visits, createdAt) + delay];
  if (visit === undefined) {
    const closeAt = dueAt + random.int(60, 300);
    return { id, type, reason, createdAt, phases: [waiting, { from: closeAt, status: 5, title: '退款成功', closeAt, dueAt: null, actions: [1028] }] };
  }
  const answerAt = visit + random.int(MINUTE, 25 * MINUTE);
  if (type === 1) return { id, type, reason, createdAt, phases: [waiting, { from: answerAt, status: 5, title: '退款成功', closeAt: answerAt, dueAt: null, actions: [] }] };
  // 退货退款: agreed, then refunded once the buyer's parcel is back (confirmed at a later visit).
  const backAt = visits[visitAfter(visits, answerAt + random.int(2 * DAY, 4 * DAY))];
  const phases: CasePhase[] = [waiting, { from: answerAt, status: 10, title: '商家已同意退货退款，待买家发货', closeAt: null, dueAt: null, actions: [] }];
  if (backAt !== undefined) {
    const closeAt = backAt + random.int(MINUTE, 25 * MINUTE);
    phases.push({ from: closeAt, status: 5, title: '退款成功', closeAt, dueAt: null, actions: [] });
  }
  return { id, type, reason, createdAt, phases };
}

/**
 * Plans `ordersPerDay` orders a day for `days` days up to `end` (unix s). Events after `end` stay in the plan
 * (a parcel travels on); the runner reads only what has happened by each moment it looks.
 */
export function planMonth(shop: MonthShop, ordersPerDay: number, days: number, end: number): MonthPlan {
  const { random } = shop;
  const start = end - days * DAY;
  const visits = visitsBetween(start, end + 10 * DAY);
  const orders: PlannedOrder[] = [];
  let nextCaseId = 11_000_000_000 + random.int(0, 999) * 1_000_000;
  const caseId = (): number => (nextCaseId += 1009);
  for (let day = 0; day < days; day += 1) {
    for (let i = 0; i < ordersPerDay; i += 1) {
      const orderTime = orderTimeIn(random, start + day * DAY);
      if (orderTime > end) continue;
      const goods = shop.anyGoods();
      const buyer = shop.anyBuyer();
      const order: PlannedOrder = {
        orderSn: shop.newOrderSn(orderTime),
        buyer,
        goods,
        quantity: random.chance(0.8) ? 1 : random.int(2, 3),
        orderTime,
        promiseShippingTime: orderTime + goods.promiseHours * HOUR,
        cancelAt: null,
        shipAt: null,
        parcel: null,
        receiveAt: null,
        refundAt: null,
        afterSale: null,
      };
      orders.push(order);
      const seen = visitAfter(visits, orderTime);
      const shipVisit = visits[seen + pickShare(random, SHIP_DELAYS)];
      const shipAt = shipVisit === undefined ? null : shipVisit + random.int(MINUTE, 25 * MINUTE);
      const fate = random.next();
      if (fate < 0.015) {
        order.cancelAt = orderTime + random.int(10 * MINUTE, 3 * HOUR);
        if (shipAt === null || order.cancelAt < shipAt) continue;
        order.cancelAt = null;
      } else if (fate < 0.045) {
        // 极速退款 before shipping (actions 1000): refunded seconds after the request.
        const createdAt = orderTime + random.int(5 * MINUTE, 20 * HOUR);
        if (shipAt === null || createdAt < shipAt) {
          const closeAt = createdAt + random.int(1, 50);
          order.refundAt = closeAt;
          order.afterSale = { id: caseId(), type: 1, reason: random.pick(REFUND_REASONS), createdAt, phases: [{ from: createdAt, status: 5, title: '退款成功', closeAt, dueAt: null, actions: [1000] }] };
          continue;
        }
      }
      if (shipAt === null) continue;
      const courier = shop.anyCourier();
      const parcel: Parcel = { courier, trackingNumber: shop.newTrackingNumber(courier), uploadedAt: shipAt, events: courierJourney(random, courier, buyer.area), destination: buyer.area };
      order.shipAt = shipAt;
      order.parcel = parcel;
      const events = parcel.events as readonly JourneyEvent[];
      const lastAt = lastEventTime(parcel);
      const last = (events[events.length - 1] as JourneyEvent).kind;
      if (last === 'rejected' || last === 'refused' || last === 'returning') {
        // Refunded once the parcel is back at the shop.
        order.refundAt = lastAt + random.int(2 * DAY, 5 * DAY);
        continue;
      }
      const stalled = events.some((event, k) => k > 1 && event.offset - (events[k - 1] as JourneyEvent).offset > 48 * HOUR);
      if (stalled && random.chance(0.4)) {
        // The buyer asks for a refund while the parcel sits (仅退款, 36 h to answer).
        const createdAt = shipAt + random.int(3 * DAY, 4 * DAY);
        if (createdAt < lastAt) {
          order.afterSale = answeredCase(random, visits, caseId(), 1, random.pick(LOGISTICS_REASONS), createdAt, 36);
          const refunded = order.afterSale.phases.find((phase) => phase.status === 5);
          if (refunded !== undefined && refunded.from < lastAt) {
            order.refundAt = refunded.from;
            continue;
          }
        }
      }
      order.receiveAt = lastAt + random.int(HOUR, 6 * DAY);
      if (order.afterSale === null && random.chance(0.05)) {
        order.afterSale = answeredCase(random, visits, caseId(), 2, random.pick(QUALITY_REASONS), order.receiveAt + random.int(HOUR, 3 * DAY), 36);
      }
    }
  }
  const captures = visits.map((visit) => visit + CAPTURE_AFTER).filter((at) => at > start && at < end);
  captures.push(end);
  return { start, end, captures, orders };
}

/** The order's console status at `at` (unix s). */
export function statusAt(order: PlannedOrder, at: number): OrderStatusText {
  if (order.cancelAt !== null && order.cancelAt <= at) return '已取消';
  const shipped = order.shipAt !== null && order.shipAt <= at;
  if (order.refundAt !== null && order.refundAt <= at) return shipped ? '已发货，退款成功' : '未发货，退款成功';
  if (!shipped) return '待发货';
  return order.receiveAt !== null && order.receiveAt <= at ? '已收货' : '已发货，待收货';
}

/** The case's phase at `at`, or null before it was opened. */
export function phaseAt(plannedCase: PlannedCase, at: number): CasePhase | null {
  let current: CasePhase | null = null;
  for (const phase of plannedCase.phases) if (phase.from <= at) current = phase;
  return current;
}

/** Times (unix s) at which the order's list row changes. */
export function rowChangeTimes(order: PlannedOrder): number[] {
  const times = [order.orderTime];
  for (const at of [order.cancelAt, order.shipAt, order.refundAt, order.receiveAt]) if (at !== null) times.push(at);
  for (const phase of order.afterSale?.phases ?? []) times.push(phase.from);
  return times;
}

/** The order as a draft at `at`, for the row builders of rows.ts. */
export function draftAt(order: PlannedOrder, at: number): OrderDraft {
  const status = statusAt(order, at);
  const phase = order.afterSale === null ? null : phaseAt(order.afterSale, at);
  const shipped = order.shipAt !== null && order.shipAt <= at;
  return {
    scenario: 'received',
    buyer: order.buyer,
    goods: order.goods,
    quantity: order.quantity,
    status,
    orderTime: order.orderTime,
    promiseShippingTime: order.promiseShippingTime,
    shippingTime: shipped ? (order.shipAt as number) : 0,
    urgeShippingTime: null,
    receiveTime: status === '已收货' ? order.receiveAt : null,
    riskHold: false,
    noNeedShip: false,
    parcel: order.parcel,
    afterSale: order.afterSale === null || phase === null ? null : caseDraftAt(order.afterSale, phase, at),
  };
}

/** The case's `afterSales/queryList` fields at `at` (in phase `phase`). */
export function caseDraftAt(plannedCase: PlannedCase, phase: CasePhase, at: number): AfterSaleDraft {
  return {
    type: plannedCase.type,
    status: phase.status,
    title: phase.title,
    reason: plannedCase.reason,
    createdAt: plannedCase.createdAt,
    closeTimeMs: phase.closeAt === null ? null : phase.closeAt * 1000,
    expireRemainTime: phase.dueAt === null ? null : phase.dueAt - at,
    expireActionDesc: phase.dueAt === null ? null : AUTO_REFUND,
    actions: phase.actions,
    reverse: null,
  };
}
