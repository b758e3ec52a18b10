// Small hand-made histories for the dashboard's pure functions: only the fields they read, with times in
// hours from a fixed instant so the expected numbers can be worked out by hand.
import type { FindingRecord } from '@/lib/db/records';
import type { TrackingEvent, TrackingStatus } from '@/lib/facts/facts';
import type { FindingKind } from '@/lib/findings/registry';
import type { Severity } from '@/lib/findings/severity';
import type { ParcelOrder, ParcelWaybill } from '@/lib/dashboard/parcels';
import { HOUR_MS } from '@/lib/time/shanghai';

/** 2026-11-01 00:00 Beijing time. */
export const T0 = Date.UTC(2026, 9, 31, 16);
export const h = (hours: number): number => T0 + hours * HOUR_MS;

export interface FindingSpec {
  kind: FindingKind;
  severity?: Severity;
  openedAt?: number;
  closedAt?: number | null;
  dueAt?: number | null;
  basis?: Record<string, unknown>;
}

export function finding(spec: FindingSpec): FindingRecord {
  return {
    kind: spec.kind,
    severity: spec.severity ?? 'warn',
    dueAt: spec.dueAt ?? null,
    rule: 'test',
    basis: spec.basis ?? {},
    openedAt: spec.openedAt ?? T0,
    closedAt: spec.closedAt ?? null,
    updatedAt: spec.openedAt ?? T0,
  } as unknown as FindingRecord;
}

export interface OrderSpec {
  sn: string;
  shopId?: string;
  trackingNumber?: string | null;
  shippedAt?: number | null;
  shippingId?: number | null;
  courierName?: string | null;
  noLogistics?: boolean;
  closedAt?: number | null;
  findings?: FindingRecord[];
}

export function order(spec: OrderSpec): ParcelOrder {
  return {
    shopId: spec.shopId ?? 'shop',
    orderSn: spec.sn,
    trackingNumber: spec.trackingNumber === undefined ? `YT${spec.sn}` : spec.trackingNumber,
    closedAt: spec.closedAt ?? null,
    facts: {
      shippedAt: spec.shippedAt === undefined ? T0 : spec.shippedAt,
      shippingId: spec.shippingId === undefined ? 115 : spec.shippingId,
      courierName: spec.courierName ?? null,
      noLogistics: spec.noLogistics ?? false,
    },
    findings: spec.findings ?? [],
  };
}

export function event(at: number, status: TrackingStatus | null): TrackingEvent {
  return { at, text: status ?? 'scan', area: null, status, code: null };
}

/** A waybill whose trace is `events` (ascending); its status is the newest event's unless given. */
export function waybill(events: TrackingEvent[], status?: TrackingStatus): ParcelWaybill {
  const pickedUp = events.find((item) => item.status !== 'pending');
  return {
    status: status ?? events[events.length - 1]?.status ?? 'unknown',
    facts: { events, pickedUpAt: pickedUp?.at ?? null, lastEventAt: events[events.length - 1]?.at ?? null },
  };
}
