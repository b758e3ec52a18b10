// Checking a backup's records before anything is stored, with one valibot schema per table. A schema
// rebuilds the record from the fields it knows, so anything else in the file (a mistake, a field from
// another tool, buyer data) is left out, and `unknownFields` names what was left out. Times must be
// plausible instants: one impossible time (1e300) stored would make every later evaluation of its shop fail.
import * as v from 'valibot';
import { CAPTURED_ENDPOINTS, type CapturedEndpoint } from '../capture/capture';
import type {
  AfterSaleFacts,
  AfterSaleKind,
  OrderFacts,
  OrderState,
  TrackingEvent,
  TrackingFacts,
  TrackingProvider,
  TrackingStatus,
} from '../facts/facts';
import type {
  ChangeCategory,
  ChangeValue,
  FindingRecord,
  StoredAfterSale,
  StoredChange,
  StoredNotification,
  StoredOrder,
  StoredProduct,
  StoredShop,
  StoredTrackingEvent,
  StoredWaybill,
  WaybillError,
  WaybillInput,
} from '../db/records';
import { textKey } from '../ingest/text-key';
import { mergeTracking } from '../tracking/status';
import { basisProblems } from '../findings/basis-check';
import type { BasisValue } from '../findings/define';
import { isFindingKind, RULE_REFERENCES, type FindingKind } from '../findings/registry';
import type { Severity } from '../findings/severity';
import { isPlausibleInstant } from '../time/shanghai';
import type { QueryProvider } from '../tracking/provider';
import { isPlainObject } from '../schema/plain-object';

const text = v.string();
const nonEmpty = v.pipe(v.string(), v.nonEmpty('non-empty text'));
const instant = v.pipe(v.number(), v.check(isPlausibleInstant, 'a plausible instant (epoch ms, years 2000–2099)'));
const count = v.pipe(v.number(), v.check((value) => Number.isSafeInteger(value) && value >= 0, 'a count (a whole number, 0 or more)'));
const wholeNumber = v.pipe(v.number(), v.check((value) => Number.isSafeInteger(value), 'a whole number'));
const finite = v.pipe(v.number(), v.check((value) => Number.isFinite(value), 'a finite number'));
const bool = v.boolean();
/** null, or absent, reads as null. */
const nullable = <T>(schema: v.GenericSchema<unknown, T>) => v.nullish(schema, null);
const list = <T>(item: v.GenericSchema<unknown, T>, max: number) => v.pipe(v.array(item), v.maxLength(max, `a list of at most ${max}`));
/** Written by the export, recomputed by the import: known, never read. */
const recomputed = v.optional(v.unknown());

const basisValue: v.GenericSchema<unknown, BasisValue> = v.union([v.string(), finite, v.boolean(), v.null()]);
const basis = v.pipe(v.custom<Record<string, unknown>>(isPlainObject, 'an object'), v.record(v.string(), basisValue));
const changeValue: v.GenericSchema<unknown, ChangeValue> = basisValue;

const ORDER_STATES: readonly OrderState[] = ['unpaid', 'unshipped', 'shipped', 'received', 'cancelled', 'unknown'];
const AFTER_SALE_KINDS: readonly AfterSaleKind[] = ['refund_only', 'return_refund', 'exchange', 'resend', 'repair', 'unknown'];
const TRACKING_STATUSES: readonly TrackingStatus[] = [
  'unknown',
  'pending',
  'picked_up',
  'in_transit',
  'out_for_delivery',
  'available_for_pickup',
  'delivered',
  'rejected',
  'returning',
  'returned',
  'exception',
];
const PROVIDERS: readonly TrackingProvider[] = ['kuaidi100', 'kdniao', 'console', 'demo'];
const SEVERITIES: readonly Severity[] = ['info', 'warn', 'critical', 'breached'];
const ENDPOINTS = Object.keys(CAPTURED_ENDPOINTS) as CapturedEndpoint[];
const CATEGORIES: readonly ChangeCategory[] = ['order', 'status', 'shipping', 'after_sale', 'finding'];

const findingKind = v.custom<FindingKind>(isFindingKind, 'a finding kind');

const orderFacts: v.GenericSchema<unknown, OrderFacts> = v.object({
  orderSn: nonEmpty,
  state: v.picklist(ORDER_STATES),
  refunded: bool,
  statusText: text,
  orderAt: nullable(instant),
  promiseShipAt: nullable(instant),
  shippedAt: nullable(instant),
  urgedAt: nullable(instant),
  receivedAt: nullable(instant),
  trackingNumber: nullable(nonEmpty),
  shippingId: nullable(wholeNumber),
  courierName: nullable(text),
  goodsId: nullable(text),
  goodsName: nullable(text),
  afterSalesStatus: nullable(wholeNumber),
  afterSalesId: nullable(text),
  riskHold: bool,
  noLogistics: bool,
  noNeedShip: v.optional(bool),
  shippingDelayAllowed: bool,
  provinceName: nullable(text),
  cityName: nullable(text),
  receiverKey: nullable(text),
  phoneTail: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^\d{4}$/, 'four digits')))),
  orderAmountCents: nullable(count),
});

const afterSaleFacts: v.GenericSchema<unknown, AfterSaleFacts> = v.object({
  id: nonEmpty,
  orderSn: nonEmpty,
  kind: v.picklist(AFTER_SALE_KINDS),
  statusCode: nullable(wholeNumber),
  statusText: nullable(text),
  createdAt: nullable(instant),
  closedAt: nullable(instant),
  capturedAt: instant,
  expireRemainMs: nullable(finite),
  expireActionDesc: nullable(text),
  reasonText: nullable(text),
  actions: list(wholeNumber, 100),
  refundAmountCents: nullable(count),
  reverseTrackingNumber: nullable(text),
});

const trackingEvent: v.GenericSchema<unknown, TrackingEvent> = v.object({
  at: instant,
  text,
  area: nullable(text),
  status: nullable(v.picklist(TRACKING_STATUSES)),
  code: nullable(text),
});

const trackingFacts: v.GenericSchema<unknown, TrackingFacts> = v.pipe(v.object({
  trackingNumber: nonEmpty,
  provider: v.picklist(PROVIDERS),
  status: v.picklist(TRACKING_STATUSES),
  rawState: nullable(text),
  rawSub: nullable(text),
  events: list(trackingEvent, 1_000),
  lastEventAt: nullable(instant),
  pickedUpAt: nullable(instant),
  reportedCourier: nullable(text),
  noRecord: bool,
  providerStalled: bool,
  proxySigned: v.optional(bool),
  destinationArea: nullable(text),
  // Absent in waybills stored before unread events were counted: read as 0.
  unreadEvents: v.optional(count),
  checkedAt: instant,
}),
  // Times read from the events (as every merge reads them again) must be what the events say.
  v.forward(v.check((facts) => mergeTracking(facts, facts).lastEventAt === facts.lastEventAt, 'the time of its last event'), ['lastEventAt']),
  v.forward(v.check((facts) => mergeTracking(facts, facts).pickedUpAt === facts.pickedUpAt, 'the time its events say it was picked up'), ['pickedUpAt']),
);

/**
 * A finding record: its basis checked field by field against its kind's description (lib/findings), its rule
 * against the known rules. What passes is a record of that kind, which is what the cast at the end says.
 */
const findingRecord = v.pipe(
  v.object({
    kind: findingKind,
    severity: v.picklist(SEVERITIES),
    dueAt: nullable(instant),
    rule: v.pipe(text, v.check((rule) => RULE_REFERENCES.has(rule), 'a rule id')),
    basis,
    openedAt: instant,
    closedAt: nullable(instant),
    updatedAt: instant,
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const problem of basisProblems(dataset.value.kind, dataset.value.basis)) addIssue({ message: `basis fields of its kind (${problem})`, path: [basisPath(dataset.value)] });
  }),
  v.transform((record) => record as unknown as FindingRecord),
);

function basisPath(record: { basis: unknown }) {
  return { type: 'object', origin: 'value', input: record, key: 'basis', value: record.basis } as const;
}

/** Fields of a stored order that are derived (indexes) are recomputed on import, never taken from the file. */
export type ImportedOrder = Pick<
  StoredOrder,
  | 'shopId'
  | 'orderSn'
  | 'facts'
  | 'factsAt'
  | 'factsSource'
  | 'firstSeenAt'
  | 'firstStatusText'
  | 'firstSource'
  | 'lastSeenAt'
  | 'firstCheckAt'
  | 'findings'
>;


const importedOrder = v.pipe(
  v.object({
    shopId: nonEmpty,
    orderSn: nonEmpty,
    facts: orderFacts,
    factsAt: instant,
    factsSource: v.picklist(ENDPOINTS),
    firstSeenAt: instant,
    firstStatusText: text,
    firstSource: v.picklist<(CapturedEndpoint | 'import')[]>([...ENDPOINTS, 'import']),
    lastSeenAt: instant,
    firstCheckAt: nullable(instant),
    findings: list(findingRecord, 1_000),
    trackingNumber: recomputed,
    goodsId: recomputed,
    closedAt: recomputed,
    openKindTags: recomputed,
    riskRank: recomputed,
    nextDueAt: recomputed,
    pickupDueAt: recomputed,
  }),
  // The row's key and its facts cannot disagree (here and in the checks below).
  v.forward(v.check((order) => order.facts.orderSn === order.orderSn, "an orderSn equal to the row's"), ['facts']),
  v.transform((order): ImportedOrder => ({
    shopId: order.shopId,
    orderSn: order.orderSn,
    facts: order.facts,
    factsAt: order.factsAt,
    factsSource: order.factsSource,
    firstSeenAt: order.firstSeenAt,
    firstStatusText: order.firstStatusText,
    firstSource: order.firstSource,
    lastSeenAt: order.lastSeenAt,
    firstCheckAt: order.firstCheckAt,
    findings: order.findings,
  })),
);

const change: v.GenericSchema<unknown, StoredChange> = v.object({
  shopId: nonEmpty,
  orderSn: nonEmpty,
  at: instant,
  field: nonEmpty,
  category: v.picklist(CATEGORIES),
  from: changeValue,
  to: changeValue,
  source: v.picklist<StoredChange['source'][]>([...ENDPOINTS, 'tracking', 'evaluation', 'import']),
});

const afterSale: v.GenericSchema<unknown, StoredAfterSale> = v.pipe(
  v.object({ shopId: nonEmpty, id: nonEmpty, orderSn: nonEmpty, facts: afterSaleFacts, factsAt: instant, firstSeenAt: instant, lastSeenAt: instant }),
  v.forward(v.check((row) => row.facts.id === row.id, "an id equal to the row's"), ['facts']),
  v.forward(v.check((row) => row.facts.orderSn === row.orderSn, "an orderSn equal to the row's"), ['facts']),
);

const waybillError: v.GenericSchema<unknown, WaybillError> = v.object({
  at: instant,
  message: text,
  retry: v.picklist<WaybillError['retry'][]>(['never', 'later', 'backoff']),
});

const waybill: v.GenericSchema<unknown, StoredWaybill> = v.pipe(
  v.object({
    shopId: nonEmpty,
    trackingNumber: nonEmpty,
    facts: nullable(trackingFacts),
    status: v.picklist(TRACKING_STATUSES),
    lastEventAt: nullable(instant),
    checkedAt: nullable(instant),
    nextCheckAt: nullable(instant),
    attempts: count,
    consecutiveFailures: count,
    lastError: nullable(waybillError),
    firstSeenAt: instant,
    // Absent from backups of schema 2 (no poller yet): nothing sent, nothing awaited.
    queryTimes: v.optional(v.array(instant), () => []),
    needsInput: nullable(v.picklist<WaybillInput[]>(['phone_tail', 'courier'])),
    lastProvider: nullable(v.picklist<QueryProvider[]>(['kuaidi100', 'kdniao', 'demo'])),
  }),
  v.forward(v.check((row) => row.facts === null || row.facts.trackingNumber === row.trackingNumber, "a trackingNumber equal to the row's"), ['facts']),
  // The row repeats its facts' status and last event for its indexes.
  v.forward(v.check((row) => row.facts === null || row.facts.status === row.status, "its facts' status"), ['status']),
  v.forward(v.check((row) => row.facts === null || row.facts.lastEventAt === row.lastEventAt, "its facts' last event time"), ['lastEventAt']),
);

const storedTrackingEvent: v.GenericSchema<unknown, StoredTrackingEvent> = v.pipe(
  v.object({
    shopId: nonEmpty,
    trackingNumber: nonEmpty,
    at: instant,
    textKey: recomputed,
    text,
    area: nullable(text),
    status: nullable(v.picklist(TRACKING_STATUSES)),
    code: nullable(text),
    firstSeenAt: instant,
  }),
  // The key is recomputed from the text, so an event is identified the way ingest identifies it.
  v.transform(({ textKey: _fromFile, ...event }) => ({ ...event, textKey: textKey(event.text) })),
);

const product: v.GenericSchema<unknown, Omit<StoredProduct, 'hasOpen'>> = v.pipe(
  v.object({ shopId: nonEmpty, goodsId: nonEmpty, findings: list(findingRecord, 1_000), hasOpen: recomputed }),
  v.transform(({ shopId, goodsId, findings }) => ({ shopId, goodsId, findings })),
);

const notification: v.GenericSchema<unknown, StoredNotification> = v.object({
  shopId: nonEmpty,
  orderSn: nullable(nonEmpty),
  key: nonEmpty,
  sentAt: instant,
  kind: nullable(findingKind),
  severity: nullable(v.picklist(SEVERITIES)),
  title: text,
  body: text,
  orderSns: v.optional(list(nonEmpty, 1_000)),
});

const shop: v.GenericSchema<unknown, StoredShop> = v.object({ shopId: nonEmpty, name: v.optional(nonEmpty), firstSeenAt: instant, lastCaptureAt: instant });

/** One schema per backup table; each gives the record as it is merged into the database. */
export const RECORD_SCHEMAS = {
  shops: shop,
  orders: importedOrder,
  changes: change,
  afterSales: afterSale,
  waybills: waybill,
  trackingEvents: storedTrackingEvent,
  products: product,
  notifications: notification,
};
