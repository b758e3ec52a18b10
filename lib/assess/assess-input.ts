// The `npm run assess` input (lib/findings/README.md § `npm run assess`) → contexts + policy + diagnostics. Pure: the shell in cli.ts
// reads the file and prints; this names every bad row and assesses the rest. What is assessed never
// depends on the order of the rows or of the trace keys, only the diagnostics' wording does.
import { orderKnownOnlyByNumber, type AfterSaleFacts, type OrderFacts, type TrackingFacts } from '../facts/facts';
import { normalizeAfterSaleRow } from '../pdd/after-sale-row';
import { isRecord } from '../pdd/fields';
import { keepOne, type IndexedRow } from '../pdd/keep-one';
import { normalizeOrderRow, normalizeTrackingNumber } from '../pdd/order-row';
import type { OrderContext } from '../findings/assess';
import { resolvePolicy, type Policy } from '../findings/policy';
import { describeValue, oneLine, plainOrQuoted, quote } from '../text/quote';
import { parseInstant } from '../time/parse';
import { isPlausibleInstant, toIso } from '../time/shanghai';
import { normalizeKuaidi100 } from '../tracking/kuaidi100';
import { mergeTracking } from '../tracking/status';

export interface AssessInput {
  now: number;
  policy: Policy;
  contexts: OrderContext[];
  /** One line per problem, naming the row: `orders[3]: order_sn missing`. */
  diagnostics: string[];
}

export type AssessInputResult = { ok: true; input: AssessInput } | { ok: false; error: string };

/**
 * `fallbackNow` is used only when the file has no `now` (the merchant's "as of right now"); a `now` that
 * is present but unreadable is an error, never silently replaced.
 */
export function parseAssessInput(json: unknown, fallbackNow: number): AssessInputResult {
  if (!isRecord(json)) return { ok: false, error: 'expected a JSON object with now, orders, afterSales and traces' };
  const diagnostics: string[] = [];
  const now = readNow(json.now, fallbackNow);
  if (now === null) return { ok: false, error: `now: ${describeValue(json.now)} is not an ISO-8601 time between 2000 and 2100` };
  if (json.now === undefined) diagnostics.push(`now: missing, assessed as of ${toIso(now)}`);
  const { policy, errors } = resolvePolicy(json.policy);
  // Policy messages name the file's keys as written: kept to one line like every other diagnostic.
  for (const error of errors) diagnostics.push(oneLine(error));

  const orders = new Map<string, IndexedRow<OrderFacts>>();
  const orderLabel = (index: number) => `orders[${index}]`;
  for (const [index, row] of rowsOf(json.orders, 'orders', diagnostics)) {
    const result = normalizeOrderRow(row);
    if (!result.ok) diagnostics.push(`${orderLabel(index)}: ${result.error}; row skipped`);
    else noteRepeat(keepOne(orders, result.facts.orderSn, { facts: result.facts, index }, 'order_sn', orderLabel), orderLabel, diagnostics);
  }

  const sales = new Map<string, IndexedRow<AfterSaleFacts>>();
  const saleLabel = (index: number) => `afterSales[${index}]`;
  for (const [index, row] of rowsOf(json.afterSales, 'afterSales', diagnostics)) {
    const result = normalizeAfterSaleRow(row, now);
    if (!result.ok) diagnostics.push(`${saleLabel(index)}: ${result.error}; row skipped`);
    else noteRepeat(keepOne(sales, result.facts.id, { facts: result.facts, index }, 'id', saleLabel), saleLabel, diagnostics);
  }
  const salesByOrder = new Map<string, AfterSaleFacts[]>();
  for (const { facts: sale } of sales.values()) {
    const list = salesByOrder.get(sale.orderSn);
    if (list === undefined) salesByOrder.set(sale.orderSn, [sale]);
    else list.push(sale);
  }

  const orderFacts = new Map<string, OrderFacts>();
  for (const [orderSn, { facts }] of orders) orderFacts.set(orderSn, facts);
  // A case whose order was not captured is still assessed, on what the case itself says.
  for (const orderSn of salesByOrder.keys()) {
    if (!orderFacts.has(orderSn)) orderFacts.set(orderSn, orderKnownOnlyByNumber(orderSn));
  }

  const orderNumbers = new Set<string>();
  for (const order of orderFacts.values()) if (order.trackingNumber !== null) orderNumbers.add(order.trackingNumber);
  const traces = readTraces(json.traces, now, orderNumbers, diagnostics);

  // Orders by number and each order's cases by id: the rules see the same list whatever the file's order.
  const contexts: OrderContext[] = [];
  for (const orderSn of [...orderFacts.keys()].sort(compareText)) {
    const order = orderFacts.get(orderSn) as OrderFacts;
    contexts.push({
      order,
      afterSales: (salesByOrder.get(orderSn) ?? []).sort((a, b) => compareText(a.id, b.id)),
      tracking: order.trackingNumber === null ? null : (traces.get(order.trackingNumber) ?? null),
    });
  }
  return { ok: true, input: { now, policy, contexts, diagnostics } };
}

function noteRepeat(repeat: ReturnType<typeof keepOne>, label: (index: number) => string, diagnostics: string[]): void {
  if (repeat !== null) diagnostics.push(`${label(repeat.dropped.index)}: ${repeat.reason}`);
}

/**
 * `traces`, keyed by tracking number, as Kuaidi100 readings. Keys are compared as tracking numbers: keys
 * that name one number ("YT123", "yt 123") are named and their readings merged in sorted key order, so the
 * result does not depend on the order of the keys in the file.
 */
function readTraces(
  value: unknown,
  now: number,
  /** The tracking numbers the orders carry: a trace for none of them is named and left out. */
  orderNumbers: ReadonlySet<string>,
  diagnostics: string[],
): Map<string, TrackingFacts> {
  const traces = new Map<string, TrackingFacts>();
  if (value === undefined || value === null) return traces;
  if (!isRecord(value)) {
    diagnostics.push('traces: expected an object keyed by tracking number, ignored');
    return traces;
  }
  const keysByNumber = new Map<string, string[]>();
  for (const key of Object.keys(value)) {
    const number = normalizeTrackingNumber(key);
    if (number === null) diagnostics.push(`${traceLabel(key)}: key is not a tracking number, ignored`);
    else if (!orderNumbers.has(number)) diagnostics.push(`${traceLabel(key)}: no order has tracking number ${plainOrQuoted(number)}, ignored`);
    else {
      const keys = keysByNumber.get(number);
      if (keys === undefined) keysByNumber.set(number, [key]);
      else keys.push(key);
    }
  }
  for (const [number, keys] of keysByNumber) {
    keys.sort(compareText);
    if (keys.length > 1) {
      diagnostics.push(`traces: keys ${keys.map((key) => quote(key)).join(', ')} are one tracking number ${plainOrQuoted(number)}; their readings are merged`);
    }
    let merged: TrackingFacts | null = null;
    for (const key of keys) {
      const result = normalizeKuaidi100(value[key], number, now);
      if (!result.ok) {
        diagnostics.push(`${traceLabel(key)}: ${result.error}`);
        continue;
      }
      for (const problem of result.problems) diagnostics.push(`${traceLabel(key)}: ${problem}`);
      merged = mergeTracking(merged, result.facts);
    }
    if (merged !== null) traces.set(number, merged);
  }
  return traces;
}

/** `traces.YT123`, or `traces["yt 123"]` for a key that is not plain. */
function traceLabel(key: string): string {
  const shown = plainOrQuoted(key);
  return shown === key ? `traces.${key}` : `traces[${shown}]`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readNow(value: unknown, fallbackNow: number): number | null {
  if (value === undefined) return fallbackNow;
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? parseInstant(value) : null;
  return ms !== null && isPlausibleInstant(ms) ? ms : null;
}

function rowsOf(value: unknown, name: string, diagnostics: string[]): Array<[number, unknown]> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    diagnostics.push(`${name}: expected a list of rows, ignored`);
    return [];
  }
  return value.map((row, index) => [index, row]);
}
