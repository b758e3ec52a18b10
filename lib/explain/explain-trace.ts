// The trace behind a parcel's badges: where it came from, when it was read, and its newest events. Pure:
// the caller passes how to show an instant (in the merchant's own time zone).
import type { TrackingProvider } from '../facts/facts';
import { FIELDS, TRACKING_STATUS_LABELS } from '../findings/basis-fields';
import type { Words } from '../findings/words';
import type { OrderTrace } from '../messages/protocol';
import type { Lang } from '../time/shanghai';
import type { ExplanationLine } from './explain-finding';

export const TRACE_SOURCE_LABELS: Readonly<Record<TrackingProvider, Words>> = {
  kuaidi100: { zh: '快递100', en: 'Kuaidi100' },
  kdniao: { zh: '快递鸟', en: 'Kdniao' },
  console: { zh: '后台物流', en: 'Console logistics' },
  demo: { zh: '演示模式', en: 'Demo mode' },
};

export interface TraceExplanation {
  /** `物流轨迹 · 快递100` */
  title: string;
  /** The check time and the status, then one line per event (its time, its text), newest first. */
  lines: ExplanationLine[];
}

export function explainTrace(trace: OrderTrace, lang: Lang, formatInstant: (ms: number) => string): TraceExplanation {
  const lines: ExplanationLine[] = [
    { key: 'checkedAt', label: FIELDS.trackingCheckedAt[lang], value: formatInstant(trace.checkedAt) },
    { key: 'status', label: FIELDS.trackingStatus[lang], value: TRACKING_STATUS_LABELS[trace.status][lang] },
  ];
  trace.events.forEach((event, index) => lines.push({ key: `event${index}`, label: formatInstant(event.at), value: event.text }));
  return { title: `${lang === 'zh' ? '物流轨迹' : 'Trace'} · ${TRACE_SOURCE_LABELS[trace.provider][lang]}`, lines };
}
