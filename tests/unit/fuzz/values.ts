// Generators for the fuzz suite: field values as the console and the courier APIs send them (seconds and
// milliseconds, numeric text, nulls, missing fields, odd whitespace, ids as numbers, unicode and newlines
// in text) mixed with garbage (wrong types, huge numbers, rounded ids, impossible dates). Each value comes
// with what a plain reading of it says, worked out here without the code under test, so that an oracle
// can tell a right reading from a silent mis-read.
import fc from 'fast-check';

/** The reading of a value the reader must refuse by name. */
export const BAD = Symbol('bad');
/** A field left out of the row. */
export const ABSENT = Symbol('absent');

export interface Sample<T> {
  /** The value in the row; ABSENT leaves the field out. */
  raw: unknown;
  /** What a plain reading gives: a value, null for "not set", or BAD for "name it and refuse it". */
  expected: T | null | typeof BAD;
}

const HOUR_MS = 3_600_000;
export const NOW = Date.UTC(2026, 10, 20, 2, 0, 0);
const NOW_S = NOW / 1000;

const sample = <T>(raw: unknown, expected: T | null | typeof BAD): Sample<T> => ({ raw, expected });
/** Mostly right, now and then wrong: a row with one bad field is refused whole, so most rows must be good. */
const mostly = <T>(good: fc.Arbitrary<Sample<T>>, bad: fc.Arbitrary<Sample<T>>, badWeight = 1) =>
  fc.oneof({ weight: 40, arbitrary: good }, { weight: badWeight, arbitrary: bad });

/** Whitespace of every kind JavaScript trims, around a value. */
const padding = fc.constantFrom('', '', '', ' ', '\t', '\n', '\u3000', '\u00a0', ' \r\n');
const padded = (text: string) => fc.tuple(padding, padding).map(([before, after]) => `${before}${text}${after}`);

/** Anything that is no number, no text and no null. */
const wrongKind = fc.oneof(fc.boolean(), fc.constant([]), fc.array(fc.integer(), { minLength: 1, maxLength: 2 }), fc.constant({}), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }));
/** Integers above 2^53: what JSON.parse makes of a long numeric id (rounded, sometimes printed with an exponent). */
const roundedInteger = fc.oneof(
  fc.integer({ min: 1, max: 1_000_000 }).map((k) => 2 ** 53 + 2 * k),
  fc.constantFrom(Number('231012123456789012345'), 1e21, -(2 ** 60), 1e300),
);
const absentOrNull = fc.constantFrom(sample<never>(ABSENT, null), sample<never>(null, null));

/** Free text: Chinese, ASCII, any unicode, newlines and separators inside, whitespace around. */
export const text: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('测试商品 加厚保温杯 500ml', '中通快递', '江苏省', '苏州市', '待商家处理', '快递一直未送到', 'a\nb', '行一\u2028行二', '"quoted" \\ back', '\u202eevil'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

/** A text field: text read trimmed ('' when blank is "not set"), a safe integer as its digits. */
export const textField: fc.Arbitrary<Sample<string>> = mostly(
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(text, padding).map(([value, pad]) => sample(`${pad}${value}${pad}`, `${pad}${value}${pad}`.trim() || null)) },
    { weight: 1, arbitrary: fc.integer({ min: -1e6, max: Number.MAX_SAFE_INTEGER }).map((n) => sample(n, String(n))) },
    { weight: 1, arbitrary: absentOrNull },
  ),
  fc.oneof(roundedInteger.map((n) => sample<string>(n, BAD)), fc.constantFrom(1.5, -0.25).map((n) => sample<string>(n, BAD)), wrongKind.map((v) => sample<string>(v, BAD))),
);

/** An id (order number, goods id, case id): digits or an `YYMMDD-…` number, as text or as a number. */
export const idField = (required: boolean): fc.Arbitrary<Sample<string>> =>
  mostly(
    fc.oneof(
      fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }).map((n) => sample(n, String(n))),
      fc.tuple(fc.integer({ min: 200101, max: 291231 }), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n })).chain(([day, rest]) => {
        const id = `${day}-${String(rest).padStart(15, '0')}`;
        return padded(id).map((raw) => sample(raw, id));
      }),
      ...(required ? [] : [absentOrNull]),
    ),
    fc.oneof(roundedInteger.map((n) => sample<string>(n, BAD)), wrongKind.map((v) => sample<string>(v, BAD)), fc.constant(sample<string>(2.5, BAD))),
  );

/** A waybill number: its plain reading has no whitespace and is upper case. */
export const waybillField: fc.Arbitrary<Sample<string>> = mostly(
  fc.oneof(
    fc.stringMatching(/^(ZT|YT|SF|JT|zt|yt) ?[0-9]{4} ?[0-9]{4,10}$/).map((raw) => sample(raw, raw.replace(/\s+/g, '').toUpperCase())),
    fc.integer({ min: 100000, max: Number.MAX_SAFE_INTEGER }).map((n) => sample(n, String(n))),
    absentOrNull,
  ),
  fc.oneof(roundedInteger.map((n) => sample<string>(n, BAD)), wrongKind.map((v) => sample<string>(v, BAD))),
);

/** A console time: unix seconds (also as text, also with a fraction), milliseconds, 0 and null for "not set". */
export const epochField: fc.Arbitrary<Sample<number>> = mostly(
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: NOW_S - 40 * 86400, max: NOW_S + 5 * 86400 }).map((s) => sample(s, s * 1000)) },
    { weight: 1, arbitrary: fc.integer({ min: NOW_S - 40 * 86400, max: NOW_S }).chain((s) => padded(String(s)).map((raw) => sample(raw, s * 1000))) },
    { weight: 1, arbitrary: fc.integer({ min: NOW_S - 40 * 86400, max: NOW_S }).map((s) => sample(s + 0.5, s * 1000 + 500)) },
    { weight: 1, arbitrary: fc.integer({ min: NOW - 40 * 86400_000, max: NOW }).map((ms) => sample(ms, ms)) },
    { weight: 1, arbitrary: fc.constantFrom(sample<number>(0, null), sample<number>('0', null), sample<number>('', null), sample<number>(' ', null)) },
    { weight: 1, arbitrary: absentOrNull },
  ),
  fc.oneof(
    fc.constantFrom('soon', 'yesterday', '2026-11-20 10:00:00', '1e9', '0x10', '9'.repeat(400), '-', '1,795,399,200').map((raw) => sample<number>(raw, BAD)),
    // Before 2000, after 2100 (seconds and milliseconds), and numbers no time can be.
    fc.constantFrom(-5, 1, 946684799, 4102444800, 4102444800000, 1e20, Number.MAX_VALUE).map((raw) => sample<number>(raw, BAD)),
    wrongKind.map((v) => sample<number>(v, BAD)),
  ),
);

/** A flag: the documented forms, trimmed; anything else named. */
export const flagField: fc.Arbitrary<Sample<boolean>> = mostly(
  fc.oneof(
    fc.constantFrom(sample(true, true), sample(1, true), sample(false, false), sample(0, false), sample(null, false), sample(ABSENT, false), sample('', false)),
    fc.constantFrom(['1', true], ['true', true], ['0', false], ['false', false] as const).chain(([text, value]) => padded(text).map((raw) => sample(raw, value))),
  ),
  fc.oneof(fc.constantFrom('yes', 'no', 'TRUE', '2', 'on', '1.0', 'ture').map((raw) => sample<boolean>(raw, BAD)), fc.constantFrom(2, -1, 0.5).map((raw) => sample<boolean>(raw, BAD)), wrongKind.filter((v) => typeof v !== 'boolean').map((v) => sample<boolean>(v, BAD))),
);

/** A console code (status, type, courier id): integers, also as text. */
export const codeField = (codes: readonly number[]): fc.Arbitrary<Sample<number>> =>
  mostly(
    fc.oneof(
      fc.constantFrom(...codes).map((code) => sample(code, code)),
      fc.constantFrom(...codes).chain((code) => padded(String(code)).map((raw) => sample(raw, code))),
      absentOrNull,
    ),
    fc.oneof(fc.constantFrom(1.5, 1e20, -2, 2 ** 31, 1e300).map((raw) => sample<number>(raw, BAD)), fc.constantFrom('x', '9'.repeat(400), '1e3').map((raw) => sample<number>(raw, BAD)), wrongKind.map((v) => sample<number>(v, BAD))),
  );

/** Money in cents; yuan (a fraction), negative amounts and amounts no order has are named. */
export const centsField: fc.Arbitrary<Sample<number>> = mostly(
  fc.oneof(
    fc.integer({ min: 0, max: 10_000_000 }).map((cents) => sample(cents, cents)),
    fc.integer({ min: 0, max: 100_000 }).chain((cents) => padded(String(cents)).map((raw) => sample(raw, cents))),
    absentOrNull,
  ),
  fc.oneof(fc.constantFrom(25.9, -1, 1e11, 1e300).map((raw) => sample<number>(raw, BAD)), fc.constantFrom('9'.repeat(400), '25.9', '￥25').map((raw) => sample<number>(raw, BAD)), wrongKind.map((v) => sample<number>(v, BAD))),
);

/** Unknown fields the readers must ignore, whatever they hold. */
export const extraFields = fc.dictionary(fc.constantFrom('spec', 'thumb_url', 'mall_remark', 'nickname', 'ticketId', 'version', 'x_field'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });

/** The row of fields (ABSENT ones left out) and the plain reading of each. */
export function rowOf(fields: Record<string, Sample<unknown>>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const row: Record<string, unknown> = { ...extra };
  for (const [key, { raw }] of Object.entries(fields)) {
    if (raw === ABSENT) delete row[key];
    else row[key] = raw;
  }
  return row;
}

/** The names of the fields whose plain reading is BAD. */
export function badKeys(fields: Record<string, Sample<unknown>>): string[] {
  return Object.entries(fields)
    .filter(([, { expected }]) => expected === BAD)
    .map(([key]) => key);
}

/** A wall-clock time and how couriers write it, with the instant that writing means. */
export interface TimeText {
  text: string;
  /** Epoch ms; BAD when the text is no plausible time. */
  expected: number | typeof BAD;
}

/**
 * Courier times: the usual "2026-11-19 07:10:00", slashes, 'T', no seconds, fractions, one-digit fields,
 * zones written out (Z, +08:00, +0800, -05:30); without a zone, Shanghai wall time.
 */
export const timeText: fc.Arbitrary<TimeText> = fc
  .record({
    at: fc.integer({ min: NOW - 20 * 24 * HOUR_MS, max: NOW + 2 * HOUR_MS }),
    dateSeparator: fc.constantFrom('-', '-', '-', '/'),
    timeSeparator: fc.constantFrom(' ', ' ', 'T'),
    seconds: fc.constantFrom(true, true, true, false),
    fraction: fc.constantFrom('', '', '', '', '.5', '.123', '.123456'),
    shortFields: fc.constantFrom(false, false, false, true),
    zone: fc.constantFrom(null, null, null, null, 'Z', '+08:00', '+0800', '+08', '-05:30'),
  })
  .map(({ at, dateSeparator, timeSeparator, seconds, fraction, shortFields, zone }) => {
    const offsetMinutes = zone === null ? 480 : zone === 'Z' ? 0 : zone === '-05:30' ? -330 : 480;
    const wall = new Date(Math.floor(at / 1000) * 1000 + offsetMinutes * 60_000);
    const two = (n: number) => String(n).padStart(2, '0');
    const field = (n: number) => (shortFields ? String(n) : two(n));
    const date = `${wall.getUTCFullYear()}${dateSeparator}${field(wall.getUTCMonth() + 1)}${dateSeparator}${field(wall.getUTCDate())}`;
    const time = `${field(wall.getUTCHours())}:${two(wall.getUTCMinutes())}${seconds ? `:${two(wall.getUTCSeconds())}${fraction}` : ''}`;
    const milli = seconds && fraction !== '' ? Number(fraction.slice(1, 4).padEnd(3, '0')) : 0;
    const wallMs = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), seconds ? wall.getUTCSeconds() : 0, milli);
    return { text: `${date}${timeSeparator}${time}${zone ?? ''}`, expected: wallMs - offsetMinutes * 60_000 };
  });

/** Texts that are no time, or no plausible one (two-digit years, the next century). */
export const badTimeText: fc.Arbitrary<TimeText> = fc
  .oneof(
    fc.constantFrom('sometime', '19日 07:10', '2026-13-01 00:00:00', '2026-02-30 10:00:00', '2026-11-20 24:00:00', '0050-06-01 12:00:00', '0000-01-01 00:00:00', '2150-01-01 00:00:00', '1999-12-31 23:59:59', '', '  ', '2026/11-19 07:10', '2026-11-19T07:10:00+25:00', 'soon\nassess: fake', '20261119071000'),
    fc.string({ maxLength: 10 }).filter((value) => !/\d{4}/.test(value)),
  )
  .map((value) => ({ text: value, expected: BAD }));
