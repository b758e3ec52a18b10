// Per-order rules on the order row and its parcel's trace: the shipping clocks (vocabulary §1.1) and the
// order and logistics anomalies (§1.2). After-sales rules are in after-sale-rules.ts.
import type { OrderFacts, TrackingEvent, TrackingFacts, TrackingStatus } from '../facts/facts';
import { daysToMs, hoursToMs, msToHours, toIso } from '../time/shanghai';
import { isTerminal } from '../tracking/status';
import { areasDiffer, parseArea, placeName } from './area';
import { clockSeverity, isoOrNull, remainingHours, shortText, windowSeverity, withDelayRelief } from './finding';
import type { Policy } from './policy';
import type { AnomalyKind, Finding } from './vocabulary';

/** Anomalies that say the uploaded number may be wrong, so editing it (or a 补寄 package) is the way out. */
const WRONG_NUMBER_KINDS: ReadonlySet<AnomalyKind> = new Set(['tracking_invalid', 'destination_mismatch']);
/** Tracking anomalies that make the last hours of the edit window worth a warning. */
const EDIT_WARNING_KINDS: ReadonlySet<AnomalyKind> = new Set(['tracking_invalid', 'destination_mismatch', 'early_upload']);

const LAST_MILE: ReadonlySet<TrackingStatus> = new Set(['out_for_delivery', 'available_for_pickup']);
const DELIVERY_STAGES: ReadonlySet<TrackingStatus> = new Set(['out_for_delivery', 'available_for_pickup', 'delivered']);
const BACK_TO_SENDER: ReadonlySet<TrackingStatus> = new Set(['returning', 'returned']);

/** Ship-by instant: the console's promise, else the deal time + the fallback hours (R1). */
function shipByDue(order: OrderFacts, policy: Policy): { dueAt: number; source: string } | null {
  if (order.promiseShipAt !== null) return { dueAt: order.promiseShipAt, source: 'promise_shipping_time' };
  if (order.orderAt !== null) return { dueAt: order.orderAt + hoursToMs(policy.shipByFallbackHours), source: 'order_time' };
  return null;
}

/** Whether the order still goes through shipping at all: not cancelled, not refunded. */
function isOpen(order: OrderFacts): boolean {
  return order.state !== 'cancelled' && !order.refunded;
}

export function addOrderFindings(
  out: Finding[],
  order: OrderFacts,
  tracking: TrackingFacts | null,
  now: number,
  policy: Policy,
  /** The order's waybill number is also on another buyer's order (duplicate_tracking, found shop-wide). */
  numberShared = false,
): void {
  const orderSn = order.orderSn;
  const open = isOpen(order);
  const shippedAt = order.shippedAt;
  const needsShipping = order.noNeedShip !== true;
  const shipBy = needsShipping ? shipByDue(order, policy) : null;

  if (shippedAt === null) {
    if (open && order.state === 'unshipped' && shipBy !== null) addShipBy(out, order, shipBy, now, policy);
    if (open && order.state === 'unshipped' && needsShipping && order.urgedAt !== null) {
      out.push({
        orderSn,
        kind: 'urged_unshipped',
        severity: 'warn',
        rule: 'A20',
        basis: { urgedAt: isoOrNull(order.urgedAt), statusText: order.statusText, promiseShipAt: isoOrNull(order.promiseShipAt) },
      });
    }
    if (open && order.riskHold) {
      out.push({ orderSn, kind: 'risk_hold', severity: 'info', rule: 'A21', basis: { riskStatus: 1, statusText: order.statusText } });
    }
    return;
  }

  // Most shipped orders cite their upload time in several findings: write it out once.
  const shippedIso = toIso(shippedAt);
  if (shipBy !== null && !order.shippingDelayAllowed && shippedAt > shipBy.dueAt) {
    out.push({
      orderSn,
      kind: 'shipped_late',
      severity: 'warn',
      rule: 'A3',
      basis: {
        shippedAt: shippedIso,
        shipByAt: toIso(shipBy.dueAt),
        shipBySource: shipBy.source,
        lateHours: msToHours(shippedAt - shipBy.dueAt),
      },
    });
  }

  // Orders without logistics (no_need_ship, no_trace_delivery, self_contained) get no logistics finding.
  let openNumberAnomaly: AnomalyKind | null = null;
  let openWrongNumber: AnomalyKind | null = null;
  if (!order.noLogistics) {
    const firstAnomaly = out.length;
    if (tracking !== null) addTraceAnomalies(out, order, shippedAt, shippedIso, tracking, now, policy);
    for (let i = firstAnomaly; i < out.length; i += 1) {
      const kind = out[i]?.kind as AnomalyKind;
      if (openNumberAnomaly === null && EDIT_WARNING_KINDS.has(kind)) openNumberAnomaly = kind;
      if (openWrongNumber === null && WRONG_NUMBER_KINDS.has(kind)) openWrongNumber = kind;
    }
    if (numberShared) {
      openNumberAnomaly ??= 'duplicate_tracking';
      openWrongNumber ??= 'duplicate_tracking';
    }
  }

  if (!open) return;
  if (!order.noLogistics) {
    const received = order.state === 'received';
    // Without a trace read we cannot know whether the courier scanned the parcel: the countdown reminds the
    // merchant while the window runs, but only a trace that shows no pickup may call the clock breached.
    const pickupUnknownAndOver = tracking === null && now > shippedAt + hoursToMs(policy.pickupHours);
    if (!received && !pickupUnknownAndOver && (tracking === null || tracking.pickedUpAt === null)) {
      addPickupBy(out, order, shippedAt, shippedIso, tracking, now, policy);
    }
    const editUntil = shippedAt + hoursToMs(policy.trackingEditHours);
    if (now <= editUntil) {
      out.push({
        orderSn,
        kind: 'tracking_edit_by',
        severity: windowSeverity(editUntil - now, openNumberAnomaly === null ? null : policy.trackingEditWarnHours),
        dueAt: toIso(editUntil),
        rule: 'R8',
        basis: {
          shippedAt: shippedIso,
          trackingNumber: order.trackingNumber,
          editHours: policy.trackingEditHours,
          warnHours: policy.trackingEditWarnHours,
          openAnomaly: openNumberAnomaly,
          remainingHours: remainingHours(editUntil, now),
        },
      });
    }
    const extraPackageUntil = shippedAt + daysToMs(policy.extraPackageDays);
    if (openWrongNumber !== null && now <= extraPackageUntil) {
      out.push({
        orderSn,
        kind: 'extra_package_by',
        severity: windowSeverity(extraPackageUntil - now, null),
        dueAt: toIso(extraPackageUntil),
        rule: 'R8',
        basis: {
          shippedAt: shippedIso,
          extraPackageDays: policy.extraPackageDays,
          openAnomaly: openWrongNumber,
          remainingHours: remainingHours(extraPackageUntil, now),
        },
      });
    }
  }
  const autoConfirmAt = shippedAt + daysToMs(policy.autoConfirmDays);
  if (order.state !== 'received' && order.receivedAt === null && now <= autoConfirmAt) {
    out.push({
      orderSn,
      kind: 'auto_confirm_at',
      severity: windowSeverity(autoConfirmAt - now, null),
      dueAt: toIso(autoConfirmAt),
      rule: 'R9',
      basis: { shippedAt: shippedIso, autoConfirmDays: policy.autoConfirmDays, remainingHours: remainingHours(autoConfirmAt, now) },
    });
  }
}

function addShipBy(out: Finding[], order: OrderFacts, shipBy: { dueAt: number; source: string }, now: number, policy: Policy): void {
  const banded = clockSeverity(shipBy.dueAt - now, policy.shipByWarnHours, policy.shipByCriticalHours);
  const severity = withDelayRelief(banded, order.shippingDelayAllowed);
  out.push({
    orderSn: order.orderSn,
    kind: 'ship_by',
    severity,
    dueAt: toIso(shipBy.dueAt),
    rule: 'R1',
    basis: {
      statusText: order.statusText,
      dueSource: shipBy.source,
      promiseShipAt: isoOrNull(order.promiseShipAt),
      orderAt: isoOrNull(order.orderAt),
      fallbackHours: shipBy.source === 'order_time' ? policy.shipByFallbackHours : null,
      warnHours: policy.shipByWarnHours,
      criticalHours: policy.shipByCriticalHours,
      remainingHours: remainingHours(shipBy.dueAt, now),
      shippingDelayAllowed: order.shippingDelayAllowed,
      riskHold: order.riskHold,
    },
  });
}

function addPickupBy(
  out: Finding[],
  order: OrderFacts,
  shippedAt: number,
  shippedIso: string,
  tracking: TrackingFacts | null,
  now: number,
  policy: Policy,
): void {
  const dueAt = shippedAt + hoursToMs(policy.pickupHours);
  out.push({
    orderSn: order.orderSn,
    kind: 'pickup_by',
    severity: clockSeverity(dueAt - now, policy.pickupWarnHours, policy.pickupCriticalHours),
    dueAt: toIso(dueAt),
    rule: 'R6',
    basis: {
      shippedAt: shippedIso,
      trackingNumber: order.trackingNumber,
      pickupHours: policy.pickupHours,
      warnHours: policy.pickupWarnHours,
      criticalHours: policy.pickupCriticalHours,
      trackingStatus: tracking?.status ?? null,
      trackingCheckedAt: isoOrNull(tracking?.checkedAt ?? null),
      remainingHours: remainingHours(dueAt, now),
    },
  });
}

function addTraceAnomalies(
  out: Finding[],
  order: OrderFacts,
  shippedAt: number,
  shippedIso: string,
  tracking: TrackingFacts,
  now: number,
  policy: Policy,
): void {
  const orderSn = order.orderSn;
  const status = tracking.status;
  const newest = tracking.events[tracking.events.length - 1];

  // "查询无结果" right after upload is normal; only a reading taken late enough proves anything, so these
  // two checks use the time the trace was read, not `now`.
  const readAfter = tracking.checkedAt - shippedAt;
  const noScanYet = tracking.pickedUpAt === null && (status === 'unknown' || status === 'pending');
  if (noScanYet && readAfter >= hoursToMs(policy.earlyUploadNoScanHours)) {
    out.push({
      orderSn,
      kind: 'early_upload',
      severity: 'warn',
      rule: 'A5',
      basis: {
        trackingNumber: tracking.trackingNumber,
        trackingStatus: tracking.status,
        rawState: tracking.rawState,
        rawSub: tracking.rawSub,
        reason: 'no_scan',
        shippedAt: shippedIso,
        trackingCheckedAt: isoOrNull(tracking.checkedAt),
        noRecord: tracking.noRecord,
        noScanHours: policy.earlyUploadNoScanHours,
      },
    });
  } else if (tracking.pickedUpAt !== null && tracking.pickedUpAt - shippedAt > hoursToMs(policy.earlyUploadFirstScanHours)) {
    out.push({
      orderSn,
      kind: 'early_upload',
      severity: 'warn',
      rule: 'A5',
      basis: {
        trackingNumber: tracking.trackingNumber,
        trackingStatus: tracking.status,
        rawState: tracking.rawState,
        rawSub: tracking.rawSub,
        reason: 'late_first_scan',
        shippedAt: shippedIso,
        firstScanAt: isoOrNull(tracking.pickedUpAt),
        firstScanHours: policy.earlyUploadFirstScanHours,
        firstScanAfterHours: msToHours(tracking.pickedUpAt - shippedAt),
      },
    });
  }

  if (tracking.identifiedCourier !== null || (tracking.noRecord && readAfter >= hoursToMs(policy.noRecordInvalidHours))) {
    out.push({
      orderSn,
      kind: 'tracking_invalid',
      severity: 'critical',
      rule: 'A14',
      basis: {
        trackingNumber: tracking.trackingNumber,
        trackingStatus: tracking.status,
        rawState: tracking.rawState,
        rawSub: tracking.rawSub,
        reason: tracking.identifiedCourier !== null ? 'other_courier' : 'no_record',
        shippedAt: shippedIso,
        trackingCheckedAt: isoOrNull(tracking.checkedAt),
        noRecordHours: policy.noRecordInvalidHours,
        courierName: order.courierName,
        shippingId: order.shippingId,
        identifiedCourier: tracking.identifiedCourier,
      },
    });
  }

  if (!isTerminal(status)) addStalled(out, orderSn, tracking, now, policy);

  // A provider's stagnation code (Kuaidi100 202, Kdniao 403) is a problem state too (vocabulary §1.2: 2xx
  // except 203, Kdniao 4xx), so it is reported here as well as under `stalled`.
  if (!isTerminal(status) && (status === 'exception' || newest?.status === 'exception')) {
    out.push({
      orderSn,
      kind: 'delivery_problem',
      severity: 'critical',
      rule: 'A7',
      basis: traceEventBasis(tracking, newest),
    });
  }

  if (status !== 'delivered') {
    const rejection = firstEvent(tracking.events, 'rejected') ?? (status === 'rejected' ? newest : undefined);
    if (rejection !== undefined || status === 'rejected') {
      out.push({
        orderSn,
        kind: 'rejected',
        severity: 'critical',
        rule: 'A8',
        basis: {
          trackingNumber: tracking.trackingNumber,
          trackingStatus: tracking.status,
          rawState: tracking.rawState,
          rawSub: tracking.rawSub,
          rejectedAt: isoOrNull(rejection?.at ?? tracking.lastEventAt ?? tracking.checkedAt),
          eventText: shortText(rejection?.text),
        },
      });
    }
    const goingBack = firstBackToSender(tracking.events) ?? (BACK_TO_SENDER.has(status) ? newest : undefined);
    if (goingBack !== undefined || BACK_TO_SENDER.has(status)) {
      out.push({
        orderSn,
        kind: 'returning',
        severity: 'critical',
        rule: 'A9',
        basis: traceEventBasis(tracking, goingBack),
      });
    }
  }

  addDestinationMismatch(out, order, tracking);

  if (tracking.proxySigned === true) {
    out.push({
      orderSn,
      kind: 'proxy_signed',
      severity: 'info',
      rule: 'A15',
      basis: traceEventBasis(tracking, newest),
    });
  }
}

/** Heuristic (A6/A11): thresholds are industry defaults, not platform rules; the basis says so. */
function addStalled(out: Finding[], orderSn: string, tracking: TrackingFacts, now: number, policy: Policy): void {
  const status = tracking.status;
  const lastEventAt = tracking.lastEventAt;
  const thresholdHours =
    status === 'picked_up'
      ? policy.stallBeforeTransitHours
      : status === 'in_transit'
        ? policy.stallInTransitHours
        : LAST_MILE.has(status)
          ? policy.stallLastMileHours
          : null;
  const idle = lastEventAt === null ? null : now - lastEventAt;
  const idleTooLong = thresholdHours !== null && idle !== null && idle > hoursToMs(thresholdHours);
  if (!idleTooLong && !tracking.providerStalled) return;
  out.push({
    orderSn,
    kind: 'stalled',
    severity: 'warn',
    rule: LAST_MILE.has(status) ? 'A11' : 'A6',
    basis: {
      trackingNumber: tracking.trackingNumber,
      trackingStatus: tracking.status,
      rawState: tracking.rawState,
      rawSub: tracking.rawSub,
      heuristic: true,
      lastEventAt: isoOrNull(lastEventAt),
      idleHours: idle === null ? null : msToHours(idle),
      thresholdHours,
      providerStalled: tracking.providerStalled,
    },
  });
}

function addDestinationMismatch(out: Finding[], order: OrderFacts, tracking: TrackingFacts): void {
  if (order.provinceName === null && order.cityName === null) return;
  let areaText: string | null = null;
  let source = 'route';
  let eventAt: number | null = null;
  for (let i = tracking.events.length - 1; i >= 0; i -= 1) {
    const event = tracking.events[i] as TrackingEvent;
    if (event.area !== null && event.status !== null && DELIVERY_STAGES.has(event.status)) {
      areaText = event.area;
      source = 'event';
      eventAt = event.at;
      break;
    }
  }
  areaText ??= tracking.destinationArea;
  if (areaText === null) return;
  const orderArea = {
    province: order.provinceName === null ? null : placeName(order.provinceName),
    city: order.cityName === null ? null : placeName(order.cityName),
  };
  if (!areasDiffer(orderArea, parseArea(areaText))) return;
  out.push({
    orderSn: order.orderSn,
    kind: 'destination_mismatch',
    severity: 'critical',
    rule: 'A12',
    basis: {
      trackingNumber: tracking.trackingNumber,
      trackingStatus: tracking.status,
      rawState: tracking.rawState,
      rawSub: tracking.rawSub,
      orderProvince: order.provinceName,
      orderCity: order.cityName,
      traceArea: areaText,
      areaSource: source,
      eventAt: isoOrNull(eventAt),
    },
  });
}

/**
 * The basis of a finding about one event of the trace. Like every logistics finding's basis, it starts
 * with the four trace fields (trackingNumber, trackingStatus, rawState, rawSub). They are written into
 * each basis literal rather than spread from a shared object: spreading them made assessOrder about twice
 * as slow on a shop with problem traces (tests/bench/rules-bench.ts).
 */
function traceEventBasis(tracking: TrackingFacts, event: TrackingEvent | undefined): Record<string, string | null> {
  return {
    trackingNumber: tracking.trackingNumber,
    trackingStatus: tracking.status,
    rawState: tracking.rawState,
    rawSub: tracking.rawSub,
    eventAt: isoOrNull(event?.at ?? null),
    eventText: shortText(event?.text),
  };
}

function firstEvent(events: readonly TrackingEvent[], status: TrackingStatus): TrackingEvent | undefined {
  for (const event of events) if (event.status === status) return event;
  return undefined;
}

function firstBackToSender(events: readonly TrackingEvent[]): TrackingEvent | undefined {
  for (const event of events) if (event.status === 'returning' || event.status === 'returned') return event;
  return undefined;
}
