// What the logistics kinds share: which orders have a parcel trace to judge, and the trace fields every
// logistics finding's basis starts with.
import type { OrderFacts, TrackingEvent, TrackingFacts, TrackingStatus } from '../facts/facts';
import { shortText } from './bands';
import { FIELDS, TRACE_FIELDS } from './basis-fields';

export interface TracedParcel {
  order: OrderFacts;
  shippedAt: number;
  tracking: TrackingFacts;
}

/**
 * The order's parcel with its trace, when it has one to judge: shipped, read, and not one of the orders
 * without logistics (no_need_ship, no_trace_delivery, self_contained), which get no logistics finding.
 */
export function tracedParcel({ order, tracking }: { order: OrderFacts; tracking: TrackingFacts | null }): TracedParcel | null {
  if (tracking === null || order.shippedAt === null || order.noLogistics) return null;
  return { order, shippedAt: order.shippedAt, tracking };
}

export interface TraceBasis {
  trackingNumber: string;
  trackingStatus: TrackingStatus;
  rawState: string | null;
  rawSub: string | null;
}

export interface TraceEventBasis extends TraceBasis {
  eventAt: number | null;
  eventText: string | null;
}

export const TRACE_EVENT_FIELDS = { ...TRACE_FIELDS, eventAt: FIELDS.eventAt, eventText: FIELDS.eventText } as const;

/**
 * The basis of a finding about one event of the trace. The trace fields are written into each basis
 * literal rather than spread from a shared object: spreading them made the rules about twice as slow on
 * a shop with problem traces (tests/bench/rules-bench.ts).
 */
export function traceEventBasis(tracking: TrackingFacts, event: TrackingEvent | undefined): TraceEventBasis {
  return {
    trackingNumber: tracking.trackingNumber,
    trackingStatus: tracking.status,
    rawState: tracking.rawState,
    rawSub: tracking.rawSub,
    eventAt: event?.at ?? null,
    eventText: shortText(event?.text),
  };
}

export function newestEvent(tracking: TrackingFacts): TrackingEvent | undefined {
  return tracking.events[tracking.events.length - 1];
}
