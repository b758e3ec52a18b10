// The normalized facts every rule, store and surface works on.
// Times are epoch milliseconds (UTC instants); the console's unix seconds and
// after-sales milliseconds are converted once, in the normalizers.

/** Coarse order state derived from `order_status_str` prefixes (lib/pdd/README.md § Order status strings). */
export type OrderState = 'unpaid' | 'unshipped' | 'shipped' | 'received' | 'cancelled' | 'unknown';

export interface OrderFacts {
  orderSn: string;
  state: OrderState;
  /** 退款成功 suffix, or mms `after_sales_status` 5. */
  refunded: boolean;
  /** The console's own status wording, kept for explanations. */
  statusText: string;
  /** 订单成交时间 (`order_time`), falling back to `confirm_time`. */
  orderAt: number | null;
  /** 承诺发货时间 (`promise_shipping_time`). */
  promiseShipAt: number | null;
  /** Tracking number upload (`shipping_time`); null when 0 or absent. */
  shippedAt: number | null;
  urgedAt: number | null;
  receivedAt: number | null;
  /** Normalized (trimmed, upper-case) waybill number. */
  trackingNumber: string | null;
  shippingId: number | null;
  courierName: string | null;
  goodsId: string | null;
  goodsName: string | null;
  /** mms after-sales code table (lib/pdd/README.md § After-sales status codes), never the open-API one. */
  afterSalesStatus: number | null;
  afterSalesId: string | null;
  /** `risk_status` 1: under review, do not ship. */
  riskHold: boolean;
  /** `no_need_ship`, `no_trace_delivery` or `self_contained`: no logistics checks. */
  noLogistics: boolean;
  /** `no_need_ship` alone: nothing to ship, so no ship-by clock either. Absent means false. */
  noNeedShip?: boolean;
  /** `region_black_delay_shipping` relief tag. */
  shippingDelayAllowed: boolean;
  /** Destination kept for the destination check (never the street address). */
  provinceName: string | null;
  cityName: string | null;
  /** Non-reversible hash of the receiver (name, phone, address) for the duplicate-tracking check. */
  receiverKey: string | null;
  /**
   * The 4-digit extension of the receiver's privacy number (`主号-分机`), which 顺丰/中通 queries need as the
   * phone tail; null when the row has none (a masked ordinary number gives none). Absent means null.
   */
  phoneTail?: string | null;
  orderAmountCents: number | null;
}

export type AfterSaleKind = 'refund_only' | 'return_refund' | 'exchange' | 'resend' | 'repair' | 'unknown';

export interface AfterSaleFacts {
  id: string;
  orderSn: string;
  kind: AfterSaleKind;
  /** mms code table (lib/pdd/README.md § After-sales status codes). */
  statusCode: number | null;
  statusText: string | null;
  createdAt: number | null;
  closedAt: number | null;
  /** When the row was captured; `expireRemainTime` counts from here. */
  capturedAt: number;
  /** `expireRemainTime` converted to milliseconds (seconds, or ms above 5,184,000). */
  expireRemainMs: number | null;
  expireActionDesc: string | null;
  reasonText: string | null;
  actions: number[];
  refundAmountCents: number | null;
  reverseTrackingNumber: string | null;
}

/** Normalized tracking status (lib/findings/README.md § Normalized tracking status). */
export type TrackingStatus =
  | 'unknown'
  | 'pending'
  | 'picked_up'
  | 'in_transit'
  | 'out_for_delivery'
  | 'available_for_pickup'
  | 'delivered'
  | 'rejected'
  | 'returning'
  | 'returned'
  | 'exception';

/** Where a reading came from: a courier provider queried with the merchant's account, the console's own trace, or the demo simulation. */
export type TrackingProvider = 'kuaidi100' | 'kdniao' | 'console' | 'demo';

export interface TrackingEvent {
  at: number;
  text: string;
  /** Province/city the provider attaches to the event, if any. */
  area: string | null;
  /** The event's own normalized status when the provider codes it. */
  status: TrackingStatus | null;
  /** Raw provider code of the event (Kuaidi100 statusCode, Kdniao Action). */
  code: string | null;
}

export interface TrackingFacts {
  trackingNumber: string;
  provider: TrackingProvider;
  status: TrackingStatus;
  /** Raw main state and sub-code, for explanations. */
  rawState: string | null;
  rawSub: string | null;
  /** Events in ascending time order, deduplicated. */
  events: TrackingEvent[];
  lastEventAt: number | null;
  /** First event at `picked_up` or later. */
  pickedUpAt: number | null;
  /**
   * The courier the provider says the waybill belongs to, in its own code (Kuaidi100 `com`, Kdniao
   * `ShipperCode`); null when it names none. Compared with each order's courier by the rules (A14): two
   * orders with one number may name different couriers.
   */
  reportedCourier: string | null;
  /** Provider answered "no record" (Kuaidi100 returnCode 500, Kdniao State 0). */
  noRecord: boolean;
  /** Provider's own stagnation signal (Kuaidi100 202, Kdniao 403, push abort). */
  providerStalled: boolean;
  /** Latest state is a proxy, locker or station hand-over (Kuaidi100 303/304/501, Kdniao 211/304/311). Absent means false. */
  proxySigned?: boolean;
  /** Destination the provider reports (`routeInfo.to`), if any. */
  destinationArea: string | null;
  /**
   * Events the provider listed that could not be read (no readable time, not an object): the trace is
   * then partly unknown, and its absence of a pickup scan proves nothing. Absent (records stored before
   * it existed) means 0; `unreadEventsOf` reads it.
   */
  unreadEvents?: number;
  checkedAt: number;
}

/** How many of the trace's events could not be read; 0 for a record stored before they were counted. */
export function unreadEventsOf(tracking: TrackingFacts): number {
  return tracking.unreadEvents ?? 0;
}

/** An order seen only through its after-sales case: nothing known but its number. */
export function orderKnownOnlyByNumber(orderSn: string): OrderFacts {
  return {
    orderSn,
    state: 'unknown',
    refunded: false,
    statusText: '',
    orderAt: null,
    promiseShipAt: null,
    shippedAt: null,
    urgedAt: null,
    receivedAt: null,
    trackingNumber: null,
    shippingId: null,
    courierName: null,
    goodsId: null,
    goodsName: null,
    afterSalesStatus: null,
    afterSalesId: null,
    riskHold: false,
    noLogistics: false,
    shippingDelayAllowed: false,
    provinceName: null,
    cityName: null,
    receiverKey: null,
    orderAmountCents: null,
  };
}
