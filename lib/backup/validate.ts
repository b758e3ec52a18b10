// Checking a backup's records before they are stored. Each check rebuilds the record from the fields it
// knows, so anything else in the file (a mistake, a field from another tool, buyer data) is dropped.
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
} from '../db/records';
import type { BasisValue } from '../findings/define';
import { basisProblems } from '../findings/basis-check';
import { isFindingKind, RULE_REFERENCES, type FindingKind } from '../findings/registry';
import type { Severity } from '../findings/severity';

export class InvalidRecord extends Error {}

type Check<T> = (value: unknown, path: string) => T;

const fail = (path: string, expected: string): never => {
  throw new InvalidRecord(`${path}: expected ${expected}`);
};

const str: Check<string> = (value, path) => (typeof value === 'string' ? value : fail(path, 'text'));
const nonEmpty: Check<string> = (value, path) => (typeof value === 'string' && value !== '' ? value : fail(path, 'non-empty text'));
const num: Check<number> = (value, path) => (typeof value === 'number' && Number.isFinite(value) ? value : fail(path, 'a number'));
const int: Check<number> = (value, path) => (Number.isInteger(value) ? (value as number) : fail(path, 'an integer'));
const bool: Check<boolean> = (value, path) => (typeof value === 'boolean' ? value : fail(path, 'true or false'));

/** null, or absent, reads as null. */
const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value, path) =>
    value === null || value === undefined ? null : check(value, path);

/** Absent stays absent (optional fields of the fact types). */
const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value, path) =>
    value === undefined ? undefined : check(value, path);

const oneOf =
  <T extends string | number>(values: readonly T[]): Check<T> =>
  (value, path) =>
    values.includes(value as T) ? (value as T) : fail(path, `one of ${values.join(', ')}`);

const arrayOf =
  <T>(check: Check<T>, max = 100_000): Check<T[]> =>
  (value, path) => {
    if (!Array.isArray(value) || value.length > max) return fail(path, `a list (at most ${max})`);
    return value.map((item, index) => check(item, `${path}[${index}]`));
  };

type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

/** An object with exactly the fields of `shape` (others dropped; optional ones left out when absent). */
const record =
  <T>(shape: Shape<T>): Check<T> =>
  (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'an object');
    const source = value as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(shape) as Array<keyof T & string>) {
      const checked = (shape[key] as Check<unknown>)(source[key], `${path}.${key}`);
      if (checked !== undefined) result[key] = checked;
    }
    return result as T;
  };

const basisValue: Check<BasisValue> = (value, path) =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
    ? value
    : fail(path, 'text, number, true/false or null');

const basis: Check<Record<string, BasisValue>> = (value, path) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'an object');
  const result: Record<string, BasisValue> = {};
  for (const [key, item] of Object.entries(value)) result[key] = basisValue(item, `${path}.${key}`);
  return result;
};

const changeValue: Check<ChangeValue> = basisValue;

const ORDER_STATES: readonly OrderState[] = ['unpaid', 'unshipped', 'shipped', 'received', 'cancelled', 'unknown'];
const AFTER_SALE_KINDS: readonly AfterSaleKind[] = ['refund_only', 'return_refund', 'exchange', 'resend', 'repair', 'unknown'];
export const TRACKING_STATUSES: readonly TrackingStatus[] = [
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
const PROVIDERS: readonly TrackingProvider[] = ['kuaidi100', 'kdniao', 'console'];
const SEVERITIES: readonly Severity[] = ['info', 'warn', 'critical', 'breached'];
const ENDPOINTS = Object.keys(CAPTURED_ENDPOINTS) as CapturedEndpoint[];
const CATEGORIES: readonly ChangeCategory[] = ['order', 'status', 'shipping', 'after_sale', 'finding'];

const findingKind: Check<FindingKind> = (value, path) => (isFindingKind(value) ? value : fail(path, 'a finding kind'));

const orderFacts = record<OrderFacts>({
  orderSn: nonEmpty,
  state: oneOf(ORDER_STATES),
  refunded: bool,
  statusText: str,
  orderAt: nullable(num),
  promiseShipAt: nullable(num),
  shippedAt: nullable(num),
  urgedAt: nullable(num),
  receivedAt: nullable(num),
  trackingNumber: nullable(nonEmpty),
  shippingId: nullable(num),
  courierName: nullable(str),
  goodsId: nullable(str),
  goodsName: nullable(str),
  afterSalesStatus: nullable(num),
  afterSalesId: nullable(str),
  riskHold: bool,
  noLogistics: bool,
  noNeedShip: optional(bool),
  shippingDelayAllowed: bool,
  provinceName: nullable(str),
  cityName: nullable(str),
  receiverKey: nullable(str),
  orderAmountCents: nullable(num),
});

const afterSaleFacts = record<AfterSaleFacts>({
  id: nonEmpty,
  orderSn: nonEmpty,
  kind: oneOf(AFTER_SALE_KINDS),
  statusCode: nullable(num),
  statusText: nullable(str),
  createdAt: nullable(num),
  closedAt: nullable(num),
  capturedAt: num,
  expireRemainMs: nullable(num),
  expireActionDesc: nullable(str),
  reasonText: nullable(str),
  actions: arrayOf(int, 100),
  refundAmountCents: nullable(num),
  reverseTrackingNumber: nullable(str),
});

const trackingEvent = record<TrackingEvent>({
  at: num,
  text: str,
  area: nullable(str),
  status: nullable(oneOf(TRACKING_STATUSES)),
  code: nullable(str),
});

const trackingFacts = record<TrackingFacts>({
  trackingNumber: nonEmpty,
  provider: oneOf(PROVIDERS),
  status: oneOf(TRACKING_STATUSES),
  rawState: nullable(str),
  rawSub: nullable(str),
  events: arrayOf(trackingEvent, 1_000),
  lastEventAt: nullable(num),
  pickedUpAt: nullable(num),
  identifiedCourier: nullable(str),
  noRecord: bool,
  providerStalled: bool,
  proxySigned: optional(bool),
  destinationArea: nullable(str),
  checkedAt: num,
});

const findingRecordShape = record<Omit<FindingRecord, 'kind' | 'rule' | 'basis'> & { kind: FindingKind; rule: string; basis: Record<string, BasisValue> }>({
  kind: findingKind,
  severity: oneOf(SEVERITIES),
  dueAt: nullable(num),
  rule: str,
  basis,
  openedAt: num,
  closedAt: nullable(num),
  updatedAt: num,
});

const findingRecord: Check<FindingRecord> = (value, path) => {
  const shape = findingRecordShape(value, path);
  const problem = basisProblems(shape.kind, shape.basis)[0];
  if (problem !== undefined) throw new InvalidRecord(`${path}.basis.${problem}`);
  if (!RULE_REFERENCES.has(shape.rule)) fail(`${path}.rule`, 'a rule id');
  // Checked against its kind's fields and the known rules: the record is one of that kind.
  return shape as unknown as FindingRecord;
};

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

const importedOrder = record<ImportedOrder>({
  shopId: nonEmpty,
  orderSn: nonEmpty,
  facts: orderFacts,
  factsAt: num,
  factsSource: oneOf(ENDPOINTS),
  firstSeenAt: num,
  firstStatusText: str,
  firstSource: oneOf<CapturedEndpoint | 'import'>([...ENDPOINTS, 'import']),
  lastSeenAt: num,
  firstCheckAt: nullable(num),
  findings: arrayOf(findingRecord, 1_000),
});

export function checkOrder(value: unknown, path: string): ImportedOrder {
  const order = importedOrder(value, path);
  if (order.facts.orderSn !== order.orderSn) fail(`${path}.facts.orderSn`, `the order number ${order.orderSn}`);
  return order;
}

export const checkChange = record<StoredChange>({
  shopId: nonEmpty,
  orderSn: nonEmpty,
  at: num,
  field: nonEmpty,
  category: oneOf(CATEGORIES),
  from: changeValue,
  to: changeValue,
  source: oneOf<StoredChange['source']>([...ENDPOINTS, 'tracking', 'evaluation', 'import']),
});

export function checkAfterSale(value: unknown, path: string): StoredAfterSale {
  const row = record<StoredAfterSale>({
    shopId: nonEmpty,
    id: nonEmpty,
    orderSn: nonEmpty,
    facts: afterSaleFacts,
    factsAt: num,
    firstSeenAt: num,
    lastSeenAt: num,
  })(value, path);
  if (row.facts.id !== row.id || row.facts.orderSn !== row.orderSn) fail(`${path}.facts`, 'the same case and order as the row');
  return row;
}

const waybillError = record<WaybillError>({
  at: num,
  message: str,
  retry: oneOf<WaybillError['retry']>(['never', 'later', 'backoff']),
});

export function checkWaybill(value: unknown, path: string): StoredWaybill {
  const row = record<StoredWaybill>({
    shopId: nonEmpty,
    trackingNumber: nonEmpty,
    facts: nullable(trackingFacts),
    status: oneOf(TRACKING_STATUSES),
    lastEventAt: nullable(num),
    checkedAt: nullable(num),
    nextCheckAt: nullable(num),
    attempts: int,
    consecutiveFailures: int,
    lastError: nullable(waybillError),
    firstSeenAt: num,
  })(value, path);
  if (row.facts !== null && row.facts.trackingNumber !== row.trackingNumber) fail(`${path}.facts.trackingNumber`, row.trackingNumber);
  return row;
}

export const checkTrackingEvent = record<StoredTrackingEvent>({
  shopId: nonEmpty,
  trackingNumber: nonEmpty,
  at: num,
  textKey: nonEmpty,
  text: str,
  area: nullable(str),
  status: nullable(oneOf(TRACKING_STATUSES)),
  code: nullable(str),
  firstSeenAt: num,
});

export const checkProduct = record<Omit<StoredProduct, 'hasOpen'>>({
  shopId: nonEmpty,
  goodsId: nonEmpty,
  findings: arrayOf(findingRecord, 1_000),
});

export const checkNotification = record<StoredNotification>({
  shopId: nonEmpty,
  orderSn: nullable(nonEmpty),
  key: nonEmpty,
  sentAt: num,
  kind: nullable(findingKind),
  severity: nullable(oneOf(SEVERITIES)),
  title: str,
  body: str,
});

export const checkShop = record<StoredShop>({
  shopId: nonEmpty,
  firstSeenAt: num,
  lastCaptureAt: num,
});
