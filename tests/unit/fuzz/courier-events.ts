// Courier events for the fuzz suite: each item of a body's event list with what a plain reading of it says
// (its instant and text, or that it must be skipped), and the fields its reader must name.
import fc from 'fast-check';
import { badTimeText, BAD, text, timeText, type TimeText } from './values';

export interface EventSample {
  /** The item as the body lists it. */
  raw: unknown;
  /** Its instant and trimmed text when it can be read; null when it must be skipped. */
  read: { at: number; text: string } | null;
  /** The fields a problem must name (`time` → `data[2].time: …`); '' names the item itself (`data[2]: …`). */
  named: string[];
  /** The unreadable first time field when the event was read from its second one. */
  readFromSecond: boolean;
}

/** A time field: a courier time, a text that is none, another kind of value, or nothing. */
type TimeField = { kind: 'good'; time: TimeText } | { kind: 'bad'; raw: unknown } | { kind: 'absent'; raw: null | undefined };
const timeField: fc.Arbitrary<TimeField> = fc.oneof(
  { weight: 12, arbitrary: timeText.map((time) => ({ kind: 'good' as const, time })) },
  { weight: 2, arbitrary: badTimeText.map((time) => ({ kind: 'bad' as const, raw: time.text })) },
  { weight: 1, arbitrary: fc.constantFrom(1795482720, true, {}, ['2026-11-19 07:10:00']).map((raw) => ({ kind: 'bad' as const, raw })) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined).map((raw) => ({ kind: 'absent' as const, raw })) },
);
const rawOf = (field: TimeField) => (field.kind === 'good' ? field.time.text : field.raw);

/** Event text: a plain reading trims it; a safe integer is its digits; other kinds are named and read as ''. */
const eventText = fc.oneof(
  { weight: 10, arbitrary: fc.oneof(fc.constantFrom('已揽收', '快件已到达【苏州转运中心】', '派件中', '已签收，签收人：本人', '客户拒收', '快件已退回', '快件留仓', '商家已下单'), text).map((value) => ({ raw: value, text: value.trim(), named: false })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1e6 }).map((n) => ({ raw: n, text: String(n), named: false })) },
  { weight: 1, arbitrary: fc.constantFrom({}, [], true, 1.5).map((raw) => ({ raw, text: '', named: true })) },
  { weight: 1, arbitrary: fc.constant({ raw: undefined, text: '', named: false }) },
);

/** An optional code or area field: text or digits are fine, other kinds named. */
const optionalField = (values: readonly unknown[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...values).map((raw) => ({ raw, named: false })) },
    { weight: 3, arbitrary: fc.constant({ raw: undefined, named: false }) },
    { weight: 1, arbitrary: fc.constantFrom({}, [], 2.5, false).map((raw) => ({ raw, named: true })) },
  );

/**
 * One event item of a provider. `first` and `second` are its time fields in reading order (Kuaidi100 ftime
 * then time; Kdniao AcceptTime alone), `textKey`, `codeKey` and `areaKey` its other fields.
 */
export function eventSample(keys: { first: string; second: string | null; textKey: string; codeKey: string; areaKey: string }, codes: readonly unknown[]): fc.Arbitrary<EventSample> {
  const item = fc.record({
    first: timeField,
    second: keys.second === null ? fc.constant<TimeField>({ kind: 'absent', raw: undefined }) : timeField,
    text: eventText,
    code: optionalField(codes),
    area: optionalField(['江苏,苏州市', '杭州市', ' 广东,广州市 ', 12]),
  });
  const object = item.map(({ first, second, text: body, code, area }): EventSample => {
    const raw: Record<string, unknown> = {};
    const set = (key: string, value: unknown) => {
      if (value !== undefined) raw[key] = value;
    };
    set(keys.first, rawOf(first));
    if (keys.second !== null) set(keys.second, rawOf(second));
    set(keys.textKey, body.raw);
    set(keys.codeKey, code.raw);
    set(keys.areaKey, area.raw);
    const named: string[] = [];
    let at: number | null = null;
    let readFromSecond = false;
    if (first.kind === 'good') at = first.time.expected === BAD ? null : first.time.expected;
    else if (first.kind === 'bad') named.push(keys.first);
    if (at === null && keys.second !== null) {
      if (second.kind === 'good' && second.time.expected !== BAD) {
        at = second.time.expected;
        readFromSecond = first.kind === 'bad';
      } else if (second.kind === 'bad') named.push(keys.second);
    }
    if (at === null) {
      if (named.length === 0) named.push('');
      return { raw, read: null, named, readFromSecond: false };
    }
    if (body.named) named.push(keys.textKey);
    if (code.named) named.push(keys.codeKey);
    // The area is read from its first field only; a second area field is never generated.
    if (area.named) named.push(keys.areaKey);
    return { raw, read: { at, text: body.text }, named, readFromSecond };
  });
  return fc.oneof(
    { weight: 20, arbitrary: object },
    { weight: 1, arbitrary: fc.constantFrom('garbage', 7, null, ['2026-11-19 07:10:00', '已揽收']).map((raw): EventSample => ({ raw, read: null, named: [''], readFromSecond: false })) },
  );
}

/**
 * Null when `problems` name exactly the items that have something to name, each by its index in `list`
 * and field, and the events read are the readable items; else what is wrong.
 */
export function eventsMisread(
  list: string,
  samples: readonly EventSample[],
  events: ReadonlyArray<{ at: number; text: string }>,
  problems: readonly string[],
): string | null {
  for (const problem of problems) {
    if (/[\n\r\u2028\u2029]/.test(problem)) return `problem spans lines: ${JSON.stringify(problem)}`;
    const place = new RegExp(`^${list}\\[(\\d+)\\]`).exec(problem);
    if (place !== null && (samples[Number(place[1])]?.named.length ?? 0) === 0) return `names an event that is fine: ${problem}`;
  }
  for (const [index, sample] of samples.entries()) {
    for (const field of sample.named) {
      const prefix = field === '' ? `${list}[${index}]:` : `${list}[${index}].${field}:`;
      if (!problems.some((problem) => problem.startsWith(prefix))) return `no problem names ${prefix} (${JSON.stringify(sample.raw)}): ${JSON.stringify(problems)}`;
    }
    if (sample.readFromSecond && !problems.some((problem) => problem.startsWith(`${list}[${index}].`) && problem.includes('event read from'))) {
      return `${list}[${index}] read from its second time without saying so`;
    }
  }
  const key = (event: { at: number; text: string }) => `${event.at} ${event.text}`;
  const wanted = [...new Set(samples.flatMap((sample) => (sample.read === null ? [] : [key(sample.read)])))].sort();
  const got = events.map(key).sort();
  return JSON.stringify(got) === JSON.stringify(wanted) ? null : `events read ${JSON.stringify(got)}, the body says ${JSON.stringify(wanted)}`;
}
