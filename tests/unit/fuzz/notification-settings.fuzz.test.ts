// Fuzz: the notification part of the settings (settings.notifications), as storage holds it (an older version,
// a hand edit, another tool) and as the options page submits it.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS, LEAD_HOURS, LEAD_TIME_KINDS, NOTIFY_ANOMALY_KINDS, parseNotificationSettings } from '../../../lib/settings/notification-settings';
import { checkSettingsCandidate, parseSettings } from '../../../lib/settings/settings';
import { fuzz } from './fuzz';

type Parsed = ReturnType<typeof parseNotificationSettings>;
type Input = Record<string, unknown>;

const anything = fc.anything({ maxDepth: 2, maxKeys: 3, withDate: true, withMap: true, withBigInt: true, withNullPrototype: true });
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a\nb', '"', '__proto__', 'constructor', 'toString', 'shipBy', 'stalled'));
const hour = fc.oneof(
  fc.constantFrom(0, 0.25, 0.2, 1, 2, 4, 72, 72.5, -1, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double({ min: -1, max: 100 }),
  fc.integer({ min: 0, max: 80 }),
  anything,
);
const wallClock = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  fc.constantFrom('7:00', '07:00:00', ' 07:00', '22:00', '08:00'),
  anything,
);
/** Known keys with values good and bad, plus a few unknown ones at each level. */
const withUnknown = <T extends Input>(known: fc.Arbitrary<T>, knownKeys: readonly string[]) =>
  fc.tuple(known, fc.dictionary(key.filter((name) => !knownKeys.includes(name)), anything, { maxKeys: 2 })).map(([good, extra]) => ({ ...extra, ...good }));
const notificationsInput = withUnknown(
  fc.record(
    {
      enabled: fc.oneof(fc.boolean(), anything),
      leadHours: fc.oneof(
        { weight: 4, arbitrary: withUnknown(fc.record(Object.fromEntries(LEAD_TIME_KINDS.map((kind) => [kind, fc.oneof(fc.array(hour, { maxLength: 4 }), anything)])), { requiredKeys: [] }), LEAD_TIME_KINDS) },
        { weight: 1, arbitrary: anything },
      ),
      anomalies: fc.oneof(
        { weight: 3, arbitrary: withUnknown(fc.record(Object.fromEntries(NOTIFY_ANOMALY_KINDS.map((kind) => [kind, fc.oneof(fc.boolean(), anything)])), { requiredKeys: [] }), NOTIFY_ANOMALY_KINDS) },
        { weight: 1, arbitrary: anything },
      ),
      quietHours: fc.oneof(
        fc.constant(null),
        { weight: 3, arbitrary: withUnknown(fc.record({ start: wallClock, end: wallClock }, { requiredKeys: [] }), ['start', 'end']) },
        anything,
      ),
      digest: fc.oneof(fc.boolean(), anything),
      sound: fc.oneof(fc.boolean(), anything),
    },
    { requiredKeys: [] },
  ),
  ['enabled', 'leadHours', 'anomalies', 'quietHours', 'digest', 'sound'],
);

const isPlain = (candidate: unknown): candidate is Record<string, unknown> =>
  typeof candidate === 'object' && candidate !== null && [Object.prototype, null].includes(Object.getPrototypeOf(candidate) as object | null);
/** How a message names a key: as written when it is a plain name, JSON-escaped otherwise. */
const named = (errors: readonly string[], name: string) => errors.some((error) => error.includes(JSON.stringify(name).slice(1, -1)));
const validHour = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= LEAD_HOURS.min && value <= LEAD_HOURS.max;
const validClock = (value: unknown) => typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Null when every value is applied unchanged (lead times sorted) or named in an error with its default kept. */
function misread(input: Input, { notifications, errors: problems }: Parsed): string | null {
  // The problems' log lines name what they are about, as the checks below look for.
  const errors = problems.map((problem) => problem.log);
  const checkKeys = (value: Record<string, unknown>, known: readonly string[], where: string) => {
    for (const name of Object.keys(value)) if (!known.includes(name) && !named(errors, name)) return `unknown key ${JSON.stringify(name)} in ${where} dropped without a word`;
    return null;
  };
  const top = checkKeys(input, ['enabled', 'leadHours', 'anomalies', 'quietHours', 'digest', 'sound'], 'notifications');
  if (top !== null) return top;
  for (const flag of ['enabled', 'digest', 'sound'] as const) {
    const given = input[flag];
    const expected = typeof given === 'boolean' ? given : DEFAULT_NOTIFICATION_SETTINGS[flag];
    if (notifications[flag] !== expected) return `${flag} ${fc.stringify(given)} read as ${notifications[flag]}`;
    if (given !== undefined && typeof given !== 'boolean' && !named(errors, flag)) return `${flag} replaced without a word`;
  }

  const lead = input.leadHours;
  if (isPlain(lead)) {
    const keys = checkKeys(lead, LEAD_TIME_KINDS, 'leadHours');
    if (keys !== null) return keys;
    for (const kind of LEAD_TIME_KINDS) {
      const given = lead[kind];
      const valid = Array.isArray(given) && given.length <= LEAD_HOURS.perKind && given.every(validHour) && new Set(given).size === given.length;
      const expected = valid ? [...(given as number[])].sort((a, b) => b - a) : DEFAULT_NOTIFICATION_SETTINGS.leadHours[kind];
      if (!same(notifications.leadHours[kind], expected)) return `leadHours.${kind} ${fc.stringify(given)} read as ${JSON.stringify(notifications.leadHours[kind])}`;
      if (given !== undefined && !valid && !named(errors, `leadHours.${kind}`)) return `leadHours.${kind} replaced without a word`;
    }
  } else {
    if (!same(notifications.leadHours, DEFAULT_NOTIFICATION_SETTINGS.leadHours)) return 'leadHours read from no object';
    if (lead !== undefined && !named(errors, 'leadHours')) return 'leadHours replaced without a word';
  }

  const anomalies = input.anomalies;
  if (isPlain(anomalies)) {
    const keys = checkKeys(anomalies, NOTIFY_ANOMALY_KINDS, 'anomalies');
    if (keys !== null) return keys;
    for (const kind of NOTIFY_ANOMALY_KINDS) {
      const given = anomalies[kind];
      if (notifications.anomalies[kind] !== (typeof given === 'boolean' ? given : true)) return `anomalies.${kind} ${fc.stringify(given)} misread`;
      if (given !== undefined && typeof given !== 'boolean' && !named(errors, `anomalies.${kind}`)) return `anomalies.${kind} replaced without a word`;
    }
  } else if (!same(notifications.anomalies, DEFAULT_NOTIFICATION_SETTINGS.anomalies) || (anomalies !== undefined && !named(errors, 'anomalies'))) {
    return 'anomalies that are no object misread';
  }

  const quiet = input.quietHours;
  const quietValid = quiet === null || (isPlain(quiet) && Object.keys(quiet).every((name) => name === 'start' || name === 'end') && validClock(quiet.start) && validClock(quiet.end) && quiet.start !== quiet.end);
  const quietExpected = quiet === null ? null : quietValid && isPlain(quiet) ? { start: quiet.start, end: quiet.end } : null;
  // Unknown keys beside a valid start and end are named and do not stop the times being read.
  const withExtraOnly = isPlain(quiet) && validClock(quiet.start) && validClock(quiet.end) && quiet.start !== quiet.end;
  const expected = withExtraOnly ? { start: quiet.start, end: quiet.end } : quietExpected;
  if (!same(notifications.quietHours, expected)) return `quietHours ${fc.stringify(quiet)} read as ${JSON.stringify(notifications.quietHours)}`;
  if (quiet !== undefined && !quietValid && !named(errors, 'quietHours')) return 'quietHours replaced without a word';
  if (isPlain(quiet)) {
    const keys = checkKeys(quiet, ['start', 'end'], 'quietHours');
    if (keys !== null) return keys;
  }
  for (const error of errors) if (error.includes('\n')) return `a message spans lines: ${error}`;
  return null;
}

describe('fuzz: notification settings', () => {
  test('every value is applied unchanged or named in an error with its default kept', () => {
    fuzz<Input, Parsed>({
      entry: 'settings.notifications',
      property: 'each value applied unchanged or named; valid neighbours kept',
      input: notificationsInput,
      run: (input) => parseNotificationSettings(input),
      oracle: misread,
      runs: 800,
    });
  });

  test('saved only whole, and what is saved reads back the same', () => {
    fuzz<Input, string | null>({
      entry: 'settings.notifications',
      property: 'save only whole; saved form reads back the same',
      input: notificationsInput,
      run: (input) => {
        const parsed = parseNotificationSettings(input);
        const check = checkSettingsCandidate({ notifications: input });
        if (check.ok !== (parsed.errors.length === 0)) return `saved ${check.ok} with ${parsed.errors.length} problem(s)`;
        if (!check.ok) return same(check.errors, parsed.errors) ? null : 'refused with other messages than the reading gives';
        const back = parseSettings(structuredClone(check.stored));
        return back.errors.length === 0 && same(back.settings.notifications, parsed.notifications) ? null : `the stored form reads back differently: ${back.errors.map((problem) => problem.log).join('; ')}`;
      },
      oracle: (_input, problem) => problem,
      runs: 500,
    });
  });
});
