// An order's timeline entries (lib/timeline/order-timeline.ts) as lines to show: what happened, and its details.
import type { ChangeValue } from '../db/records';
import type { OrderFacts, OrderState } from '../facts/facts';
import type { TimelineEntry } from '../timeline/order-timeline';
import { KIND_LABELS, isFindingKind } from '../findings/registry';
import { SEVERITY_LABELS, type Severity } from '../findings/severity';
import { t, type MessageKey } from '../i18n/messages';
import { centsText } from '../text/money';
import type { Lang } from '../time/shanghai';
import { MMS_AFTER_SALES_STATUS } from '../pdd/after-sales-status';

export interface TimelineLine {
  label: string;
  detail: string;
  /** The severity to colour the line by, when it has one. */
  severity: Severity | null;
}

const ENTRY_LABELS: Readonly<Record<TimelineEntry['type'], MessageKey>> = {
  first_seen: 'dashboardEntryFirstSeen',
  change: 'dashboardEntryChange',
  tracking_event: 'dashboardEntryTracking',
  finding_opened: 'dashboardEntryOpened',
  finding_closed: 'dashboardEntryClosed',
  notification: 'dashboardEntryNotification',
};

const SEVERITIES: ReadonlySet<unknown> = new Set(Object.keys(SEVERITY_LABELS));

/** The line an entry shows as, or null for an entry the timeline leaves out (see HIDDEN_FIELDS). */
export function timelineLine(entry: TimelineEntry, lang: Lang, format: (ms: number) => string): TimelineLine | null {
  const label = t(ENTRY_LABELS[entry.type], lang);
  switch (entry.type) {
    case 'first_seen':
      return { label, detail: String(entry.statusText ?? ''), severity: null };
    case 'change':
      if (HIDDEN_FIELDS.has(entry.field)) return null;
      return { label, detail: changeText(entry, lang, format), severity: null };
    case 'tracking_event':
      return { label, detail: [entry.trackingNumber, entry.area, entry.text].filter((part) => part !== null && part !== '').join(' · '), severity: null };
    case 'finding_opened':
      return {
        label,
        detail: [KIND_LABELS[entry.kind][lang], SEVERITY_LABELS[entry.severity][lang], entry.dueAt === null ? null : t('dashboardDue', lang, { at: format(entry.dueAt) })]
          .filter((part) => part !== null)
          .join(' · '),
        severity: entry.severity,
      };
    case 'finding_closed':
      return { label, detail: `${KIND_LABELS[entry.kind][lang]} · ${t('dashboardOpenedAt', lang, { at: format(entry.openedAt) })}`, severity: null };
    case 'notification':
      return { label, detail: [entry.title, entry.body].filter((part) => part !== '').join(' · '), severity: entry.severity };
  }
}

/** A fact change (`field: from → to`), a finding's severity change in words, a time field as a time, cents as yuan. */
function changeText(entry: Extract<TimelineEntry, { type: 'change' }>, lang: Lang, format: (ms: number) => string): string {
  const kind = entry.field.startsWith('finding:') ? entry.field.slice('finding:'.length) : null;
  if (kind !== null && isFindingKind(kind)) {
    const words = (value: ChangeValue) => (SEVERITIES.has(value) ? SEVERITY_LABELS[value as Severity][lang] : String(value));
    return `${KIND_LABELS[kind][lang]}: ${words(entry.from)} → ${words(entry.to)}`;
  }
  const label = FIELD_LABELS[entry.field];
  const value = (item: ChangeValue) => {
    if (item === null) return t('dashboardNoFigure', lang);
    if (typeof item === 'boolean') return t(item ? 'dashboardYes' : 'dashboardNo', lang);
    if (typeof item === 'number' && /At$/.test(entry.field)) return format(item);
    if (typeof item === 'number' && /Cents$/.test(entry.field)) return centsText(item);
    if (entry.field === 'state' && typeof item === 'string' && item in STATE_LABELS) return t(STATE_LABELS[item as OrderState], lang);
    if (entry.field === 'afterSalesStatus' && typeof item === 'number') {
      const words = MMS_AFTER_SALES_STATUS.get(item);
      return words === undefined ? t('dashboardStatusCode', lang, { code: item }) : words[lang];
    }
    return String(item);
  };
  return `${label === undefined ? entry.field : t(label, lang)}: ${value(entry.from)} → ${value(entry.to)}`;
}

/**
 * Every order field a change can record (RECORDED_FIELDS of lib/ingest/order-update.ts, checked by its test) but
 * those hidden; a field missing here would show its code name.
 */
const FIELD_LABELS: Readonly<Partial<Record<string, MessageKey>>> = {
  state: 'dashboardFieldState',
  statusText: 'dashboardFieldStatusText',
  shippedAt: 'dashboardFieldShippedAt',
  trackingNumber: 'dashboardFieldTrackingNumber',
  courierName: 'dashboardFieldCourierName',
  promiseShipAt: 'dashboardFieldPromiseShipAt',
  receivedAt: 'dashboardFieldReceivedAt',
  refunded: 'dashboardFieldRefunded',
  afterSalesStatus: 'dashboardFieldAfterSalesStatus',
  urgedAt: 'dashboardFieldUrgedAt',
  riskHold: 'dashboardFieldRiskHold',
  orderAt: 'dashboardFieldOrderAt',
  goodsId: 'dashboardFieldGoodsId',
  goodsName: 'dashboardFieldGoodsName',
  afterSalesId: 'dashboardFieldAfterSalesId',
  noLogistics: 'dashboardFieldNoLogistics',
  noNeedShip: 'dashboardFieldNoNeedShip',
  shippingDelayAllowed: 'dashboardFieldShippingDelayAllowed',
  provinceName: 'dashboardFieldProvinceName',
  cityName: 'dashboardFieldCityName',
  orderAmountCents: 'dashboardFieldOrderAmountCents',
};

/** Recorded but not shown: the console's internal courier id changes with the courier, whose 快递公司 line says it. */
export const HIDDEN_FIELDS: ReadonlySet<string> = new Set<keyof OrderFacts>(['shippingId']);

const STATE_LABELS: Readonly<Record<OrderState, MessageKey>> = {
  unpaid: 'dashboardStateUnpaid',
  unshipped: 'dashboardStateUnshipped',
  shipped: 'dashboardStateShipped',
  received: 'dashboardStateReceived',
  cancelled: 'dashboardStateCancelled',
  unknown: 'dashboardStateUnknown',
};
