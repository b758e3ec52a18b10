// The `npm run assess` input (vocabulary §3) → contexts + policy + diagnostics. Pure: the shell in cli.ts
// reads the file and prints; this names every bad row and assesses the rest.
import { orderKnownOnlyByNumber, type AfterSaleFacts, type OrderFacts, type TrackingFacts } from '../facts/facts';
import { normalizeAfterSaleRow } from '../pdd/after-sale-row';
import { isRecord } from '../pdd/fields';
import { normalizeOrderRow, normalizeTrackingNumber } from '../pdd/order-row';
import type { OrderContext } from '../findings/assess';
import { resolvePolicy, type Policy } from '../findings/policy';
import { isPlausibleInstant, parseInstant, toIso } from '../time/shanghai';
import { courierCodesFor } from '../tracking/couriers';
import { normalizeKuaidi100 } from '../tracking/kuaidi100';

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
  if (now === null) return { ok: false, error: `now: ${JSON.stringify(json.now)} is not an ISO-8601 time between 2000 and 2100` };
  if (json.now === undefined) diagnostics.push(`now: missing, assessed as of ${toIso(now)}`);
  const { policy, errors } = resolvePolicy(json.policy);
  diagnostics.push(...errors);

  const orders = new Map<string, OrderFacts>();
  for (const [index, row] of rowsOf(json.orders, 'orders', diagnostics)) {
    const result = normalizeOrderRow(row);
    if (!result.ok) diagnostics.push(`orders[${index}]: ${result.error}`);
    else if (orders.has(result.facts.orderSn)) diagnostics.push(`orders[${index}]: order_sn ${result.facts.orderSn} repeated, row skipped`);
    else orders.set(result.facts.orderSn, result.facts);
  }

  const salesByOrder = new Map<string, AfterSaleFacts[]>();
  for (const [index, row] of rowsOf(json.afterSales, 'afterSales', diagnostics)) {
    const result = normalizeAfterSaleRow(row, now);
    if (!result.ok) {
      diagnostics.push(`afterSales[${index}]: ${result.error}`);
      continue;
    }
    const sales = salesByOrder.get(result.facts.orderSn);
    if (sales === undefined) salesByOrder.set(result.facts.orderSn, [result.facts]);
    else sales.push(result.facts);
    // A case whose order was not captured is still assessed, on what the case itself says.
    if (!orders.has(result.facts.orderSn)) orders.set(result.facts.orderSn, orderKnownOnlyByNumber(result.facts.orderSn));
  }

  const shippingIdByNumber = new Map<string, number | null>();
  for (const order of orders.values()) {
    if (order.trackingNumber !== null && !shippingIdByNumber.has(order.trackingNumber)) {
      shippingIdByNumber.set(order.trackingNumber, order.shippingId);
    }
  }
  const traces = new Map<string, TrackingFacts>();
  if (json.traces !== undefined && json.traces !== null && !isRecord(json.traces)) {
    diagnostics.push('traces: expected an object keyed by tracking number, ignored');
  } else if (isRecord(json.traces)) {
    for (const [key, body] of Object.entries(json.traces)) {
      const number = normalizeTrackingNumber(key);
      if (number === null) continue;
      const expected = courierCodesFor(shippingIdByNumber.get(number) ?? null, 'kuaidi100');
      const result = normalizeKuaidi100(body, number, now, expected);
      if (result.ok) traces.set(number, result.facts);
      else diagnostics.push(`traces.${key}: ${result.error}`);
    }
  }

  const contexts: OrderContext[] = [];
  for (const order of orders.values()) {
    contexts.push({
      order,
      afterSales: salesByOrder.get(order.orderSn) ?? [],
      tracking: order.trackingNumber === null ? null : (traces.get(order.trackingNumber) ?? null),
    });
  }
  return { ok: true, input: { now, policy, contexts, diagnostics } };
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

