// Courier event texts are the one place buyer data can still reach storage after the page hook has
// stripped the console's PII fields: "已签收，签收人：张三，电话13812345678". Tracking facts are scrubbed
// before they are merged or stored, so the rules and the database see the same, PII-free text.
import type { TrackingEvent, TrackingFacts } from '../facts/facts';

const MASK = '***';

// Mainland mobile numbers, with optional separators, not inside a longer digit run (waybill numbers).
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
// Landlines with an area code: 010-12345678, 0571 8888 8888.
const LANDLINE = /(?<!\d)0\d{2,3}[- ]\d{7,8}(?!\d)/g;
// Already-masked phones still carry digits that identify the buyer in combination: 138****5678.
const MASKED_PHONE = /(?<!\d)1[3-9]\d[*＊xX]{4}\d{4}(?!\d)/g;

// A person named after one of these labels is the buyer or someone at the buyer's address.
const NAMED_PERSON =
  /(签收人|收件人|收货人|代收人|签收者|收件者)(\s*(?:[:：]|是|为)?\s*)([^\s,，。;；:：)）\]】]{1,12})/g;
// Non-person signers keep their word: the proxy_signed and delivery rules read it.
const NOT_A_PERSON = /本人|驿站|快递柜|丰巢|代收点|门卫|前台|物业|家人|同事|快递超市|自提|菜鸟|收发室|邮政|超市|便利店/;

export function scrubTrackingText(text: string): string {
  return text
    .replace(NAMED_PERSON, (whole, label: string, separator: string, name: string) =>
      NOT_A_PERSON.test(name) ? whole : `${label}${separator}${MASK}`,
    )
    .replace(MASKED_PHONE, MASK)
    .replace(MOBILE, MASK)
    .replace(LANDLINE, MASK);
}

function scrubEvent(event: TrackingEvent): TrackingEvent {
  const text = scrubTrackingText(event.text);
  return text === event.text ? event : { ...event, text };
}

export function scrubTrackingFacts(facts: TrackingFacts): TrackingFacts {
  return { ...facts, events: facts.events.map(scrubEvent) };
}
