import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant, parseShanghaiLocal, shanghaiWallToMs } from '../../../lib/time/parse';
import { epochToMs, formatRemaining, formatShanghai, shanghaiDateTime } from '../../../lib/time/shanghai';

describe('epochToMs', () => {
  it.each([
    ['unix seconds', 1795140000, 1795140000000],
    ['milliseconds (after-sales closeTime)', 1795140000123, 1795140000123],
    ['0 is not set', 0, null],
    ['negative is not set', -5, null],
    ['NaN is not set', Number.NaN, null],
  ])('%s', (_label, value, expected) => {
    expect(epochToMs(value)).toBe(expected);
  });
});

describe('Shanghai wall time', () => {
  it('reads courier times as Shanghai time, whatever the machine zone', () => {
    expect(parseShanghaiLocal('2026-11-20 10:00:00')).toBe(Date.UTC(2026, 10, 20, 2, 0, 0));
    expect(parseShanghaiLocal('2026-11-20T10:00')).toBe(Date.UTC(2026, 10, 20, 2, 0, 0));
    expect(parseShanghaiLocal('2026-11-20')).toBe(Date.UTC(2026, 10, 19, 16, 0, 0));
  });

  it.each(['2026-02-29 10:00:00', '2026-13-01 00:00:00', '2026-11-20 24:00:00', 'yesterday', '', '20261120'])('refuses %j', (text) => {
    expect(parseShanghaiLocal(text)).toBeNull();
  });

  it('knows the 1986–1991 summer time through the time-zone database', () => {
    expect(shanghaiWallToMs(1988, 7, 1, 12, 0, 0)).toBe(Date.UTC(1988, 6, 1, 3, 0, 0));
  });

  it('agrees with TZDate on every instant the fast path covers', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        const wall = new TZDate(Math.floor(ms / 1000) * 1000, 'Asia/Shanghai');
        const back = shanghaiWallToMs(wall.getFullYear(), wall.getMonth() + 1, wall.getDate(), wall.getHours(), wall.getMinutes(), wall.getSeconds());
        expect(back).toBe(Math.floor(ms / 1000) * 1000);
      }),
    );
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-11-20T10:00:00+08:00', Date.UTC(2026, 10, 20, 2)],
    ['2026-11-20T02:00:00Z', Date.UTC(2026, 10, 20, 2)],
    ['2026-11-19T18:00:00-08:00', Date.UTC(2026, 10, 20, 2)],
    ['2026-11-20 10:00:00', Date.UTC(2026, 10, 20, 2)],
  ])('%s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it('refuses what is not a time', () => {
    expect(parseInstant('next tuesday')).toBeNull();
  });

  it.each([
    ['slashes', '2026/11/19 07:10:00', Date.UTC(2026, 10, 18, 23, 10)],
    ['slashes, one-digit month and day', '2026/1/9 7:10', Date.UTC(2026, 0, 8, 23, 10)],
    ['T without seconds', '2026-11-19T07:10', Date.UTC(2026, 10, 18, 23, 10)],
    ['fractional seconds', '2026-11-19 07:10:00.123', Date.UTC(2026, 10, 18, 23, 10, 0, 123)],
    ['microseconds, cut to milliseconds', '2026-11-19T07:10:00.123456', Date.UTC(2026, 10, 18, 23, 10, 0, 123)],
    ['+08:00', '2026-11-19 07:10:00+08:00', Date.UTC(2026, 10, 18, 23, 10)],
    ['+0800', '2026-11-19T07:10:00+0800', Date.UTC(2026, 10, 18, 23, 10)],
    ['+08', '2026-11-19T07:10+08', Date.UTC(2026, 10, 18, 23, 10)],
    ['Z with a fraction', '2026-11-18T23:10:00.5Z', Date.UTC(2026, 10, 18, 23, 10, 0, 500)],
    ['-05:30', '2026-11-18T17:40:00-05:30', Date.UTC(2026, 10, 18, 23, 10)],
    ['surrounding whitespace', ' 2026-11-19 07:10:00\n', Date.UTC(2026, 10, 18, 23, 10)],
  ])('reads a courier time with %s: %j', (_label, text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it.each(['2026/11-19 07:10:00', '2026-11-19 07:10:00+24:00', '2026-11-19 07:10:00+08:60', '2026-11-19+08:00', '2026-11-19 07:10:00 +08:00', '0000-06-01 12:00:00'])(
    'refuses %j',
    (text) => {
      expect(parseInstant(text)).toBeNull();
    },
  );

  it('reads a zone only where one may be given: parseShanghaiLocal refuses it', () => {
    expect(parseShanghaiLocal('2026-11-19 07:10:00+08:00')).toBeNull();
    expect(parseShanghaiLocal('2026/11/19 07:10:00')).toBe(Date.UTC(2026, 10, 18, 23, 10));
  });

  it('reads the years 0001–0099 as written, never as 1901–1999', () => {
    const year = (ms: number | null) => (ms === null ? null : new Date(ms).getUTCFullYear());
    expect(year(parseShanghaiLocal('0050-06-01 12:00:00'))).toBe(50);
    expect(year(parseInstant('0050-06-01T12:00:00Z'))).toBe(50);
    expect(year(shanghaiWallToMs(99, 12, 31, 12, 0, 0))).toBe(99);
    // Leap day of a leap year that 19xx does not share (1900 is no leap year; the year 4 is).
    expect(new Date(shanghaiWallToMs(4, 2, 29, 12, 0, 0)).getUTCDate()).toBe(29);
  });
});

describe('display helpers', () => {
  it('formats in Shanghai as MM-dd HH:mm', () => {
    expect(formatShanghai(Date.UTC(2026, 10, 20, 1, 12))).toBe('11-20 09:12');
    expect(formatShanghai(Date.UTC(2026, 11, 31, 16, 5))).toBe('01-01 00:05');
  });

  it.each([
    [5 * 3600_000 + 12 * 60_000 + 59_000, '5时12分', '5h 12m'],
    [2 * 86_400_000 + 3 * 3600_000 + 59 * 60_000, '2天3时', '2d 3h'],
    [12 * 60_000, '12分', '12m'],
    [59_999, '0分', '0m'],
    [-(3600_000 + 5 * 60_000), '-1时5分', '-1h 5m'],
  ])('formatRemaining(%d)', (ms, zh, en) => {
    expect(formatRemaining(ms, 'zh')).toBe(zh);
    expect(formatRemaining(ms, 'en')).toBe(en);
  });
});

describe('parseShanghaiLocal fast path', () => {
  it('reads any valid wall time as the same instant as the explicit +08:00 form', () => {
    const wall = fc.tuple(
      fc.integer({ min: 1992, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 59 }),
    );
    fc.assert(
      fc.property(wall, ([y, mo, d, h, mi, s]) => {
        const p2 = (n: number) => String(n).padStart(2, '0');
        const local = `${y}-${p2(mo)}-${p2(d)} ${p2(h)}:${p2(mi)}:${p2(s)}`;
        const explicit = Date.parse(`${local.replace(' ', 'T')}+08:00`);
        // Date.parse rolls 02-30 over; the reader refuses it.
        const real = new Date(explicit + 8 * 3600_000).getUTCDate() === d;
        expect(parseShanghaiLocal(local)).toBe(real ? explicit : null);
      }),
      { numRuns: 3000 },
    );
  });


  it('agrees with the general reading for well-formed and malformed 19-character times', () => {
    const text = fc.tuple(
      fc.integer({ min: 1990, max: 2100 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 24 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 60 }),
      fc.constantFrom(' ', 'T', 'x'),
    );
    fc.assert(
      fc.property(text, ([y, mo, d, h, mi, s, sep]) => {
        const p2 = (n: number) => String(n).padStart(2, '0');
        const fixed = `${y}-${p2(mo)}-${p2(d)}${sep}${p2(h)}:${p2(mi)}:${p2(s)}`;
        const loose = `${y}-${mo}-${d}${sep === 'x' ? 'x' : ' '}${h}:${p2(mi)}:${p2(s)}`;
        // The loose spelling (one-digit month/day/hour) takes the general path; both must agree.
        expect(parseShanghaiLocal(fixed)).toBe(sep === 'x' ? null : parseShanghaiLocal(loose));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('shanghaiDateTime', () => {
  it('writes the Shanghai wall time the time zone database gives, summer time of 1986–1991 included', () => {
    const reference = (ms: number) => {
      const wall = new TZDate(ms, 'Asia/Shanghai');
      const two = (n: number) => String(n).padStart(2, '0');
      return `${wall.getFullYear()}-${two(wall.getMonth() + 1)}-${two(wall.getDate())} ${two(wall.getHours())}:${two(wall.getMinutes())}:${two(wall.getSeconds())}`;
    };
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        expect(shanghaiDateTime(ms)).toBe(reference(ms));
      }),
      { numRuns: 2000 },
    );
    expect(shanghaiDateTime(Date.UTC(1988, 6, 1, 4))).toBe('1988-07-01 13:00:00');
    expect(shanghaiDateTime(Date.UTC(1991, 11, 31, 16))).toBe('1992-01-01 00:00:00');
    expect(shanghaiDateTime(null)).toBeNull();
  });
});
