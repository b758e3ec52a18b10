// The merchant's settings: policy overrides, which badges to show, how long to keep history, UI language,
// which tracking service the poller asks, and desktop notifications (./notification-settings). Stored settings are untrusted like everything else: each bad
// value is reported and its default kept. Pure: the storage item that holds them is in ./settings-item.ts.
// The tracking accounts' credentials are not settings: they live apart, in ./tracking-credentials.ts.
import * as v from 'valibot';
import { checkPolicy, DEFAULT_POLICY, type Policy } from '../findings/policy';
import { FINDING_KINDS, isFindingKind, type FindingKind } from '../findings/registry';
import type { NotificationSettings } from '../notifications/types';
import type { TrackingService } from '../tracking/provider';
import { step } from '../schema/issues';
import { isPlainObject, plainObject } from '../schema/plain-object';
import { DEFAULT_NOTIFICATION_SETTINGS, parseNotificationSettings } from './notification-settings';
import { issueProblems, policyProblem, unknownSetting, valueOf, type Bounds, type SettingsProblem } from './settings-problem';

export type LanguageSetting = 'auto' | 'zh' | 'en';

/** 查询服务 and what the poller needs besides an account. */
export interface TrackingSettings {
  /** Who is asked about parcels; `console_only` asks nobody (only the console's own traces are read). */
  service: TrackingService;
  /** Four digits: the sender's phone tail, used for 顺丰/中通 when the order's virtual number gives none. */
  senderPhoneTail: string | null;
  /** Queries per Beijing day, all parcels together. */
  dailyBudget: number;
}

export interface Settings {
  /** Overrides of policy keys; validated by `checkPolicy`. */
  policyOverrides: Record<string, number>;
  /** Per-kind badge switch; a kind missing here is shown. */
  badgeKinds: Record<FindingKind, boolean>;
  /** Days a closed order is kept before the daily pruning removes it. */
  retentionDays: number;
  language: LanguageSetting;
  tracking: TrackingSettings;
  /** Desktop notifications before deadlines and when a critical anomaly opens. */
  notifications: NotificationSettings;
}

export const RETENTION_DAYS = { default: 180, min: 7, max: 3650 } as const;
export const DAILY_BUDGET = { default: 500, min: 10, max: 100_000 } as const;
export const TRACKING_SERVICES: readonly TrackingService[] = ['kuaidi100', 'kdniao', 'demo', 'console_only'];

export const DEFAULT_TRACKING_SETTINGS: TrackingSettings = Object.freeze({ service: 'console_only', senderPhoneTail: null, dailyBudget: DAILY_BUDGET.default });

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  policyOverrides: {},
  badgeKinds: Object.fromEntries(FINDING_KINDS.map((kind) => [kind, true])) as Record<FindingKind, boolean>,
  retentionDays: RETENTION_DAYS.default,
  language: 'auto',
  tracking: DEFAULT_TRACKING_SETTINGS,
  notifications: DEFAULT_NOTIFICATION_SETTINGS,
});

/**
 * Version 1 (stored without a version) held every kind's badge switch. Version 2 keeps only the kinds
 * switched off: a kind that the vocabulary later renames or drops then stays out of the stored settings
 * unless the merchant chose to hide it, instead of turning every saved settings object into a broken one.
 * `tracking` and `notifications` came later without a new version: they are optional, and settings without
 * them read as their defaults.
 */
export const SETTINGS_VERSION = 2;

/** What storage holds (version 2): every field optional, a missing one is its default. */
export interface StoredSettings {
  policyOverrides?: Record<string, number>;
  badgeKinds?: Partial<Record<FindingKind, boolean>>;
  retentionDays?: number;
  language?: LanguageSetting;
  tracking?: TrackingSettings;
  notifications?: NotificationSettings;
}

/** Version 1 → 2: drops the switches that were on (the default). Anything else is left for `parseSettings` to judge. */
export function migrateSettingsToV2(stored: unknown): unknown {
  if (!isPlainObject(stored) || !isPlainObject(stored.badgeKinds)) return stored;
  return { ...stored, badgeKinds: Object.fromEntries(Object.entries(stored.badgeKinds).filter(([, shown]) => shown !== true)) };
}

/** The stored form of valid settings: only the switched-off kinds. */
export function storedSettings(settings: Settings): StoredSettings {
  const hidden = Object.fromEntries(Object.entries(settings.badgeKinds).filter(([, shown]) => !shown));
  return {
    policyOverrides: settings.policyOverrides,
    badgeKinds: hidden,
    retentionDays: settings.retentionDays,
    language: settings.language,
    tracking: settings.tracking,
    notifications: settings.notifications,
  };
}

export interface ParsedSettings {
  settings: Settings;
  policy: Policy;
  errors: SettingsProblem[];
}

const KNOWN_KEYS: ReadonlySet<string> = new Set<keyof Settings>(['policyOverrides', 'badgeKinds', 'retentionDays', 'language', 'tracking', 'notifications']);
const KNOWN_TRACKING_KEYS: ReadonlySet<string> = new Set<keyof TrackingSettings>(['service', 'senderPhoneTail', 'dailyBudget']);

const badgeKindsSchema = plainObject('an object of kind → true/false');
const badgeKindSchema = v.custom<FindingKind>(isFindingKind, 'a badge kind');
const badgeSwitchSchema = v.boolean();
const retentionDaysSchema = v.pipe(
  v.number(),
  v.check(
    (days) => Number.isInteger(days) && days >= RETENTION_DAYS.min && days <= RETENTION_DAYS.max,
    `whole days from ${RETENTION_DAYS.min} to ${RETENTION_DAYS.max}`,
  ),
);
const languageSchema = v.picklist(['auto', 'zh', 'en'] as const);
const trackingSchema = plainObject('an object of tracking settings');
const serviceSchema = v.picklist(TRACKING_SERVICES);
const phoneTailSchema = v.nullable(v.pipe(v.string(), v.check((tail) => /^\d{4}$/.test(tail), 'four digits')));
const dailyBudgetSchema = v.pipe(
  v.number(),
  v.check(
    (count) => Number.isInteger(count) && count >= DAILY_BUDGET.min && count <= DAILY_BUDGET.max,
    `whole queries from ${DAILY_BUDGET.min} to ${DAILY_BUDGET.max}`,
  ),
);

type Read = <T>(schema: v.GenericSchema<unknown, T>, value: unknown, path: string, bounds?: Bounds) => T | undefined;

/** A reader that keeps what validates and names in `errors` what does not. */
function readerInto(errors: SettingsProblem[]): Read {
  return (schema, value, path, bounds) => {
    const result = v.safeParse(schema, value);
    if (result.success) return result.output;
    errors.push(...issueProblems(result.issues, path, bounds));
    return undefined;
  };
}

function readBadgeKinds(value: unknown, read: Read): Record<FindingKind, boolean> {
  const badgeKinds = { ...DEFAULT_SETTINGS.badgeKinds };
  const switches = value === undefined ? undefined : read(badgeKindsSchema, value, 'badgeKinds');
  for (const [name, shown] of Object.entries(switches ?? {})) {
    const path = `badgeKinds${step(name, false)}`;
    const kind = read(badgeKindSchema, name, path);
    const enabled = kind === undefined ? undefined : read(badgeSwitchSchema, shown, path);
    if (kind !== undefined && enabled !== undefined) badgeKinds[kind] = enabled;
  }
  return badgeKinds;
}

const readLanguage = (value: unknown, read: Read): LanguageSetting => (value === undefined ? undefined : read(languageSchema, value, 'language')) ?? 'auto';

/** What the console page draws by: the badge switches and the language. */
export type BadgeSettings = Pick<Settings, 'badgeKinds' | 'language'>;

/**
 * Only the badge switches and the language, read exactly as `parseSettings` reads them, for the content script:
 * it shows nothing else, and leaving the policy, tracking and notification checks out keeps it within its size.
 */
export function parseBadgeSettings(raw: unknown): BadgeSettings {
  if (!isPlainObject(raw)) return { badgeKinds: DEFAULT_SETTINGS.badgeKinds, language: DEFAULT_SETTINGS.language };
  const read = readerInto([]);
  return { badgeKinds: readBadgeKinds(raw.badgeKinds, read), language: readLanguage(raw.language, read) };
}

/** Reads settings from whatever storage holds; never throws, keeps every valid part, names every other one. */
export function parseSettings(raw: unknown): ParsedSettings {
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, policy: DEFAULT_POLICY, errors: [] };
  if (!isPlainObject(raw)) return { settings: DEFAULT_SETTINGS, policy: DEFAULT_POLICY, errors: [{ code: 'not_object', path: 'settings', ...valueOf(raw), log: 'settings: not an object; defaults used' }] };
  const errors: SettingsProblem[] = [];
  const read = readerInto(errors);

  // A misspelt key (`retentionDay`) is a setting the merchant believes saved: never dropped without a word.
  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.has(key)) errors.push(unknownSetting(step(key, true)));

  const { policy, problems: policyProblems } = checkPolicy(raw.policyOverrides);
  errors.push(...policyProblems.map(policyProblem));
  const policyOverrides: Record<string, number> = {};
  if (isPlainObject(raw.policyOverrides)) {
    for (const [key, value] of Object.entries(raw.policyOverrides)) {
      if (key in policy && policy[key as keyof Policy] === value) policyOverrides[key] = value;
    }
  }

  const badgeKinds = readBadgeKinds(raw.badgeKinds, read);
  const retentionDays = raw.retentionDays === undefined ? undefined : read(retentionDaysSchema, raw.retentionDays, 'retentionDays', RETENTION_DAYS);
  const language = readLanguage(raw.language, read);

  const tracking = { ...DEFAULT_TRACKING_SETTINGS };
  const trackingRaw = raw.tracking === undefined ? undefined : read(trackingSchema, raw.tracking, 'tracking');
  if (trackingRaw !== undefined) {
    for (const key of Object.keys(trackingRaw)) if (!KNOWN_TRACKING_KEYS.has(key)) errors.push(unknownSetting(`tracking${step(key, false)}`));
    const service = trackingRaw.service === undefined ? undefined : read(serviceSchema, trackingRaw.service, 'tracking.service');
    const tail = trackingRaw.senderPhoneTail === undefined ? undefined : read(phoneTailSchema, trackingRaw.senderPhoneTail, 'tracking.senderPhoneTail');
    const budget = trackingRaw.dailyBudget === undefined ? undefined : read(dailyBudgetSchema, trackingRaw.dailyBudget, 'tracking.dailyBudget', DAILY_BUDGET);
    if (service !== undefined) tracking.service = service;
    if (tail !== undefined) tracking.senderPhoneTail = tail;
    if (budget !== undefined) tracking.dailyBudget = budget;
  }

  const { notifications, errors: notificationErrors } = parseNotificationSettings(raw.notifications);
  errors.push(...notificationErrors);

  return {
    settings: { policyOverrides, badgeKinds, retentionDays: retentionDays ?? RETENTION_DAYS.default, language, tracking, notifications },
    policy,
    errors,
  };
}

export type SettingsCheck = { ok: true; stored: StoredSettings; parsed: ParsedSettings } | { ok: false; errors: SettingsProblem[] };

/** A candidate to save: accepted only whole (no problem at all, unknown keys included), in its stored form. */
export function checkSettingsCandidate(candidate: unknown): SettingsCheck {
  if (candidate === undefined || candidate === null) return { ok: false, errors: [{ code: 'nothing_to_save', path: 'settings', log: 'settings: nothing to save' }] };
  const parsed = parseSettings(candidate);
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };
  return { ok: true, stored: storedSettings(parsed.settings), parsed };
}
