// The desktop-notification part of the settings (通知 on the options page): lead times per clock kind, which
// critical anomalies notify, quiet hours, digests and sound. Pure; ./settings reads it as `notifications`,
// optional in storage (settings saved before it existed read as these defaults). Like every other setting, a
// bad value is named and its default kept, and an unknown key is refused by name.
import * as v from 'valibot';
import type { LeadTimeKind, NotificationSettings, NotifyAnomalyKind } from '../notifications/types';
import { step } from '../schema/issues';
import { plainObject } from '../schema/plain-object';
import { describeValue } from '../text/quote';
import { issueProblems, unknownSetting, type Bounds, type SettingsProblem } from './settings-problem';

export const LEAD_TIME_KINDS: readonly LeadTimeKind[] = ['ship_by', 'pickup_by', 'after_sale_reply_by'];
export const NOTIFY_ANOMALY_KINDS: readonly NotifyAnomalyKind[] = ['rejected', 'returning', 'intercept_parcel', 'duplicate_tracking', 'tracking_invalid', 'timeout_auto_refund'];

/** Hours before a deadline: from a quarter of an hour to three days, at most three reminders per clock kind. */
export const LEAD_HOURS = { min: 0.25, max: 72, perKind: 3 } as const;

const frozen = (hours: number[]): number[] => Object.freeze(hours) as number[];

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = Object.freeze({
  enabled: true,
  // Frozen down to the lists: every reading without a stored list hands out these very ones.
  leadHours: Object.freeze({ ship_by: frozen([4, 1]), pickup_by: frozen([8, 2]), after_sale_reply_by: frozen([6, 1]) }),
  anomalies: Object.freeze(Object.fromEntries(NOTIFY_ANOMALY_KINDS.map((kind) => [kind, true])) as Record<NotifyAnomalyKind, boolean>),
  quietHours: null,
  digest: true,
  sound: false,
});

const KNOWN_KEYS: ReadonlySet<string> = new Set<keyof NotificationSettings>(['enabled', 'leadHours', 'anomalies', 'quietHours', 'digest', 'sound']);
const KNOWN_QUIET_KEYS: ReadonlySet<string> = new Set(['start', 'end']);
const isLeadTimeKind = (key: string): key is LeadTimeKind => (LEAD_TIME_KINDS as readonly string[]).includes(key);
const isNotifyAnomalyKind = (key: string): key is NotifyAnomalyKind => (NOTIFY_ANOMALY_KINDS as readonly string[]).includes(key);

/** `HH:MM`, 00:00 to 23:59, two digits each: what `<input type="time">` gives. */
export const WALL_CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

const switchSchema = v.boolean();
const leadListSchema = v.custom<unknown[]>(Array.isArray, 'a list of hours');
const leadHourSchema = v.pipe(
  v.number(),
  v.check((hours) => Number.isFinite(hours) && hours >= LEAD_HOURS.min && hours <= LEAD_HOURS.max, `hours from ${LEAD_HOURS.min} to ${LEAD_HOURS.max}`),
);
const wallClockSchema = v.pipe(v.string(), v.check((text) => WALL_CLOCK.test(text), 'HH:MM from 00:00 to 23:59'));

/**
 * Reads `settings.notifications` as storage or the options page gives it (`undefined`: the defaults, no error).
 * Each bad part keeps its default and is named in `errors` (paths start with `notifications`); lead times come
 * back largest first, as the planner expects.
 */
export function parseNotificationSettings(raw: unknown): { notifications: NotificationSettings; errors: SettingsProblem[] } {
  const defaults = DEFAULT_NOTIFICATION_SETTINGS;
  if (raw === undefined) return { notifications: defaults, errors: [] };
  const errors: SettingsProblem[] = [];
  const read = <T>(schema: v.GenericSchema<unknown, T>, value: unknown, path: string, bounds?: Bounds): T | undefined => {
    const result = v.safeParse(schema, value);
    if (result.success) return result.output;
    errors.push(...issueProblems(result.issues, path, bounds));
    return undefined;
  };
  const object = (value: unknown, path: string, what: string) => read(plainObject(`an object of ${what}`), value, path);
  const unknownKeys = (value: Record<string, unknown>, known: (key: string) => boolean, path: string) => {
    for (const key of Object.keys(value)) if (!known(key)) errors.push(unknownSetting(`${path}${step(key, false)}`));
  };

  const given = object(raw, 'notifications', 'notification settings');
  if (given === undefined) return { notifications: defaults, errors };
  unknownKeys(given, (key) => KNOWN_KEYS.has(key), 'notifications');

  const flag = (name: 'enabled' | 'digest' | 'sound') =>
    (given[name] === undefined ? undefined : read(switchSchema, given[name], `notifications.${name}`)) ?? defaults[name];
  // Read in the contract's field order, so the messages come in the order the page shows the fields.
  const enabled = flag('enabled');

  const leadHours = { ...defaults.leadHours };
  const leadRaw = given.leadHours === undefined ? undefined : object(given.leadHours, 'notifications.leadHours', 'clock kind → hours');
  if (leadRaw !== undefined) {
    unknownKeys(leadRaw, isLeadTimeKind, 'notifications.leadHours');
    for (const kind of LEAD_TIME_KINDS) {
      if (leadRaw[kind] === undefined) continue;
      const list = readLeadList(leadRaw[kind], `notifications.leadHours.${kind}`, read, errors);
      if (list !== undefined) leadHours[kind] = list;
    }
  }

  const anomalies = { ...defaults.anomalies };
  const anomaliesRaw = given.anomalies === undefined ? undefined : object(given.anomalies, 'notifications.anomalies', 'anomaly kind → true/false');
  if (anomaliesRaw !== undefined) {
    unknownKeys(anomaliesRaw, isNotifyAnomalyKind, 'notifications.anomalies');
    for (const kind of NOTIFY_ANOMALY_KINDS) {
      if (anomaliesRaw[kind] === undefined) continue;
      const on = read(switchSchema, anomaliesRaw[kind], `notifications.anomalies.${kind}`);
      if (on !== undefined) anomalies[kind] = on;
    }
  }

  let quietHours = defaults.quietHours;
  if (given.quietHours === null) quietHours = null;
  else if (given.quietHours !== undefined) {
    const quietRaw = object(given.quietHours, 'notifications.quietHours', 'start and end times, or null');
    if (quietRaw !== undefined) {
      unknownKeys(quietRaw, (key) => KNOWN_QUIET_KEYS.has(key), 'notifications.quietHours');
      const before = errors.length;
      const start = read(wallClockSchema, quietRaw.start, 'notifications.quietHours.start');
      const end = read(wallClockSchema, quietRaw.end, 'notifications.quietHours.end');
      if (start !== undefined && end !== undefined && start === end)
        errors.push({ code: 'invalid', path: 'notifications.quietHours', value: `${start}–${end}`, log: `notifications.quietHours: expected an end other than the start, got ${start} to ${end}` });
      else if (start !== undefined && end !== undefined && errors.length === before) quietHours = { start, end };
    }
  }

  const digest = flag('digest');
  const sound = flag('sound');
  return { notifications: { enabled, leadHours, anomalies, quietHours, digest, sound }, errors };
}

/** One clock kind's lead times: every entry in range, no two alike, at most three; the whole list or none (its default kept). */
function readLeadList(
  value: unknown,
  path: string,
  read: <T>(schema: v.GenericSchema<unknown, T>, value: unknown, path: string, bounds?: Bounds) => T | undefined,
  errors: SettingsProblem[],
): number[] | undefined {
  const list = read(leadListSchema, value, path);
  if (list === undefined) return undefined;
  const before = errors.length;
  const hours: number[] = [];
  list.forEach((entry, index) => {
    const hour = read(leadHourSchema, entry, `${path}[${index}]`, LEAD_HOURS);
    if (hour === undefined) return;
    if (hours.includes(hour)) errors.push({ code: 'repeated', path: `${path}[${index}]`, value: describeValue(hour), log: `${path}[${index}]: expected a lead time not given twice, got ${describeValue(hour)} again` });
    else hours.push(hour);
  });
  if (list.length > LEAD_HOURS.perKind) errors.push({ code: 'too_many', path, value: `${list.length}`, max: LEAD_HOURS.perKind, log: `${path}: expected at most ${LEAD_HOURS.perKind} lead times, got ${list.length}` });
  if (errors.length > before) return undefined;
  return hours.sort((a, b) => b - a);
}
