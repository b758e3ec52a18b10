import { expect, test } from 'vitest';

// Guards the three-zone matrix itself: if TZ stopped reaching the workers, every zone would
// silently run as the machine's zone.
test('the project time zone reaches Date and Intl', () => {
  const zone = process.env.TZ;
  expect(zone).toBeTruthy();
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone === 'UTC' ? 'UTC' : zone);
  const januaryOffset = new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset();
  const expected: Record<string, number> = { 'Asia/Shanghai': -480, UTC: 0, 'America/Los_Angeles': 480 };
  expect(januaryOffset).toBe(expected[zone ?? '']);
});
