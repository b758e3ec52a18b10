// The demo provider (演示模式): deterministic per number, advancing with the clock, every outcome reachable,
// and read by the real rules like any provider's reading.
import { describe, expect, it } from 'vitest';
import type { TrackingFacts } from '../../../lib/facts/facts';
import { assessShop, type OrderContext } from '../../../lib/findings/assess';
import { DEFAULT_POLICY } from '../../../lib/findings/policy';
import { normalizeOrderRow } from '../../../lib/pdd/order-row';
import { demoClient, demoReading } from '../../../lib/tracking/demo-client';
import { DEMO_OUTCOMES, demoTimeline, type DemoOutcome } from '../../../lib/tracking/demo/simulation';
import type { QueryOutcome, TrackingQuery, Transport } from '../../../lib/tracking/provider';
import { generateShop } from '../../stand-in/synthetic-shop';

const SHIPPED = Date.parse('2026-11-18T10:00:00+08:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const query = (trackingNumber: string, overrides: Partial<TrackingQuery> = {}): TrackingQuery => ({
  trackingNumber,
  shippingId: 85,
  courierName: '圆通速递',
  phoneTail: null,
  shippedAt: SHIPPED,
  provinceName: '江苏省',
  cityName: '苏州市',
  ...overrides,
});

const numbers = Array.from({ length: 200 }, (_, i) => `YT${String(4_300_000_000_000 + i * 7919).padStart(13, '0')}`);

function factsOf(outcome: QueryOutcome): TrackingFacts {
  if (!outcome.ok) throw new Error(`expected a reading, got ${outcome.errorClass}: ${outcome.detail}`);
  return outcome.result.facts;
}

/** The first synthetic number whose parcel has this outcome. */
function numberWith(outcome: DemoOutcome): string {
  const found = numbers.find((number) => demoTimeline(query(number))?.outcome === outcome);
  if (found === undefined) throw new Error(`no number with outcome ${outcome}`);
  return found;
}

describe('demoClient', () => {
  it('is the demo provider and sends nothing', async () => {
    const transport: Transport = () => Promise.reject(new Error('the demo must not send'));
    const client = demoClient();
    expect(client.provider).toBe('demo');
    const outcome = await client.query(query(numbers[0] as string), { now: SHIPPED + DAY, transport });
    expect(factsOf(outcome)).toMatchObject({ provider: 'demo', trackingNumber: numbers[0], checkedAt: SHIPPED + DAY });
  });

  it('gives the same answer for the same number and moment, and different journeys for different numbers', () => {
    for (const number of numbers.slice(0, 30)) expect(demoReading(query(number), SHIPPED + 2 * DAY)).toEqual(demoReading(query(number), SHIPPED + 2 * DAY));
    const texts = new Set(numbers.slice(0, 30).map((number) => JSON.stringify(factsOf(demoReading(query(number), SHIPPED + 2 * DAY)).events)));
    expect(texts.size).toBeGreaterThan(20);
  });

  it('advances with the clock: only events up to now, each reading a prefix of a later one', () => {
    const number = numberWith('delivered');
    const moments = [SHIPPED - 3 * HOUR, SHIPPED + HOUR, SHIPPED + 12 * HOUR, SHIPPED + DAY, SHIPPED + 2 * DAY, SHIPPED + 6 * DAY];
    const readings = moments.map((now) => factsOf(demoReading(query(number), now)));
    readings.forEach((facts, i) => facts.events.forEach((event) => expect(event.at).toBeLessThanOrEqual(moments[i] as number)));
    for (let i = 1; i < readings.length; i += 1) {
      const earlier = (readings[i - 1] as TrackingFacts).events;
      expect((readings[i] as TrackingFacts).events.slice(0, earlier.length)).toEqual(earlier);
    }
    expect(readings[0]).toMatchObject({ noRecord: true, events: [] });
    expect(readings.at(-1)?.status).toBe('delivered');
    expect(readings.at(-1)?.events.length).toBeGreaterThan(readings[2]?.events.length ?? 0);
  });

  it('places the journey from the upload time', () => {
    const number = numberWith('rejected');
    const early = factsOf(demoReading(query(number), SHIPPED + 6 * DAY));
    const later = factsOf(demoReading(query(number, { shippedAt: SHIPPED + DAY }), SHIPPED + 7 * DAY));
    expect(later.events.map((event) => event.at - DAY)).toEqual(early.events.map((event) => event.at));
  });

  it('reaches every outcome, each read as its status', () => {
    const late = SHIPPED + 8 * DAY;
    const read = (outcome: DemoOutcome) => factsOf(demoReading(query(numberWith(outcome)), late));
    expect(read('delivered').status).toBe('delivered');
    expect(read('wrong_city')).toMatchObject({ status: 'delivered', destinationArea: expect.not.stringContaining('苏州') as unknown });
    expect(read('rejected').status).toBe('rejected');
    expect(read('returning').status).toBe('returning');
    expect(read('never_picked_up').pickedUpAt).toBeNull();
    const stalled = read('stalled');
    expect(stalled.pickedUpAt).not.toBeNull();
    expect(late - (stalled.lastEventAt as number)).toBeGreaterThan(3 * DAY);
    const travelling = factsOf(demoReading(query(numberWith('in_transit')), SHIPPED + 36 * HOUR));
    expect(travelling.status).toBe('in_transit');
    expect(travelling.events.some((event) => event.text.includes('转运中心') && !event.text.includes('苏州') && !event.text.includes('金华'))).toBe(true);
  });

  it('answers bad_input for an empty number and no record without an upload time', () => {
    expect(demoReading(query('  '), SHIPPED)).toMatchObject({ ok: false, errorClass: 'bad_input' });
    expect(factsOf(demoReading(query(numbers[0] as string, { shippedAt: null }), SHIPPED))).toMatchObject({ noRecord: true, events: [] });
  });
});

describe('demo provider over a 100-order synthetic shop', () => {
  const NOW = Date.parse('2026-11-20T10:00:00+08:00');
  const shop = generateShop({ seed: 1, size: 100, now: NOW });
  const contexts: OrderContext[] = [];
  const outcomes = new Set<DemoOutcome>();
  const later = NOW + 4 * DAY;
  for (const row of shop.orders) {
    const read = normalizeOrderRow(row);
    if (!read.ok || read.facts.trackingNumber === null || read.facts.state !== 'shipped' || read.facts.refunded) continue;
    const order = read.facts;
    const parcelQuery = query(order.trackingNumber as string, { shippingId: order.shippingId, shippedAt: order.shippedAt, provinceName: order.provinceName, cityName: order.cityName });
    const outcome = demoTimeline(parcelQuery)?.outcome;
    if (outcome !== undefined) outcomes.add(outcome);
    contexts.push({ order, afterSales: [], tracking: factsOf(demoReading(parcelQuery, later)) });
  }

  it('has every outcome among the shipped orders', () => {
    expect([...outcomes].sort()).toEqual([...DEMO_OUTCOMES].sort());
  });

  it('opens every logistics warning the demo is for, through the real rules', () => {
    const kinds = new Set(assessShop(contexts, later, DEFAULT_POLICY).map((finding) => finding.kind));
    for (const kind of ['stalled', 'rejected', 'returning', 'destination_mismatch'] as const) expect(kinds, kind).toContain(kind);
    expect(kinds.has('pickup_by') || kinds.has('tracking_invalid')).toBe(true);
  });
});
