// The demo provider (演示模式): a TrackingClient that sends nothing. Each parcel's simulated timeline
// (./demo/simulation.ts) is rendered as Kuaidi100 would answer at `now` and read by the Kuaidi100
// normalizer, so a demo reading goes through the same path as a real one; only `provider` says 'demo'.
import { kuaidi100Body, kuaidi100NoRecord } from './demo/kuaidi100-body';
import { demoTimeline } from './demo/simulation';
import { normalizeKuaidi100 } from './kuaidi100';
import { normalizeTrackingNumber } from '../pdd/order-row';
import type { QueryOutcome, TrackingClient, TrackingQuery } from './provider';

export function demoClient(): TrackingClient {
  return { provider: 'demo', query: (query, context) => Promise.resolve(demoReading(query, context.now)) };
}

/** The demo answer for `query` at `now` (epoch ms): the same for the same number, upload time and moment. */
export function demoReading(query: TrackingQuery, now: number): QueryOutcome {
  const trackingNumber = normalizeTrackingNumber(query.trackingNumber);
  if (trackingNumber === null) {
    return { ok: false, errorClass: 'bad_input', code: null, detail: 'demo: empty tracking number', message: { zh: '单号为空，无法查询物流', en: 'The tracking number is empty, so there is nothing to look up' } };
  }
  const timeline = demoTimeline(query);
  // Without an upload time there is no journey to place: the courier "has no record yet".
  const body = timeline === null ? kuaidi100NoRecord() : kuaidi100Body(timeline, Math.floor(now / 1000));
  const result = normalizeKuaidi100(body, trackingNumber, now);
  if (!result.ok) {
    return { ok: false, errorClass: 'transient', code: null, detail: `demo: ${result.error}`, message: { zh: '演示数据读取失败，请稍后再试', en: 'The demo trace could not be read; try again later' } };
  }
  return { ok: true, result: { ...result, facts: { ...result.facts, provider: 'demo' } } };
}
