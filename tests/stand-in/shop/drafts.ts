// What each scenario means in times and states, before it is written out as console rows (rows.ts).
// Everything is placed relative to `now`, backwards from the event that defines the scenario, so a
// scenario holds at exactly `now` (e.g. an in-transit parcel's last scan is under 18 h old).

import type { Buyer, BuyerPool } from './buyers';
import { DESTINATIONS, ORIGIN, type Area, type Courier, type Goods } from './catalog';
import { awaitingPickup, indexOfKind, planJourney, type Ending, type JourneyEvent } from '../../../lib/tracking/demo/journey';
import { lastEventAt, withFuture, type Parcel } from './journey';
import type { Random } from './random';
import type { ScenarioId } from './scenarios';
import { DAY, HOUR, MINUTE } from './time';

export type OrderStatusText = '待发货' | '已发货，待收货' | '已收货' | '未发货，退款成功' | '已发货，退款成功' | '已取消';

export interface AfterSaleDraft {
  /** 1 仅退款, 2 退货退款 (mms `afterSalesType`). */
  type: 1 | 2;
  /** mms code table (lib/pdd/README.md § After-sales status codes): 5 退款成功, 10 待消费者寄货, 11 待商家确认收货. */
  status: 5 | 10 | 11;
  title: string;
  reason: string;
  createdAt: number;
  /** Epoch **milliseconds**, as the console sends `closeTime`. */
  closeTimeMs: number | null;
  /** Seconds left for the merchant, null when the case does not wait on the merchant. */
  expireRemainTime: number | null;
  expireActionDesc: string | null;
  actions: number[];
  /** The buyer's return parcel. */
  reverse: Parcel | null;
}

export interface OrderDraft {
  scenario: ScenarioId;
  buyer: Buyer;
  goods: Goods;
  quantity: number;
  status: OrderStatusText;
  orderTime: number;
  promiseShippingTime: number | null;
  /** 0 while unshipped, as the console sends it. */
  shippingTime: number;
  urgeShippingTime: number | null;
  receiveTime: number | null;
  riskHold: boolean;
  noNeedShip: boolean;
  parcel: Parcel | null;
  afterSale: AfterSaleDraft | null;
}

export interface DraftContext {
  random: Random;
  now: number;
  buyers: BuyerPool;
  anyGoods(): Goods;
  /** Goods for a rejected or returned parcel, spread so that no goods gets a rejection cluster by accident. */
  rejectionGoods(): Goods;
  /** Goods reserved for one rejection cluster. */
  clusterGoods(): Goods;
  anyCourier(): Courier;
  newTrackingNumber(courier: Courier): string;
}

function base(ctx: DraftContext, scenario: ScenarioId, goods = ctx.anyGoods(), buyer = ctx.buyers.any()): OrderDraft {
  return {
    scenario,
    buyer,
    goods,
    quantity: ctx.random.chance(0.8) ? 1 : ctx.random.int(2, 3),
    status: '待发货',
    orderTime: 0,
    promiseShippingTime: null,
    shippingTime: 0,
    urgeShippingTime: null,
    receiveTime: null,
    riskHold: false,
    noNeedShip: false,
    parcel: null,
    afterSale: null,
  };
}

/** An unshipped order whose 承诺发货时间 is `minLeft` to `maxLeft` seconds away (negative: overdue). */
function unshipped(ctx: DraftContext, scenario: ScenarioId, minLeft: number, maxLeft: number): OrderDraft {
  const draft = base(ctx, scenario);
  const limit = draft.goods.promiseHours * HOUR;
  const remaining = ctx.random.int(minLeft, Math.min(maxLeft, limit - 10 * MINUTE));
  draft.promiseShippingTime = ctx.now + remaining;
  draft.orderTime = draft.promiseShippingTime - limit;
  return draft;
}

/** Sets the order time and promise so that the upload at `shippingTime` was on time (or `lateBy` late). */
function shipAt(ctx: DraftContext, draft: OrderDraft, shippingTime: number, lateBy = 0): void {
  const limit = draft.goods.promiseHours * HOUR;
  draft.shippingTime = shippingTime;
  draft.orderTime = lateBy > 0 ? shippingTime - lateBy - limit : shippingTime - ctx.random.int(HOUR, limit - HOUR);
  draft.promiseShippingTime = draft.orderTime + limit;
  draft.status = '已发货，待收货';
}

/**
 * A parcel whose events up to now are `plan[0..cut]`, event `cut` happening at `lastAt`: the upload time
 * follows from the journey's offsets. A journey still under way carries on after now (withFuture).
 */
function parcelEndingAt(ctx: DraftContext, plan: JourneyEvent[], cut: number, lastAt: number, destination: Area): Parcel {
  const last = plan[cut];
  if (last === undefined) throw new Error(`journey has no event ${cut}`);
  const courier = ctx.anyCourier();
  const parcel = { courier, trackingNumber: ctx.newTrackingNumber(courier), uploadedAt: lastAt - last.offset, events: plan.slice(0, cut + 1), destination };
  return withFuture(parcel, ctx.now);
}

/** A shipped order whose parcel reached the end of `ending` at `lastAt`. */
function shippedEnding(ctx: DraftContext, draft: OrderDraft, ending: Ending, lastAt: number, destination = draft.buyer.area): void {
  const plan = planJourney(ctx.random, ORIGIN, destination, ending);
  draft.parcel = parcelEndingAt(ctx, plan, plan.length - 1, lastAt, destination);
  shipAt(ctx, draft, draft.parcel.uploadedAt);
}

/** A shipped order still travelling: its last scan (1 = pickup, up to `maxCut`) was `minGap`-`maxGap` ago. */
function shippedOpen(ctx: DraftContext, draft: OrderDraft, maxCut: number, minGap: number, maxGap: number, lateBy = 0): void {
  const plan = planJourney(ctx.random, ORIGIN, draft.buyer.area, 'open');
  const cut = ctx.random.int(1, Math.min(maxCut, plan.length - 1));
  draft.parcel = parcelEndingAt(ctx, plan, cut, ctx.now - ctx.random.int(minGap, maxGap), draft.buyer.area);
  shipAt(ctx, draft, draft.parcel.uploadedAt, lateBy);
}

/**
 * A parcel uploaded at the order's `shipping_time` with the given events (null: the courier has no record),
 * carried on past `now` unless the number is `invalid` (the courier never records it).
 */
function parcelFromUpload(ctx: DraftContext, draft: OrderDraft, events: JourneyEvent[] | null, invalid = false): Parcel {
  const courier = ctx.anyCourier();
  const parcel = { courier, trackingNumber: ctx.newTrackingNumber(courier), uploadedAt: draft.shippingTime, events, destination: draft.buyer.area };
  return invalid ? parcel : withFuture(parcel, ctx.now);
}

/** When the parcel's last courier event happened (the signing time for a delivered parcel). */
function signedAt(draft: OrderDraft): number {
  const at = draft.parcel === null ? null : lastEventAt(draft.parcel);
  if (at === null) throw new Error(`${draft.scenario}: parcel has no events`);
  return at;
}

/** A received order: signed at `signAt`, receipt confirmed up to `maxConfirmDelay` later (never after now). */
function received(ctx: DraftContext, draft: OrderDraft, signAt: number, maxConfirmDelay = 5 * DAY): void {
  shippedEnding(ctx, draft, 'signed', signAt);
  draft.status = '已收货';
  draft.receiveTime = signAt + ctx.random.int(HOUR, Math.min(maxConfirmDelay, ctx.now - signAt - 10 * MINUTE));
}

function refundDone(type: 1 | 2, createdAt: number, closeTimeMs: number, reason: string, actions: number[], reverse: Parcel | null = null): AfterSaleDraft {
  return { type, status: 5, title: '退款成功', reason, createdAt, closeTimeMs, expireRemainTime: null, expireActionDesc: null, actions, reverse };
}

const REFUND_REASONS = ['不想要了', '拍错/多拍', '地址/电话信息填写错误', '协商一致退款'];
const LOGISTICS_REASONS = ['快递/物流一直未送到', '物流太慢', '发货慢'];
const QUALITY_REASONS = ['商品破损/少件', '质量问题', '与商品描述不符'];

/**
 * A buyer's return parcel to the shop whose last event was 1-12 h ago: delivered, or on its way
 * (at most at the shop's hub). Its upload time is therefore within the last 3.5 days.
 */
function returnParcel(ctx: DraftContext, buyer: Buyer, delivered: boolean): Parcel {
  const plan = planJourney(ctx.random, buyer.area, ORIGIN, delivered ? 'signed' : 'open');
  const cut = delivered ? plan.length - 1 : ctx.random.int(1, indexOfKind(plan, 'arrived_hub'));
  return parcelEndingAt(ctx, plan, cut, ctx.now - ctx.random.int(HOUR, 12 * HOUR), ORIGIN);
}

/**
 * A received order with a 退货退款 case. With `secondsLeft` the buyer has sent the goods back and the
 * case waits on the merchant (mms status 11); without, it waits on the buyer (status 10).
 */
function returnCase(ctx: DraftContext, scenario: ScenarioId, secondsLeft: [min: number, max: number] | null): OrderDraft {
  const draft = base(ctx, scenario);
  received(ctx, draft, ctx.now - ctx.random.int(6 * DAY, 20 * DAY), DAY);
  const receiveTime = draft.receiveTime as number;
  const reason = ctx.random.pick(QUALITY_REASONS);
  if (secondsLeft === null) {
    const createdAt = ctx.random.int(receiveTime + HOUR, ctx.now - HOUR);
    draft.afterSale = { type: 2, status: 10, title: '商家已同意退货退款，待买家发货', reason, createdAt, closeTimeMs: null, expireRemainTime: null, expireActionDesc: null, actions: [], reverse: null };
    return draft;
  }
  const reverse = returnParcel(ctx, draft.buyer, ctx.random.chance(0.5));
  draft.afterSale = {
    type: 2,
    status: 11,
    title: '退货退款，待商家确认收货',
    reason,
    createdAt: ctx.random.int(receiveTime + HOUR, reverse.uploadedAt - 30 * MINUTE),
    closeTimeMs: null,
    expireRemainTime: ctx.random.int(secondsLeft[0], secondsLeft[1]),
    expireActionDesc: '逾期未处理，系统将自动退款给消费者',
    actions: [],
    reverse,
  };
  return draft;
}

type Builder = (ctx: DraftContext) => OrderDraft[];

export const DRAFT_BUILDERS: Record<ScenarioId, Builder> = {
  received: (ctx) => {
    const draft = base(ctx, 'received');
    received(ctx, draft, ctx.now - ctx.random.int(DAY, 70 * DAY));
    return [draft];
  },
  in_transit: (ctx) => {
    const draft = base(ctx, 'in_transit');
    shippedOpen(ctx, draft, 5, 30 * MINUTE, 18 * HOUR);
    return [draft];
  },
  unshipped_hours_left: (ctx) => [unshipped(ctx, 'unshipped_hours_left', 12 * HOUR + MINUTE, 47 * HOUR)],
  delivered: (ctx) => {
    const draft = base(ctx, 'delivered');
    shippedEnding(ctx, draft, 'signed', ctx.now - ctx.random.int(HOUR, 4 * DAY));
    return [draft];
  },
  unshipped_due_soon: (ctx) => [unshipped(ctx, 'unshipped_due_soon', 2 * HOUR + MINUTE, 12 * HOUR)],
  shipped_no_pickup: (ctx) => {
    const draft = base(ctx, 'shipped_no_pickup');
    shipAt(ctx, draft, ctx.now - ctx.random.int(HOUR, 11 * HOUR));
    // Half the couriers already know the e-waybill ("已下单"), half answer "no record" yet.
    draft.parcel = parcelFromUpload(ctx, draft, ctx.random.chance(0.5) ? awaitingPickup(ctx.random, 0).slice(0, 1) : null);
    return [draft];
  },
  cancelled: (ctx) => {
    const draft = base(ctx, 'cancelled');
    draft.status = '已取消';
    draft.orderTime = ctx.now - ctx.random.int(HOUR, 60 * DAY);
    return [draft];
  },
  proxy_signed: (ctx) => {
    const draft = base(ctx, 'proxy_signed');
    shippedEnding(ctx, draft, ctx.random.chance(0.5) ? 'signed_proxy' : 'signed_locker', ctx.now - ctx.random.int(HOUR, 4 * DAY));
    return [draft];
  },
  refunded_unshipped: (ctx) => {
    const draft = base(ctx, 'refunded_unshipped');
    const limit = draft.goods.promiseHours * HOUR;
    draft.orderTime = ctx.now - ctx.random.int(3 * HOUR, 30 * DAY);
    draft.promiseShippingTime = draft.orderTime + limit;
    draft.status = '未发货，退款成功';
    const createdAt = draft.orderTime + ctx.random.int(5 * MINUTE, Math.min(limit, ctx.now - draft.orderTime) - MINUTE);
    // Unshipped refund-only cases are refunded at once (极速退款, actions 1000; lib/pdd/README.md § After-sales actions).
    draft.afterSale = refundDone(1, createdAt, (createdAt + ctx.random.int(1, 50)) * 1000, ctx.random.pick(REFUND_REASONS), [1000]);
    return [draft];
  },
  unshipped_critical: (ctx) => [unshipped(ctx, 'unshipped_critical', 5 * MINUTE, 2 * HOUR)],
  overdue_unshipped: (ctx) => [unshipped(ctx, 'overdue_unshipped', -30 * HOUR, -10 * MINUTE)],
  urged_unshipped: (ctx) => {
    const draft = unshipped(ctx, 'urged_unshipped', HOUR, 22 * HOUR);
    draft.urgeShippingTime = ctx.random.int(draft.orderTime + 30 * MINUTE, ctx.now - 5 * MINUTE);
    return [draft];
  },
  shipped_late: (ctx) => {
    const draft = base(ctx, 'shipped_late');
    shippedOpen(ctx, draft, 5, 30 * MINUTE, 18 * HOUR, ctx.random.int(HOUR, 20 * HOUR));
    return [draft];
  },
  stalled: (ctx) => {
    const draft = base(ctx, 'stalled');
    shippedOpen(ctx, draft, 4, 50 * HOUR, 90 * HOUR);
    return [draft];
  },
  after_sale_waiting: (ctx) => [returnCase(ctx, 'after_sale_waiting', [12 * HOUR + MINUTE, Math.round(6.9 * DAY)])],
  early_upload: (ctx) => {
    const draft = base(ctx, 'early_upload');
    if (ctx.random.chance(0.5)) {
      // The number was uploaded 13-22 h ago; the courier still only has the e-waybill.
      shipAt(ctx, draft, ctx.now - ctx.random.int(13 * HOUR, 22 * HOUR));
      draft.parcel = parcelFromUpload(ctx, draft, awaitingPickup(ctx.random, ctx.random.int(HOUR, 6 * HOUR)));
    } else {
      // The first real scan came more than 24 h after the upload; the parcel has arrived since.
      const plan = planJourney(ctx.random, ORIGIN, draft.buyer.area, 'signed');
      const pickup = indexOfKind(plan, 'picked_up');
      const delay = ctx.random.int(26 * HOUR, 40 * HOUR) - (plan[pickup] as JourneyEvent).offset;
      const delayed = plan.map((event, i) => (i >= pickup ? { ...event, offset: event.offset + delay } : event));
      draft.parcel = parcelEndingAt(ctx, delayed, delayed.length - 1, ctx.now - ctx.random.int(HOUR, 3 * DAY), draft.buyer.area);
      shipAt(ctx, draft, draft.parcel.uploadedAt);
    }
    return [draft];
  },
  delivery_problem: (ctx) => {
    const draft = base(ctx, 'delivery_problem');
    shippedEnding(ctx, draft, 'problem', ctx.now - ctx.random.int(HOUR, 20 * HOUR));
    return [draft];
  },
  instant_refund: (ctx) => {
    const draft = base(ctx, 'instant_refund');
    shippedEnding(ctx, draft, 'signed', ctx.now - ctx.random.int(4 * DAY, 7 * DAY));
    draft.status = '已发货，退款成功';
    // 极速退款: refunded seconds after the request, while the buyer's return parcel is still travelling.
    const reverse = returnParcel(ctx, draft.buyer, false);
    const createdAt = ctx.random.int(signedAt(draft) + HOUR, reverse.uploadedAt - 30 * MINUTE);
    draft.afterSale = refundDone(2, createdAt, (createdAt + ctx.random.int(5, 60)) * 1000, ctx.random.pick(QUALITY_REASONS), [1000], reverse);
    return [draft];
  },
  risk_hold: (ctx) => {
    const draft = unshipped(ctx, 'risk_hold', 13 * HOUR, 40 * HOUR);
    draft.riskHold = true;
    return [draft];
  },
  no_need_ship: (ctx) => {
    const draft = base(ctx, 'no_need_ship');
    shipAt(ctx, draft, ctx.now - ctx.random.int(DAY, 10 * DAY));
    draft.noNeedShip = true;
    return [draft];
  },
  logistics_refund: (ctx) => {
    const draft = base(ctx, 'logistics_refund');
    shippedEnding(ctx, draft, 'signed', ctx.now - ctx.random.int(2 * DAY, 10 * DAY));
    draft.status = '已发货，退款成功';
    // The buyer complained about the slow parcel before it finally arrived.
    const createdAt = ctx.random.int(draft.shippingTime + 2 * HOUR, signedAt(draft) - 30 * MINUTE);
    const closeAt = createdAt + ctx.random.int(HOUR, 20 * HOUR);
    draft.afterSale = refundDone(1, createdAt, Math.min(closeAt, ctx.now - MINUTE) * 1000, ctx.random.pick(LOGISTICS_REASONS), []);
    return [draft];
  },
  rejected: (ctx) => {
    const draft = base(ctx, 'rejected', ctx.rejectionGoods());
    shippedEnding(ctx, draft, 'rejected', ctx.now - ctx.random.int(2 * HOUR, 5 * DAY));
    return [draft];
  },
  tracking_invalid: (ctx) => {
    const draft = base(ctx, 'tracking_invalid');
    shipAt(ctx, draft, ctx.now - ctx.random.int(26 * HOUR, 70 * HOUR));
    draft.parcel = parcelFromUpload(ctx, draft, null, true);
    return [draft];
  },
  intercept_parcel: (ctx) => {
    const draft = base(ctx, 'intercept_parcel');
    shippedOpen(ctx, draft, 4, 2 * HOUR, 18 * HOUR);
    draft.status = '已发货，退款成功';
    const createdAt = ctx.random.int(draft.shippingTime + 30 * MINUTE, ctx.now - HOUR);
    const closeAt = ctx.random.int(createdAt + MINUTE, Math.min(createdAt + 10 * HOUR, ctx.now - MINUTE));
    draft.afterSale = refundDone(1, createdAt, closeAt * 1000, ctx.random.pick(REFUND_REASONS), []);
    return [draft];
  },
  after_sale_buyer_return: (ctx) => [returnCase(ctx, 'after_sale_buyer_return', null)],
  returning: (ctx) => {
    const draft = base(ctx, 'returning', ctx.rejectionGoods());
    shippedEnding(ctx, draft, 'returning', ctx.now - ctx.random.int(3 * HOUR, 3 * DAY));
    return [draft];
  },
  destination_mismatch: (ctx) => {
    const draft = base(ctx, 'destination_mismatch');
    const elsewhere = ctx.random.pick(DESTINATIONS.filter((place) => place.province !== draft.buyer.area.province));
    shippedEnding(ctx, draft, 'signed', ctx.now - ctx.random.int(2 * HOUR, 3 * DAY), elsewhere);
    return [draft];
  },
  timeout_auto_refund: (ctx) => {
    const draft = base(ctx, 'timeout_auto_refund');
    shippedEnding(ctx, draft, 'signed', ctx.now - ctx.random.int(3 * DAY, 8 * DAY));
    draft.status = '已发货，退款成功';
    const createdAt = signedAt(draft) + ctx.random.int(HOUR, DAY);
    // The merchant let the 36 h reply window (R10) run out: the platform refunded (actions 1028).
    draft.afterSale = refundDone(1, createdAt, (createdAt + 36 * HOUR + ctx.random.int(0, 300)) * 1000, ctx.random.pick(QUALITY_REASONS), [1028]);
    return [draft];
  },
  after_sale_due_soon: (ctx) => [returnCase(ctx, 'after_sale_due_soon', [10 * MINUTE, 11 * HOUR])],
  merged_shipment: (ctx) => {
    // Two orders of one buyer in one parcel: a shared number that is *not* an anomaly.
    const first = base(ctx, 'merged_shipment');
    shippedEnding(ctx, first, 'signed', ctx.now - ctx.random.int(HOUR, 4 * DAY));
    const second = base(ctx, 'merged_shipment', ctx.anyGoods(), first.buyer);
    shipAt(ctx, second, first.shippingTime);
    second.parcel = first.parcel;
    return [first, second];
  },
  duplicate_tracking: (ctx) => {
    // One number uploaded for two different buyers' orders (a typo or a reused label).
    const first = base(ctx, 'duplicate_tracking');
    shippedOpen(ctx, first, 3, 30 * MINUTE, 18 * HOUR);
    let other = ctx.buyers.any();
    while (other === first.buyer) other = ctx.buyers.any();
    const second = base(ctx, 'duplicate_tracking', ctx.anyGoods(), other);
    shipAt(ctx, second, first.shippingTime + ctx.random.int(10 * MINUTE, 3 * HOUR));
    second.parcel = first.parcel;
    return [first, second];
  },
  rejection_cluster: (ctx) => {
    // Three buyers refuse the same goods within a week (rejection_cluster).
    const goods = ctx.clusterGoods();
    return [0, 1, 2].map(() => {
      const draft = base(ctx, 'rejection_cluster', goods);
      shippedEnding(ctx, draft, 'rejected', ctx.now - ctx.random.int(2 * HOUR, 5 * DAY));
      return draft;
    });
  },
};
